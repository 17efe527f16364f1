"""Character spans to tokens and back, for spans from any source.

Spans come from a learned extractor and may be empty, run past the end of
the text or cut through a token; every function here accepts them and
widens to whole tokens (like ``doc.char_span(..., alignment_mode="expand")``)
instead of raising.
"""

from __future__ import annotations

import operator
from bisect import bisect_left, bisect_right

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Token

from ..model import Span

# Leading words dropped when a noun phrase becomes a name or a role:
# "a spokesman for ..." -> "spokesman for ...", "the press office" -> "press office".
ARTICLES = frozenset({"a", "an", "the"})
_EDGE_PUNCT = frozenset({"PUNCT"})


class TokenOffsets:
    """Maps character offsets of one doc to token indices in O(log n)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        # one C call instead of a Token object per token
        columns = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        self.starts = [start for start, _ in columns]
        self.ends = [start + length for start, length in columns]

    def token_range(self, start: int, end: int) -> tuple[int, int] | None:
        """Tokens ``[i, j)`` touching ``[start, end)``, or None when none do."""
        if end <= start:
            return None
        i = bisect_right(self.ends, start)  # first token ending after start
        j = bisect_left(self.starts, end)   # first token starting at or after end
        return (i, j) if i < j else None

    def span_tokens(self, span: Span) -> list[int]:
        """Indices of the tokens covered by any fragment, in order, no repeats."""
        seen: set[int] = set()
        for start, end in clean_fragments(span):
            found = self.token_range(start, end)
            if found:
                seen.update(range(*found))
        return sorted(seen)


def clean_fragments(span: Span) -> list[tuple[int, int]]:
    """The well-formed, non-empty ``(start, end)`` fragments of a span."""
    found = []
    for fragment in span or ():
        try:
            start, end = (operator.index(x) for x in fragment)
        except (TypeError, ValueError):
            continue
        if end > start:
            found.append((start, end))
    return found


def tokens_removed(doc: Doc, span: Span, removed: set[int]) -> Span:
    """``span`` without the characters of the ``removed`` tokens, each piece
    trimmed of the spaces and punctuation left at its edges."""
    offsets = TokenOffsets(doc)
    kept = [i for i in offsets.span_tokens(span) if i not in removed]
    fragments: list[tuple[int, int]] = []
    run: list[int] = []
    for i in kept + [None]:
        if run and (i is None or i != run[-1] + 1):
            while run and doc[run[0]].is_punct:
                run = run[1:]
            while run and doc[run[-1]].is_punct and doc[run[-1]].text not in _CLOSING:
                run = run[:-1]
            if run:
                fragments.append((doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]])))
            run = []
        if i is not None:
            run.append(i)
    return fragments


_CLOSING = frozenset({'"', "”", "’", "'", ")"})


def span_root(doc: Doc, tokens: list[int]) -> Token:
    """The first of ``tokens`` whose head lies outside them, punctuation
    skipped: "Tom Ruiz, a spokesman ...," -> Ruiz; "quoted ... as saying" ->
    quoted. ``tokens`` must not be empty."""
    inside = set(tokens)
    heads = [doc[i] for i in tokens
             if (doc[i].head.i == i or doc[i].head.i not in inside) and doc[i].pos_ != "PUNCT"]
    # "That Alabama Securities Commissioner Thomas Krebs said": a subordinator,
    # adverb or determiner swept into the span ("That [quote from] Thomas
    # Krebs") hangs outside it too, but names no one
    named = [t for t in heads if t.dep_ not in _NOT_SOURCE_HEADS and t.lower_ not in _LINK_WORDS]
    return (named or heads or [doc[tokens[0]]])[0]


_NOT_SOURCE_HEADS = frozenset({"mark", "cc", "advmod", "preconj", "det", "amod"})
# "... over which Senate bill that New Jersey Gov. Chris Christie said": the
# parser may make the linking word an object, but it is never the source
_LINK_WORDS = frozenset({"that", "which"})


def char_span_of(tokens: list[Token]) -> tuple[int, int]:
    """The character extent of a run of tokens."""
    return (tokens[0].idx, tokens[-1].idx + len(tokens[-1]))


_CLAUSE_DEPS = frozenset({"relcl", "acl"})


def phrase_tokens(head: Token, drop_deps: frozenset[str] = frozenset()) -> list[Token]:
    """The contiguous run of ``head``'s subtree around it, cut where a child
    whose dependency is in ``drop_deps`` begins, without edge articles and
    punctuation."""
    doc = head.doc
    left, right = head.left_edge.i, head.right_edge.i
    for child in head.children:
        if child.dep_ in drop_deps and not inside_word(child):
            if child.i > head.i:
                right = min(right, child.left_edge.i - 1)
            else:
                left = max(left, child.right_edge.i + 1)
    # a clause set off by a comma deeper in the phrase ends it too ("an official
    # with knowledge of the investigation, who spoke on condition ...")
    for token in head.subtree:
        if (token.i > head.i and token.dep_ in drop_deps & _CLAUSE_DEPS
                and doc[token.left_edge.i - 1].text == ","):
            right = min(right, token.left_edge.i - 2)
    # a phrase never runs across a line break ("3:20 p.m.\n\nEarly results")
    breaks = [i for i in range(left, right + 1) if "\n" in doc[i].text_with_ws]
    left = max([i + 1 for i in breaks if i < head.i], default=left)
    right = min([i for i in breaks if i > head.i] + [right + 1]) - 1
    while left < head.i and (doc[left].pos_ in _EDGE_PUNCT or doc[left].lower_ in ARTICLES):
        left += 1
    while right > head.i and doc[right].pos_ in _EDGE_PUNCT:
        right -= 1
    return [doc[i] for i in range(left, right + 1)]


def unbroken_around(tokens: list[Token], anchor: Token) -> list[Token]:
    """The tokens joined to ``anchor`` without a line break or a spaced dash
    between (a recognised name may swallow a list number on the line before,
    or a dateline: "CLEVELAND - Anna Weber")."""
    doc = anchor.doc
    return [t for t in tokens if not any(
        _breaks_name(doc[i]) for i in range(min(t.i, anchor.i), max(t.i, anchor.i) + 1))]


def _breaks_name(token: Token) -> bool:
    spaced = bool(token.whitespace_) or (token.i > 0 and bool(token.doc[token.i - 1].whitespace_))
    return "\n" in token.text_with_ws or (token.text in ("-", "–", "—") and spaced)


def inside_word(token: Token) -> bool:
    """A hyphen with no space either side, as in "54-year-old"."""
    return (token.pos_ == "PUNCT" and not token.whitespace_ and token.i > 0
            and not token.doc[token.i - 1].whitespace_)


def root_of(doc: Doc, start: int, end: int) -> Token:
    """The head of the tokens ``[start, end)``, climbing from the first one."""
    token = doc[start]
    for _ in range(end - start):
        head = token.head
        if head.i == token.i or not start <= head.i < end:
            break
        token = head
    return token


def tokens_text(tokens: list[Token]) -> str:
    """The text of a contiguous run of tokens as it appears in the doc."""
    if not tokens:
        return ""
    # a slice of the doc, not of doc.text, which spaCy rebuilds on each access
    return tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text
