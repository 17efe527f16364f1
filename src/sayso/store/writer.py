"""Writing one article and its statements: whole or not at all.

``add_extraction`` runs in one transaction: the document row, its speakers
(matched to the speakers already stored, see ``canonical.py``), their
aliases, roles and mentions, and its attributions. An article whose id is
already stored adds nothing, so re-ingesting is harmless, and a process
killed mid-write leaves no trace of the article it was writing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime, timezone

from sqlalchemy import Connection, func, insert, select, update

from ..model import Attribution, Document, Extraction, Speaker
from . import schema
from .canonical import (SpeakerKey, is_named, looks_like_a_person_name, pick_by_role,
                        pick_by_surname, speaker_key)
from .identity import document_id

MAX_ALIAS_CHARS = 200


@dataclass
class Written:
    """What one add did: the document id and whether it was new."""

    doc_id: str
    added: bool
    attributions: int = 0


def add_extraction(conn: Connection, document: Document, extraction: Extraction) -> Written:
    """Store the article and its attributions unless its id is stored already."""
    doc_id = document_id(document.text)
    if conn.execute(select(schema.documents.c.id).where(schema.documents.c.id == doc_id)).first():
        return Written(doc_id, False)
    published = document.date or extraction.date
    conn.execute(insert(schema.documents).values(
        id=doc_id, name=document.path or document.doc_id, url=document.url, title=document.title,
        author=document.author, publisher=document.publisher, published=published,
        text=document.text, ingested_at=datetime.now(timezone.utc).replace(tzinfo=None),
        attribution_count=len(extraction.attributions)))
    speakers = _SpeakerWriter(conn, doc_id, published, document.text)
    rows = []
    for k, a in enumerate(extraction.attributions):
        speaker_id = speakers.id_of(a.speaker)
        row = _attribution_row(doc_id, k, a, speaker_id)
        if speaker_id is not None and a.speaker is not None and a.origin == a.speaker.name:
            # a speaker who is their own origin is stored under the name the
            # store knows them by, so one person is one side across articles
            row["origin"] = speakers.name_of(speaker_id)
        rows.append(row)
    if rows:
        conn.execute(insert(schema.attributions), rows)
    speakers.flush()
    return Written(doc_id, True, len(rows))


def _attribution_row(doc_id: str, position: int, a: Attribution, speaker_id: int | None) -> dict:
    return {"document_id": doc_id, "position": position, "kind": a.kind,
            "source": json.dumps(a.source), "cue": json.dumps(a.cue),
            "content": json.dumps(a.content), "source_text": a.source_text,
            "cue_text": a.cue_text, "cue_lemma": a.cue_lemma, "content_text": a.content_text,
            "speaker_id": speaker_id, "parent": a.parent,
            "cited": json.dumps([c.to_dict() for c in a.cited]), "channel": a.channel,
            "event_date": a.event_date, "event_date_period": a.event_date_period,
            "event_date_span": json.dumps(a.event_date_span), "origin": a.origin,
            "entities": json.dumps(a.entities)}


class _SpeakerWriter:
    """The speakers of one article: matched or created once each, with
    their aliases, roles and mentions written at the end."""

    def __init__(self, conn: Connection, doc_id: str, published: Date | None, text: str):
        self.conn, self.doc_id, self.published, self.text = conn, doc_id, published, text
        self.ids: dict[str, int] = {}
        self.names: dict[int, str] = {}
        self.aliases: dict[tuple[int, str], int] = {}
        self.roles: set[tuple[int, str]] = set()
        self.mentions: set[tuple[int, int, int]] = set()

    def id_of(self, speaker: Speaker | None) -> int | None:
        if speaker is None or not speaker.name.strip():
            return None
        key = speaker_key(speaker.name, speaker.type, self.doc_id, speaker.named)
        speaker_id = self.ids.get(key.key)
        if speaker_id is None:
            speaker_id = self.ids[key.key] = self._find_or_create(key, speaker)
        self._note(speaker_id, speaker)
        return speaker_id

    def name_of(self, speaker_id: int) -> str:
        """The stored name of a speaker of this article, read once."""
        if speaker_id not in self.names:
            t = schema.speakers
            self.names[speaker_id] = self.conn.execute(
                select(t.c.name).where(t.c.id == speaker_id)).scalar_one()
        return self.names[speaker_id]

    def _note(self, speaker_id: int, speaker: Speaker) -> None:
        names = {speaker.name} | {self.text[s:e] for s, e in speaker.mentions}
        for name in filter(is_named, names):  # "she" and "the union" are no aliases
            name = " ".join(name.split())[:MAX_ALIAS_CHARS]
            if name:
                self.aliases[(speaker_id, name)] = self.aliases.get((speaker_id, name), 0) + 1
        if speaker.role:
            self.roles.add((speaker_id, speaker.role[:300]))
        self.mentions.update((speaker_id, s, e) for s, e in speaker.mentions)

    def _find_or_create(self, key: SpeakerKey, speaker: Speaker) -> int:
        t = schema.speakers
        found = self.conn.execute(select(t.c.id, t.c.name).where(t.c.key == key.key)).first()
        if found is None and key.bare_surname:
            found_id = self._surname_owner(key.surname, speaker.role)
            return found_id if found_id is not None else self._create(key, speaker)
        if found is None and key.surname and self._claim_bare_surname(key, speaker):
            return self._find_or_create(key, speaker)
        if found is None and not key.surname:
            found = self._person_named(speaker)
        if found is None:
            return self._create(key, speaker)
        if key.surname and len(speaker.name) > len(found.name):  # "Vladimir V. Putin"
            self.conn.execute(update(t).where(t.c.id == found.id).values(name=speaker.name))
        return found.id

    def _person_named(self, speaker: Speaker):
        """The stored person whose name this is, when the recogniser typed
        it otherwise here ("Donald Trump" as an ORG)."""
        if not looks_like_a_person_name(speaker.name):
            return None
        as_person = speaker_key(speaker.name, "PERSON", self.doc_id, True)
        if as_person.bare_surname:
            return None
        t = schema.speakers
        return self.conn.execute(select(t.c.id, t.c.name).where(t.c.key == as_person.key)).first()

    def _surname_owner(self, surname: str, role: str | None) -> int | None:
        """Who a bare surname is: by the role given, else by prominence."""
        candidates = self._people_with_surname(surname)
        if len(candidates) > 1 and role:
            r = schema.speaker_roles
            roles: dict[int, list[str]] = {sid: [] for sid, _ in candidates}
            for sid, seen in self.conn.execute(select(r.c.speaker_id, r.c.role)
                                               .where(r.c.speaker_id.in_(list(roles)))):
                roles[sid].append(seen)
            by_role = pick_by_role(role, roles)
            if by_role is not None:
                return by_role
        return pick_by_surname(candidates)

    def _people_with_surname(self, surname: str) -> list[tuple[int, int]]:
        t, a = schema.speakers, schema.attributions
        rows = self.conn.execute(
            select(t.c.id, func.count(a.c.id))
            .select_from(t.outerjoin(a, a.c.speaker_id == t.c.id))
            .where(t.c.key.like(f"person:% {surname}"), t.c.key != f"person:{surname}")
            .group_by(t.c.id))
        return [(row[0], row[1]) for row in rows]

    def _claim_bare_surname(self, key: SpeakerKey, speaker: Speaker) -> bool:
        """The first full name for a surname stored so far only bare ("Weber"
        before "Anna Weber") takes that speaker over: the earlier statements
        were hers. Once a second full name exists, bare ones stay apart."""
        t = schema.speakers
        bare = self.conn.execute(select(t.c.id).where(t.c.key == f"person:{key.surname}")).first()
        if bare is None or self._people_with_surname(key.surname):
            return False
        self.conn.execute(update(t).where(t.c.id == bare.id).values(key=key.key, name=speaker.name))
        return True

    def _create(self, key: SpeakerKey, speaker: Speaker) -> int:
        result = self.conn.execute(insert(schema.speakers).values(
            key=key.key, name=speaker.name, type=speaker.type, first_seen=self.published))
        return result.inserted_primary_key[0]

    def flush(self) -> None:
        """Aliases (counted), roles (with the article's date) and mentions."""
        for (speaker_id, alias), count in self.aliases.items():
            self._count_alias(speaker_id, alias, count)
        if self.roles:
            self.conn.execute(insert(schema.speaker_roles), [
                {"speaker_id": s, "role": r, "document_id": self.doc_id, "published": self.published}
                for s, r in sorted(self.roles)])
        if self.mentions:
            self.conn.execute(insert(schema.mentions), [
                {"document_id": self.doc_id, "speaker_id": s, "start": b, "end": e,
                 "text": self.text[b:e]} for s, b, e in sorted(self.mentions)])

    def _count_alias(self, speaker_id: int, alias: str, count: int) -> None:
        t = schema.speaker_aliases
        done = self.conn.execute(update(t).where(t.c.speaker_id == speaker_id, t.c.alias == alias)
                                 .values(count=t.c.count + count))
        if done.rowcount == 0:
            self.conn.execute(insert(t).values(speaker_id=speaker_id, alias=alias, count=count))
