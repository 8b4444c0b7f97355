"""graph.json: networkx node-link JSON, the contract the evaluation reads."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx


def to_node_link(graph: nx.MultiDiGraph) -> dict:
    return nx.node_link_data(graph, edges="links")


def write_graph_json(graph: nx.MultiDiGraph, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(to_node_link(graph), ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
    return path


def read_graph_json(path: Path) -> nx.MultiDiGraph:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
