"""Sentences of a case, with their offsets in the case text."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar


class Placed(Protocol):
    start: int
    end: int


T = TypeVar("T", bound=Placed)

SENTENCE = re.compile(r"[^。！？!?；;\n]+(?:[。！？!?；;]+[”’」』\"']?)?")
MAX_SENTENCE = 400  # characters; real sentences of case reports stay under half of it
CLAUSE_BREAK = re.compile(r"[，,、：:\s]")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int


def _pieces(chunk: str, start: int) -> list[tuple[str, int]]:
    """A run without sentence-ending punctuation cut at clause breaks into pieces of at most MAX_SENTENCE
    characters, so that work per sentence stays bounded and a whole document stays linear in its length."""
    pieces = []
    while len(chunk) > MAX_SENTENCE:
        breaks = [m.end() for m in CLAUSE_BREAK.finditer(chunk, MAX_SENTENCE // 2, MAX_SENTENCE)]
        cut = breaks[-1] if breaks else MAX_SENTENCE
        pieces.append((chunk[:cut], start))
        chunk, start = chunk[cut:], start + cut
    pieces.append((chunk, start))
    return pieces


def split_sentences(text: str) -> list[Sentence]:
    sentences = []
    for match in SENTENCE.finditer(text):
        for chunk, start in _pieces(match.group(), match.start()):
            stripped = chunk.strip()
            if len(stripped) >= 2:
                sentences.append(Sentence(stripped, start + chunk.index(stripped[0])))
    return sentences


def inside_sentences(sentences: Sequence[Sentence], items: Sequence[T]) -> list[list[T]]:
    """For each sentence, the items that lie wholly inside it, in their given order; found by bisection, so a
    case's cost grows with its length rather than with sentences times mentions."""
    order = sorted(range(len(items)), key=lambda i: items[i].start)
    starts = [items[i].start for i in order]
    groups = []
    for sentence in sentences:
        stop = sentence.start + len(sentence.text)
        chosen = order[bisect_left(starts, sentence.start):bisect_left(starts, stop)]
        groups.append([items[i] for i in sorted(chosen) if items[i].end <= stop])
    return groups
