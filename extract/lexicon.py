"""The generic-word lexicon (ontology/lexicon.yaml) as ready-to-use lookups."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import ahocorasick
import yaml

from ontology.vocabulary import load_vocabulary

LEXICON_FILE = Path(__file__).resolve().parent.parent / "ontology" / "lexicon.yaml"


@dataclass(frozen=True)
class Lexicon:
    suffix_type: dict[str, str]
    not_before: dict[str, tuple[str, ...]]
    not_after: dict[str, tuple[str, ...]]
    left_stops: frozenset[str]
    left_stop_words: frozenset[str]
    negations: tuple[str, ...]
    former_words: frozenset[str]
    max_name_length: int
    generic_heads: frozenset[str]
    generic_mentions: dict[str, str]
    office_short_forms: dict[str, str]  # 住建 → 住房和城乡建设
    standalone_names: frozenset[str]
    roles: tuple[str, ...]
    person_titles: tuple[str, ...]
    kin_forms: frozenset[str]
    mechanism_endings: tuple[str, ...]
    agreement_endings: tuple[str, ...]
    joint_parties: tuple[str, ...]
    joint_actions: tuple[str, ...]
    quoted_head_type: dict[str, str]
    quoted_head_fields: tuple[str, ...]
    project_endings: tuple[str, ...]
    project_kinds: tuple[str, ...]
    facility_endings: tuple[str, ...]
    topic_suffixes: tuple[str, ...]
    kind_suffixes: frozenset[str]
    unit_kinds: dict[str, tuple[str, ...]]
    building_hosts: tuple[str, ...]
    generic_slogans: frozenset[str]
    person_verbs: tuple[str, ...]
    person_contexts: frozenset[str]
    surnames: frozenset[str]
    double_surnames: tuple[str, ...]
    campaigns: dict[str, str]
    cued_relations: dict[str, frozenset[str]]  # a cue word → the relation types it cues
    cue_rules: dict[str, tuple[str, tuple[str, ...]]]  # the cue rule's id → its relation type and words
    frames: dict[str, dict[str, tuple[str, ...]]]  # a frame's id → its words by the relation type they read
    automaton: ahocorasick.Automaton
    campaign_automaton: ahocorasick.Automaton
    field_way_automaton: ahocorasick.Automaton
    proposal_type: dict[str, str]  # the type words of the rules and those that only propose
    proposal_automaton: ahocorasick.Automaton

    def is_stop(self, token: str) -> bool:
        return token in self.left_stops or token in self.left_stop_words

    def is_form_of_address(self, name: str) -> bool:
        """A surname and a title or kinship word (王主任, 李大爷, 陈伯): how people are called, no full name."""
        return name[1:].startswith(self.person_titles) or len(name) == 2 and name[1] in self.kin_forms

    def type_word_ending(self, word: str) -> str:
        """The longest type word that ends ``word`` (税务局 → 税务局, 园林市容局 → 局), or ''."""
        return next((word[n:] for n in range(len(word)) if word[n:] in self.suffix_type), "")

    def type_by_ending(self, word: str) -> str:
        """The type whose longest type word ends ``word`` (税务局 → GovernmentAgency), or ''."""
        return self.suffix_type.get(self.type_word_ending(word), "")

    @cached_property
    def cue_rule_words(self) -> tuple[str, ...]:
        """Every word of the cue rule, of any relation type."""
        return tuple(word for _, words in self.cue_rules.values() for word in words)

    @cached_property
    def longest_type_word(self) -> int:
        return max(map(len, self.suffix_type))

    def starts_with_type_word(self, text: str) -> bool:
        return any(text[:n] in self.suffix_type for n in range(1, min(len(text), self.longest_type_word) + 1))


def parse_lexicon(data: dict) -> Lexicon:
    vocabulary = load_vocabulary()
    suffix_type: dict[str, str] = {}
    for type_name, suffixes in data["suffixes"].items():
        vocabulary.node(type_name)
        for suffix in suffixes:
            suffix_type[suffix] = type_name
    for type_name in data["generic_mentions"].values():
        vocabulary.node(type_name)
    for rel_type in data.get("relation_cues", {}):
        vocabulary.relation(rel_type)
    cue_rules = {rule_id: (vocabulary.relation(rule["type"]).name, tuple(rule["words"]))
                 for rule_id, rule in data.get("cue_rules", {}).items()}
    frames = {frame: {vocabulary.relation(rel_type).name: tuple(words) for rel_type, words in rows.items()}
              for frame, rows in data.get("frames", {}).items()}
    campaigns = {form: name for name, forms in data["campaigns"].items() for form in [name, *forms]}
    proposal_type: dict[str, str] = {}
    for type_name, words in data.get("proposal_words", {}).items():
        vocabulary.node(type_name)
        proposal_type.update(dict.fromkeys(words, type_name))
    proposal_type.update(suffix_type)
    return Lexicon(
        suffix_type=suffix_type,
        not_before=_not_before(data, suffix_type),
        not_after={k: tuple(v) for k, v in data["not_after"].items()},
        left_stops=frozenset(data["left_stops"]),
        left_stop_words=frozenset(data["left_stop_words"]),
        negations=tuple(data["negations"]),
        former_words=frozenset(data["former_words"]),
        max_name_length=int(data["max_name_length"]),
        generic_heads=frozenset(data["generic_heads"]),
        generic_mentions=dict(data["generic_mentions"]),
        office_short_forms=dict(data["office_short_forms"]),
        standalone_names=frozenset(data["standalone_names"]),
        roles=tuple(sorted(data["roles"], key=len, reverse=True)),
        person_titles=tuple(data["person_titles"]),
        kin_forms=frozenset(data["kin_forms"]),
        mechanism_endings=tuple(data["mechanism_endings"]),
        agreement_endings=tuple(data["agreement_endings"]),
        joint_parties=tuple(data["joint_parties"]),
        joint_actions=tuple(data["joint_actions"]),
        quoted_head_type={head: type_name for type_name, heads in data["quoted_heads"].items() for head in heads},
        quoted_head_fields=tuple(data["quoted_head_fields"]),
        project_endings=tuple(data["project_endings"]),
        project_kinds=tuple(sorted(data["project_kinds"], key=len, reverse=True)),
        facility_endings=tuple(data["facility_endings"]),
        topic_suffixes=tuple(data["topic_suffixes"]),
        kind_suffixes=frozenset(data["kind_suffixes"]),
        unit_kinds={kind: tuple(endings) for kind, endings in data["unit_kinds"].items()},
        building_hosts=tuple(data["building_hosts"]),
        generic_slogans=frozenset(data["generic_slogans"]),
        person_verbs=tuple(data["person_verbs"]),
        person_contexts=frozenset(data["person_contexts"]),
        surnames=frozenset(data["surnames"]),
        double_surnames=tuple(data["double_surnames"]),
        campaigns=campaigns,
        cued_relations=_cued_relations(data.get("relation_cues", {})),
        cue_rules=cue_rules,
        frames=frames,
        automaton=build_automaton(suffix_type),
        campaign_automaton=build_automaton(campaigns),
        field_way_automaton=build_automaton(dict.fromkeys(data["field_ways"], "Mechanism")),
        proposal_type=proposal_type,
        proposal_automaton=build_automaton(proposal_type),
    )


def _not_before(data: dict, suffix_type: dict[str, str]) -> dict[str, tuple[str, ...]]:
    not_before = {suffix: tuple(words) for suffix, words in data["not_before"].items()}
    for office in (s for s in suffix_type if s.endswith("办")):
        not_before[office] = not_before.get(office, ()) + tuple(data["not_before_offices"])
    return not_before


def _cued_relations(cues: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    by_word: dict[str, set[str]] = {}
    for rel_type, words in cues.items():
        for word in words:
            by_word.setdefault(word, set()).add(rel_type)
    return {word: frozenset(types) for word, types in by_word.items()}


def build_automaton(words: Iterable[str]) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton that finds every one of ``words`` in one pass, each reported as itself."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


@cache
def load_lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    with open(path, encoding="utf-8") as handle:
        return parse_lexicon(yaml.safe_load(handle))
