"""The store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Spans are kept as JSON text (lists of [start, end] offsets into the
document's text) so a row reads back exactly as ``sayso extract`` prints it.
Full-text search over statement contents is dialect-specific and lives in
``migrations.py`` (FTS5 on SQLite, a tsvector column on PostgreSQL).
``docs/schema.md`` describes every column.
"""

from __future__ import annotations

from sqlalchemy import (Column, Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary,
                        MetaData, String, Table, Text, UniqueConstraint)

metadata = MetaData()

schema_versions = Table(
    "schema_versions", metadata,
    Column("version", Integer, primary_key=True),
    Column("description", Text, nullable=False),
    Column("applied_at", DateTime, nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", String(32), primary_key=True),  # hash of the normalised text
    Column("name", Text),                        # where it came from: file, file:line
    Column("url", Text),
    Column("title", Text),
    Column("author", Text),
    Column("publisher", Text),
    Column("published", Date),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime, nullable=False),
    Column("attribution_count", Integer, nullable=False),
)
Index("documents_published", documents.c.published)
Index("documents_publisher", documents.c.publisher)

speakers = Table(
    "speakers", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(200), nullable=False, unique=True),  # canonical match key
    Column("name", Text, nullable=False),                     # fullest name seen
    Column("type", String(16), nullable=False),
    Column("first_seen", Date),
)

speaker_aliases = Table(
    "speaker_aliases", metadata,
    Column("speaker_id", Integer, ForeignKey("speakers.id"), primary_key=True),
    Column("alias", String(200), primary_key=True),
    Column("count", Integer, nullable=False),
)
Index("speaker_aliases_alias", speaker_aliases.c.alias)

speaker_roles = Table(
    "speaker_roles", metadata,
    Column("speaker_id", Integer, ForeignKey("speakers.id"), primary_key=True),
    Column("role", String(300), primary_key=True),
    Column("document_id", String(32), ForeignKey("documents.id"), primary_key=True),
    Column("published", Date),
)

attributions = Table(
    "attributions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(32), ForeignKey("documents.id"), nullable=False),
    Column("position", Integer, nullable=False),  # index within the document
    Column("kind", String(16), nullable=False),
    Column("source", Text, nullable=False),
    Column("cue", Text, nullable=False),
    Column("content", Text, nullable=False),
    Column("source_text", Text, nullable=False),
    Column("cue_text", Text, nullable=False),
    Column("cue_lemma", String(100)),
    Column("content_text", Text, nullable=False),
    Column("speaker_id", Integer, ForeignKey("speakers.id")),
    Column("parent", Integer),  # position of the enclosing attribution
    Column("cited", Text, nullable=False),
    Column("channel", Text),
    # schema version 2: dates, origin and participants, for comparing accounts
    Column("event_date", Date),
    Column("event_date_period", String(8)),
    Column("event_date_span", Text),
    Column("origin", Text),
    Column("entities", Text),
    UniqueConstraint("document_id", "position", name="attributions_document_position"),
)
Index("attributions_speaker", attributions.c.speaker_id)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(32), ForeignKey("documents.id"), nullable=False),
    Column("speaker_id", Integer, ForeignKey("speakers.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    UniqueConstraint("document_id", "speaker_id", "start", "end", name="mentions_unique"),
)
Index("mentions_document", mentions.c.document_id)

# Schema version 2: events and the accounts within them, rebuilt as a whole
# by ``sayso group`` (and after every ingest).

statement_vectors = Table(
    "statement_vectors", metadata,
    Column("attribution_id", Integer, ForeignKey("attributions.id"), primary_key=True),
    Column("backend", String(16), primary_key=True),  # "minilm" or "lexical"
    Column("vector", LargeBinary, nullable=False),    # float32, little-endian
)

events = Table(
    "events", metadata,
    Column("id", String(12), primary_key=True),  # hash of its first statement: stable
    Column("label", Text, nullable=False),
    Column("first_day", Date),
    Column("last_day", Date),
    Column("statement_count", Integer, nullable=False),
    Column("side_count", Integer, nullable=False),
    Column("document_count", Integer, nullable=False),
)
Index("events_first_day", events.c.first_day)

event_statements = Table(
    "event_statements", metadata,
    Column("attribution_id", Integer, ForeignKey("attributions.id"), primary_key=True),
    Column("event_id", String(12), ForeignKey("events.id"), nullable=False),
    Column("side", Text, nullable=False),
)
Index("event_statements_event", event_statements.c.event_id)

event_claims = Table(
    "event_claims", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(12), ForeignKey("events.id"), nullable=False),
    Column("left_id", Integer, ForeignKey("attributions.id"), nullable=False),
    Column("right_id", Integer, ForeignKey("attributions.id")),
    Column("relation", String(16), nullable=False),
    Column("similarity", Float),
)
Index("event_claims_event", event_claims.c.event_id)

event_topics = Table(
    "event_topics", metadata,
    Column("event_id", String(12), ForeignKey("events.id"), primary_key=True),
    Column("side", Text, primary_key=True),
    Column("term", String(200), primary_key=True),
    Column("weight", Float, nullable=False),
)

event_builds = Table(
    "event_builds", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("built_at", DateTime, nullable=False),
    Column("backend", String(16), nullable=False),
    Column("statement_count", Integer, nullable=False),
    Column("event_count", Integer, nullable=False),
    Column("seconds", Float, nullable=False),
)
