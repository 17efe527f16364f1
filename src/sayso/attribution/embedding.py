"""Embedded attributions keep their source inside the statement that holds them.

In "Bruno said the mayor stressed that ...", the inner attribution (cue
"stressed") lies inside the outer one's content; its source must too. A
role tagger that also labels "Bruno" as the inner source is corrected here.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Attribution, Span
from .alignment import TokenOffsets, tokens_to_span
from .clause_contents import cue_verb


def confine_embedded_sources(attributions: list[Attribution]) -> list[Attribution]:
    """Drop source fragments that fall outside the content embedding the cue."""
    for inner in attributions:
        outer = _embedding_content(inner, attributions)
        if outer is None or not inner.source:
            continue
        kept = [f for f in inner.source if _inside(f, outer)]
        if kept:  # never leave a statement sourceless on this evidence alone
            inner.source = kept
    return attributions


def _embedding_content(inner: Attribution, attributions: list[Attribution]) -> Span | None:
    """The smallest other content holding this attribution's cue."""
    if not inner.cue:
        return None
    best = None
    for outer in attributions:
        if outer is inner or not all(_inside(f, outer.content) for f in inner.cue):
            continue
        size = sum(e - s for s, e in outer.content)
        if best is None or size < best[0]:
            best = (size, outer.content)
    return best[1] if best else None


def _inside(fragment: tuple[int, int], span: Span) -> bool:
    return any(s <= fragment[0] and fragment[1] <= e for s, e in span)


def confine_sources_to_clause(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """A source holding its verb's subject keeps to that verb's clause:
    in "Brightwell Foods chief executive Dario Fenn spoke ... a day after the
    company said it would close", the tagger's source for "said" ran from
    "Brightwell" to "company"; the one who said it is the company."""
    offsets = TokenOffsets(doc)
    for attribution in attributions:
        source = offsets.tokens_in(attribution.source)
        verb = cue_verb(doc, sorted(offsets.tokens_in(attribution.cue))) if attribution.cue else None
        if not source or verb is None or verb.pos_ != "VERB":
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i in source for c in verb.children):
            continue
        clause = {t.i for t in verb.subtree}
        kept = sorted(i for i in source if i in clause)
        if len(kept) < len(source) and any(doc[i].is_alpha for i in kept):
            attribution.source = tokens_to_span(doc, kept)
    return attributions
