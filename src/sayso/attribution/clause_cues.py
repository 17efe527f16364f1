"""Statements embedded in another's content, read off the parse.

A verb of saying (the "speech" part of ``lexicons/reporting_verbs.txt``)
inside a statement's unquoted content, with a subject of its own and a
complement clause, is a statement too: "The Tarsian Chancellery said that the chancellor had told Ostrova
that crossings had to fall" holds two, the second embedded in the first.
The cue taggers often find only the outer one. Only verbs no attribution
already uses as its cue are read, so nothing is found twice. (The same
rule over all sentences found 102 more statements on PolNeAR dev, of which
15 were in the gold: outside a content, the parse alone is not enough.)

Not a statement: a belief or intention ("he said he thought ...": the
speaker's own statement, said once), anything inside a quotation or said
by "I", "we" or "you" (the quote's own words), a verb whose subject is an
empty "it" or a relative word, and a subject that is not a noun.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ..lexicon import read_rows

from ..model import Attribution
from .alignment import TokenOffsets, tokens_to_span
from .clause_contents import _trimmed
from .cue_priors import cue_prior
from .features import speech_verbs
from .passage import subject_of

_QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "«", "»"})
_SPEAKERS_OWN = frozenset({"i", "we", "you", "me", "us"})
_EMPTY = frozenset({"it", "this", "that", "there", "which", "who", "what", "nobody", "none"})
_SUBJECT_TAGS = frozenset({"NOUN", "PROPN", "PRON"})


def add_clause_cue_attributions(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    offsets = TokenOffsets(doc)
    used, reported = set(), set()
    for attribution in attributions:
        used |= offsets.tokens_in(attribution.cue)
        reported |= offsets.tokens_in(attribution.content)
    verbs = speech_verbs()
    found = list(attributions)
    quoted = _quoted_tokens(doc)
    for token in doc:
        if (token.i in used or token.i not in reported or token.pos_ != "VERB"
                or token.lemma_.lower() not in verbs):
            continue
        attribution = _statement_at(doc, token, quoted)
        if attribution is not None:
            found.append(attribution)
            used.add(token.i)
    return found


def _statement_at(doc: Doc, verb: Token, quoted: set[int]) -> Attribution | None:
    clause = clause_complement(verb)
    subject = _own_or_shared_subject(verb)
    if clause is None or subject is None or subject.dep_ != "nsubj":
        return None
    if subject.pos_ not in _SUBJECT_TAGS or subject.lower_ in _EMPTY:
        return None
    if verb.lemma_.lower() in _EVIDENCE_VERBS and not _can_speak(subject):
        return None
    if subject.lower_ in _SPEAKERS_OWN or subject.i in quoted:
        # the quoted speaker's own words ("he said, 'Our approach ...'"); a
        # verb quoted after an unquoted subject is the reporter's partial
        # quote ("Lind had “stressed the need for ...”")
        return None
    source = [t.i for t in _subject_phrase(subject)]
    content = _trimmed(doc, [i for i in range(clause.left_edge.i, clause.right_edge.i + 1)
                             if not doc[i].is_space])
    if not content or not any(doc[i].is_alpha for i in content):
        return None
    return Attribution(source=tokens_to_span(doc, source), cue=tokens_to_span(doc, [verb.i]),
                       content=tokens_to_span(doc, content))


# Verbs that report evidence rather than speech: "a poll showed that ..." is
# a source's finding, "the case showed that nobody is above the law" the
# speaker's own claim. With one of these, the subject must be able to speak.
_EVIDENCE_VERBS = frozenset({"show", "prove", "suggest", "indicate", "demonstrate", "reveal",
                             "confirm", "mean"})


def _can_speak(subject: Token) -> bool:
    """A name, a pronoun, or a noun for someone who can say something: a
    person by office or part, a body, an informant, a document ("the poll
    showed that ...")."""
    if subject.pos_ in ("PROPN", "PRON") or subject.ent_type_:
        return True
    return subject.lemma_.lower() in _speaking_nouns() or subject.lower_ in _speaking_nouns()


@lru_cache(maxsize=None)
def _speaking_nouns() -> frozenset[str]:
    """The speakers stage's nouns for people, bodies, informants and documents."""
    words = set()
    for name in ("roles.txt", "org_nouns.txt", "source_nouns.txt", "channels.txt",
                 "member_nouns.txt"):
        words |= {row[0].split()[-1].lower() for row in read_rows("sayso.speakers", name)}
    return frozenset(words)


def clause_complement(verb: Token) -> Token | None:
    """What the verb says: its complement clause ("told Vol that ..."), a
    "that" clause the parser hung on the one told ("promised residents
    that ..."), or, for a verb that with a noun phrase is mostly a cue in
    the corpus, its object ("had demanded the immediate release")."""
    clause = next((c for c in verb.rights if c.dep_ == "ccomp"), None)
    if clause is not None:
        return clause
    for told in (c for c in verb.rights if c.dep_ in ("dobj", "dative")):
        clause = next((c for c in told.rights if c.dep_ in ("acl", "relcl")
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is not None:
            return clause
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is not None and obj.pos_ == "NOUN" and cue_prior(verb) >= NOUN_PHRASE_PRIOR:
        return obj
    return None


# how often a verb with a noun-phrase object must be a cue in the corpus for
# its object to be read as what was said ("demanded the release": 0.4;
# "found cracks": 0.1)
NOUN_PHRASE_PRIOR = 0.35


def _own_or_shared_subject(verb: Token) -> Token | None:
    """The verb's subject, or for a verb joined to another by "and", theirs
    ("Ostrova had demanded ... and had told Vol that ...")."""
    subject = subject_of(verb)
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        subject = subject_of(verb.head)
    return subject


def _subject_phrase(subject: Token) -> list[Token]:
    """The subject's words, without a clause or aside set off after it."""
    words = [subject]
    for child in subject.children:
        if child.dep_ in ("relcl", "acl", "punct") and child.i > subject.i:
            continue
        words.extend(child.subtree)
    return sorted(words, key=lambda t: t.i)


def _quoted_tokens(doc: Doc) -> set[int]:
    """Tokens between quotation marks, paragraph by paragraph (a quote left
    open at a paragraph's end runs on, as newspapers write it)."""
    inside, open_ = set(), False
    for token in doc:
        if "\n\n" in token.text or (token.is_space and token.text.count("\n") >= 2):
            open_ = False
        if token.text in _QUOTE_MARKS or token.text in ("''", "``"):
            opening = token.text in ("“", "‘", "«", "``") or (
                token.text in ('"', "'") and not open_)
            open_ = opening if token.text not in ("”", "’", "»", "''") else False
            continue
        if open_:
            inside.add(token.i)
    return inside
