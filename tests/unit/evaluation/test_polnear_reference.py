"""Our scorer against the reference scorer: same JSON, same table, same digits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sayso.evaluation.polnear import load_split
from sayso.evaluation.runner import predictions_to_jsonl
from sayso.evaluation.predictions import load_predictions_jsonl
from sayso.evaluation.scorer import format_json, format_table, report
from sayso.model import Attribution, Extraction

# Parametrisation needs the names at collection time, before any fixture runs.
MINI_PREDICTIONS = (Path(__file__).resolve().parents[3]
                    / "tests" / "fixtures" / "polnear_mini" / "predictions")
PREDICTION_FILES = sorted(p.name for p in MINI_PREDICTIONS.glob("*.jsonl"))


def our_result(root: Path, pred: Path) -> dict:
    documents = load_split(root, "dev")
    predictions, unknown = load_predictions_jsonl(pred, {d.doc_id: d.text for d in documents})
    return report("dev", documents, predictions, unknown)


def assert_same_as_reference(reference, root: Path, pred: Path) -> dict:
    ours = our_result(root, pred)
    args = ("score", "--root", root, "--split", "dev", "--pred", pred)
    expected_json = reference(*args, "--json")
    assert json.loads(expected_json) == ours
    assert format_json(ours) + "\n" == expected_json
    assert format_table(ours) + "\n" == reference(*args)
    return ours


def test_fixture_prediction_files_are_all_covered():
    assert {"perfect.jsonl", "canonical.jsonl", "partial.jsonl", "wrong_sources.jsonl",
            "empty.jsonl", "no_attributions.jsonl"} <= set(PREDICTION_FILES)


@pytest.mark.parametrize("name", PREDICTION_FILES)
def test_mini_corpus_scores_equal_the_reference(reference, mini_root, name):
    assert_same_as_reference(reference, mini_root, MINI_PREDICTIONS / name)


@pytest.mark.parametrize("name", ["perfect.jsonl", "canonical.jsonl"])
def test_gold_spans_and_their_canonical_variants_score_one(mini_root, name):
    result = our_result(mini_root, MINI_PREDICTIONS / name)
    assert result["attribution_strict_f1"] == 1.0
    assert all(m["f1"] == 1.0 for metrics in result["spans"].values() for m in metrics.values())


def test_partial_predictions_match_partially_but_not_strictly(mini_root):
    result = our_result(mini_root, MINI_PREDICTIONS / "partial.jsonl")
    assert result["unknown_doc_ids"] == ["not-in-the-split"]
    assert result["attribution"]["partial"]["matched"] > 0
    assert result["attribution_strict_f1"] == 0.0


def gold_extractions(documents) -> list[Extraction]:
    return [Extraction(d.doc_id, d.attributions) for d in documents]


def shifted(span, by: int, length: int):
    return [(min(max(s + by, 0), length), min(max(e + by, 0), length)) for s, e in span]


def perturbed(doc, index: int, attribution) -> list[Attribution]:
    """A deterministic mix of near misses, drops and extra attributions."""
    n, src, cue, con = len(doc.text), attribution.source, attribution.cue, attribution.content
    variants = [
        [attribution],
        [Attribution(shifted(src, 2, n), cue, shifted(con, 6, n))],
        [Attribution([], shifted(cue, -1, n), con)],
        [Attribution(cue, src, [(max(con[0][0] - 1, 0), min(con[-1][1] + 1, n))])],
        [],
        [attribution, Attribution(src, cue, shifted(con, -12, n))],
    ]
    return variants[index % len(variants)]


def test_real_dev_gold_against_itself_scores_one(polnear_root):
    documents = load_split(polnear_root, "dev")
    predictions = {d.doc_id: d.attributions for d in documents}
    result = report("dev", documents, predictions, [])
    assert result["attribution_partial_f1"] == result["attribution_strict_f1"] == 1.0
    assert all(m["f1"] == 1.0 for metrics in result["spans"].values() for m in metrics.values())
    assert result["counts"]["gold_attributions"] == 2192


def test_real_dev_gold_scores_like_the_reference(polnear_root, reference, tmp_path):
    pred = tmp_path / "gold.jsonl"
    with open(pred, "w", encoding="utf-8") as handle:
        predictions_to_jsonl(gold_extractions(load_split(polnear_root, "dev")), handle)
    assert_same_as_reference(reference, polnear_root, pred)


def test_real_dev_near_misses_score_like_the_reference(polnear_root, reference, tmp_path):
    documents = load_split(polnear_root, "dev")
    extractions = []
    for doc in documents[::-1]:
        found = [p for i, a in enumerate(doc.attributions) for p in perturbed(doc, i, a)]
        extractions.append(Extraction(doc.doc_id, found[::-1]))
    pred = tmp_path / "near.jsonl"
    with open(pred, "w", encoding="utf-8") as handle:
        predictions_to_jsonl(extractions, handle)
    result = assert_same_as_reference(reference, polnear_root, pred)
    assert 0.0 < result["attribution_strict_f1"] < result["attribution_partial_f1"] < 1.0
