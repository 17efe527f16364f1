"""Deterministic rules that fix and complete the taggers' direct quotations.

The taggers see a quotation only as a token feature, so they stop a word
short of a closing mark, run past it into "she said", keep one half of "“A,”
she said, “B.”", drop a long quote's later paragraphs, or miss a quote whose
speaker was named a paragraph earlier. Quote marks are a property of the
text, so the repairs need no learning. ``apply_quote_rules`` runs, in order:

The per-document look-ups and span arithmetic live in ``passage.py``.

1. ``tidy_roles``: a content never holds its own source or cue; "according
   to X" takes X as its source.
2. ``trim_leaks``: a content stops where it runs into another sentence whose
   cue belongs to another attribution.
3. ``snap_to_quotes``: a content that reaches into a quotation takes it
   whole; a purely quoted one is exactly the inner fragments.
4. ``merge_split_quotes``: the quotes either side of one reporting clause
   ("“A,” she said, “B.”") are one content.
5. ``complete_colon_leads``: "Said the minister: ..." takes what follows.
6. ``attribute_orphan_quotes``: a quotation nobody was given goes to the
   reporting verb next to it, else to the passage's running speaker.
7. ``finish``: no empty contents, no duplicates, ordered by position.

No rule raises on odd input: unbalanced marks, empty spans, attributions
whose content is still empty (they may gain one here, or are dropped).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..model import Attribution, Fragment, Span
from .alignment import tokens_to_span
from .passage import (Passage, normalise, shared_letters, span_end, span_start, strip_fragments,
                      subject_of, subtract)
from .quotes import Quote

MIN_ORPHAN_WORDS = 4  # shorter quoted bits are scare quotes and titles, not statements
MAX_GAP_WORDS = 40    # "said Kevin Barrett, a lawyer at ..., who represents ...,"
_WORD = re.compile(r"\w+")


# --- 1. roles -------------------------------------------------------------------------

def tidy_roles(passage: Passage, attribution: Attribution) -> Attribution:
    """Content without its own source and cue; a prepositional cue's object
    as the source when the source is missing or sits in the content."""
    text, source = passage.text, attribution.source
    found = _prepositional_source(passage, attribution.cue)
    if found and (not strip_fragments(text, source) or shared_letters(text, source + found,
                                                                        attribution.content)):
        source = found
    # "according to X": the comma that parted X from the content goes too
    content = subtract(attribution.content, source + attribution.cue)
    return replace(attribution, source=strip_fragments(text, source, ",;:"),
                   content=strip_fragments(text, content, ",;:"))


def _prepositional_source(passage: Passage, cue: Span) -> Span:
    """"according to the ministry": a cue that is a prepositional phrase has
    no subject; the object of its last preposition is the source. ("called
    for an inquiry" is a verb's cue: its object is content.)"""
    doc = passage.doc
    tokens = [i for i in passage.tokens(cue) if not doc[i].is_punct]
    if not tokens or doc[tokens[-1]].pos_ != "ADP" or _root(doc, tokens).dep_ != "prep":
        return []
    obj = next((c for c in doc[tokens[-1]].children if c.dep_ == "pobj"), None)
    if obj is None:
        return []
    subtree = range(obj.left_edge.i, obj.right_edge.i + 1)
    return tokens_to_span(doc, [i for i in subtree if not doc[i].is_punct])


def _root(doc: Doc, tokens: list[int]) -> Token:
    inside = set(tokens)
    return next((doc[i] for i in tokens if doc[i].head.i not in inside or doc[i].head.i == i),
                doc[tokens[0]])


# --- 2. leaks into a neighbour's sentence ---------------------------------------------

def trim_leaks(passage: Passage, attributions: list[Attribution]) -> list[Attribution]:
    """Cut each content where it enters another sentence holding, outside
    quotes, another attribution's cue: that sentence is the neighbour's
    statement, which the role tagger's window (one sentence either side)
    reached by mistake ("... in April. “We are ahead,” she added."). A cue
    with no content of its own is no statement and cuts nothing ("TAVARES:
    The engineers tell me it will reopen" keeps its words)."""
    cues: dict[int, list[Attribution]] = {}
    for a in attributions:
        if a.cue and a.content and not passage.in_quote(span_start(a.cue)):
            cues.setdefault(passage.sentence_at(span_start(a.cue)), []).append(a)
    return [_trim_leak(passage, a, cues) for a in attributions]


def _trim_leak(passage: Passage, attribution: Attribution,
               cues: dict[int, list[Attribution]]) -> Attribution:
    if not attribution.cue or not attribution.content:
        return attribution
    own, content = passage.sentence_at(span_start(attribution.cue)), attribution.content
    first, last = passage.sentence_at(span_start(content)), passage.sentence_at(span_end(content) - 1)
    foreign = [k for k in range(first, last + 1)
               if k != own and any(a is not attribution for a in cues.get(k, ()))]
    later, earlier = [k for k in foreign if k > own], [k for k in foreign if k < own]
    if later:
        content = subtract(content, [(passage.sentence_span(min(later))[0], len(passage.text))])
    if earlier:
        content = subtract(content, [(0, passage.sentence_span(max(earlier))[1])])
    return replace(attribution, content=strip_fragments(passage.text, content))


# --- 3. snapping to quotes ------------------------------------------------------------

def snap_to_quotes(passage: Passage, attribution: Attribution) -> Attribution:
    """A quotation the content mostly holds, or that holds most of the
    content, is taken whole; one it merely grazes (a quote's last words
    before the narrative it is about) is cut out. Words outside the quotes
    stay if they run on into them (a mixed statement: the plan was
    “unworkable”); when none do, the content is exactly the quotes' inner
    fragments (a direct one).

    A quote that holds the cue is left alone: it is an outer statement with
    this one embedded in it (“Bruno told me the mayor lied,” she said)."""
    text, roles = passage.text, attribution.source + attribution.cue
    content = subtract(attribution.content, roles)
    touched = [q for q in passage.quotes_in(content) if not q.contains(span_start(attribution.cue))
               and shared_letters(text, content, q.fragments)]
    taken = [q for q in touched if _claims(text, content, q)]
    outside = subtract(content, [(q.start, q.end) for q in touched])
    if not taken:
        return replace(attribution, content=strip_fragments(text, outside) if touched else content)
    own = [piece for piece in outside
           if strip_fragments(text, [piece]) and _joins_quotes(text, piece, taken)]
    if not own:
        return replace(attribution, content=[f for q in taken for f in q.fragments])
    whole = [f for q in taken
             for f in ([(q.start, q.end)] if q.closed and len(q.fragments) == 1 else q.fragments)]
    return replace(attribution, content=strip_fragments(text, subtract(own + whole, roles)))


def _claims(text: str, content: Span, quote: Quote) -> bool:
    """The content holds at least half the quote, or is at least half in it."""
    inside = shared_letters(text, content, quote.fragments)
    return 2 * inside >= min(shared_letters(text, quote.fragments, quote.fragments),
                             shared_letters(text, content, content))


def _joins_quotes(text: str, piece: Fragment, quotes: list[Quote]) -> bool:
    """Whether words outside the quotes belong to the quoted statement: not
    if the quote before them closed on a comma or stop ("“...,” the
    reptile's taunt") or the quote after them opens after a comma or colon
    ("of Clinton, “...”"); the tagger ran on into narrative."""
    before = max((q for q in quotes if q.end <= piece[0]), key=lambda q: q.end, default=None)
    after = min((q for q in quotes if q.start >= piece[1]), key=lambda q: q.start, default=None)
    closing = _last_char(text, before.fragments[-1][1], "'\"’”») ") if before else ""
    if closing and closing in ",:;.!?…":
        return False
    return after is None or _last_char(text, after.start, " \t\n") not in ",:;"


def _last_char(text: str, end: int, skipped: str) -> str:
    """The last character before ``end`` that is not in ``skipped``."""
    while end > 0 and text[end - 1] in skipped:
        end -= 1
    return text[end - 1] if end > 0 else " "


# --- 4. split quotes ------------------------------------------------------------------

def merge_split_quotes(passage: Passage,
                       attributions: list[Attribution]) -> list[Attribution]:
    """One attribution per cue, holding the quotes on both sides of it."""
    merged: dict[tuple, Attribution] = {}
    out = []
    for attribution in attributions:
        key = tuple(normalise(attribution.cue))
        first = merged.get(key) if key else None
        if first is None:
            merged[key] = attribution
            out.append(attribution)
        else:  # the tagger gave each half its own attribution
            first.content = normalise(first.content + attribution.content)
            first.source = first.source or attribution.source
    return [_join_other_half(passage, a, out) for a in out]


def _join_other_half(passage: Passage, attribution: Attribution,
                     others: list[Attribution]) -> Attribution:
    """“A,” she said, “B.” (and, as PolNeAR annotates it, “A,” she said.
    “B.”): when the content holds one quote, the quote across the reporting
    clause joins it, unless another attribution has it."""
    k = bisect_right(passage.quote_starts, span_start(attribution.cue)) - 1  # the quote before it
    if not attribution.cue or k < 0 or k + 1 >= len(passage.quotes):
        return attribution
    first, second, content = passage.quotes[k], passage.quotes[k + 1], attribution.content
    has = (_holds(content, first.fragments), _holds(content, second.fragments))
    missing = {(True, False): second, (False, True): first}.get(has)
    if missing is None or not _clause_between(passage, first, second, attribution, others) or any(
            o is not attribution and shared_letters(passage.text, o.content, missing.fragments)
            for o in others):
        return attribution
    return replace(attribution, content=normalise(content + missing.fragments))


def _clause_between(passage: Passage, first: Quote, second: Quote, attribution: Attribution,
                    others: list[Attribution]) -> bool:
    """Between the two quotes, in one paragraph, only this attribution's
    short reporting clause: its cue, no one else's cue or content."""
    gap = [(first.end, second.start)]
    return (first.closed
            and first.end <= span_start(attribution.cue) and span_end(attribution.cue) <= second.start
            and passage.paragraph_at(first.end) == passage.paragraph_at(second.start)
            and len(_WORD.findall(passage.text[first.end:second.start])) <= MAX_GAP_WORDS
            and not any(o is not attribution
                        and shared_letters(passage.text, o.cue + o.content, gap) for o in others))


def _holds(content: Span, fragments: Span) -> bool:
    return all(any(s <= fs and fe <= e for s, e in content) for fs, fe in fragments)


# --- 5. colon lead-ins ----------------------------------------------------------------

def complete_colon_leads(passage: Passage,
                         attributions: list[Attribution]) -> list[Attribution]:
    """"Said the minister: ..." / "The minister said: ...": the content is
    what follows the colon (the whole quote when one opens there), given to
    the attribution on that verb, or to a new one if no content has it."""
    out = list(attributions)
    for colon in _colons(passage) if passage.sentence_starts else ():
        verb = _lead_in_verb(passage, colon)
        region = _after_colon(passage, colon) if verb is not None else []
        owner = _attribution_on(passage, out, verb) if region else None
        if owner is not None:
            after = [(s, e) for s, e in owner.content if s > colon.idx]
            owner.content = strip_fragments(passage.text, after + region)
        elif region and not any(shared_letters(passage.text, a.content, region) for a in out):
            out.append(_new_attribution(passage, verb, region))
    return out


def _colons(passage: Passage) -> list[Token]:
    """The ":" tokens outside quotes."""
    found = []
    for match in re.finditer(":", passage.text):
        i = bisect_right(passage.starts, match.start()) - 1
        if (i >= 0 and (passage.starts[i], passage.ends[i]) == match.span()
                and not passage.in_quote(match.start())):
            found.append(passage.doc[i])
    return found


def _lead_in_verb(passage: Passage, colon: Token) -> Token | None:
    """The reporting verb when everything from the sentence start to the
    colon is its subject and adjuncts: no object or clause before the colon."""
    verb = colon.head
    if (verb.i >= colon.i or verb.lemma_.lower() not in passage.verbs or subject_of(verb) is None
            or passage.in_quote(verb.idx)
            or any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i < colon.i for c in verb.children)):
        return None
    lead = passage.doc[colon.sent.start:colon.i]
    return verb if all(t == verb or verb.is_ancestor(t) for t in lead) else None


