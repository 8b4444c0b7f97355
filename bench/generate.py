"""Synthetic corpora for the benchmark: real case structure, varied names.

Each synthetic case takes the text of a real case (a template) and renames
every body and place it names: the first two characters of each name are
replaced, consistently within the case, by a new stem, so the graph grows with
the corpus instead of repeating. Cases are written 20 to a file as a 案例集
(title, ——subtitle, body).
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from extract.pipeline import extract_case
from loaders.load import load_documents

STEM_CHARS = ("安宝昌春大德东丰福广海和华嘉江金锦康乐丽林龙美明南平浦启庆瑞润三上盛世顺泰天同万文西祥新鑫兴阳"
              "永裕元云长振中青翠松柏兰桂荷梅竹菊星月光辉虹霞")
CASES_PER_FILE = 20


def case_templates(template_dir: Path) -> list[tuple[str, str, list[str]]]:
    """(title, body, stems) of each real case: the stems are what gets renamed."""
    loaded = load_documents([template_dir])
    documents = {d.id: d for d in loaded.documents}
    templates = []
    for case in loaded.cases:
        extraction = extract_case(case, documents[case.document])
        stems = sorted({m.canonical[:2] for m in extraction.mentions
                        if len(m.canonical) >= 4 and re.fullmatch(r"[\u4e00-\u9fff]{2}", m.canonical[:2])})
        lines = [line for line in case.text.split("\n") if line.strip()]
        body_lines = [line for line in lines[1:] if not re.match(r"^#*\s*[—–-]{1,2}", line)]
        body = "\n\n".join(line.lstrip("#").strip() for line in body_lines)
        templates.append((case.title, body, stems))
    return templates


def synthetic_case(template: tuple[str, str, list[str]], rng: random.Random, serial: int) -> tuple[str, str]:
    title, body, stems = template
    renames = {stem: "".join(rng.sample(STEM_CHARS, 2)) for stem in stems}
    if renames:
        pattern = re.compile("|".join(map(re.escape, sorted(renames, key=len, reverse=True))))
        body = pattern.sub(lambda m: renames[m.group()], body)
        title = pattern.sub(lambda m: renames[m.group()], title)
    return f"{title}（{serial}）", body


def generate(template_dir: Path, out: Path, cases: int, seed: int = 20261122) -> Path:
    """Write ``cases`` synthetic cases under ``out`` (reused when already there)."""
    marker = out / f".complete-{cases}"
    if marker.exists():
        return out
    out.mkdir(parents=True, exist_ok=True)
    templates = case_templates(template_dir)
    rng = random.Random(seed)
    for start in range(0, cases, CASES_PER_FILE):
        parts = []
        for serial in range(start, min(start + CASES_PER_FILE, cases)):
            title, body = synthetic_case(templates[serial % len(templates)], rng, serial)
            parts.append(f"# {title}\n\n——示范街道第{serial}号案例\n\n{body}\n")
        (out / f"cases-{start // CASES_PER_FILE:05d}.md").write_text("\n".join(parts), encoding="utf-8")
    marker.touch()
    return out


if __name__ == "__main__":
    generate(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
