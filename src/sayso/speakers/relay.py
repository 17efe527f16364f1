"""The relay chain: further sources a statement passed through.

Ordered from the reporting source toward the origin. In "Reuters, citing
Tass, which quoted a ministry spokesman, said ..." the speaker is Reuters
and ``cited`` is [Tass, ministry spokesman]. In "Interfax quoted an official
as saying ..." the speaker is Interfax (the subject, when the extractor
takes it as the source) and ``cited`` is [official]; when the extractor
takes the official as the source, the official is the speaker and nothing
is cited, since the official is already the origin.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .coref import Resolver
from .lexicon import channel_nouns, org_nouns, relay_verbs, role_nouns, source_nouns
from .mentions import NAMED_LABELS
from .registry import Entity
from .spans import root_of

# Chains longer than this are parse loops or lists, not relays.
_MAX_DEPTH = 4
_ATTACHED = frozenset({"advcl", "acl", "relcl", "xcomp", "conj"})


def find_cited(resolver: Resolver, speaker: Entity | None, source: list[int],
               cue: list[int], content: list[int]) -> list[Entity]:
    """The entities the statement was passed on from, reporting side first."""
    doc = resolver.index.doc
    in_content = set(content)
    anchors = set(source) | set(cue) | _roots(doc, content) | _cue_governors(doc, cue)
    verbs = {t.i for a in anchors for t in _relays_at(doc[a])} - in_content
    # "Clinton cited Trump's remarks": a relay verb that is itself the cue
    # reports its own content, unless it is "quoted ... as saying"
    verbs = sorted(i for i in verbs if i not in cue or _quotes_as(doc[i]))
    chain: list[Entity] = []
    # A source span that swallowed its own relay ("Tass, citing the Kremlin
    # spokesman,") still cites what that relay verb governs.
    relayed_in_source = {t.i for i in verbs if i in source for t in doc[i].subtree}
    # ...and the object the parser hung elsewhere ("citing the news agency
    # Krasna, which ...", Krasna made the subject of "said")
    relayed_in_source |= {t.i for i in verbs if i in source for obj in _relayed(doc[i])
                          for t in obj.subtree if t.i in source}
    skip = (set(source) - relayed_in_source) | in_content
    for i in verbs:
        _follow(resolver, doc[i], chain, skip, depth=0)
    return [e for e in chain if e is not speaker]


def quoting_agent(doc: Doc, source: list[int], cue: list[int]) -> Token | None:
    """Who quoted the speaker, in the passive: "A senior army officer,
    quoted by Norpress, said" and "Ana Lisboa was quoted as saying by the
    Coastal Courier" put the statement on the page through Norpress and the
    Courier; they are its speakers, and the one quoted is cited."""
    verbs = [doc[i] for i in source if doc[i].lemma_.lower() == "quote" and doc[i].tag_ == "VBN"]
    verbs += [doc[i] for i in cue if doc[i].lemma_.lower() == "quote" and doc[i].tag_ == "VBN"]
    for verb in verbs:
        if verb.i in cue and set(source) & {t.i for c in verb.children if c.dep_ == "nsubjpass"
                                            for t in c.subtree}:
            continue  # the one quoted is the source: no outlet named, they speak
        agents = [c for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")]
        # "quoted as saying by X": the "by" hangs on "saying"
        agents += [g for c in verb.children if c.lower_ == "as" for p in c.children
                   for g in p.children if g.dep_ in ("agent", "prep") and g.lower_ == "by"]
        for agent in agents:
            found = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if found is not None and _names_source(found):
                return found
    return None


def quoted_subject(doc: Doc, cue: list[int]) -> Token | None:
    """The subject of a passive "was quoted" cue: the one quoted."""
    for i in cue:
        if doc[i].lemma_.lower() == "quote":
            return next((c for c in doc[i].children if c.dep_ == "nsubjpass"), None)
    return None


def _follow(resolver: Resolver, verb: Token, chain: list[Entity], skip: set[int],
            depth: int) -> None:
    if depth >= _MAX_DEPTH:
        return
    for obj in _relayed(verb):
        if obj.i in skip:
            continue
        skip.add(obj.i)
        entity = resolver.resolve(obj)
        if entity not in chain:
            chain.append(entity)
        for inner in obj.children:
            if _is_relay(inner) and inner.dep_ in _ATTACHED:
                _follow(resolver, inner, chain, skip, depth + 1)


def _relays_at(token: Token) -> list[Token]:
    """The token itself, or its attached children, when they are relay verbs."""
    found = [token] if _is_relay(token) else []
    found += [c for c in token.children if c.dep_ in _ATTACHED and _is_relay(c)]
    return found


def _is_relay(token: Token) -> bool:
    """"citing"/"cited", "quoting", "quoted ... as saying"."""
    lemma = token.lemma_.lower()
    if lemma not in relay_verbs() or token.pos_ not in ("VERB", "AUX"):
        return False
    if lemma == "cite" or token.tag_ == "VBG" or token.dep_ in ("relcl", "acl"):
        return True
    return _quotes_as(token)


def _quotes_as(token: Token) -> bool:
    """"quoted an official as saying"."""
    return token.lemma_.lower() == "quote" and any(c.lower_ == "as" for c in token.children)


def _relayed(verb: Token) -> list[Token]:
    """The objects of a relay verb that name a source, with their conjuncts."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    found = []
    for child in objects or _next_noun_phrase(verb):
        for obj in [child, *child.conjuncts]:
            obj = _author_of(obj)
            if _names_source(obj):
                found.append(obj)
    return sorted(found, key=lambda t: t.i)


