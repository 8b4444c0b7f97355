import pytest

from graph.queries import QUERY_LIBRARY
from graph.store import StoreError, StoreTarget, open_store, run_query
from graph.writer import GraphWriter
from graph.model import build_case_graph, to_networkx
from graph.records import Case, Document


def counts(store):
    return (run_query(store.driver, store.database, "MATCH (n) RETURN count(n) AS n", {})[0]["n"],
            run_query(store.driver, store.database, "MATCH ()-[r]->() RETURN count(r) AS n", {})[0]["n"])


@pytest.fixture(scope="module")
def loaded(store, corpus_build):
    run_query(store.driver, store.database, "MATCH (n) DETACH DELETE n", {}, write=True)
    report = GraphWriter(store.driver, store.database).write(corpus_build.graph)
    return report


def test_load_counts_equal_graph_json_and_reload_changes_nothing(store, corpus_build, loaded):
    graph = corpus_build.graph
    assert counts(store) == (graph.number_of_nodes(), graph.number_of_edges())
    GraphWriter(store.driver, store.database, batch_size=50).write(graph)
    assert counts(store) == (graph.number_of_nodes(), graph.number_of_edges())


def test_replace_empties_what_an_older_build_left(store, corpus_build):
    writer = GraphWriter(store.driver, store.database)
    run_query(store.driver, store.database, "CREATE (n:Project {id: 'stale', name: 'stale'})", {}, write=True)
    writer.clear()
    writer.write(corpus_build.graph)
    assert counts(store) == (corpus_build.graph.number_of_nodes(), corpus_build.graph.number_of_edges())


def test_nodes_carry_english_and_chinese_labels(store, loaded):
    rows = run_query(store.driver, store.database,
                     "MATCH (n:PartyOrganization) RETURN labels(n) AS labels LIMIT 1", {})
    assert set(rows[0]["labels"]) == {"PartyOrganization", "党组织"}
    rows = run_query(store.driver, store.database, "MATCH ()-[r:MEMBER_OF]->() RETURN r.role AS role, "
                                                   "r.label_zh AS zh LIMIT 1", {})
    assert rows[0]["zh"] == "任职" and rows[0]["role"]


@pytest.fixture
def examples_loaded(store, examples_build):
    run_query(store.driver, store.database, "MATCH (n) DETACH DELETE n", {}, write=True)
    return GraphWriter(store.driver, store.database).write(examples_build.graph)


@pytest.mark.parametrize("name", sorted(QUERY_LIBRARY))
def test_every_named_question_answers(store, examples_loaded, name):
    params = {"area": "和平居民区", "a": "和平居民区党总支", "b": "明珠街道党工委"}
    query = QUERY_LIBRARY[name]
    rows = run_query(store.driver, store.database, query.cypher, {p: params[p] for p in query.params})
    assert isinstance(rows, list), name


def ask(store, name, **params):
    return run_query(store.driver, store.database, QUERY_LIBRARY[name].cypher, params)


def test_known_answers(store, examples_loaded, examples_build):
    assert {"楼组议事、全员协商", "电梯工作机制"} <= {r["mechanism"] for r in ask(store, "mechanisms-by-cases")}
    assert "和平居民区党总支" in {r["body"] for r in ask(store, "area-bodies", area="和平居民区")}
    funding = ask(store, "funding")
    amounts = {(r["funder"], r["project"], r["amount"]) for r in funding}
    assert (funding[0]["funder"], funding[0]["amount"]) == ("区水务局", 600_000)
    assert ("明珠建设集团", "邻里花园项目", 200_000) in amounts
    path = ask(store, "path-between", a="和平居民区党总支", b="明珠建设集团")
    assert path and path[0]["hops"] == 1 and path[0]["links"] == ["共建"]
    assert len({r["case_title"] for r in ask(store, "case-actors")}) == len(examples_build.case_graph.cases)


def test_injection_is_stored_as_text(store):
    name = "x'}) DETACH DELETE n //"
    document = Document(id="inj", path="inj.txt", format="text", raw_text=name, text=name, offsets=(0,))
    case = Case(id="inj-01", document="inj", order=1, title=name, subtitle="", text=name, start=0)
    graph = build_case_graph([document], [case], [])
    graph.add_entity("Project", name, "inj-01")
    before = counts(store)
    GraphWriter(store.driver, store.database).write(to_networkx(graph))
    rows = run_query(store.driver, store.database, "MATCH (p:Project {name: $name}) RETURN p.name AS name",
                     {"name": name})
    assert rows == [{"name": name}]
    assert counts(store)[0] == before[0] + 3


def test_queries_are_read_only_unless_asked(store):
    with pytest.raises(StoreError, match="--write"):
        run_query(store.driver, store.database, "CREATE (n:Project {id: 'w'})", {})


def test_wrong_password_unreachable_server_and_missing_database(store):
    with pytest.raises(StoreError, match="authentication failed"):
        with open_store(StoreTarget(uri=store.uri, user="root", password="wrong", database=store.database)):
            pass
    with pytest.raises(StoreError, match="unreachable|cannot connect"):
        with open_store(StoreTarget(uri="bolt://127.0.0.1:1", user="root", password="x")):
            pass
    with pytest.raises(StoreError):
        with open_store(StoreTarget(uri=store.uri, user="root", password=store.password, database="nosuchdb")):
            pass
