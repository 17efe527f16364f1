""""I" and "we" in the article's own voice: the writer, not someone quoted.

Outside quotation marks, a first-person source is whoever wrote the
passage. On a letters page that is the signature line under the letter
("I think the meeting came too late." / "@hotflesh."); "we" with no
signature is the publication ("We asked our followers ..."). Anything
else is left as it is: an "I" nobody signed stays unresolved.
"""

from __future__ import annotations

import re

from ..model import Speaker
from .resolution import with_resolution

_SINGULAR = frozenset({"i", "me"})
_PLURAL = frozenset({"we", "us"})
_SIGNATURE_WORD = re.compile(r"^(?:@\w+|[A-Z][\w'\u2019.-]*|de|van|von|da|al)$")
_MAX_SIGNATURE_WORDS = 4
_SPEAKER_LABEL = re.compile(r"[ \t]*[A-Z][\w.'\u2019 -]{0,40}:")


def first_person_writer(speaker: Speaker | None, text: str, at: int,
                        publisher: str | None) -> Speaker | None:
    """Who an unquoted "I"/"we" at character ``at`` is, or None when unknown."""
    if speaker is None or speaker.name.lower() not in _SINGULAR | _PLURAL:
        return None
    line_start = text.rfind("\n", 0, at) + 1
    if _SPEAKER_LABEL.match(text, line_start):
        return None  # "A: We told him ...": a transcript's speaker, not the writer
    signed = signature_after(text, at)
    if signed:
        return with_resolution(Speaker(signed, "PERSON", None, speaker.mentions, named=True),
                               "signature")
    if speaker.name.lower() in _PLURAL and publisher:
        return with_resolution(Speaker(publisher, "ORG", None, speaker.mentions, named=True),
                               "publisher")
    return None


def signature_after(text: str, at: int) -> str | None:
    """The signature line right below the paragraph holding ``at``: one to
    four capitalised words or a handle, ending in a full stop."""
    end = text.find("\n", at)
    if end < 0:
        return None
    rest = text[end:].lstrip("\r\n \t")
    line = rest.split("\n", 1)[0].strip()
    if not line.endswith(".") or len(line) < 3:
        return None
    words = line[:-1].split()
    if not 1 <= len(words) <= _MAX_SIGNATURE_WORDS or words[0][:1].islower():
        return None
    if len(words) == 1 and not words[0].startswith("@"):
        return None  # "TWITTER." is a heading, not a name
    return line[:-1] if all(_SIGNATURE_WORD.match(w) for w in words) else None
