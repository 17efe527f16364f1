"""Completing tagged content spans along the dependency parse.

A sequence tagger sometimes stops a content span short of the clause it
started ("urged North Korea to resume talks it [abandoned in 2009]"). When a
content run hangs from one token of the cue's sentence, the run is widened to
that token's whole subtree, never across the cue or the source.
"""

from __future__ import annotations

from spacy.tokens import Doc


def token_runs(indices: list[int]) -> list[list[int]]:
    """Consecutive runs of sorted token indices."""
    runs: list[list[int]] = []
    for i in sorted(indices):
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def complete_content(doc: Doc, content: list[int], blocked: set[int]) -> list[int]:
    """Content tokens with each run widened to its single root's subtree."""
    out: set[int] = set(content)
    for run in token_runs(content):
        members = set(run)
        roots = [i for i in run if doc[i].head.i not in members or doc[i].head.i == i]
        if len(roots) != 1:
            continue
        root = doc[roots[0]]
        left, right = root.left_edge.i, root.right_edge.i
        if left < run[0] and not _crosses(blocked, left, run[0]):
            out.update(range(left, run[0]))
        if right > run[-1] and not _crosses(blocked, run[-1] + 1, right + 1):
            out.update(range(run[-1] + 1, right + 1))
    return sorted(out)


def _crosses(blocked: set[int], start: int, end: int) -> bool:
    return any(i in blocked for i in range(start, end))
