"""Shared fixtures: the shared corpus, one build of it, one embedded Bolt server per session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"


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


@pytest.fixture(scope="session")
def store(tmp_path_factory):
    """The embedded ArcadeDB server over real Bolt, started once for the whole session."""
    from graph.store import StoreTarget, open_store, stop_embedded_servers

    os.environ.pop("NEO4J_URI", None)
    target = StoreTarget.from_env(default_root=tmp_path_factory.mktemp("store"))
    with open_store(target) as opened:
        yield opened
    stop_embedded_servers()


def pytest_sessionfinish(session, exitstatus):
    session.config.casegraph_exit_status = int(exitstatus)


def pytest_unconfigure(config):
    """After the report is printed, end without JPype's fragile JVM teardown (see graph.store.exit_process)."""
    from graph.store import exit_process

    exit_process(getattr(config, "casegraph_exit_status", 0))
