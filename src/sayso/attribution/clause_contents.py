"""A reporting verb the role tagger left without content gets its clause.

"The port authority said on Monday that the harbour would reopen": when the
tagger finds the cue and the source but labels no content, the parse still
shows what was said, the verb's complement clause. The clause is taken
whole, without the source and cue; a cue with no such clause is left for
the quote rules (a quotation beside it) or dropped there.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..model import Attribution
from .alignment import TokenOffsets, tokens_to_span

_COMPLEMENTS = ("ccomp",)


def fill_empty_contents(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions, each empty content replaced by its cue verb's
    complement clause where the verb has one."""
    offsets = TokenOffsets(doc)
    return [_with_clause(doc, offsets, a) if not a.content and a.cue else a for a in attributions]


def _with_clause(doc: Doc, offsets: TokenOffsets, attribution: Attribution) -> Attribution:
    cue = sorted(offsets.tokens_in(attribution.cue))
    verb = cue_verb(doc, cue)
    clause = next((c for c in verb.rights if c.dep_ in _COMPLEMENTS), None) if verb else None
    if clause is None:
        return attribution
    taken = set(cue) | offsets.tokens_in(attribution.source)
    content = [i for i in range(clause.left_edge.i, clause.right_edge.i + 1)
               if i not in taken and not doc[i].is_space]
    return replace(attribution, content=tokens_to_span(doc, content)) if content else attribution


def cue_verb(doc: Doc, cue: list[int]) -> Token | None:
    inside = set(cue)
    return next((doc[i] for i in cue if doc[i].pos_ in ("VERB", "AUX")
                 and (doc[i].head.i == i or doc[i].head.i not in inside)), None)
