"""The medium of a statement, as written: "in a post on Telegram",
"told reporters", "at a news conference", "on Fox News".

Looked for only on the cue verb: a prepositional phrase attached to it whose
object is a channel noun, a named platform or an audience, or, for "tell",
its object when that is an audience or outlet.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import audience_nouns, channel_nouns, platforms
from .spans import inside_word

# Prepositions that introduce a channel ("in", "on", "at", "during", "via",
# "through", "over", "to"); "after a meeting" or "about the post" do not.
_CHANNEL_PREPS = frozenset({"in", "on", "at", "during", "via", "through", "over", "to"})
# Clauses end the phrase wherever they hang; lists and punctuation only when
# they hang off the preposition or its object, not inside a name
# ("Securities and Exchange Commission filings").
_CLAUSES = frozenset({"relcl", "ccomp", "advcl", "acl"})
_TOP_LEVEL_BREAKS = frozenset({"punct", "cc", "conj"})
_QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``", "«", "»"})
# Words a phrase must not end on once cut: "of", "the", "’s".
_DANGLING = frozenset({"ADP", "DET", "CCONJ", "PART", "PUNCT"})
_TIMES = frozenset({"DATE", "TIME"})
_TELL = frozenset({"tell"})


def find_channel(cue_verb: Token | None, excluded: set[int]) -> str | None:
    """The channel phrase on ``cue_verb``; tokens in ``excluded`` (source and
    content) are never part of it."""
    if cue_verb is None:
        return None
    for child in cue_verb.children:
        if child.i in excluded:
            continue
        if child.dep_ == "prep" and child.lower_ in _CHANNEL_PREPS:
            obj = _object_of(child)
            if obj is not None and obj.i not in excluded and _is_channel(obj, child.lower_):
                return _phrase(child, child, excluded)
        elif (child.dep_ in ("dobj", "dative") and cue_verb.lemma_.lower() in _TELL
              and (_is_audience(child) or _is_channel(child, "at"))):
            return _phrase(cue_verb, child, excluded)
    return None


def _object_of(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _is_channel(obj: Token, prep: str) -> bool:
    if prep == "to":
        return _is_audience(obj)
    return (obj.lemma_.lower() in channel_nouns() or obj.lower_ in channel_nouns()
            or _names_platform(obj))


def _is_audience(obj: Token) -> bool:
    return (obj.lemma_.lower() in audience_nouns() or obj.lower_ in audience_nouns()
            or _names_platform(obj))


def _names_platform(obj: Token) -> bool:
    """"X", "Fox News", "Fox News Sunday": a platform name among the words of
    the object's name (compared case-sensitively)."""
    doc = obj.doc
    words = tuple(doc[i].text for i in range(obj.left_edge.i, obj.i + 1))
    for name in platforms():
        n = len(name)
        if any(words[k:k + n] == name for k in range(len(words) - n + 1)):
            return True
    return False


def _phrase(first: Token, last_head: Token, excluded: set[int]) -> str | None:
    """Text from ``first`` through ``last_head``'s phrase, cut before any
    clause, date, excluded token or punctuation inside it."""
    doc = first.doc
    stop = last_head.right_edge.i + 1
    top = {last_head.i} | {c.i for c in last_head.children if c.dep_ == "pobj"}
    for token in last_head.subtree:
        if token.i > last_head.i and _cuts(token, top, excluded):
            stop = min(stop, max(token.left_edge.i, last_head.i + 1))
    for i in range(first.i, stop):
        if i in excluded:
            stop = i
            break
    end = stop - 1
    while end > first.i and doc[end].pos_ in _DANGLING and doc[end].i != last_head.i:
        end -= 1
    end = _close_quote(doc, first.i, end, excluded)
    return doc[first.i:end + 1].text or None


def _close_quote(doc, start: int, end: int, excluded: set[int]) -> int:
    """Extend ``end`` to the closing mark of a quote opened inside the phrase
    ("on “Fox News Sunday,”"), if it follows within a few tokens."""
    marks = [doc[i].text for i in range(start, end + 1) if doc[i].text in _QUOTE_MARKS]
    if len(marks) % 2 == 0:
        return end
    for i in range(end + 1, min(len(doc), end + 4)):
        if i in excluded:
            break
        if doc[i].text in _QUOTE_MARKS:
            return i
    return end


def _cuts(token: Token, top: set[int], excluded: set[int]) -> bool:
    if token.i in excluded or token.dep_ in _CLAUSES:
        return True
    if token.dep_ in _TOP_LEVEL_BREAKS and token.head.i in top:
        return token.text not in _QUOTE_MARKS and not inside_word(token)
    return token.dep_ == "prep" and any(c.ent_type_ in _TIMES for c in token.children)
