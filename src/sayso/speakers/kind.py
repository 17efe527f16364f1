"""Direct, indirect or mixed: how much of the content lies inside quote marks.

A small scan of its own (the attribution package has a fuller quote finder):
double marks only, straight " and '' toggling, curly and angle marks by
direction; a quote left open at a paragraph break ends there, as a quote
running over several paragraphs reopens each one.
"""

from __future__ import annotations

import re
from bisect import bisect_right

Region = tuple[int, int]

_MARK = re.compile("``|''|[\"“”«»„]")
# A blank line, or a line break after sentence-final punctuation or before an
# opening mark, ends a paragraph; other line breaks are hard wraps.
_PARAGRAPH_BREAK = re.compile("\n[ \t]*\n|(?<=[.!?:;\"”»])[ \t]*\n|\n(?=[ \t]*[\"“«„`])")
_OPENS = frozenset({"“", "«", "„", "``"})
_CLOSES = frozenset({"”", "»"})
# Unquoted letters tolerated in a direct quote: a stray word edge the
# extractor took along should not make it "mixed".
_SLOP = 2


def find_quoted(text: str) -> list[Region]:
    """Inner character regions of the double-quoted passages, in order."""
    regions: list[Region] = []
    opened: int | None = None
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    next_break = 0
    for match in _MARK.finditer(text):
        while next_break < len(breaks) and breaks[next_break] < match.start():
            if opened is not None:
                regions.append((opened, breaks[next_break]))
                opened = None
            next_break += 1
        mark = match.group()
        if opened is None and mark not in _CLOSES:
            opened = match.end()
        elif opened is not None and mark not in _OPENS:
            regions.append((opened, match.start()))
            opened = None
    if opened is not None:
        end = breaks[next_break] if next_break < len(breaks) else len(text)
        regions.append((opened, end))
    return [r for r in regions if r[1] > r[0]]


def classify_kind(text: str, content: list[tuple[int, int]], quoted: list[Region],
                  cue_at: int | None = None) -> str | None:
    """"direct", "indirect" or "mixed", or None when the content has no words.

    A quote that also holds the cue belongs to an outer statement ("“Bruno
    told me the mayor lied,” she said"), so it does not make this one direct.
    """
    if cue_at is not None:
        quoted = [r for r in quoted if not r[0] <= cue_at < r[1]]
    inside = total = 0
    for start, end in content:
        start, end = max(0, start), min(len(text), end)
        if end <= start:
            continue
        total += _letters(text, start, end)
        inside += sum(_letters(text, max(start, a), min(end, b))
                      for a, b in _overlapping(quoted, start, end))
    if total == 0:
        return None
    if inside == 0:
        return "indirect"
    return "direct" if total - inside <= _SLOP else "mixed"


def _overlapping(regions: list[Region], start: int, end: int) -> list[Region]:
    at = max(0, bisect_right(regions, (start, start)) - 1)
    found = []
    for region in regions[at:]:
        if region[0] >= end:
            break
        if region[1] > start:
            found.append(region)
    return found


def _letters(text: str, start: int, end: int) -> int:
    return sum(map(str.isalnum, text[start:end])) if end > start else 0
