"""Every Cypher statement the writer sends: pure functions returning query text.

Labels and relationship types are never parameters in Cypher, so they come only
from the ontology (``quote_label`` refuses anything else); all values travel as
parameters.
"""
from __future__ import annotations

from ontology.vocabulary import load_vocabulary


def quote_label(name: str) -> str:
    """A label or relationship type from the ontology, back-quoted; anything else is refused."""
    vocabulary = load_vocabulary()
    known = set(vocabulary.node_types) | set(vocabulary.relation_types) | {
        t.label_zh for t in vocabulary.node_types.values()}
    if name not in known:
        raise ValueError(f"{name!r} is not a label or relationship type of the ontology")
    return f"`{name}`"


def constraint_statement(label: str) -> str:
    return (f"CREATE CONSTRAINT cg_{label}_id IF NOT EXISTS "
            f"FOR (n:{quote_label(label)}) REQUIRE n.id IS UNIQUE")


def merge_nodes_statement(label: str) -> str:
    """Nodes of one type, merged on their stable id under the English label (the one indexed)."""
    return f"UNWIND $rows AS row MERGE (n:{quote_label(label)} {{id: row.id}}) SET n += row.props"


def chinese_label_statement(label: str) -> str:
    """The Chinese label as a second label, set after the merge.

    Merging on two labels at once is not served by the id index in ArcadeDB
    (every batch scans), so the second label is added by id in a second step.
    """
    label_zh = load_vocabulary().node(label).label_zh
    return (f"UNWIND $rows AS row MATCH (n:{quote_label(label)} {{id: row.id}}) "
            f"WHERE NOT n:{quote_label(label_zh)} SET n:{quote_label(label_zh)}")


def merge_relationships_statement(rel_type: str, source_label: str, target_label: str) -> str:
    return (f"UNWIND $rows AS row "
            f"MATCH (a:{quote_label(source_label)} {{id: row.source}}) "
            f"MATCH (b:{quote_label(target_label)} {{id: row.target}}) "
            f"MERGE (a)-[r:{quote_label(rel_type)}]->(b) SET r += row.props")


def bare_create_statement(label: str) -> str:
    """The baseline the benchmark compares the writer with: plain CREATE, no MERGE."""
    return f"UNWIND $rows AS row CREATE (n:{quote_label(label)}) SET n = row.props"


DELETE_BATCH = "MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n"
COUNT_NODES = "MATCH (n) RETURN count(n) AS n"
COUNT_RELATIONSHIPS = "MATCH ()-[r]->() RETURN count(r) AS n"
VERSION_PROPERTY = "graph_version"  # which graph a node or relationship was last loaded from


def stale_nodes_statement(label: str) -> str:
    """A batch of nodes of an ontology label that the graph being loaded no longer has (other labels, a
    researcher's own data beside casegraph's, are never touched)."""
    return (f"MATCH (n:{quote_label(label)}) WHERE coalesce(n.{VERSION_PROPERTY}, '') <> $version "
            "WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n")


def stale_relationships_statement(rel_type: str) -> str:
    return (f"MATCH ()-[r:{quote_label(rel_type)}]->() WHERE coalesce(r.{VERSION_PROPERTY}, '') <> $version "
            "WITH r LIMIT 5000 DELETE r RETURN count(*) AS n")


NAME_INDEX = "cg_names"


def fulltext_index_statement(labels: list[str]) -> str:
    """Neo4j's full-text index over names and aliases, with Lucene's CJK analyzer (bigrams find 国权 in longer names)."""
    label_union = "|".join(quote_label(label) for label in labels)
    return (f"CREATE FULLTEXT INDEX {NAME_INDEX} IF NOT EXISTS FOR (n:{label_union}) ON EACH [n.name, n.aliases] "
            "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}")


AWAIT_INDEXES = "CALL db.awaitIndexes(300)"
FULLTEXT_SEARCH = (f"CALL db.index.fulltext.queryNodes('{NAME_INDEX}', $phrase, {{limit: $limit}}) YIELD node, score "
                   "WHERE $type IS NULL OR node.type = $type "
                   "RETURN node.id AS id, node.name AS name, node.type AS type, node.aliases AS aliases, score")
CONTAINS_SEARCH = ("MATCH (node) WHERE ($type IS NULL OR node.type = $type) AND "
                   "(node.name CONTAINS $text OR any(alias IN coalesce(node.aliases, []) WHERE alias CONTAINS $text)) "
                   "RETURN node.id AS id, node.name AS name, node.type AS type, node.aliases AS aliases, 0.0 AS score "
                   "LIMIT $limit")
