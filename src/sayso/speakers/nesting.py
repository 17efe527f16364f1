"""Embedded attributions: "Bruno said the mayor stressed that ...".

The inner statement's parent is the smallest other attribution whose
content holds its cue (its source, when it has no cue).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from ..model import Attribution
from .spans import clean_fragments


def find_parents(attributions: list[Attribution]) -> list[int | None]:
    """For each attribution, the index of its parent, or None."""
    contents = [clean_fragments(a.content) for a in attributions]
    sizes = [sum(end - start for start, end in frames) for frames in contents]
    # content fragments by start, with the furthest end reached so far, so the
    # backward scan for containers stops as soon as none can reach the cue
    frames = sorted((s, e, j) for j, fs in enumerate(contents) for s, e in fs)
    starts = [s for s, _, _ in frames]
    reach = list(accumulate((e for _, e, _ in frames), max))
    parents: list[int | None] = []
    for i, inner in enumerate(attributions):
        anchor = clean_fragments(inner.cue) or clean_fragments(inner.source)
        best = None
        if anchor:
            first, last = anchor[0][0], max(e for _, e in anchor)
            k = bisect_right(starts, first) - 1
            while k >= 0 and reach[k] >= last:
                j = frames[k][2]
                if j != i and _contains(contents[j], anchor) and (
                        best is None or sizes[j] < sizes[best]):
                    best = j
                k -= 1
        parents.append(best)
    return parents


def _contains(frames: list[tuple[int, int]], inner: list[tuple[int, int]]) -> bool:
    """Every inner fragment lies within one outer fragment."""
    return all(any(s <= a and b <= e for s, e in frames) for a, b in inner)
