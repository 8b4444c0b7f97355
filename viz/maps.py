"""Interactive network maps as standalone HTML: whole graph, one case, one neighbourhood.

pyvis assembles the nodes and edges; the page is our own template with
vis-network inlined, an embedded CJK font subset, a legend, search and
filters, and no request to the network. Every text from documents goes into
a JSON block (``<`` escaped) and reaches the page as text, never as HTML.
"""
from __future__ import annotations

import difflib
import hashlib
import html
import json
import re
from collections import Counter
from functools import cache
from pathlib import Path
from string import Template

import networkx as nx
import pyvis
from pyvis.network import Network

from graph.model import STRUCTURAL_TYPES
from ontology.vocabulary import load_vocabulary
from viz.fonts import font_subset_data_url

TEMPLATE = Path(__file__).with_name("template.html")
VIS_JS = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
LAYOUT_THRESHOLD = 300  # above this many nodes, the quicker Barnes-Hut physics lays the map out
TOOLTIP_SENTENCE = 120
MAX_CHOICES = 8
EVIDENCE_SHOWN = 3  # sentences per link in the side panel
SLUG_LENGTH = 40
MANIFEST = "maps.json"  # file → title of every map written to a folder, so the index keeps them all
UI_TEXT = "图例搜索全部案例别名关系类型节点最少连接置信度显示案例链接保存图片证据句子点击节点查看"  # the page's own words, for the font subset

LAYOUT_SEED = 7  # the same graph is laid out the same way every time it is opened


@cache
def _vis_js() -> str:
    return VIS_JS.read_text(encoding="utf-8")


def json_for_script(value) -> str:
    """JSON that cannot close its <script> element or open a comment."""
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def map_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """What a map shows: entities, cases and their links (documents left out)."""
    return graph.subgraph(n for n, d in graph.nodes(data=True) if d["type"] != "Document").copy()


def case_graph(graph: nx.MultiDiGraph, case_id: str) -> nx.MultiDiGraph:
    if case_id not in graph or graph.nodes[case_id]["type"] != "Case":
        raise KeyError(f"no case {case_id!r} in the graph")
    keep = {case_id} | {n for n, d in graph.nodes(data=True) if d["type"] not in STRUCTURAL_TYPES
                        and case_id in (d.get("cases") or [])}
    sub = nx.MultiDiGraph()
    sub.add_nodes_from((n, graph.nodes[n]) for n in keep)
    for s, t, k, d in graph.edges(keys=True, data=True):
        if s in keep and t in keep and case_id in (d.get("cases") or []):
            sub.add_edge(s, t, key=k, **d)
    return sub


def neighbourhood_graph(graph: nx.MultiDiGraph, entity_id: str, depth: int = 1) -> nx.MultiDiGraph:
    """An entity and what it is related to, ``depth`` links out; never through a case or a document, which
    would pull in everything the case names."""
    if entity_id not in graph:
        raise KeyError(f"no entity {entity_id!r} in the graph (ids look like 'Type:name')")
    entities = graph.subgraph(n for n, d in graph.nodes(data=True) if d["type"] not in STRUCTURAL_TYPES)
    keep = set(nx.ego_graph(entities.to_undirected(as_view=True), entity_id, radius=depth))
    return entities.subgraph(keep).copy()


def find_node(graph: nx.MultiDiGraph, text: str, cases: bool = False) -> str:
    """The id of the entity (or case) that ``text`` names: its id, its name, or the one name holding it;
    a KeyError naming the choices when several do, or the closest names when none does."""
    wanted = [(n, d) for n, d in graph.nodes(data=True)
              if (d["type"] == "Case") == cases and d["type"] != "Document"]
    kind = "case" if cases else "entity"
    for node_id, data in wanted:
        if text in (node_id, data.get("name")):
            return node_id
    holding = [(n, d) for n, d in wanted if text in d.get("name", "") or text in (d.get("aliases") or [])]
    if len(holding) == 1:
        return holding[0][0]
    if holding:
        choices = sorted(holding, key=lambda nd: (len(nd[1].get("name", "")), nd[0]))[:MAX_CHOICES]
        raise KeyError(f"{text!r} is part of several {kind} names: "
                       + "; ".join(f"{d.get('name')} ({n})" for n, d in choices) + "; give one of them")
    close = difflib.get_close_matches(text, [d.get("name", "") for _, d in wanted], n=MAX_CHOICES, cutoff=0.4)
    raise KeyError(f"no {kind} {text!r} in the graph" + (f"; did you mean {', '.join(close)}?" if close else ""))


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


