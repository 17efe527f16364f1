"""Paragraphs that open with a speaker's name and a colon.

Transcripts ("BOULDUAN: Why not debate?") and headlines ("Gowdy: Inquiry
Helped Reveal Email Scandal") put the speaker first and the statement after
a colon, with no verb for the taggers to anchor on. The layout says it all:
a short name at the very start of a paragraph, a colon, then the words.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..model import Attribution
from .alignment import TokenOffsets
from .features import load_lexicon

MAX_LABEL_WORDS = 4
MIN_STATEMENT_WORDS = 3
# A name, optionally behind a quote mark that opens the transcript line.
_LABEL = re.compile(r"""[ \t]*["“']?(?P<label>[A-Z][\w.'’-]*(?:[ \t]+[\w.'’-]+){0,%d})[ \t]*:"""
                    % (MAX_LABEL_WORDS - 1))
_WORD = re.compile(r"\w+")
_NAME_ENTITIES = ("PERSON", "ORG", "NORP", "GPE")


def add_speaker_label_attributions(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions plus one per "NAME: statement" paragraph that none
    of them already covers."""
    offsets, text = TokenOffsets(doc), doc.text
    found = list(attributions)
    for start, end in _paragraphs(text):
        match = _LABEL.match(text, start, end)
        if match is None:
            continue
        label = match.span("label")
        statement = _statement(text, match.end(), end)
        if (statement is None or not _names_a_speaker(doc, offsets, label)
                or _covered(found, label, statement)):
            continue
        colon = (match.end() - 1, match.end())
        found.append(Attribution(source=[label], cue=[colon], content=[statement]))
    return found


def _paragraphs(text: str):
    """(start, end) of each line with text on it."""
    for match in re.finditer(r"[^\n]+", text):
        yield match.span()


def _statement(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The words after the colon, when there are enough of them."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if len(_WORD.findall(text, start, end)) < MIN_STATEMENT_WORDS:
        return None
    return start, end


def _names_a_speaker(doc: Doc, offsets: TokenOffsets, label: tuple[int, int]) -> bool:
    """All capitals (a transcript's speaker), or proper nouns and names,
    or a noun that names a report ("Poll:"); not "Note:" or "Update:"."""
    tokens = [doc[i] for i in sorted(offsets.tokens_in([label])) if not doc[i].is_punct]
    if not tokens or tokens[0].lower_ in load_lexicon("label_stopwords.txt"):
        return False
    words = [t.text for t in tokens if t.is_alpha]
    if words and all(w.isupper() and len(w) > 1 for w in words):
        return True
    head = tokens[-1]
    return (all(t.pos_ == "PROPN" or t.ent_type_ in _NAME_ENTITIES for t in tokens)
            or (len(tokens) == 1 and head.lemma_.lower() in load_lexicon("reporting_nouns.txt")))


def _covered(attributions: list[Attribution], label: tuple[int, int],
             statement: tuple[int, int]) -> bool:
    """Whether an attribution's content already starts this colon's words
    or holds the label (a quoted transcript line). One inside the statement
    ("The engineers tell me it will ...") is embedded in it, not the same."""
    for attribution in attributions:
        for start, end in attribution.content:
            if start <= statement[0] < end or start <= label[0] < end:
                return True
    return False
