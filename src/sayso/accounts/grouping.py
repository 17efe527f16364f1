"""Statements -> events, in one pass over time (not quadratic in the corpus).

Statements are taken in date order. Each joins the best-scoring event
still open around its day, or starts a new one. An event is compared only
with events that began within ``window_days`` of the statement's day, with the
events of its own article and, for an undated statement, those sharing a
participant; at most ``max_candidates`` of them. The work per statement is
bounded by what happened around that day, so time grows with the corpus,
not with its square.

A second pass joins whole events whose centroids are close and that began
within the window (an article's account the first pass kept apart from
another's: statement by statement the two read differently, taken whole
they tell one story).

The score of a statement against an event adds three kinds of evidence:
the mean cosine of its vector with the event's closest members (what is said), the
share of its participants (speaker, origin, names in the content) the
event already has (who is involved), and a bonus when the event already
holds statements from the same article about days near the statement's
(an article mostly tells one story, but not a recalled or announced event).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta

import numpy as np

from .statements import Statement


@dataclass(frozen=True)
class GroupingSettings:
    window_days: int = 3
    threshold: float = 0.55
    participant_weight: float = 0.25
    same_document_weight: float = 0.25
    max_candidates: int = 64
    neighbours: int = 3          # an event's similarity: mean of its k closest members
    recent_members: int = 100    # of its latest members, so the cost stays bounded
    merge_threshold: float | None = None  # second pass: whole events whose centroids are this close
    document_window_days: int = 7  # the same-article bonus, only near the article's other days


# Chosen by pairwise F1 on the event gold set (eval/events_score.py --tune):
# one close member is evidence enough (k=1), and word vectors need a far
# lower bar than MiniLM's. The second pass helps MiniLM only: the lexical
# bar is so low that the first pass already joins what the second would.
SETTINGS = {"minilm": GroupingSettings(threshold=0.5, participant_weight=0.0,
                                       same_document_weight=0.4, neighbours=1,
                                       merge_threshold=0.65),
            "lexical": GroupingSettings(threshold=0.2, participant_weight=0.1,
                                        same_document_weight=0.2, neighbours=1)}


@dataclass
class Event:
    """Statements about one happening, by their index in the grouped list."""

    id: str
    members: list[int]
    first_day: Date | None
    last_day: Date | None


@dataclass
class _Open:
    members: list[int] = field(default_factory=list)
    participants: set[str] = field(default_factory=set)
    documents: dict[str, list[Date | None]] = field(default_factory=dict)  # article -> days
    days: list[Date] = field(default_factory=list)


def group_statements(statements: list[Statement], vectors: np.ndarray,
                     settings: GroupingSettings = SETTINGS["minilm"]) -> list[Event]:
    """Events covering every statement once; ``vectors`` row i is statement i's."""
    order = sorted(range(len(statements)), key=lambda i: _order_key(statements[i]))
    events: list[_Open] = []
    by_day: dict[Date, list[int]] = defaultdict(list)
    by_document: dict[str, set[int]] = defaultdict(set)
    by_participant: dict[str, list[int]] = defaultdict(list)
    for i in order:
        statement = statements[i]
        participants = statement.participants()
        candidates = _candidates(statement, participants, by_day, by_document, by_participant,
                                 settings)
        best = None
        if candidates:
            scores = _scores(statement, participants, vectors, i, [events[k] for k in candidates],
                             settings)
            top = int(np.argmax(scores))
            if scores[top] >= settings.threshold:
                best = candidates[top]
        if best is None:
            best = len(events)
            events.append(_Open())
            if statement.day is not None:
                # an event is found from the days around its start, so it
                # cannot creep along the calendar one statement at a time
                by_day[statement.day].append(best)
        _add(events[best], best, i, statement, participants, by_document, by_participant)
    if settings.merge_threshold is not None:
        events = _merge_stories(events, statements, vectors, settings)
    return [_finish(e, statements) for e in events]