def _after_colon(passage: Passage, colon: Token) -> Span:
    """The quote that opens after the colon, else the text to the end of the
    sentence (within the paragraph)."""
    nxt = next((t for t in passage.doc[colon.i + 1:] if not t.is_space), None)
    if nxt is None or passage.paragraph_at(nxt.idx) != passage.paragraph_at(colon.idx):
        return []
    quote = passage.quote_at(nxt.idx)
    if quote is not None:
        return list(quote.fragments)
    end = min(nxt.sent.end_char, passage.paragraph_end(nxt.idx))
    return strip_fragments(passage.text, [(nxt.idx, end)])


# --- 6. quotes nobody was given -------------------------------------------------------

def attribute_orphan_quotes(passage: Passage,
                            attributions: list[Attribution]) -> list[Attribution]:
    """A quotation of MIN_ORPHAN_WORDS words or more that no content touches
    goes to the reporting verb of the clause next to it (the taggers'
    attribution on it, or a new one); else, if it reads as a statement, to
    the running speaker: the source of the nearest attribution before it in
    its own or the previous paragraph. With neither it stays unattributed."""
    out, text = list(attributions), passage.text
    given = {id(q) for a in out for q in passage.quotes_in(a.content)
             if shared_letters(text, a.content, q.fragments)}
    for quote in passage.quotes:
        words = [w for s, e in quote.fragments for w in _WORD.findall(text[s:e])]
        if len(words) < MIN_ORPHAN_WORDS or id(quote) in given or _is_title(words):
            continue
        verb = _adjacent_reporting_verb(passage, quote, out)
        owner = _attribution_on(passage, out, verb) if verb is not None else None
        if owner is not None:
            owner.content = normalise(owner.content + quote.fragments)
        elif verb is not None:
            out.append(_new_attribution(passage, verb, list(quote.fragments)))
        elif _stands_alone(passage, quote):
            out.extend(_running_speaker(passage, quote, out))
    return out


