"""A researcher's curation file, applied after extraction.

YAML with optional sections, applied in this order::

    merge:   [{into: "PartyOrganization:松韵居民区党总支", from: ["PartyOrganization:松韵党总支"], note: …}]
    rename:  [{id: "Project:琪园", name: "琪园（梦想花田）", note: …}]
    retype:  [{id: "Project:三通工作法", type: Mechanism, note: …}]
    drop:    [{id: "Community:辖区", note: …}]
    drop_relations: [{type: SUPPORTS, source: "…", target: "…", note: …}]
    add_entities:  [{type: PartnerUnit, name: 师大, cases: ["001-01"], aliases: [], note: …}]
    add_relations: [{type: CO_BUILDS, source: "PartnerUnit:师大", target: "…", case: "001-01", note: …}]

Every entry is checked (fields, their kinds, case ids) before anything is applied;
every error names the file, the entry and what is wrong, and suggests the closest
entity ids for one it does not know.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from graph.model import CaseGraph, entity_id
from graph.records import Relation
from ontology.vocabulary import UnknownTypeError, load_vocabulary

TEXT, TEXTS, NUMBER = "text", "list of texts", "number"
FIELDS: dict[str, dict[str, str]] = {
    "merge": {"into": TEXT, "from": TEXTS, "note": TEXT},
    "rename": {"id": TEXT, "name": TEXT, "note": TEXT},
    "retype": {"id": TEXT, "type": TEXT, "note": TEXT},
    "drop": {"id": TEXT, "note": TEXT},
    "drop_relations": {"type": TEXT, "source": TEXT, "target": TEXT, "note": TEXT},
    "add_entities": {"type": TEXT, "name": TEXT, "cases": TEXTS, "aliases": TEXTS, "note": TEXT},
    "add_relations": {"type": TEXT, "source": TEXT, "target": TEXT, "case": TEXT, "amount": NUMBER, "role": TEXT,
                      "note": TEXT},
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "merge": ("into", "from"), "rename": ("id", "name"), "retype": ("id", "type"), "drop": ("id",),
    "drop_relations": ("source", "target"), "add_entities": ("type", "name", "cases"),
    "add_relations": ("type", "source", "target"),
}
SECTIONS = tuple(FIELDS)
MAX_CURATION_BYTES = 10 * 2**20


class CurationError(ValueError):
    """The curation file cannot be applied; the message says where and why."""


class _NoAliasLoader(yaml.SafeLoader):
    """Safe YAML without anchors and aliases: a curation file needs none, and aliases nested in aliases
    expand to gigabytes from a few hundred bytes."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.YAMLError(f"line {mark.line + 1}: aliases (*name) are not allowed in a curation file")
        return super().compose_node(parent, index)


def _kind_ok(value, kind: str) -> bool:
    if kind == TEXT:
        return isinstance(value, str)
    if kind == TEXTS:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@dataclass
class CurationReport:
    applied: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        return ", ".join(f"{n} {section}" for section, n in self.applied.items() if n) or "nothing"


