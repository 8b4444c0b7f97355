"""The learned layer: candidates from the rules, features, and the model's decision on each.

The rules propose: every entity they resolved in a case (and the wider proposals of
``extract.proposals``) is a candidate entity; every pair of entities named in one
sentence, and every pair a rule relates, is a candidate relation. A trained model
then says, with a probability, what each candidate is: an entity of some type or
none, a relation of some type or none. The same candidates and features serve
training (labelled from gold) and building, so the two cannot drift apart.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from jieba import posseg

from extract import segment
from extract.gold import GoldDocument, GoldEntity, GoldRelation, normalise_name
from extract.lexicon import Lexicon, build_automaton
from extract.model import NONE, ExtractionModel, Features
from extract.proposals import COUNTED, PROPOSAL_RULE
from extract.recognizers import PROPER_FLAGS, PUNCT, jieba_words, tokenize
from extract.sentences import inside_sentences, split_sentences
from graph.records import CaseExtraction, Evidence, Mention, RelationMention
from ontology.vocabulary import load_vocabulary

QUOTE_OPENERS = "“「『\"《"
MAX_PAIR_DISTANCE = 60  # characters between two names beyond which a sentence rarely relates them
SYMMETRIC = ("CO_BUILDS",)


def _bucket(value: int, edges: tuple[int, ...] = (0, 1, 2, 3, 5, 8, 12, 20)) -> str:
    return str(next((edge for edge in edges if value <= edge), f">{edges[-1]}"))


@dataclass(frozen=True)
class EntityCandidate:
    """One entity a case's rules resolved: its type, canonical name and every mention of it."""

    type: str
    canonical: str
    mentions: tuple[Mention, ...]

    @property
    def key(self) -> tuple[str, str]:
        return self.type, self.canonical

    @property
    def proposed(self) -> bool:
        """Only the wide proposals name it, no rule."""
        return all(m.evidence.rule.startswith(PROPOSAL_RULE) for m in self.mentions)

    @property
    def implicit(self) -> bool:
        return all(m.implicit for m in self.mentions)

    def names(self) -> list[str]:
        """The names the text gives it (no bare type word of an implicit mention)."""
        return [self.canonical, *(m.text for m in self.mentions if not m.implicit), *(m.short for m in self.mentions)]


