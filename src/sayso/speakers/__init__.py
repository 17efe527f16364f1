"""Who said it, through whom, by what channel.

``enrich(doc, attributions)`` takes attributions that already carry source,
cue and content spans and fills in, for each one: ``speaker`` (resolved to
the most specific name in the article), ``cited`` (the relay chain, from
the reporting source toward the origin), ``channel``, ``kind``, ``parent``
and the ``*_text`` fields.

Conventions:

* ``speaker.name`` is the fullest name seen, without title ("Anna Weber");
  an unnamed source keeps its phrase without the article ("press office",
  "ministry spokesman"); an unresolved pronoun keeps the pronoun, lower-cased
  ("he": PERSON; "they", "it": OTHER). ``mentions`` are the spans of the
  names in the doc and of the source phrases resolved to the speaker.
* ``cited`` runs from the reporting source toward the origin: "Reuters,
  citing Tass, which quoted an official, said" -> speaker Reuters, cited
  [Tass, official]. "X quoted Y as saying": speaker X, cited [Y]; if the
  source span is Y, Y is the speaker and nothing is cited.
* ``channel`` is the phrase as written ("in a post on Telegram", "told
  reporters"); ``kind`` is left as it was when the content has no letters.

Stages, one module each: ``docindex`` (names, sentences and quotes of the
doc, built once), ``mentions`` (one noun phrase: name, title, role),
``registry`` (the entities and their lookups), ``coref`` (pronouns, "the
minister", surnames), ``relay``, ``channel``, ``kind``, ``nesting``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Attribution, Speaker
from .authors import first_person_writer
from .channel import document_issuer, find_channel_tokens, lead_ins
from .coref import Resolver
from .docindex import DocIndex
from .kind import classify_kind
from .nesting import find_parents
from .lexicon import honorifics
from .registry import Entity, Registry
from .origin import is_bare_channel, issuer_of_document, origin_of, qualify_generic_body
from .relay import find_cited, quoted_subject, quoting_agent
from .resolution import resolution_method, with_resolution
from .spans import clean_fragments, span_root, tokens_removed

__all__ = ["enrich"]

_ANYONES_DOCUMENTS = frozenset({"poll", "survey", "study"})


def enrich(doc: Doc, attributions: list[Attribution], publisher: str | None = None) -> None:
    """Fill speaker, cited, origin, channel, kind, parent and texts in place;
    ``publisher`` names a body the article speaks for itself ("the Ministry")."""
    if not attributions:
        return
    index = DocIndex(doc)
    for attribution in attributions:
        attribution.fill_texts(index.text)
    resolver = Resolver(index)
    speakers: dict[int, tuple[Entity | None, str | None]] = {}
    # Document order, so a pronoun sees the speakers before it.
    for i in sorted(range(len(attributions)), key=lambda k: _position(attributions[k])):
        speakers[i] = _enrich_one(index, resolver, attributions[i])
    for i, attribution in enumerate(attributions):
        entity, method = speakers[i]
        attribution.speaker = with_resolution(
            entity.to_speaker() if entity is not None else None, method)
        at = _position(attribution)
        if not index.in_quote_at(at):
            attribution.speaker = (first_person_writer(attribution.speaker, index.text, at,
                                                       publisher) or attribution.speaker)
        origin = principal_in_full(origin_of(attribution.speaker, attribution.cited),
                                   attribution.speaker, resolver.registry)
        attribution.origin = qualify_generic_body(origin, index.text, _introduced_by(attribution),
                                                  publisher)
    _origins_of_bare_documents(attributions)
    for attribution, parent in zip(attributions, find_parents(attributions)):
        attribution.parent = parent


def principal_in_full(origin: str | None, speaker: Speaker | None,
                      registry: Registry) -> str | None:
    """"Mrs. Clinton", whom a spokesman speaks for, is the person the article
    names in full ("Hillary Clinton"), so one person is one side: the one
    person of that surname known to fit the title ("Mr. Trump" is not
    Ivanka Trump, whose sex the article may not tell); else it stays as it
    is. A speaker who is their own origin keeps it."""
    words = origin.split() if origin else []
    if speaker is None or origin == speaker.name or len(words) != 2:
        return origin
    honorific = words[0].rstrip(".").lower()
    if honorific not in honorifics() or not words[1][:1].isupper():
        return origin
    gender = honorifics()[honorific]
    fitting = [p for p in registry.people_with_surname(words[1])
               if p.type == "PERSON" and len(p.name.split()) > 1 and p.gender == gender]
    return fitting[0].name if len(fitting) == 1 else origin


def _introduced_by(attribution: Attribution) -> int:
    """Where the article has introduced the statement's speaker: the end of
    its first mention, or of this source when that comes first. The source
    itself may hold the fuller name ("Valdor's Foreign Ministry"); a body
    named only after the speaker was introduced is someone else's ("the
    Kessarian Foreign Ministry did not respond")."""
    upto = max((e for _, e in attribution.source), default=_position(attribution))
    speaker = attribution.speaker
    # a person is one speaker throughout; "the Foreign Ministry" may be several
    if (speaker is not None and speaker.mentions and not attribution.cited
            and speaker.type == "PERSON"):
        upto = min(upto, min(speaker.mentions)[1])
    return upto


