"""Network analysis for researchers: counts, centrality, recurrence, clusters, actor structure.

Rows of plain values (``viz/report.py`` writes them as Markdown, CSV and charts). Labels are
names and Chinese/English type names, never internal ids.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx

from graph.model import STRUCTURAL_TYPES
from ontology.vocabulary import load_vocabulary

TOP = 10


def entity_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """Entities and the extracted relationships between them, undirected, for centrality."""
    simple = nx.Graph()
    for node_id, data in graph.nodes(data=True):
        if data["type"] not in STRUCTURAL_TYPES:
            simple.add_node(node_id, **{k: data[k] for k in ("type", "name")})
    for source, target, data in graph.edges(data=True):
        if data["type"] != "MENTIONED_IN" and source in simple and target in simple:
            simple.add_edge(source, target)
    return simple


def type_label(type_name: str) -> str:
    return f"{load_vocabulary().node(type_name).label_zh} {type_name}"


def counts_by_case(graph: nx.MultiDiGraph) -> list[dict]:
    rows = []
    for case_id, data in graph.nodes(data=True):
        if data["type"] != "Case":
            continue
        types = Counter(graph.nodes[e]["type"] for e, _, d in graph.in_edges(case_id, data=True)
                        if d["type"] == "MENTIONED_IN" and graph.nodes[e]["type"] not in STRUCTURAL_TYPES)
        rows.append({"case": data["name"], "document": data.get("document", ""), **types})
    return rows


def top_central(graph: nx.MultiDiGraph) -> list[dict]:
    simple = entity_graph(graph)
    degree = nx.degree_centrality(simple) if simple.number_of_nodes() > 1 else {}
    betweenness = nx.betweenness_centrality(simple) if simple.number_of_nodes() > 2 else {}
    rows = []
    by_type: dict[str, list[str]] = defaultdict(list)
    for node in simple:
        by_type[simple.nodes[node]["type"]].append(node)
    for type_name, nodes in sorted(by_type.items()):
        for node in sorted(nodes, key=lambda n: (-betweenness.get(n, 0), -degree.get(n, 0)))[:TOP]:
            rows.append({"type": type_label(type_name), "name": simple.nodes[node]["name"],
                         "degree": round(degree.get(node, 0.0), 4), "betweenness": round(betweenness.get(node, 0.0), 4)})
    return rows


def recurring(graph: nx.MultiDiGraph, types: tuple[str, ...] = ("PartnerUnit", "Mechanism")) -> list[dict]:
    rows = [{"type": type_label(d["type"]), "name": d["name"], "cases": len(d.get("cases") or [])}
            for _, d in graph.nodes(data=True) if d["type"] in types and len(d.get("cases") or []) >= 2]
    return sorted(rows, key=lambda r: (-r["cases"], r["name"]))


def clusters(graph: nx.MultiDiGraph, seed: int = 7) -> list[dict]:
    """Densely linked groups of entities (Louvain), largest first; not the Community entity type."""
    simple = entity_graph(graph)
    simple.remove_nodes_from([n for n, d in simple.degree() if d == 0])
    if simple.number_of_edges() == 0:
        return []
    groups = nx.community.louvain_communities(simple, seed=seed)
    rows = []
    for index, group in enumerate(sorted(groups, key=len, reverse=True), start=1):
        names = sorted(simple.nodes[n]["name"] for n in group)
        rows.append({"cluster": index, "size": len(group), "members": "、".join(names[:12])})
    return rows


def actor_structure(graph: nx.MultiDiGraph) -> list[dict]:
    rows = []
    for case_id, data in graph.nodes(data=True):
        if data["type"] != "Case":
            continue
        members = [e for e, _, d in graph.in_edges(case_id, data=True) if d["type"] == "MENTIONED_IN"
                   and graph.nodes[e]["type"] not in STRUCTURAL_TYPES]
        actor_types = sorted({graph.nodes[e]["type"] for e in members
                              if load_vocabulary().node(graph.nodes[e]["type"]).is_a("Actor")})
        leaders = sorted({graph.nodes[s]["name"] for s, _, d in graph.edges(data=True)
                          if d["type"] == "LEADS" and case_id in (d.get("cases") or [])})
        rows.append({"case": data["name"], "actor types": "、".join(load_vocabulary().node(t).label_zh for t in actor_types),
                     "who leads": "、".join(leaders)})
    return rows
