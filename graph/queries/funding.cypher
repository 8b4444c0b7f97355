// Who funded which project, and how much (yuan, where the text says)
MATCH (a)-[f:FUNDED]->(p:Project)
RETURN a.name AS funder, a.type AS funder_type, p.name AS project, f.amount AS amount, f.cases AS cases
ORDER BY coalesce(f.amount, -1) DESC, funder
