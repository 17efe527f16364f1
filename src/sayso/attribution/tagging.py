"""BIO tag sequences: building them from spans and reading spans back."""

from __future__ import annotations

from functools import lru_cache

OUTSIDE = "O"


def spans_from_tags(tags: list[str], offset: int = 0) -> dict[str, list[tuple[int, int]]]:
    """Token runs [start, end) per label from BIO tags (I after O opens a run)."""
    runs: dict[str, list[tuple[int, int]]] = {}
    label, start = None, 0
    for i, tag in enumerate(tags + [OUTSIDE]):
        prefix, _, name = tag.partition("-")
        if label is not None and (tag == OUTSIDE or prefix == "B" or name != label):
            runs.setdefault(label, []).append((offset + start, offset + i))
            label = None
        if tag != OUTSIDE and label is None:
            label, start = name, i
    return runs


def tags_from_labels(labels: list[str | None]) -> list[str]:
    """BIO tags from per-token labels (None = outside); a new run starts on a change."""
    tags, prev = [], None
    for label in labels:
        if label is None:
            tags.append(OUTSIDE)
        else:
            tags.append(("I-" if label == prev else "B-") + label)
        prev = label
    return tags


@lru_cache(maxsize=None)
def allowed_transitions(names: tuple[str, ...]):
    """Boolean matrix [previous, next]: "I-X" only continues "B-X" or "I-X"."""
    import numpy as np

    ok = np.ones((len(names), len(names)), dtype=bool)
    for j, tag in enumerate(names):
        if tag.startswith("I-"):
            label = tag[2:]
            for i, prev in enumerate(names):
                ok[i, j] = prev in ("B-" + label, "I-" + label)
    return ok


def best_valid_tags(log_probs, names: tuple[str, ...]) -> list[str]:
    """The most probable BIO sequence with no stray "I" (Viterbi over
    per-token log-probabilities, shape [tokens, tags])."""
    import numpy as np

    n = len(log_probs)
    if n == 0:
        return []
    ok = allowed_transitions(names)
    greedy = log_probs.argmax(axis=1)
    if not names[greedy[0]].startswith("I-") and ok[greedy[:-1], greedy[1:]].all():
        return [names[k] for k in greedy]  # each token's best already forms a valid sequence
    penalty = np.where(ok, 0.0, -np.inf)
    starts = np.array([0.0 if not t.startswith("I-") else -np.inf for t in names])
    score = log_probs[0] + starts
    back = np.zeros((n, len(names)), dtype=np.int64)
    for i in range(1, n):
        total = score[:, None] + penalty
        back[i] = total.argmax(axis=0)
        score = total.max(axis=0) + log_probs[i]
    best = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        best.append(int(back[i][best[-1]]))
    return [names[k] for k in reversed(best)]
