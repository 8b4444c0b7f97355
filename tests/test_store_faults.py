"""A Bolt server that dies mid-load, and the command line's errors: real processes, no mocks."""
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time

import pytest

from graph.store import StoreTarget
from tests.conftest import ROOT, load_and_count, load_while_killed


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
    target = StoreTarget(uri=uri, user="root", password=password, database="casegraph")

    def kill():
        process.send_signal(signal.SIGKILL)
        process.wait()

    errors = load_while_killed(target, graph, kill, 1.0)
    assert errors, "the load should fail when the server dies"
    assert "\n" not in errors[0] and "load" in errors[0]

    process, uri, password = start_server(root)
    try:
        target = StoreTarget(uri=uri, user="root", password=password, database="casegraph")
        assert load_and_count(target, graph) == (graph.number_of_nodes(), graph.number_of_edges())
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


def run_cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "casegraph.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


@pytest.mark.parametrize("uri", ["http://localhost:7474", "localhost:7687", "bolt://"])
def test_a_uri_the_driver_does_not_take_is_one_line_listing_the_schemes(corpus_build, uri):
    result = run_cli("query", "--graph", str(corpus_build.path.parent), "RETURN 1", env={"NEO4J_URI": uri})
    assert result.returncode == 1 and result.stderr.strip().count("\n") == 0
    assert "neo4j+s://" in result.stderr and "bolt://" in result.stderr


def test_a_missing_or_never_loaded_store_is_one_line_with_the_command_and_creates_nothing(tmp_path):
    missing = tmp_path / "nowhere"
    result = run_cli("query", "--graph", str(missing), "RETURN 1")
    assert result.returncode == 1 and "casegraph build" in result.stderr and not missing.exists()
    built = tmp_path / "built"
    assert run_cli("build", str(ROOT / "examples"), "--out", str(built)).returncode == 0
    result = run_cli("query", "--graph", str(built), "RETURN 1")
    assert result.returncode == 1 and f"casegraph load {built}" in result.stderr
    assert sorted(p.name for p in built.iterdir()) == ["graph.json"]


def test_query_reaches_a_served_store_and_ctrl_c_stops_serve(tmp_path):
    built = tmp_path / "built"
    assert run_cli("build", str(ROOT / "examples"), "--out", str(built)).returncode == 0
    loaded = run_cli("load", str(built))
    assert loaded.returncode == 0 and "Using incubator modules" not in loaded.stderr
    process, _, _ = start_server(built)
    try:
        result = run_cli("query", "--graph", str(built), "--format", "json", "MATCH (n) RETURN count(n) AS n")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)[0]["n"] > 0
        second = run_cli("serve", str(built))
        assert second.returncode == 1 and "already served at bolt://127.0.0.1:" in second.stderr
    finally:
        process.send_signal(signal.SIGINT)
        stopped = process.wait(timeout=30)
    assert stopped == 0 and not (built / "store" / "served.json").exists()
