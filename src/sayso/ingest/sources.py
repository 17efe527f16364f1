"""Any supported input -> Documents: text, HTML, JSON Lines and WARC files.

The one reader behind ``extract`` and ``ingest``. Files are read by their
suffix (in any case: ``.HTML`` too); folders are walked recursively for
every supported suffix, in name order; ``-`` is plain text on standard
input. Unreadable files and bad records are yielded in place as
InputErrors, so one bad record never stops the others. ``date`` is the
publication date of every document that does not state its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date as Date
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .html import HTML_SUFFIXES, read_html
from .jsonl import JSONL_SUFFIXES, iter_jsonl
from .text import STDIN, TEXT_SUFFIX, _attempt, read_document, read_stdin, walk_files
from .warc import WARC_SUFFIXES, iter_warc

SUFFIXES = (TEXT_SUFFIX, *HTML_SUFFIXES, *JSONL_SUFFIXES, *WARC_SUFFIXES)


def iter_sources(paths: Iterable[str], stdin=None,
                 date: Date | None = None) -> Iterator[Document | InputError]:
    """Documents (or errors) from files, folders and ``-``, in order."""
    for item in _read_all(paths, stdin):
        if date is not None and isinstance(item, Document) and item.date is None:
            item = replace(item, date=date)
        yield item


def _read_all(paths: Iterable[str], stdin) -> Iterator[Document | InputError]:
    for raw in paths:
        if str(raw) == STDIN:
            yield _attempt(lambda: read_stdin(stream=stdin))
        elif Path(raw).is_dir():
            yield from _folder(Path(raw))
        else:
            yield from read_file(Path(raw))


def _folder(directory: Path) -> Iterator[Document | InputError]:
    found = False
    for item in walk_files(directory, SUFFIXES, ignore_case=True):
        found = True
        yield from ([item] if isinstance(item, InputError) else read_file(item))
    if not found:
        yield InputError(f"{directory}: no articles in the folder ({', '.join(SUFFIXES)})")


def read_file(path: Path) -> Iterator[Document | InputError]:
    """The documents of one file, by its suffix."""
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        yield from iter_jsonl(path)
    elif name.endswith(WARC_SUFFIXES):
        yield from iter_warc(path)
    elif name.endswith(HTML_SUFFIXES):
        yield _attempt(lambda: read_html(path))
    elif name.endswith(TEXT_SUFFIX):
        yield _attempt(lambda: read_document(path))
    elif not path.exists():
        yield InputError(f"{path}: no such file or directory")
    else:
        yield InputError(f"{path}: unsupported file type (expected {', '.join(SUFFIXES)})")
