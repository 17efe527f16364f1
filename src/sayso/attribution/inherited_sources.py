"""A cue that hangs off another verb speaks with that verb's subject.

"Biden hit the campaign trail, trashing Trump as unqualified and accusing
him of ...": the participles have no subject of their own, and the taggers
leave their source empty. The speaker is the subject of the clause they
hang off ("Biden"), found by climbing the parse through participle,
infinitive and coordinated verbs ("who fights ..., claims ... and
asserts ...") and gerunds after a preposition ("hit back by accusing").
A verb with a subject of its own the tagger lost (behind a long aside, or
parsed into a lead-in clause: "Speaking in Varne, the minister, Paul
Dekker, said") takes that subject. A cue with a source, or a subject inside its own
content, is left alone.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..model import Attribution
from .alignment import TokenOffsets, tokens_to_span
from .clause_contents import cue_verb
from .passage import subject_of

_CLIMB = frozenset({"advcl", "xcomp", "conj"})
_MAX_STEPS = 3
_ACTIVE_SUBJECTS = ("nsubj", "appos")  # appos: the name after a dateline (passage.subject_of)
# "by accusing", "while insisting": the subject's own act; not "criticised the
# union for saying", "accused him of lying" (the object's words)
_MEANS = frozenset({"by", "while", "after", "before", "in", "without", "upon", "when"})
_OCCASIONS = frozenset({"step", "opportunity", "occasion", "chance", "liberty", "trouble"})
_EMPTY = frozenset({"it", "this", "nobody", "none", "nothing", "everyone", "everybody",
                    "anyone", "anybody", "no"})
# the subject's own words ("The Ministry of Defence", "Biden and Harris"):
# not a clause, an aside or a place hanging off it
_NOT_SUBJECT = frozenset({"relcl", "acl", "appos", "punct", "prep", "advmod"})


def fill_inherited_sources(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    offsets = TokenOffsets(doc)
    return [_with_source(doc, offsets, a) for a in attributions]


def _with_source(doc: Doc, offsets: TokenOffsets, attribution: Attribution) -> Attribution:
    if attribution.source or not attribution.cue:
        return attribution
    cue = offsets.tokens_in(attribution.cue)
    verb = cue_verb(doc, sorted(cue))
    if verb is None:
        return attribution
    apposed = _subject_in_lead_in(verb)
    subject = apposed or _inherited_subject(verb)
    if subject is None:
        return attribution
    tokens = _apposition_words(subject) if apposed is not None else _subject_words(subject)
    taken = cue | offsets.tokens_in(attribution.content)
    if not tokens or taken.intersection(tokens):
        return attribution
    return replace(attribution, source=tokens_to_span(doc, tokens))


def _inherited_subject(verb: Token) -> Token | None:
    own = subject_of(verb) or _subject_before_aside(verb)
    if own is not None:
        # "Prime Minister Elin Maarsk, asked about ..., said only that": a
        # subject the tagger lost behind a long aside; never an empty "it"
        return own if own.dep_ in _ACTIVE_SUBJECTS and own.lower_ not in _EMPTY else None
    for _ in range(_MAX_STEPS):
        if (verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and _own_act(verb.head)
                and verb.head.head.pos_ in ("VERB", "AUX")):
            verb = verb.head.head  # "hit Snowden back by accusing him of ..."
        elif (verb.dep_ not in _CLIMB or verb.head.i == verb.i
              or verb.head.pos_ not in ("VERB", "AUX")):
            return None
        elif verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in verb.head.children):
            return None  # "urged the mayor to condemn": the mayor's words, not the union's
        else:
            verb = verb.head
        subject = subject_of(verb)
        if subject is not None:
            return subject if subject.dep_ in _ACTIVE_SUBJECTS else None
    return None


def _own_act(prep: Token) -> bool:
    """"by accusing", "while insisting", "took the step of announcing": the
    subject's act, not the object's ("criticised the union for saying")."""
    if prep.lower_ in _MEANS:
        return True
    objects = [c for c in prep.head.children if c.dep_ == "dobj"]
    return prep.lower_ == "of" and any(o.lemma_.lower() in _OCCASIONS for o in objects)


def _subject_before_aside(verb: Token) -> Token | None:
    """"Elin Maarsk, asked about the incident, said ...", which the parser
    reads as "Maarsk asked": the subject of a participle set off by commas
    right before the verb."""
    for clause in verb.lefts:
        subject = (subject_of(clause) if clause.dep_ == "ccomp" and clause.tag_ in ("VBN", "VBD")
                   else None)
        if (subject is not None and subject.i < clause.i
                and clause.doc[clause.i - 1].text == ","
                and clause.doc[clause.right_edge.i].text == ","):
            return subject
    return None


def _subject_in_lead_in(verb: Token) -> Token | None:
    """"Speaking at a news conference in Varne, the interior minister, Paul
    Dekker, said ...", "In a speech in Gelt, the prime minister of Lusova,
    Aron Belic, said ...", which the parser reads as the place described by
    the minister: a verb with no subject, right after a lead-in phrase that
    ends in appositions, speaks with the highest apposition in it."""
    doc = verb.doc
    if subject_of(verb) is not None or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    token, apposed = doc[_before_relay(verb)], None
    while token.head.i != token.i and token.head.i != verb.i:
        if token.dep_ == "appos":
            apposed = token
        if token.dep_ not in _LEAD_IN_LINKS or token.head.i > token.i:
            return None
        token = token.head
    if apposed is None or token.dep_ not in ("advcl", "prep") or token.i > verb.i:
        return None
    return apposed


def _before_relay(verb: Token) -> int:
    """The last word before the verb's comma, or, past a relay clause set
    off by commas ("Krasna, citing the minister's aide Ruslan Orr, said"),
    the last word before that clause's comma."""
    doc = verb.doc
    end = verb.i - 2
    relay = next((c for c in verb.lefts if c.dep_ in ("advcl", "acl", "xcomp")
                  and c.lower_ in ("citing", "quoting") and c.right_edge.i == end), None)
    if relay is None:
        for t in doc[max(0, end - 12):end + 1]:
            if t.lower_ in ("citing", "quoting") and t.right_edge.i == end:
                relay = t
                break
    if relay is not None and relay.i >= 2 and doc[relay.i - 1].text == ",":
        return relay.i - 2
    return end


# how the words of a lead-in hang together back to its head
_LEAD_IN_LINKS = frozenset({"appos", "pobj", "prep", "compound", "flat", "poss", "nmod"})


def _apposition_words(head: Token) -> list[int]:
    """The phrase of ``head`` with its appositions, without edge punctuation."""
    words = [t.i for t in head.subtree if not t.is_space]
    while words and head.doc[words[-1]].is_punct:
        words.pop()
    return words


def _subject_words(subject: Token) -> list[int]:
    words = [subject.i]
    stack = [c for c in subject.children if _part_of_subject(c)]
    while stack:
        token = stack.pop()
        words.append(token.i)
        stack.extend(c for c in token.children if _part_of_subject(c))
    return sorted(i for i in words if not subject.doc[i].is_space)


def _part_of_subject(token: Token) -> bool:
    return token.dep_ not in _NOT_SUBJECT or (token.dep_ == "prep" and token.lower_ == "of")
