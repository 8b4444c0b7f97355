"""Cross-case resolution: one thing named in full in one case and shortly in another is one node.

Within a case, ``resolve`` joins short forms to full ones; across cases the only
safe evidence is that one entity's name is an alias another entity of the same
type was given (a quoted core, a surface form without its quotes) in the same document, or in another one
for a name that means the same thing everywhere; or, for bodies
within one document, that one name is a short form of the other. A name that is the alias of
two different entities names neither and joins nothing; a name used in more
cases than the entity that has it as alias is a thing of its own (四轮驱动 is
not only its 例会制度).
"""
from __future__ import annotations

from collections import defaultdict

from extract.resolve import canonical_name, is_alias
from graph.model import CaseGraph
from graph.records import Entity

MIN_ALIAS_LENGTH = 3
BODY_TYPES = ("PartyOrganization", "Committee", "GovernmentAgency", "PartnerUnit")


def short_body_names(graph: CaseGraph) -> dict[str, str]:
    """A body named shortly in one case and in full in another of the same document is one body
    (区园林市容局 and 区园林和市容管理局); only when the short name fits one full name there."""
    by_document: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    for entity in graph.entities.values():
        if entity.type in BODY_TYPES and not entity.implicit:
            for document in {evidence.document for evidence in entity.evidence}:
                by_document[(entity.type, document)].append(entity)
    mapping = {}
    for bodies in by_document.values():
        by_first, by_last = defaultdict(list), defaultdict(list)
        for body in bodies:
            by_first[body.name[:1]].append(body)
            by_last[body.name[-1:]].append(body)
        for short in bodies:
            # a fuller form starts as the short one does, or ends with it (is_alias asks one or the other)
            candidates = by_first[short.name[:1]] + by_last[short.name[-1:]]
            fuller = {body.id for body in candidates if is_alias(short.name, body.name)}
            if len(fuller) == 1:
                mapping[short.id] = fuller.pop()
    return mapping


RELATIVE_OPENINGS = ("区", "市", "县", "镇", "街道")  # 区水务局: the office of whichever district the report is from


def _local_name(entity: Entity) -> bool:
    """A name that means one thing only inside its own report: a way (ways are coined locally; the field's shared
    ways share their exact names) or a body named relative to the report's place. Another report's fuller name
    is no evidence of it."""
    return entity.type == "Mechanism" or entity.name.startswith(RELATIVE_OPENINGS)


PLACE_ENDINGS = ("村", "社区", "居民区", "小区", "镇", "街道", "区", "县", "市")
TEAM_AND_BODY_TYPES = (*BODY_TYPES, "PropertyFirm", "VolunteerTeam")


def _named_after_its_place(owner: Entity, alias: str) -> bool:
    """木兰村乡贤理事会 called 乡贤理事会: the short name is the place's own body, and another report's 乡贤理事会 is
    another place's."""
    return (owner.type in TEAM_AND_BODY_TYPES and owner.name.endswith(alias)
            and owner.name[:-len(alias)].endswith(PLACE_ENDINGS))


def alias_targets(graph: CaseGraph) -> dict[str, str]:
    """Entity id → id of the entity it is another name of."""
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entity in graph.entities.values():
        for alias in {canonical_name(alias) for alias in entity.aliases}:
            if alias != entity.name and len(alias) >= MIN_ALIAS_LENGTH:
                owners[(entity.type, alias)].add(entity.id)
    documents = {entity.id: {evidence.document for evidence in entity.evidence} for entity in graph.entities.values()}
    mapping = {}
    for entity in graph.entities.values():
        found = {owner for owner in owners.get((entity.type, entity.name), set()) - {entity.id}
                 if documents[owner] & documents[entity.id]
                 or not _local_name(entity) and not _named_after_its_place(graph.entities[owner], entity.name)}
        if len(found) == 1 and len(graph.entities[next(iter(found))].cases) >= len(entity.cases):
            mapping[entity.id] = next(iter(found))
    mapping = short_body_names(graph) | mapping
    for source in list(mapping):
        seen = {source}
        while mapping[source] in mapping and mapping[source] not in seen:
            seen.add(mapping[source])
            mapping[source] = mapping[mapping[source]]
        if mapping[source] == source:
            del mapping[source]
    return mapping


def merge_aliases(graph: CaseGraph) -> int:
    """Merge entities named by another's alias into it; returns how many were merged."""
    mapping = alias_targets(graph)
    graph.merge_entities(mapping)
    return len(mapping)
