"""Cross-case resolution: one thing named in full in one case and shortly in another is one node.

Within a case, ``resolve`` joins short forms to full ones; across cases the only
safe evidence is that one entity's name is an alias another entity of the same
type was given (a quoted core, a surface form without its quotes). A name that is the alias of
two different entities names neither and joins nothing; a name used in more
cases than the entity that has it as alias is a thing of its own (三驾马车 is
not only its 例会制度).
"""
from __future__ import annotations

from collections import defaultdict

from extract.resolve import canonical_name
from graph.model import CaseGraph

MIN_ALIAS_LENGTH = 3


def alias_targets(graph: CaseGraph) -> dict[str, str]:
    """Entity id → id of the entity it is another name of."""
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entity in graph.entities.values():
        for alias in {canonical_name(alias) for alias in entity.aliases}:
            if alias != entity.name and len(alias) >= MIN_ALIAS_LENGTH:
                owners[(entity.type, alias)].add(entity.id)
    mapping = {}
    for entity in graph.entities.values():
        found = owners.get((entity.type, entity.name), set()) - {entity.id}
        if len(found) == 1 and len(graph.entities[next(iter(found))].cases) >= len(entity.cases):
            mapping[entity.id] = next(iter(found))
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
