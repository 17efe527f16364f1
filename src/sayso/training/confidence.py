"""Fitting the confidence model (``make train``, after the CRFs).

    python -m sayso.training.confidence --data ../shared/data/polnear \
        --holdout-models /tmp/holdout_crfs --holdout 100

The CRFs in ``--holdout-models`` were trained on PolNeAR train less its last
``--holdout`` articles (``python -m sayso.training.crf --holdout 100 --out
...``). They are run, with every rule after them, over those articles;
each record is labelled right when the reference scorer's partial match
pairs it with a gold attribution (its content and source overlap the
gold's, one to one). A logistic regression over
``attribution.confidence.FEATURES`` is fitted to the labels (L2, Newton's
method), its calibration checked by 5-fold cross-validation, and the
default threshold chosen: the highest that keeps at least 97% of the
hold-out recall of keeping everything. Dev is never used.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from ..attribution.alignment import TokenOffsets
from ..attribution.confidence import CONFIDENCE_MODEL, FEATURES, feature_vector
from ..attribution.tagger import default_model_dir
from ..evaluation.polnear import load_split
from ..evaluation.scorer import CanonicalSide, TokenIndex, attribution_pair
from ..extraction import build_attributor
from ..nlp.pipeline import load_nlp

L2 = 1.0
RECALL_KEPT = 0.97
GRID = [round(t, 2) for t in np.arange(0.0, 0.96, 0.05)]


def holdout_records(data: Path, holdout: int, models: Path) -> list[tuple[list[float], int, str, int]]:
    """(features, gold count of its document, doc id, index) per record, and
    the labels, for the hold-out articles."""
    documents = load_split(data, "train")[-holdout:]
    zero = {"features": list(FEATURES), "weights": [0.0] * len(FEATURES), "threshold": 0.0}
    attribute = build_attributor("default", 0.0, models, zero)
    nlp = load_nlp()
    rows = []
    for gold, doc in zip(documents, nlp.pipe((d.text for d in documents), batch_size=16)):
        found = attribute(doc, None, None)
        offsets = TokenOffsets(doc)
        vectors = [feature_vector(doc, offsets, a) for a in found]
        rows.append((gold, found, vectors))
    return rows


def matched(gold, predictions) -> set[int]:
    """Indices of the predictions the reference scorer's partial match pairs
    with a gold attribution (greedy, one to one, best overlap first)."""
    index = TokenIndex(gold.text)
    gold_side, pred_side = CanonicalSide(gold.attributions, index), CanonicalSide(predictions, index)
    pairs = []
    for i, p in enumerate(pred_side.attributions):
        for j, g in enumerate(gold_side.attributions):
            pair = attribution_pair(p, g)
            if pair is not None:
                pairs.append((pair[0], i, j))
    pairs.sort(key=lambda c: (c[1], c[2]))
    pairs.sort(key=lambda c: c[0], reverse=True)
    used_pred, used_gold = set(), set()
    for _, i, j in pairs:
        if i not in used_pred and j not in used_gold:
            used_pred.add(i)
            used_gold.add(j)
    return used_pred


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    """Weights of an L2-regularised logistic regression (bias not penalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def calibration(x: np.ndarray, y: np.ndarray, folds: int = 5) -> dict:
    """Out-of-fold expected calibration error (10 bins) and Brier score."""
    order = np.arange(len(y)) % folds
    out = np.zeros(len(y))
    for k in range(folds):
        w = fit_logistic(x[order != k], y[order != k])
        out[order == k] = 1.0 / (1.0 + np.exp(-x[order == k] @ w))
    bins = np.minimum((out * 10).astype(int), 9)
    ece = sum(abs(out[bins == b].mean() - y[bins == b].mean()) * (bins == b).sum()
              for b in range(10) if (bins == b).any()) / len(y)
    return {"ece": round(float(ece), 4), "brier": round(float(((out - y) ** 2).mean()), 4)}


def tradeoff(rows, weights: np.ndarray) -> list[dict]:
    """Hold-out attribution P / R / F1 (partial) at each threshold."""
    table = []
    gold_total = sum(len(gold.attributions) for gold, _, _ in rows)
    for threshold in GRID:
        hits = kept = 0
        for gold, found, vectors in rows:
            scores = [1.0 / (1.0 + np.exp(-np.dot(weights, v))) for v in vectors]
            keep = [a for a, s in zip(found, scores) if s >= threshold]
            kept += len(keep)
            hits += len(matched(gold, keep))
        p, r = (hits / kept if kept else 0.0), hits / gold_total
        table.append({"threshold": threshold, "precision": round(p, 4), "recall": round(r, 4),
                      "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4), "records": kept})
    return table


def choose_threshold(table: list[dict]) -> float:
    floor = table[0]["recall"] * RECALL_KEPT
    return max(row["threshold"] for row in table if row["recall"] >= floor)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--holdout-models", type=Path, required=True)
    parser.add_argument("--holdout", type=int, default=100)
    parser.add_argument("--out", type=Path, default=default_model_dir() / CONFIDENCE_MODEL)
    args = parser.parse_args(argv)
    rows = holdout_records(args.data, args.holdout, args.holdout_models)
    xs, ys = [], []
    for gold, found, vectors in rows:
        right = matched(gold, found)
        xs += vectors
        ys += [1.0 if k in right else 0.0 for k in range(len(found))]
    x, y = np.array(xs), np.array(ys)
    weights = fit_logistic(x, y)
    table = tradeoff(rows, weights)
    threshold = choose_threshold(table)
    model = {"features": list(FEATURES), "weights": [round(float(w), 5) for w in weights],
             "threshold": threshold,
             "fitted_on": f"PolNeAR train, last {args.holdout} articles, scored by CRFs "
                          f"trained on the other {len(load_split(args.data, 'train')) - args.holdout}",
             "records": len(y), "right": int(y.sum()),
             "calibration_5_fold": calibration(x, y), "tradeoff": table}
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: model[k] for k in ("weights", "threshold", "records", "right",
                                            "calibration_5_fold")}))
    for row in table:
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
