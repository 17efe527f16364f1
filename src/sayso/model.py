"""Plain data passed between the stages: no spaCy, no SQL.

Every span is a list of ``(start, end)`` character fragments into the
document text, so a discontinuous quote ("We will come," she said, "if they
ask.") is one content span of two fragments.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

Fragment = tuple[int, int]
Span = list[Fragment]

KINDS = ("direct", "indirect", "mixed")
MODELS = ("default", "accurate")  # extractor modes: CRF taggers / MiniLM heads
SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "NORP", "OTHER")


def span_text(text: str, span: Span) -> str:
    """The covered text, fragments joined by a space (as BRAT writes them)."""
    return " ".join(text[s:e] for s, e in span)


def fragments_as_lists(span: Span) -> list[list[int]]:
    return [[s, e] for s, e in span]


@dataclass
class Document:
    """One article as read from disk, a page or a record.

    ``date`` is the publication date; ``path`` says where the article came
    from (a file, or a file and its record: ``feed.jsonl:12``); ``format``
    what ``text`` was read from: ``text`` when it is the file itself, else
    the format it was extracted from (``html``, ``jsonl``, ``warc``), whose
    offsets index ``text``, not the file.
    """

    doc_id: str
    text: str
    date: Date | None = None
    path: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    format: str = "text"

    @property
    def extracted(self) -> bool:
        """True when ``text`` is not the file's own text (a page, a record)."""
        return self.format != "text"


@dataclass
class Speaker:
    """Who made a statement, resolved to the most specific name in the article."""

    name: str
    type: str = "OTHER"
    role: str | None = None
    mentions: Span = field(default_factory=list)
    named: bool | None = None  # known by a proper name (None: not said)
    # how the source phrase was tied to this speaker (speakers/resolution.py):
    # name, apposition, title, nominal, pronoun, relative, label, publisher, none
    # (not part of who the speaker is: two records of one person compare equal)
    resolved_by: str | None = field(default=None, compare=False)
    confidence: float | None = field(default=None, compare=False)  # how often that way is right

    def to_dict(self) -> dict:
        return {"name": self.name, "type": self.type, "role": self.role,
                "mentions": fragments_as_lists(self.mentions), "named": self.named,
                "resolved_by": self.resolved_by, "confidence": self.confidence}


@dataclass
class CitedSource:
    """A further source a statement passed through ("citing a ministry spokesman")."""

    name: str
    type: str = "OTHER"
    role: str | None = None

    def to_dict(self) -> dict:
        return {"name": self.name, "type": self.type, "role": self.role}


@dataclass
class Attribution:
    """One attributed statement: who (source), how (cue) and what (content)."""

    source: Span
    cue: Span
    content: Span
    kind: str = "indirect"
    speaker: Speaker | None = None
    cited: list[CitedSource] = field(default_factory=list)
    parent: int | None = None
    channel: str | None = None
    score: float | None = None
    confidence: float | None = None  # calibrated chance the record is right (attribution/confidence.py)
    cue_lemma: str | None = None  # lemma of the cue's main word ("say" for "has said")
    event_date: Date | None = None  # the date the content or its sentence states
    event_date_period: str | None = None  # "day", "week" (its Monday) or "month" (its 1st)
    event_date_span: Span = field(default_factory=list)  # the phrase that states it
    origin: str | None = None  # the institution or person at the root of the relay chain
    entities: list[str] = field(default_factory=list)  # names the content mentions
    source_text: str = ""
    cue_text: str = ""
    content_text: str = ""

    def fill_texts(self, text: str) -> None:
        self.source_text = span_text(text, self.source)
        self.cue_text = span_text(text, self.cue)
        self.content_text = span_text(text, self.content)

    def to_dict(self) -> dict:
        return {
            "source": fragments_as_lists(self.source),
            "cue": fragments_as_lists(self.cue),
            "content": fragments_as_lists(self.content),
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cited": [c.to_dict() for c in self.cited],
            "parent": self.parent,
            "channel": self.channel,
            "score": self.score,
            "confidence": self.confidence,
            "cue_lemma": self.cue_lemma,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "event_date_period": self.event_date_period,
            "event_date_span": fragments_as_lists(self.event_date_span),
            "origin": self.origin,
            "entities": list(self.entities),
            "source_text": self.source_text,
            "cue_text": self.cue_text,
            "content_text": self.content_text,
        }


@dataclass
class Extraction:
    """The attributions found in one document."""

    doc_id: str
    attributions: list[Attribution]
    date: Date | None = None

    def to_dict(self) -> dict:
        return {"doc_id": self.doc_id,
                "date": self.date.isoformat() if self.date else None,
                "attributions": [a.to_dict() for a in self.attributions]}
