"""HTML pages -> Document: main text and metadata by trafilatura.

Boilerplate (menus, footers, comments) goes; the article's paragraphs are
joined by blank lines, the paragraph break the extractor expects. Metadata
comes from the page itself (title, author, date, site name, canonical URL).
"""

from __future__ import annotations

import warnings
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .dates import parse_published
from .text import os_error

HTML_SUFFIXES = (".html", ".htm")


def html_document(data: bytes | str, doc_id: str, where: str, url: str | None = None,
                  format: str = "html") -> Document:
    """The article in an HTML page; InputError when no article text is found."""
    extracted = _extract(data, url)
    text = (extracted.text or "").strip() if extracted is not None else ""
    if not text:
        raise InputError(f"{where}: no article text found in the HTML")
    return Document(doc_id=doc_id, text=_blank_line_paragraphs(text),
                    date=parse_published(extracted.date), path=where,
                    url=extracted.url or url, title=extracted.title,
                    author=extracted.author, publisher=extracted.sitename or extracted.hostname,
                    format=format)


def read_html(path: Path) -> Document:
    """One HTML file; doc_id is the file stem."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise os_error(path, exc) from None
    return html_document(data, path.stem, str(path))


def _extract(data: bytes | str, url: str | None):
    import trafilatura  # deferred: lxml and friends load only for HTML input

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return trafilatura.bare_extraction(data, url=url, with_metadata=True,
                                               include_comments=False, include_tables=False)
        except Exception:  # trafilatura raises assorted lxml errors on broken markup
            return None


def _blank_line_paragraphs(text: str) -> str:
    lines = [line.strip() for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)
