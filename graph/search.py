"""Finding nodes by part of a name or alias: Neo4j's full-text index where the server has one, CONTAINS elsewhere."""
from __future__ import annotations

from dataclasses import dataclass

from neo4j import Driver

from graph.cypher import CONTAINS_SEARCH, FULLTEXT_SEARCH
from graph.store import StoreError, run_query, server_features

SUGGESTIONS = 8


@dataclass(frozen=True)
class NameMatch:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    score: float

    def equals(self, text: str) -> bool:
        return text == self.name or text in self.aliases


def lucene_phrase(text: str) -> str:
    """The text as one quoted Lucene phrase: its words in order, no query syntax."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def find_nodes(driver: Driver, database: str, text: str, node_type: str | None = None,
               limit: int = 20) -> list[NameMatch]:
    """Nodes whose name or an alias holds ``text``: exact matches first, then by relevance and shortness."""
    text = text.strip()
    if not text:
        return []
    params = {"text": text, "phrase": lucene_phrase(text), "type": node_type, "limit": limit}
    rows = run_query(driver, database, FULLTEXT_SEARCH, params) if server_features(driver).fulltext_index else []
    if not rows:
        rows = run_query(driver, database, CONTAINS_SEARCH, params)
    matches = [NameMatch(id=r["id"], name=r["name"], type=r["type"], aliases=tuple(r["aliases"] or ()),
                         score=float(r["score"])) for r in rows]
    return sorted(matches, key=lambda m: (not m.equals(text), -m.score, len(m.name), m.name))


def resolve_name(driver: Driver, database: str, text: str, node_type: str | None = None) -> str:
    """The one name ``text`` stands for (a name, an alias or part of one); several candidates are an error."""
    matches = find_nodes(driver, database, text, node_type)
    exact = [m for m in matches if m.equals(text)]
    if exact:
        return exact[0].name
    names = list(dict.fromkeys(m.name for m in matches))
    if len(names) == 1:
        return names[0]
    if not names:
        return text
    kind = f" {node_type}" if node_type else ""
    raise StoreError(f"{text!r} is part of several{kind} names: {', '.join(names[:SUGGESTIONS])}; give one of them")
