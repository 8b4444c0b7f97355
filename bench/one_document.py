"""One large document, in a process of its own: build time and peak memory against its size.

A collection that arrives as a single file (a provincial 案例集 saved as one text)
must cost time linear in its length. The document is synthetic cases run together
(bench/generate.py), written once per size. Prints one JSON line.
"""
from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import case_templates, synthetic_case  # noqa: E402
from bench.measure import peak_mib  # noqa: E402
from casegraph.api import build  # noqa: E402


def one_document(template_dir: Path, path: Path, megabytes: float, seed: int = 20261205) -> Path:
    """Synthetic cases run together into one text file of about ``megabytes`` (reused when already there)."""
    if path.exists():
        return path
    templates, rng = case_templates(template_dir), random.Random(seed)
    parts, size, serial = ["案例汇编"], 0, 0
    while size < megabytes * 1e6:
        title, body = synthetic_case(templates[serial % len(templates)], rng, serial)
        parts.append(f"{title}\n\n{body}")
        size += len(body.encode("utf-8"))
        serial += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path


def main(template_dir: Path, work: Path, megabytes: float) -> dict:
    document = one_document(template_dir, work / f"one-{megabytes:g}MB" / "collection.txt", megabytes)
    start = time.perf_counter()
    result = build([document], out=work / f"one-{megabytes:g}MB-out", workers=1)
    seconds = time.perf_counter() - start
    size = document.stat().st_size / 1e6
    return {"document MB": size, "cases": len(result.case_graph.cases), "build s": seconds,
            "s per MB": seconds / size, "peak MiB": peak_mib()}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3]))))
