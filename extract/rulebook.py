"""Every rule of the extraction in one list, each with what it does and an invented example that the tests run.

The rules are registered in one place per stage (``RECOGNIZERS``, relation ``RULES``, the lexicon's
``cue_rules`` and ``frames``, case ``structure`` ``RULES`` and ``CASE_RULES``); their examples live in
``rule_examples.yaml`` beside this file.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from extract.recognizers import RECOGNIZERS
from extract.relations import RULES as RELATION_RULES
from extract.relations import cue_rules, frame_rules
from extract.structure import CASE_RULES
from extract.structure import RULES as STRUCTURE_RULES

EXAMPLES_FILE = Path(__file__).with_name("rule_examples.yaml")
STAGES = {"recognizers": RECOGNIZERS, "relations": RELATION_RULES, "cues": cue_rules(), "frames": frame_rules(),
          "structure": STRUCTURE_RULES, "case": CASE_RULES}


@dataclass(frozen=True)
class RuleEntry:
    """One rule: its stage, its registered name, the first sentence of its description, and its example."""

    stage: str
    name: str
    description: str
    example: dict


@cache
def rule_examples() -> dict[str, dict[str, dict]]:
    with open(EXAMPLES_FILE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def rulebook() -> list[RuleEntry]:
    """Every registered rule, in stage order; one without an example has an empty one."""
    examples = rule_examples()
    return [RuleEntry(stage, name, _first_sentence(getattr(rule, "description", rule.__doc__)),
                      examples.get(stage, {}).get(name, {}))
            for stage, rules in STAGES.items() for name, rule in rules.items()]


def _first_sentence(doc: str | None) -> str:
    text = " ".join((doc or "").split())
    return text.split(". ")[0].rstrip(".") if text else ""
