"""Gold annotations (the format of ONTOLOGY.md) read into records, and names matched against them.

Training labels a build's entities and relations by matching them to the gold of
their document the way kgscore scores them: same type, a shared normalised name.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from loaders.normalize import simplified

NAME_NOISE = re.compile(r"[\s“”\"'‘’「」『』《》〈〉()（）·・•、,，.。:：;；!！?？\-—_]+")
DOCUMENT_FOLDERS = ("docs", "corpus")  # where a gold folder's documents lie, beside it


@lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """The form two names or sentences are compared in: Simplified, NFKC, no quotes, spaces or punctuation,
    lower case."""
    return NAME_NOISE.sub("", unicodedata.normalize("NFKC", simplified(text or ""))).lower()


@dataclass(frozen=True)
class GoldEntity:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...]
    implicit: bool

    @property
    def names(self) -> frozenset[str]:
        return frozenset(n for n in map(normalise_name, (self.name, *self.aliases)) if n)


@dataclass(frozen=True)
class GoldRelation:
    type: str
    source: str
    target: str
    case: str
    evidence: str = ""


@dataclass(frozen=True)
class GoldDocument:
    """One annotated document: its file name, cases, entities and relations."""

    doc: str
    path: Path
    cases: tuple[tuple[str, str], ...]
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]

    @cached_property
    def name_index(self) -> dict[str, list[GoldEntity]]:
        """Normalised name -> the gold entities that carry it (name or alias)."""
        index: dict[str, list[GoldEntity]] = {}
        for entity in self.entities:
            for name in entity.names:
                index.setdefault(name, []).append(entity)
        return index

    def match(self, type_name: str, names: list[str]) -> GoldEntity | None:
        """The gold entity these names denote, preferring one of ``type_name``; None when none does."""
        index = self.name_index
        found = [e for name in names for e in index.get(normalise_name(name), [])]
        return next((e for e in found if e.type == type_name), found[0] if found else None)


def read_gold_file(path: Path) -> GoldDocument:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    entities = tuple(GoldEntity(id=e["id"], type=e["type"], name=e["name"], aliases=tuple(e.get("aliases") or ()),
                                implicit=bool(e.get("implicit"))) for e in data.get("entities", []))
    relations = tuple(GoldRelation(type=r["type"], source=r["source"], target=r["target"], case=r.get("case", ""),
                                   evidence=r.get("evidence", "")) for r in data.get("relations", []))
    cases = tuple((c["id"], c.get("title", "")) for c in data.get("cases", []))
    return GoldDocument(doc=data.get("doc", Path(path).stem), path=Path(path), cases=cases, entities=entities,
                        relations=relations)


def read_gold(folders: list[Path]) -> list[GoldDocument]:
    """Every gold file of the folders, in name order."""
    return [read_gold_file(p) for folder in folders for p in sorted(Path(folder).glob("*.json"))]


def document_path(gold: GoldDocument, document_folders: list[Path] = ()) -> Path:
    """The annotated document: in a folder given, else in ``docs/`` or ``corpus/`` beside the gold folder."""
    folder = gold.path.parent
    candidates = [*document_folders, *(folder.parent / name for name in DOCUMENT_FOLDERS)]
    for candidate in candidates:
        path = Path(candidate) / gold.doc
        if path.is_file():
            return path
    raise FileNotFoundError(f"{gold.path}: its document {gold.doc} is in none of "
                            f"{', '.join(str(c) for c in candidates)} (name the folder with --docs)")
