"""Prediction files for the scorer: JSONL records read and validated.

One ``{"doc_id", "attributions"}`` object per line; each attribution needs
``source``, ``cue`` and ``content`` as lists of ``[start, end]`` fragments
inside the document's text. Malformed input raises a one-line InputError
naming the line.
"""

from __future__ import annotations

import json
import os
from typing import Iterable, Mapping

from ..errors import InputError
from ..model import Attribution, Fragment
from .scorer import ROLES


def _is_offset(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_span(value, text_length: int, where: str) -> list[Fragment]:
    """Validated fragments of one role: sorted, distinct, empty ones dropped."""
    if not isinstance(value, list | tuple):
        raise InputError(f"{where}: expected a list of [start, end] fragments")
    fragments = set()
    for fragment in value:
        if not (isinstance(fragment, list | tuple) and len(fragment) == 2
                and all(map(_is_offset, fragment))):
            raise InputError(f"{where}: fragment {fragment!r} is not [start, end]")
        start, end = fragment
        if not 0 <= start <= end <= text_length:
            raise InputError(f"{where}: fragment {fragment!r} outside 0..{text_length}")
        if start < end:  # an empty fragment covers nothing
            fragments.add((start, end))
    return sorted(fragments)


def parse_attribution(item, text_length: int, where: str) -> Attribution:
    """One predicted attribution from its JSON object (other keys ignored)."""
    if not isinstance(item, dict):
        raise InputError(f"{where}: expected an object")
    missing = [role for role in ROLES if role not in item]
    if missing:
        raise InputError(f"{where}: missing {', '.join(missing)}")
    return Attribution(*(parse_span(item[role], text_length, f"{where} {role}")
                         for role in ROLES))


class PredictionSet:
    """Predictions per known doc_id, and the unknown doc_ids in arrival order."""

    def __init__(self, texts: Mapping[str, str]):
        self.texts = texts
        self.by_doc: dict[str, list[Attribution]] = {}
        self.unknown: list[str] = []

    def add(self, record, where: str) -> None:
        """Validate one ``{"doc_id", "attributions"}`` record and keep it."""
        if not isinstance(record, dict) or not isinstance(record.get("doc_id"), str):
            raise InputError(f"{where}: expected an object with a string doc_id")
        doc_id = record["doc_id"]
        if doc_id in self.by_doc or doc_id in self.unknown:
            raise InputError(f"{where}: doc_id {doc_id!r} appears twice")
        if doc_id not in self.texts:
            self.unknown.append(doc_id)  # reported, never validated further
            return
        items = record.get("attributions")
        if not isinstance(items, list | tuple):
            raise InputError(f"{where}: 'attributions' must be a list")
        length = len(self.texts[doc_id])
        self.by_doc[doc_id] = [parse_attribution(item, length, f"{where} attribution {i}")
                               for i, item in enumerate(items)]


def _read_jsonl(lines: Iterable[str], predictions: PredictionSet, name: str) -> None:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not JSON ({exc.msg})") from None
        predictions.add(record, where)


def load_predictions_jsonl(path_or_lines: str | os.PathLike | Iterable[str],
                           texts: Mapping[str, str], name: str | None = None
                           ) -> tuple[dict[str, list[Attribution]], list[str]]:
    """Parse prediction JSONL into ({doc_id: attributions}, unknown doc_ids).

    A ``str`` or path is a file to read; anything else (an open handle,
    ``sys.stdin``, a list) is an iterable of lines.  ``name`` labels error
    messages.  Malformed input raises a one-line InputError naming the line.
    """
    predictions = PredictionSet(texts)
    if isinstance(path_or_lines, str | os.PathLike):
        name = name or os.fspath(path_or_lines)
        try:
            with open(path_or_lines, encoding="utf-8") as handle:
                _read_jsonl(handle, predictions, name)
        except UnicodeDecodeError:
            raise InputError(f"{name}: not UTF-8") from None
        except OSError as exc:
            raise InputError(f"cannot read {name}: {exc.strerror}") from None
    else:
        _read_jsonl(path_or_lines, predictions, name or "<predictions>")
    return predictions.by_doc, predictions.unknown
