import csv
import io
import json
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from casegraph import api
from graph.queries import QUERY_LIBRARY
from graph.search import find_nodes
from graph.store import StoreError, StoreTarget, open_store, run_query
from graph.jsonio import GraphFile, write_graph_json
from graph.writer import GraphWriter
from graph.model import build_case_graph, to_networkx
from graph.records import Case, Document
from tests.conftest import ROOT


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


def test_graph_json_loads_as_a_stream_in_batches_as_the_graph_in_memory_does(store, examples_build, tmp_path,
                                                                            monkeypatch):
    path = write_graph_json(examples_build.graph, tmp_path / "graph.json")
    monkeypatch.setattr(GraphFile, "networkx", lambda self: pytest.fail("the whole graph was read into memory"))
    run_query(store.driver, store.database, "MATCH (n) DETACH DELETE n", {}, write=True)
    report = GraphWriter(store.driver, store.database, batch_size=7).write(GraphFile(path))
    graph = examples_build.graph
    assert counts(store) == (graph.number_of_nodes(), graph.number_of_edges())
    assert (report.nodes_written, report.relationships_written) == counts(store)
    rows = run_query(store.driver, store.database, "MATCH (n) RETURN n.id AS id, n.name AS name", {})
    assert {row["id"]: row["name"] for row in rows} == {n: d["name"] for n, d in graph.nodes(data=True)}
    again = GraphWriter(store.driver, store.database).write(graph)
    assert (again.nodes_removed, again.relationships_removed) == (0, 0)


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


def test_a_load_after_a_rebuild_leaves_the_store_equal_to_the_new_graph(store, examples_build):
    graph = examples_build.graph
    smaller = graph.copy()
    dropped = next(n for n, d in graph.nodes(data=True) if d["type"] == "PropertyFirm")
    smaller.remove_node(dropped)
    run_query(store.driver, store.database, "MATCH (n) DETACH DELETE n", {}, write=True)
    run_query(store.driver, store.database, "CREATE (:ResearchNote {text: 'kept'})", {}, write=True)
    writer = GraphWriter(store.driver, store.database)
    writer.write(graph)
    report = writer.write(smaller)
    lost_edges = graph.number_of_edges() - smaller.number_of_edges()
    assert (report.nodes_removed, report.relationships_removed) == (1, lost_edges)
    assert counts(store) == (smaller.number_of_nodes() + 1, smaller.number_of_edges())
    again = writer.write(smaller)
    assert (again.nodes_removed, again.relationships_removed) == (0, 0)
    writer.write(graph)
    assert counts(store) == (graph.number_of_nodes() + 1, graph.number_of_edges())


@pytest.fixture
def examples_loaded(store, examples_build):
    run_query(store.driver, store.database, "MATCH (n) DETACH DELETE n", {}, write=True)
    return GraphWriter(store.driver, store.database).write(examples_build.graph)


@pytest.mark.parametrize("name", sorted(QUERY_LIBRARY))
def test_every_named_question_answers(store, examples_loaded, name):
    params = {"area": "和平居民区", "a": "和平居民区党总支", "b": "明珠街道党工委"}
    query = QUERY_LIBRARY[name]
    rows = run_query(store.driver, store.database, query.cypher, {p.name: params[p.name] for p in query.params})
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
    run_query(store.driver, store.database, "MATCH (n) DETACH DELETE n", {}, write=True)
    run_query(store.driver, store.database, "CREATE (:ResearchNote {text: 'kept'})", {}, write=True)
    GraphWriter(store.driver, store.database).write(to_networkx(graph))
    rows = run_query(store.driver, store.database, "MATCH (p:Project {name: $name}) RETURN p.name AS name",
                     {"name": name})
    assert rows == [{"name": name}]
    assert counts(store)[0] == 1 + 3  # the note, the document, the case, the project


WRITING_QUERIES = ["CREATE (n:Project {id: 'w'})", "INSERT (n:Project {id: 'w'})",
                   "MERGE (n:Project {id: 'w'}) RETURN n.id AS id", "MATCH (n) SET n.touched = true",
                   "MATCH (n:Project) DETACH DELETE n", "MATCH (n:Case) REMOVE n.title"]


