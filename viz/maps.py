"""Interactive network maps as standalone HTML: whole graph, one case, one neighbourhood.

pyvis assembles the nodes and edges; the page is our own template with
vis-network inlined, an embedded CJK font subset, a legend, search and
filters, and no request to the network. Every text from documents goes into
a JSON block (``<`` escaped) and reaches the page as text, never as HTML.
"""
from __future__ import annotations

import hashlib
import html
import json
import math
from functools import cache
from pathlib import Path
from string import Template

import networkx as nx
import pyvis
from pyvis.network import Network

from ontology.vocabulary import load_vocabulary
from viz.fonts import font_subset_data_url

TEMPLATE = Path(__file__).with_name("template.html")
VIS_JS = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
LAYOUT_THRESHOLD = 300  # above this many nodes, the quicker Barnes-Hut physics lays the map out
TOOLTIP_SENTENCE = 120


@cache
def _vis_js() -> str:
    return VIS_JS.read_text(encoding="utf-8")


def _json_for_script(value) -> str:
    """JSON that cannot close its <script> element or open a comment."""
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def map_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """What a map shows: entities, cases and their links (documents left out)."""
    return graph.subgraph(n for n, d in graph.nodes(data=True) if d["type"] != "Document").copy()


def case_graph(graph: nx.MultiDiGraph, case_id: str) -> nx.MultiDiGraph:
    if case_id not in graph or graph.nodes[case_id]["type"] != "Case":
        raise KeyError(f"no case {case_id!r} in the graph")
    keep = {case_id} | {n for n, d in graph.nodes(data=True) if d["type"] not in ("Case", "Document")
                        and case_id in (d.get("cases") or [])}
    sub = nx.MultiDiGraph()
    sub.add_nodes_from((n, graph.nodes[n]) for n in keep)
    for s, t, k, d in graph.edges(keys=True, data=True):
        if s in keep and t in keep and case_id in (d.get("cases") or []):
            sub.add_edge(s, t, key=k, **d)
    return sub


def neighbourhood_graph(graph: nx.MultiDiGraph, entity_id: str, depth: int = 1) -> nx.MultiDiGraph:
    if entity_id not in graph:
        raise KeyError(f"no entity {entity_id!r} in the graph (ids look like 'Type:name')")
    shown = map_graph(graph)
    keep = set(nx.ego_graph(shown.to_undirected(as_view=True), entity_id, radius=depth))
    return shown.subgraph(keep).copy()


def _edge_label(data: dict) -> str:
    label = data.get("label_zh", "")
    if data.get("amount"):
        amount = data["amount"]
        label += f" {amount / 10000:g}万元" if amount >= 10000 else f" {amount:g}元"
    if data.get("role"):
        label += f"（{data['role']}）"
    return label if data["type"] != "MENTIONED_IN" else ""


def _tooltip(data: dict, case_titles: dict[str, str]) -> str:
    vocabulary = load_vocabulary()
    node_type = vocabulary.node(data["type"])
    lines = [data.get("name", ""), f"{node_type.label_zh} · {node_type.name}"]
    if data.get("aliases"):
        lines.append("别名: " + "、".join(data["aliases"][:6]))
    cases = [case_titles.get(c, c) for c in data.get("cases") or [] if c in case_titles]
    if cases and data["type"] != "Case":
        lines.append("案例: " + "；".join(cases[:4]))
    evidence = data.get("evidence") or []
    if evidence:
        lines.append("“" + evidence[0]["sentence"][:TOOLTIP_SENTENCE] + "”")
    return "\n".join(lines)


