// One residential area's party branch, committees and property firm, and the projects they lead
// params: area:Community
MATCH (b)-[:MENTIONED_IN]->(c:Case)
WHERE c.area = $area AND (b:PartyOrganization OR b:Committee OR b:PropertyFirm)
OPTIONAL MATCH (b)-[:LEADS]->(p:Project)
RETURN b.type AS type, b.name AS body, collect(DISTINCT p.name) AS projects
ORDER BY type, body
