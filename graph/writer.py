"""One writer for Neo4j and the embedded store: constraints, then UNWIND/MERGE batches.

Every batch runs in ``execute_write`` (the driver retries transient errors) and
merges on stable ids, so a second load of the same graph changes nothing and a
load cut short is completed by running it again.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx
from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

from graph.cypher import (AWAIT_INDEXES, COUNT_NODES, COUNT_RELATIONSHIPS, DELETE_BATCH, VERSION_PROPERTY,
                          chinese_label_statement, constraint_statement, fulltext_index_statement,
                          merge_nodes_statement, merge_relationships_statement, stale_nodes_statement,
                          stale_relationships_statement)
from graph.store import StoreError, server_features
from ontology.vocabulary import load_vocabulary

SCALAR_NODE_FIELDS = ("name", "type", "label_zh", "confidence", "title", "subtitle", "document", "order",
                      "district", "subdistrict", "area", "path", "format", "note")


@dataclass(frozen=True)
class LoadReport:
    nodes_written: int
    relationships_written: int
    nodes_in_store: int
    relationships_in_store: int
    nodes_removed: int = 0
    relationships_removed: int = 0


def node_properties(node_id: str, data: dict) -> dict:
    """Neo4j properties of a node: scalars, string lists, evidence as sentences and JSON."""
    props = {key: data[key] for key in SCALAR_NODE_FIELDS if data.get(key) not in (None, "")}
    props["aliases"] = list(data.get("aliases") or [])
    props["cases"] = list(data.get("cases") or [])
    if "implicit" in data:
        props["implicit"] = bool(data["implicit"])
    evidence = data.get("evidence") or []
    if evidence:
        props["evidence"] = [e["sentence"] for e in evidence]
        props["evidence_json"] = json.dumps(evidence, ensure_ascii=False)
    return props


def relationship_properties(data: dict) -> dict:
    evidence = data.get("evidence") or []
    props = {"label_zh": data.get("label_zh", ""), "cases": list(data.get("cases") or []),
             "evidence": [e["sentence"] for e in evidence],
             "rules": [e["rule"] for e in evidence],
             "evidence_json": json.dumps(evidence, ensure_ascii=False)}
    for key in ("amount", "role", "note", "confidence"):
        if data.get(key) not in (None, ""):
            props[key] = data[key]
    return props


def graph_version(graph: nx.MultiDiGraph) -> str:
    """A digest of the graph's node ids and relationship keys: what it holds, not how it is described, so a
    reload of the same build changes nothing."""
    digest = hashlib.sha256()
    for node_id in sorted(graph.nodes):
        digest.update(f"n\0{node_id}\0".encode())
    for source, target, rel_type in sorted((s, t, d["type"]) for s, t, d in graph.edges(data=True)):
        digest.update(f"r\0{source}\0{rel_type}\0{target}\0".encode())
    return digest.hexdigest()[:16]


def _batches(rows: list[dict], size: int):
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


class GraphWriter:
    """Writes a casegraph networkx graph through a Bolt driver."""

    def __init__(self, driver: Driver, database: str, batch_size: int = 2000):
        self.driver, self.database, self.batch_size = driver, database, batch_size

    def run_batch(self, statement: str, rows: list[dict] | None = None) -> None:
        """One statement over one batch of rows, in a retried write transaction."""
        def work(tx: ManagedTransaction) -> None:
            tx.run(statement, rows=rows or []).consume()

        try:
            with self.driver.session(database=self.database) as session:
                session.execute_write(work)
        except (ServiceUnavailable, SessionExpired) as err:
            raise StoreError(f"store connection lost during load ({err}); run the load again to complete it") from None
        except Neo4jError as err:
            raise StoreError(f"store refused the load: {err.message or err}") from None

    def ensure_schema(self, labels: list[str]) -> None:
        """Unique ids per label, and where the server has one, the full-text index of names and aliases."""
        for label in labels:
            self.run_batch(constraint_statement(label))
        if server_features(self.driver).fulltext_index:
            self.run_batch(fulltext_index_statement(sorted(load_vocabulary().node_types)))
            self.run_batch(AWAIT_INDEXES)

    def write(self, graph: nx.MultiDiGraph) -> LoadReport:
        """Merge the graph in, then remove what an earlier build left that this one no longer has."""
        vocabulary = load_vocabulary()
        version = graph_version(graph)
        nodes_by_type: dict[str, list[dict]] = defaultdict(list)
        for node_id, data in graph.nodes(data=True):
            nodes_by_type[vocabulary.node(data["type"]).name].append(
                {"id": node_id, "props": {**node_properties(node_id, data), VERSION_PROPERTY: version}})
        self.ensure_schema(sorted(nodes_by_type))
        for label, rows in sorted(nodes_by_type.items()):
            for batch in _batches(rows, self.batch_size):
                self.run_batch(merge_nodes_statement(label), batch)
                self.run_batch(chinese_label_statement(label), batch)
        edges: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
        for source, target, data in graph.edges(data=True):
            rel_type = vocabulary.relation(data["type"]).name
            key = (rel_type, graph.nodes[source]["type"], graph.nodes[target]["type"])
            edges[key].append({"source": source, "target": target,
                               "props": {**relationship_properties(data), VERSION_PROPERTY: version}})
        for (rel_type, source_label, target_label), rows in sorted(edges.items()):
            for batch in _batches(rows, self.batch_size):
                self.run_batch(merge_relationships_statement(rel_type, source_label, target_label), batch)
        nodes, relationships = self.count(COUNT_NODES), self.count(COUNT_RELATIONSHIPS)
        nodes_removed = relationships_removed = 0
        if (nodes, relationships) != (graph.number_of_nodes(), graph.number_of_edges()):
            # every node and relationship of the graph is in the store now, so equal counts mean nothing else is
            relationships_removed = sum(self.remove(stale_relationships_statement(t), version)
                                        for t in sorted(vocabulary.relation_types))
            nodes_removed = sum(self.remove(stale_nodes_statement(t), version) for t in sorted(vocabulary.node_types))
            nodes, relationships = self.count(COUNT_NODES), self.count(COUNT_RELATIONSHIPS)
        return LoadReport(nodes_written=graph.number_of_nodes(), relationships_written=graph.number_of_edges(),
                          nodes_in_store=nodes, relationships_in_store=relationships,
                          nodes_removed=nodes_removed, relationships_removed=relationships_removed)

    def remove(self, statement: str, version: str) -> int:
        """Run a batched delete until nothing is left to delete; how many went."""
        removed = 0
        while True:
            with self.driver.session(database=self.database) as session:
                batch = session.execute_write(lambda tx: tx.run(statement, version=version).single()["n"])
            if not batch:
                return removed
            removed += batch

    def clear(self) -> int:
        """Delete every node and relationship of the database, in batches; returns how many nodes went."""
        return self.remove(DELETE_BATCH, "")

    def count(self, statement: str) -> int:
        with self.driver.session(database=self.database) as session:
            return session.run(statement).single()["n"]
