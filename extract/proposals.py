"""Wide proposals: names the rules passed over, for a trained model to keep or drop.

The rules are tuned for precision; a model can only keep what something proposed.
Where no rule span covers them, these propose every type word with the words
before it up to a clause break, every quoted phrase, and every 社区 or 村 with a
short stem. Most are wrong; the model, trained on gold, sorts them.
"""
from __future__ import annotations

import re

from extract import segment
from extract.lexicon import Lexicon
from extract.recognizers import COMPANY_TYPES, PUNCT, VERB_FLAGS, Span, after_kind_opener, glued_stop_prefix, tokenize
from extract.sentences import Sentence

MAX_PROPOSED = 12  # characters of a proposed name
QUOTED = re.compile(r"[“「『]([^“”「」『』]{2,20})[”」』]")
VERBS_IN_NAMES = ("Project", "Mechanism")
PROPOSAL_RULE = "proposal:"
QUOTED_PROPOSAL = f"{PROPOSAL_RULE}quoted"
# 三个业委会 counts bodies and 第一次业主大会 a sitting: they name none
COUNTED = re.compile(r"[0-9一二三四五六七八九十两几多]+[个家所座支处条位名次届]")


def _covered(start: int, end: int, spans: list[Span]) -> bool:
    return any(s.start < end and start < s.end for s in spans)


def _taken(start: int, end: int, spans: list[Span], proposals: list[Span]) -> bool:
    """A rule named this very span or one that holds it, or an earlier proposal overlaps it: a rule's
    shorter or differently cut name leaves the alternative to the model."""
    return (any(s.start <= start and end <= s.end for s in spans)
            or _covered(start, end, proposals))


def _left_edge(text: str, suffix_start: int, type_name: str, lexicon: Lexicon) -> int:
    """The start of the longest run of name-like words before a type word: no punctuation, function word or
    (outside projects and mechanisms) verb, nor one glued to the front of a word jieba only guessed (由|沪华).
    A word that holds the type word's start (以|游园活动|为) gives its front to the name."""
    tokens = tokenize(text)
    holding = next((t for t in tokens if t.start < suffix_start < t.end), None)
    start = holding.start if holding is not None and not lexicon.is_stop(text[holding.start:suffix_start]) \
        else suffix_start
    for token in reversed([t for t in tokens if t.end <= start]):
        if (token.word in PUNCT or lexicon.is_stop(token.word) or suffix_start - token.start > MAX_PROPOSED
                or token.flag in VERB_FLAGS and type_name not in VERBS_IN_NAMES
                or lexicon.suffix_type.get(token.word) and token.end < suffix_start):
            break
        glued = glued_stop_prefix(token, lexicon)
        if glued:
            return token.start + glued if glued < len(token.word) else start
        start = token.start
    return start


def _only_generic(stem: str, lexicon: Lexicon) -> bool:
    """Words before a type word that describe it and name nothing (特色|合作社, 专业|公司, 小区|党支部)."""
    return all(word in lexicon.generic_heads for word in segment.cut(stem))


def type_word_proposals(sentence: Sentence, lexicon: Lexicon, spans: list[Span]) -> list[Span]:
    """A type word no rule named, with the words before it: 晨光巡逻队, 乐活社区健身中心."""
    text, proposals, longest = sentence.text, [], {}
    for end_index, word in lexicon.proposal_automaton.iter(text):
        end = end_index + 1
        if len(word) > len(longest.get(end, "")):
            longest[end] = word
    for end, word in sorted(longest.items()):
        start_of_word = end - len(word)
        if any(e > end and e - len(w) <= start_of_word for e, w in longest.items()):
            continue  # a longer type word further on takes this one in
        type_name = lexicon.proposal_type[word]
        start = _left_edge(text, start_of_word, type_name, lexicon)
        if type_name in COMPANY_TYPES:
            start = after_kind_opener(text, start, start_of_word)
        stem = text[start:start_of_word]
        if len(stem) >= 2 and not COUNTED.search(stem) and not _only_generic(stem, lexicon) \
                and not _taken(start, end, spans, proposals):
            proposals.append(Span(start, end, type_name, f"{PROPOSAL_RULE}{type_name.lower()}"))
    return proposals


def quoted_proposals(sentence: Sentence, lexicon: Lexicon, spans: list[Span]) -> list[Span]:
    """Every quoted phrase no rule typed, as a project or, when a type word follows it, with that word."""
    proposals = []
    for match in QUOTED.finditer(sentence.text):
        if _covered(match.start(), match.end(), spans):
            continue
        after = sentence.text[match.end():match.end() + 6]
        word = max((w for w in lexicon.suffix_type if after.startswith(w)), key=len, default="")
        type_name = lexicon.suffix_type[word] if word else "Project"
        proposals.append(Span(match.start(), match.end() + len(word), type_name, QUOTED_PROPOSAL))
    return proposals


LISTED_TYPES = ("PartnerUnit", "GovernmentAgency", "PropertyFirm")
LIST_MARKS = ("、", "和", "及")


def listed_proposals(sentence: Sentence, lexicon: Lexicon, spans: list[Span]) -> list[Span]:
    """An unnamed item right after a list of two or more named bodies of one type, as one of them (青松中学、
    青禾医院、乐禾尚品共同参与: 乐禾尚品 too); its words run to a function word, verb or mark."""
    text, proposals = sentence.text, []
    bodies = sorted((s for s in spans if s.type in LISTED_TYPES), key=lambda s: s.start)
    for first, second in zip(bodies, bodies[1:]):
        if first.type != second.type or text[first.end:second.start] != "、" \
                or not text.startswith(LIST_MARKS, second.end):
            continue
        start = end = second.end + 1
        for token in (t for t in tokenize(text) if t.start >= start):
            if token.start != end or token.word in PUNCT or lexicon.is_stop(token.word) \
                    or token.flag in VERB_FLAGS or end - start >= MAX_PROPOSED:
                break
            end = token.end
        if end - start >= 2 and not _covered(start, end, spans):
            proposals.append(Span(start, end, second.type, f"{PROPOSAL_RULE}listed"))
    return proposals


PROPOSERS = (type_word_proposals, quoted_proposals, listed_proposals)


def proposed_spans(sentence: Sentence, lexicon: Lexicon, spans: list[Span]) -> list[Span]:
    """Every proposer's spans that no rule span (or earlier proposal) overlaps."""
    proposals: list[Span] = []
    for proposer in PROPOSERS:
        proposals.extend(proposer(sentence, lexicon, spans + proposals))
    return proposals
