"""Shared fixtures: the shared corpus, one build of it, one embedded Bolt server and one Neo4j per session."""
from __future__ import annotations

import os
import queue
import secrets
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"


def text_case(text: str, **case_fields):
    """A one-case document of ``text`` as a loader would give it (case fields such as area and title overridable)."""
    from graph.records import Case, Document

    document = Document(id="t", path="t.txt", format="text", raw_text=text, text=text,
                        offsets=tuple(range(len(text))))
    fields = {"title": "t", "subtitle": "", "district": "", "subdistrict": "", "area": "", **case_fields}
    return document, Case(id="t-01", document="t", order=1, text=text, start=0, **fields)


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory):
    from casegraph.api import build

    out = tmp_path_factory.mktemp("corpus")
    return build([CORPUS], out=out)


@pytest.fixture(scope="session")
def examples_build(tmp_path_factory):
    """The project's own invented sample cases: the graph whose answers the tests know by name."""
    from casegraph.api import build

    return build([ROOT / "examples"], out=tmp_path_factory.mktemp("examples"))


NEO4J_LIB = ROOT / ".cache" / "neo4j" / "lib"
NEO4J_LAUNCHER = ROOT / "tests" / "neo4j" / "Launcher.java"
NEO4J_START_SECONDS = 180


def _neo4j_missing() -> str:
    """Why a Neo4j server cannot be started here ('' when it can)."""
    if not shutil.which("java"):
        return "no java on PATH"
    if not NEO4J_LIB.is_dir() or not any(NEO4J_LIB.glob("neo4j-5*.jar")):
        return f"no Neo4j jars in {NEO4J_LIB} (run `make neo4j`)"
    return ""


def start_neo4j(home: Path, port: int, password: str) -> subprocess.Popen:
    """The pinned Neo4j in its own process, its files under ``home``; returns once it answers Bolt."""
    process = subprocess.Popen(["java", "-Xmx2g", "-cp", f"{NEO4J_LIB}/*", str(NEO4J_LAUNCHER), str(home), str(port),
                                password], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    deadline = time.monotonic() + NEO4J_START_SECONDS
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if lines.get(timeout=1).startswith("READY"):
                return process
        except queue.Empty:
            continue
    process.kill()
    pytest.fail(f"Neo4j did not start on port {port} within {NEO4J_START_SECONDS} s")


def require_neo4j() -> None:
    """Skip with the reason where Neo4j cannot run here; in CI that is a failure, never a skip."""
    missing = _neo4j_missing()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Neo4j tests must run in CI: {missing}")
        pytest.skip(f"Neo4j tests skipped: {missing}")


@pytest.fixture(scope="session")
def neo4j_target(tmp_path_factory):
    """A real Neo4j Community server (the pinned jars) on a free loopback port with a generated password."""
    from graph.store import StoreTarget, free_port

    require_neo4j()
    port, password = free_port(), secrets.token_urlsafe(18)
    process = start_neo4j(tmp_path_factory.mktemp("neo4j"), port, password)
    yield StoreTarget(uri=f"bolt://127.0.0.1:{port}", user="neo4j", password=password, database="neo4j")
    process.terminate()
    process.wait(timeout=60)


@pytest.fixture(scope="session", params=["arcadedb", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request, tmp_path_factory):
    """A real Bolt server of each kind: the embedded ArcadeDB default, then Neo4j itself."""
    from graph.store import StoreTarget, open_store

    if request.param == "neo4j":
        target = request.getfixturevalue("neo4j_target")
    else:
        os.environ.pop("NEO4J_URI", None)
        target = StoreTarget.from_env(default_root=tmp_path_factory.mktemp("store"))
    with open_store(target) as opened:
        yield opened


def pytest_sessionfinish(session, exitstatus):
    from graph.store import stop_embedded_servers

    stop_embedded_servers()
    session.config.casegraph_exit_status = int(exitstatus)


def pytest_unconfigure(config):
    """After the report is printed, end without JPype's fragile JVM teardown (see graph.store.exit_process)."""
    from graph.store import exit_process

    exit_process(getattr(config, "casegraph_exit_status", 0))


def load_while_killed(target, graph, kill, seconds: float) -> list[str]:
    """Start a load of ``graph`` into ``target``, call ``kill`` after ``seconds``; the load's errors."""
    from graph.store import StoreError, open_store
    from graph.writer import GraphWriter

    errors: list[str] = []
    with open_store(target) as store:
        def load():
            try:
                GraphWriter(store.driver, store.database, batch_size=5).write(graph)
            except StoreError as error:
                errors.append(str(error))

        loader = threading.Thread(target=load)
        loader.start()
        time.sleep(seconds)
        kill()
        loader.join(timeout=120)
    return errors


def load_and_count(target, graph) -> tuple[int, int]:
    """Load ``graph`` into ``target``; the nodes and relationships the store then holds."""
    from graph.store import open_store, run_query
    from graph.writer import GraphWriter

    with open_store(target) as store:
        GraphWriter(store.driver, store.database).write(graph)
        nodes = run_query(store.driver, store.database, "MATCH (n) RETURN count(n) AS n", {})[0]["n"]
        edges = run_query(store.driver, store.database, "MATCH ()-[r]->() RETURN count(r) AS n", {})[0]["n"]
    return nodes, edges
