"""Web archives (``.warc``, ``.warc.gz``) -> Documents, one per HTML response.

Each HTTP response (or stored resource) whose content type is HTML goes
through the same path as an HTML file, with the record's target URI as the
page URL. Other records (requests, metadata, images) are passed over. A
record the archive reader cannot parse ends that file with one error naming
the record; the documents before it stand.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .html import html_document

WARC_SUFFIXES = (".warc", ".warc.gz")
_PAGE_RECORDS = ("response", "resource")


def iter_warc(path: Path) -> Iterator[Document | InputError]:
    """The HTML pages of one archive, errors in place."""
    from warcio.archiveiterator import ArchiveIterator  # deferred: only for WARC input

    number = 0
    try:
        with path.open("rb") as handle:
            for number, record in enumerate(ArchiveIterator(handle), start=1):
                page = _html_page(record)
                if page is not None:
                    yield _attempt(path, number, *page)
    except OSError as exc:
        yield InputError(f"{path}: {(exc.strerror or str(exc)).lower()}")
    except Exception as exc:  # warcio raises its own and zlib's errors on broken records
        yield InputError(f"{path}: record {number + 1}: unreadable WARC record "
                         f"({exc.__class__.__name__}: {str(exc)[:80]})")


def _html_page(record) -> tuple[str | None, bytes] | None:
    """(target URI, body) of an HTML response or resource record, else None."""
    if record.rec_type not in _PAGE_RECORDS:
        return None
    if record.rec_type == "response":
        headers = record.http_headers
        content_type = headers.get_header("Content-Type", "") if headers else ""
    else:
        content_type = record.rec_headers.get_header("Content-Type", "")
    if "html" not in content_type.lower():
        return None
    return record.rec_headers.get_header("WARC-Target-URI"), record.content_stream().read()


def _attempt(path: Path, number: int, url: str | None, body: bytes) -> Document | InputError:
    where = f"{path}:record {number}"
    try:
        return html_document(body, f"{path.name.split('.')[0]}-{number}", where, url=url, format="warc")
    except InputError as exc:
        return exc
