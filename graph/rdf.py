"""RDF of the graph (rdflib) and its SHACL validation (pySHACL).

Instances are typed by the ontology classes; names carry @zh tags; each
relationship is an object-property triple, and its evidence hangs on an
rdf:Statement that reifies that triple (cg:sentence, cg:rule, cg:caseId …).
"""
from __future__ import annotations

import json
from urllib.parse import quote

import networkx as nx
from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef

from ontology.vocabulary import CG, ONTOLOGY_FILE, SHAPES_FILE

ID = Namespace("https://w3id.org/casegraph/id/")


def node_uri(node_id: str) -> URIRef:
    return ID[quote(node_id, safe="")]


def to_rdf(graph: nx.MultiDiGraph) -> Graph:
    rdf = Graph()
    rdf.bind("cg", CG)
    rdf.bind("id", ID)
    for node_id, data in graph.nodes(data=True):
        subject = node_uri(node_id)
        rdf.add((subject, RDF.type, CG[data["type"]]))
        if data.get("name"):
            rdf.add((subject, CG.name, Literal(data["name"], lang="zh")))
        for alias in data.get("aliases") or []:
            rdf.add((subject, CG.alias, Literal(alias, lang="zh")))
        for case in data.get("cases") or []:
            rdf.add((subject, CG.caseId, Literal(case, datatype=XSD.string)))
        if data.get("implicit"):
            rdf.add((subject, CG.implicit, Literal(True)))
        if data.get("confidence") is not None:
            rdf.add((subject, CG.confidence, Literal(data["confidence"], datatype=XSD.decimal)))
    for source, target, data in graph.edges(data=True):
        triple = (node_uri(source), CG[data["type"]], node_uri(target))
        rdf.add(triple)
        if data["type"] == "MENTIONED_IN":
            continue
        statement = BNode()
        rdf.add((statement, RDF.type, RDF.Statement))
        rdf.add((statement, RDF.subject, triple[0]))
        rdf.add((statement, RDF.predicate, triple[1]))
        rdf.add((statement, RDF.object, triple[2]))
        if data.get("amount") is not None:
            rdf.add((statement, CG.amount, Literal(data["amount"], datatype=XSD.decimal)))
        if data.get("role"):
            rdf.add((statement, CG.role, Literal(data["role"], lang="zh")))
        if data.get("confidence") is not None:
            rdf.add((statement, CG.confidence, Literal(data["confidence"], datatype=XSD.decimal)))
        for evidence in data.get("evidence") or []:
            rdf.add((statement, CG.sentence, Literal(evidence["sentence"], lang="zh")))
            rdf.add((statement, CG.rule, Literal(evidence["rule"], datatype=XSD.string)))
            rdf.add((statement, CG.caseId, Literal(evidence["case"], datatype=XSD.string)))
            rdf.add((statement, CG.document, Literal(evidence["document"], datatype=XSD.string)))
    return rdf


def ontology_graph() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def _plain(rdf: Graph, term) -> str:
    if isinstance(term, URIRef) and str(term).startswith(str(ID)):
        name = rdf.value(term, CG.name)
        return f"{name} ({rdf.value(term, RDF.type).split('#')[-1]})" if name else str(term)
    return str(term)


def validate_graph(graph: nx.MultiDiGraph) -> list[str]:
    """Each SHACL violation in plain words: which node, which rule."""
    from pyshacl import validate

    data = to_rdf(graph)
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    conforms, report, _ = validate(data, shacl_graph=shapes, ont_graph=ontology_graph(), inference="none",
                                   allow_warnings=True)
    if conforms:
        return []
    SH = Namespace("http://www.w3.org/ns/shacl#")
    messages = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        message = report.value(result, SH.resultMessage)
        messages.append(f"{_plain(data, focus)}: {message}")
    return sorted(set(messages))


def write_rdf(graph: nx.MultiDiGraph, path, fmt: str) -> None:
    rdf = to_rdf(graph)
    if fmt == "json-ld":
        context = {"cg": str(CG), "id": str(ID)}
        path.write_text(json.dumps(json.loads(rdf.serialize(format="json-ld", context=context)),
                                   ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        path.write_text(rdf.serialize(format=fmt), encoding="utf-8")
