// For each case, how many actors of each type take part
MATCH (e)-[:MENTIONED_IN]->(c:Case)
WHERE e.type <> 'Case'
RETURN c.name AS case_title, e.type AS type, count(e) AS actors
ORDER BY case_title, actors DESC
