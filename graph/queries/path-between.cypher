// Shortest chain of extracted relationships between two organisations (by name), not through cases
// params: a, b
MATCH (x {name: $a}), (y {name: $b})
MATCH path = shortestPath((x)-[*..6]-(y))
WHERE none(r IN relationships(path) WHERE type(r) = 'MENTIONED_IN')
RETURN [n IN nodes(path) | n.name] AS names, [r IN relationships(path) | r.label_zh] AS links, length(path) AS hops
