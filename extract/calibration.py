"""Confidence that means what it says: a model's scores mapped to how often such facts were right.

A logistic model's probability is not yet the share of facts that hold: regularisation
and the rules' own decisions bend it. Training therefore decides documents the model
did not see (held-out folds), notes for each fact its score and whether the gold has
it, and fits an isotonic (monotone) map from score to that share. The map keeps the
order of the facts, so it changes no decision, only the confidence a researcher reads.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


FLOOR = 0.01  # a fact the model kept is never held certainly wrong


@dataclass(frozen=True)
class Calibration:
    """A monotone map from a model's score to the share of facts so scored that were right (points between
    which it interpolates); no points is the identity."""

    scores: tuple[float, ...] = ()
    shares: tuple[float, ...] = ()

    def __call__(self, score: float) -> float:
        if not self.scores:
            return score
        return float(np.interp(score, self.scores, self.shares))

    def to_json(self) -> list[list[float]]:
        return [[score, share] for score, share in zip(self.scores, self.shares)]

    @classmethod
    def from_json(cls, points: Sequence[Sequence[float]]) -> Calibration:
        return cls(tuple(float(p[0]) for p in points), tuple(float(p[1]) for p in points))


@dataclass(frozen=True)
class Outcome:
    """One fact decided on a document its model never saw: the model's score, whether the gold has it, and its kind
    (a relation's type)."""

    score: float
    right: bool
    kind: str = ""


MIN_KIND_OUTCOMES = 60  # held-out facts of one kind that calibrate it on its own; fewer share one map


def fit_calibrations(outcomes: Sequence[Outcome]) -> tuple[dict[str, Calibration], Calibration]:
    """A map for each kind with enough held-out facts of both outcomes, so a kind the model is too sure of (LEADS
    read from a cue) is not lifted by a surer one sharing its scores (PART_OF of nested places), and the one map
    the other kinds share, fitted on their facts alone."""
    by_kind: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_kind.setdefault(outcome.kind, []).append(outcome)
    own = {kind for kind, kept in by_kind.items() if len(kept) >= MIN_KIND_OUTCOMES and len({o.right for o in kept}) == 2}
    return ({kind: fit_calibration(by_kind[kind]) for kind in sorted(own)},
            fit_calibration([o for o in outcomes if o.kind not in own]))


def fit_calibration(outcomes: Sequence[Outcome]) -> Calibration:
    """The isotonic regression of rightness on score, kept as its corner points (identity without both kinds)."""
    if len({o.right for o in outcomes}) < 2:
        return Calibration()
    from sklearn.isotonic import IsotonicRegression

    regression = IsotonicRegression(y_min=FLOOR, y_max=1.0, out_of_bounds="clip")
    regression.fit([o.score for o in outcomes], [float(o.right) for o in outcomes])
    return Calibration(tuple(round(float(x), 4) for x in regression.X_thresholds_),
                       tuple(round(float(y), 4) for y in regression.y_thresholds_))
