"""The records that pass between pipeline stages.

Document -> Case -> Mention -> Entity / Relation (with Evidence) -> CaseGraph.
One file tells the whole data flow; every stage takes and returns these.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace


@dataclass(frozen=True, slots=True)
class Problem:
    """A soft problem met while reading or building: recorded, reported, not fatal."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{one_line(self.path)}: {one_line(self.message)}"


def one_line(text: str) -> str:
    """``text`` with control characters escaped (a newline in a file name must not split a warning)."""
    return "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii") for c in text)


@dataclass(frozen=True, slots=True)
class Document:
    """One source file, read and normalised.

    ``text`` is the normalised text; ``offsets[i]`` is the position in
    ``raw_text`` of ``text[i]``, so evidence can point back to the original.
    """

    id: str
    path: str
    format: str
    raw_text: str
    text: str
    offsets: Sequence[int]
    warning: str = ""  # what reading had to repair (broken bytes replaced), reported as a problem

    def without_text(self) -> Document:
        """What a graph keeps of a document once it is extracted: its evidence already points into the raw text."""
        return replace(self, raw_text="", text="", offsets=())

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the raw text."""
        if not self.offsets:
            return start, end
        last = len(self.offsets) - 1
        raw_start = self.offsets[min(start, last)]
        raw_end = self.offsets[min(max(end - 1, start), last)] + 1
        return raw_start, raw_end


@dataclass(frozen=True, slots=True)
class Case:
    """One case of a document: a titled section, or a whole single-case article."""

    id: str
    document: str
    order: int
    title: str
    subtitle: str
    text: str
    start: int
    district: str = ""
    subdistrict: str = ""
    area: str = ""

    def without_text(self) -> Case:
        """What a graph keeps of a case once it is extracted (its title, places and position)."""
        return replace(self, text="")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a mention or relation was found, and by which rule."""

    document: str
    case: str
    sentence: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of case text recognised as naming an entity of ``type``."""

    text: str
    type: str
    start: int
    end: int
    evidence: Evidence
    canonical: str = ""
    implicit: bool = False
    short: str = ""
    confidence: float = 1.0


@dataclass(slots=True)
class Entity:
    """One thing in the world, with every name the text uses for it."""

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    implicit: bool = False
    note: str = ""
    confidence: float = 1.0

    def add_alias(self, alias: str) -> None:
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    def add_case(self, case_id: str) -> None:
        if case_id not in self.cases:
            self.cases.append(case_id)


@dataclass(slots=True)
class Relation:
    """A typed link between two entity ids, with the evidence for it."""

    type: str
    source: str
    target: str
    evidence: list[Evidence] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    amount: float | None = None
    role: str = ""
    note: str = ""
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class RelationMention:
    """A relationship found between two mentions in one sentence."""

    type: str
    source: Mention
    target: Mention
    evidence: Evidence
    amount: float | None = None
    role: str = ""
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class CaseExtraction:
    """What extraction found in one case, before cross-case resolution."""

    case: Case
    mentions: tuple[Mention, ...]
    relations: tuple[RelationMention, ...]

    def without_text(self) -> CaseExtraction:
        return replace(self, case=self.case.without_text())


@dataclass(slots=True)
class LoadResult:
    """Documents and cases read from the inputs, plus what went wrong."""

    documents: list[Document] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
