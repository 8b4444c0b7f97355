"""What only a real Neo4j server shows: its URI schemes and its errors, each one clear line."""
import pytest

from graph.store import StoreError, StoreTarget, free_port, open_store, run_query

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