def _origins_of_bare_documents(attributions: list[Attribution]) -> None:
    """"The statement said ..." comes from whoever issued it: the body its
    source names ("the ad, released by Our Principles PAC"), else whoever
    the article last quoted; never the word "statement"."""
    last, issuers = None, {}
    for attribution in sorted(attributions, key=_position):
        name = attribution.speaker.name if attribution.speaker else None
        words = name.split() if name else []
        noun = words[-1].lower() if words else None
        issuer = issuer_of_document(attribution.source_text)
        if issuer and noun:
            # "The ad, which is part of a buy from Our Principles PAC": later "the ad" is theirs
            issuers[noun] = issuer
        if is_bare_channel(name):
            # a study or poll is anyone's: its own issuer or none, never the last speaker's
            fallback = None if noun.rstrip("s") in _ANYONES_DOCUMENTS else last
            attribution.origin = issuer or issuers.get(noun) or fallback or attribution.origin
        if attribution.origin:
            last = attribution.origin


def _enrich_one(index: DocIndex, resolver: Resolver,
                attribution: Attribution) -> tuple[Entity | None, str | None]:
    """Resolve the speaker and set cited, channel and kind; the speaker and
    how it was resolved are returned, to be written once all mentions are
    known."""
    offsets = index.offsets
    source = offsets.span_tokens(attribution.source)
    cue = offsets.span_tokens(attribution.cue)
    content = offsets.span_tokens(attribution.content)
    document = document_issuer(span_root(index.doc, source)) if source else None
    if document is not None:
        # "According to a statement from the ministry": the ministry speaks,
        # through its statement
        issuer, medium = document
        source_words = [t.i for t in issuer.subtree]
    else:
        source_words = source
    speaker = resolver.resolve_source(source_words, content)
    method = (resolution_method(index.doc, source_words, speaker, resolver.via)
              if speaker is not None else None)
    cited = find_cited(resolver, speaker, source, cue, content)
    agent = quoting_agent(index.doc, source, cue)
    quoted = quoted_subject(index.doc, cue)
    if agent is not None and agent.i in source and quoted is not None:
        # "Ana Lisboa was quoted as saying by the Coastal Courier": the
        # Courier speaks (the source), citing Lisboa
        cited = [resolver.resolve(quoted)] + [e for e in cited if e is not speaker]
    elif agent is not None and speaker is not None:
        # "X, quoted by Norpress, said": Norpress speaks, citing X
        cited = [speaker] + [e for e in cited if e is not speaker]
        speaker, method = resolver.resolve(agent), "name"
    attribution.cited = [e.to_cited() for e in cited]
    attribution.channel = _take_channel(index, attribution, _cue_verb(index.doc, cue),
                                        source, content)
    if document is not None and attribution.channel is None:
        attribution.channel = _tokens_text(index.doc, document[1])
    cue_at = index.doc[cue[0]].idx if cue else None
    kind = classify_kind(index.text, clean_fragments(attribution.content),
                         index.quoted, cue_at)
    if kind is not None:
        attribution.kind = kind
    return speaker, method


def _take_channel(index: DocIndex, attribution: Attribution, verb: Token | None,
                  source: list[int], content: list[int]) -> str | None:
    """The statement's channel; the words of a channel phrase the taggers
    swept into the source or content ("In a post on Telegram, the agency",
    "in an interview with the Varne Herald that ...") leave them."""
    words = set(source) | set(content)
    found = find_channel_tokens(verb, words)
    if found is None and verb is not None:
        # the speaker's own phrase is never freed ("According to the newspaper")
        speaker = {t.i for t in span_root(index.doc, source).subtree} if source else set()
        found = find_channel_tokens(verb, words - (_hung_on(verb) - speaker))
    if found is None:
        return None
    taken = set(found[0])
    if content and not any(index.doc[i].is_alpha for i in set(content) - taken):
        return None  # "told the truth": what was told, not to whom
    if taken & words:
        doc = index.doc
        attribution.source = tokens_removed(doc, attribution.source, taken)
        attribution.content = tokens_removed(doc, attribution.content, taken)
        attribution.fill_texts(index.text)
    return found[1]


def _tokens_text(doc: Doc, tokens: list[int]) -> str | None:
    """The words of ``tokens`` as written, gaps closed ("a statement")."""
    if not tokens:
        return None
    words = [doc[i].text + (doc[i].whitespace_ if k < len(tokens) - 1 else "")
             for k, i in enumerate(tokens)]
    return "".join(words).strip() or None


def _hung_on(verb: Token) -> set[int]:
    """Words of the phrases hanging on the cue verb itself (and on a
    participle leading into it): never part of the reported clause."""
    hung: set[int] = set()
    for head in (verb, *lead_ins(verb)):
        for child in head.children:
            if child.dep_ in ("prep", "dobj", "dative") or head is not verb:
                hung.update(t.i for t in child.subtree)
    return hung


def _cue_verb(doc: Doc, cue: list[int]) -> Token | None:
    return span_root(doc, cue) if cue else None


def _position(attribution: Attribution) -> int:
    for span in (attribution.source, attribution.cue, attribution.content):
        fragments = clean_fragments(span)
        if fragments:
            return fragments[0][0]
    return 0
