"""Training on gold annotations, and honest evaluation by leaving one document out.

Each gold document is read and run through the rules once; its candidates are
labelled from its gold. A model is then fitted on the labelled candidates of the
documents it may see: all of them for ``train``, all but one for each fold of
``cross_validate``, whose held-out predictions are pooled into one graph. A model's
confidence is calibrated on how its decisions fared on documents it did not see.
"""
from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from extract.calibration import Outcome, fit_calibration, fit_calibrations
from extract.gold import GoldDocument, document_path, read_gold
from extract.learned import (case_candidates, decide_case, document_counts, entity_candidates, entity_label,
                             gold_relation_index, pair_label, pair_rows)
from extract.lexicon import load_lexicon
from extract.model import ExtractionModel, Features, fit
from extract.pipeline import rule_extractions
from extract.aliases import merge_aliases
from graph.jsonio import write_graph_json
from graph.model import CaseGraph, build_case_graph, to_networkx
from graph.records import CaseExtraction, Document, Problem
from loaders.load import LoadOptions, load_documents

Progress = Callable[[str], None]


@dataclass(frozen=True)
class LabelledDocument:
    """One gold document read, its rule candidates, and their labels from the gold."""

    gold: GoldDocument
    document: Document
    extractions: tuple[CaseExtraction, ...]
    entity_rows: tuple[Features, ...]
    entity_labels: tuple[str, ...]
    pair_rows: tuple[Features, ...]
    pair_labels: tuple[str, ...]


def label_document(gold: GoldDocument, document_folders: Sequence[Path] = ()) -> LabelledDocument:
    lexicon = load_lexicon()
    path = document_path(gold, list(document_folders))
    loaded = load_documents([path], LoadOptions())
    if not loaded.documents:
        problem = loaded.problems[0] if loaded.problems else Problem(str(path), "could not be read")
        raise ValueError(str(problem))
    document = loaded.documents[0]
    extractions = rule_extractions(document, loaded.cases, lexicon, propose=True)
    counts = document_counts(extractions)
    relations = gold_relation_index(gold)
    entity_rows, entity_labels, rows, labels = [], [], [], []
    for extraction in extractions:
        candidates = case_candidates(extraction, lexicon, counts)
        entity_rows.extend(candidates.entity_rows)
        entity_labels.extend(entity_label(c, gold) for c in candidates.entities)
        rows.extend(pair_rows(extraction, candidates.pairs, lexicon))
        labels.extend(pair_label(p, gold, relations) for p in candidates.pairs)
    return LabelledDocument(gold, document, tuple(extractions), tuple(entity_rows), tuple(entity_labels),
                            tuple(rows), tuple(labels))


def label_gold(gold_folders: Sequence[str | Path], document_folders: Sequence[str | Path] = (),
               progress: Progress | None = None) -> list[LabelledDocument]:
    """Every gold document of the folders, labelled (a document that cannot be read is a clear error)."""
    labelled = []
    for gold in read_gold([Path(f) for f in gold_folders]):
        if progress:
            progress(gold.doc)
        labelled.append(label_document(gold, [Path(f) for f in document_folders]))
    return labelled


def fit_model(documents: Sequence[LabelledDocument], source: str = "") -> ExtractionModel:
    entity_rows = [row for d in documents for row in d.entity_rows]
    entity_labels = [label for d in documents for label in d.entity_labels]
    pair_rows_ = [row for d in documents for row in d.pair_rows]
    pair_labels = [label for d in documents for label in d.pair_labels]
    return ExtractionModel(entities=fit(entity_rows, entity_labels), relations=fit(pair_rows_, pair_labels),
                           source=source)


CALIBRATION_FOLDS = 5  # held-out folds whose decisions calibrate a trained model's confidence


def train(gold_folders: Sequence[str | Path], out: str | Path, document_folders: Sequence[str | Path] = (),
          progress: Progress | None = None) -> ExtractionModel:
    """Fit a model on every gold document of the folders, calibrate it on held-out folds, save it to ``out``."""
    documents = label_gold(gold_folders, document_folders, progress)
    folds = [documents[k::CALIBRATION_FOLDS] for k in range(min(CALIBRATION_FOLDS, len(documents)))]
    held_out = held_out_decisions(documents, folds)
    model = calibrated(fit_model(documents, source=str(out)), held_out)
    model.save(out)
    return model


def decide_document(labelled: LabelledDocument, model: ExtractionModel) -> list[CaseExtraction]:
    lexicon = load_lexicon()
    counts = document_counts(list(labelled.extractions))
    return [decide_case(extraction, model, lexicon, counts) for extraction in labelled.extractions]


@dataclass(frozen=True)
class HeldOut:
    """A document decided by a model that never saw it, and how each of its facts fared against its gold."""

    labelled: LabelledDocument
    model: ExtractionModel
    entities: tuple[Outcome, ...]
    relations: tuple[Outcome, ...]


