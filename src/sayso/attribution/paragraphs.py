"""A statement stays in its paragraph: the structure news prose is written in.

A cue's source and content lie in the cue's own paragraph. Two things
reach past it, as newspapers write them: a quotation that runs on over
several paragraphs (opening marks, no closing one till the end), whose
fragments in other paragraphs stay; and the running speaker of a passage of
quotes, a statement whose content lies wholly in a later paragraph than
the cue it shares with the statement before (``quote_rules``), which is
left as it is. Anything else across a paragraph break is a tagger's reach
into a neighbour ("When will the trains run again?" taken as the content
of the next paragraph's "I hope") and is cut off; a cue left with no
content is returned so, for its own clause to be found (or it be dropped).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..model import Attribution, Span
from .alignment import TokenOffsets
from .clause_contents import cue_verb
from .passage import Passage, subject_of


def confine_to_paragraphs(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    passage, offsets = Passage.of(doc), TokenOffsets(doc)
    out = []
    for attribution in attributions:
        confined = _confined(passage, attribution)
        if confined is not attribution and _holds_own_subject(doc, offsets, confined):
            # what is left still reads "The union said on Tuesday that ...":
            # the tagger's content was the whole sentence; its clause is found later
            confined = replace(confined, content=[])
        out.append(confined)
    return out


def _holds_own_subject(doc: Doc, offsets: TokenOffsets, attribution: Attribution) -> bool:
    content = offsets.tokens_in(attribution.content)
    verb = cue_verb(doc, sorted(offsets.tokens_in(attribution.cue)))
    subject = subject_of(verb) if verb is not None else None
    return subject is not None and subject.i in content


def _confined(passage: Passage, attribution: Attribution) -> Attribution:
    if not attribution.cue or not attribution.content:
        return attribution
    home = passage.paragraph_at(attribution.cue[0][0])
    pieces = _split(passage, attribution.content)
    if not any(passage.paragraph_at(f[0]) == home for f in pieces):
        if all(passage.quote_at(f[0]) is not None for f in pieces):
            return attribution  # a running speaker's quote, or a quote before its cue's paragraph
        # "Port strike to go on, union says" took the lead paragraph for its
        # content: it has none here (its own clause is found later)
        return replace(attribution, content=[])
    content = [f for f in pieces
               if passage.paragraph_at(f[0]) == home or _runs_into(passage, f, home)]
    source = [f for f in _split(passage, attribution.source)
              if passage.paragraph_at(f[0]) == home]
    content, source = _trimmed(passage.text, content), _trimmed(passage.text, source)
    if (_same(passage.text, content, attribution.content)
            and _same(passage.text, source, attribution.source)):
        return attribution
    return replace(attribution, content=_joined(passage.text, content),
                   source=_joined(passage.text, source))


def _split(passage: Passage, span: Span) -> Span:
    """Each fragment cut at the paragraph breaks inside it."""
    pieces = []
    for start, end in span:
        first, last = passage.paragraph_at(start), passage.paragraph_at(max(start, end - 1))
        for p in range(first, last + 1):
            lo = start if p == first else passage.paragraph_starts[p]
            hi = end if p == last else passage.paragraph_end(lo)
            pieces.append((lo, hi))
    return pieces


def _same(text: str, a: Span, b: Span) -> bool:
    return "".join(text[s:e] for s, e in a).split() == "".join(text[s:e] for s, e in b).split()


def _joined(text: str, span: Span) -> Span:
    """Pieces of one paragraph that touch again made one fragment."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(span):
        if out and not text[out[-1][1]:start].strip():
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _paragraphs_of(passage: Passage, fragment: tuple[int, int]) -> set[int]:
    start, end = fragment
    return set(range(passage.paragraph_at(start), passage.paragraph_at(max(start, end - 1)) + 1))


def _runs_into(passage: Passage, fragment: tuple[int, int], home: int) -> bool:
    """The fragment is part of one quotation that also reaches ``home``."""
    quote = passage.quote_at(fragment[0])
    if quote is None:
        return False
    reached = set()
    for piece in quote.fragments:
        reached |= _paragraphs_of(passage, piece)
    reached |= _paragraphs_of(passage, (quote.start, quote.end))
    return home in reached


def _trimmed(text: str, content: Span) -> Span:
    """Fragments narrowed past the whitespace a cut left at their edges."""
    out = []
    for start, end in content:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return out
