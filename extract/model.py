"""The statistical layer's models: multinomial logistic regressions over named features.

A model is stored as JSON (feature names, classes, weights), so a trained model is
text a researcher can read, diff and ship, and loading one runs no code. Training
uses scikit-learn; prediction is a dot product and a softmax in numpy.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
from scipy import sparse

from extract.calibration import Calibration

Features = dict[str, float]
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent / "default_model"
MODEL_FILES = {"entities": "entities.json", "relations": "relations.json"}
NONE = "NONE"  # the class of a candidate that is no entity or no relation
SEED = 13
REGULARISATION = 0.5  # inverse strength (scikit-learn's C): chosen by cross-validation over the shared gold


@dataclass(frozen=True)
class LinearModel:
    """Weights per (feature, class); a candidate's class probabilities are a softmax of its summed weights."""

    classes: tuple[str, ...]
    features: dict[str, int]
    weights: np.ndarray  # features × classes
    bias: np.ndarray

    def probabilities(self, rows: list[Features]) -> np.ndarray:
        at_row, at_column, values = [], [], []
        for i, row in enumerate(rows):
            for name, value in row.items():
                column = self.features.get(name)
                if column is not None:
                    at_row.append(i)
                    at_column.append(column)
                    values.append(value)
        matrix = sparse.csr_matrix((values, (at_row, at_column)), shape=(len(rows), len(self.features)))
        scores = matrix @ self.weights + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def to_json(self) -> dict:
        names = sorted(self.features, key=self.features.get)
        return {"classes": list(self.classes), "bias": [round(float(b), 4) for b in self.bias],
                "weights": {name: [round(float(w), 4) for w in self.weights[self.features[name]]]
                            for name in names}}

    @classmethod
    def from_json(cls, data: dict) -> LinearModel:
        names = list(data["weights"])
        weights = np.array([data["weights"][n] for n in names], dtype=float).reshape(len(names), len(data["classes"]))
        return cls(classes=tuple(data["classes"]), features={n: i for i, n in enumerate(names)}, weights=weights,
                   bias=np.array(data["bias"], dtype=float))


def fit(rows: list[Features], labels: list[str], regularisation: float = REGULARISATION) -> LinearModel:
    """A logistic regression of the labels on the features (fixed seed: the same data gives the same model)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform(rows)
    classes = sorted(set(labels) | {NONE})
    if len(set(labels)) < 2:  # nothing to learn: everything is of the one class seen
        weights = np.zeros((matrix.shape[1], len(classes)))
        bias = np.array([10.0 if c == labels[0] else 0.0 for c in classes]) if labels else np.zeros(len(classes))
        return LinearModel(tuple(classes), dict(vectorizer.vocabulary_), weights, bias)
    regression = LogisticRegression(C=regularisation, max_iter=3000, random_state=SEED)
    regression.fit(matrix, labels)
    weights = np.zeros((matrix.shape[1], len(classes)))
    bias = np.full(len(classes), -30.0)
    learned = list(regression.classes_)
    coefficients, intercepts = regression.coef_, regression.intercept_
    if len(learned) == 2:  # scikit-learn keeps one row for two classes: the second class against the first
        coefficients = np.vstack([-coefficients[0] / 2, coefficients[0] / 2])
        intercepts = np.array([-intercepts[0] / 2, intercepts[0] / 2])
    for row, name in enumerate(learned):
        weights[:, classes.index(name)] = coefficients[row]
        bias[classes.index(name)] = intercepts[row]
    return LinearModel(tuple(classes), dict(vectorizer.vocabulary_), weights, bias)


@dataclass(frozen=True)
class Thresholds:
    """Where the model overrules the rules. A candidate a rule found stays, with the rule's type, unless the
    model gives "none" at least ``*_drop``; a bare proposal is kept when its chance of being of any type reaches
    ``*_proposal``."""

    entity_drop: float = 0.95
    entity_proposal: float = 0.6
    relation_drop: float = 0.98
    relation_proposal: float = 0.6


@dataclass(frozen=True)
class ExtractionModel:
    """What a build needs from training: which candidates are entities (and of which type), which pairs relate,
    and how sure a kept one is (each part's calibration)."""

    entities: LinearModel
    relations: LinearModel
    thresholds: Thresholds = field(default_factory=lambda: Thresholds())
    source: str = ""
    entity_calibration: Calibration = Calibration()
    relation_calibration: Calibration = Calibration()  # the relation types without a map of their own
    relation_calibration_by_type: dict[str, Calibration] = field(default_factory=dict)

    def relation_confidence(self, rel_type: str, probability: float) -> float:
        """How often a relation of this type so scored held on documents the model did not see."""
        return self.relation_calibration_by_type.get(rel_type, self.relation_calibration)(probability)

    def save(self, folder: str | Path) -> Path:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        calibrations = {"entities": self.entity_calibration, "relations": self.relation_calibration}
        by_type = {"entities": {}, "relations": self.relation_calibration_by_type}
        for part, file_name in MODEL_FILES.items():
            data = {**getattr(self, part).to_json(), "thresholds": asdict(self.thresholds),
                    "calibration": calibrations[part].to_json(),
                    "calibration_by_type": {kind: c.to_json() for kind, c in by_type[part].items()}}
            (folder / file_name).write_text(_one_feature_a_line(data), encoding="utf-8")
        return folder


def _one_feature_a_line(data: dict) -> str:
    """JSON with a line per feature: small, and a retrained model's diff shows what moved."""
    head = {key: value for key, value in data.items() if key != "weights"}
    lines = [f"{json.dumps(name, ensure_ascii=False)}: {json.dumps(weights)}" for name, weights in data["weights"].items()]
    return (json.dumps(head, ensure_ascii=False, sort_keys=True)[:-1] + ', "weights": {\n'
            + ",\n".join(lines) + "\n}}\n")


def load_model(folder: str | Path) -> ExtractionModel:
    """A model saved by ``casegraph train``; a clear error when the folder holds none."""
    folder = Path(folder)
    parts = {}
    for part, file_name in MODEL_FILES.items():
        path = folder / file_name
        if not path.is_file():
            raise FileNotFoundError(f"{folder}: no trained model here ({file_name} is missing; "
                                    f"run `casegraph train GOLD_DIR --out {folder}`)")
        try:
            parts[part] = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise ValueError(f"{path}: not a model file ({error})") from None
    return ExtractionModel(entities=LinearModel.from_json(parts["entities"]),
                           relations=LinearModel.from_json(parts["relations"]),
                           thresholds=Thresholds(**parts["entities"].get("thresholds", {})), source=str(folder),
                           entity_calibration=Calibration.from_json(parts["entities"].get("calibration", ())),
                           relation_calibration=Calibration.from_json(parts["relations"].get("calibration", ())),
                           relation_calibration_by_type={
                               kind: Calibration.from_json(points)
                               for kind, points in parts["relations"].get("calibration_by_type", {}).items()})


@cache
def default_model() -> ExtractionModel | None:
    """The model shipped with casegraph (trained on the shared gold), or None where it is missing."""
    return load_model(DEFAULT_MODEL_DIR) if (DEFAULT_MODEL_DIR / MODEL_FILES["entities"]).is_file() else None
