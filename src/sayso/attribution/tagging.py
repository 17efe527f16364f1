"""BIO tag sequences: building them from spans and reading spans back."""

from __future__ import annotations

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
