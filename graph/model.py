"""The one in-memory model: records merged into a CaseGraph, then a networkx graph.

Entity ids are '<Type>:<canonical name>', so the same input always gives the
same ids and a re-load into Neo4j merges instead of duplicating.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import networkx as nx

from graph.jsonio import graph_from_rows
from graph.records import (Case, CaseExtraction, Document, Entity, Evidence, LoadResult, Mention, Problem,
                           Relation)
from ontology.vocabulary import load_vocabulary

MAX_EVIDENCE = 5
STRUCTURAL_TYPES = ("Case", "Document")  # nodes that hold the text, not entities it names


def entity_id(type_name: str, name: str) -> str:
    return f"{type_name}:{name}"


def document_node_id(document_id: str) -> str:
    return f"Document:{document_id}"


@dataclass
class CaseGraph:
    """Everything a build found, merged across cases and documents."""

    documents: list[Document] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: dict[tuple[str, str, str], Relation] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def add_entity(self, type_name: str, name: str, case_id: str, evidence: Evidence | None = None,
                   alias: str = "", implicit: bool = False, confidence: float = 1.0) -> Entity:
        """Add an entity or a mention of a known one; its confidence is that of its surest mention."""
        key = entity_id(type_name, name)
        entity = self.entities.get(key)
        if entity is None:
            entity = self.entities[key] = Entity(id=key, type=type_name, name=name, implicit=implicit,
                                                 confidence=confidence)
        entity.confidence = max(entity.confidence, confidence)
        entity.implicit = entity.implicit and implicit
        entity.add_case(case_id)
        entity.add_alias(alias)
        if evidence is not None and len(entity.evidence) < MAX_EVIDENCE * 4:
            entity.evidence.append(evidence)
        return entity

    def add_relation(self, rel_type: str, source: str, target: str, evidence: Evidence | None,
                     amount: float | None = None, role: str = "", confidence: float = 1.0) -> Relation:
        vocabulary = load_vocabulary()
        kind = vocabulary.relation(rel_type)
        key = (rel_type, *sorted((source, target))) if kind.symmetric else (rel_type, source, target)
        if kind.symmetric and source in self.entities and target in self.entities:
            source_type, target_type = (vocabulary.node(self.entities[n].type) for n in (source, target))
            if not (any(source_type.is_a(c) for c in kind.domain) and any(target_type.is_a(c) for c in kind.range)):
                source, target = target, source
        relation = self.relations.get(key)
        if relation is None:
            relation = self.relations[key] = Relation(type=rel_type, source=source, target=target,
                                                      confidence=confidence)
        relation.confidence = max(relation.confidence, confidence)
        if evidence is not None:
            if evidence.case not in relation.cases:
                relation.cases.append(evidence.case)
            if len(relation.evidence) < MAX_EVIDENCE:
                relation.evidence.append(evidence)
        relation.amount = relation.amount if relation.amount is not None else amount
        relation.role = relation.role or role
        return relation

    def add_extraction(self, extraction: CaseExtraction) -> None:
        case_id = extraction.case.id
        for mention in extraction.mentions:
            entity = self.add_entity(mention.type, mention.canonical, case_id, mention.evidence,
                                     alias=mention.text if not mention.implicit else "", implicit=mention.implicit,
                                     confidence=mention.confidence)
            entity.add_alias(mention.short)
        for rel in extraction.relations:
            self.add_relation(rel.type, self._known_id(rel.source), self._known_id(rel.target), rel.evidence,
                              rel.amount, rel.role, rel.confidence)

    def _known_id(self, mention: Mention) -> str:
        """The id of a mention's entity, as the entity holds it: a relation shares the string, not a copy of it
        (a large build holds millions of relations)."""
        key = entity_id(mention.type, mention.canonical)
        entity = self.entities.get(key)
        return entity.id if entity is not None else key

    def add_loaded(self, loaded: LoadResult, extractions: Iterable[CaseExtraction]) -> None:
        """Fold in one document's records as it comes from extraction, so they need not be kept."""
        self.documents.extend(loaded.documents)
        self.cases.extend(loaded.cases)
        self.problems.extend(loaded.problems)
        for extraction in extractions:
            self.add_extraction(extraction)

    def merge_entities(self, mapping: dict[str, str]) -> None:
        """Fold each entity id of ``mapping`` into the one it maps to, then re-point relations in one pass.

        The target keeps its name; the merged names become its aliases.
        """
        for old, new in mapping.items():
            entity, target = self.entities.pop(old), self.entities[new]
            target.implicit = target.implicit and entity.implicit
            target.confidence = max(target.confidence, entity.confidence)
            for alias in (entity.name, *entity.aliases):
                target.add_alias(alias)
            for case in entity.cases:
                target.add_case(case)
            target.evidence.extend(entity.evidence)
        relations = list(self.relations.values())
        self.relations.clear()
        for rel in relations:
            source, target = mapping.get(rel.source, rel.source), mapping.get(rel.target, rel.target)
            if source == target:
                continue
            merged = self.add_relation(rel.type, source, target, None, rel.amount, rel.role, rel.confidence)
            merged.evidence.extend(e for e in rel.evidence if e not in merged.evidence)
            merged.cases.extend(c for c in rel.cases if c not in merged.cases)
            merged.note = merged.note or rel.note

    def drop_below(self, confidence: float) -> tuple[int, int]:
        """Remove entities and relations less sure than ``confidence`` (and the relations of removed entities);
        returns how many of each went."""
        weak = [key for key, entity in self.entities.items() if entity.confidence < confidence]
        for key in weak:
            del self.entities[key]
        gone = [key for key, rel in self.relations.items() if rel.confidence < confidence
                or rel.source not in self.entities or rel.target not in self.entities]
        for key in gone:
            del self.relations[key]
        return len(weak), len(gone)

    def counts(self) -> dict[str, dict[str, int]]:
        entity_counts: dict[str, int] = {}
        for entity in self.entities.values():
            entity_counts[entity.type] = entity_counts.get(entity.type, 0) + 1
        relation_counts: dict[str, int] = {}
        for relation in self.relations.values():
            relation_counts[relation.type] = relation_counts.get(relation.type, 0) + 1
        return {"entities": dict(sorted(entity_counts.items())), "relations": dict(sorted(relation_counts.items()))}


