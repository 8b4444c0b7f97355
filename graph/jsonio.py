"""graph.json: networkx node-link JSON, the contract the evaluation reads.

casegraph writes it one node or link per line, so a graph of any size is written
from a stream of rows and read back as one (``GraphFile``), without the whole
graph in memory; node-link JSON written by other tools is read too, in one piece.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

import networkx as nx

HEADER = '{"directed": true, "multigraph": true, "graph": {}, "nodes": ['
BETWEEN = '], "links": ['
FOOTER = ']}'


class GraphRows(Protocol):
    """A graph as the rows of graph.json: node dicts (with "id") and link dicts (with "source", "target",
    "key"). Each call starts a new pass; ``networkx()`` holds the whole graph, for what needs it at once."""

    def nodes(self) -> Iterator[dict]: ...

    def links(self) -> Iterator[dict]: ...

    def networkx(self) -> nx.MultiDiGraph: ...


class NetworkxRows:
    """An in-memory graph seen as rows."""

    def __init__(self, graph: nx.MultiDiGraph):
        self.graph = graph

    def nodes(self) -> Iterator[dict]:
        for node_id, data in self.graph.nodes(data=True):
            yield {**data, "id": node_id}

    def links(self) -> Iterator[dict]:
        for source, target, key, data in self.graph.edges(keys=True, data=True):
            yield {**data, "source": source, "target": target, "key": key}

    def networkx(self) -> nx.MultiDiGraph:
        return self.graph


class GraphFile:
    """A graph.json read as rows, line by line when casegraph wrote it."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._graph: nx.MultiDiGraph | None = None

    def nodes(self) -> Iterator[dict]:
        return self._section("nodes")

    def links(self) -> Iterator[dict]:
        return self._section("links")

    def networkx(self) -> nx.MultiDiGraph:
        if self._graph is None:
            self._graph = graph_from_rows(self)
        return self._graph

    def _section(self, name: str) -> Iterator[dict]:
        with open(self.path, encoding="utf-8") as handle:
            if handle.readline().rstrip("\n") != HEADER:
                handle.seek(0)
                yield from json.load(handle)[name]
                return
            section = "nodes"
            for line in handle:
                line = line.rstrip("\n").removesuffix(",")
                if line in (BETWEEN, FOOTER):
                    if section == name:
                        return
                    section = "links"
                elif section == name:
                    yield json.loads(line)


def as_rows(graph: nx.MultiDiGraph | GraphRows | str | Path) -> GraphRows:
    """Rows of an in-memory graph, of rows already, or of a graph.json file."""
    if isinstance(graph, nx.Graph):
        return NetworkxRows(graph)
    if isinstance(graph, (str, Path)):
        return GraphFile(Path(graph))
    return graph


def _lines(rows: Iterable[dict]) -> Iterator[str]:
    """One JSON row per line, a comma after every one but the last."""
    pending = None
    for row in rows:
        if pending is not None:
            yield pending + ",\n"
        pending = json.dumps(row, ensure_ascii=False)
    if pending is not None:
        yield pending + "\n"


def write_graph_json(graph: nx.MultiDiGraph | GraphRows, path: Path) -> Path:
    """Write rows as they come, to a temporary file renamed into place when complete."""
    rows = as_rows(graph)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(HEADER + "\n")
        handle.writelines(_lines(rows.nodes()))
        handle.write(BETWEEN + "\n")
        handle.writelines(_lines(rows.links()))
        handle.write(FOOTER + "\n")
    tmp.replace(path)
    return path


def graph_from_rows(rows: GraphRows) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for node in rows.nodes():
        node_id = node.pop("id")
        graph.add_node(node_id, **node)
    for link in rows.links():
        source, target, key = link.pop("source"), link.pop("target"), link.pop("key", None)
        graph.add_edge(source, target, key=key, **link)
    return graph


def read_graph_json(path: Path) -> nx.MultiDiGraph:
    return graph_from_rows(GraphFile(path))
