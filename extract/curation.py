"""A researcher's curation file, applied after extraction.

YAML with optional sections, applied in this order::

    merge:   [{into: "PartyOrganization:松韵居民区党总支", from: ["PartyOrganization:松韵党总支"], note: …}]
    rename:  [{id: "Project:琪园", name: "琪园（梦想花田）", note: …}]
    retype:  [{id: "Project:三通工作法", type: Mechanism, note: …}]
    drop:    [{id: "Community:辖区", note: …}]
    add_entities:  [{type: PartnerUnit, name: 师大, cases: ["001-01"], aliases: [], note: …}]
    add_relations: [{type: CO_BUILDS, source: "PartnerUnit:师大", target: "…", case: "001-01", note: …}]

Every error names the file, the entry and what is wrong.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from graph.model import CaseGraph, entity_id
from graph.records import Relation
from ontology.vocabulary import UnknownTypeError, load_vocabulary

SECTIONS = ("merge", "rename", "retype", "drop", "add_entities", "add_relations")


class CurationError(ValueError):
    """The curation file cannot be applied; the message says where and why."""


@dataclass
class CurationReport:
    applied: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        return ", ".join(f"{n} {section}" for section, n in self.applied.items() if n) or "nothing"


class _Applier:
    def __init__(self, graph: CaseGraph, path: Path):
        self.graph, self.path = graph, path
        self.vocabulary = load_vocabulary()

    def fail(self, section: str, index: int, message: str) -> None:
        raise CurationError(f"{self.path}: {section} #{index + 1}: {message}")

    def entity(self, section: str, index: int, key: str):
        if key not in self.graph.entities:
            self.fail(section, index, f"unknown entity {key!r} (ids look like 'Type:name')")
        return self.graph.entities[key]

    def node_type(self, section: str, index: int, name: str) -> str:
        try:
            return self.vocabulary.node(name).name
        except UnknownTypeError as err:
            self.fail(section, index, str(err))
        return name

    def move(self, old: str, new_type: str, new_name: str, note: str) -> None:
        entity = self.graph.entities[old]
        key = entity_id(new_type, new_name)
        if key == old:
            entity.note = note or entity.note
            return
        if key not in self.graph.entities:
            self.graph.entities[key] = replace(entity, id=key, type=new_type, name=new_name, aliases=[], cases=[],
                                               evidence=[])
        self.graph.merge_entities({old: key})
        self.graph.entities[key].note = note or self.graph.entities[key].note

    def merge(self, index: int, item: dict) -> None:
        into = self.entity("merge", index, item.get("into", ""))
        for old in item.get("from") or []:
            source = self.entity("merge", index, old)
            self.move(source.id, into.type, into.name, item.get("note", ""))

    def rename(self, index: int, item: dict) -> None:
        entity = self.entity("rename", index, item.get("id", ""))
        if not item.get("name"):
            self.fail("rename", index, "needs a new 'name'")
        self.move(entity.id, entity.type, item["name"], item.get("note", ""))

    def retype(self, index: int, item: dict) -> None:
        entity = self.entity("retype", index, item.get("id", ""))
        self.move(entity.id, self.node_type("retype", index, item.get("type", "")), entity.name, item.get("note", ""))

    def drop(self, index: int, item: dict) -> None:
        entity = self.entity("drop", index, item.get("id", ""))
        del self.graph.entities[entity.id]
        self.graph.relations = {k: r for k, r in self.graph.relations.items()
                                if entity.id not in (r.source, r.target)}

    def add_entities(self, index: int, item: dict) -> None:
        type_name = self.node_type("add_entities", index, item.get("type", ""))
        if not item.get("name"):
            self.fail("add_entities", index, "needs a 'name'")
        cases = item.get("cases") or []
        if not cases:
            self.fail("add_entities", index, "needs 'cases' (the case ids it appears in)")
        for case in cases:
            entity = self.graph.add_entity(type_name, item["name"], case)
        for alias in item.get("aliases") or []:
            entity.add_alias(alias)
        entity.note = item.get("note", "")

    def add_relations(self, index: int, item: dict) -> None:
        try:
            rel_type = self.vocabulary.relation(item.get("type", "")).name
        except UnknownTypeError as err:
            self.fail("add_relations", index, str(err))
        source = self.entity("add_relations", index, item.get("source", ""))
        target = self.entity("add_relations", index, item.get("target", ""))
        if not self.vocabulary.relation(rel_type).allows(self.vocabulary.node(source.type),
                                                         self.vocabulary.node(target.type)):
            self.fail("add_relations", index, f"{rel_type} cannot join {source.type} to {target.type}")
        relation: Relation = self.graph.add_relation(rel_type, source.id, target.id, None,
                                                     item.get("amount"), item.get("role", ""))
        if item.get("case") and item["case"] not in relation.cases:
            relation.cases.append(item["case"])
        relation.note = item.get("note", "curated")


def apply_curation(graph: CaseGraph, path: Path) -> CurationReport:
    """Apply a curation file to the graph in place; raise CurationError on any bad entry."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise CurationError(f"{path}: cannot read curation file ({err})") from None
    if not isinstance(data, dict):
        raise CurationError(f"{path}: expected a mapping with sections {', '.join(SECTIONS)}")
    unknown = set(data) - set(SECTIONS)
    if unknown:
        raise CurationError(f"{path}: unknown section(s) {', '.join(sorted(unknown))}; "
                            f"expected: {', '.join(SECTIONS)}")
    applier = _Applier(graph, Path(path))
    report = CurationReport()
    for section in SECTIONS:
        items = data.get(section) or []
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                applier.fail(section, index, "each entry must be a mapping")
            getattr(applier, section)(index, item)
        report.applied[section] = len(items)
    return report