def _confidence(data: dict) -> float:
    value = data.get("confidence")
    return 1.0 if value is None else float(value)


def render_map(graph: nx.MultiDiGraph, title: str) -> str:
    """The standalone HTML of one map: nodes sized and labelled by how connected they are (small labels appear
    on zoom), links to cases hidden until asked for, uncertain facts drawn fainter."""
    vocabulary = load_vocabulary()
    case_titles = {n: d["name"] for n, d in graph.nodes(data=True) if d["type"] == "Case"}
    large = graph.number_of_nodes() > LAYOUT_THRESHOLD
    net = Network(directed=True)
    degree = Counter(end for source, target, d in graph.edges(data=True) if d["type"] != "MENTIONED_IN"
                     for end in (source, target))  # links between entities; a case's MENTIONED_IN are not counted
    for node_id, data in graph.nodes(data=True):
        node_type = vocabulary.node(data["type"])
        confidence = _confidence(data)
        net.add_node(node_id, label=data.get("name", ""), title=_tooltip(data, case_titles),
                     color=node_type.colour, shape=node_type.shape, kind=node_type.name,
                     value=1 + degree[node_id], degree=degree[node_id], confidence=confidence,
                     opacity=0.35 + 0.65 * confidence, cases=list(data.get("cases") or []),
                     search=" ".join([data.get("name", "")] + list(data.get("aliases") or [])))
    for source, target, data in graph.edges(data=True):
        structural = data["type"] == "MENTIONED_IN"
        confidence = _confidence(data)
        net.add_edge(source, target, label=_edge_label(data), title=_edge_label(data) or data["type"],
                     kind=data["type"], structural=structural, confidence=confidence,
                     evidence=[e["sentence"] for e in (data.get("evidence") or [])[:EVIDENCE_SHOWN]],
                     cases=list(data.get("cases") or []), dashes=structural, width=1 if structural else 2,
                     color={"color": "#B0BEC5" if structural else "#546E7A", "opacity": 0.3 + 0.7 * confidence},
                     arrows="" if structural else "to")
    nodes, edges = net.nodes, net.edges
    node_counts = Counter(d["type"] for _, d in graph.nodes(data=True))
    relation_counts = Counter(d["type"] for _, _, d in graph.edges(data=True) if d["type"] != "MENTIONED_IN")
    legend = [{"type": t.name, "label": f"{t.label_zh} {t.name}", "colour": t.colour, "shape": t.shape,
               "count": node_counts[t.name]} for t in vocabulary.node_types.values() if t.name in node_counts]
    relations = [{"type": t.name, "label": f"{t.label_zh} {t.name}", "count": relation_counts[t.name]}
                 for t in vocabulary.relation_types.values() if t.name in relation_counts]
    options = {
        "nodes": {"font": {"size": 16, "face": "CaseGraphCJK, sans-serif", "strokeWidth": 4,
                           "strokeColor": "#ffffff"}, "borderWidth": 1,
                  "scaling": {"min": 10, "max": 46, "label": {"enabled": False}}},
        "edges": {"font": {"size": 16, "face": "CaseGraphCJK, sans-serif", "align": "middle",
                           "strokeWidth": 4, "strokeColor": "#ffffff"}, "smooth": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
        "layout": {"improvedLayout": not large, "randomSeed": LAYOUT_SEED},
        "physics": {"enabled": True, "solver": "barnesHut" if large else "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -90, "springLength": 170, "avoidOverlap": 0.4},
                    "barnesHut": {"gravitationalConstant": -8000, "springLength": 140, "avoidOverlap": 0.1},
                    "stabilization": {"enabled": True, "iterations": 250 if large else 400, "fit": True}},
    }
    data = {"title": title, "nodes": nodes, "edges": edges, "legend": legend, "relations": relations,
            "options": options, "minDegree": 1 if large else 0,  # a whole-graph map hides entities linked to nothing
            "cases": [{"id": c, "title": t} for c, t in sorted(case_titles.items())]}
    text = (title + "".join(n["label"] + n["title"] for n in nodes)
            + "".join(e["label"] + "".join(e["evidence"]) for e in edges)
            + "".join(item["label"] for item in legend + relations) + UI_TEXT)
    font_url = font_subset_data_url(text)
    font_face = (f"@font-face {{ font-family: CaseGraphCJK; src: url({font_url}) format('woff2'); }}"
                 if font_url else "")
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        title=html.escape(title), font_face=font_face, data=json_for_script(data), vis_js=_vis_js())


