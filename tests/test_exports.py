import networkx as nx
from rdflib import RDF, Graph

from graph.exports import export_graph
from graph.rdf import to_rdf, validate_graph
from graph.stats import clusters, recurring, top_central
from ontology.vocabulary import CG


def test_rdf_round_trip_keeps_node_and_edge_counts(corpus_build, tmp_path):
    graph = corpus_build.graph
    export_graph(graph, tmp_path, ["turtle", "jsonld"])
    parsed = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    typed = {s for s, _, o in parsed.triples((None, RDF.type, None)) if str(o).startswith(str(CG))}
    assert len(typed) == graph.number_of_nodes()
    relation_triples = {(s, p, o) for s, p, o in parsed if str(p).startswith(str(CG))
                        and p.split("#")[-1].isupper()}
    assert len(relation_triples) == len({(s, d["type"], t) for s, t, d in graph.edges(data=True)})
    assert len(Graph().parse(tmp_path / "graph.jsonld", format="json-ld")) == len(parsed)


def test_graphml_and_gexf_read_back_equal(corpus_build, tmp_path):
    graph = corpus_build.graph
    export_graph(graph, tmp_path, ["graphml", "gexf", "csv"])
    back = nx.read_graphml(tmp_path / "graph.graphml")
    assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    assert nx.read_gexf(tmp_path / "graph.gexf").number_of_nodes() == graph.number_of_nodes()
    assert (tmp_path / "neo4j-import" / "nodes_PartyOrganization.csv").read_text(encoding="utf-8").startswith("id:ID")


def test_shacl_accepts_the_corpus_and_catches_a_broken_graph(corpus_build):
    assert validate_graph(corpus_build.graph) == []
    broken = corpus_build.graph.copy()
    source = next(n for n, d in broken.nodes(data=True) if d["type"] == "Project")
    target = next(n for n, d in broken.nodes(data=True) if d["type"] == "Person")
    broken.add_edge(source, target, key="MEMBER_OF", type="MEMBER_OF", cases=[], evidence=[])
    violations = validate_graph(broken)
    assert any("MEMBER_OF" in v for v in violations)


def small_graph():
    g = nx.MultiDiGraph()
    for n, t, cases in [("a", "PartnerUnit", ["c1", "c2"]), ("b", "PartyOrganization", ["c1"]),
                        ("c", "PartyOrganization", ["c2"]), ("m", "Mechanism", ["c1", "c2"])]:
        g.add_node(n, type=t, name=n.upper(), cases=cases)
    g.add_edge("a", "b", type="CO_BUILDS")
    g.add_edge("a", "c", type="CO_BUILDS")
    g.add_edge("b", "m", type="USES_MECHANISM")
    return g


def test_stats_known_answers():
    g = small_graph()
    central = {r["name"]: r for r in top_central(g)}
    assert central["A"]["betweenness"] > central["C"]["betweenness"]
    assert [r["name"] for r in recurring(g)] == ["A", "M"]
    assert sum(r["size"] for r in clusters(g)) == 4
    assert to_rdf(g)
