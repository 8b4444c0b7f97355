"""A build's facts in the gold format of ONTOLOGY.md, one file per document.

A researcher corrects these files instead of annotating from scratch, then trains
on them (``casegraph train``): pre-annotation closes the loop between build and model.
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from graph.model import STRUCTURAL_TYPES

NOT_ANNOTATED = ("MENTIONED_IN",)


def gold_documents(graph: nx.MultiDiGraph) -> dict[str, dict]:
    """Document file name -> its gold record: cases, entities named in them, relations stated in them."""
    case_document = {node: data["document"] for node, data in graph.nodes(data=True) if data["type"] == "Case"}
    documents: dict[str, dict] = {}
    for node, data in sorted(graph.nodes(data=True), key=lambda item: (item[1].get("order", 0), str(item[0]))):
        if data["type"] == "Case":
            record = documents.setdefault(data["document"], {"doc": data["document"], "cases": [], "entities": [],
                                                              "relations": []})
            record["cases"].append({"id": node, "title": data.get("title", "")})
    local_ids: dict[tuple[str, str], str] = {}
    for node, data in graph.nodes(data=True):
        if data["type"] in STRUCTURAL_TYPES:
            continue
        for document in sorted({case_document[c] for c in data.get("cases") or [] if c in case_document}):
            record = documents[document]
            local = f"e{len(record['entities']) + 1}"
            local_ids[(document, node)] = local
            record["entities"].append({
                "id": local, "type": data["type"], "name": data.get("name", ""),
                "aliases": list(data.get("aliases") or []),
                "cases": [c for c in data.get("cases") or [] if case_document.get(c) == document],
                "implicit": bool(data.get("implicit")), "confidence": data.get("confidence", 1.0)})
    for source, target, data in graph.edges(data=True):
        if data["type"] in NOT_ANNOTATED:
            continue
        for case in data.get("cases") or []:
            document = case_document.get(case)
            if (document, source) not in local_ids or (document, target) not in local_ids:
                continue
            evidence = next((e["sentence"] for e in data.get("evidence") or [] if e.get("case") == case), "")
            relation = {"type": data["type"], "source": local_ids[(document, source)],
                        "target": local_ids[(document, target)], "case": case, "evidence": evidence,
                        "confidence": data.get("confidence", 1.0)}
            for key in ("amount", "role"):
                if data.get(key) not in (None, ""):
                    relation[key] = data[key]
            documents[document]["relations"].append(relation)
    return documents


def write_gold(graph: nx.MultiDiGraph, folder: Path) -> Path:
    target = folder / "gold"
    target.mkdir(parents=True, exist_ok=True)
    for document, record in gold_documents(graph).items():
        path = target / f"{Path(document).stem}.json"
        path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return target
