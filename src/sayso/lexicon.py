"""Reading lexicon data files: one entry a line, ``#`` comments, ``|`` fields.

Each stage keeps its word lists beside its code (``<package>/lexicons/``);
this is the one reader they share.
"""

from __future__ import annotations

from functools import lru_cache

from importlib.resources import files


def read_rows(package: str, name: str) -> list[list[str]]:
    """The rows of ``<package>/lexicons/<name>``, each split on ``|`` and stripped."""
    text = files(package).joinpath("lexicons", name).read_text("utf-8")
    rows = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            rows.append([field.strip() for field in line.split("|")])
    return rows


@lru_cache(maxsize=None)
def audience_verbs() -> frozenset[str]:
    """Verbs of telling, whose object is the one told ("told parliament"):
    shared by the attribution rules and the channel finder."""
    return frozenset(row[0].lower() for row in read_rows("sayso", "audience_verbs.txt"))
