"""A record needs a speech act: deeds the tagger took for cues are dropped.

The cue tagger learned from a corpus that also marks some deeds ("signed the
legislation") as attributions; to a reader, "Governor Ines Calder signed
the order" says nothing anyone said. A cue whose main word is a verb of
the action lexicon (``lexicons/action_verbs.txt``) is no record.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Attribution
from .alignment import TokenOffsets
from .features import load_lexicon


def drop_deeds(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    offsets = TokenOffsets(doc)
    deeds = load_lexicon("action_verbs.txt")
    return [a for a in attributions if not _is_deed(doc, offsets, a, deeds)]


def _is_deed(doc: Doc, offsets: TokenOffsets, attribution: Attribution,
             deeds: frozenset[str]) -> bool:
    tokens = sorted(i for i in offsets.tokens_in(attribution.cue) if not doc[i].is_punct)
    if not tokens:
        return False
    inside = set(tokens)
    # the cue's main word: the one whose head lies outside it ("has signed")
    head = next((doc[i] for i in tokens if doc[i].head.i not in inside or doc[i].head.i == i),
                doc[tokens[0]])
    return head.pos_ == "VERB" and head.lemma_.lower() in deeds
