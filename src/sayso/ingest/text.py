"""Plain-text articles from files and stdin -> Document.

The text is decoded exactly as the offsets expect it: UTF-8, no newline
translation (``newline=''``), so ``text[start:end]`` lines up with the bytes
on disk read back by ``open(path, encoding="utf-8", newline="")``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from datetime import date as Date
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import Document

STDIN = "-"
STDIN_DOC_ID = "stdin"
TEXT_SUFFIX = ".txt"
# Like git and grep: a NUL byte near the start means "binary", whatever decodes.
BINARY_SNIFF_BYTES = 8192

_OS_REASONS = {
    FileNotFoundError: "no such file or directory",
    PermissionError: "permission denied",
    IsADirectoryError: "is a directory",
    NotADirectoryError: "not a directory",
}


def decode_text(data: bytes, where: str) -> str:
    """The UTF-8 text of ``data``, or InputError naming ``where``."""
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise InputError(f"{where}: not a UTF-8 text file (binary)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not a UTF-8 text file "
                         f"(invalid byte at offset {exc.start})") from None


def os_error(where: str | os.PathLike, exc: OSError) -> InputError:
    """A one-line InputError for a failed open/read/list."""
    reason = _OS_REASONS.get(type(exc)) or (exc.strerror or str(exc)).lower()
    return InputError(f"{where}: {reason}")


def read_document(path: str | os.PathLike, date: Date | None = None) -> Document:
    """Read one article; doc_id is the file stem. Raises InputError."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise os_error(path, exc) from None
    return Document(doc_id=path.stem, text=decode_text(data, str(path)),
                    date=date, path=str(path))


def read_stdin(date: Date | None = None, stream: BinaryIO | None = None) -> Document:
    """Read one article from standard input (doc_id "stdin")."""
    stream = stream if stream is not None else sys.stdin.buffer
    return Document(doc_id=STDIN_DOC_ID, text=decode_text(stream.read(), "<stdin>"),
                    date=date, path=None)


def walk_files(directory: Path, suffixes: tuple[str, ...],
               ignore_case: bool = False) -> Iterator[Path | InputError]:
    """Files under ``directory`` whose names end in one of ``suffixes``
    (in any case if asked), depth first in name order.

    Symlinked folders are not followed (no cycles); unreadable folders are
    yielded as errors.
    """
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as exc:
        yield os_error(directory, exc)
        return
    for entry in entries:
        name = entry.name.lower() if ignore_case else entry.name
        if entry.is_dir(follow_symlinks=False):
            yield from walk_files(Path(entry.path), suffixes, ignore_case)
        elif name.endswith(suffixes) and entry.is_file():
            yield Path(entry.path)


def _attempt(read: Callable[[], Document]) -> Document | InputError:
    try:
        return read()
    except InputError as exc:
        return exc
