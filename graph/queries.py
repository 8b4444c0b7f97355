"""The library of research questions: graph/queries/*.cypher, runnable by name.

Each file starts with ``// description`` and may declare ``// params: area:Community, a, b``; a parameter
typed with a node type is a name of that type, and part of a name is enough (see graph.search).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

QUERY_DIR = Path(__file__).with_name("queries")


@dataclass(frozen=True)
class QueryParam:
    name: str
    node_type: str | None = None

    def __str__(self) -> str:
        return f"{self.name}:{self.node_type}" if self.node_type else self.name


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[QueryParam, ...]
    cypher: str


def parse_param(text: str) -> QueryParam:
    name, _, node_type = text.strip().partition(":")
    return QueryParam(name=name.strip(), node_type=node_type.strip() or None)


def parse_query_file(name: str, text: str) -> NamedQuery:
    comments = [line[2:].strip() for line in text.splitlines() if line.startswith("//")]
    params = next((c.removeprefix("params:").strip() for c in comments if c.startswith("params:")), "")
    description = next((c for c in comments if not c.startswith("params:")), "")
    return NamedQuery(name=name, description=description,
                      params=tuple(parse_param(p) for p in params.split(",") if p.strip()), cypher=text)


@cache
def load_queries() -> dict[str, NamedQuery]:
    return {p.stem: parse_query_file(p.stem, p.read_text(encoding="utf-8")) for p in sorted(QUERY_DIR.glob("*.cypher"))}


QUERY_LIBRARY = load_queries()


def named_query(name: str) -> NamedQuery:
    try:
        return QUERY_LIBRARY[name]
    except KeyError:
        raise KeyError(f"no research question named {name!r}; known: {', '.join(QUERY_LIBRARY)}") from None
