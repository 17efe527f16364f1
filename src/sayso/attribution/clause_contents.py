"""A reporting verb the role tagger left without content gets its clause.

"The port authority said on Monday that the harbour would reopen": when the
tagger finds the cue and the source but labels no content, the parse still
shows what was said, the verb's complement clause (after the verb, or
before it: "The harbour will reopen, the port authority said"). The clause is taken
whole, without the source and cue; a cue with no such clause is left for
the quote rules (a quotation beside it) or dropped there.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..model import Attribution
from .alignment import TokenOffsets, tokens_to_span

_COMPLEMENTS = ("ccomp",)
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_TRAILING_MARKS = frozenset({",", ";", ":", "-", "\u2013", "\u2014", "--"})
_OPENING_QUOTES = ("\"", "“", "'", "‘")


def fill_empty_contents(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions, each empty content replaced by its cue verb's
    complement clause where the verb has one."""
    offsets = TokenOffsets(doc)
    return [_with_clause(doc, offsets, a) if a.cue and _says_nothing(doc, offsets, a) else a
            for a in attributions]


_CONTENT_WORDS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "PRON", "ADV", "AUX"})


def _says_nothing(doc: Doc, offsets: TokenOffsets, attribution: Attribution) -> bool:
    """No content, or one of function words alone (the tagger stopped at
    "the" of "said the talks would resume"), which the clause replaces."""
    return not any(doc[i].pos_ in _CONTENT_WORDS for i in offsets.tokens_in(attribution.content))


def _with_clause(doc: Doc, offsets: TokenOffsets, attribution: Attribution) -> Attribution:
    cue = sorted(offsets.tokens_in(attribution.cue))
    verb = cue_verb(doc, cue)
    clause = _complement(verb) if verb else None
    if clause is None:
        return attribution
    source = offsets.tokens_in(attribution.source)
    speaker = _speaker_after(doc, verb, clause) if clause.i < verb.i else None
    if speaker:
        # a tagger that took the fronted clause for the source is overruled
        source = set(speaker)
    taken = set(cue) | source
    content = _trimmed(doc, [i for i in range(clause.left_edge.i, clause.right_edge.i + 1)
                             if i not in taken and not doc[i].is_space])
    if not content:
        return attribution
    return replace(attribution, content=tokens_to_span(doc, content),
                   source=tokens_to_span(doc, sorted(source)))


def _complement(verb: Token) -> Token | None:
    """The clause after the verb, else one before it with its own subject:
    news often puts the content first ("The talks were useful, the
    spokesman said")."""
    after = next((c for c in verb.rights if c.dep_ in _COMPLEMENTS and _same_paragraph(verb, c)),
                 None)
    if after is not None:
        return after
    return next((c for c in verb.lefts if c.dep_ in _COMPLEMENTS and not _quoted(c)
                 and _same_paragraph(verb, c)
                 and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)), None)


def _same_paragraph(verb: Token, clause: Token) -> bool:
    """No blank line between the verb and the clause (a headline's "union
    says" is not the lead paragraph's verb)."""
    doc = verb.doc
    start, end = sorted((verb.idx, clause.left_edge.idx if clause.i < verb.i
                         else clause.right_edge.idx))
    return _BLANK_LINE.search(doc.text, start, end) is None


def _quoted(clause: Token) -> bool:
    """A clause that opens a quotation: the quote rules take it, marks and all."""
    first = clause.left_edge.i
    return first > 0 and clause.doc[first - 1].text in _OPENING_QUOTES or \
        clause.doc[first].text in _OPENING_QUOTES


def _speaker_after(doc: Doc, verb: Token, clause: Token) -> list[int]:
    """Who speaks in "<clause>, <speaker> said": the verb's subject after
    the clause; failing that, an apposition the parser hung on the clause's
    last noun ("..., the Ministry's spokesman, Colonel Gerd Mallin, said").
    Nothing when the verb has a subject elsewhere."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    after = [c for c in subjects if clause.right_edge.i < c.i < verb.i]
    if after:
        return list(range(after[0].left_edge.i, after[0].right_edge.i + 1))
    if subjects or clause.right_edge.i >= verb.i:
        return []
    last = clause.right_edge.i
    while last > clause.i and doc[last].is_punct:
        last -= 1
    appos = [t for t in doc[last].ancestors if t.i > clause.i and t.dep_ == "appos"
             and t.right_edge.i == last]
    if doc[last].dep_ == "appos":
        appos.insert(0, doc[last])
    if not appos:
        return []
    top = appos[-1]
    return list(range(top.left_edge.i, last + 1))


def _trimmed(doc: Doc, indexes: list[int]) -> list[int]:
    """Without the commas and dashes left at the end ("The talks were useful,")."""
    while indexes and doc[indexes[-1]].text in _TRAILING_MARKS:
        indexes = indexes[:-1]
    return indexes


def cue_verb(doc: Doc, cue: list[int]) -> Token | None:
    inside = set(cue)
    return next((doc[i] for i in cue if doc[i].pos_ in ("VERB", "AUX")
                 and (doc[i].head.i == i or doc[i].head.i not in inside)), None)
