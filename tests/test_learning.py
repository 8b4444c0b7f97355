"""The learned layer: models stored as JSON, training from gold, honest cross-validation, confidence on every
fact, and pre-annotation in the gold format. Gold here is invented: the project's own sample cases."""
import json
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import replace

import pytest

import casegraph.training as training
from casegraph import api
from extract import calibration as calibration_module
from extract.calibration import Calibration, Outcome, fit_calibration, fit_calibrations
from extract.gold import normalise_name, read_gold_file
from extract.learned import _decision, case_candidates, entity_candidates
from extract.lexicon import load_lexicon
from extract.model import DEFAULT_MODEL_DIR, NONE, fit, load_model
from extract.pipeline import rule_extractions
from extract.proposals import proposed_spans
from extract.recognizers import Span
from extract.sentences import Sentence
from graph.exports import export_graph
from graph.rdf import CG, to_rdf
from tests.conftest import ROOT, text_case

ROWS = [{"bias": 1.0, "word=队": 1.0}, {"bias": 1.0, "word=会": 1.0}, {"bias": 1.0, "word=的": 1.0}] * 4
LABELS = ["VolunteerTeam", "Committee", NONE] * 4


def cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "casegraph.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd)


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    """The sample cases with gold made by pre-annotation: a build exported in the gold format."""
    folder = tmp_path_factory.mktemp("annotated")
    built = api.build([ROOT / "examples"], model=None)
    gold = export_graph(built.graph, folder, ["gold"])[0]
    return gold, ROOT / "examples"


def test_a_model_saved_as_json_predicts_as_it_did(tmp_path):
    model = fit(ROWS, LABELS)
    probabilities = model.probabilities(ROWS[:3])
    assert [model.classes[i] for i in probabilities.argmax(axis=1)] == LABELS[:3]
    from extract.model import ExtractionModel
    ExtractionModel(entities=model, relations=model).save(tmp_path)
    again = load_model(tmp_path)
    assert (again.entities.probabilities(ROWS[:3]) - probabilities).max() < 1e-3


def test_calibration_maps_a_score_to_how_often_such_facts_were_right():
    outcomes = [Outcome(0.9, True)] * 3 + [Outcome(0.9, False)] + [Outcome(0.3, True)] + [Outcome(0.3, False)] * 3
    calibration = fit_calibration(outcomes)
    assert calibration(0.9) == pytest.approx(0.75) and calibration(0.3) == pytest.approx(0.25)
    assert calibration(0.3) <= calibration(0.6) <= calibration(0.9), "a calibration keeps the order of the facts"
    assert Calibration.from_json(calibration.to_json()) == calibration
    assert fit_calibration([Outcome(0.4, True)] * 2)(0.4) == 0.4, "without a wrong fact there is nothing to map"


def test_each_relation_type_with_enough_held_out_facts_is_calibrated_on_its_own(monkeypatch):
    monkeypatch.setattr(calibration_module, "MIN_KIND_OUTCOMES", 8)
    sure = [Outcome(0.9, True, "PART_OF")] * 7 + [Outcome(0.2, False, "PART_OF")]
    overrated = [Outcome(0.9, True, "LEADS")] * 4 + [Outcome(0.9, False, "LEADS")] * 4
    few = [Outcome(0.9, True, "GUIDES"), Outcome(0.2, False, "GUIDES")]
    maps, shared = fit_calibrations(sure + overrated + few)
    assert maps["PART_OF"](0.9) == pytest.approx(1.0) and maps["LEADS"](0.9) == pytest.approx(0.5)
    assert "GUIDES" not in maps and shared(0.9) == pytest.approx(1.0), "a kind with few facts shares one map"
    model = replace(load_model(DEFAULT_MODEL_DIR), relation_calibration=shared, relation_calibration_by_type=maps)
    assert model.relation_confidence("LEADS", 0.9) == pytest.approx(0.5)
    assert model.relation_confidence("GUIDES", 0.9) == pytest.approx(1.0)


