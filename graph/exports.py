"""File exports for other tools, one function per format, registered in EXPORTERS."""
from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from graph.gold_export import write_gold
from graph.jsonio import GraphRows, as_rows
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


def write_turtle(rows: GraphRows, folder: Path) -> Path:
    path = folder / "graph.ttl"
    write_rdf(rows.networkx(), path, "turtle")
    return path


def write_jsonld(rows: GraphRows, folder: Path) -> Path:
    path = folder / "graph.jsonld"
    write_rdf(rows.networkx(), path, "json-ld")
    return path


def write_graphml(rows: GraphRows, folder: Path) -> Path:
    path = folder / "graph.graphml"
    nx.write_graphml(_flat(rows.networkx()), path, encoding="utf-8")
    return path


def write_gexf(rows: GraphRows, folder: Path) -> Path:
    path = folder / "graph.gexf"
    nx.write_gexf(_flat(rows.networkx()), path, encoding="utf-8")
    return path


NODE_HEADER = ["id:ID", "name", "aliases:string[]", "cases:string[]", ":LABEL"]
RELATIONSHIP_HEADER = [":START_ID", ":END_ID", ":TYPE", "label_zh", "cases:string[]", "amount:double", "role",
                       "evidence"]


class _CsvFiles:
    """One CSV file per label or type, opened with its header when its first row comes."""

    def __init__(self, folder: Path, prefix: str, header: list[str]):
        self.folder, self.prefix, self.header, self.open = folder, prefix, header, {}

    def row(self, name: str, values: list) -> None:
        if name not in self.open:
            handle = open(self.folder / f"{self.prefix}_{name}.csv", "w", newline="", encoding="utf-8")
            self.open[name] = (handle, csv.writer(handle))
            self.open[name][1].writerow(self.header)
        self.open[name][1].writerow(values)

    def close(self) -> None:
        for handle, _ in self.open.values():
            handle.close()


def write_admin_csv(rows: GraphRows, folder: Path) -> Path:
    """CSV in the neo4j-admin database import header format, one file per label and type, written as the
    rows stream by (a graph of any size)."""
    target = folder / "neo4j-import"
    target.mkdir(parents=True, exist_ok=True)
    for stale in target.glob("*.csv"):
        stale.unlink()
    vocabulary = load_vocabulary()
    nodes = _CsvFiles(target, "nodes", NODE_HEADER)
    try:
        for node in rows.nodes():
            label = node["type"]
            nodes.row(label, [node["id"], node.get("name", ""), ";".join(node.get("aliases") or []),
                              ";".join(node.get("cases") or []), f"{label};{vocabulary.node(label).label_zh}"])
    finally:
        nodes.close()
    relationships = _CsvFiles(target, "relationships", RELATIONSHIP_HEADER)
    try:
        for link in rows.links():
            relationships.row(link["type"], [
                link["source"], link["target"], link["type"], link.get("label_zh", ""),
                ";".join(link.get("cases") or []), "" if link.get("amount") is None else link["amount"],
                link.get("role", ""),
                json.dumps([e["sentence"] for e in link.get("evidence") or []], ensure_ascii=False)])
    finally:
        relationships.close()
    return target


def admin_import_command(folder: Path, database: str = "neo4j") -> str:
    """The neo4j-admin command that imports a CSV export into an empty database (the quickest way in for a
    large corpus; the server must be stopped)."""
    nodes = " ".join(f"--nodes={path}" for path in sorted(folder.glob("nodes_*.csv")))
    relationships = " ".join(f"--relationships={path}" for path in sorted(folder.glob("relationships_*.csv")))
    return f"neo4j-admin database import full --overwrite-destination {nodes} {relationships} {database}"


def write_gold_rows(rows: GraphRows, folder: Path) -> Path:
    return write_gold(rows.networkx(), folder)


EXPORTERS: dict[str, Callable[[GraphRows, Path], Path]] = {
    "turtle": write_turtle,
    "jsonld": write_jsonld,
    "graphml": write_graphml,
    "gexf": write_gexf,
    "csv": write_admin_csv,
    "gold": write_gold_rows,
}
DEFAULT_FORMATS = ("turtle", "jsonld", "graphml", "gexf", "csv")  # gold is asked for by name


def export_graph(graph: nx.MultiDiGraph | GraphRows, folder: Path, formats: list[str]) -> list[Path]:
    """Each format written from the rows; the formats that need the whole graph read it once between them."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = as_rows(graph)
    return [EXPORTERS[name](rows, folder) for name in formats]
