"""Reading the store: speakers, statements, one article, exports.

Every query is built with SQLAlchemy expressions; user input only ever
reaches the database as bound parameters. Full-text search uses the
dialect's own index (FTS5 ``MATCH`` on SQLite, ``@@ websearch_to_tsquery``
on PostgreSQL).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date as Date

from sqlalchemy import Connection, and_, func, literal_column, select, text

from . import schema

_FTS_WORD = re.compile(r"\w+")


@dataclass
class SpeakerRow:
    id: int
    name: str
    type: str
    statements: int
    documents: int
    roles: list[str]
    aliases: list[str]


def top_speakers(conn: Connection, limit: int = 20) -> list[SpeakerRow]:
    """Speakers by number of statements, most quoted first."""
    s, a = schema.speakers, schema.attributions
    rows = conn.execute(
        select(s.c.id, s.c.name, s.c.type, func.count(a.c.id).label("n"),
               func.count(func.distinct(a.c.document_id)).label("docs"))
        .join(a, a.c.speaker_id == s.c.id)
        .where(~s.c.key.startswith("local:"))
        .group_by(s.c.id, s.c.name, s.c.type)
        .order_by(func.count(a.c.id).desc(), s.c.name)
        .limit(limit)).all()
    return [SpeakerRow(r.id, r.name, r.type, r.n, r.docs, roles_of(conn, r.id),
                       aliases_of(conn, r.id)) for r in rows]


def roles_of(conn: Connection, speaker_id: int) -> list[str]:
    """Roles a speaker was given, earliest article first."""
    r = schema.speaker_roles
    rows = conn.execute(select(r.c.role, func.min(r.c.published).label("first"))
                        .where(r.c.speaker_id == speaker_id).group_by(r.c.role)
                        .order_by(literal_column("first"), r.c.role))
    return [row.role for row in rows]


def aliases_of(conn: Connection, speaker_id: int) -> list[str]:
    t = schema.speaker_aliases
    rows = conn.execute(select(t.c.alias).where(t.c.speaker_id == speaker_id)
                        .order_by(t.c.count.desc(), t.c.alias))
    return list(rows.scalars())


def find_speakers(conn: Connection, name: str) -> list[int]:
    """Speakers whose name or an alias is ``name`` (case-insensitive)."""
    s, al = schema.speakers, schema.speaker_aliases
    lowered = name.strip().lower()
    by_name = select(s.c.id).where(func.lower(s.c.name) == lowered)
    by_alias = select(al.c.speaker_id).where(func.lower(al.c.alias) == lowered)
    return sorted(set(conn.execute(by_name).scalars()) | set(conn.execute(by_alias).scalars()))


@dataclass
class QuoteFilter:
    speaker: str | None = None
    since: Date | None = None
    search: str | None = None
    publisher: str | None = None
    limit: int = 50


def quotes(conn: Connection, where: QuoteFilter) -> list[dict]:
    """Statements matching the filter, newest article first."""
    a, d, s = schema.attributions, schema.documents, schema.speakers
    query = (select(a.c.id, a.c.document_id, a.c.position, a.c.kind, a.c.source_text,
                    a.c.cue_text, a.c.content_text, a.c.channel, a.c.cited,
                    s.c.name.label("speaker"), d.c.title, d.c.publisher, d.c.published, d.c.url)
             .join(d, d.c.id == a.c.document_id)
             .outerjoin(s, s.c.id == a.c.speaker_id))
    conditions = []
    if where.speaker:
        conditions.append(a.c.speaker_id.in_(find_speakers(conn, where.speaker) or [-1]))
    if where.since:
        conditions.append(d.c.published >= where.since)
    if where.publisher:
        conditions.append(func.lower(d.c.publisher) == where.publisher.strip().lower())
    if where.search:
        conditions.append(_full_text(conn, where.search))
    if conditions:
        query = query.where(and_(*conditions))
    query = query.order_by(d.c.published.desc().nulls_last(), a.c.document_id, a.c.position)
    return [_quote_dict(row) for row in conn.execute(query.limit(where.limit))]


def _full_text(conn: Connection, search: str):
    a = schema.attributions
    if conn.dialect.name == "postgresql":
        return literal_column("attributions.content_tsv").op("@@")(
            func.websearch_to_tsquery("english", search))
    # FTS5 query syntax would let a stray quote or AND raise: match the words.
    words = " ".join(f'"{w}"' for w in _FTS_WORD.findall(search)) or '""'
    return a.c.id.in_(select(literal_column("rowid")).select_from(text("attributions_fts"))
                      .where(text("attributions_fts MATCH :fts").bindparams(fts=words)))


def _quote_dict(row) -> dict:
    out = dict(row._mapping)
    out["cited"] = json.loads(out["cited"])
    out["published"] = out["published"].isoformat() if out["published"] else None
    return out


def document(conn: Connection, doc_id: str) -> dict | None:
    """One article with its attributions, as ``sayso extract --format json``
    prints them, plus the stored speaker of each."""
    d, a, s = schema.documents, schema.attributions, schema.speakers
    row = conn.execute(select(d).where(d.c.id == doc_id)).first()
    if row is None:
        return None
    out = dict(row._mapping)
    for key in ("published", "ingested_at"):
        out[key] = out[key].isoformat() if out[key] else None
    rows = conn.execute(select(a, s.c.name.label("speaker"), s.c.type.label("speaker_type"))
                        .outerjoin(s, s.c.id == a.c.speaker_id)
                        .where(a.c.document_id == doc_id).order_by(a.c.position))
    out["attributions"] = [attribution_dict(r) for r in rows]
    return out


def attribution_dict(row) -> dict:
    """A stored attribution with its spans and relay chain decoded."""
    out = dict(row._mapping)
    for key in ("source", "cue", "content", "cited"):
        out[key] = json.loads(out[key])
    for key in ("event_date_span", "entities"):  # not every query reads them; NULL before v2
        if key in out:
            out[key] = json.loads(out[key]) if out[key] else []
    if isinstance(out.get("event_date"), Date):
        out["event_date"] = out["event_date"].isoformat()
    return out


def export_rows(conn: Connection):
    """Every statement with its article's metadata, in storage order."""
    a, d, s = schema.attributions, schema.documents, schema.speakers
    query = (select(a.c.document_id, a.c.position, a.c.kind, s.c.name.label("speaker"),
                    s.c.type.label("speaker_type"), a.c.source_text, a.c.cue_text, a.c.cue_lemma,
                    a.c.content_text, a.c.channel, a.c.cited, a.c.parent, a.c.origin,
                    a.c.event_date, a.c.event_date_period, a.c.source, a.c.cue,
                    a.c.content, d.c.title, d.c.url, d.c.publisher, d.c.published)
             .join(d, d.c.id == a.c.document_id).outerjoin(s, s.c.id == a.c.speaker_id)
             .order_by(a.c.document_id, a.c.position))
    for row in conn.execute(query):
        out = attribution_dict(row)
        out["published"] = out["published"].isoformat() if out["published"] else None
        yield out