def build_case_graph(documents: Iterable[Document], cases: Iterable[Case],
                     extractions: Iterable[CaseExtraction], problems: Iterable[Problem] = ()) -> CaseGraph:
    graph = CaseGraph()
    graph.add_loaded(LoadResult(list(documents), list(cases), list(problems)), extractions)
    return graph


def _evidence_rows(evidence: list[Evidence], limit: int = MAX_EVIDENCE) -> list[dict]:
    return [asdict(e) for e in evidence[:limit]]


class CaseGraphRows:
    """A CaseGraph as the rows of graph.json, made one at a time (no second copy of the graph):
    entities, cases and documents as nodes, every relation and mention as a link."""

    def __init__(self, case_graph: CaseGraph):
        self.case_graph = case_graph

    def nodes(self) -> Iterator[dict]:
        vocabulary = load_vocabulary()
        for document in self.case_graph.documents:
            yield {"type": "Document", "name": Path(document.path).name, "path": document.path,
                   "format": document.format, "aliases": [], "cases": [], "id": document_node_id(document.id)}
        file_names = {document.id: Path(document.path).name for document in self.case_graph.documents}
        for case in self.case_graph.cases:
            yield {"type": "Case", "name": case.title, "title": case.title, "subtitle": case.subtitle,
                   "document": file_names[case.document], "order": case.order, "district": case.district,
                   "subdistrict": case.subdistrict, "area": case.area, "aliases": [], "cases": [case.id],
                   "id": case.id}
        for entity in self.case_graph.entities.values():
            yield {"type": entity.type, "name": entity.name, "aliases": sorted(entity.aliases),
                   "cases": list(entity.cases), "implicit": entity.implicit, "note": entity.note,
                   "confidence": round(entity.confidence, 3), "label_zh": vocabulary.node(entity.type).label_zh,
                   "evidence": _evidence_rows(entity.evidence), "id": entity.id}

    def links(self) -> Iterator[dict]:
        vocabulary = load_vocabulary()
        mentioned_in = vocabulary.relation("MENTIONED_IN").label_zh
        for case in self.case_graph.cases:
            yield {"type": "MENTIONED_IN", "label_zh": mentioned_in, "cases": [case.id], "evidence": [],
                   "source": case.id, "target": document_node_id(case.document), "key": "MENTIONED_IN"}
        for entity in self.case_graph.entities.values():
            for case_id in entity.cases:
                yield {"type": "MENTIONED_IN", "label_zh": mentioned_in, "cases": [case_id],
                       "evidence": _evidence_rows([e for e in entity.evidence if e.case == case_id], 1),
                       "source": entity.id, "target": case_id, "key": "MENTIONED_IN"}
        for relation in self.case_graph.relations.values():
            link = {"type": relation.type, "label_zh": vocabulary.relation(relation.type).label_zh,
                    "cases": list(relation.cases), "evidence": _evidence_rows(relation.evidence),
                    "note": relation.note, "confidence": round(relation.confidence, 3)}
            if relation.amount is not None:
                link["amount"] = relation.amount
            if relation.role:
                link["role"] = relation.role
            yield {**link, "source": relation.source, "target": relation.target, "key": relation.type}

    def networkx(self) -> nx.MultiDiGraph:
        return graph_from_rows(self)


def to_networkx(case_graph: CaseGraph) -> nx.MultiDiGraph:
    """The graph.json model in memory."""
    return graph_from_rows(CaseGraphRows(case_graph))
