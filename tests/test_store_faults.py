"""A Bolt server that dies mid-load, and the command line's errors: real processes, no mocks."""
import os
import re
import signal
import subprocess
import sys
import threading
import time

import pytest

from graph.store import StoreError, StoreTarget, open_store, run_query
from graph.writer import GraphWriter
from tests.conftest import ROOT


def start_server(root):
    """`casegraph serve` in its own process; returns (process, bolt uri, password).

    Its output is read to the end in the background: a full pipe would block the server's shutdown.
    """
    process = subprocess.Popen([sys.executable, "-m", "casegraph.cli", "serve", str(root)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               env={**os.environ, "COLUMNS": "400"})
    deadline = time.monotonic() + 120
    for line in process.stdout:
        found = re.search(r"(bolt://127\.0\.0\.1:\d+)\s+user: root\s+password: (\S+)", line)
        if found:
            threading.Thread(target=process.stdout.read, daemon=True).start()
            return process, found.group(1), found.group(2)
        if time.monotonic() > deadline:
            break
    process.kill()
    pytest.fail("casegraph serve did not print its address")


def test_a_server_dying_mid_load_fails_cleanly_and_a_rerun_completes(corpus_build, tmp_path):
    graph = corpus_build.graph
    root = tmp_path / "served"
    process, uri, password = start_server(root)
    errors = []
    with open_store(StoreTarget(uri=uri, user="root", password=password, database="casegraph")) as store:
        def load():
            try:
                GraphWriter(store.driver, store.database, batch_size=5).write(graph)
            except StoreError as error:
                errors.append(str(error))

        loader = threading.Thread(target=load)
        loader.start()
        time.sleep(1.0)
        process.send_signal(signal.SIGKILL)
        process.wait()
        loader.join(timeout=120)
    assert errors, "the load should fail when the server dies"
    assert "\n" not in errors[0] and "load" in errors[0]

    process, uri, password = start_server(root)
    try:
        with open_store(StoreTarget(uri=uri, user="root", password=password, database="casegraph")) as store:
            GraphWriter(store.driver, store.database).write(graph)
            nodes = run_query(store.driver, store.database, "MATCH (n) RETURN count(n) AS n", {})[0]["n"]
            edges = run_query(store.driver, store.database, "MATCH ()-[r]->() RETURN count(r) AS n", {})[0]["n"]
        assert (nodes, edges) == (graph.number_of_nodes(), graph.number_of_edges())
    finally:
        process.terminate()
        stopped = process.wait(timeout=60)
    assert stopped == 0, "SIGTERM stops the served store cleanly"


def test_cli_store_errors_are_one_line_with_non_zero_exit(corpus_build):
    env = {**os.environ, "NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": "x"}
    result = subprocess.run([sys.executable, "-m", "casegraph.cli", "load", str(corpus_build.path)], cwd=ROOT,
                            capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "unreachable" in result.stderr
