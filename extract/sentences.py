"""Sentences of a case, with their offsets in the case text."""
from __future__ import annotations

import re
from dataclasses import dataclass

SENTENCE = re.compile(r"[^。！？!?；;\n]+(?:[。！？!?；;]+[”’」』\"']?)?")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int


def split_sentences(text: str) -> list[Sentence]:
    sentences = []
    for match in SENTENCE.finditer(text):
        chunk = match.group()
        stripped = chunk.strip()
        if len(stripped) >= 2:
            sentences.append(Sentence(stripped, match.start() + chunk.index(stripped[0])))
    return sentences
