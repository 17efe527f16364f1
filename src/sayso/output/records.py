"""The JSON object written for one document (``json`` and ``jsonl`` formats).

``Extraction.to_dict()``, plus the text the offsets index whenever that is
not the input file's own text (a page's main text, a record's ``text``),
so a reader of the output never has to redo the extraction to use them.
"""

from __future__ import annotations

from ..model import Document, Extraction


def document_record(document: Document, extraction: Extraction) -> dict:
    record = extraction.to_dict()
    if document.extracted:
        record["format"] = document.format
        for name in ("url", "title"):
            if getattr(document, name):
                record[name] = getattr(document, name)
        record["text"] = document.text
    return record
