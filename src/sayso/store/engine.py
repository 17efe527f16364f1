"""Opening a store: a file path means SQLite, ``postgresql://`` PostgreSQL."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError

DEFAULT_DB = "sayso.db"
SQLITE_BUSY_MS = 30_000  # readers wait for the one writer instead of failing


def database_url(db: str) -> str:
    """The SQLAlchemy URL for ``--db``: a path, ``sqlite:///...`` or
    ``postgresql://...`` (driven by psycopg 3)."""
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if db.startswith(("postgresql+", "sqlite:")):
        return db
    if "://" in db:
        raise StoreError(f"--db {db!r}: expected a file path or a postgresql:// URL")
    return f"sqlite:///{db}"


def sqlite_path(db: str) -> str | None:
    """The file behind a SQLite ``--db`` (None for PostgreSQL or memory)."""
    url = database_url(db)
    if not url.startswith("sqlite:///"):
        return None
    path = url.removeprefix("sqlite:///")
    return path if path and path != ":memory:" else None


def open_engine(db: str = DEFAULT_DB) -> Engine:
    """An engine for the store; SQLite files run in WAL mode with foreign keys."""
    url = database_url(db)
    try:
        engine = create_engine(url, future=True)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"cannot open {db}: {exc}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # WAL: durable at checkpoints, never corrupt
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cursor.close()