def held_out_decisions(documents: Sequence[LabelledDocument], folds: Sequence[Sequence[LabelledDocument]]
                       ) -> list[HeldOut]:
    """Each fold decided by a model fitted on the documents outside it (a fold with nothing outside is skipped)."""
    decided = []
    for fold in folds:
        rest = [d for d in documents if all(d is not f for f in fold)]
        if not rest:
            continue
        model = fit_model(rest)
        decided.extend(HeldOut(d, model, *fact_outcomes(d.gold, decide_document(d, model))) for d in fold)
    return decided


def fact_outcomes(gold: GoldDocument, extractions: list[CaseExtraction]
                  ) -> tuple[tuple[Outcome, ...], tuple[Outcome, ...]]:
    """Every entity and every relation of the document's graph, with its score and whether the gold has it
    (same type, same ends). As in the graph, a fact decided in several cases is one fact with its best score."""
    relations = gold_relation_index(gold)
    entities: dict[tuple[str, str], Outcome] = {}
    links: dict[tuple[str, str, str], Outcome] = {}
    for extraction in extractions:
        for candidate in entity_candidates(extraction.mentions):
            found = gold.match(candidate.type, candidate.names())
            right = found is not None and found.type == candidate.type
            _keep_best(entities, candidate.key, Outcome(candidate.mentions[0].confidence, right))
        for relation in extraction.relations:
            source, target = (gold.match(m.type, [m.canonical, *([] if m.implicit else [m.text])])
                              for m in (relation.source, relation.target))
            right = bool(source and target and any(r.type == relation.type
                                                    for r in relations.get((source.id, target.id), ())))
            key = (relation.type, relation.source.canonical, relation.target.canonical)
            _keep_best(links, key, Outcome(relation.confidence, right, relation.type))
    return tuple(entities.values()), tuple(links.values())


def _keep_best(outcomes: dict, key: tuple, outcome: Outcome) -> None:
    if key not in outcomes or outcome.score > outcomes[key].score:
        outcomes[key] = outcome


def calibrated(model: ExtractionModel, held_out: Sequence[HeldOut]) -> ExtractionModel:
    """The model with each part's confidence calibrated on how these held-out decisions fared."""
    by_type, other_types = fit_calibrations([o for h in held_out for o in h.relations])
    return replace(model, entity_calibration=fit_calibration([o for h in held_out for o in h.entities]),
                   relation_calibration=other_types, relation_calibration_by_type=by_type)


def cross_validate(documents: Sequence[LabelledDocument], progress: Progress | None = None) -> CaseGraph:
    """Leave one document out: each document decided by a model fitted on all the others, its confidence
    calibrated on the others' held-out decisions; pooled into one graph."""
    return _pooled_graph(documents, held_out_extractions(documents, progress))


def held_out_extractions(documents: Sequence[LabelledDocument], progress: Progress | None = None
                         ) -> list[CaseExtraction]:
    """Every document's cases as decided by a model that never saw that document."""
    held_out = []
    for document in documents:
        if progress:
            progress(document.gold.doc)
        held_out.extend(held_out_decisions(documents, [[document]]))
    extractions: list[CaseExtraction] = []
    for one in held_out:
        others = [other for other in held_out if other is not one]
        extractions.extend(decide_document(one.labelled, calibrated(one.model, others)))
    return extractions


def _pooled_graph(documents: Sequence[LabelledDocument], extractions: list[CaseExtraction]) -> CaseGraph:
    ids = {d.document.id for d in documents}
    chosen = [e for e in extractions if e.case.document in ids]
    graph = build_case_graph([d.document for d in documents], [e.case for e in chosen], chosen)
    merge_aliases(graph)
    return graph


CONFIDENT = 0.8  # the confidence a researcher may trust: facts at or above it should be right 85% of the time


def evaluate(gold_folders: Sequence[str | Path], out: str | Path, document_folders: Sequence[str | Path] = (),
             progress: Progress | None = None) -> list[Path]:
    """Cross-validate over the gold folders; write the pooled graph, its confident part, and the gold beside them,
    and, given several folders, each folder's held-out graph and gold under by-folder/."""
    out = Path(out)
    documents = label_gold(gold_folders, document_folders)
    extractions = held_out_extractions(documents, progress)
    graph = _pooled_graph(documents, extractions)
    paths = [write_graph_json(to_networkx(graph), out / "graph.json")]
    graph.drop_below(CONFIDENT)
    paths.append(write_graph_json(to_networkx(graph), out / "confident" / "graph.json"))
    paths.append(_copy_gold(documents, out / "gold"))
    if len(gold_folders) > 1:  # each folder's documents on their own: a new set (other cities) beside the old
        for folder in map(Path, gold_folders):
            own = [d for d in documents if d.gold.path.parent.resolve() == folder.resolve()]
            part = out / "by-folder" / "-".join(folder.resolve().parts[-2:])
            paths.append(write_graph_json(to_networkx(_pooled_graph(own, extractions)), part / "graph.json"))
            paths.append(_copy_gold(own, part / "gold"))
    return paths


def _copy_gold(documents: Sequence[LabelledDocument], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for labelled in documents:
        shutil.copyfile(labelled.gold.path, folder / labelled.gold.path.name)
    return folder
