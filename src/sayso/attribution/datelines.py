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
_LOOKAHEAD = 8  # tokens from the place to its dash: "New York (AFP) –"


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
    """The attributions, each source that opens with a dateline cut to what
    follows the dash."""
    offsets = TokenOffsets(doc)
    return [_stripped(doc, offsets, a) if a.source else a for a in attributions]


def _stripped(doc: Doc, offsets: TokenOffsets, attribution: Attribution) -> Attribution:
    source = sorted(offsets.tokens_in(attribution.source))
    dash = dateline_dash(doc[source[0]]) if source else None
    if dash is None:
        return attribution
    rest = [i for i in source if i > dash]
    return replace(attribution, source=tokens_to_span(doc, rest)) if rest else attribution


def _dash_after(doc: Doc, i: int) -> int | None:
    """The dateline's dash: spaced, followed by a capitalised word, and not
    closed by a second dash (an aside: "China – the world's largest ... –")."""
    for t in doc[i:min(len(doc), i + _LOOKAHEAD)]:
        if t.text not in DASHES or not t.whitespace_ or not doc[t.i - 1].whitespace_:
            continue
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        closed = any(u.text in DASHES for u in doc[t.i + 1:min(len(doc), t.i + 12)])
        return t.i if after is not None and after.text[:1].isupper() and not closed else None
    return None
