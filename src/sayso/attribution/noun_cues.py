"""Reporting nouns with a complement clause: "the claim by X that ...".

A noun that names a statement or belief ("claim", "statement", "warning")
followed by a "that" clause which completes it is an attribution whose cue
is the noun and whose content is the clause; its source is the noun's owner
("the company's statement", "their allegation") or the object of "by" ("the
claim by Senator Ruiz"). The taggers learn such cues poorly (few in training
and they look like ordinary nouns), while the parse shows them plainly, so
a rule adds the ones the taggers missed.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Attribution
from .alignment import tokens_to_span
from .features import load_lexicon

_CLAUSE_DEPS = ("acl", "ccomp")
_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
_OBJECTS = ("dobj", "ccomp", "xcomp", "attr", "oprd", "dative")


def add_noun_cue_attributions(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions plus one for each reporting noun with a "that"
    clause that no attribution already uses as cue or content."""
    nouns = load_lexicon("reporting_nouns.txt")
    taken = _taken_characters(attributions)
    found = list(attributions)
    for token in doc:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in nouns or token.idx in taken:
            continue
        clause = _that_clause(token)
        if clause is None or clause.idx in taken:
            continue
        found.append(_noun_attribution(doc, token, clause))
    return found


def _taken_characters(attributions: list[Attribution]) -> set[int]:
    """Start offsets covered by any cue or content: a noun inside a reported
    statement is part of that statement, and a cue already found stays."""
    taken = set()
    for attribution in attributions:
        for start, end in attribution.cue + attribution.content:
            taken.update(range(start, end))
    return taken


def _that_clause(noun: Token) -> Token | None:
    """The clause after the noun that opens with "that" ("the claim that ..."),
    not a relative clause ("the claim that he made")."""
    for child in noun.rights:
        if child.dep_ not in _CLAUSE_DEPS:
            continue
        mark = next((c for c in child.children if c.dep_ == "mark" and c.lower_ == "that"), None)
        if mark is not None and mark.i == child.left_edge.i and _is_complete(child):
            return child
    return None


def _is_complete(verb: Token) -> bool:
    """A complement clause has its own subject and, when its verb usually
    takes a statement as object, that object too: a gap means "that" was a
    relative pronoun the parser took for a conjunction."""
    children = {c.dep_ for c in verb.children}
    if not children.intersection(_SUBJECTS):
        return False
    takes_statement = verb.lemma_.lower() in load_lexicon("statement_objects.txt")
    return not takes_statement or bool(children.intersection(_OBJECTS))


def _noun_attribution(doc: Doc, noun: Token, clause: Token) -> Attribution:
    content = [i for i in range(clause.left_edge.i, clause.right_edge.i + 1)
               if not doc[i].is_space]
    return Attribution(source=tokens_to_span(doc, _owner(noun)),
                       cue=tokens_to_span(doc, [noun.i]),
                       content=tokens_to_span(doc, content))


def _owner(noun: Token) -> list[int]:
    """Tokens of whoever made the statement: the possessor ("the company's",
    "their") or the object of "by"; none when the noun names no one."""
    for child in noun.children:
        if child.dep_ == "poss":
            return [i for i in range(child.left_edge.i, child.right_edge.i + 1)
                    if child.doc[i].dep_ != "case"]
        if child.dep_ == "prep" and child.lower_ == "by":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return list(range(obj.left_edge.i, obj.right_edge.i + 1))
    return []
