"""The medium of a statement, as written: "in a post on Telegram",
"told reporters", "at a news conference", "on Fox News".

Looked for on the cue verb and on a participle that leads into it
("Speaking at a news conference in Varne, the minister said"): a
prepositional phrase attached there whose object is a channel noun, a named
platform or an audience; for a verb of telling ("told the Morning Star",
"assured investors"), the one told, whoever that is. A channel is a role of
its own: the words it takes leave the source and the content.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import audience_nouns, audience_verbs, channel_nouns, platforms
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
_TIMES_AND_PLACES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
# Participles that lead into a statement and carry its medium.
_LEAD_INS = frozenset({"speak", "talk", "write", "address", "appear", "post", "testify",
                       "answer", "respond", "reply"})
# A platform named through a participle inside the phrase: "a video posted on Instagram".
_PUBLISHING = frozenset({"post", "publish", "share", "upload", "broadcast", "air", "release",
                         "issue", "put", "stream", "carry", "run"})


def find_channel(cue_verb: Token | None, excluded: set[int]) -> str | None:
    """The channel phrase on ``cue_verb``; tokens in ``excluded`` (the
    statement's own words) are never part of it."""
    found = find_channel_tokens(cue_verb, excluded)
    return found[1] if found else None


def find_channel_tokens(cue_verb: Token | None, excluded: set[int]
                        ) -> tuple[list[int], str] | None:
    """(token indices, text) of the channel phrase on ``cue_verb``, or None."""
    if cue_verb is None:
        return None
    for verb in (cue_verb, *lead_ins(cue_verb)):
        found = _channel_on(verb, excluded, verb is cue_verb)
        if found is not None:
            return found
    return None


def lead_ins(cue_verb: Token) -> list[Token]:
    """"Speaking at ...", "Writing on Facebook, ...", "Addressing a rally":
    a participle clause hanging on the cue verb."""
    return [c for c in cue_verb.children
            if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and c.lemma_.lower() in _LEAD_INS]


def _channel_on(verb: Token, excluded: set[int], is_cue: bool) -> tuple[list[int], str] | None:
    for child in verb.children:
        if child.i in excluded:
            continue
        if child.dep_ == "prep" and child.lower_ in _CHANNEL_PREPS | _LEAD_IN_PREPS:
            obj = _object_of(child)
            if obj is not None and obj.i not in excluded and (
                    _is_channel(obj, child.lower_) or _lead_in_place(verb, child, obj, is_cue)):
                return _phrase(child, child, excluded)
        elif child.dep_ in ("dobj", "dative") and _tells(verb, child, is_cue):
            return _phrase(child, child, excluded, include_head=True)
    return None


def _tells(verb: Token, obj: Token, is_cue: bool) -> bool:
    """The one told is the audience: "told the Morning Star", "assured
    investors"; "addressing a rally" only for an audience or a channel."""
    lemma = verb.lemma_.lower()
    if is_cue and lemma in audience_verbs():
        return obj.pos_ in ("PROPN", "NOUN", "PRON") and obj.tag_ != "WP"
    return lemma == "address" and (_is_audience(obj) or _is_channel(obj, "at"))


def _object_of(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


_LEAD_IN_PREPS = frozenset({"before"})


def _lead_in_place(verb: Token, prep: Token, obj: Token, is_cue: bool) -> bool:
    """"Speaking to the Kessel Times, ...", "Speaking in parliament, ...",
    "Testifying before the inquiry, ...": where a speaking participle says
    the words went is the channel, whatever the noun (not a time: "speaking
    in May")."""
    return (not is_cue and verb.lemma_.lower() in _SPEAKING and prep.lower_ in _TOWARD
            and obj.ent_type_ not in ("DATE", "TIME") and obj.pos_ in ("NOUN", "PROPN"))


# where to ("to the Kessel Times", "in parliament", "before the inquiry"); not
# how or when ("on condition of anonymity", "during a visit")
_TOWARD = frozenset({"to", "in", "before"})


_SPEAKING = frozenset({"speak", "talk", "testify", "address", "appear"})


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


def _phrase(first: Token, last_head: Token, excluded: set[int],
            include_head: bool = False) -> tuple[list[int], str] | None:
    """Tokens and text from ``first`` (or, with ``include_head``, the left
    edge of ``last_head``'s phrase) through ``last_head``'s phrase, cut
    before any clause, date, excluded token or punctuation inside it."""
    doc = first.doc
    if include_head:
        first = doc[min(t.i for t in last_head.subtree if t.i not in excluded)]
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
    text = doc[first.i:end + 1].text
    return (list(range(first.i, end + 1)), text) if text else None


def _publishes_on_platform(clause: Token) -> bool:
    """"posted on Instagram" in "a video posted on Instagram": a participle of
    publishing whose phrase names a channel or platform."""
    if clause.dep_ != "acl" or clause.lemma_.lower() not in _PUBLISHING:
        return False
    return any(c.dep_ == "prep" and (obj := _object_of(c)) is not None and _is_channel(obj, "on")
               for c in clause.children)


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
    if token.i in excluded:
        return True
    if token.dep_ in _CLAUSES:
        return not _publishes_on_platform(token)
    if token.dep_ in _TOP_LEVEL_BREAKS and token.head.i in top:
        return token.text not in _QUOTE_MARKS and not inside_word(token)
    if token.dep_ == "appos":
        return True  # "in Varne, the interior minister": who, not where
    # "at a news conference in Varne on Monday": the time and place are not the medium
    return token.dep_ == "prep" and any(
        c.ent_type_ in _TIMES_AND_PLACES or _a_place(token, c) for c in token.children)


def _a_place(prep: Token, obj: Token) -> bool:
    """"in Varne": a name after "in" that no platform list holds is where."""
    return (prep.lower_ == "in" and obj.dep_ == "pobj" and obj.pos_ == "PROPN"
            and obj.ent_type_ not in ("ORG", "WORK_OF_ART") and not _names_platform(obj))


# "figures released by ...", "a report published by ...": the issuer after a participle
_ISSUING = frozenset({"release", "publish", "issue", "post", "put", "send", "sign", "write"})


def document_issuer(head: Token) -> tuple[Token, list[int]] | None:
    """For a source that is a document with its issuer ("a statement from
    the ministry", "the group's latest annual report", "a Telegram post by
    the Defence Ministry", "figures released by the statistics office"):
    the issuer's head and the tokens of the document phrase without it, the
    statement's channel. None for any other source, or a document alone."""
    if head.lemma_.lower() not in channel_nouns() and head.lower_ not in channel_nouns():
        return None
    issuer = next((c for c in head.children if c.dep_ == "poss" and c.tag_ != "PRP$"), None)
    if issuer is None:
        issuer = _object_after(head, ("from", "by"))
    if issuer is None:
        participle = next((c for c in head.children if c.dep_ == "acl"
                           and c.lemma_.lower() in _ISSUING), None)
        if participle is not None:
            agent = next((c for c in participle.children if c.dep_ == "agent"), None)
            issuer = _object_of(agent) if agent is not None else None
    if issuer is None:
        return None
    left_out = {t.i for t in issuer.subtree}
    for child in head.children:
        # the issuer's preposition or participle, and the time or place of issue
        if child.i > head.i and (left_out & {t.i for t in child.subtree} or child.dep_ in
                                 ("acl", "relcl", "prep", "punct")):
            left_out |= {t.i for t in child.subtree}
    kept = [t.i for t in head.subtree if t.i not in left_out and t.dep_ != "case"
            and not (t.dep_ == "punct" and t.i > head.i)]
    return issuer, kept


def _object_after(head: Token, preps: tuple[str, ...]) -> Token | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            obj = _object_of(child)
            if obj is not None:
                return obj
    return None
