"""One writer for Neo4j and the embedded store: constraints, then UNWIND/MERGE batches.

Every batch runs in ``execute_write`` (the driver retries transient errors) and
merges on stable ids, so a second load of the same graph changes nothing and a
load cut short is completed by running it again.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

from graph.cypher import (AWAIT_INDEXES, COUNT_NODES, COUNT_RELATIONSHIPS, DELETE_BATCH, VERSION_PROPERTY,
                          chinese_label_statement, constraint_statement, fulltext_index_statement,
                          merge_nodes_statement, merge_relationships_statement, stale_nodes_statement,
                          stale_relationships_statement)
from graph.jsonio import GraphRows, as_rows
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


@dataclass(frozen=True)
class GraphCensus:
    """What a load needs to know before it writes: each node's label, the counts, and the graph's version."""

    labels: dict[str, str]
    relationships: int
    version: str


def _item_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def take_census(rows: GraphRows) -> GraphCensus:
    """One pass over the rows. The version digests node ids and relationship keys whatever their order: what
    the graph holds, not how it is described, so a reload of the same build changes nothing."""
    vocabulary = load_vocabulary()
    labels, digest, relationships = {}, 0, 0
    for node in rows.nodes():
        labels[node["id"]] = vocabulary.node(node["type"]).name
        digest += _item_hash(f"n\0{node['id']}")
    for link in rows.links():
        relationships += 1
        digest += _item_hash(f"r\0{link['source']}\0{link['type']}\0{link['target']}")
    return GraphCensus(labels, relationships, f"{digest % 2**64:016x}")


class _Batches:
    """Rows gathered per key and handed on ``size`` at a time, so a load holds one batch per key."""

    def __init__(self, size: int, flush: Callable[[tuple, list[dict]], None]):
        self.size, self.flush, self.pending = size, flush, defaultdict(list)

    def add(self, key: tuple, row: dict) -> None:
        rows = self.pending[key]
        rows.append(row)
        if len(rows) >= self.size:
            self.flush(key, rows)
            self.pending[key] = []

    def close(self) -> None:
        for key, rows in sorted(self.pending.items()):
            if rows:
                self.flush(key, rows)
        self.pending.clear()


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

    def write(self, graph: nx.MultiDiGraph | GraphRows | Path) -> LoadReport:
        """Merge the graph in (an in-memory graph, or a graph.json read as a stream, in batches), then remove
        what an earlier build left that this one no longer has."""
        rows = as_rows(graph)
        vocabulary = load_vocabulary()
        census = take_census(rows)
        self.ensure_schema(sorted(set(census.labels.values())))
        nodes = _Batches(self.batch_size, self._write_nodes)
        for node in rows.nodes():
            nodes.add((census.labels[node["id"]],),
                      {"id": node["id"], "props": {**node_properties(node["id"], node), VERSION_PROPERTY: census.version}})
        nodes.close()
        relationships = _Batches(self.batch_size, self._write_relationships)
        for link in rows.links():
            key = (vocabulary.relation(link["type"]).name, census.labels[link["source"]], census.labels[link["target"]])
            relationships.add(key, {"source": link["source"], "target": link["target"],
                                    "props": {**relationship_properties(link), VERSION_PROPERTY: census.version}})
        relationships.close()
        in_store = (self.count(COUNT_NODES), self.count(COUNT_RELATIONSHIPS))
        nodes_removed = relationships_removed = 0
        if in_store != (len(census.labels), census.relationships):
            # every node and relationship of the graph is in the store now, so equal counts mean nothing else is
            relationships_removed = sum(self.remove(stale_relationships_statement(t), census.version)
                                        for t in sorted(vocabulary.relation_types))
            nodes_removed = sum(self.remove(stale_nodes_statement(t), census.version)
                                for t in sorted(vocabulary.node_types))
            in_store = (self.count(COUNT_NODES), self.count(COUNT_RELATIONSHIPS))
        return LoadReport(nodes_written=len(census.labels), relationships_written=census.relationships,
                          nodes_in_store=in_store[0], relationships_in_store=in_store[1],
                          nodes_removed=nodes_removed, relationships_removed=relationships_removed)

    def _write_nodes(self, key: tuple[str], rows: list[dict]) -> None:
        self.run_batch(merge_nodes_statement(key[0]), rows)
        self.run_batch(chinese_label_statement(key[0]), rows)

    def _write_relationships(self, key: tuple[str, str, str], rows: list[dict]) -> None:
        self.run_batch(merge_relationships_statement(*key), rows)

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
