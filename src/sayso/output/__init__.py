"""Writing extractions out: a terminal table, JSON, JSON Lines, BRAT standoff.

Every writer takes ``(Document, Extraction)`` pairs and a text stream, and
streams: each document is written as soon as it arrives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from ..model import Document, Extraction
from .brat import write_brat
from .json import write_json
from .jsonl import write_jsonl
from .table import write_table

Results = Iterable[tuple[Document, Extraction]]
Writer = Callable[[Results, TextIO], None]

WRITERS: dict[str, Writer] = {
    "table": write_table,
    "json": write_json,
    "jsonl": write_jsonl,
    "brat": write_brat,
}

__all__ = ["WRITERS", "Results", "Writer",
           "write_brat", "write_json", "write_jsonl", "write_table"]
