"""Extraction of one case: sentences -> spans -> resolved mentions -> relations.

``extract_case`` is pure and picklable, so a build can spread cases over cores.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import replace

from extract.learned import decide_case, document_counts
from extract.lexicon import Lexicon, load_lexicon
from extract.model import ExtractionModel
from extract.proposals import QUOTED_PROPOSAL, proposed_spans
from extract.recognizers import (ORG_TYPES, Span, case_names, document_quoted_types, document_typed,
                                 known_quoted_spans, named_again_spans, recognize)
from extract.relations import SentenceContext, extract_relations
from extract.resolve import canonical_name, case_context, place_stem, resolve_case
from extract.sentences import Sentence, inside_sentences, split_sentences
from extract.structure import CaseFacts, case_relations, structural_relations
from graph.records import Case, CaseExtraction, Document, Evidence, Mention, RelationMention


def _evidence(document: Document, case: Case, sentence_text: str, start: int, end: int, rule: str) -> Evidence:
    """Evidence of a span; the rule id is interned, so the many facts of one rule share one string."""
    raw_start, raw_end = document.original_span(case.start + start, case.start + end)
    return Evidence(document=document.id, case=case.id, sentence=sentence_text, start=raw_start, end=raw_end,
                    rule=sys.intern(rule))


LEAD_TYPES = ("PartyOrganization", "GovernmentAgency")
HIGHER_LEVEL = ("区委", "市委", "县委", "区政府", "市政府", "组织部")
MIN_TITLE_PLACE = 3  # characters of a body's name that, found in the title, name its place


def _lead(case: Case, mentions: list[Mention]) -> Mention | None:
    """The body a case is about: the local party organisation or office whose place the title names,
    else its most mentioned one, a place's own before a partner's (春晖社区党委 before a bank's 党支部)."""
    local = [m for m in mentions if m.type in LEAD_TYPES and not m.canonical.endswith(HIGHER_LEVEL)
             and not m.canonical.startswith(("区", "市"))]
    if not local:
        return None
    counts = Counter(m.canonical for m in local)
    title = _title(case)
    places = {m.canonical for m in mentions if m.type == "Community"}
    best = max(counts, key=lambda name: (_place_in_title(name, places, title), counts[name],
                                         any(name.startswith(place) for place in places),
                                         name.endswith(("党总支", "党支部"))))
    return next(m for m in local if m.canonical == best)


AREA_COMMITTEES = ("居委会", "居委", "居民委员会", "村委会", "村民委员会")  # not its councils (青禾议事厅)


def _area_body(mentions: list[Mention], area: Mention | None, lead: Mention | None) -> Mention | None:
    """The body the case's area acts through (社区还组建了…): the lead, where it is the area's own; else the
    area's party organisation or committee named most; none where the case names neither."""
    if area is None:
        return None
    stem = place_stem(area.canonical)
    if lead is not None and lead.canonical.startswith(stem):
        return lead
    own = [m for m in mentions if m.canonical.startswith(stem) and (
        m.type == "PartyOrganization" or m.type == "Committee" and m.canonical.endswith(AREA_COMMITTEES))]
    if not own:
        return None
    counts = Counter(m.canonical for m in own)
    return max(own, key=lambda m: (counts[m.canonical], m.type == "PartyOrganization"))


def _title(case: Case) -> str:
    return (case.title + case.subtitle).replace(" ", "")


def _place_in_title(name: str, places: set[str], title: str) -> bool:
    """The title names the body's place (南京西路街道 of 南京西路街道党工委), or the body itself; a body named after
    no place (暖心物业楼栋党支部) is not placed by a title that speaks of its theme."""
    place = max((p for p in places if name.startswith(p)), key=len, default="")
    return name in title or any(place[:n] in title for n in range(len(place), MIN_TITLE_PLACE - 1, -1))


QUOTED_PART = re.compile(r"[“「『]([^”」』]{2,})[”」』]")


def _focus(case: Case, mentions: list[Mention]) -> Mention | None:
    """The project a case is about: the one in the title, else the most mentioned one, else its only one."""
    projects = [m for m in mentions if m.type == "Project"]
    if not projects:
        return None
    counts = Counter(m.canonical for m in projects)
    title = _title(case)

    def in_title(name: str) -> bool:
        forms = {name} | {form for m in projects if m.canonical == name
                          for form in (m.text.strip("“”"), *QUOTED_PART.findall(m.text))}
        return any(form in title for form in forms)

    best = max(counts, key=lambda name: (in_title(name), counts[name]))
    chosen = counts[best] >= 2 or in_title(best) or len(counts) == 1
    return next(m for m in projects if m.canonical == best) if chosen else None


def extract_document(document: Document, cases: list[Case], lexicon: Lexicon | None = None,
                     model: ExtractionModel | None = None) -> list[CaseExtraction]:
    """Extract a document's cases: the rules' candidates, then, with a model, the model's decision on each."""
    lexicon = lexicon or load_lexicon()
    candidates = rule_extractions(document, cases, lexicon, propose=model is not None)
    if model is None:
        return candidates
    counts = document_counts(candidates)
    return [decide_case(extraction, model, lexicon, counts) for extraction in candidates]


def rule_extractions(document: Document, cases: list[Case], lexicon: Lexicon, propose: bool = False
                     ) -> list[CaseExtraction]:
    """What the rules find in a document's cases; a quoted name typed in one case keeps that type in the others.

    With ``propose``, wider proposals join the rules' names (after the rules have run, so they change nothing the
    rules find), for a model to sift.
    """
    sentences = {case.id: split_sentences(case.text) for case in cases}
    known = document_quoted_types([s for case in cases for s in sentences[case.id]], lexicon)
    return [_extract_case(case, document, lexicon, sentences[case.id], known, propose) for case in cases]


def extract_case(case: Case, document: Document, lexicon: Lexicon | None = None) -> CaseExtraction:
    """Extract one case on its own (no other case of its document to learn quoted names from)."""
    return _extract_case(case, document, lexicon or load_lexicon(), split_sentences(case.text), {})


def _extract_case(case: Case, document: Document, lexicon: Lexicon, sentences: list[Sentence],
                  known: dict[str, str], propose: bool = False) -> CaseExtraction:
    mentions: list[Mention] = []
    found = {sentence.start: document_typed(sentence, recognize(sentence, lexicon), known, lexicon)
             for sentence in sentences}
    names = case_names(sentences, found)
    for sentence in sentences:
        spans = found[sentence.start] + known_quoted_spans(sentence, known, found[sentence.start])
        for span in spans + named_again_spans(sentence, names, spans):
            start, end = sentence.start + span.start, sentence.start + span.end
            surface = sentence.text[span.start:span.end]
            evidence = _evidence(document, case, sentence.text, start, end, span.rule)
            mentions.append(Mention(text=surface, type=span.type, start=start, end=end, evidence=evidence,
                                    canonical=span.name))
    resolved = resolve_case(case, mentions, lexicon)
    lead = _lead(case, resolved)
    focus = _focus(case, resolved)
    where = case_context(case, resolved)
    area = next((m for m in resolved if m.type == "Community" and m.canonical == where.area), None)
    town = next((m for m in resolved if m.type == "Community" and m.canonical == where.subdistrict), None)
    estate = next((m for m in resolved if m.type == "Community" and where.estate
                   and m.canonical.removesuffix("小区").endswith(where.estate.removesuffix("小区"))), None)
    area_body = _area_body(resolved, area, lead)
    relations = []
    previous: list[Mention] = []
    carried = None
    for sentence, inside in zip(sentences, inside_sentences(sentences, resolved)):
        local = [replace(m, start=m.start - sentence.start, end=m.end - sentence.start) for m in inside]
        ctx = SentenceContext(sentence=sentence, mentions=local, lead=lead, focus=focus, area=area, town=town,
                              previous=tuple(previous), estate=estate, carried=carried, area_body=area_body)
        previous = local
        carried = _subject(local, carried) if sentence.text.endswith(CONTINUED) else None
        relations.extend(extract_relations(
            ctx, lambda rule, s=sentence: _evidence(document, case, s.text, s.start, s.start + len(s.text), rule)))
    relations.extend(structural_relations(resolved, where.area, where.subdistrict))
    relations.extend(case_relations(CaseFacts(case.text, tuple(resolved), tuple(relations), lead, focus, estate, area,
                                              lexicon.facility_endings)))
    if propose:
        resolved.extend(_proposals(case, document, sentences, mentions, lexicon))
    return CaseExtraction(case=case, mentions=tuple(resolved), relations=tuple(_first_location(relations)))


CONTINUED = ("；", ";")  # a sentence cut at a semicolon goes on with the same subject


def _subject(mentions: list[Mention], carried: Mention | None) -> Mention | None:
    """The body or place that opens a sentence (青禾小区推行…), else the subject it carried on itself."""
    opening = next((m for m in mentions if m.start == 0 and (m.type in ORG_TYPES or m.type == "Community")), None)
    return opening or carried


def _proposals(case: Case, document: Document, sentences: list[Sentence], named: list[Mention],
               lexicon: Lexicon) -> list[Mention]:
    """Wide proposals where no rule named anything, as mentions under their own names; none for the quoted words
    of a body or way the case names with its type word (以“三联”导向 beside the “三联”工作法 it stands for, a
    headline's “红马甲” beside the “红马甲”志愿服务队)."""
    bodies = {canonical_name(m.text) for m in named}
    proposals = []
    for sentence, inside in zip(sentences, inside_sentences(sentences, named)):
        taken = [Span(m.start - sentence.start, m.end - sentence.start, m.type, m.evidence.rule) for m in inside]
        for span in proposed_spans(sentence, lexicon, taken):
            start, end = sentence.start + span.start, sentence.start + span.end
            surface = sentence.text[span.start:span.end]
            name = canonical_name(surface)
            if span.rule == QUOTED_PROPOSAL and _names_a_body(name, bodies, lexicon) or name in bodies:
                continue  # a name the rules typed keeps their type (“积分超市” … 支持积分超市运营)
            proposals.append(Mention(text=surface, type=span.type, start=start, end=end, canonical=name,
                                     evidence=_evidence(document, case, sentence.text, start, end, span.rule)))
    return proposals


def _names_a_body(words: str, bodies: set[str], lexicon: Lexicon) -> bool:
    """The words are a body's or a way's name without its type word (三联 of 三联工作法)."""
    return any(body.removeprefix(words) in lexicon.suffix_type for body in bodies if body.startswith(words))


def _first_location(relations: list[RelationMention]) -> list[RelationMention]:
    """Keep one LOCATED_IN per entity and case: where the text first places it."""
    located: set[str] = set()
    kept = []
    for relation in relations:
        if relation.type == "LOCATED_IN":
            if relation.source.canonical in located:
                continue
            located.add(relation.source.canonical)
        kept.append(relation)
    return kept
