""""X was quoted (by Y) as saying ...": one record, read off the parse.

(And its kin "X was told by officials that ...": the officials speak.)

The passive turns the relay round: the one quoted is the subject, the one
who quoted them comes after "by", and what was said follows "as saying"
or stands in the quotation before. The taggers, trained on few of these,
miss them or cut them up ("the commander of the coast guard, Ana Lisboa,"
taken for content). The record built here has the quoting outlet for its
source when the sentence names one ("by the Coastal Courier"), else the
one quoted; the speakers stage makes the outlet the speaker and cites the
one quoted (``speakers.relay.quoting_agent``). A record the taggers found
on the same verb gives way to it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import audience_verbs
from ..model import Attribution
from .alignment import TokenOffsets, tokens_to_span
from .passage import Passage

_SAYING = frozenset({"say", "tell", "write", "describe", "warn", "call"})


def add_passive_quotes(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    offsets = TokenOffsets(doc)
    found = list(attributions)
    for verb in doc:
        if not _passive_quote(verb):
            continue
        record = _record(doc, verb)
        if record is None:
            continue
        # the tagger's records on this verb or its "as saying" give way
        mine, anchors = {t.i for t in verb.subtree}, {verb.i} | _as_saying(verb)
        found = [a for a in found if not _cue_on(offsets.tokens_in(a.cue), anchors, mine)]
        found.append(record)
    return found


def _cue_on(cue: set[int], anchors: set[int], clause: set[int]) -> bool:
    """A cue on the passive verb or its "as saying", wholly in its clause."""
    return bool(cue & anchors) and cue <= clause


def _passive_quote(verb: Token) -> bool:
    """"was quoted (by Y) as saying"; "was told by officials that ..."."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if verb.lemma_.lower() == "quote":
        return bool(_as_saying(verb))
    return (verb.lemma_.lower() in audience_verbs() and _agent(verb) is not None
            and any(c.dep_ == "ccomp" for c in verb.children))


def _as_saying(verb: Token) -> set[int]:
    """The "as saying" after the verb (its tokens), empty when none."""
    for prep in verb.children:
        if prep.lower_ == "as":
            saying = next((g for g in prep.children if g.lemma_.lower() in _SAYING), None)
            if saying is not None:
                return {prep.i, saying.i}
    return set()


def _record(doc: Doc, verb: Token) -> Attribution | None:
    quoted = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = _agent(verb)
    as_saying = sorted(_as_saying(verb))
    saying = doc[as_saying[-1]] if as_saying else verb  # "was told by X that ..."
    said = [t.i for c in saying.children if c.dep_ in ("ccomp", "xcomp", "dobj")
            for t in c.subtree if not t.is_space and t.i > saying.i]
    if not said:
        said = _quotation_before(doc, verb)
    while said and doc[said[-1]].is_punct and doc[said[-1]].text not in ("”", '"', "’"):
        said.pop()
    source = agent if agent is not None else quoted
    if source is None or not said:
        return None
    source_tokens = [t.i for t in source.subtree if not t.is_space]
    while source_tokens and doc[source_tokens[-1]].is_punct:
        source_tokens.pop()  # "Vance Morrow," without its comma
    cue = sorted({t.i for t in verb.children if t.dep_ == "auxpass"} | {verb.i} | set(as_saying))
    return Attribution(source=tokens_to_span(doc, source_tokens),
                       cue=tokens_to_span(doc, cue), content=tokens_to_span(doc, said),
                       kind="indirect")


def _agent(verb: Token) -> Token | None:
    """The "by" object on the verb or on its "as saying"."""
    heads = [verb] + [g for c in verb.children if c.lower_ == "as" for g in c.children]
    for head in heads:
        for child in head.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                found = next((c for c in child.children if c.dep_ == "pobj"), None)
                if found is not None:
                    return found
    return None


def _quotation_before(doc: Doc, verb: Token) -> list[int]:
    """The quotation that opens the sentence ("“We have lost contact with the
    crew,” ... was quoted as saying")."""
    passage = Passage.of(doc)
    for token in doc[verb.sent.start:verb.i]:
        if token.is_punct:
            continue
        quote = passage.quote_at(token.idx)
        if quote is not None:
            return [t.i for t in doc[verb.sent.start:verb.i]
                    if not t.is_space and quote.start <= t.idx < quote.end]
        break
    return []
