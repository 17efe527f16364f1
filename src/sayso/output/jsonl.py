"""One JSON object per line per document: exactly ``Extraction.to_dict()``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from ..model import Document, Extraction


def write_jsonl(results: Iterable[tuple[Document, Extraction]], out: TextIO) -> None:
    """Write one line per document (the prediction format the scorers read)."""
    for _document, extraction in results:
        out.write(json.dumps(extraction.to_dict(), ensure_ascii=False) + "\n")
