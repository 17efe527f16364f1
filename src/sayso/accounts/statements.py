"""The plain records the compare stage works on: one stored statement each."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date

from ..speakers.lexicon import generic_body_words

_NON_WORD = re.compile(r"[^\w]+")
_LEADING_THE = re.compile(r"^the\s+", re.I)
_POSSESSIVE = re.compile(r"['\u2019]s\b")


@dataclass
class Statement:
    """A stored attribution, with what grouping and alignment read."""

    id: int
    document_id: str
    position: int
    content: str
    published: Date | None = None
    event_date: Date | None = None
    event_date_period: str | None = None
    speaker: str | None = None      # canonical speaker name
    origin: str | None = None
    speaker_id: int | None = None   # the store's speaker
    cited: bool = False             # the statement reached the article through a relay
    entities: list[str] = field(default_factory=list)
    cue_lemma: str | None = None

    @property
    def day(self) -> Date | None:
        """When it happened, as well as the text says: a stated day, else publication."""
        if self.event_date is not None and self.event_date_period == "day":
            return self.event_date
        return self.published or self.event_date

    @property
    def side(self) -> str:
        """The origin as a grouping key: "the Kremlin" and "Kremlin" are one side."""
        return side_key(self.origin or self.speaker or "unknown")

    def participants(self) -> set[str]:
        keys = {side_key(name) for name in self.entities}
        if self.speaker:
            keys.add(side_key(self.speaker))
        if self.origin:
            keys.add(side_key(self.origin))
        return {k for k in keys if k}


def side_key(name: str) -> str:
    """"the Kremlin" = "Kremlin"; "Trump’s campaign" = "Trump campaign";
    "Valdoran presidency" = "Valdor presidency" (a country and its adjective)."""
    name = _POSSESSIVE.sub("", _LEADING_THE.sub("", name.strip()))
    words = _NON_WORD.sub(" ", name).split()
    return " ".join(_country_root(w, words[k + 1] if k + 1 < len(words) else None)
                    if w[:1].isupper() else w.lower() for k, w in enumerate(words))


# "Ostranian"/"Ostrania", "Russian"/"Russia", "Mexican"/"Mexico", "Valdoran"/"Valdor"
_ADJECTIVE_ENDINGS = ("ian", "ean", "an")
_COUNTRY_ENDINGS = ("ia", "a", "o")
_MIN_ROOT = 4


def _country_root(word: str, following: str | None) -> str:
    """The shared root of a country's name and its adjective. A name ending
    like a country's ("Maria", "Roberto") keeps its form unless it stands
    last or before a body's generic word ("Ostrania presidency")."""
    word = word.lower()
    endings = _ADJECTIVE_ENDINGS
    if following is None or following.lower() in generic_body_words():
        endings += _COUNTRY_ENDINGS
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_ROOT:
            return word[:-len(ending)]
    return word
