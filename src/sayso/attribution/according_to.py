""""According to X, ...": a statement whatever the taggers made of it.

"According to" always attributes: its object is the source, the clause it
modifies is the content, before or after it ("According to city engineer
Rosa Lindqvist, the cracks have grown", "The cracks have grown, according
to the city engineer", "Four people, according to police, were
arrested"). The cue tagger misses some, mostly where a long name or an
apposition follows, and the role tagger mixes the two sides up; the parse
settles both: a missing one is added, a tagged one gets the parse's
source and content.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Attribution
from .alignment import TokenOffsets, tokens_to_span

_EDGE_PUNCT = frozenset({",", ";", ":", "-", "\u2013", "\u2014", "--", "."})


def add_according_to_attributions(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    offsets = TokenOffsets(doc)
    by_cue = {}
    for attribution in attributions:
        for i in offsets.tokens_in(attribution.cue):
            by_cue[i] = attribution
    found = list(attributions)
    for token in doc:
        if token.lower_ != "according" or token.i + 1 >= len(doc):
            continue
        parsed = _according_to(doc, token)
        if parsed is None:
            continue
        tagged = by_cue.get(token.i)
        if tagged is None:
            found.append(parsed)
        else:
            # the parse knows who and what better than the taggers here
            # ("Tessa Moorcroft, 34, was released, according to her lawyer")
            tagged.source, tagged.content = parsed.source, parsed.content
    return found


def _according_to(doc: Doc, according: Token) -> Attribution | None:
    to = doc[according.i + 1]
    if to.lower_ != "to":
        return None
    source_head = next((c for c in to.children if c.dep_ == "pobj"), None) or next(
        (c for c in according.children if c.dep_ == "pobj"), None)
    if source_head is None:
        return None
    source = _trimmed(doc, sorted(t.i for t in source_head.subtree))
    clause = _clause_of(according)
    if clause is None:
        return None
    sentence = according.sent
    phrase = {according.i, to.i, *source, *(t.i for t in source_head.subtree)}
    content = _trimmed(doc, [t.i for t in clause.subtree if t.i not in phrase
                             and sentence.start <= t.i < sentence.end and not t.is_space])
    if not source or not content or not any(doc[i].is_alpha for i in content):
        return None
    return Attribution(source=tokens_to_span(doc, source),
                       cue=tokens_to_span(doc, [according.i, to.i]),
                       content=tokens_to_span(doc, content))


def _clause_of(according: Token) -> Token | None:
    """The verb whose clause "according to" qualifies."""
    token = according
    for _ in range(4):
        if token.head.i == token.i:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _trimmed(doc: Doc, tokens: list[int]) -> list[int]:
    while tokens and doc[tokens[0]].text in _EDGE_PUNCT:
        tokens = tokens[1:]
    while tokens and doc[tokens[-1]].text in _EDGE_PUNCT:
        tokens = tokens[:-1]
    return tokens
