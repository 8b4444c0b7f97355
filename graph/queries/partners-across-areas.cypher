// Partner units that co-build with two or more residential areas' bodies or places
MATCH (p:PartnerUnit)-[:CO_BUILDS]-(x)
WITH p, collect(DISTINCT x.name) AS partners
WHERE size(partners) >= 2
RETURN p.name AS partner, partners, size(partners) AS n
ORDER BY n DESC, partner
