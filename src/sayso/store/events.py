"""Reading statements for grouping, and writing and reading the events built.

The events tables are rebuilt as a whole in one transaction: a failed build
leaves the previous events in place. Statement vectors are cached per
backend, so a rebuild encodes only statements stored since the last one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime, timezone

import numpy as np
from sqlalchemy import Connection, delete, insert, or_, select

from . import schema
from .queries import find_speakers


@dataclass
class EventsBuild:
    """What one rebuild writes: rows for each events table."""

    events: list[dict]
    members: list[dict]
    claims: list[dict]
    topics: list[dict]
    backend: str
    seconds: float


def statement_rows(conn: Connection) -> list[dict]:
    """Every stored statement with what grouping needs, in storage order."""
    a, d, s = schema.attributions, schema.documents, schema.speakers
    query = (select(a.c.id, a.c.document_id, a.c.position, a.c.content_text, a.c.event_date,
                    a.c.event_date_period, a.c.origin, a.c.entities, a.c.cue_lemma,
                    a.c.speaker_id, a.c.cited, s.c.name.label("speaker"), d.c.published)
             .join(d, d.c.id == a.c.document_id).outerjoin(s, s.c.id == a.c.speaker_id)
             .order_by(a.c.id))
    rows = []
    for row in conn.execute(query):
        out = dict(row._mapping)
        out["entities"] = json.loads(out["entities"]) if out["entities"] else []
        out["cited"] = bool(json.loads(out["cited"])) if out["cited"] else False
        rows.append(out)
    return rows


def cached_vectors(conn: Connection, backend: str) -> dict[int, np.ndarray]:
    v = schema.statement_vectors
    return {row.attribution_id: np.frombuffer(row.vector, dtype="<f4")
            for row in conn.execute(select(v.c.attribution_id, v.c.vector)
                                    .where(v.c.backend == backend))}


def save_vectors(conn: Connection, backend: str, vectors: dict[int, np.ndarray]) -> None:
    if vectors:
        conn.execute(insert(schema.statement_vectors), [
            {"attribution_id": i, "backend": backend, "vector": v.astype("<f4").tobytes()}
            for i, v in vectors.items()])


def replace_events(conn: Connection, build: EventsBuild) -> None:
    for table in (schema.event_topics, schema.event_claims, schema.event_statements, schema.events):
        conn.execute(delete(table))
    for table, rows in ((schema.events, build.events), (schema.event_statements, build.members),
                        (schema.event_claims, build.claims), (schema.event_topics, build.topics)):
        for start in range(0, len(rows), 1000):
            conn.execute(insert(table), rows[start:start + 1000])
    conn.execute(insert(schema.event_builds).values(
        built_at=datetime.now(timezone.utc).replace(tzinfo=None), backend=build.backend,
        statement_count=len(build.members), event_count=len(build.events), seconds=build.seconds))


def last_build(conn: Connection) -> dict | None:
    b = schema.event_builds
    row = conn.execute(select(b).order_by(b.c.id.desc()).limit(1)).first()
    return dict(row._mapping) if row else None


def list_events(conn: Connection, since: Date | None = None, speaker: str | None = None,
                min_statements: int = 1, limit: int = 50) -> list[dict]:
    """Events, largest first, each with its sides ({side: statement count})."""
    e, m, a = schema.events, schema.event_statements, schema.attributions
    query = select(e).where(e.c.statement_count >= min_statements)
    if since is not None:
        query = query.where(or_(e.c.last_day >= since, e.c.last_day.is_(None)))
    if speaker is not None:
        ids = find_speakers(conn, speaker)
        pattern = f"%{speaker.lower()}%"
        with_speaker = (select(m.c.event_id).join(a, a.c.id == m.c.attribution_id)
                        .where(or_(a.c.speaker_id.in_(ids), m.c.side.like(pattern))))
        query = query.where(e.c.id.in_(with_speaker))
    query = query.order_by(e.c.side_count.desc(), e.c.statement_count.desc(), e.c.id).limit(limit)
    events = [_event_dict(row) for row in conn.execute(query)]
    _attach_sides(conn, events)
    return events


def event_detail(conn: Connection, event_id: str) -> dict | None:
    """One event: its sides with their statements, claims and topics."""
    e, m, a, d, s = (schema.events, schema.event_statements, schema.attributions,
                     schema.documents, schema.speakers)
    row = conn.execute(select(e).where(e.c.id == event_id)).first()
    if row is None:
        return None
    event = _event_dict(row)
    statements = {}
    query = (select(a.c.id, a.c.document_id, a.c.position, a.c.content_text, a.c.cue_text,
                    a.c.kind, a.c.origin, a.c.event_date, a.c.cited, a.c.channel, m.c.side,
                    s.c.name.label("speaker"), d.c.title, d.c.publisher, d.c.published)
             .join(m, m.c.attribution_id == a.c.id).join(d, d.c.id == a.c.document_id)
             .outerjoin(s, s.c.id == a.c.speaker_id)
             .where(m.c.event_id == event_id).order_by(d.c.published, a.c.document_id, a.c.position))
    for r in conn.execute(query):
        out = dict(r._mapping)
        out["cited"] = [c["name"] for c in json.loads(out["cited"])]
        for key in ("event_date", "published"):
            out[key] = out[key].isoformat() if out[key] else None
        statements[out["id"]] = out
    sides: dict[str, list[dict]] = {}
    for statement in statements.values():
        sides.setdefault(statement["side"], []).append(statement)
    c, t = schema.event_claims, schema.event_topics
    claims = [dict(r._mapping) for r in conn.execute(
        select(c.c.left_id, c.c.right_id, c.c.relation, c.c.similarity)
        .where(c.c.event_id == event_id).order_by(c.c.id))]
    topics: dict[str, list[str]] = {}
    for r in conn.execute(select(t.c.side, t.c.term).where(t.c.event_id == event_id)
                          .order_by(t.c.side, t.c.weight.desc())):
        topics.setdefault(r.side, []).append(r.term)
    event["sides"] = [{"side": side, "statements": rows, "topics": topics.get(side, [])}
                      for side, rows in sorted(sides.items(), key=lambda kv: -len(kv[1]))]
    event["claims"] = claims
    return event


def _event_dict(row) -> dict:
    out = dict(row._mapping)
    for key in ("first_day", "last_day"):
        out[key] = out[key].isoformat() if out[key] else None
    return out


def _attach_sides(conn: Connection, events: list[dict]) -> None:
    if not events:
        return
    m = schema.event_statements
    counts: dict[str, dict[str, int]] = {e["id"]: {} for e in events}
    for row in conn.execute(select(m.c.event_id, m.c.side)
                            .where(m.c.event_id.in_(list(counts)))):
        sides = counts[row.event_id]
        sides[row.side] = sides.get(row.side, 0) + 1
    for event in events:
        event["sides"] = dict(sorted(counts[event["id"]].items(), key=lambda kv: -kv[1]))