def test_a_trained_model_is_calibrated_on_documents_it_did_not_see(annotated, tmp_path, monkeypatch):
    gold, docs = annotated
    seen = []
    real_fit = training.fit_model
    monkeypatch.setattr(training, "fit_model", lambda trained_on, source="": seen.append(len(trained_on))
                        or real_fit(trained_on, source))
    training.train([gold], tmp_path / "model", [docs])
    assert seen == [1, 1, 2], "one model per held-out fold, then the model on all"
    saved = json.loads((tmp_path / "model" / "entities.json").read_text(encoding="utf-8"))
    assert "calibration" in saved
    assert load_model(tmp_path / "model").entity_calibration == Calibration.from_json(saved["calibration"])


def test_a_folder_without_a_model_is_one_clear_error(tmp_path):
    (tmp_path / "cases.txt").write_text("和平居民区党总支牵头成立议事会。", encoding="utf-8")
    result = cli("build", tmp_path / "cases.txt", "--model", tmp_path / "nothing", "--out", tmp_path / "out")
    assert result.returncode == 1
    assert "no trained model here" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_pre_annotation_reads_back_as_gold(annotated):
    gold_folder, _ = annotated
    files = sorted(gold_folder.glob("*.json"))
    assert [f.name for f in files] == ["news-page.json", "sample-cases.json"]
    gold = read_gold_file(gold_folder / "sample-cases.json")
    assert len(gold.cases) == 2
    names = {e.name for e in gold.entities}
    assert {"和平居民区党总支", "邻里花园项目"} <= names
    ids = {e.id for e in gold.entities}
    assert gold.relations and all(r.source in ids and r.target in ids for r in gold.relations)


def test_training_twice_on_the_same_gold_gives_the_same_model(annotated, tmp_path):
    gold, docs = annotated
    for name in ("one", "two"):
        result = cli("train", gold, "--docs", docs, "--out", tmp_path / name)
        assert result.returncode == 0, result.stderr
    for file_name in ("entities.json", "relations.json"):
        assert (tmp_path / "one" / file_name).read_bytes() == (tmp_path / "two" / file_name).read_bytes()


