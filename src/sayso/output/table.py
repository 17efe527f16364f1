"""A plain-text table per document, for reading in a terminal (<= 100 columns).

Each attribution is a row (number, kind, speaker, cue, channel, relay) with
its content on the line below, so the quote gets nearly the full width::

    harbour (2024-03-05): 2 attributions
    #  kind      speaker                           cue   channel         via
    -  --------  --------------------------------  ----  --------------  ---
    1  indirect  Tom Ruiz — a spokesman for the …  said  -               -
       the talks would resume.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from ..model import Attribution, Document, Extraction

WIDTH = 100
GAP = "  "
ELLIPSIS = "…"
NONE = "-"
# (header, cap): a column is as wide as its widest cell, up to the cap.
COLUMNS = (("#", 3), ("kind", 8), ("speaker", 34), ("cue", 12), ("channel", 14), ("via", 19))


def write_table(results: Iterable[tuple[Document, Extraction]], out: TextIO) -> None:
    """Write one titled table per document, a blank line between documents."""
    for index, (_document, extraction) in enumerate(results):
        if index:
            out.write("\n")
        for line in table_lines(extraction):
            out.write(line + "\n")


def table_lines(extraction: Extraction) -> Iterator[str]:
    count = len(extraction.attributions)
    date = f" ({extraction.date.isoformat()})" if extraction.date else ""
    yield shorten(f"{extraction.doc_id}{date}: {count} attribution{'s' * (count != 1)}", WIDTH)
    if not count:
        return
    rows = [row_cells(number, a) for number, a in enumerate(extraction.attributions, 1)]
    widths = column_widths(rows)
    yield format_row([name for name, _cap in COLUMNS], widths)
    yield format_row(["-" * width for width in widths], widths)
    indent = " " * (widths[0] + len(GAP))
    for row, attribution in zip(rows, extraction.attributions):
        yield format_row(row, widths)
        yield indent + shorten(attribution.content_text or NONE, WIDTH - len(indent))


def row_cells(number: int, attribution: Attribution) -> list[str]:
    via = ", ".join(cited.name for cited in attribution.cited)
    return [str(number), attribution.kind, speaker_label(attribution),
            attribution.cue_text or NONE, attribution.channel or NONE, via or NONE]


UNRESOLVED = "?"  # after a speaker the article never names ("health inspector ?")


def speaker_label(attribution: Attribution) -> str:
    """``name — role`` of the resolved speaker, else the source text; a
    speaker the article does not name is marked, so no reader takes the
    description for a name."""
    speaker = attribution.speaker
    if speaker is None:
        return attribution.source_text or "(no source)"
    name = f"{speaker.name} {UNRESOLVED}" if speaker.named is False else speaker.name
    return f"{name} — {speaker.role}" if speaker.role else name


def column_widths(rows: list[list[str]]) -> list[int]:
    return [min(cap, max(len(name), *(len(clean(row[i])) for row in rows)))
            for i, (name, cap) in enumerate(COLUMNS)]


def format_row(cells: list[str], widths: list[int]) -> str:
    parts = [cells[0].rjust(widths[0])]
    parts += [shorten(cell, width).ljust(width) for cell, width in zip(cells[1:], widths[1:])]
    return GAP.join(parts).rstrip()


def clean(text: str) -> str:
    """Text on one line: runs of whitespace (newlines too) become one space."""
    return " ".join(text.split())


def shorten(text: str, width: int) -> str:
    text = clean(text)
    return text if len(text) <= width else text[: width - 1] + ELLIPSIS
