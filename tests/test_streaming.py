"""A build of any size: graph.json written and read as a stream of rows, exported from the stream."""
import csv
import json

import networkx as nx
import pytest

from casegraph import api
from graph.exports import admin_import_command, export_graph
from graph.jsonio import HEADER, GraphFile, NetworkxRows, read_graph_json, write_graph_json
from graph.model import CaseGraphRows
from graph.writer import take_census
from tests.conftest import ROOT


def canonical(rows):
    """Rows in a comparable form: the same graph whatever the order it is written in."""
    return (sorted(json.dumps(node, sort_keys=True, ensure_ascii=False) for node in rows.nodes()),
            sorted(json.dumps(link, sort_keys=True, ensure_ascii=False) for link in rows.links()))


def refuse_whole_graph(monkeypatch):
    def refuse(self):
        raise AssertionError("the whole graph was read into memory")

    monkeypatch.setattr(GraphFile, "networkx", refuse)


def test_graph_json_is_one_row_per_line_and_one_json_document(examples_build, tmp_path):
    path = write_graph_json(CaseGraphRows(examples_build.case_graph), tmp_path / "graph.json")
    graph = examples_build.graph
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == HEADER
    assert len(lines) == graph.number_of_nodes() + graph.number_of_edges() + 3
    assert canonical(GraphFile(path)) == canonical(NetworkxRows(graph))
    whole = json.loads(path.read_text(encoding="utf-8"))
    assert (len(whole["nodes"]), len(whole["links"])) == (graph.number_of_nodes(), graph.number_of_edges())


def test_node_link_json_written_by_other_tools_is_read_too(examples_build, tmp_path):
    path = tmp_path / "other.json"
    data = nx.node_link_data(examples_build.graph, edges="links")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    assert canonical(GraphFile(path)) == canonical(NetworkxRows(examples_build.graph))


def test_an_empty_graph_round_trips(tmp_path):
    path = write_graph_json(nx.MultiDiGraph(), tmp_path / "graph.json")
    assert json.loads(path.read_text(encoding="utf-8"))["links"] == []
    assert read_graph_json(path).number_of_nodes() == 0


def test_a_build_writes_graph_json_without_making_its_networkx_graph(monkeypatch, tmp_path):
    def refuse(case_graph):
        raise AssertionError("the build made the whole networkx graph")

    monkeypatch.setattr(api, "to_networkx", refuse)
    result = api.build([ROOT / "examples"], out=tmp_path)
    nodes = sum(1 for _ in GraphFile(result.path).nodes())
    case_graph = result.case_graph
    assert nodes == len(case_graph.documents) + len(case_graph.cases) + len(case_graph.entities)
    with pytest.raises(AssertionError):
        result.graph


def test_csv_export_streams_from_graph_json_and_names_its_import_command(examples_build, monkeypatch, tmp_path):
    path = write_graph_json(examples_build.graph, tmp_path / "graph.json")
    folder = tmp_path / "export" / "neo4j-import"
    folder.mkdir(parents=True)
    (folder / "nodes_Gone.csv").write_text("id:ID\n", encoding="utf-8")  # left by an earlier export
    refuse_whole_graph(monkeypatch)
    assert export_graph(GraphFile(path), tmp_path / "export", ["csv"]) == [folder]
    assert not (folder / "nodes_Gone.csv").exists()
    node_rows = [row for file in folder.glob("nodes_*.csv") for row in list(csv.reader(file.open(encoding="utf-8")))[1:]]
    link_rows = [row for file in folder.glob("relationships_*.csv")
                 for row in list(csv.reader(file.open(encoding="utf-8")))[1:]]
    graph = examples_build.graph
    assert (len(node_rows), len(link_rows)) == (graph.number_of_nodes(), graph.number_of_edges())
    command = admin_import_command(folder)
    assert command.startswith("neo4j-admin database import full")
    assert all(f"--nodes={file}" in command for file in folder.glob("nodes_*.csv"))
    assert all(f"--relationships={file}" in command for file in folder.glob("relationships_*.csv"))


def test_the_version_a_load_stamps_is_the_same_from_a_file_or_from_memory(examples_build, tmp_path):
    path = write_graph_json(CaseGraphRows(examples_build.case_graph), tmp_path / "graph.json")
    streamed, in_memory = take_census(GraphFile(path)), take_census(NetworkxRows(examples_build.graph))
    assert streamed == in_memory
    smaller = examples_build.graph.copy()
    smaller.remove_node(next(iter(smaller.nodes)))
    assert take_census(NetworkxRows(smaller)).version != in_memory.version
