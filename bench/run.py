"""`make bench`: how casegraph's cost grows from 200 to 100,000 cases.

Every figure comes with a baseline measured in the same run: the build against
reading and normalising the same text, the writer against a bare UNWIND/CREATE
of the same rows through the same driver. Each corpus size is built in a process
of its own, so its peak memory is its own. Results go to bench/results.md.
Sizes can be narrowed or widened with BENCH_SIZES=200,2000,100000; one-document sizes (MB) with
BENCH_DOCUMENT_MB=2,20.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jieba import posseg  # noqa: E402

from bench.generate import generate  # noqa: E402
from bench.measure import timed  # noqa: E402
from casegraph.api import gc_paused, read_and_extract  # noqa: E402
from extract.model import default_model  # noqa: E402
from graph.jsonio import read_graph_json  # noqa: E402
from loaders.load import LoadOptions  # noqa: E402
from viz.maps import map_graph, render_map  # noqa: E402

TEMPLATES = ROOT.parent / "shared" / "corpus"
WORK = ROOT / "bench" / "out"
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "200,2000,20000,100000").split(",")]
SCALING_CASES = 2000  # the corpus the worker-scaling rows read and extract
MAP_NODES = 2000
LOAD_NODES = 60_000
DOCUMENT_MB = [float(s) for s in os.environ.get("BENCH_DOCUMENT_MB", "2,20").split(",")]


def measure_size(cases: int) -> dict:
    """One corpus size built in a fresh process (bench/corpus_size.py), so its peak memory is its own."""
    corpus = generate(TEMPLATES, WORK / f"corpus-{cases}", cases)
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "corpus_size.py"), str(corpus),
                             str(WORK / f"build-{cases}")], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def extract_only(inputs: list[Path], workers: int) -> None:
    """Every document read and extracted with the default model, the results let go: the build's work without
    its graph."""
    for _ in read_and_extract(inputs, LoadOptions(), workers, model=default_model()):
        pass


def posseg_only(files: list[Path]) -> None:
    """jieba.posseg over the same text on one core: the reference the issue's speed target is stated beside."""
    for path in files:
        for _ in posseg.cut(path.read_text(encoding="utf-8")):
            pass


def measure_scaling(cases: int = SCALING_CASES) -> list[dict]:
    """Reading and extraction of one corpus on 1, 2 and all cores: the same work, split over more workers
    (MB/s of its files, and thousands of characters per second, the issue's measure)."""
    corpus = generate(TEMPLATES, WORK / f"corpus-{cases}", cases)
    files = sorted(corpus.glob("*.md"))  # the cases, not the generator's completion marker
    megabytes = sum(path.stat().st_size for path in files) / 1e6
    characters = sum(len(path.read_text(encoding="utf-8")) for path in files)
    extract_only(files[:1], 1)  # dictionaries and lexicon loaded before the clock starts
    rows = []
    for workers in sorted({1, 2, os.cpu_count() or 2}):
        with gc_paused():
            _, seconds = timed(extract_only, [corpus], workers)
        rows.append({"workers": workers, "cases": cases, "read+extract s": seconds, "MB/s": megabytes / seconds,
                     "k chars/s": characters / seconds / 1000,
                     "speed-up": rows[0]["read+extract s"] / seconds if rows else 1.0})
    with gc_paused():
        _, seconds = timed(posseg_only, files)
    rows[0]["posseg k chars/s"] = characters / seconds / 1000
    return rows


def store_size(rows: list[dict]) -> int:
    """The corpus whose graph the store and the map are measured on: the largest of at most LOAD_NODES nodes."""
    small = [row for row in rows if row["nodes"] <= LOAD_NODES] or rows[:1]
    return max(row["cases"] for row in small)


def measure_load(graph_json: Path) -> dict:
    """Writer against bare CREATE, in a fresh process (bench/load.py), as `casegraph load` runs."""
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "load.py"), str(graph_json), str(WORK / "store")],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure_one_document(megabytes: float) -> dict:
    """One document of the given size built in a fresh process (bench/one_document.py)."""
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "one_document.py"), str(TEMPLATES), str(WORK),
                             str(megabytes)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure_map(graph) -> dict:
    shown = map_graph(graph)
    keep = sorted(shown.nodes, key=lambda n: -shown.degree(n))[:MAP_NODES]
    sub = shown.subgraph(keep).copy()
    html, render_s = timed(render_map, sub, "benchmark map")
    page = WORK / "map-2000.html"
    page.write_text(html, encoding="utf-8")
    settle_s = page_ms = None
    chromium = shutil.which("chromium")
    if chromium:
        with tempfile.TemporaryDirectory() as profile:
            began = time.perf_counter()
            result = subprocess.run(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}", "--virtual-time-budget=300000", "--window-size=1600,1000",
                 "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=600)
            wall = time.perf_counter() - began
        found = re.search(r'data-settle-ms="(\d+)"', result.stdout)
        if found:
            settle_s, page_ms = wall, int(found.group(1))
    return {"map nodes": sub.number_of_nodes(), "map edges": sub.number_of_edges(), "map build s": render_s,
            "chromium settle s": settle_s, "page clock ms": page_ms}


