"""Character spans <-> spaCy token indices."""

from __future__ import annotations

import bisect

from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.tokens import Doc

from ..model import Span


_CACHE = "sayso_token_offsets"


class TokenOffsets:
    """Start and end offsets of a document's tokens, for bisect look-ups."""

    def __new__(cls, doc: Doc):
        # built by most stages of one doc: the tables are read once, in one C
        # call each, and kept on the doc (a new Doc is a new table)
        cached = doc.user_data.get(_CACHE)
        if cached is not None and cached.size == len(doc):
            return cached
        self = super().__new__(cls)
        self.doc, self.size = doc, len(doc)
        columns = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist() if len(doc) else []
        self.starts = [start for start, _, _ in columns]
        self.ends = [start + length for start, length, _ in columns]
        self.spaces = [bool(space) for _, _, space in columns]
        self._sentence_starts = None
        doc.user_data[_CACHE] = self
        return self

    def sentence_of(self, i: int) -> tuple[int, int]:
        """Token bounds ``[start, end)`` of the sentence holding token ``i``
        (``Token.sent`` walks the doc each time; this bisects)."""
        if self._sentence_starts is None:
            flags = self.doc.to_array([SENT_START]).tolist() if self.size else []
            self._sentence_starts = [k for k, flag in enumerate(flags) if flag == 1 or k == 0]
        starts = self._sentence_starts
        k = bisect.bisect_right(starts, i) - 1
        return starts[k], starts[k + 1] if k + 1 < len(starts) else self.size

    def tokens_in(self, span: Span) -> set[int]:
        """Non-space tokens sharing at least one character with the span."""
        found: set[int] = set()
        for start, end in span:
            i = bisect.bisect_right(self.ends, start)
            while i < len(self.starts) and self.starts[i] < end:
                if not self.spaces[i]:
                    found.add(i)
                i += 1
        return found


def forget_offsets(doc: Doc) -> None:
    """Drop the tables kept on the doc (so a user's Doc serialises as before)."""
    for key in (_CACHE, "sayso_passage"):
        doc.user_data.pop(key, None)


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