def entity_candidates(mentions: tuple[Mention, ...]) -> list[EntityCandidate]:
    grouped: dict[tuple[str, str], list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault((mention.type, mention.canonical), []).append(mention)
    return [EntityCandidate(t, name, tuple(ms)) for (t, name), ms in grouped.items()]


def _type_word(name: str, lexicon: Lexicon) -> str:
    return next((name[n:] for n in range(len(name)) if name[n:] in lexicon.proposal_type), "")


@dataclass(frozen=True)
class Nesting:
    """Which of a case's names hold another of its names, and which are held in another."""

    holders: frozenset[str]
    held: frozenset[str]

    @classmethod
    def of(cls, names: list[str]) -> Nesting:
        """One Aho-Corasick pass over each name, so a case's cost grows with its names, not their square."""
        unique = set(names)
        if not unique:
            return cls(frozenset(), frozenset())
        automaton = build_automaton(unique)
        holders, held = set(), set()
        for name in unique:
            for _, other in automaton.iter(name):
                if other != name:
                    holders.add(name)
                    held.add(other)
        return cls(frozenset(holders), frozenset(held))


def entity_features(candidate: EntityCandidate, text: str, title: str, nesting: Nesting, lexicon: Lexicon,
                    document_counts: Counter) -> Features:
    """What the model weighs for an entity: the rules that found it, its type word, its edges, its repetition."""
    name, kind = candidate.canonical, candidate.type
    features: Features = {"bias": 1.0, f"type={kind}": 1.0}
    for mention in candidate.mentions:
        rule = mention.evidence.rule
        features[f"rule={rule}"] = 1.0
        features[f"rule_kind={rule.split(':')[0]}|{kind}"] = 1.0
    type_word = _type_word(name, lexicon)
    stem = name[:len(name) - len(type_word)]
    features[f"type_word={type_word}"] = 1.0
    features[f"type_word_type={lexicon.proposal_type.get(type_word, '')}|{kind}"] = 1.0
    if type_word and type_word not in lexicon.suffix_type:
        features[f"proposal_word|{kind}"] = 1.0
    features[f"length={_bucket(len(name))}|{kind}"] = 1.0
    features[f"stem_length={_bucket(len(stem))}|{kind}"] = 1.0
    features[f"mentions={_bucket(len(candidate.mentions))}"] = 1.0
    features[f"document_mentions={_bucket(document_counts[name])}|{kind}"] = 1.0
    if candidate.implicit:
        features[f"implicit|{kind}"] = 1.0
    if any(m.text[:1] in QUOTE_OPENERS for m in candidate.mentions):
        features[f"quoted|{kind}"] = 1.0
    if name in title:
        features[f"in_title|{kind}"] = 1.0
    if re.search(r"[^\u4e00-\u9fff0-9A-Za-z+＋·、\-（）()—]", name):
        features["odd_character"] = 1.0
    if re.search(r"[0-9一二三四五六七八九十]", name):
        features[f"numeral|{kind}"] = 1.0
    tokens = tokenize(name)
    if tokens:
        first = tokens[0]
        features[f"first_pos={first.flag}|{kind}"] = 1.0
        if first.flag == "x":  # a word jieba only guessed: 进老|小区 opens with a verb
            features[f"guessed_first_char={posseg.dt.word_tag_tab.get(name[0], 'x')}|{kind}"] = 1.0
        if COUNTED.match(name):  # a name opening on a count (两个…) mostly counts things and names none
            features[f"counted|{kind}"] = 1.0
        if any(t.flag in ("v", "vd", "p", "d") for t in tokens[1:-1]):
            features[f"inner_verb|{kind}"] = 1.0
        if lexicon.is_stop(first.word) or first.word in lexicon.generic_heads:
            features[f"first_generic|{kind}"] = 1.0
        features[f"tokens={_bucket(len(tokens))}"] = 1.0
    if stem and stem in lexicon.generic_heads:
        features[f"stem_generic|{kind}"] = 1.0
    if name in nesting.holders:
        features[f"holds_another|{kind}"] = 1.0
    if name in nesting.held:
        features[f"inside_another|{kind}"] = 1.0
    spoken = next((m for m in candidate.mentions if not m.implicit), None)
    if spoken is not None:
        before, after = text[max(0, spoken.start - 1):spoken.start], text[spoken.end:spoken.end + 1]
        features[f"before={'P' if before in PUNCT or not before else before}"] = 1.0
        features[f"after={'P' if after in PUNCT or not after else after}|{kind}"] = 1.0
        for side, word in (("before", _word_before(text, spoken.start)), ("after", _word_after(text, spoken.end))):
            if word and _is_common_word(word):
                features[f"word_{side}={word}|{kind}"] = 1.0
    return features


CONTEXT_WINDOW = 6  # characters either side of a name where its neighbouring word is looked for


def _word_before(text: str, start: int) -> str:
    """The word that ends where a name starts (举办|…, 成立|…), as jieba cuts the few characters before it."""
    words = segment.cut(text[max(0, start - CONTEXT_WINDOW):start])
    return words[-1] if words else ""


def _word_after(text: str, end: int) -> str:
    words = segment.cut(text[end:end + CONTEXT_WINDOW])
    return words[0] if words else ""


@dataclass(frozen=True)
class PairCandidate:
    """Two entities of a case that one sentence names together, or that a rule relates."""

    source: EntityCandidate
    target: EntityCandidate
    source_mention: Mention
    target_mention: Mention
    sentence: str
    sentence_start: int
    rules: tuple[RelationMention, ...]


def pair_candidates(text: str, candidates: list[EntityCandidate],
                    relations: tuple[RelationMention, ...]) -> list[PairCandidate]:
    """Every ordered pair of entities named in one sentence (once a sentence), carrying the rule relations found
    for it in that sentence; a pair a rule relates across sentences is a candidate of its own."""
    by_key = {c.key: c for c in candidates}
    proposed: dict[tuple, list[RelationMention]] = defaultdict(list)
    for relation in relations:
        key = ((relation.source.type, relation.source.canonical), (relation.target.type, relation.target.canonical))
        proposed[(key, relation.evidence.sentence)].append(relation)
    pairs: dict[tuple, PairCandidate] = {}
    mentions = sorted((m for c in candidates for m in c.mentions), key=lambda m: m.start)
    sentences = split_sentences(text)
    for sentence, inside in zip(sentences, inside_sentences(sentences, mentions)):
        for a in inside:
            for b in inside:
                key = ((a.type, a.canonical), (b.type, b.canonical))
                if key[0] == key[1] or (key, sentence.text) in pairs or abs(a.start - b.start) > MAX_PAIR_DISTANCE:
                    continue
                if a.start < b.end and b.start < a.end:
                    continue  # one name inside the other
                pairs[(key, sentence.text)] = PairCandidate(by_key[key[0]], by_key[key[1]], a, b, sentence.text,
                                                            sentence.start, tuple(proposed.get((key, sentence.text), ())))
    for (key, sentence_text), found in proposed.items():
        if (key, sentence_text) not in pairs and key[0] in by_key and key[1] in by_key:
            first = found[0]
            pairs[(key, sentence_text)] = PairCandidate(by_key[key[0]], by_key[key[1]], first.source, first.target,
                                                        sentence_text, -1, tuple(found))
    return list(pairs.values())


@lru_cache(maxsize=65536)
def _is_common_word(word: str) -> bool:
    """A dictionary word that names nothing: only such words become features, so a model learns no names."""
    return word not in PUNCT and word in jieba_words() and posseg.dt.word_tag_tab.get(word) not in PROPER_FLAGS


def _cues(words: list[str], lexicon: Lexicon) -> set[str]:
    return {rel_type for word in words for rel_type in lexicon.cued_relations.get(word, ())}


def pair_features(pair: PairCandidate, text: str, lexicon: Lexicon) -> Features:
    """What the model weighs for a pair: types, order, distance, words and cues between and around, rules."""
    types = f"{pair.source.type}>{pair.target.type}"
    features: Features = {"bias": 1.0, f"types={types}": 1.0}
    for relation in pair.rules:
        features[f"rule={relation.type}"] = 1.0
        features[f"rule={relation.type}|{types}"] = 1.0
        features[f"rule_id={relation.evidence.rule.split(':')[0]}|{relation.type}"] = 1.0
        features[f"rule_id={relation.evidence.rule}"] = 1.0
    if pair.sentence_start < 0:
        features["apart"] = 1.0
        return features
    s, t = pair.source_mention, pair.target_mention
    forward = s.start < t.start
    first, second = (s, t) if forward else (t, s)
    between = text[first.end:second.start]
    features[f"order={'forward' if forward else 'backward'}|{types}"] = 1.0
    features[f"distance={_bucket(len(between))}|{'forward' if forward else 'backward'}"] = 1.0
    features[f"commas={_bucket(len(re.findall('[，,；;]', between)), (0, 1, 2))}"] = 1.0
    if re.fullmatch(r"\s*", between):
        features["adjacent"] = 1.0
    if re.fullmatch(r"[、和与及]", between):
        features["listed_together"] = 1.0
    words = [tok.word for tok in tokenize(between)] if len(between) <= 30 else []
    for word in words:
        if _is_common_word(word):
            features[f"between={word}"] = 1.0
    for cue in _cues(words, lexicon):
        features[f"cue_between={cue}|{types}"] = 1.0
        features[f"cue_between={cue}"] = 1.0
    sentence_end = pair.sentence_start + len(pair.sentence)
    before = text[max(pair.sentence_start, first.start - 8):first.start]
    after = text[second.end:min(sentence_end, second.end + 8)]
    before_words = [tok.word for tok in tokenize(before)][-2:]
    after_words = [tok.word for tok in tokenize(after)][:2]
    for word in filter(_is_common_word, before_words):
        features[f"before={word}"] = 1.0
    for word in filter(_is_common_word, after_words):
        features[f"after={word}"] = 1.0
    for cue in _cues(before_words + after_words, lexicon):
        features[f"cue_around={cue}|{types}"] = 1.0
    clause_start = max(text.rfind(c, pair.sentence_start, first.start) for c in "，,；;：:") + 1
    clause = text[max(clause_start, pair.sentence_start):first.start]
    if re.search("由|在|经", clause):
        features[f"frame={''.join(re.findall('由|在|经', clause))[:2]}|{'forward' if forward else 'backward'}"] = 1.0
    return features


@dataclass(frozen=True)
class CaseCandidates:
    """A case's candidates with their features, ready to be labelled or decided."""

    entities: list[EntityCandidate]
    entity_rows: list[Features]
    pairs: list[PairCandidate]


def case_candidates(extraction: CaseExtraction, lexicon: Lexicon, document_counts: Counter) -> CaseCandidates:
    text, case = extraction.case.text, extraction.case
    entities = entity_candidates(extraction.mentions)
    nesting = Nesting.of([c.canonical for c in entities])
    rows = [entity_features(c, text, case.title + case.subtitle, nesting, lexicon, document_counts)
            for c in entities]
    return CaseCandidates(entities, rows, pair_candidates(text, entities, extraction.relations))


def pair_rows(extraction: CaseExtraction, pairs: list[PairCandidate], lexicon: Lexicon) -> list[Features]:
    return [pair_features(p, extraction.case.text, lexicon) for p in pairs]


def document_counts(extractions: list[CaseExtraction]) -> Counter:
    """How many times a document names each canonical name, over all its cases."""
    return Counter(m.canonical for extraction in extractions for m in extraction.mentions)


def _retyped(pair: PairCandidate, types: dict[tuple[str, str], str]) -> PairCandidate:
    if types[pair.source.key] == pair.source.type and types[pair.target.key] == pair.target.type:
        return pair
    source = replace(pair.source, type=types[pair.source.key])
    target = replace(pair.target, type=types[pair.target.key])
    return replace(pair, source=source, target=target)


def _decision(row, classes: tuple[str, ...], found: tuple[str, ...], allowed, drop: float, propose: float
              ) -> list[tuple[str, float]]:
    """What a candidate becomes: the types the rules gave it, unless the model is sure it is none; else, for a
    bare proposal, the model's likeliest allowed type when it is sure enough that the proposal is something, even if
    unsure of what. Each with its confidence."""
    probability = dict(zip(classes, map(float, row)))
    if found:
        none = probability.get(NONE, 0.0)
        return [] if none >= drop else [(type_name, 1.0 - none) for type_name in found]
    options = [(p, c) for c, p in probability.items() if c != NONE and allowed(c)]
    if not options or 1.0 - probability.get(NONE, 0.0) < propose:
        return []
    score, type_name = max(options)
    return [(type_name, score)]


def decide_case(extraction: CaseExtraction, model: ExtractionModel, lexicon: Lexicon,
                counts: Counter) -> CaseExtraction:
    """The case's entities and relations as the model keeps them, each with the model's confidence."""
    candidates = case_candidates(extraction, lexicon, counts)
    thresholds = model.thresholds
    kept: dict[tuple[str, str], tuple[str, float]] = {}
    if candidates.entities:
        probabilities = model.entities.probabilities(candidates.entity_rows)
        for candidate, row in zip(candidates.entities, probabilities):
            found = () if candidate.proposed else (candidate.type,)
            for type_name, score in _decision(row, model.entities.classes, found, lambda _: True,
                                              thresholds.entity_drop, thresholds.entity_proposal):
                kept[candidate.key] = (type_name, model.entity_calibration(score))
    mentions = tuple(replace(m, type=kept[(m.type, m.canonical)][0], confidence=kept[(m.type, m.canonical)][1])
                     for m in extraction.mentions if (m.type, m.canonical) in kept)
    types = {key: type_name for key, (type_name, _) in kept.items()}
    confidence = {(type_name, key[1]): p for key, (type_name, p) in kept.items()}
    pairs = [_retyped(p, types) for p in candidates.pairs if p.source.key in kept and p.target.key in kept]
    relations = _decide_pairs(extraction, pairs, model, lexicon, confidence)
    return CaseExtraction(case=extraction.case, mentions=mentions, relations=tuple(relations))


def _decide_pairs(extraction: CaseExtraction, pairs: list[PairCandidate], model: ExtractionModel, lexicon: Lexicon,
                  confidence: dict[tuple[str, str], float]) -> list[RelationMention]:
    """One relation per (type, source, target): the surest of the sentences that state it."""
    if not pairs:
        return []
    vocabulary = load_vocabulary()
    probabilities = model.relations.probabilities(pair_rows(extraction, pairs, lexicon))
    best: dict[tuple, tuple[float, PairCandidate]] = {}
    for pair, row in zip(pairs, probabilities):
        allowed = vocabulary.relations_between(pair.source.type, pair.target.type).__contains__
        found = tuple(dict.fromkeys(r.type for r in pair.rules))
        for rel_type, probability in _decision(row, model.relations.classes, found, allowed,
                                               model.thresholds.relation_drop, model.thresholds.relation_proposal):
            key = (rel_type, pair.source.key, pair.target.key)
            if probability > best.get(key, (-1.0,))[0]:
                best[key] = (probability, pair)
    relations = []
    for (rel_type, _, _), (probability, pair) in best.items():
        rule = next((r for r in pair.rules if r.type == rel_type), None)
        source = replace(pair.source_mention, type=pair.source.type, confidence=confidence[pair.source.key])
        target = replace(pair.target_mention, type=pair.target.type, confidence=confidence[pair.target.key])
        evidence = rule.evidence if rule else _pair_evidence(pair, rel_type)
        relations.append(RelationMention(type=rel_type, source=source, target=target, evidence=evidence,
                                         amount=rule.amount if rule else None, role=rule.role if rule else "",
                                         confidence=model.relation_confidence(rel_type, probability)))
    return relations


def _pair_evidence(pair: PairCandidate, rel_type: str) -> Evidence:
    base = pair.source_mention.evidence
    return replace(base, sentence=pair.sentence, rule=f"model:{rel_type.lower()}")


def entity_label(candidate: EntityCandidate, gold: GoldDocument) -> str:
    """The gold type of the entity a candidate names, or NONE."""
    found: GoldEntity | None = gold.match(candidate.type, candidate.names())
    return found.type if found else NONE


def pair_label(pair: PairCandidate, gold: GoldDocument, gold_relations: dict[tuple[str, str], list[GoldRelation]]
               ) -> str:
    """The gold relation from the pair's source to its target (either way for a symmetric one) that this
    sentence states, or NONE. A pair a rule relates takes the relation wherever the gold states it."""
    source = gold.match(pair.source.type, pair.source.names())
    target = gold.match(pair.target.type, pair.target.names())
    if source is None or target is None:
        return NONE
    sentence = normalise_name(pair.sentence)
    for relation in gold_relations.get((source.id, target.id), ()):
        evidence = normalise_name(relation.evidence)
        if pair.rules or not evidence or sentence in evidence or evidence in sentence:
            return relation.type
    return NONE


def gold_relation_index(gold: GoldDocument) -> dict[tuple[str, str], list[GoldRelation]]:
    index: dict[tuple[str, str], list[GoldRelation]] = defaultdict(list)
    for relation in gold.relations:
        index[(relation.source, relation.target)].append(relation)
        if relation.type in SYMMETRIC:
            index[(relation.target, relation.source)].append(relation)
    return index
