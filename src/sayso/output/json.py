"""An indented JSON array of ``Extraction.to_dict()`` objects, one per document."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterable
from typing import TextIO

from ..model import Document, Extraction
from .records import document_record
from .records import document_record

INDENT = 2
# json.dumps(indent=...) puts each number of a [start, end] fragment on its own
# line; fold them back. Real newlines never occur inside JSON strings, so a
# match requiring them cannot touch quoted text.
_FRAGMENT_RE = re.compile(r"\[\n\s*(\d+),\n\s*(\d+)\n\s*\]")


def write_json(results: Iterable[tuple[Document, Extraction]], out: TextIO) -> None:
    """Write a JSON array, element by element, so long runs still stream."""
    out.write("[")
    separator = "\n"
    for document, extraction in results:
        item = format_record(document_record(document, extraction))
        out.write(separator + textwrap.indent(item, " " * INDENT))
        separator = ",\n"
    out.write("]\n" if separator == "\n" else "\n]\n")


def format_record(record: dict) -> str:
    """One document's record indented, with each fragment kept on one line."""
    text = json.dumps(record, ensure_ascii=False, indent=INDENT)
    return _FRAGMENT_RE.sub(r"[\1, \2]", text)
