"""Find quotations in raw article text, as character offsets (no spaCy).

Promises:

* every ``Quote`` lies inside the text; its ``fragments`` are the inner spans
  (marks and surrounding whitespace excluded), non-empty, ordered, disjoint;
* a fragment never crosses a paragraph break: an unclosed quote is cut at the
  end of its paragraph (``closed=False``), except for the news convention of
  reopening each new paragraph of one passage without closing the last one;
* top-level quotes never overlap; ``nested`` quotes (curly ‘…’ inside a double
  quote) lie inside one;
* the scan is linear in the length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

Fragment = tuple[int, int]

# Doubled marks first, so ``''`` is one mark rather than two apostrophes.
_MARK = re.compile("``|''|[\"“”«»‘’]")
_ALWAYS_OPENS = {"“", "«", "``"}
_ALWAYS_CLOSES = {"”", "»"}
_SINGLE = {"‘", "’"}  # only ever nested: a lone ’ is nearly always an apostrophe
_OPEN, _CLOSE = "open", "close"

_BEFORE_OPENING = set("([{-–—/\"“‘«`")
_AFTER_CLOSING = set(".,;:!?)]}-–—/\"”’'»…")
_BLANK_LINE = re.compile(r"\n\s*\n")
_NEWLINE = re.compile(r"\n")


@dataclass
class Quote:
    """A quotation: ``start``/``end`` include the marks, ``fragments`` do not."""

    start: int
    end: int
    fragments: list[Fragment]
    closed: bool
    nested: bool = False

    @property
    def inner(self) -> list[Fragment]:
        return self.fragments

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass
class _Open:
    """A quote whose closing mark has not been seen yet."""

    start: int
    inner_start: int | None  # None between paragraphs, awaiting a reopening mark
    fragments: list[Fragment] = field(default_factory=list)


def find_paragraphs(text: str) -> list[Fragment]:
    """Paragraph spans, trimmed of whitespace, empty ones dropped.

    Paragraphs are separated by blank lines; a text without any blank line
    is taken to put one paragraph on each line.
    """
    breaks = _BLANK_LINE if _BLANK_LINE.search(text) else _NEWLINE
    spans, pos = [], 0
    for m in breaks.finditer(text):
        spans.append(trim_span(text, pos, m.start()))
        pos = m.end()
    spans.append(trim_span(text, pos, len(text)))
    return [(s, e) for s, e in spans if s < e]


def trim_span(text: str, start: int, end: int) -> Fragment:
    """Narrow ``[start, end)`` past whitespace at both ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(text: str) -> list[Quote]:
    """All quotations in ``text``, ordered by start (an outer before its nested)."""
    scanner = _QuoteScanner(text)
    for start, end in find_paragraphs(text):
        scanner.scan_paragraph(start, end)
    scanner.finish_outer(closed=False)
    return sorted(scanner.quotes, key=lambda q: (q.start, q.nested))


