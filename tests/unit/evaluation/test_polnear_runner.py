"""Running a predictor over a split and scoring it in one call."""

from __future__ import annotations

import io
import json

import pytest

from sayso.errors import InputError
from sayso.evaluation.polnear import load_split
from sayso.evaluation.runner import evaluate, predictions_to_jsonl
from sayso.model import Attribution, Document, Extraction


def gold_predictor(root):
    gold = {d.doc_id: d.attributions for d in load_split(root, "dev")}

    def predict(documents):
        for document in documents:
            assert isinstance(document, Document) and document.text
            yield Extraction(document.doc_id, gold[document.doc_id])

    return predict


def test_gold_predictor_scores_one(mini_root):
    result = evaluate(mini_root, "dev", gold_predictor(mini_root))
    assert result["split"] == "dev" and result["unknown_doc_ids"] == []
    assert result["attribution_partial_f1"] == result["attribution_strict_f1"] == 1.0
    assert result["counts"]["predicted_documents"] == 4


def test_skipped_and_unknown_documents(mini_root):
    def predict(documents):
        first = next(iter(documents))
        yield Extraction(first.doc_id, [])
        yield Extraction("not-in-the-split", [Attribution([], [], [(0, 10**6)])])

    result = evaluate(str(mini_root), "dev", predict)
    assert result["counts"]["predicted_documents"] == 1
    assert result["counts"]["predicted_attributions"] == 0
    assert result["unknown_doc_ids"] == ["not-in-the-split"]
    assert result["attribution_partial_f1"] == 0.0


def test_offsets_outside_the_text_are_an_input_error(mini_root):
    def predict(documents):
        for document in documents:
            yield Extraction(document.doc_id, [Attribution([], [], [(0, len(document.text) + 1)])])

    with pytest.raises(InputError, match="outside"):
        evaluate(mini_root, "dev", predict)


def test_a_document_predicted_twice_is_an_input_error(mini_root):
    def predict(documents):
        first = next(iter(documents))
        return [Extraction(first.doc_id, []), Extraction(first.doc_id, [])]

    with pytest.raises(InputError, match="appears twice"):
        evaluate(mini_root, "dev", predict)


def test_predictions_to_jsonl_writes_the_prediction_format():
    extraction = Extraction("d1", [Attribution([], [(3, 7)], [(10, 20), (25, 30)],
                                               kind="direct", score=0.5)])
    handle = io.StringIO()
    assert predictions_to_jsonl([extraction, Extraction("d2", [])], handle) == 2
    lines = handle.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == [
        {"doc_id": "d1", "attributions": [
            {"source": [], "cue": [[3, 7]], "content": [[10, 20], [25, 30]]}]},
        {"doc_id": "d2", "attributions": []},
    ]


def test_written_predictions_score_the_same_with_the_reference(mini_root, reference, tmp_path):
    def predict(documents):
        for document in documents:
            # Whole sentences as contents, no sources: a crude baseline.
            spans = [(m, min(m + 40, len(document.text))) for m in range(0, len(document.text), 60)]
            yield Extraction(document.doc_id, [Attribution([], [], [s]) for s in spans])

    pred = tmp_path / "pred.jsonl"
    with open(pred, "w", encoding="utf-8") as handle:
        result = evaluate(mini_root, "dev", predict, predictions_out=handle)
    expected = reference("score", "--root", mini_root, "--split", "dev", "--pred", pred, "--json")
    assert json.loads(expected) == result
    assert result["counts"]["predicted_attributions"] > 0