def _is_title(words: list[str]) -> bool:
    """“The Flood of the Century and Its Aftermath”: every longer word capitalised."""
    long = [w for w in words if len(w) > 3]
    return len(long) > 1 and all(w[0].isupper() for w in long)


def _stands_alone(passage: Passage, quote: Quote) -> bool:
    """A statement that ends its paragraph: nothing but quotes after it
    ("“...” ― Anna Weber" names its own speaker), and a verb in it."""
    after = [(quote.end, passage.paragraph_end(quote.end - 1))]
    after = subtract(after, [(q.start, q.end) for q in passage.quotes_in(after)])
    verbs = (i for i in passage.tokens(quote.fragments) if passage.doc[i].pos_ in ("VERB", "AUX"))
    return not strip_fragments(passage.text, after) and next(verbs, None) is not None


def _adjacent_reporting_verb(passage: Passage, quote: Quote,
                             attributions: list[Attribution]) -> Token | None:
    """The first verb above the word right after (or right before) the
    quote, in its sentence, when it is a taggers' cue or a reporting verb
    with a subject: “...,” [Mayor Okafor told] / [Said the minister]: “...”."""
    cues = {i for a in attributions for i in passage.tokens(a.cue)}
    for word in _neighbour_words(passage, quote):
        for token in (word, *word.ancestors):
            if passage.in_quote(token.idx):
                break
            if token.i in cues:
                return token
            if token.pos_ in ("VERB", "AUX"):
                subject = subject_of(token)  # in the quote, it is a misparse of the quote
                reporting = (token.lemma_.lower() in passage.verbs and subject is not None
                             and not passage.in_quote(subject.idx))
                return token if reporting else None
    return None


