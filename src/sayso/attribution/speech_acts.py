"""A record needs a speech act: deeds and silences the tagger took for cues go.

The cue tagger learned from a corpus that also marks some deeds ("signed the
legislation") as attributions; to a reader, "Governor Ines Calder signed
the order" says nothing anyone said. A cue whose main word is a verb of
the action lexicon (``lexicons/action_verbs.txt``) is no record. Nor is a
cue that says someone said nothing (``lexicons/non_statements.txt``):
"declined to comment", "did not respond to a request for comment",
"refused to say whether ...", nor a passive whose content is its subject
("The emergency was declared"), nor the question a statement answers.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ..lexicon import audience_verbs, read_rows
from ..model import Attribution
from .alignment import TokenOffsets
from .cue_priors import complement, seldom_a_cue
from .features import load_lexicon


def drop_deeds(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    offsets = TokenOffsets(doc)
    deeds = load_lexicon("action_verbs.txt")
    return [a for a in attributions if not _is_deed(doc, offsets, a, deeds)
            and not _says_nothing(doc, offsets, a) and not _no_claim(doc, offsets, a)]


def _no_claim(doc: Doc, offsets: TokenOffsets, attribution: Attribution) -> bool:
    """Nothing said: a passive cue whose content is its own subject ("The
    emergency was declared"), and a reporter's question a statement answers
    ("Asked whether he would resign, the minister said"), and a verb that with
    a noun phrase after it is seldom a cue in the corpus ("inspectors found
    cracks": ``cue_priors``). (Any other cue outside the
    reporting lexicons with a bare noun phrase for content, "the council
    approved a new parking scheme", is left to the confidence score: in the
    training corpus about half of them are attributions.)"""
    cue = [doc[i] for i in sorted(offsets.tokens_in(attribution.cue)) if not doc[i].is_punct]
    content = [doc[i] for i in sorted(offsets.tokens_in(attribution.content))]
    if not cue or not content:
        return False
    head = cue_head(cue)
    words = [t for t in content if not t.is_punct and not t.is_space]
    if not words:
        return False
    clause = is_clause(doc, content)
    if _told_not_telling(head, offsets.tokens_in(attribution.source)):
        return True
    if head.tag_ == "VBN" and head.dep_ == "acl" and not clause:
        # "a statue of the late mayor, remembered in Osby as the 'Iron Lady'":
        # a participle describing a noun says what others call it, no statement
        return True
    if not clause and any(t.dep_ == "nsubjpass" and t.head.i == head.i for t in words):
        return True
    if (not clause and head.pos_ == "VERB" and complement(head) == "np"
            and seldom_a_cue(head, SELDOM_A_CUE)):
        # "inspectors found cracks", "the last increase added 40 crowns": with a
        # noun phrase after it the word is seldom a cue in the corpus
        return True
    # "Asked whether ..., Ana Duarte refused to say": the participle leads into
    # the sentence whose subject the tagger took for its source
    leads_in = not attribution.source or head.dep_ == "advcl" or head.is_sent_start
    return (head.lemma_.lower() == "ask" and head.tag_ == "VBN" and leads_in
            and words[0].lower_ in _QUESTION_WORDS)


def _told_not_telling(head: Token, source: set[int]) -> bool:
    """"He laughed when told of the remark", "she was told that ...": a
    passive verb of telling whose source is the one told, not the one
    speaking (a source after "by" does speak: "was told by officials")."""
    if head.tag_ != "VBN" or head.lemma_.lower() not in audience_verbs():
        return False
    agent = {t.i for c in head.children if c.dep_ == "agent" for t in c.subtree}
    if agent and source <= agent:
        return False
    return any(c.dep_ == "auxpass" for c in head.children) or (
        head.dep_ in ("advcl", "acl") and not any(c.dep_.startswith("nsubj")
                                                 for c in head.children))


def is_clause(doc: Doc, content: list[Token]) -> bool:
    """Whether a content says something: it has a verb, or is quoted."""
    return bool(content) and (
        any(t.pos_ in ("VERB", "AUX") for t in content)
        or any(t.text in _QUOTE_MARKS for t in content)
        or (content[0].i > 0 and doc[content[0].i - 1].text in _QUOTE_MARKS))


_QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "'", "``", "''"})


def cue_head(cue: list[Token]) -> Token:
    """The cue's main word: the one whose head lies outside it ("has said")."""
    inside = {t.i for t in cue}
    return next((t for t in cue if t.head.i not in inside or t.head.i == t.i), cue[0])


# below this share of its uses with such a complement being cues (PolNeAR
# train), a verb with a noun phrase for content is no record
SELDOM_A_CUE = 0.2

_QUESTION_WORDS = frozenset({"whether", "if", "how", "what", "when", "where", "who", "why",
                             "which"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})


@lru_cache(maxsize=None)
def _non_statements() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in read_rows("sayso.attribution",
                                                        "non_statements.txt")}


