// Shortest path between two organisations (by name), through any relationship
// params: a, b
MATCH (x {name: $a}), (y {name: $b})
MATCH path = shortestPath((x)-[*..6]-(y))
RETURN [n IN nodes(path) | n.name] AS names, length(path) AS hops
