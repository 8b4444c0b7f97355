// Mechanisms ranked by the number of cases that use them
MATCH (m:Mechanism)
RETURN m.name AS mechanism, size(m.cases) AS cases, m.cases AS case_ids
ORDER BY cases DESC, mechanism