def _write(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8")
    return path


def _slug(text: str) -> str:
    """A file-name part that reads as the title: letters and CJK kept, everything else a hyphen."""
    slug = re.sub(r"[^\w\u3400-\u9fff]+", "-", text).strip("-")[:SLUG_LENGTH]
    return slug or hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def _case_file(graph: nx.MultiDiGraph, case_id: str) -> str:
    """case-<document>-<order>-<title>.html: unique, in reading order, and readable."""
    return f"case-{_slug(case_id)}-{_slug(graph.nodes[case_id]['name'])}.html"


def _write_index(folder: Path, written: list[tuple[Path, str]]) -> None:
    """index.html over every map of the folder: those written now and those an earlier run left."""
    manifest = folder / MANIFEST
    maps = json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else {}
    maps.update({path.name: title for path, title in written})
    maps = {name: title for name, title in maps.items() if (folder / name).is_file()}
    manifest.write_text(json.dumps(maps, ensure_ascii=False, indent=1), encoding="utf-8")
    order = sorted(maps, key=lambda name: ({"graph.html": 0}.get(name, 1 if name.startswith("case-") else 2), name))
    items = "\n".join(f'<li><a href="{html.escape(name)}">{html.escape(maps[name])}</a></li>' for name in order)
    _write(folder / "index.html", "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                                  "<title>casegraph maps</title></head><body style=\"font-family:sans-serif;"
                                  f"font-size:18px\"><h1>casegraph maps 网络图</h1><ul>{items}</ul></body></html>")


def write_maps(graph: nx.MultiDiGraph, folder: Path, case: str | None = None, entity: str | None = None,
               depth: int = 1) -> list[Path]:
    """Maps of the whole graph and each case (or the one case / neighbourhood asked for, by id, name or part
    of a name), and index.html over every map in the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[tuple[Path, str]] = []
    if entity:
        entity_id = find_node(graph, entity)
        title = f"{graph.nodes[entity_id]['name']} 的关系网络"
        sub = neighbourhood_graph(graph, entity_id, depth)
        name = f"entity-{_slug(graph.nodes[entity_id]['name'])}-{depth}.html"
        written.append((_write(folder / name, render_map(sub, title)), title))
    elif case:
        case_id = find_node(graph, case, cases=True)
        title = graph.nodes[case_id]["name"]
        written.append((_write(folder / _case_file(graph, case_id), render_map(case_graph(graph, case_id), title)),
                        title))
    else:
        written.append((_write(folder / "graph.html", render_map(map_graph(graph), "案例知识图谱 全图")), "全图 whole graph"))
        for case_id, data in sorted(graph.nodes(data=True), key=lambda nd: nd[0]):
            if data["type"] == "Case":
                written.append((_write(folder / _case_file(graph, case_id),
                                       render_map(case_graph(graph, case_id), data["name"])), data["name"]))
    _write_index(folder, written)
    return [p for p, _ in written]