def _merge_stories(events: list[_Open], statements: list[Statement], vectors: np.ndarray,
                   settings) -> list[_Open]:
    """Second pass: an article's statements that the first pass left apart
    from another article's account of the same story join it, event by
    event. Each dated event, in order of its first day, joins the merged
    story that began within ``window_days`` whose centroid is closest, if
    it is at least ``merge_threshold`` (the story's centroid, not its
    nearest member: a chain of near neighbours would drift from one story
    to the next). At most ``max_candidates`` stories are compared."""
    order = sorted(range(len(events)), key=lambda k: (not events[k].days,
                                                      min(events[k].days, default=Date.min)))
    stories: list[_Open] = []
    sums: list[np.ndarray] = []
    by_day: dict[Date, list[int]] = defaultdict(list)
    for k in order:
        event = events[k]
        total = vectors[event.members].sum(axis=0)
        best = None
        if event.days:
            day = min(event.days)
            nearby = sorted({s for offset in range(-settings.window_days, settings.window_days + 1)
                             for s in by_day.get(day + timedelta(days=offset), [])})
            nearby = nearby[-settings.max_candidates:]
            if nearby:
                cosines = [_cosine(total, sums[s]) for s in nearby]
                top = int(np.argmax(cosines))
                if cosines[top] >= settings.merge_threshold:
                    best = nearby[top]
        if best is None:
            stories.append(_Open(list(event.members), set(event.participants),
                                 {d: list(days) for d, days in event.documents.items()},
                                 list(event.days)))
            sums.append(total)
            if event.days:
                by_day[min(event.days)].append(len(stories) - 1)
            continue
        story = stories[best]
        story.members.extend(event.members)
        story.participants |= event.participants
        for document, days in event.documents.items():
            story.documents.setdefault(document, []).extend(days)
        story.days.extend(event.days)
        sums[best] = sums[best] + total
    for story in stories:
        # date order, as the first pass keeps it: a story is named by its first statement
        story.members.sort(key=lambda i: _order_key(statements[i]))
    return stories


def _cosine(a: np.ndarray, b: np.ndarray) -> float:
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(a @ b) / norm if norm else 0.0


def _order_key(statement: Statement):
    day = statement.day
    return (day is None, day or Date.min, statement.document_id, statement.position)


def _candidates(statement, participants, by_day, by_document, by_participant, settings) -> list[int]:
    """At most ``max_candidates`` events: the article's own, then those that
    began around the statement's day (undated: those sharing a participant),
    preferring ones sharing a participant, newest first. Every index read is
    cut to its newest ``max_candidates`` entries, so the work per statement
    stays bounded however crowded a day or a speaker is."""
    limit = settings.max_candidates
    own = set(by_document.get(statement.document_id, ()))
    nearby: set[int] = set()
    day = statement.day
    if day is not None:
        for offset in range(-settings.window_days, settings.window_days + 1):
            nearby.update(by_day.get(day + timedelta(days=offset), [])[-limit:])
    shared = {k for key in participants for k in by_participant.get(key, [])[-limit:]}
    if day is None:
        nearby = shared
    found = own | nearby
    if len(found) <= limit:
        return sorted(found)
    ranked = sorted(own) + sorted(nearby & shared - own, reverse=True) + \
        sorted(nearby - shared - own, reverse=True)
    return sorted(ranked[:limit])


def _scores(statement, participants, vectors, i, events: list[_Open], settings) -> np.ndarray:
    similarity = np.array([_similarity(vectors, i, e, settings) for e in events])
    overlap = np.array([_overlap(participants, e.participants) for e in events])
    same_document = np.array([_same_story(statement, e, settings) for e in events], dtype=float)
    return (similarity + settings.participant_weight * overlap
            + settings.same_document_weight * same_document)


def _same_story(statement: Statement, event: _Open, settings) -> bool:
    """Whether the article's bonus applies: the event holds statements of
    the statement's article about days near its own. An article that
    recalls an earlier call ("Their first conversation, in March") or
    announces a trip ("would travel on March 27") tells of another event
    there."""
    days = event.documents.get(statement.document_id)
    if days is None:
        return False
    day = statement.day
    return day is None or any(d is None or abs((d - day).days) <= settings.document_window_days
                              for d in days)


def _similarity(vectors: np.ndarray, i: int, event: _Open, settings) -> float:
    """Mean cosine with the event's k closest members: one generic member
    cannot pull a statement in, and a large event's centroid does not turn
    into an average that is close to everything."""
    members = event.members[-settings.recent_members:]
    cosines = vectors[members] @ vectors[i]
    k = min(settings.neighbours, len(cosines))
    if k == 1:
        return float(cosines.max())
    return float(np.partition(cosines, len(cosines) - k)[-k:].mean())


def _overlap(participants: set[str], seen: set[str]) -> float:
    if not participants:
        return 0.0
    return sum(1 for p in participants if p in seen) / len(participants)


def _add(event: _Open, k, i, statement, participants, by_document, by_participant):
    event.members.append(i)
    event.documents.setdefault(statement.document_id, []).append(statement.day)
    by_document[statement.document_id].add(k)
    for key in participants:
        if not by_participant[key] or by_participant[key][-1] != k:
            by_participant[key].append(k)
        event.participants.add(key)
    if statement.day is not None:
        event.days.append(statement.day)


def _finish(event: _Open, statements: list[Statement]) -> Event:
    first = statements[event.members[0]]
    # Named by its first statement, so an event keeps its id when a later
    # ingest adds statements to it.
    key = f"{first.document_id}:{first.position}".encode()
    return Event(id=hashlib.sha1(key).hexdigest()[:12], members=event.members,
                 first_day=min(event.days) if event.days else None,
                 last_day=max(event.days) if event.days else None)