def _next_noun_phrase(verb: Token) -> list[Token]:
    """The head of the noun phrase right after the verb, for parses that hang
    "citing Interfax, which ..." off the main verb as a subject."""
    doc = verb.doc
    if verb.i + 1 >= len(doc):
        return []
    token = doc[verb.i + 1]
    while token.dep_ in ("det", "compound", "amod", "nummod") and token.head.i > token.i:
        token = token.head
    return [token] if token.pos_ in ("PROPN", "NOUN", "PRON") else []


def _author_of(obj: Token) -> Token:
    """"citing a statement from the ministry", "citing the presidency's
    readout" -> the ministry, the presidency."""
    if obj.lemma_.lower() in channel_nouns():
        for child in obj.children:
            if child.dep_ == "poss" and child.tag_ != "PRP$":
                return child
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                inner = next((c for c in child.children if c.dep_ == "pobj"), None)
                if inner is not None:
                    return inner
    return obj


def _names_source(token: Token) -> bool:
    if token.ent_type_ in NAMED_LABELS or token.pos_ in ("PROPN", "PRON"):
        return True
    if token.lemma_.lower() in channel_nouns():
        return True  # a document nobody is said to have issued ("quoting an internal memo")
    lemma = token.lemma_.lower()
    return any(lemma in words or token.lower_ in words
               for words in (role_nouns(), org_nouns(), source_nouns()))


def _roots(doc: Doc, tokens: list[int]) -> set[int]:
    """The head of each contiguous run of ``tokens``."""
    roots = set()
    run_start = 0
    for k in range(1, len(tokens) + 1):
        if k == len(tokens) or tokens[k] != tokens[k - 1] + 1:
            roots.add(root_of(doc, tokens[run_start], tokens[k - 1] + 1).i)
            run_start = k
    return roots


def _cue_governors(doc: Doc, cue: list[int]) -> set[int]:
    """"quoted ... as saying": from "saying" up to "quoted"."""
    found = set()
    for i in _roots(doc, cue):
        token = doc[i]
        for _ in range(2):
            if token.dep_ not in ("pcomp", "prep") or token.head is token:
                break
            token = token.head
            found.add(token.i)
    return found
