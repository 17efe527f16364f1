"""Paragraphs that open with a speaker's name and a colon.

Transcripts ("BOULDUAN: Why not debate?") and headlines ("Gowdy: Inquiry
Helped Reveal Email Scandal") put the speaker first and the statement after
a colon, with no verb for the taggers to anchor on. The layout says it all:
a short name at the very start of a paragraph, a colon, then the words. In
an interview's "Q:"/"A:" lines the answers are the interviewee's (the
person its introduction names) and the questions are no statements.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..model import Attribution
from .alignment import TokenOffsets
from ..nlp.layout import in_headline
from .features import load_lexicon

MAX_LABEL_WORDS = 4
MIN_STATEMENT_WORDS = 3
# A name, optionally behind a quote mark that opens the transcript line; it
# starts with a capital of any script ("ØDEGAARD:").
_LABEL = re.compile(r"""[ \t]*["“']?(?P<label>(?=[^\W\d_])[\w.'’-]+(?:[ \t]+[\w.'’-]+){0,%d})[ \t]*:"""
                    % (MAX_LABEL_WORDS - 1))
_WORD = re.compile(r"\w+")
_NAME_ENTITIES = ("PERSON", "ORG", "NORP", "GPE")


def add_speaker_label_attributions(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions plus one per "NAME: statement" paragraph that none
    of them already covers."""
    offsets, text = TokenOffsets(doc), doc.text
    lines = [(span, _LABEL.match(text, *span)) for span in _paragraphs(text)]
    lines = [(span, m if m is not None and m.group("label")[0].isupper() else None)
             for span, m in lines]
    questions = [match.span("label") for _, match in lines
                 if match is not None and match.group("label") == _QUESTION]
    question_lines = [span for span, match in lines
                      if match is not None and match.group("label") == _QUESTION]
    # a question line is no statement, whoever asks it, nor what it asks about
    found = [a for a in attributions if not _on_label(a, questions)
             and not _on_label(a, question_lines, role="cue")]
    for (start, end), match in lines:
        if match is None:
            continue
        label = match.span("label")
        # in a transcript an answer may be one word ("Yes.")
        statement = _statement(text, match.end(), end, 1 if questions else MIN_STATEMENT_WORDS)
        colon = (match.end() - 1, match.end())
        if match.group("label") == _ANSWER and questions:
            source = _interviewee(doc, questions[0][0])
        elif _names_a_speaker(doc, offsets, label):
            source = [label]
        else:
            continue
        if statement is None or not source:
            continue
        owner = next((a for a in found if a.cue == [colon]), None)
        if owner is not None:
            # the tagger found the colon but stopped at the first sentence
            owner.content, owner.source = [statement], source
            continue
        # the speaker's own "I hope ..." is part of the answer, not a record
        found = [a for a in found if not _speakers_own(text, a, label, statement)]
        if not _covered(found, label, statement):
            found.append(Attribution(source=source, cue=[colon], content=[statement]))
    return found


_FIRST_PERSON = frozenset({"i", "we", "me", "us"})


def _speakers_own(text: str, attribution: Attribution, label: tuple[int, int],
                  statement: tuple[int, int]) -> bool:
    """A cue inside the labelled words that the speaker says of themself, or
    whose content reaches back over the label."""
    cue_in = any(statement[0] <= s < statement[1] for s, _ in attribution.cue)
    if not cue_in:
        return False
    own = " ".join(text[s:e] for s, e in attribution.source).strip().lower() in _FIRST_PERSON
    return own or any(s <= label[0] < e for s, e in attribution.content)


_QUESTION, _ANSWER = "Q", "A"


def _on_label(attribution: Attribution, labels: list[tuple[int, int]],
              role: str = "source") -> bool:
    return any(start <= s < end for s, _ in getattr(attribution, role)
               for start, end in labels)


def _interviewee(doc: Doc, first_question: int) -> list[tuple[int, int]]:
    """Who answers the "A:" lines of an interview: the person the
    introduction has speak ("Ayesha Rahman ... spoke by phone", "an
    interview with Dr. Samuel Mensah"), else the first it names ("Her
    deputy, Olu Bankole, was also on the call" comes after); nobody when
    it names none."""
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= first_question]
    if not people:
        return []
    speaking = next((e for e in people if _has_the_word(e.root)), people[0])
    return [(speaking.start_char, speaking.end_char)]


_TALKING = frozenset({"speak", "talk", "answer", "sit"})


def _has_the_word(name) -> bool:
    """The subject of "spoke"/"talked", or the one an interview is with."""
    if name.dep_ in ("nsubj", "appos"):
        verb = name.head if name.dep_ == "nsubj" else name.head.head
        return verb.lemma_.lower() in _TALKING
    return (name.dep_ == "pobj" and name.head.lower_ == "with"
            and name.head.head.lemma_.lower() == "interview")


def _paragraphs(text: str):
    """(start, end) of each line with text on it."""
    for match in re.finditer(r"[^\n]+", text):
        yield match.span()


def _statement(text: str, start: int, end: int,
               fewest: int = MIN_STATEMENT_WORDS) -> tuple[int, int] | None:
    """The words after the colon, when there are enough of them."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if len(_WORD.findall(text, start, end)) < fewest:
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
            or (len(tokens) == 1 and head.lemma_.lower() in load_lexicon("reporting_nouns.txt"))
            or _headline_body_or_office(doc, tokens))


def _headline_body_or_office(doc: Doc, tokens) -> bool:
    """A headline's "Central bank:", "Minister:", "Police:": a short common
    noun phrase, an office or a body the story goes on to name (a section
    word, "Analysis:", is a stopword)."""
    return (in_headline(doc.text, tokens[0].idx) and len(tokens) <= 3
            and tokens[-1].pos_ in ("NOUN", "PROPN"))


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
