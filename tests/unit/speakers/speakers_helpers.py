"""Building attributions by hand over a text, with offsets found by search."""

from __future__ import annotations

import re

from sayso.model import Attribution, Span
from sayso.speakers import enrich


def span(text: str, phrase: str, after: str = "") -> Span:
    """The fragment of the first ``phrase`` standing as whole words ("he" is
    not found in "the") at or after the first ``after``."""
    if not phrase:
        return []
    pattern = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")
    match = pattern.search(text, text.index(after) if after else 0)
    if match is None:
        raise ValueError(f"{phrase!r} not in text")
    return [match.span()]


def attribution(text: str, source: str, cue: str, content: str, after: str = "") -> Attribution:
    """An attribution whose parts are the first matches at or after ``after``."""
    return Attribution(span(text, source, after), span(text, cue, after),
                       span(text, content, after))


def enriched(nlp, text: str, *parts: tuple[str, ...]) -> list[Attribution]:
    """Parse ``text``, build one attribution per ``(source, cue, content[,
    after])`` tuple and enrich them all."""
    attributions = [attribution(text, *p) for p in parts]
    enrich(nlp(text), attributions)
    return attributions