def _neighbour_words(passage: Passage, quote: Quote) -> list[Token]:
    """The first word after the quote and the last before it, each only if
    in the sentence of the quote's edge beside it (“We are ready.” The mayor
    said ... starts a new statement)."""
    doc, starts = passage.doc, passage.starts
    after = next((t for t in doc[bisect_right(starts, quote.end - 1):] if _is_word(t)), None)
    before = next((t for t in reversed(doc[:bisect_right(starts, quote.start - 1)])
                   if _is_word(t)), None)
    edges = ((after, quote.fragments[-1][1] - 1), (before, quote.fragments[0][0]))
    return [word for word, edge in edges
            if word is not None and passage.sentence_at(word.idx) == passage.sentence_at(edge)
            and passage.paragraph_at(word.idx) == passage.paragraph_at(edge)]


def _is_word(token: Token) -> bool:
    return not (token.is_punct or token.is_space)


def _running_speaker(passage: Passage, quote: Quote,
                     attributions: list[Attribution]) -> list[Attribution]:
    """A copy of the nearest earlier attribution's source and cue, if it lies
    in the quote's paragraph or the one before and has a source."""
    before = [a for a in attributions if 0 <= _reach(a) <= quote.start]
    last = max(before, key=_reach, default=None)
    if (last is None or not last.source
            or passage.paragraph_at(_reach(last) - 1) < passage.paragraph_at(quote.start) - 1):
        return []
    return [Attribution(source=list(last.source), cue=list(last.cue),
                        content=list(quote.fragments), kind="direct")]


