"""``event_date`` on every attribution whose content or sentence states one.

The content is read first (what the statement reports: "the call on
Monday"); failing that, the sentence that carries the statement says when
it was made ("said on Tuesday"), the phrase nearest the cue winning. The
tense of the clause around a phrase picks the direction of a bare weekday
or month-day; relative phrases need the publication date and stay null
without one.
"""

from __future__ import annotations

from datetime import date as Date

from spacy.tokens import Doc

from ..attribution.alignment import TokenOffsets
from ..model import Attribution
from .expressions import DateMention, find_date_mentions
from .resolve import FUTURE, PAST, ResolvedDate, resolve_date

__all__ = ["assign_event_dates", "resolve_date", "find_date_mentions"]

_FUTURE_AUX = {"will", "would", "'ll", "shall", "wo", "gon", "going"}
# "agreed to meet on Friday": an infinitive under these looks ahead
_FUTURE_VERBS = {"plan", "expect", "schedule", "intend", "set", "due", "agree", "promise", "vow",
                 "pledge", "hope", "want", "aim", "prepare", "decide", "propose", "offer"}


def assign_event_dates(doc: Doc, attributions: list[Attribution], published: Date | None) -> None:
    """Set ``event_date``, ``event_date_period`` and ``event_date_span`` in place."""
    offsets = TokenOffsets(doc)
    text = doc.text
    for attribution in attributions:
        found = _date_in_content(doc, offsets, text, attribution, published)
        if found is None:
            found = _date_in_sentence(doc, offsets, text, attribution, published)
        if found is not None:
            mention, resolved = found
            attribution.event_date = resolved.date
            attribution.event_date_period = resolved.period
            attribution.event_date_span = [(mention.start, mention.end)]


def _date_in_content(doc, offsets, text, attribution, published):
    for start, end in attribution.content:
        for mention in find_date_mentions(text, start, end):
            resolved = _resolve(doc, offsets, mention, published)
            if resolved is not None:
                return mention, resolved
    return None


def _date_in_sentence(doc, offsets, text, attribution, published):
    anchor = attribution.cue or attribution.content
    if not anchor:
        return None
    tokens = offsets.tokens_in(anchor[:1])
    if not tokens:
        return None
    sentence = doc[min(tokens)].sent
    cue_at = anchor[0][0]
    cue_tokens = offsets.tokens_in(attribution.cue) if attribution.cue else set()
    mentions = [m for m in find_date_mentions(text, sentence.start_char, sentence.end_char)
                if not _inside(m, attribution.content)]
    # the phrase that dates the cue's own verb ("reiterated them on the
    # show Thursday") beats one nearer to it that dates another clause
    for mention in sorted(mentions, key=lambda m: (not _dates_cue(doc, offsets, m, cue_tokens),
                                                   abs(m.start - cue_at))):
        resolved = _resolve(doc, offsets, mention, published)
        if resolved is not None:
            return mention, resolved
    return None


def _dates_cue(doc, offsets, mention: DateMention, cue_tokens) -> bool:
    """Whether the phrase hangs off the cue, through nouns and prepositions
    but through no other verb."""
    tokens = offsets.tokens_in([(mention.start, mention.end)])
    if not tokens or not cue_tokens:
        return False
    token = doc[min(tokens)]
    while token.i in tokens and token.head.i != token.i:
        token = token.head
    for step in (token, *token.ancestors):
        if step.i in cue_tokens:
            return True
        if step.pos_ in ("VERB", "AUX"):
            return False
    return False


def _inside(mention: DateMention, span) -> bool:
    return any(s <= mention.start and mention.end <= e for s, e in span)


def _resolve(doc, offsets, mention: DateMention, published) -> ResolvedDate | None:
    tokens = offsets.tokens_in([(mention.start, mention.end)])
    prefer = _tense(doc, sorted(tokens)) if tokens else None
    return resolve_date(mention.text, published, prefer)


def _tense(doc: Doc, tokens: list[int]) -> str | None:
    """FUTURE or PAST when the phrase dates a verb ("will meet on Friday",
    "met on Friday"); None when it modifies a noun ("the Nov. 8 election",
    "his address Sunday") or the verb's tense says neither."""
    inside = set(tokens)
    root = next((doc[i] for i in tokens if doc[i].head.i not in inside or doc[i].head.i == i),
                doc[tokens[0]])
    governor = root.head
    if governor.dep_ == "prep" and governor.i not in inside:
        governor = governor.head
    if governor.i == root.i:
        return None
    if governor.pos_ not in ("VERB", "AUX"):
        # a noun's date ("a meeting on Monday") looks ahead only when the
        # noun is what a future verb acts on ("would chair a meeting on
        # Monday"), not its subject ("his address Sunday will be a topic")
        clause = _verb_acting_on(governor)
        return FUTURE if clause is not None and _verb_tense(clause) == FUTURE else None
    return _verb_tense(governor)


def _verb_acting_on(noun):
    child = noun
    for ancestor in noun.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor if child.dep_ not in ("nsubj", "nsubjpass", "csubj") else None
        child = ancestor
    return None


def _verb_tense(verb) -> str | None:
    words = [c for c in verb.children if c.dep_ in ("aux", "auxpass")] + [verb]
    lowered = {w.lower_ for w in words}
    if lowered & _FUTURE_AUX:
        return FUTURE
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _FUTURE_VERBS:
        return FUTURE
    if any(w.tag_ == "VBD" for w in words) or (verb.tag_ == "VBN" and {"have", "has", "had"} & lowered):
        return PAST
    return None
