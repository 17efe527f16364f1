"""What was said, without the words around the saying.

Two reaches of the role tagger, both read off the parse:

* an unquoted content runs into the next or the previous sentence ("the
  weapon had been reported stolen in 2022. No arrests have been made."):
  reported speech is one clause of the cue's sentence, so the other
  sentences' words leave it (a quotation may run over sentences, and is
  kept whole);
* the content starts or ends with the time or place of the saying ("said
  on Monday it would raise the wage", "said it would close, in Varne"),
  which is not what was said.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..lexicon import audience_verbs
from ..model import Attribution
from .alignment import TokenOffsets, tokens_to_span
from .clause_contents import cue_verb
from .clause_cues import clause_complement
from .passage import Passage

_SAYING_MODIFIERS = frozenset({"prep", "npadvmod", "advmod", "agent"})


def trim_content_edges(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    offsets, passage = TokenOffsets(doc), Passage.of(doc)
    return [_trimmed(doc, offsets, passage, a) for a in attributions]


def _trimmed(doc: Doc, offsets: TokenOffsets, passage: Passage,
             attribution: Attribution) -> Attribution:
    content = sorted(i for i in offsets.tokens_in(attribution.content) if not doc[i].is_space)
    cue = sorted(offsets.tokens_in(attribution.cue))
    if not content or not cue:
        return attribution
    quoted = {i for i in content if passage.quote_at(doc[i].idx) is not None}
    colon = any(doc[i].text == ":" for i in cue) or doc[content[0] - 1].text == ":"
    # words after a colon ("KALE: ...", "said: ...") may run over sentences
    kept = content if colon else _in_cue_sentence(offsets.sentence_of(cue[0]), content,
                                                  doc, quoted)
    verb = cue_verb(doc, cue)
    if verb is not None:
        kept = _relative_clauses_apart(doc, kept, verb, quoted)
        kept = _without_saying_modifiers(doc, kept, verb, quoted)
    kept = _without_narrative_before_quote(doc, kept, quoted)
    if kept == content or not any(doc[i].is_alpha for i in kept):
        return attribution
    return replace(attribution, content=tokens_to_span(doc, kept))


def _without_narrative_before_quote(doc: Doc, content: list[int], quoted: set[int]) -> list[int]:
    """"Mayor Ivo Brandt struck a more conciliatory tone in a post on X.
    "The dockworkers keep this city running," he wrote.": a whole unquoted
    sentence before the quotation is the story's, not the quote's."""
    first_quoted = next((k for k, i in enumerate(content) if i in quoted), None)
    if not first_quoted:
        return content
    before = content[:first_quoted]
    # "X." is one token: the sentence ends with the token's last character
    stop = max((k for k, i in enumerate(before) if doc[i].text.endswith((".", "!", "?"))
                and k == len(before) - 1), default=None)
    if stop is None:
        return content
    return content[stop + 1:]


def _relative_clauses_apart(doc: Doc, content: list[int], verb: Token,
                            quoted: set[int]) -> list[int]:
    """A relative clause is a statement of its own: "The striker Joao
    Matos, who told reporters that he was fully fit, was left out" says
    "he was fully fit" inside the clause and nothing outside it, and in
    "Ngozi Eze, who said last week that she would resign, told parliament
    that she had changed her mind" the clause on the speaker is no part of
    what she told parliament."""
    if verb.dep_ == "relcl":
        clause = {t.i for t in verb.subtree}
        inside = [i for i in content if i in clause or i in quoted]
        if not any(doc[i].is_alpha for i in inside):
            complement = clause_complement(verb)
            if complement is None:
                return content
            inside = [t.i for t in complement.subtree if not t.is_space]
        return inside
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return content
    aside = {t.i for c in subject.children if c.dep_ == "relcl" for t in c.subtree}
    kept = [i for i in content if i not in aside or i in quoted]
    return kept if any(doc[i].is_alpha for i in kept) else content


def _when_or_where(modifier: Token) -> bool:
    """"on Monday", "late on Tuesday", "in Varne": a time or place; not "of
    fraud" in "accused him of fraud", which is what was said."""
    return any(t.ent_type_ in _TIMES_AND_PLACES for t in modifier.subtree)


_TIMES_AND_PLACES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})


def _in_cue_sentence(sentence: tuple[int, int], content: list[int], doc: Doc,
                     quoted: set[int]) -> list[int]:
    start, end = sentence
    inside = [i for i in content if start <= i < end or i in quoted]
    if not any(start <= i < end and doc[i].is_alpha for i in inside):
        return content  # a content wholly elsewhere is some other rule's (a fronted clause)
    return inside


def _without_saying_modifiers(doc: Doc, content: list[int], verb: Token,
                              quoted: set[int]) -> list[int]:
    modifiers = [c for c in verb.children if c.dep_ in _SAYING_MODIFIERS and _when_or_where(c)]
    # "told parliament on Tuesday that ...": the one told, before the clause
    # told, is the audience, not part of what was said
    clauses = [c.i for c in verb.rights if c.dep_ == "ccomp"]
    if clauses and verb.lemma_.lower() in audience_verbs():
        modifiers += [c for c in verb.rights if c.dep_ in ("dobj", "dative") and c.i < clauses[0]
                      and not any(t.pos_ in ("VERB", "AUX") or t.lower_ == "that"
                                  for t in c.subtree)]
    # "said on Monday it would ...", parsed as the clause's own time: a date
    # between the verb and the clause's subject dates the saying
    for clause in (c for c in verb.rights if c.dep_ == "ccomp"):
        subject = next((g for g in clause.lefts if g.dep_ in ("nsubj", "nsubjpass")), None)
        modifiers += [g for g in clause.lefts
                      if g.dep_ in _SAYING_MODIFIERS and subject is not None and g.i < subject.i
                      and _when_or_where(g)]
    kept = list(content)
    # from the edges in: "parliament on Tuesday that ..." loses both
    for modifier in sorted(modifiers, key=lambda m: m.i):
        words = {t.i for t in modifier.subtree}
        if words & quoted or not words & set(kept):
            continue
        rest = [i for i in kept if i not in words]
        at_edge = not rest or min(words) < rest[0] or max(words) > rest[-1]
        if at_edge and rest:
            kept = rest
    while kept and doc[kept[0]].is_punct and kept != content:
        kept = kept[1:]  # a comma left at the front by the cut
    return kept
