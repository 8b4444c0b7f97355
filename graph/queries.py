"""The library of research questions: graph/queries/*.cypher, runnable by name.

Each file starts with ``// description`` and may declare ``// params: a, b``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

QUERY_DIR = Path(__file__).with_name("queries")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[str, ...]
    cypher: str


def parse_query_file(name: str, text: str) -> NamedQuery:
    comments = [line[2:].strip() for line in text.splitlines() if line.startswith("//")]
    params = next((c.removeprefix("params:").strip() for c in comments if c.startswith("params:")), "")
    description = next((c for c in comments if not c.startswith("params:")), "")
    return NamedQuery(name=name, description=description,
                      params=tuple(p.strip() for p in params.split(",") if p.strip()), cypher=text)


@cache
def load_queries() -> dict[str, NamedQuery]:
    return {p.stem: parse_query_file(p.stem, p.read_text(encoding="utf-8")) for p in sorted(QUERY_DIR.glob("*.cypher"))}


QUERY_LIBRARY = load_queries()


def named_query(name: str) -> NamedQuery:
    try:
        return QUERY_LIBRARY[name]
    except KeyError:
        raise KeyError(f"no research question named {name!r}; known: {', '.join(QUERY_LIBRARY)}") from None
