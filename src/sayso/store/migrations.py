"""Versioned schema migrations, applied in order, each in its own transaction.

A store records the versions it has in ``schema_versions``; opening a store
applies the ones it lacks. A migration is never edited once released: a
change to the schema is a new migration at the end of ``MIGRATIONS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Connection, Engine, inspect, insert, select, text

from ..errors import StoreError
from . import schema

_SQLITE_FTS = (
    "CREATE VIRTUAL TABLE attributions_fts USING fts5("
    "content_text, content='attributions', content_rowid='id')",
    "CREATE TRIGGER attributions_fts_insert AFTER INSERT ON attributions BEGIN "
    "INSERT INTO attributions_fts(rowid, content_text) VALUES (new.id, new.content_text); END",
    "CREATE TRIGGER attributions_fts_delete AFTER DELETE ON attributions BEGIN "
    "INSERT INTO attributions_fts(attributions_fts, rowid, content_text) "
    "VALUES ('delete', old.id, old.content_text); END",
)
_POSTGRESQL_FTS = (
    "ALTER TABLE attributions ADD COLUMN content_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', content_text)) STORED",
    "CREATE INDEX attributions_content_tsv ON attributions USING GIN (content_tsv)",
)


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _initial_schema(conn: Connection) -> None:
    tables = [t for t in schema.metadata.sorted_tables
              if t is not schema.schema_versions and t not in _V2_TABLES]
    schema.metadata.create_all(conn, tables=tables)
    for statement in _full_text_ddl(conn.dialect.name):
        conn.execute(text(statement))


def _full_text_ddl(dialect: str) -> tuple[str, ...]:
    if dialect == "sqlite":
        return _SQLITE_FTS
    if dialect == "postgresql":
        return _POSTGRESQL_FTS
    raise StoreError(f"unsupported database {dialect!r}: use SQLite or PostgreSQL")


_V2_COLUMNS = ("event_date", "event_date_period", "event_date_span", "origin", "entities")
_V2_TABLES = (schema.statement_vectors, schema.events, schema.event_statements,
              schema.event_claims, schema.event_topics, schema.event_builds)


def _events_schema(conn: Connection) -> None:
    # Version 1 creates the tables as ``schema`` has them now, so a new store
    # has these already; a store made by an older sayso gains them here.
    present = {c["name"] for c in inspect(conn).get_columns("attributions")}
    for name in _V2_COLUMNS:
        if name not in present:
            column = schema.attributions.c[name]
            kind = column.type.compile(dialect=conn.dialect)
            conn.execute(text(f"ALTER TABLE attributions ADD COLUMN {name} {kind}"))
    schema.metadata.create_all(conn, tables=list(_V2_TABLES), checkfirst=True)


MIGRATIONS = (
    Migration(1, "documents, speakers, aliases, roles, attributions, mentions, full-text search",
              _initial_schema),
    Migration(2, "event dates, origins and entities; events, their statements, claims and topics",
              _events_schema),
)
LATEST = MIGRATIONS[-1].version


def applied_versions(engine: Engine) -> set[int]:
    with engine.connect() as conn:
        return set(conn.execute(select(schema.schema_versions.c.version)).scalars())


def migrate(engine: Engine) -> list[int]:
    """Bring the store up to ``LATEST``; return the versions applied now."""
    schema.schema_versions.create(engine, checkfirst=True)
    done = applied_versions(engine)
    if done and max(done) > LATEST:
        raise StoreError(f"the store is at schema version {max(done)}, newer than this "
                         f"sayso ({LATEST}); upgrade sayso")
    applied = []
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        with engine.begin() as conn:
            migration.apply(conn)
            conn.execute(insert(schema.schema_versions).values(
                version=migration.version, description=migration.description,
                applied_at=datetime.now(timezone.utc).replace(tzinfo=None)))
        applied.append(migration.version)
    return applied
