"""Wire copy's "X reported, citing Y, that ...": the citing phrase is not content.

The role tagger often reads "citing two officials at the Pentagon, that
troops would move" as one content, or takes "citing" for the cue. The
phrase names the source the report relays, so it leaves the content (the
speakers stage reads it as the relay chain) and the reporting verb before
it becomes the cue.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..model import Attribution
from .alignment import TokenOffsets, tokens_to_span

_RELAY_WORDS = frozenset({"citing", "quoting"})


def split_relay_phrases(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    offsets = TokenOffsets(doc)
    return [_split(doc, offsets, a) for a in attributions]


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
