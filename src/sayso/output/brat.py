"""BRAT standoff (``.ann``) in the style of the PolNeAR corpus.

Per attribution: ``T`` entities for Source, Cue and Content, a trigger
entity typed ``Attribution`` (``Attribution-no-source`` without a source)
over the cue, and an event tying them::

    T1	Source 0 8	Tom Ruiz
    T2	Cue 9 13	said
    T3	Content 15 40	the talks would resume
    T4	Attribution 9 13	said
    E1	Attribution:T4 Source:T1 Cue:T2 Content:T3

Like BRAT itself, fragments are split at line breaks (an annotation's text
must stay on its line) and the text field joins the fragments with single
spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import TextIO

from ..model import Attribution, Document, Extraction, Span, span_text

ROLES = (("Source", "source"), ("Cue", "cue"), ("Content", "content"))
# Every character str.splitlines() breaks on: readers split .ann files by line.
_LINE_PIECE_RE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")


def write_brat(results: Iterable[tuple[Document, Extraction]], out: TextIO) -> None:
    """Write ``.ann`` lines; with several documents, each under a ``# doc_id`` line."""
    results = iter(results)
    head = list(islice(results, 2))
    several = len(head) > 1
    for index, (document, extraction) in enumerate(chain(head, results)):
        if several:
            out.write(("\n" if index else "") + f"# {extraction.doc_id}\n")
        for line in ann_lines(document.text, extraction.attributions):
            out.write(line + "\n")


def ann_lines(text: str, attributions: Iterable[Attribution]) -> Iterator[str]:
    """The ``T`` and ``E`` lines of one document."""
    next_t = 1
    for event_no, attribution in enumerate(attributions, 1):
        arguments = []
        for label, field in ROLES:
            fragments = line_fragments(text, getattr(attribution, field))
            if fragments:
                yield entity_line(next_t, label, fragments, text)
                arguments.append(f"{label}:T{next_t}")
                next_t += 1
        trigger = (line_fragments(text, attribution.cue)
                   or line_fragments(text, attribution.content))
        if not trigger:
            continue  # nothing to anchor the event on
        kind = "Attribution" if attribution.source else "Attribution-no-source"
        yield entity_line(next_t, kind, trigger, text)
        yield f"E{event_no}\t{kind}:T{next_t} " + " ".join(arguments)
        next_t += 1


def entity_line(number: int, label: str, fragments: Span, text: str) -> str:
    offsets = ";".join(f"{start} {end}" for start, end in fragments)
    return f"T{number}\t{label} {offsets}\t{span_text(text, fragments)}"


def line_fragments(text: str, span: Span) -> Span:
    """``span`` cut at line breaks, dropping blank pieces."""
    pieces = []
    for start, end in span:
        for match in _LINE_PIECE_RE.finditer(text, start, end):
            if not match.group().isspace():
                pieces.append(match.span())
    return pieces
