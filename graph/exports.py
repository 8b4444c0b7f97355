"""File exports for other tools, one function per format, registered in EXPORTERS."""
from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from graph.gold_export import write_gold
from graph.rdf import write_rdf
from ontology.vocabulary import load_vocabulary


def _flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only the scalar attributes GraphML/GEXF can hold (lists joined by '|')."""
    flat = nx.MultiDiGraph()
    for node_id, data in graph.nodes(data=True):
        flat.add_node(node_id, type=data["type"], label=data.get("name", ""),
                      label_zh=load_vocabulary().node(data["type"]).label_zh,
                      aliases="|".join(data.get("aliases") or []), cases="|".join(data.get("cases") or []))
    for source, target, key, data in graph.edges(keys=True, data=True):
        attributes = {"type": data["type"], "label_zh": data.get("label_zh", ""),
                      "cases": "|".join(data.get("cases") or [])}
        if data.get("amount") is not None:
            attributes["amount"] = float(data["amount"])
        if data.get("role"):
            attributes["role"] = data["role"]
        flat.add_edge(source, target, key=key, **attributes)
    return flat


def write_turtle(graph: nx.MultiDiGraph, folder: Path) -> Path:
    path = folder / "graph.ttl"
    write_rdf(graph, path, "turtle")
    return path


def write_jsonld(graph: nx.MultiDiGraph, folder: Path) -> Path:
    path = folder / "graph.jsonld"
    write_rdf(graph, path, "json-ld")
    return path


def write_graphml(graph: nx.MultiDiGraph, folder: Path) -> Path:
    path = folder / "graph.graphml"
    nx.write_graphml(_flat(graph), path, encoding="utf-8")
    return path


def write_gexf(graph: nx.MultiDiGraph, folder: Path) -> Path:
    path = folder / "graph.gexf"
    nx.write_gexf(_flat(graph), path, encoding="utf-8")
    return path


def write_admin_csv(graph: nx.MultiDiGraph, folder: Path) -> Path:
    """CSV in the neo4j-admin database import header format, one file per label and type."""
    target = folder / "neo4j-import"
    target.mkdir(parents=True, exist_ok=True)
    vocabulary = load_vocabulary()
    nodes: dict[str, list] = defaultdict(list)
    for node_id, data in graph.nodes(data=True):
        nodes[data["type"]].append((node_id, data))
    for label, rows in nodes.items():
        with open(target / f"nodes_{label}.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id:ID", "name", "aliases:string[]", "cases:string[]", ":LABEL"])
            for node_id, data in rows:
                writer.writerow([node_id, data.get("name", ""), ";".join(data.get("aliases") or []),
                                 ";".join(data.get("cases") or []), f"{label};{vocabulary.node(label).label_zh}"])
    edges: dict[str, list] = defaultdict(list)
    for source, target_id, data in graph.edges(data=True):
        edges[data["type"]].append((source, target_id, data))
    for rel_type, rows in edges.items():
        with open(target / f"relationships_{rel_type}.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow([":START_ID", ":END_ID", ":TYPE", "label_zh", "cases:string[]", "amount:double",
                             "role", "evidence"])
            for source, target_id, data in rows:
                writer.writerow([source, target_id, rel_type, data.get("label_zh", ""),
                                 ";".join(data.get("cases") or []),
                                 "" if data.get("amount") is None else data["amount"], data.get("role", ""),
                                 json.dumps([e["sentence"] for e in data.get("evidence") or []], ensure_ascii=False)])
    return target


EXPORTERS: dict[str, Callable[[nx.MultiDiGraph, Path], Path]] = {
    "turtle": write_turtle,
    "jsonld": write_jsonld,
    "graphml": write_graphml,
    "gexf": write_gexf,
    "csv": write_admin_csv,
    "gold": write_gold,
}
DEFAULT_FORMATS = ("turtle", "jsonld", "graphml", "gexf", "csv")  # gold is asked for by name


def export_graph(graph: nx.MultiDiGraph, folder: Path, formats: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [EXPORTERS[name](graph, folder) for name in formats]
