"""One corpus size, in a process of its own: the build's time and peak memory against reading alone.

The build is `casegraph build` with every core (each document read and extracted in a worker, folded into
the graph as it comes, graph.json written as a stream). Reading alone is the baseline: every document read
and normalised, one at a time, on one core. Prints one JSON line.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.measure import peak_mib, timed  # noqa: E402
from casegraph.api import build  # noqa: E402
from loaders.load import LoadOptions, plan_documents, read_planned  # noqa: E402


def read_alone(corpus: Path) -> tuple[int, float]:
    """Cases and megabytes of case text, each document read and let go."""
    cases, megabytes = 0, 0.0
    for planned in plan_documents([corpus], []):
        loaded = read_planned(planned, LoadOptions())
        cases += len(loaded.cases)
        megabytes += sum(len(case.text.encode("utf-8")) for case in loaded.cases) / 1e6
    return cases, megabytes


def main(corpus: Path, out: Path) -> dict:
    (cases, megabytes), read_s = timed(read_alone, corpus)
    result, build_s = timed(build, [corpus], out=out, workers=os.cpu_count())
    counts = result.case_graph.counts()
    return {"cases": cases, "MB": megabytes, "read MB/s": megabytes / read_s, "build MB/s": megabytes / build_s,
            "build s": build_s, "ms per case": 1000 * build_s / cases,
            "nodes": len(result.case_graph.documents) + len(result.case_graph.cases) + sum(counts["entities"].values()),
            "relations": sum(counts["relations"].values()), "peak MiB": peak_mib()}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]))))
