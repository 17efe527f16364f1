"""Completing tagged content spans along the dependency parse.

A sequence tagger sometimes stops a content span short of the clause it
started ("urged North Korea to resume talks it [abandoned in 2009]"). When one
token of a content run heads the whole run, the run is widened to that
token's subtree, never across the cue or the source.
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
    """Content tokens with each run widened to the subtree of the run's
    innermost token whose subtree covers the whole run."""
    out: set[int] = set(content)
    for run in token_runs(content):
        root = _covering_token(doc, run)
        if root is None:
            continue
        left, right = root.left_edge.i, root.right_edge.i
        if left < run[0] and not _crosses(blocked, left, run[0]):
            out.update(range(left, run[0]))
        if right > run[-1] and not _crosses(blocked, run[-1] + 1, right + 1):
            out.update(range(run[-1] + 1, right + 1))
    return sorted(out)


def _covering_token(doc: Doc, run: list[int]):
    best = None
    for i in run:
        tok = doc[i]
        if tok.left_edge.i <= run[0] and tok.right_edge.i >= run[-1]:
            if best is None or tok.right_edge.i - tok.left_edge.i < best.right_edge.i - best.left_edge.i:
                best = tok
    return best


def _crosses(blocked: set[int], start: int, end: int) -> bool:
    return any(i in blocked for i in range(start, end))
