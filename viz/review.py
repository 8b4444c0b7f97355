"""A review sheet: the facts most worth a look, least sure first, each with its sentence.

The researcher marks each row keep, drop or retype (in the HTML page, which saves the
marked rows as CSV, or in the CSV itself); ``casegraph review --marks`` turns the marks
into curation YAML for the next build.
"""
from __future__ import annotations

import csv
import html
from dataclasses import asdict, dataclass
from pathlib import Path
from string import Template

import networkx as nx

from graph.model import STRUCTURAL_TYPES
from graph.textsafe import csv_row
from ontology.vocabulary import load_vocabulary
from viz.maps import json_for_script

REVIEW_ROWS = 200
COLUMNS = ("kind", "id", "type", "source", "target", "name", "confidence", "sentence", "decision")


@dataclass(frozen=True)
class ReviewRow:
    """One fact to look at. ``decision`` is what the researcher marks: keep, drop, or a type to retype to."""

    kind: str  # entity or relation
    id: str
    type: str
    source: str
    target: str
    name: str
    confidence: float
    sentence: str
    decision: str = ""


def review_rows(graph: nx.MultiDiGraph, limit: int = REVIEW_ROWS) -> list[ReviewRow]:
    """Entities and relations, least sure first (ties in id order), at most ``limit``."""
    rows = []
    for node_id, data in graph.nodes(data=True):
        if data["type"] not in STRUCTURAL_TYPES:
            rows.append(ReviewRow("entity", node_id, data["type"], "", "", data.get("name", ""),
                                  float(data.get("confidence", 1.0)), _sentence(data)))
    for source, target, data in graph.edges(data=True):
        if data["type"] != "MENTIONED_IN":
            name = f"{graph.nodes[source].get('name', '')} → {graph.nodes[target].get('name', '')}"
            rows.append(ReviewRow("relation", f"{source}|{data['type']}|{target}", data["type"], source, target, name,
                                  float(data.get("confidence", 1.0)), _sentence(data)))
    return sorted(rows, key=lambda row: (row.confidence, row.kind, row.id))[:limit]


def _sentence(data: dict) -> str:
    evidence = data.get("evidence") or []
    return evidence[0]["sentence"] if evidence else ""


def write_review(graph: nx.MultiDiGraph, folder: Path, limit: int = REVIEW_ROWS) -> list[Path]:
    """review.csv and review.html under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = review_rows(graph, limit)
    sheet = folder / "review.csv"
    with open(sheet, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(csv_row(asdict(row)) for row in rows)
    page = folder / "review.html"
    page.write_text(_page(rows), encoding="utf-8")
    return [sheet, page]


def read_marks(path: Path) -> list[ReviewRow]:
    """The rows of a marked review CSV (the spreadsheet's apostrophe before a formula-like cell removed)."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = set(COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: not a review sheet (no column {', '.join(sorted(missing))})")
        return [ReviewRow(**{key: _unquoted(row[key]) for key in COLUMNS if key != "confidence"},
                          confidence=float(row["confidence"] or 0)) for row in reader]


def _unquoted(value: str | None) -> str:
    value = (value or "").strip()
    return value[1:] if value.startswith("'") and value[1:2] in "=+-@" else value


def _page(rows: list[ReviewRow]) -> str:
    vocabulary = load_vocabulary()
    types = sorted(vocabulary.node_types)
    body = []
    for index, row in enumerate(rows):
        options = "".join(f'<option value="{html.escape(t)}">→ {html.escape(t)}</option>'
                          for t in types if row.kind == "entity" and t not in STRUCTURAL_TYPES and t != row.type)
        body.append(
            f'<tr data-row="{index}"><td>{row.confidence:.2f}</td><td>{html.escape(row.kind)}</td>'
            f"<td>{html.escape(row.type)}</td><td>{html.escape(row.name)}</td><td>{html.escape(row.sentence)}</td>"
            f'<td><select><option value="keep">keep 保留</option><option value="drop">drop 删除</option>{options}'
            "</select></td></tr>")
    data = [[r.kind, r.id, r.type, r.source, r.target, r.name, f"{r.confidence:.3f}", r.sentence] for r in rows]
    return Template(REVIEW_PAGE).substitute(rows="\n".join(body), data=json_for_script(data))


REVIEW_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<title>casegraph review 审核</title>
<style>body{font-family:sans-serif;font-size:15px;margin:16px}table{border-collapse:collapse}
td,th{border-bottom:1px solid #ddd;padding:4px 8px;vertical-align:top}td:nth-child(5){max-width:40em}</style>
</head><body>
<h1>casegraph review 审核 — least sure first</h1>
<p>Mark each fact, then <button id="save">save marks as CSV 保存</button> and run
<code>casegraph review OUT --marks review-marked.csv</code>.</p>
<table><thead><tr><th>confidence</th><th>kind</th><th>type</th><th>fact</th><th>sentence</th><th>decision</th></tr>
</thead><tbody>
$rows
</tbody></table>
<script id="rows" type="application/json">$data</script>
<script>
(function () {
  "use strict";
  var rows = JSON.parse(document.getElementById("rows").textContent);
  function cell(value) {
    var text = String(value);
    if (/^[=+\\-@]/.test(text)) { text = "'" + text; }
    return '"' + text.replace(/"/g, '""') + '"';
  }
  document.getElementById("save").addEventListener("click", function () {
    var lines = ["kind,id,type,source,target,name,confidence,sentence,decision"];
    document.querySelectorAll("tbody tr").forEach(function (tr) {
      var row = rows[Number(tr.getAttribute("data-row"))];
      lines.push(row.concat([tr.querySelector("select").value]).map(cell).join(","));
    });
    var link = document.createElement("a");
    link.download = "review-marked.csv";
    link.href = "data:text/csv;charset=utf-8," + encodeURIComponent("\\ufeff" + lines.join("\\n"));
    link.click();
  });
})();
</script></body></html>
"""
