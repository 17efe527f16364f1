"""Rebuild a store's events: read statements, vectorise, group, align, write."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass

import numpy as np

from ..store import Store
from ..store.events import EventsBuild, cached_vectors, replace_events, save_vectors, statement_rows
from .alignment import MATCH_THRESHOLDS, align_claims, side_topics
from .grouping import SETTINGS, Event, GroupingSettings, group_statements
from .sides import settle_origins
from .statements import Statement
from .vectors import Vectorizer, make_vectorizer, terms


@dataclass
class BuildSummary:
    statements: int
    events: int
    multi_side_events: int
    backend: str
    seconds: float

    def describe(self) -> str:
        return (f"grouped {self.statements} statements into {self.events} events "
                f"({self.multi_side_events} told by two or more sides) with {self.backend} "
                f"vectors in {self.seconds:.1f} s")


def rebuild_events(store: Store, backend: str = "auto",
                   settings: GroupingSettings | None = None) -> BuildSummary:
    started = time.perf_counter()
    vectorizer = make_vectorizer(backend)
    settings = settings or SETTINGS[vectorizer.name]
    with store.connect() as conn:
        rows = statement_rows(conn)
        cached = cached_vectors(conn, vectorizer.name)
    statements = [_statement(r) for r in rows]
    settle_origins(statements)
    vectors = _vectors(store, vectorizer, statements, cached)
    events = group_statements(statements, vectors, settings)
    build = _build_rows(statements, vectors, events, vectorizer.name)
    build.seconds = time.perf_counter() - started
    with store.engine.begin() as conn:
        replace_events(conn, build)
    return BuildSummary(len(statements), len(events),
                        sum(1 for e in build.events if e["side_count"] > 1),
                        vectorizer.name, build.seconds)


def _statement(row: dict) -> Statement:
    return Statement(id=row["id"], document_id=row["document_id"], position=row["position"],
                     content=row["content_text"], published=row["published"],
                     event_date=row["event_date"], event_date_period=row["event_date_period"],
                     speaker=row["speaker"], origin=row["origin"], entities=row["entities"],
                     cue_lemma=row["cue_lemma"], speaker_id=row["speaker_id"],
                     cited=row["cited"])


def _vectors(store: Store, vectorizer: Vectorizer, statements: list[Statement],
             cached: dict[int, np.ndarray]) -> np.ndarray:
    if vectorizer.name == "lexical":
        # idf depends on the whole set, so lexical vectors are never cached
        return vectorizer.encode([s.content for s in statements])
    missing = [s for s in statements if s.id not in cached]
    fresh = dict(zip((s.id for s in missing), vectorizer.encode([s.content for s in missing])))
    if fresh:
        with store.engine.begin() as conn:
            save_vectors(conn, vectorizer.name, fresh)
    cached.update(fresh)
    if not statements:
        return np.zeros((0, 1), dtype=np.float32)
    return np.stack([cached[s.id] for s in statements])


def _build_rows(statements, vectors, events: list[Event], backend: str) -> EventsBuild:
    build = EventsBuild([], [], [], [], backend, 0.0)
    for event in events:
        members = [statements[i] for i in event.members]
        names = _side_names(members)
        build.events.append({
            "id": event.id, "label": _label(members, names), "first_day": event.first_day,
            "last_day": event.last_day, "statement_count": len(members),
            "side_count": len(names), "document_count": len({m.document_id for m in members})})
        build.members.extend({"attribution_id": m.id, "event_id": event.id, "side": names[m.side]}
                             for m in members)
        if len(names) > 1:
            member_vectors = vectors[event.members]
            build.claims.extend({"event_id": event.id, "left_id": members[c.left].id,
                                 "right_id": members[c.right].id if c.right is not None else None,
                                 "relation": c.relation, "similarity": c.similarity}
                                for c in align_claims(members, member_vectors,
                                                      MATCH_THRESHOLDS[backend]))
            build.topics.extend({"event_id": event.id, "side": names[t.side], "term": t.term,
                                 "weight": t.weight} for t in side_topics(members))
    return build


def _side_names(members: list[Statement]) -> dict[str, str]:
    """Side key -> the name its statements use most ("Kremlin" over "the Kremlin")."""
    spelled: dict[str, Counter] = {}
    for m in members:
        spelled.setdefault(m.side, Counter())[m.origin or m.speaker or "unknown"] += 1
    return {key: names.most_common(1)[0][0] for key, names in spelled.items()}


def _label(members: list[Statement], names: dict[str, str]) -> str:
    # each statement's words once, in order: ties go to the word met first, not
    # to a set's hash order (which changes from run to run)
    words = Counter(t for m in members for t in dict.fromkeys(terms(m.content)))
    top = [w for w, _ in words.most_common(4)]
    sides = [n for n, _ in Counter(names[m.side] for m in members).most_common(3)]
    return f"{' / '.join(sides)}: {', '.join(top)}"
