"""Character spans <-> spaCy token indices."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from ..model import Span


class TokenOffsets:
    """Start and end offsets of a document's tokens, for bisect look-ups."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = [t.idx for t in doc]
        self.ends = [t.idx + len(t) for t in doc]

    def tokens_in(self, span: Span) -> set[int]:
        """Non-space tokens sharing at least one character with the span."""
        found: set[int] = set()
        for start, end in span:
            i = bisect.bisect_right(self.ends, start)
            while i < len(self.starts) and self.starts[i] < end:
                if not self.doc[i].is_space:
                    found.add(i)
                i += 1
        return found


def tokens_to_span(doc: Doc, indices: list[int]) -> Span:
    """Fragments covering the given tokens, one per run of consecutive tokens.

    Runs separated only by whitespace tokens are joined, so a content that
    crosses a paragraph break stays one fragment as annotators write it.
    """
    fragments: Span = []
    prev = None
    for i in sorted(indices):
        tok = doc[i]
        if prev is not None and _only_space_between(doc, prev, i):
            fragments[-1] = (fragments[-1][0], tok.idx + len(tok))
        else:
            fragments.append((tok.idx, tok.idx + len(tok)))
        prev = i
    return fragments


def _only_space_between(doc: Doc, a: int, b: int) -> bool:
    return all(doc[k].is_space for k in range(a + 1, b))
