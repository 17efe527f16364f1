"""Wire copy's "X reported, citing Y, that ...": the citing phrase is not content.

The role tagger often reads "citing two officials at the Pentagon, that
troops would move" as one content, or takes "citing" for the cue. The
phrase names the source the report relays, so it leaves the content (the
speakers stage reads it as the relay chain) and the reporting verb before
it becomes the cue. Nor is the relay a statement of its own: a "citing",
"quoting" or "which cited" that hangs on another statement's cue or sits
in its source is dropped (``drop_relay_records``); "X quoted Y as saying"
is the one relay that is the statement's own cue.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..lexicon import read_rows
from ..model import Attribution
from .alignment import TokenOffsets, tokens_to_span
from .clause_contents import cue_verb

_RELAY_WORDS = frozenset({"citing", "quoting"})
_RELAY_LEMMAS = frozenset({"cite", "quote"})


def split_relay_phrases(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    offsets = TokenOffsets(doc)
    return [_quoted_as_saying(doc, offsets, _split(doc, offsets, _cue_without_channel(doc, offsets, a)))
            for a in attributions]


def _cue_without_channel(doc: Doc, offsets: TokenOffsets, attribution: Attribution) -> Attribution:
    """"Krasna said in a post on Telegram, citing ..., that ...": a cue the
    tagger ran on into the phrase after its verb ("said in a post on") is
    the verb; a content that is only that phrase's words ("Telegram") is
    none, and what was said is the "that" clause after the relay."""
    cue = sorted(offsets.tokens_in(attribution.cue))
    verb = cue_verb(doc, cue)
    if verb is None:
        return attribution
    phrase = {t.i for c in verb.children if c.dep_ == "prep" and c.i > verb.i for t in c.subtree}
    # only a phrase whose own noun the cue took ("said in a post on"), not a
    # preposition the cue needs ("according to", "called for")
    objects = [doc[i] for i in sorted(phrase) if doc[i].dep_ == "pobj"]
    if not any(t.i in cue for t in objects) and not any(
            t.lemma_.lower() in _channel_nouns() for t in objects if t.head.i in cue):
        return attribution
    changes = {"cue": tokens_to_span(doc, [i for i in cue if i not in phrase])}
    content = offsets.tokens_in(attribution.content)
    if (content and content <= phrase | {i for i in content if doc[i].is_punct}
            and not any(doc[i].pos_ in ("VERB", "AUX") for i in content)):
        said = _said_after_relay(doc, verb)
        changes["content"] = tokens_to_span(doc, said) if said else []
    return replace(attribution, **changes)


@lru_cache(maxsize=None)
def _channel_nouns() -> frozenset[str]:
    """The speakers stage's channel nouns ("post", "channel", "website")."""
    return frozenset(row[0].lower() for row in read_rows("sayso.speakers", "channels.txt"))


def _said_after_relay(doc: Doc, verb: Token) -> list[int]:
    """The "that" clause after the verb's relay ("..., citing the spokesman
    Ana Vell, that President Marek would not attend"), however the parser
    hung it."""
    relay = next((c for c in verb.children if c.lower_ in _RELAY_WORDS), None)
    if relay is None:
        return []
    that = next((t for t in doc[relay.i + 1:verb.sent.end]
                 if t.lower_ == "that" and t.dep_ == "mark"), None)
    if that is None:
        return []
    words = [i for i in range(that.i + 1, that.head.right_edge.i + 1) if not doc[i].is_space]
    while words and doc[words[-1]].is_punct:
        words.pop()
    return words


