"""The store: documents, speakers and statements in SQLite or PostgreSQL.

``Store(db)`` opens (and migrates) a database; ``add`` writes one article
with its attributions in one transaction; the query functions in
``queries.py`` read it. One process writes; any number may read.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..model import Document, Extraction
from . import schema
from .engine import DEFAULT_DB, open_engine, sqlite_path
from .identity import document_id
from .migrations import migrate
from .writer import Written, add_extraction

__all__ = ["DEFAULT_DB", "Store", "Written", "document_id"]


class Store:
    """A sayso database, migrated to the current schema on opening."""

    def __init__(self, db: str = DEFAULT_DB, create: bool = True):
        self.db = db
        path = sqlite_path(db)
        if not create and path is not None and not Path(path).is_file():
            raise StoreError(f"no store at {db}; 'sayso ingest PATH --db {db}' makes one")
        self.engine = open_engine(db)
        try:
            migrate(self.engine)
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(f"cannot open {db}: {_reason(exc)}") from None

    def add(self, document: Document, extraction: Extraction) -> Written:
        """Store one article and its attributions (nothing if already stored)."""
        try:
            with self.engine.begin() as conn:
                return add_extraction(conn, document, extraction)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write {document.path or document.doc_id}: "
                             f"{_reason(exc)}") from None

    def stored_ids(self, ids: list[str]) -> set[str]:
        """Which of these document ids are stored already."""
        found: set[str] = set()
        d = schema.documents
        with self.engine.connect() as conn:
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                found.update(conn.execute(select(d.c.id).where(d.c.id.in_(chunk))).scalars())
        return found

    def connect(self):
        """A read connection (use as a context manager)."""
        return self.engine.connect()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _reason(exc: SQLAlchemyError) -> str:
    original = getattr(exc, "orig", None)
    return str(original or exc).splitlines()[0]