def markdown(rows: list[dict], scaling: list[dict], load: dict, map_row: dict, documents: list[dict]) -> str:
    def fmt(value):
        return f"{value:,.2f}" if isinstance(value, float) else str(value)

    columns = list(dict.fromkeys(k for row in rows for k in row))
    lines = ["# casegraph benchmark", "", f"Machine: {os.cpu_count()} cores. Generated by `make bench`.", "",
             "## Build by corpus size", "", "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(fmt(row.get(c, "")) for c in columns) + " |" for row in rows]
    base = rows[0]
    lines += ["", "## Worker scaling (read and extract with the default model)", "",
              "| workers | cases | read+extract s | MB/s | k chars/s | speed-up |", "|---|---|---|---|---|---|"]
    lines += [f"| {r['workers']} | {r['cases']} | {r['read+extract s']:.1f} | {r['MB/s']:.2f} | {r['k chars/s']:.0f} "
              f"| {r['speed-up']:.2f} |" for r in scaling]
    lines += ["", "## One large document", "", "| document MB | cases | build s | s per MB | peak MiB |",
              "|---|---|---|---|---|"]
    lines += [f"| {d['document MB']:.1f} | {d['cases']} | {d['build s']:.1f} | {d['s per MB']:.2f} | "
              f"{d['peak MiB']:.0f} |" for d in documents]
    lines += ["", "## Ratios", "",
              "| measure | value | target |", "|---|---|---|"]
    for row in rows:
        lines.append(f"| build / read alone (MB/s), {row['cases']} cases, all cores | "
                     f"{row['build MB/s'] / row['read MB/s']:.3f} | — |")
        lines.append(f"| ms per case vs {base['cases']} cases, {row['cases']} cases | "
                     f"{row['ms per case'] / base['ms per case']:.2f} | within 1.20 |")
    one_core = scaling[0]
    lines.append(f"| read+extract k characters/s on one core | {one_core['k chars/s']:.0f} | ≥ 100 |")
    lines.append(f"| read+extract against jieba.posseg on the same text, one core | "
                 f"{one_core['k chars/s'] / one_core['posseg k chars/s']:.2f} "
                 f"({one_core['k chars/s']:.0f} / {one_core['posseg k chars/s']:.0f} k characters/s) | ≥ 1.67 (100 / 60) |")
    largest = rows[-1]
    lines.append(f"| build of {largest['cases']} cases, s | {largest['build s']:.0f} | — |")
    lines.append(f"| peak memory MiB, {largest['cases']} cases | {largest['peak MiB']:.0f} | < 4096 |")
    lines.append(f"| load / bare UNWIND CREATE rows/s | {load['ratio']:.2f} "
                 f"({load['load rows/s']:.0f} / {load['bare UNWIND CREATE rows/s']:.0f}) | ≥ 0.50 |")
    lines.append(f"| second load of the same graph, s | {load['reload s']:.1f} | — |")
    if len(documents) > 1:
        lines.append(f"| s per MB, {documents[-1]['document MB']:.0f} MB document vs {documents[0]['document MB']:.0f} MB "
                     f"| {documents[-1]['s per MB'] / documents[0]['s per MB']:.2f} | within 1.20 (linear) |")
    settle = map_row["chromium settle s"]
    lines.append(f"| {map_row['map nodes']}-node map: build s / Chromium open-to-settled s (wall) | "
                 f"{map_row['map build s']:.1f} / {settle if settle is None else round(settle, 1)} | — |")
    return "\n".join(lines) + "\n"


def main() -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in SIZES:
        rows.append(measure_size(size))
        print(rows[-1], flush=True)
    scaling = measure_scaling()
    print(scaling, flush=True)
    graph_json = WORK / f"build-{store_size(rows)}" / "graph.json"
    load = measure_load(graph_json)
    print(load, flush=True)
    map_row = measure_map(read_graph_json(graph_json))
    print(map_row, flush=True)
    documents = [measure_one_document(megabytes) for megabytes in DOCUMENT_MB]
    print(documents, flush=True)
    report = markdown(rows, scaling, load, map_row, documents)
    (ROOT / "bench" / "results.md").write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
