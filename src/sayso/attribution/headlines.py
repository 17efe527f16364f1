"""A headline's own attribution: "Dock strike to continue, union says".

Headlines put the statement first and its speaker last, after a comma,
with a verb in the present ("says", "warns", "tells MPs"), and a taggers
trained on body prose often miss them: the line has no full stop and
lacks the words around a cue that it learned. The layout settles it: in
the article's headline line, a comma, a short noun phrase, a reporting
verb and at most its audience ("tells parliament") to the end of the line
make one record, the words before the comma its content. Who the noun
phrase means ("mayor" for the Mayor Ines Calder the story names) is the
speaker resolver's job.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Attribution
from ..nlp.layout import in_headline
from .features import speech_verbs

MAX_SOURCE_WORDS = 6
MAX_AUDIENCE_WORDS = 3
_PRESENT = frozenset({"VBZ", "VBP"})


def add_headline_attributions(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    text = doc.text
    line = _headline_line(doc, text)
    if not line:
        return attributions
    if any(_starts_in(a.cue, line) for a in attributions):
        return attributions  # the taggers found it
    found = _trailing_speaker(line)
    if found is None:
        return attributions
    content, source, cue = found
    record = Attribution(source=[(source[0].idx, source[-1].idx + len(source[-1]))],
                         cue=[(cue.idx, cue.idx + len(cue))],
                         content=[(content[0].idx, content[-1].idx + len(content[-1]))])
    return attributions + [record]


def _headline_line(doc: Doc, text: str) -> list[Token]:
    line = []
    for token in doc:  # the headline is the first line: stop where it ends
        if token.is_space:
            continue
        if not in_headline(text, token.idx):
            break
        line.append(token)
    return line


def _starts_in(span, line: list[Token]) -> bool:
    start, end = line[0].idx, line[-1].idx + len(line[-1])
    return any(start <= s < end for s, _ in span)


def _trailing_speaker(line: list[Token]) -> tuple[list[Token], list[Token], Token] | None:
    """(content, source, verb) of "<content>, <source> <verb> [audience]"."""
    commas = [k for k, t in enumerate(line) if t.text == ","]
    if not commas:
        return None
    comma = commas[-1]
    tail = line[comma + 1:]
    verbs = [k for k, t in enumerate(tail) if t.tag_ in _PRESENT
             and t.lemma_.lower() in speech_verbs()]
    if not verbs:
        return None
    at = verbs[0]
    source, audience, content = tail[:at], tail[at + 1:], line[:comma]
    if (not source or len(source) > MAX_SOURCE_WORDS or len(audience) > MAX_AUDIENCE_WORDS
            or not _noun_phrase(source) or sum(t.is_alpha for t in content) < 2):
        return None
    return content, source, tail[at]


def _noun_phrase(tokens: list[Token]) -> bool:
    """Words that can name a speaker: nouns, names, their modifiers."""
    return tokens[-1].pos_ in ("NOUN", "PROPN") and all(
        t.pos_ in ("NOUN", "PROPN", "ADJ", "DET", "PART", "NUM") or t.text in ("'", "\u2019")
        for t in tokens)