@pytest.mark.parametrize("cypher", WRITING_QUERIES)
def test_a_query_that_writes_is_rolled_back_and_refused_without_write(store, examples_loaded, cypher):
    before = counts(store)
    with pytest.raises(StoreError, match="--write"):
        run_query(store.driver, store.database, cypher, {})
    assert counts(store) == before
    assert run_query(store.driver, store.database, "MATCH (n) WHERE n.touched RETURN count(n) AS n", {}) == [{"n": 0}]


def test_read_queries_that_look_like_writes_are_answered(store, examples_loaded):
    assert run_query(store.driver, store.database, "RETURN 'SET' AS word", {}) == [{"word": "SET"}]
    rows = run_query(store.driver, store.database, "MATCH (`create`:Project) RETURN count(`create`) AS n", {})
    assert rows[0]["n"] > 0


CLAUSES = st.sampled_from(["MATCH (n)", "MATCH (n:Project)", "OPTIONAL MATCH (n)-[r]->(m)", "CREATE (n:Project {id: $v})",
                           "create (x:Project)", "MERGE (n:Project {id: $v})", "SET n.v = $v", "DETACH DELETE n",
                           "REMOVE n.name", "WITH n", "WITH n LIMIT 3", "RETURN count(*) AS c", "RETURN $v AS v",
                           "INSERT (y:Project)", "UNWIND [1, 2] AS k"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(clauses=st.lists(CLAUSES, min_size=1, max_size=4), value=st.text(max_size=12))
def test_no_query_changes_the_store_without_write(store, examples_loaded, clauses, value):
    before = counts(store)
    try:
        run_query(store.driver, store.database, " ".join(clauses), {"v": value})
    except StoreError:
        pass
    assert counts(store) == before


def test_find_by_part_of_a_name_or_alias(store, examples_loaded):
    names = [m.name for m in find_nodes(store.driver, store.database, "和平居")]
    assert "和平居民区" in names and "和平居民区党总支" in names
    assert find_nodes(store.driver, store.database, "和平苑")[0].name == "和平苑"
    assert [m.name for m in find_nodes(store.driver, store.database, "居民区党总支")][0] == "和平居民区党总支"
    assert {m.type for m in find_nodes(store.driver, store.database, "和平", "Committee")} == {"Committee"}
    assert find_nodes(store.driver, store.database, "不存在的名字") == []


def test_a_named_question_takes_part_of_a_name_and_names_the_choices_when_several(store, examples_loaded):
    target = StoreTarget(uri=store.uri, user=store.user, password=store.password, database=store.database)
    bodies = {r["body"] for r in api.ask("area-bodies", {"area": "和平居"}, target)}
    assert "和平居民区党总支" in bodies
    with pytest.raises(StoreError, match="several Community names: .*和平新村"):
        api.ask("area-bodies", {"area": "和平"}, target)


def test_notebook_objects_are_short_and_become_dataframes_and_inline_maps(store, examples_loaded, examples_build,
                                                                          tmp_path):
    target = StoreTarget(uri=store.uri, user=store.user, password=store.password, database=store.database)
    rows = api.query("MATCH (n:Project) RETURN n.name AS name, n.cases AS cases ORDER BY name", target=target)
    frame = rows.to_df()
    assert list(frame.columns) == ["name", "cases"] and len(frame) == len(rows) > 0
    assert repr(rows).startswith(f"Rows({len(rows)} rows")
    assert len(repr(examples_build)) < 200 and "entities" in repr(examples_build)
    maps = api.draw(examples_build.graph, tmp_path, case=examples_build.case_graph.cases[0].id)
    inline = maps._repr_html_()
    assert inline.startswith("<iframe srcdoc=") and "<script" not in inline and "&lt;script" in inline


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_cli_query_prints_each_format(store, examples_loaded, fmt):
    result = subprocess.run([sys.executable, "-m", "casegraph.cli", "query", "--name", "funding", "--format", fmt,
                             "--uri", store.uri, "--user", store.user, "--password", store.password,
                             "--database", store.database], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert rows[0]["funder"] == "区水务局" and rows[0]["amount"] == "600000"
    elif fmt == "json":
        assert json.loads(result.stdout)[0]["funder"] == "区水务局"
    else:
        assert "区水务局" in result.stdout and "600000" in result.stdout


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
