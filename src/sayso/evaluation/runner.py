"""Run an extractor over a PolNeAR split and score what it finds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterable, TextIO

from ..model import Document, Extraction
from .polnear import load_split
from .predictions import PredictionSet
from .scorer import ROLES, report

Predict = Callable[[Iterable[Document]], Iterable[Extraction]]


def prediction_record(extraction: Extraction) -> dict:
    """The prediction-format object of one extraction (roles only)."""
    return {"doc_id": extraction.doc_id,
            "attributions": [{role: getattr(a, role) for role in ROLES}
                             for a in extraction.attributions]}


def predictions_to_jsonl(extractions: Iterable[Extraction], handle: TextIO) -> int:
    """Write one prediction line per extraction; return how many were written."""
    written = 0
    for extraction in extractions:
        handle.write(json.dumps(prediction_record(extraction)) + "\n")
        written += 1
    return written


def evaluate(root: Path | str, split: str, predict: Predict,
             predictions_out: TextIO | None = None) -> dict:
    """Score ``predict`` on a split; the result is the reference's ``--json`` object.

    ``predict`` receives the split's documents (doc_id and text) and yields
    one Extraction per document; documents it skips count as predicting
    nothing.  Its output is validated like a prediction file (offsets inside
    the text, each doc_id once) and, when ``predictions_out`` is given, also
    written there as JSONL.
    """
    documents = load_split(Path(root), split)
    predictions = PredictionSet({doc.doc_id: doc.text for doc in documents})
    inputs = [Document(doc_id=doc.doc_id, text=doc.text) for doc in documents]
    for extraction in predict(inputs):
        record = prediction_record(extraction)
        predictions.add(record, f"prediction for {extraction.doc_id!r}")
        if predictions_out is not None:  # only validated records reach the file
            predictions_out.write(json.dumps(record) + "\n")
    return report(split, documents, predictions.by_doc, predictions.unknown)