def _says_nothing(doc: Doc, offsets: TokenOffsets, attribution: Attribution) -> bool:
    cue = sorted(i for i in offsets.tokens_in(attribution.cue) if not doc[i].is_punct)
    content = [doc[i] for i in sorted(offsets.tokens_in(attribution.content))
               if not doc[i].is_punct]
    if not cue:
        return False
    # the verb the cue is about: "declined" in "declined to comment"
    verbs = [doc[i] for i in cue if doc[i].pos_ in ("VERB", "AUX")] or [doc[cue[0]]]
    near = set(cue) | {t.i for v in verbs for t in v.children}
    for verb in verbs:
        when = _non_statements().get(verb.lemma_.lower())
        if when == "declined" and _infinitive_first(verb, content):
            return True
        if when == "negated" and any(doc[i].lower_ in _NEGATIONS for i in near):
            return True
        if (when == "unanswered" and any(doc[i].lower_ in _NEGATIONS for i in near)
                and content and content[0].lower_ in _QUESTION_WORDS
                and not _quoted(doc, content[0])):
            return True
    return False


def _quoted(doc: Doc, token: Token) -> bool:
    return token.i > 0 and doc[token.i - 1].text in _OPENING_MARKS


_OPENING_MARKS = frozenset({'"', "“", "‘", "'", "``"})


def _infinitive_first(verb: Token, content: list[Token]) -> bool:
    """"declined to comment", "refused to say whether": a "to" + verb right
    after the cue, or as all the content."""
    following = [t for t in verb.children if t.dep_ == "xcomp" and t.i > verb.i]
    if following and following[0].lemma_.lower() in _NOTHING_SAID:
        return True
    return bool(content) and content[0].lower_ == "to" and (
        len(content) < 2 or content[1].lemma_.lower() in _NOTHING_SAID)


# what a refusal refuses: to comment, to say, to answer, to be named
_NOTHING_SAID = frozenset({"comment", "say", "answer", "discuss", "confirm", "elaborate",
                           "speak", "respond", "give", "be", "provide", "reveal", "name",
                           "disclose", "identify", "detail", "specify"})


def _is_deed(doc: Doc, offsets: TokenOffsets, attribution: Attribution,
             deeds: frozenset[str]) -> bool:
    cue = [doc[i] for i in sorted(offsets.tokens_in(attribution.cue)) if not doc[i].is_punct]
    if not cue:
        return False
    head = cue_head(cue)  # "has signed" -> signed
    if head.pos_ != "VERB":
        return False
    lemma = head.lemma_.lower()
    return lemma in deeds or (lemma in load_lexicon("deeds_unless_said.txt")
                              and _takes_no_statement(head))


def _takes_no_statement(verb: Token) -> bool:
    """"rejected the pay offer", not "rejected the claim" or "rejected
    suggestions that ...": an object that is nothing said."""
    if complement(verb) != "np":
        return False
    obj = next(c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd"))
    said = obj.tag_ == "VBG" or obj.lemma_.lower() in load_lexicon("reporting_nouns.txt") or any(
        c.dep_ in ("acl", "relcl") and any(m.lower_ == "that" and m.dep_ == "mark"
                                           for m in c.children) for c in obj.children)
    return not said
