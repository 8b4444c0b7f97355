"""The store part of the benchmark, in a process of its own (as `casegraph load` runs).

Prints one JSON line: the writer's rows/s, streaming graph.json as `casegraph load` does, against a bare
UNWIND/CREATE of the same node rows through the same driver, and the time of a second, no-op load.
"""
from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.cypher import bare_create_statement  # noqa: E402
from graph.jsonio import GraphFile, read_graph_json  # noqa: E402
from graph.store import StoreTarget, open_store, run_query, stop_embedded_servers  # noqa: E402
from graph.writer import GraphWriter, node_properties  # noqa: E402


def main(graph_json: Path, store_root: Path) -> dict:
    graph = read_graph_json(graph_json)
    shutil.rmtree(store_root, ignore_errors=True)
    with open_store(StoreTarget(embedded_root=store_root, database="casegraph")) as store:
        writer = GraphWriter(store.driver, store.database)
        rows = [{"props": node_properties(n, d)} for n, d in graph.nodes(data=True)]
        start = time.perf_counter()
        for batch in range(0, len(rows), 2000):
            writer.run_batch(bare_create_statement("Project"), rows[batch:batch + 2000])
        bare_rate = len(rows) / (time.perf_counter() - start)
        run_query(store.driver, store.database, "MATCH (n) DETACH DELETE n", {}, write=True)
        start = time.perf_counter()
        writer.write(GraphFile(graph_json))
        load_s = time.perf_counter() - start
        start = time.perf_counter()
        writer.write(GraphFile(graph_json))
        again_s = time.perf_counter() - start
    stop_embedded_servers()
    total = graph.number_of_nodes() + graph.number_of_edges()
    return {"load rows/s": total / load_s, "bare UNWIND CREATE rows/s": bare_rate,
            "ratio": total / load_s / bare_rate, "reload s": again_s, "rows": total}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]))))
