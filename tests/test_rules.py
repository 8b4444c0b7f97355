"""Every rule of the extraction has an invented example, and every example runs: the rule still finds what it
says it finds. A rule registered without an example fails here."""
import pytest

from extract.lexicon import load_lexicon
from extract.pipeline import extract_case
from extract.rulebook import STAGES, rule_examples, rulebook
from extract.sentences import Sentence
from tests.conftest import text_case


def test_every_rule_has_an_example_and_every_example_a_rule():
    examples = rule_examples()
    missing = [f"{entry.stage}/{entry.name}" for entry in rulebook() if not entry.example]
    assert not missing, f"rules without an example in extract/rule_examples.yaml: {missing}"
    stale = [f"{stage}/{name}" for stage, named in examples.items() for name in named
             if name not in STAGES.get(stage, {})]
    assert not stale, f"examples of rules that are not registered: {stale}"
    assert all(entry.description for entry in rulebook())


@pytest.mark.parametrize("name", sorted(rule_examples()["recognizers"]))
def test_a_recogniser_finds_its_example(name):
    example = rule_examples()["recognizers"][name]
    sentence = example["sentence"]
    spans = STAGES["recognizers"][name](Sentence(sentence, 0), load_lexicon())
    assert tuple(example["finds"]) in {(sentence[s.start:s.end], s.type) for s in spans}


@pytest.mark.parametrize("stage, name", [(stage, name) for stage in ("relations", "cues", "frames", "structure", "case")
                                         for name in sorted(rule_examples()[stage])])
def test_a_relation_rule_yields_its_example(stage, name):
    example = rule_examples()[stage][name]
    document, case = text_case(example["text"], title="示例案例")
    extraction = extract_case(case, document)
    found = {(r.type, r.source.canonical, r.target.canonical, r.evidence.rule) for r in extraction.relations}
    assert (*example["yields"], example["rule"]) in found
