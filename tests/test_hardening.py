"""Input that costs far more than its size, curation that could break the graph, and the same graph however
a build is run: each refused in one line naming the file, or answered exactly."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from casegraph import api
from extract.curation import CurationError, apply_curation
from extract.learned import Nesting
from extract.resolve import is_alias
from extract.sentences import MAX_SENTENCE, Sentence, inside_sentences, split_sentences
from graph.records import Problem
from loaders.load import LoadOptions, document_ids, load_documents
from loaders.normalize import normalize_text
from loaders.readers.docx import MAX_UNPACKED_BYTES
from tests.conftest import CORPUS, ROOT

CASE_TEXT = "和平居民区党总支牵头成立自治小组。居委会参与议事。"


def test_lines_without_sentence_ends_make_sentences_of_bounded_length():
    text, _ = normalize_text("党建引领社区治理\n" * 4000)
    sentences = split_sentences(text)
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE
    assert sum(len(s.text) for s in sentences) == len(text.replace("\n", ""))


@given(st.lists(st.tuples(st.integers(0, 300), st.integers(1, 12)), max_size=40))
def test_mentions_found_by_bisection_are_those_inside_each_sentence(spans):
    class Placed:
        def __init__(self, start, end):
            self.start, self.end = start, end

    sentences = [Sentence("x" * 20, start) for start in range(0, 300, 25)]
    items = [Placed(start, start + length) for start, length in spans]
    expected = [[m for m in items if s.start <= m.start and m.end <= s.start + len(s.text)] for s in sentences]
    assert inside_sentences(sentences, items) == expected


@given(st.lists(st.text(alphabet="甲乙丙丁", min_size=1, max_size=5), max_size=25))
def test_names_holding_other_names_are_found_in_one_pass(names):
    nesting = Nesting.of(names)
    assert nesting.holders == {n for n in names if any(o != n and o in n for o in names)}
    assert nesting.held == {n for n in names if any(o != n and n in o for o in names)}


def _zip_bomb_docx(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(CASE_TEXT)
    document.save(path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/media/padding.bin", "w", force_zip64=True) as padding:
            chunk = b"\0" * 2**20
            for _ in range(MAX_UNPACKED_BYTES // len(chunk) + 1):
                padding.write(chunk)


def test_a_word_file_that_unpacks_past_the_limit_is_refused_before_unpacking(tmp_path):
    _zip_bomb_docx(tmp_path / "bomb.docx")
    (tmp_path / "fine.txt").write_text(CASE_TEXT, encoding="utf-8")
    loaded = load_documents([tmp_path])
    assert [d.id for d in loaded.documents] == ["fine"]
    assert len(loaded.problems) == 1 and "bomb.docx" in str(loaded.problems[0])
    assert "unpacks to" in loaded.problems[0].message


def test_text_that_reading_expands_past_the_limit_is_refused(tmp_path):
    document = docx.Document()
    for _ in range(300):
        document.add_paragraph(CASE_TEXT * 10)
    document.save(tmp_path / "long.docx")
    size = (tmp_path / "long.docx").stat().st_size
    loaded = load_documents([tmp_path], LoadOptions(max_bytes=size + 1))
    assert not loaded.documents and "over the" in loaded.problems[0].message


def test_utf8_with_a_few_broken_bytes_is_read_with_a_warning(tmp_path):
    (tmp_path / "cut.txt").write_bytes(CASE_TEXT.encode("utf-8") * 20 + b"\xff\xfe" + CASE_TEXT.encode("utf-8"))
    loaded = load_documents([tmp_path])
    assert len(loaded.documents) == 1 and "\ufffd" in loaded.documents[0].text
    assert "replaced" in str(loaded.problems[0]) and "cut.txt" in str(loaded.problems[0])


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(tmp_path, encoding):
    (tmp_path / "wide.txt").write_bytes(CASE_TEXT.encode(encoding))
    loaded = load_documents([tmp_path])
    assert loaded.documents[0].text == CASE_TEXT and loaded.documents[0].format == "text/utf-16"


def test_broken_and_looping_links_are_named_not_skipped_silently(tmp_path):
    (tmp_path / "case.txt").write_text(CASE_TEXT, encoding="utf-8")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    loaded = load_documents([tmp_path])
    assert [d.id for d in loaded.documents] == ["case"]
    assert sorted(Path(p.path).name for p in loaded.problems) == ["gone.txt", "self.txt"]


def test_a_newline_in_a_file_name_stays_inside_one_warning_line():
    assert "\n" not in str(Problem("/data/two\nlines.txt", "broken\nfile"))
    assert str(Problem("/data/two\nlines.txt", "x")) == "/data/two\\nlines.txt: x"


def test_document_ids_do_not_depend_on_argument_order(tmp_path):
    for folder, text in (("2021", CASE_TEXT), ("2022", "松韵居民区党总支牵头成立议事会。")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(text, encoding="utf-8")
    first, second = tmp_path / "2021" / "report.txt", tmp_path / "2022" / "report.txt"
    assert document_ids([first, second]) == document_ids([second, first]) == {
        first: "report~2021", second: "report~2022"}
    forward = api.build([first, second], out=tmp_path / "forward").path.read_bytes()
    backward = api.build([second, first], out=tmp_path / "backward").path.read_bytes()
    assert forward == backward


def test_jiebas_dictionary_is_there_before_the_first_cut():
    """Asked before any segmentation, the dictionary was empty: a process's first document read differently."""
    code = "from extract.recognizers import in_dictionary; print(in_dictionary('居民'))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "True"