def _quoted_as_saying(doc: Doc, offsets: TokenOffsets, attribution: Attribution) -> Attribution:
    """"The Kessel Times quoted the minister as saying the pipeline would be
    finished": what was said is what follows "as saying", not the person
    quoted (who is the relay's object, cited by the speakers stage)."""
    cue = sorted(offsets.tokens_in(attribution.cue))
    verb = next((doc[i] for i in cue if doc[i].lemma_.lower() == "quote"), None)
    if verb is None:
        return attribution
    saying = next((g for c in verb.children if c.lower_ == "as" for g in c.children
                   if g.lemma_.lower() in ("say", "tell", "write")), None)
    if saying is None:
        return attribution
    said = [t.i for c in saying.children if c.dep_ in ("ccomp", "dobj", "xcomp")
            for t in c.subtree if not t.is_space]
    said = [i for i in said if i > saying.i]
    if not said:
        # the quotation came first ("'...,' the agency quoted an official as
        # saying on Sunday"): the one quoted and the "as saying" leave it
        relay = {t.i for c in verb.children if c.dep_ in ("dobj", "prep") and c.i > verb.i
                 for t in c.subtree}
        content = [i for i in sorted(offsets.tokens_in(attribution.content)) if i not in relay]
        if relay and any(doc[i].is_alpha for i in content):
            return replace(attribution, content=tokens_to_span(doc, content))
        return attribution
    while said and doc[said[-1]].is_punct and doc[said[-1]].text not in _CLOSING_MARKS:
        said.pop()
    return replace(attribution, content=tokens_to_span(doc, said))


_CLOSING_MARKS = frozenset({'"', "”", "’", "'"})


def _split(doc: Doc, offsets: TokenOffsets, attribution: Attribution) -> Attribution:
    content = sorted(i for i in offsets.tokens_in(attribution.content) if not doc[i].is_punct)
    cue = sorted(offsets.tokens_in(attribution.cue))
    relay = _relay_word(doc, content, cue)
    if relay is None:
        return attribution
    that = next((i for i in range(relay + 1, doc[relay].sent.end)
                 if doc[i].lower_ == "that" and doc[i].dep_ == "mark"), None)
    if that is None:
        return attribution
    kept = [i for i in offsets.tokens_in(attribution.content) if i > that and not doc[i].is_space]
    if not kept:
        return attribution
    changes = {"content": tokens_to_span(doc, sorted(kept))}
    if cue == [relay]:
        verb = _verb_before(doc, relay, offsets.tokens_in(attribution.source))
        if verb is None:
            return attribution
        changes["cue"] = tokens_to_span(doc, [verb])
    return replace(attribution, **changes)


def drop_relay_records(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions less those whose cue only relays another's."""
    offsets = TokenOffsets(doc)
    cues = [set(offsets.tokens_in(a.cue)) for a in attributions]
    sources = [set(offsets.tokens_in(a.source)) for a in attributions]
    kept = []
    for k, attribution in enumerate(attributions):
        relay = _relay_cue(doc, cues[k])
        others = [j for j in range(len(attributions)) if j != k and cues[j] != cues[k]]
        if relay is not None and any(_relays_for(doc[relay], cues[j], sources[j]) for j in others):
            continue
        kept.append(attribution)
    return kept


def _relay_cue(doc: Doc, cue: set[int]) -> int | None:
    """The cue's relay verb ("citing", "quoting", "cited"), unless it is
    "quoted ... as saying"."""
    words = [i for i in cue if not doc[i].is_punct]
    if len(words) != 1:
        return None
    token = doc[words[0]]
    if token.lemma_.lower() not in _RELAY_LEMMAS or token.pos_ not in ("VERB", "AUX"):
        return None
    if token.lemma_.lower() == "quote" and any(c.lower_ == "as" for c in token.children):
        return None
    return token.i


def _relays_for(relay: Token, cue: set[int], source: set[int]) -> bool:
    """The relay hangs on the other statement's cue (", citing ...") or on
    a word of its source ("Radio Tavel, which cited ..."), or lies in it."""
    if relay.i in source:
        return True
    for ancestor in list(relay.ancestors)[:3]:
        if ancestor.i in cue or ancestor.i in source:
            return True
    return False


def _relay_word(doc: Doc, content: list[int], cue: list[int]) -> int | None:
    if content and doc[content[0]].lower_ in _RELAY_WORDS:
        return content[0]
    if len(cue) == 1 and doc[cue[0]].lower_ in _RELAY_WORDS:
        return cue[0]
    return None


def _verb_before(doc: Doc, relay: int, source: set[int]) -> int | None:
    """The reporting verb just before ", citing": "Tass said, citing ..."."""
    i = relay - 1
    while i >= doc[relay].sent.start and doc[i].is_punct:
        i -= 1
    if i >= doc[relay].sent.start and doc[i].pos_ == "VERB" and i not in source:
        return i
    return None