def test_a_researchers_own_model_builds_with_a_confidence_on_every_fact(annotated, tmp_path):
    gold, docs = annotated
    assert cli("train", gold, "--docs", docs, "--out", tmp_path / "model").returncode == 0
    result = cli("build", docs, "--model", tmp_path / "model", "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    facts = [n for n in graph["nodes"] if n["type"] not in ("Case", "Document")]
    links = [link for link in graph["links"] if link["type"] != "MENTIONED_IN"]
    assert facts and links
    assert all(0.0 < fact["confidence"] <= 1.0 for fact in facts + links)


def test_min_confidence_leaves_out_the_less_sure_facts():
    everything = api.build([ROOT / "examples"])
    sure = api.build([ROOT / "examples"], min_confidence=0.9)
    confidences = [e.confidence for e in everything.case_graph.entities.values()]
    assert min(confidences) < 0.9, "the test needs a fact below the bar"
    assert all(e.confidence >= 0.9 for e in sure.case_graph.entities.values())
    assert all(r.confidence >= 0.9 for r in sure.case_graph.relations.values())
    assert len(sure.case_graph.entities) < len(everything.case_graph.entities)


def test_rules_alone_are_sure_of_everything_and_rdf_says_how_sure():
    built = api.build([ROOT / "examples"], model=None)
    assert {e.confidence for e in built.case_graph.entities.values()} == {1.0}
    rdf = to_rdf(api.build([ROOT / "examples"]).graph)
    assert len(list(rdf.objects(None, CG.confidence))) > 0


def test_cross_validation_never_scores_a_document_with_a_model_that_saw_it(annotated, monkeypatch):
    gold, docs = annotated
    documents = training.label_gold([gold], [docs])
    seen = []
    real_fit = training.fit_model

    def recording_fit(trained_on, source=""):
        seen.append({d.gold.doc for d in trained_on})
        return real_fit(trained_on, source)

    monkeypatch.setattr(training, "fit_model", recording_fit)
    graph = training.cross_validate(documents)
    assert len(seen) == len(documents) == 2
    for held_out, trained_on in zip(documents, seen):
        assert held_out.gold.doc not in trained_on and trained_on
    assert graph.cases


def test_cross_validation_scores_each_gold_folder_alone_too(annotated, tmp_path):
    gold, docs = annotated
    folders = []
    for n, gold_file in enumerate(sorted(gold.glob("*.json"))):
        folder = tmp_path / f"set{n}" / "gold"
        folder.mkdir(parents=True)
        shutil.copy(gold_file, folder)
        folders.append(folder)
    training.evaluate(folders, tmp_path / "cv", [docs])
    for folder in folders:
        part = tmp_path / "cv" / "by-folder" / f"{folder.parent.name}-gold"
        own = {json.loads(f.read_text(encoding="utf-8"))["doc"] for f in folder.glob("*.json")}
        graph = json.loads((part / "graph.json").read_text(encoding="utf-8"))
        assert {n["document"] for n in graph["nodes"] if n.get("type") == "Case"} == own
        assert sorted(f.name for f in (part / "gold").glob("*.json")) == sorted(f.name for f in folder.glob("*.json"))


@pytest.mark.parametrize("text, expected", [
    ("居民自发组建了晨光巡逻队。", ("晨光巡逻队", "VolunteerTeam")),
    ("居委会推出“邻里帮”，方便老人。", ("“邻里帮”", "Project")),
    ("星河社区举办了首届桂香邻里节。", ("首届桂香邻里节", "Project")),
    ("两家单位签订了松涛共建协议。", ("松涛共建协议", "Mechanism")),
    ("街道推行松涛联建，效果明显。", ("松涛联建", "Mechanism")),
    ("小区推广青禾楼栋自治，居民参与热情高。", ("青禾楼栋自治", "Mechanism")),
    ("以游园活动为纽带，邻里走近了。", ("游园活动", "Project")),  # one jieba word holds the type word
    ("村党支部书记刘建华任青禾竹编合作社理事长。", ("青禾竹编合作社", "PartnerUnit")),  # 任 ends the name
    ("社区联合青松书店举办读书分享活动。", ("读书分享活动", "Project")),  # 举办 ends the name
])
def test_wide_proposals_name_what_the_rules_passed_over(text, expected):
    spans = proposed_spans(Sentence(text, 0), load_lexicon(), [])
    assert expected in {(text[s.start:s.end], s.type) for s in spans}


@pytest.mark.parametrize("text", ["小区召开第一次业主大会。", "村里召开第三届监事会。", "三个业委会都已成立。"])
def test_a_count_or_an_ordinal_before_a_type_word_proposes_nothing(text):
    assert not proposed_spans(Sentence(text, 0), load_lexicon(), [])


def test_an_unnamed_item_after_a_list_of_named_bodies_is_proposed_as_one_of_them():
    text = "活动由青松中学、青禾医院、乐禾尚品共同参与。"
    named = [Span(3, 7, "PartnerUnit", "test"), Span(8, 12, "PartnerUnit", "test")]
    proposals = {(text[s.start:s.end], s.type) for s in proposed_spans(Sentence(text, 0), load_lexicon(), named)}
    assert ("乐禾尚品", "PartnerUnit") in proposals, proposals


def test_a_photo_captions_mark_is_no_part_of_a_name():
    text = "▲青禾路18号院内新添了健身器材。"
    assert ("青禾路18号院", "Community") in {(text[s.start:s.end], s.type)
                                            for s in proposed_spans(Sentence(text, 0), load_lexicon(), [])}


def test_a_rule_name_leaves_a_longer_alternative_to_the_model():
    text = "居民参与了晨光花园改造。"
    shorter = Span(5, 7, "Community", "test")  # a rule's cut (晨光) inside the longer name
    proposals = proposed_spans(Sentence(text, 0), load_lexicon(), [shorter])
    assert ("晨光花园改造", "Project") in {(text[s.start:s.end], s.type) for s in proposals}
    assert not proposed_spans(Sentence(text, 0), load_lexicon(), [Span(5, 11, "Project", "test")])


def test_a_function_word_glued_to_a_guessed_word_is_no_part_of_a_proposal():
    text = "电梯由禾丰慧建公司负责安装。"
    names = {text[s.start:s.end] for s in proposed_spans(Sentence(text, 0), load_lexicon(), [])}
    assert "禾丰慧建公司" in names and not [n for n in names if n.startswith("由")], names


@pytest.mark.parametrize("text", ["镇里联合高校和专业公司开办工厂。", "村里打造特色合作社。", "街道把这片老楼打造成样板小区。",
                                  "街道把属地小区都走了一遍。", "这是一个大型小区。"])
def test_a_kind_described_by_generic_words_alone_is_no_proposal(text):
    assert not proposed_spans(Sentence(text, 0), load_lexicon(), [])


def test_a_counted_kind_is_no_proposal():
    text = "街道召集了三个业委会。"
    assert not proposed_spans(Sentence(text, 0), load_lexicon(), [])


@pytest.mark.parametrize("text, name, feature", [
    ("社区推出了五个一工作机制。", "五个一工作机制", "counted|Mechanism"),
    ("青松物业进老小区，居民点赞。", "进老小区", "guessed_first_char=v|Community"),
])
def test_how_a_name_opens_is_a_feature_the_model_weighs(text, name, feature):
    document, case = text_case(text)
    lexicon = load_lexicon()
    extraction = rule_extractions(document, [case], lexicon, propose=True)[0]
    candidates = case_candidates(extraction, lexicon, Counter())
    rows = {c.canonical: row for c, row in zip(candidates.entities, candidates.entity_rows)}
    assert feature in rows[name], sorted(rows)


def test_gold_names_compare_across_scripts_and_punctuation():
    assert normalise_name("「光明議事廳」") == normalise_name("“光明议事厅”") == "光明议事厅"


def test_calibration_counts_a_fact_of_several_cases_once_as_the_graph_does(annotated):
    gold, docs = annotated
    sample = next(d for d in training.label_gold([gold], [docs]) if d.gold.doc == "sample-cases.md")
    extractions = training.decide_document(sample, training.fit_model([sample]))
    keys = [(c.type, c.canonical) for e in extractions for c in entity_candidates(e.mentions)]
    assert len(keys) > len(set(keys)), "the test needs a fact named in two cases"
    entities, _ = training.fact_outcomes(sample.gold, extractions)
    assert len(entities) == len(set(keys))


def test_a_proposal_is_kept_when_the_model_is_sure_it_is_something_though_unsure_of_what():
    classes = ("Committee", NONE, "VolunteerTeam")
    split = (0.36, 0.3, 0.34)
    assert _decision(split, classes, (), lambda _: True, drop=0.95, propose=0.6) == [("Committee", 0.36)]
    assert _decision((0.2, 0.6, 0.2), classes, (), lambda _: True, drop=0.95, propose=0.6) == []


@pytest.mark.parametrize("text", ["街道总结出“两全”工作法。街道将继续以“两全”导向促进融合，以“双圈”导向促进服务。",
                                  "“两全”跑出加速度\n社区组建“两全”志愿服务队，以“双圈”导向促进服务。"])
def test_the_quoted_words_of_a_body_or_way_named_with_its_type_word_are_no_proposal(text):
    document, case = text_case(text)
    extraction = rule_extractions(document, [case], load_lexicon(), propose=True)[0]
    proposed = {m.canonical for m in extraction.mentions if m.evidence.rule.startswith("proposal:")}
    assert "两全" not in proposed and "双圈" in proposed, proposed


def test_a_name_the_rules_typed_is_proposed_under_no_other_type():
    document, case = text_case("“积分超市”激发新动力\n村党支部推行“积分超市”。镇政府安排资金支持积分超市运营。")
    extraction = rule_extractions(document, [case], load_lexicon(), propose=True)[0]
    types = {m.type for m in extraction.mentions if m.canonical == "积分超市"}
    assert types == {"Project"}, types