def _reach(attribution: Attribution) -> int:
    """Where an attribution last touches the text: a chain of quotes carries
    the running speaker on from paragraph to paragraph."""
    return max(span_end(attribution.content), span_end(attribution.cue))


# --- shared by 5 and 6, and the result ------------------------------------------------



def _attribution_on(passage: Passage, attributions: list[Attribution],
                    verb: Token | None) -> Attribution | None:
    return next((a for a in attributions if verb is not None
                 and verb.i in passage.tokens(a.cue)), None)


def _new_attribution(passage: Passage, verb: Token, content: Span) -> Attribution:
    """Cue: the verb and its particle ("called for"); source: its subject."""
    doc, subject = passage.doc, subject_of(verb)
    source = [i for i in range(subject.left_edge.i, subject.right_edge.i + 1)
              if not doc[i].is_punct] if subject is not None else []
    cue = [verb.i] + [c.i for c in verb.children if c.dep_ == "prt"]
    return Attribution(source=tokens_to_span(doc, source), cue=tokens_to_span(doc, cue),
                       content=strip_fragments(passage.text, content))


def _within(text: str, attribution: Attribution) -> Attribution:
    """Spans as well-formed, ordered fragments inside the text."""
    def clean(span: Span) -> Span:
        pairs = [f for f in span or () if isinstance(f, (tuple, list)) and len(f) == 2]
        return normalise([(max(0, int(s)), min(len(text), int(e))) for s, e in pairs])
    return replace(attribution, source=clean(attribution.source), cue=clean(attribution.cue),
                   content=clean(attribution.content))


def finish(passage: Passage, attributions: list[Attribution]) -> list[Attribution]:
    """Non-empty contents, one attribution per (content, source), by position."""
    seen, out = set(), []
    for attribution in attributions:
        content = strip_fragments(passage.text, attribution.content)
        key = (tuple(content), tuple(normalise(attribution.source)))
        if content and key not in seen:
            seen.add(key)
            out.append(replace(attribution, content=content))
    return sorted(out, key=lambda a: span_start(a.cue) if a.cue else span_start(a.content))


def apply_quote_rules(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions with the rules above applied, as new objects (the
    input list and its attributions are not changed)."""
    passage = Passage.of(doc)
    found = [tidy_roles(passage, _within(passage.text, a)) for a in attributions]
    found = trim_leaks(passage, found)
    found = [snap_to_quotes(passage, a) for a in found]
    found = merge_split_quotes(passage, found)
    found = complete_colon_leads(passage, found)
    found = attribute_orphan_quotes(passage, found)
    return finish(passage, found)