def render_map(graph: nx.MultiDiGraph, title: str) -> str:
    """The standalone HTML of one map."""
    vocabulary = load_vocabulary()
    case_titles = {n: d["name"] for n, d in graph.nodes(data=True) if d["type"] == "Case"}
    large = graph.number_of_nodes() > LAYOUT_THRESHOLD
    net = Network(directed=True)
    degree = dict(graph.degree())
    for node_id, data in graph.nodes(data=True):
        node_type = vocabulary.node(data["type"])
        net.add_node(node_id, label=data.get("name", ""), title=_tooltip(data, case_titles),
                     color=node_type.colour, shape=node_type.shape, kind=node_type.name,
                     size=12 + 5 * math.sqrt(degree.get(node_id, 0)),
                     cases=list(data.get("cases") or []),
                     search=" ".join([data.get("name", "")] + list(data.get("aliases") or [])))
    for source, target, data in graph.edges(data=True):
        structural = data["type"] == "MENTIONED_IN"
        net.add_edge(source, target, label=_edge_label(data), title=_edge_label(data) or data["type"],
                     cases=list(data.get("cases") or []), dashes=structural, width=1 if structural else 2,
                     color="#B0BEC5" if structural else "#546E7A", arrows="" if structural else "to")
    nodes, edges = net.nodes, net.edges
    counts: dict[str, int] = {}
    for _, data in graph.nodes(data=True):
        counts[data["type"]] = counts.get(data["type"], 0) + 1
    legend = [{"type": t.name, "label": f"{t.label_zh} {t.name}", "colour": t.colour, "count": counts[t.name]}
              for t in vocabulary.node_types.values() if t.name in counts]
    options = {
        "nodes": {"font": {"size": 18, "face": "CaseGraphCJK, sans-serif", "strokeWidth": 3,
                           "strokeColor": "#ffffff"}, "borderWidth": 1},
        "edges": {"font": {"size": 14, "face": "CaseGraphCJK, sans-serif", "align": "middle",
                           "strokeWidth": 3, "strokeColor": "#ffffff"}, "smooth": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
        "layout": {"improvedLayout": not large},
        "physics": {"enabled": True, "solver": "barnesHut" if large else "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -90, "springLength": 170, "avoidOverlap": 0.4},
                    "barnesHut": {"gravitationalConstant": -8000, "springLength": 140, "avoidOverlap": 0.1},
                    "stabilization": {"enabled": True, "iterations": 250 if large else 400, "fit": True}},
    }
    data = {"title": title, "nodes": nodes, "edges": edges, "legend": legend, "options": options,
            "cases": [{"id": c, "title": t} for c, t in sorted(case_titles.items())]}
    text = title + "".join(n["label"] + n["title"] for n in nodes) + "".join(e["label"] for e in edges) \
        + "".join(item["label"] for item in legend) + "图例搜索全部案例别名"
    font_url = font_subset_data_url(text)
    font_face = (f"@font-face {{ font-family: CaseGraphCJK; src: url({font_url}) format('woff2'); }}"
                 if font_url else "")
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        title=html.escape(title), font_face=font_face, data=_json_for_script(data), vis_js=_vis_js())


def _write(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8")
    return path


def _slug(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def write_maps(graph: nx.MultiDiGraph, folder: Path, case: str | None = None, entity: str | None = None,
               depth: int = 1) -> list[Path]:
    """Maps of the whole graph and each case (or the one case / neighbourhood asked for), plus index.html."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[tuple[Path, str]] = []
    if entity:
        name = graph.nodes[entity]["name"] if entity in graph else entity
        sub = neighbourhood_graph(graph, entity, depth)
        title = f"{name} 的关系网络"
        written.append((_write(folder / f"entity-{_slug(entity)}.html", render_map(sub, title)), title))
    elif case:
        sub = case_graph(graph, case)
        title = graph.nodes[case]["name"]
        written.append((_write(folder / f"case-{_slug(case)}.html", render_map(sub, title)), title))
    else:
        written.append((_write(folder / "graph.html", render_map(map_graph(graph), "案例知识图谱 全图")), "全图 whole graph"))
        for case_id, data in sorted(graph.nodes(data=True), key=lambda nd: nd[0]):
            if data["type"] == "Case":
                written.append((_write(folder / f"case-{_slug(case_id)}.html",
                                       render_map(case_graph(graph, case_id), data["name"])), data["name"]))
    items = "\n".join(f'<li><a href="{html.escape(p.name)}">{html.escape(t)}</a></li>' for p, t in written)
    _write(folder / "index.html", "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                                  "<title>casegraph maps</title></head><body style=\"font-family:sans-serif;"
                                  f"font-size:18px\"><h1>casegraph maps 网络图</h1><ul>{items}</ul></body></html>")
    return [p for p, _ in written]
