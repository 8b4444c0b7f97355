"""No name from the gold documents in code, tables or tests: the rules must be written for documents
casegraph has never seen, so nothing may be tuned to a name of the shared gold."""
import json
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, SHARED

SOURCE_ENDINGS = (".py", ".yaml", ".yml", ".cypher", ".html", ".js", ".ttl")
SKIPPED = ("extract/default_model", "bench/out")  # the trained model, learned from the gold; generated output
DIVISION = re.compile(r"^[\u4e00-\u9fff]{1,6}(?:省|市|区|县|镇|乡|街道)$")  # administrative divisions name no case


def _vocabulary() -> set[str]:
    """Every word of the lexicon's tables: generic type words, cue words and programmes that a gold name may
    also be (业主委员会, 党群服务中心, 加装电梯), and that are vocabulary, not names."""
    def words(value):
        if isinstance(value, str):
            return {value}
        if isinstance(value, dict):
            return set(value) | {w for v in value.values() for w in words(v)}
        if isinstance(value, list):
            return {w for v in value for w in words(v)}
        return set()
    return words(yaml.safe_load((ROOT / "ontology" / "lexicon.yaml").read_text(encoding="utf-8")))


def _gold_names() -> set[str]:
    vocabulary = _vocabulary()
    names = set()
    for folder in (SHARED / "gold", SHARED / "devset" / "gold"):
        for path in folder.glob("*.json"):
            for entity in json.loads(path.read_text(encoding="utf-8"))["entities"]:
                for name in (entity["name"], *entity.get("aliases", [])):
                    if len(name) >= 4 and not DIVISION.match(name) and not entity.get("implicit") \
                            and name not in vocabulary:
                        names.add(name)
    return names


def _sources() -> list[Path]:
    return [p for p in ROOT.rglob("*") if p.suffix in SOURCE_ENDINGS and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(ROOT).parts)
            and not str(p.relative_to(ROOT)).startswith(SKIPPED) and "out" not in p.relative_to(ROOT).parts[:1]]


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared/gold is not beside the project")
def test_no_gold_name_in_code_tables_or_tests():
    names = _gold_names()
    found = []
    for path in _sources():
        text = path.read_text(encoding="utf-8", errors="replace")
        found.extend(f"{path.relative_to(ROOT)}: {name}" for name in names if name in text)
    assert not found, "gold names in the project:\n" + "\n".join(sorted(found))