def test_serial_and_parallel_builds_are_byte_identical(tmp_path):
    from bench.generate import generate

    corpus = generate(CORPUS, tmp_path / "corpus", 200)
    assert sum(f.stat().st_size for f in corpus.glob("*.md")) >= api.PARALLEL_MIN_BYTES  # workers read and extract
    serial = api.build([corpus], out=tmp_path / "serial", workers=1).path.read_bytes()
    parallel = api.build([corpus], out=tmp_path / "parallel", workers=2).path.read_bytes()
    assert serial == parallel


@pytest.fixture
def sample_graph(examples_build):
    return examples_build.case_graph


CURATION_FAULTS = [
    ("add_entities:\n  - {type: PartnerUnit, name: 新单位, cases: [nowhere-01]}\n", "unknown case id 'nowhere-01'"),
    ("add_entities:\n  - {type: PartnerUnit, name: 新单位, cases: sample-cases-01}\n", "'cases' must be a list"),
    ("rename:\n  - {id: 'PropertyFirm:绿源物业', name: [a, b]}\n", "'name' must be a text"),
    ("rename:\n  - {id: 'PropertyFirm:绿源物业', name: 42}\n", "'name' must be a text"),
    ("add_relations:\n  - {type: SUPPORTS, source: 'PropertyFirm:绿源物业', target: 'Project:邻里花园项目',"
     " case: sample-cases-09}\n", "unknown case id 'sample-cases-09'; did you mean"),
    ("drop:\n  - {id: 'PropertyFirm:绿源物', note: typo}\n", "did you mean PropertyFirm:绿源物业"),
    ("drop:\n  - {idd: 'PropertyFirm:绿源物业'}\n", "unknown field 'idd'"),
    ("drop: PropertyFirm:绿源物业\n", "expected a list of entries"),
    ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n", "aliases (*name) are not allowed"),
]


@pytest.mark.parametrize("text, message", CURATION_FAULTS)
def test_bad_curation_is_one_line_naming_the_file_and_changes_nothing(sample_graph, tmp_path, text, message):
    path = tmp_path / "curation.yaml"
    path.write_text(text, encoding="utf-8")
    before = sample_graph.counts()
    with pytest.raises(CurationError) as raised:
        apply_curation(sample_graph, path)
    assert message in str(raised.value) and str(path) in str(raised.value) and "\n" not in str(raised.value)
    assert sample_graph.counts() == before


def test_curation_that_is_not_utf8_is_one_line(sample_graph, tmp_path):
    path = tmp_path / "curation.yaml"
    path.write_bytes("drop:\n  - {id: '绿源物业'}\n".encode("gb18030"))
    with pytest.raises(CurationError, match="not UTF-8"):
        apply_curation(sample_graph, path)


def test_curation_drops_a_wrong_relation(tmp_path):
    result = api.build([ROOT / "examples"], out=tmp_path / "out")
    graph = result.case_graph
    relation = next(r for r in graph.relations.values() if r.type == "SUPPORTS")
    path = tmp_path / "curation.yaml"
    path.write_text(f"drop_relations:\n  - {{type: SUPPORTS, source: '{relation.source}', "
                    f"target: '{relation.target}', note: wrong}}\n", encoding="utf-8")
    before = len(graph.relations)
    apply_curation(graph, path)
    assert len(graph.relations) == before - 1
    assert not any(r.type == "SUPPORTS" and (r.source, r.target) == (relation.source, relation.target)
                   for r in graph.relations.values())


def test_names_and_titles_stay_text_in_the_stats_report_and_its_csv(tmp_path):
    from viz.report import write_report

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text(
        "# =1+2<b onclick=x>睦邻花园\n\n" + CASE_TEXT, encoding="utf-8")
    result = api.build([tmp_path / "docs"], out=tmp_path / "out")
    assert any("onclick" in case.title for case in result.case_graph.cases)
    report = write_report(result.graph, tmp_path / "stats")
    assert "<b" not in report.read_text(encoding="utf-8")
    rows = (tmp_path / "stats" / "counts-by-case.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert rows and all(not row.startswith(("=", "+", "-", "@")) for row in rows)
    assert any(row.startswith("'=1+2") for row in rows)


@given(st.text(alphabet="甲乙丙丁区局", min_size=1, max_size=6), st.text(alphabet="甲乙丙丁区局", min_size=1, max_size=9))
def test_a_fuller_form_shares_the_first_or_the_last_character(short, long):
    """What lets alias resolution across a document look only at names that start or end alike."""
    if is_alias(short, long):
        assert short[0] == long[0] or short[-1] == long[-1]