class _Applier:
    def __init__(self, graph: CaseGraph, path: Path):
        self.graph, self.path = graph, path
        self.vocabulary = load_vocabulary()
        self.case_ids = {case.id for case in graph.cases}

    def fail(self, section: str, index: int, message: str) -> None:
        raise CurationError(f"{self.path}: {section} #{index + 1}: {message}")

    def check(self, section: str, index: int, item) -> None:
        """Fields known, of the right kind, present where required; case ids of this build."""
        if not isinstance(item, dict):
            self.fail(section, index, "each entry must be a mapping")
        fields = FIELDS[section]
        for key, value in item.items():
            if key not in fields:
                self.fail(section, index, f"unknown field {key!r}; expected: {', '.join(fields)}")
            if value is not None and not _kind_ok(value, fields[key]):
                self.fail(section, index, f"{key!r} must be a {fields[key]}, not {type(value).__name__}")
        for key in REQUIRED[section]:
            if not item.get(key):
                self.fail(section, index, f"needs {key!r}")
        cases = item.get("cases") or ([item["case"]] if item.get("case") else [])
        for case in cases:
            if case not in self.case_ids:
                close = difflib.get_close_matches(case, sorted(self.case_ids), n=3)
                self.fail(section, index, f"unknown case id {case!r}" + (f"; did you mean {', '.join(close)}?"
                                                                         if close else ""))

    def entity(self, section: str, index: int, key: str):
        if key not in self.graph.entities:
            close = difflib.get_close_matches(key, list(self.graph.entities), n=3, cutoff=0.5)
            hint = f"did you mean {', '.join(close)}?" if close else "ids look like 'Type:name'"
            self.fail(section, index, f"unknown entity {key!r}; {hint}")
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
        into = self.entity("merge", index, item["into"])
        for old in item["from"]:
            source = self.entity("merge", index, old)
            self.move(source.id, into.type, into.name, item.get("note") or "")

    def rename(self, index: int, item: dict) -> None:
        entity = self.entity("rename", index, item["id"])
        self.move(entity.id, entity.type, item["name"], item.get("note") or "")

    def retype(self, index: int, item: dict) -> None:
        entity = self.entity("retype", index, item["id"])
        self.move(entity.id, self.node_type("retype", index, item["type"]), entity.name, item.get("note") or "")

    def drop(self, index: int, item: dict) -> None:
        entity = self.entity("drop", index, item["id"])
        del self.graph.entities[entity.id]
        self.graph.relations = {k: r for k, r in self.graph.relations.items()
                                if entity.id not in (r.source, r.target)}

    def drop_relations(self, index: int, item: dict) -> None:
        source = self.entity("drop_relations", index, item["source"])
        target = self.entity("drop_relations", index, item["target"])
        rel_type = item.get("type")
        dropped = {k for k, r in self.graph.relations.items() if r.source == source.id and r.target == target.id
                   and (not rel_type or r.type == rel_type)}
        if not dropped:
            self.fail("drop_relations", index, f"no {rel_type or 'relation'} from {source.id} to {target.id}")
        self.graph.relations = {k: r for k, r in self.graph.relations.items() if k not in dropped}

    def add_entities(self, index: int, item: dict) -> None:
        type_name = self.node_type("add_entities", index, item["type"])
        for case in item["cases"]:
            entity = self.graph.add_entity(type_name, item["name"], case)
        for alias in item.get("aliases") or []:
            entity.add_alias(alias)
        entity.note = item.get("note") or ""

    def add_relations(self, index: int, item: dict) -> None:
        try:
            rel_type = self.vocabulary.relation(item["type"]).name
        except UnknownTypeError as err:
            self.fail("add_relations", index, str(err))
        source = self.entity("add_relations", index, item["source"])
        target = self.entity("add_relations", index, item["target"])
        if not self.vocabulary.relation(rel_type).allows(self.vocabulary.node(source.type),
                                                         self.vocabulary.node(target.type)):
            self.fail("add_relations", index, f"{rel_type} cannot join {source.type} to {target.type}")
        relation: Relation = self.graph.add_relation(rel_type, source.id, target.id, None,
                                                     item.get("amount"), item.get("role") or "")
        if item.get("case") and item["case"] not in relation.cases:
            relation.cases.append(item["case"])
        relation.note = item.get("note") or "curated"


def read_curation(path: Path) -> dict:
    """The file's sections, or a CurationError naming the file and what is wrong with it."""
    try:
        size = path.stat().st_size
        if size > MAX_CURATION_BYTES:
            raise CurationError(f"{path}: curation file of {size / 2**20:.0f} MB is over the "
                                f"{MAX_CURATION_BYTES / 2**20:.0f} MB limit")
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_NoAliasLoader) or {}
    except UnicodeDecodeError:
        raise CurationError(f"{path}: curation file is not UTF-8 text") from None
    except (OSError, yaml.YAMLError) as err:
        raise CurationError(f"{path}: cannot read curation file ({' '.join(str(err).split())})") from None
    if not isinstance(data, dict):
        raise CurationError(f"{path}: expected a mapping with sections {', '.join(SECTIONS)}")
    unknown = set(data) - set(SECTIONS)
    if unknown:
        raise CurationError(f"{path}: unknown section(s) {', '.join(sorted(map(str, unknown)))}; "
                            f"expected: {', '.join(SECTIONS)}")
    for section, items in data.items():
        if items is not None and not isinstance(items, list):
            raise CurationError(f"{path}: {section}: expected a list of entries")
    return data


def apply_curation(graph: CaseGraph, path: Path) -> CurationReport:
    """Apply a curation file to the graph in place; raise CurationError on any bad entry, before applying any."""
    path = Path(path)
    data = read_curation(path)
    applier = _Applier(graph, path)
    for section in SECTIONS:
        for index, item in enumerate(data.get(section) or []):
            applier.check(section, index, item)
    report = CurationReport()
    for section in SECTIONS:
        items = data.get(section) or []
        for index, item in enumerate(items):
            getattr(applier, section)(index, item)
        report.applied[section] = len(items)
    return report


def curation_from_marks(marks) -> dict:
    """Curation sections from a marked review sheet: rows marked ``drop`` are dropped, rows marked with a type
    are retyped, ``keep`` and blank rows stay. Each row has kind, id, type, source, target and decision."""
    sections: dict[str, list[dict]] = {"retype": [], "drop": [], "drop_relations": []}
    for row in marks:
        decision = row.decision.strip()
        if decision in ("", "keep"):
            continue
        if row.kind == "relation" and decision == "drop":
            sections["drop_relations"].append({"type": row.type, "source": row.source, "target": row.target,
                                               "note": "review"})
        elif row.kind == "entity" and decision == "drop":
            sections["drop"].append({"id": row.id, "note": "review"})
        elif row.kind == "entity":
            sections["retype"].append({"id": row.id, "type": decision, "note": "review"})
        else:
            raise CurationError(f"{row.id}: a relation can be kept or dropped, not marked {decision!r}")
    return {section: items for section, items in sections.items() if items}
