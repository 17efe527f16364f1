"""JSON Lines feeds (``.jsonl``, ``.jsonl.gz``) -> Documents, one per line.

Each line is an object with ``text`` (required) and optionally ``url``,
``title``, ``published``, ``publisher``, ``author`` and ``id``. A bad line
is yielded as an InputError naming the file and line; the rest go on. A
truncated gzip stops the file with one error after its good lines.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .dates import parse_published

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
_OPTIONAL_TEXT_FIELDS = ("url", "title", "publisher", "author")


def iter_jsonl(path: Path) -> Iterator[Document | InputError]:
    """The documents of one feed, errors in place."""
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if raw.strip():
                    yield _attempt(raw, path, number)
    except OSError as exc:
        yield InputError(f"{path}: {_reason(exc)}")
    except (EOFError, zlib.error) as exc:
        yield InputError(f"{path}: truncated or corrupt gzip ({exc})")


def _attempt(raw: bytes, path: Path, number: int) -> Document | InputError:
    where = f"{path}:{number}"
    try:
        return record_document(json.loads(raw), path.name.split(".")[0], where)
    except InputError as exc:
        return exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return InputError(f"{where}: not a JSON object ({exc.__class__.__name__}: {exc})")


def record_document(record, stem: str, where: str) -> Document:
    """A Document from one decoded record; InputError when it has no text."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: no 'text' field")
    fields = {name: record[name] if isinstance(record.get(name), str) else None
              for name in _OPTIONAL_TEXT_FIELDS}
    doc_id = str(record["id"]) if isinstance(record.get("id"), (str, int)) else f"{stem}-{where.rsplit(':', 1)[1]}"
    return Document(doc_id=doc_id, text=text, date=parse_published(record.get("published")),
                    path=where, format="jsonl", **fields)


def _reason(exc: OSError) -> str:
    if isinstance(exc, gzip.BadGzipFile):
        return f"not a gzip file ({exc})"
    return (exc.strerror or str(exc)).lower()
