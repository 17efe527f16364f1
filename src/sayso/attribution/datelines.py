"""Datelines are not sources: "WASHINGTON (Reuters) - Senator Weber said ...".

A wire story opens with the place it was filed from, the agency and a dash.
The parser often makes the place the subject of the first verb and the
tagger takes it into the source; the speaker is the name after the dash.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..model import Attribution
from .alignment import TokenOffsets, tokens_to_span

DASHES = ("-", "\u2013", "\u2014", "--")
_LOOKAHEAD = 14  # tokens from the place to its dash: "SELM, Ostrania, May 12 (Norpress) —"


def dateline_dash(token: Token) -> int | None:
    """The index of the dash closing the dateline ``token`` opens, or None
    when it opens none. A dateline is a place opening its line, then within
    a few tokens a dash with space on both sides and a capitalised word
    after it: "WASHINGTON (Reuters) -", "New York (AFP) – Vice President
    ..." (not "Iran-backed", nor "China – the world's largest emitter –
    said")."""
    doc = token.doc
    start = token.left_edge.i
    if start > 0 and "\n" not in doc[start - 1].text_with_ws:
        return None
    words = [t for t in doc[start:token.i + 1] if t.is_alpha]
    place = token.ent_type_ in ("GPE", "LOC", "FAC") or bool(words) and all(
        t.is_upper for t in words)
    return _dash_after(doc, token.i) if place else None


def strip_datelines(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions, each source or content that opens with a dateline
    cut to what follows the dash."""
    offsets = TokenOffsets(doc)
    return [_stripped(doc, offsets, a) for a in attributions]


def _stripped(doc: Doc, offsets: TokenOffsets, attribution: Attribution) -> Attribution:
    changes = {}
    for role in ("source", "content"):
        tokens = sorted(offsets.tokens_in(getattr(attribution, role)))
        dash = _dateline_at(doc, tokens[0]) if tokens else None
        rest = [i for i in tokens if dash is not None and i > dash]
        if rest:
            changes[role] = tokens_to_span(doc, rest)
    return replace(attribution, **changes) if changes else attribution


def _dateline_at(doc: Doc, first: int) -> int | None:
    """The dash of a dateline that opens at token ``first`` ("VARNE,
    Ostrania (Norpress) —"), whichever word of it the parse makes its head."""
    token = doc[first]
    if first > 0 and "\n" not in doc[first - 1].text_with_ws:
        return None
    words = [t for t in doc[first:first + 3] if t.is_alpha]
    if not (token.ent_type_ in ("GPE", "LOC", "FAC") or words and words[0].is_upper
            and len(words[0]) > 1):
        return None
    return _dash_after(doc, first)


def _dash_after(doc: Doc, i: int) -> int | None:
    """The dateline's dash: spaced, followed by a capitalised word, and not
    closed by a second spaced dash (an aside: "China – the world's largest
    ... –"; the dash inside "the Kessel–Holm ferry" closes nothing)."""
    for t in doc[i:min(len(doc), i + _LOOKAHEAD)]:
        if not _spaced_dash(doc, t):
            continue
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        closed = any(_spaced_dash(doc, u) for u in doc[t.i + 1:min(len(doc), t.i + 12)])
        return t.i if after is not None and after.text[:1].isupper() and not closed else None
    return None


def _spaced_dash(doc: Doc, token: Token) -> bool:
    return (token.text in DASHES and bool(token.whitespace_) and token.i > 0
            and bool(doc[token.i - 1].whitespace_))
