"""What only a real Neo4j server shows: its URI schemes, its errors, its full-text index, a load it dies in."""
import secrets

import pytest

from graph.search import find_nodes
from graph.store import StoreError, StoreTarget, free_port, open_store, run_query
from graph.writer import GraphWriter
from tests.conftest import load_and_count, load_while_killed, require_neo4j, start_neo4j

pytestmark = pytest.mark.neo4j


@pytest.mark.parametrize("scheme", ["bolt", "neo4j"])
def test_both_schemes_reach_neo4j(neo4j_target, scheme):
    target = StoreTarget(uri=neo4j_target.uri.replace("bolt", scheme, 1), user=neo4j_target.user,
                         password=neo4j_target.password, database=neo4j_target.database)
    with open_store(target) as store:
        assert run_query(store.driver, store.database, "RETURN 1 AS one", {}) == [{"one": 1}]


def test_a_wrong_password_is_one_clear_line(neo4j_target):
    target = StoreTarget(uri=neo4j_target.uri, user="neo4j", password="wrong-password", database="neo4j")
    with pytest.raises(StoreError) as caught:
        with open_store(target):
            pass
    assert "authentication failed" in str(caught.value) and "\n" not in str(caught.value)


def test_a_closed_port_is_one_clear_line(neo4j_target):
    target = StoreTarget(uri=f"bolt://127.0.0.1:{free_port()}", user="neo4j", password="x", database="neo4j")
    with pytest.raises(StoreError, match="server unreachable"):
        with open_store(target):
            pass


def test_load_creates_the_full_text_index_of_names_and_aliases(neo4j_target, examples_build):
    with open_store(neo4j_target) as store:
        GraphWriter(store.driver, store.database).write(examples_build.graph)
        indexes = run_query(store.driver, store.database, "SHOW FULLTEXT INDEXES YIELD name, properties, state "
                                                          "RETURN name, properties, state", {})
        assert {"name": "cg_names", "properties": ["name", "aliases"], "state": "ONLINE"} in indexes
        assert [m.name for m in find_nodes(store.driver, store.database, "居民区党总支")][0] == "和平居民区党总支"


def test_a_load_cut_short_by_a_killed_server_is_completed_by_running_it_again(corpus_build, tmp_path):
    require_neo4j()
    graph, home, password = corpus_build.graph, tmp_path / "neo4j", secrets.token_urlsafe(18)
    port = free_port()
    process = start_neo4j(home, port, password)
    target = StoreTarget(uri=f"bolt://127.0.0.1:{port}", user="neo4j", password=password, database="neo4j")
    def kill():
        process.kill()
        process.wait()

    errors = load_while_killed(target, graph, kill, 2.0)
    assert errors and "\n" not in errors[0] and "load" in errors[0]
    process = start_neo4j(home, port, password)
    try:
        assert load_and_count(target, graph) == (graph.number_of_nodes(), graph.number_of_edges())
    finally:
        process.terminate()
        process.wait(timeout=60)
