"""The closed vocabulary of node and relationship types, read from casegraph.ttl.

Every other module asks this one for labels, Chinese names, colours, shapes and
domain/range, so the ontology file is the single place a type is defined.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Namespace
from rdflib.collection import Collection

ONTOLOGY_FILE = Path(__file__).with_name("casegraph.ttl")
SHAPES_FILE = Path(__file__).with_name("shapes.ttl")
CG = Namespace("https://w3id.org/casegraph/ontology#")
ABSTRACT_CLASSES = {"Entity", "Actor", "Organization"}
STRUCTURAL_NODE_TYPES = {"Case", "Document"}


class UnknownTypeError(ValueError):
    """A node or relationship type that the ontology does not define."""


@dataclass(frozen=True)
class NodeType:
    name: str
    label_zh: str
    colour: str
    shape: str
    ancestors: frozenset[str]

    def is_a(self, class_name: str) -> bool:
        return class_name == self.name or class_name in self.ancestors


@dataclass(frozen=True)
class RelationType:
    name: str
    label_zh: str
    domain: frozenset[str]
    range: frozenset[str]
    symmetric: bool
    structural: bool

    def allows(self, source: NodeType, target: NodeType) -> bool:
        """True when the ontology lets this relationship join these two types."""
        fits = lambda t, classes: any(t.is_a(c) for c in classes)  # noqa: E731
        if fits(source, self.domain) and fits(target, self.range):
            return True
        return self.symmetric and fits(target, self.domain) and fits(source, self.range)


@dataclass(frozen=True)
class Vocabulary:
    node_types: dict[str, NodeType]
    relation_types: dict[str, RelationType]

    def node(self, name: str) -> NodeType:
        try:
            return self.node_types[name]
        except KeyError:
            raise UnknownTypeError(
                f"unknown node type {name!r}; expected one of: {', '.join(self.node_types)}") from None

    def relation(self, name: str) -> RelationType:
        try:
            return self.relation_types[name]
        except KeyError:
            raise UnknownTypeError(
                f"unknown relationship type {name!r}; expected one of: {', '.join(self.relation_types)}"
            ) from None

    def relations_between(self, source: str, target: str) -> frozenset[str]:
        """The relationship types that may join a ``source`` node to a ``target`` node."""
        return self._joins.get((source, target), frozenset())

    @cached_property
    def _joins(self) -> dict[tuple[str, str], frozenset[str]]:
        return {(s.name, t.name): frozenset(r.name for r in self.relation_types.values() if r.allows(s, t))
                for s in self.node_types.values() for t in self.node_types.values()}

    @property
    def entity_types(self) -> list[NodeType]:
        """Node types that extraction produces (everything but Case and Document)."""
        return [t for t in self.node_types.values() if t.name not in STRUCTURAL_NODE_TYPES]


def _label(graph: Graph, subject, lang: str) -> str:
    for value in graph.objects(subject, RDFS.label):
        if getattr(value, "language", None) == lang:
            return str(value)
    raise ValueError(f"{ONTOLOGY_FILE.name}: {subject} has no rdfs:label@{lang}")


def _local(uri) -> str:
    return str(uri).rsplit("#", 1)[-1]


def _classes(graph: Graph, node) -> frozenset[str]:
    """A class or an owl:unionOf list of classes, as local names."""
    union = graph.value(node, OWL.unionOf)
    if union is not None:
        return frozenset(_local(c) for c in Collection(graph, union))
    return frozenset({_local(node)})


def _ancestors(graph: Graph, cls) -> frozenset[str]:
    found: set[str] = set()
    for parent in graph.transitive_objects(cls, RDFS.subClassOf):
        if parent != cls:
            found.add(_local(parent))
    return frozenset(found)


def parse_vocabulary(graph: Graph) -> Vocabulary:
    node_types = {}
    for cls in sorted(graph.subjects(RDF.type, OWL.Class)):
        name = _local(cls)
        if name in ABSTRACT_CLASSES:
            continue
        node_types[name] = NodeType(
            name=name, label_zh=_label(graph, cls, "zh"),
            colour=str(graph.value(cls, CG.colour)), shape=str(graph.value(cls, CG.shape)),
            ancestors=_ancestors(graph, cls))
    relation_types = {}
    for prop in graph.subjects(RDF.type, OWL.ObjectProperty):
        name = _local(prop)
        relation_types[name] = RelationType(
            name=name, label_zh=_label(graph, prop, "zh"),
            domain=_classes(graph, graph.value(prop, RDFS.domain)),
            range=_classes(graph, graph.value(prop, RDFS.range)),
            symmetric=bool(graph.value(prop, CG.symmetric)),
            structural=bool(graph.value(prop, CG.structural)))
    ordered = dict(sorted(relation_types.items(), key=lambda kv: (kv[1].structural, kv[0])))
    return Vocabulary(node_types=node_types, relation_types=ordered)


@cache
def load_vocabulary() -> Vocabulary:
    """The project's vocabulary, parsed once per process."""
    graph = Graph()
    graph.parse(ONTOLOGY_FILE, format="turtle")
    return parse_vocabulary(graph)
