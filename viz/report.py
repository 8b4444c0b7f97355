"""The stats report: the tables of ``graph.stats`` as Markdown and CSV, with sorted, labelled charts.

Everything that comes from documents is escaped for the format it lands in
(``graph.textsafe``): a name never becomes markup in the report or a formula in a
spreadsheet.
"""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import networkx as nx

from graph.model import STRUCTURAL_TYPES
from graph.stats import actor_structure, clusters, counts_by_case, recurring, top_central, type_label
from graph.textsafe import csv_row, markdown_text
from ontology.vocabulary import load_vocabulary
from viz.fonts import matplotlib_font


def _markdown_table(rows: list[dict]) -> str:
    if not rows:
        return "_none_\n"
    columns = list(dict.fromkeys(k for row in rows for k in row))
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        lines.append("| " + " | ".join(markdown_text(row.get(c, "")) for c in columns) + " |")
    return "\n".join(lines) + "\n"


def _write_csv(rows: list[dict], path: Path) -> None:
    columns = list(dict.fromkeys(k for row in rows for k in row)) or ["empty"]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(csv_row(row) for row in rows)


def _chart(counts: Counter, path: Path, title: str) -> None:
    """Horizontal bars, largest on top, each with its value."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    font = matplotlib_font()
    ordered = sorted(counts.items(), key=lambda item: item[1])
    figure, axis = pyplot.subplots(figsize=(8, 0.5 * len(ordered) + 1.2))
    bars = axis.barh([type_label(t) for t, _ in ordered], [n for _, n in ordered],
                     color=[load_vocabulary().node(t).colour for t, _ in ordered])
    axis.bar_label(bars, padding=3)
    axis.set_title(title, fontproperties=font)
    for label in axis.get_yticklabels():
        label.set_fontproperties(font)
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    pyplot.close(figure)


def write_report(graph: nx.MultiDiGraph, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    sections = {
        "counts-by-case": ("Entities by type in each case 各案例实体数量", counts_by_case(graph)),
        "central-entities": ("Most central entities by type 中心性", top_central(graph)),
        "recurring": ("Partner units and mechanisms in two or more cases 跨案例出现", recurring(graph)),
        "clusters": ("Clusters of closely linked entities (Louvain) 聚类", clusters(graph)),
        "actor-structure": ("Actor structure of each case 各案例行动者结构", actor_structure(graph)),
    }
    type_counts = Counter(d["type"] for _, d in graph.nodes(data=True) if d["type"] not in STRUCTURAL_TYPES)
    _chart(type_counts, folder / "entity-types.png", "Entities by type 实体类型")
    lines = ["# casegraph network report 网络分析报告", "",
             f"{sum(1 for _, d in graph.nodes(data=True) if d['type'] == 'Case')} cases, "
             f"{sum(type_counts.values())} entities.", "", "![entities by type](entity-types.png)", ""]
    for name, (title, rows) in sections.items():
        _write_csv(rows, folder / f"{name}.csv")
        lines += [f"## {title}", "", _markdown_table(rows), f"CSV: `{name}.csv`", ""]
    report = folder / "report.md"
    report.write_text("\n".join(lines), encoding="utf-8")
    return report
