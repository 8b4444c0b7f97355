// Partner units at work in two or more cases (areas), with the cases
MATCH (p:PartnerUnit)
WHERE size(p.cases) >= 2
RETURN p.name AS partner, p.cases AS cases, size(p.cases) AS n
ORDER BY n DESC, partner
