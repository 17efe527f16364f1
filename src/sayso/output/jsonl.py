"""One JSON object per line per document (``records.document_record``)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from ..model import Document, Extraction
from .records import document_record


def write_jsonl(results: Iterable[tuple[Document, Extraction]], out: TextIO) -> None:
    """Write one line per document (the prediction format the scorers read)."""
    for document, extraction in results:
        out.write(json.dumps(document_record(document, extraction), ensure_ascii=False) + "\n")
