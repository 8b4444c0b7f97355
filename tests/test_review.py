"""The review loop: a sheet of the least sure facts, marked by a researcher, becomes curation for the next build."""
import csv
import re
import shutil
import subprocess

import pytest

from casegraph import api
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium")


def test_marks_on_the_review_sheet_become_curation_that_the_next_build_applies(examples_build, tmp_path):
    sheet, page = api.review(examples_build.graph, tmp_path / "review", limit=500)
    with open(sheet, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    confidences = [float(r["confidence"]) for r in rows]
    assert confidences == sorted(confidences) and all(r["sentence"] for r in rows)
    entity = next(r for r in rows if r["kind"] == "entity" and r["type"] == "Project")
    relation = next(r for r in rows if r["kind"] == "relation" and entity["id"] not in (r["source"], r["target"]))
    retyped = next(r for r in rows if r["kind"] == "entity" and r["type"] == "Committee" and
                   r["id"] not in (relation["source"], relation["target"]))
    marks = {entity["id"]: "drop", relation["id"]: "drop", retyped["id"]: "PartnerUnit"}
    for row in rows:
        row["decision"] = marks.get(row["id"], "keep")
    marked = tmp_path / "marked.csv"
    with open(marked, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    curation = api.curation_from_review(marked, tmp_path / "curation.yaml")
    rebuilt = api.build([ROOT / "examples"], curation=curation).graph
    assert entity["id"] not in rebuilt
    assert not rebuilt.has_edge(relation["source"], relation["target"], key=relation["type"])
    assert retyped["id"] not in rebuilt and "PartnerUnit:" + retyped["name"] in rebuilt


def test_the_review_page_keeps_document_text_as_text(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text(
        "# 睦邻花园\n\n“<b>邻里</b>”项目由和平居民区党总支牵头，$rows 与 @x 照常。\n", encoding="utf-8")
    result = api.build([tmp_path / "docs"])
    _, page = api.review(result.graph, tmp_path / "review")
    text = page.read_text(encoding="utf-8")
    assert "<b>邻里" not in text and "&lt;b&gt;" in text


@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is installed by `make test`")
def test_the_review_page_runs_offline(examples_build, tmp_path):
    _, page = api.review(examples_build.graph, tmp_path / "review")
    result = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
                             "--virtual-time-budget=5000", "--dump-dom", page.as_uri()],
                            capture_output=True, text=True, timeout=120)
    assert len(re.findall(r"<tr data-row=", result.stdout)) > 0 and "Uncaught" not in result.stderr
