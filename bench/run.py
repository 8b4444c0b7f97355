"""`make bench`: how casegraph's cost grows from 200 to 20,000 cases.

Every figure comes with a baseline measured in the same run: extraction against
reading and normalising the same text, the writer against a bare UNWIND/CREATE
of the same rows through the same driver. Results go to bench/results.md.
Sizes can be narrowed with BENCH_SIZES=200,2000.
"""
from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import generate  # noqa: E402
from casegraph.api import gc_paused, extract_all  # noqa: E402
from graph.cypher import bare_create_statement  # noqa: E402
from graph.model import build_case_graph, to_networkx  # noqa: E402
from graph.store import StoreTarget, open_store, run_query  # noqa: E402
from graph.writer import GraphWriter, node_properties  # noqa: E402
from loaders.load import load_documents  # noqa: E402
from viz.maps import map_graph, render_map  # noqa: E402

TEMPLATES = ROOT.parent / "shared" / "corpus"
WORK = ROOT / "bench" / "out"
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "200,2000,20000").split(",")]
ONE_CORE_MAX = 2000
MAP_NODES = 2000


def peak_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    value = fn(*args, **kwargs)
    return value, time.perf_counter() - start


def measure_size(cases: int) -> dict:
    corpus = generate(TEMPLATES, WORK / f"corpus-{cases}", cases)
    with gc_paused():
        return _measure_size(corpus, cases)


def _measure_size(corpus: Path, cases: int) -> dict:
    loaded, read_s = timed(load_documents, [corpus])
    megabytes = sum(len(c.text.encode("utf-8")) for c in loaded.cases) / 1e6
    row = {"cases": len(loaded.cases), "MB": megabytes, "read MB/s": megabytes / read_s}
    if cases <= ONE_CORE_MAX:
        _, one_s = timed(extract_all, loaded.documents, loaded.cases, 1)
        row["extract MB/s 1 core"] = megabytes / one_s
    extractions, two_s = timed(extract_all, loaded.documents, loaded.cases, os.cpu_count() or 2)
    row["extract MB/s all cores"] = megabytes / two_s
    graph, graph_s = timed(lambda: to_networkx(build_case_graph(loaded.documents, loaded.cases, extractions)))
    row["build s"] = read_s + two_s + graph_s
    row["ms per case"] = 1000 * row["build s"] / len(loaded.cases)
    row["nodes"], row["edges"] = graph.number_of_nodes(), graph.number_of_edges()
    row["peak MiB"] = peak_mib()
    return row, graph


def measure_load(graph) -> dict:
    """The writer's rate against a bare UNWIND/CREATE of node rows, in a fresh embedded store."""
    root = WORK / "store"
    shutil.rmtree(root, ignore_errors=True)
    with open_store(StoreTarget(embedded_root=root, database="casegraph")) as store:
        rows = [{"props": node_properties(n, d)} for n, d in graph.nodes(data=True) if d["type"] == "Project"]
        writer = GraphWriter(store.driver, store.database)
        start = time.perf_counter()
        for batch in range(0, len(rows), 2000):
            writer.run_batch(bare_create_statement("Project"), rows[batch:batch + 2000])
        bare_rate = len(rows) / (time.perf_counter() - start)
        run_query(store.driver, store.database, "MATCH (n) DETACH DELETE n", {}, write=True)
        _, load_s = timed(writer.write, graph)
        rate = (graph.number_of_nodes() + graph.number_of_edges()) / load_s
        _, again_s = timed(writer.write, graph)
    return {"load rows/s": rate, "bare UNWIND CREATE rows/s": bare_rate, "ratio": rate / bare_rate,
            "reload s": again_s, "rows": graph.number_of_nodes() + graph.number_of_edges()}


def measure_map(graph) -> dict:
    shown = map_graph(graph)
    keep = sorted(shown.nodes, key=lambda n: -shown.degree(n))[:MAP_NODES]
    sub = shown.subgraph(keep).copy()
    html, render_s = timed(render_map, sub, "benchmark map")
    page = WORK / "map-2000.html"
    page.write_text(html, encoding="utf-8")
    settle_ms = None
    chromium = shutil.which("chromium")
    if chromium:
        with tempfile.TemporaryDirectory() as profile:
            result = subprocess.run(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}", "--timeout=60000", "--window-size=1600,1000", "--dump-dom",
                 page.as_uri()], capture_output=True, text=True, timeout=180)
        found = re.search(r'data-settle-ms="(\d+)"', result.stdout)
        settle_ms = int(found.group(1)) if found else None
    return {"map nodes": sub.number_of_nodes(), "map edges": sub.number_of_edges(), "map build s": render_s,
            "chromium settle ms": settle_ms}


def markdown(rows: list[dict], load: dict, map_row: dict) -> str:
    def fmt(value):
        return f"{value:,.2f}" if isinstance(value, float) else str(value)

    columns = list(dict.fromkeys(k for row in rows for k in row))
    lines = ["# casegraph benchmark", "", f"Machine: {os.cpu_count()} cores. Generated by `make bench`.", "",
             "## Build by corpus size", "", "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(fmt(row.get(c, "")) for c in columns) + " |" for row in rows]
    base = rows[0]
    lines += ["", "## Ratios", "",
              "| measure | value | target |", "|---|---|---|"]
    for row in rows:
        lines.append(f"| extraction / read+normalise, {row['cases']} cases, all cores | "
                     f"{row['extract MB/s all cores'] / row['read MB/s']:.3f} | — |")
        lines.append(f"| ms per case vs {base['cases']} cases, {row['cases']} cases | "
                     f"{row['ms per case'] / base['ms per case']:.2f} | within 1.20 |")
    if "extract MB/s 1 core" in base:
        lines.append(f"| extraction MB/s per core | {base['extract MB/s 1 core']:.2f} | ≥ 1 |")
    largest = rows[-1]
    lines.append(f"| build of {largest['cases']} cases, s | {largest['build s']:.0f} | < 300 for 20,000 |")
    lines.append(f"| peak memory MiB | {max(r['peak MiB'] for r in rows):.0f} | < 4096 |")
    lines.append(f"| load / bare UNWIND CREATE rows/s | {load['ratio']:.2f} "
                 f"({load['load rows/s']:.0f} / {load['bare UNWIND CREATE rows/s']:.0f}) | ≥ 0.50 |")
    lines.append(f"| second load of the same graph, s | {load['reload s']:.1f} | — |")
    lines.append(f"| {map_row['map nodes']}-node map: build s / Chromium settle ms | "
                 f"{map_row['map build s']:.1f} / {map_row['chromium settle ms']} | — |")
    return "\n".join(lines) + "\n"


def main() -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    rows, graph = [], None
    for size in SIZES:
        row, graph_for_size = measure_size(size)
        print(row, flush=True)
        rows.append(row)
        if graph is None or graph_for_size.number_of_nodes() <= 60_000:
            graph = graph_for_size
    load = measure_load(graph)
    print(load, flush=True)
    map_row = measure_map(graph)
    print(map_row, flush=True)
    report = markdown(rows, load, map_row)
    (ROOT / "bench" / "results.md").write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