def _has_opening_context(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return (before.isspace() or before in _BEFORE_OPENING) and not after.isspace()


def _has_closing_context(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return (after.isspace() or after in _AFTER_CLOSING) and not before.isspace()


def _decide_role(text: str, m: re.Match, inside: bool) -> str:
    """Whether a double mark opens or closes, from its kind, context and state."""
    opens = _has_opening_context(text, m.start(), m.end())
    closes = _has_closing_context(text, m.start(), m.end())
    mark = m.group()
    if mark in _ALWAYS_CLOSES:
        return _CLOSE
    if mark in _ALWAYS_OPENS:
        # “Yes,“ she said: an opening mark typed where a closing one belongs.
        return _CLOSE if inside and closes and not opens else _OPEN
    if opens != closes:
        return _OPEN if opens else _CLOSE
    return _CLOSE if inside else _OPEN  # context is silent: alternate


class _QuoteScanner:
    """One left-to-right pass over the marks, one paragraph at a time."""

    def __init__(self, text: str):
        self.text = text
        self.quotes: list[Quote] = []
        self.outer: _Open | None = None
        self.nested: _Open | None = None

    def scan_paragraph(self, start: int, end: int) -> None:
        pos = start
        if self.outer is not None:  # left open at the end of the last paragraph
            m = _MARK.match(self.text, start, end)
            if m and m.group() not in _SINGLE and _decide_role(self.text, m, False) == _OPEN:
                self.outer.inner_start = pos = m.end()  # news-style reopening
            else:
                self.finish_outer(closed=False)
        for m in _MARK.finditer(self.text, pos, end):
            if m.group() in _SINGLE:
                self.handle_single(m)
            else:
                self.handle_double(m)
        self.nested = None  # an unclosed ‘ is likelier a misused apostrophe
        if self.outer is not None:
            self.add_fragment(self.outer, end)
            self.outer.inner_start = None

    def handle_double(self, m: re.Match) -> None:
        role = _decide_role(self.text, m, inside=self.outer is not None)
        if role == _OPEN:
            if self.outer is not None:  # the earlier quote was never closed
                self.add_fragment(self.outer, m.start())
                self.finish_outer(closed=False)
            self.outer = _Open(m.start(), m.end())
        elif self.outer is not None:  # a closing mark with nothing open is stray
            self.add_fragment(self.outer, m.start())
            self.finish_outer(closed=True, end=m.end())

    def handle_single(self, m: re.Match) -> None:
        s, e = m.start(), m.end()
        if m.group() == "‘":
            if self.outer is not None and self.nested is None \
                    and _has_opening_context(self.text, s, e):
                self.nested = _Open(s, e)
        elif self.nested is not None and _has_closing_context(self.text, s, e):
            self.add_fragment(self.nested, s)
            if self.nested.fragments:
                self.quotes.append(Quote(self.nested.start, e, self.nested.fragments,
                                         closed=True, nested=True))
            self.nested = None

    def add_fragment(self, quote: _Open, end: int) -> None:
        span = trim_span(self.text, quote.inner_start, end)
        if span[0] < span[1]:
            quote.fragments.append(span)

    def finish_outer(self, closed: bool, end: int | None = None) -> None:
        """Emit the open outer quote; unclosed ones end with their last fragment."""
        quote, self.outer, self.nested = self.outer, None, None
        if quote is None or not quote.fragments:
            return
        end = end if closed else quote.fragments[-1][1]
        self.quotes.append(Quote(quote.start, end, quote.fragments, closed))


class QuoteIndex:
    """Answers "which quote holds this offset?" in O(log n) per question."""

    def __init__(self, quotes: list[Quote]):
        self.outer = sorted((q for q in quotes if not q.nested), key=lambda q: q.start)
        self.nested = sorted((q for q in quotes if q.nested), key=lambda q: q.start)
        self.outer_starts = [q.start for q in self.outer]
        self.nested_starts = [q.start for q in self.nested]

    def find_quote(self, offset: int, nested: bool = True) -> Quote | None:
        """The innermost quote whose ``[start, end)`` holds ``offset``, if any.

        With ``nested=False`` only top-level quotes are considered.
        """
        if nested:
            hit = _find_containing(self.nested, self.nested_starts, offset)
            if hit is not None:
                return hit
        return _find_containing(self.outer, self.outer_starts, offset)

    def find_fragment(self, offset: int) -> Fragment | None:
        """The inner fragment of a top-level quote holding ``offset``, if any."""
        quote = self.find_quote(offset, nested=False)
        for frag in quote.fragments if quote else ():
            if frag[0] <= offset < frag[1]:
                return frag
        return None


def _find_containing(quotes: list[Quote], starts: list[int], offset: int) -> Quote | None:
    # Quotes in the list are disjoint, so only the last one starting at or
    # before the offset can contain it.
    i = bisect_right(starts, offset) - 1
    if i >= 0 and quotes[i].contains(offset):
        return quotes[i]
    return None
