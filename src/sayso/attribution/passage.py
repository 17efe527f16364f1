"""What the quote rules look up in one document, computed once, and the
character-span arithmetic they share."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.tokens import Doc, Token

from ..model import Fragment, Span
from .datelines import dateline_dash
from .features import load_lexicon
from .quotes import Quote, find_paragraphs, find_quotes

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


# --- the passage: what the rules look up, computed once per doc -----------------------

PASSAGE_CACHE = "sayso_passage"


@dataclass
class Passage:
    doc: Doc
    text: str
    starts: list[int]      # token start offsets
    ends: list[int]        # token end offsets
    spaces: list[bool]     # whitespace tokens
    sentence_starts: list[int]  # character offsets
    paragraph_starts: list[int]
    verbs: frozenset[str]
    quotes: list[Quote] = field(default_factory=list)  # top-level only, in order
    quote_starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Doc) -> Passage:
        """The doc's passage, built once per doc (kept in ``doc.user_data``
        until ``alignment.forget_offsets``): the text never changes under it."""
        cached = doc.user_data.get(PASSAGE_CACHE)
        if cached is not None and len(cached.starts) == len(doc):
            return cached
        passage = cls._build(doc)
        doc.user_data[PASSAGE_CACHE] = passage
        return passage

    @classmethod
    def _build(cls, doc: Doc) -> Passage:
        # whole columns in one call each: a Token object per token costs more
        # than all the rules together on a long article
        rows = doc.to_array([IDX, LENGTH, IS_SPACE, SENT_START]).tolist() if len(doc) else []
        text = doc.text  # rebuilt by spaCy on each access
        passage = cls(doc, text, [r[0] for r in rows], [r[0] + r[1] for r in rows],
                      [bool(r[2]) for r in rows], [r[0] for r in rows if r[3] == 1],
                      [s for s, _ in find_paragraphs(text)],
                      load_lexicon("reporting_verbs.txt"))
        passage.quotes = [c for q in find_quotes(passage.text) if not q.nested
                          for c in close_before_reporting_clause(passage, q)]
        passage.quote_starts = [q.start for q in passage.quotes]
        return passage

    def tokens(self, span: Span) -> list[int]:
        """Indices of the non-space tokens sharing a character with the span."""
        found = set()
        for start, end in span:
            i = bisect_right(self.ends, start)
            while i < len(self.starts) and self.starts[i] < end:
                if not self.spaces[i]:
                    found.add(i)
                i += 1
        return sorted(found)

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    def sentence_span(self, k: int) -> Fragment:
        ends = self.sentence_starts[k + 1:k + 2] or [len(self.text)]
        return self.sentence_starts[k], ends[0]

    def paragraph_at(self, offset: int) -> int:
        return max(0, bisect_right(self.paragraph_starts, offset) - 1)

    def paragraph_end(self, offset: int) -> int:
        """Where the next paragraph starts (the text's end for the last one)."""
        p = self.paragraph_at(offset) + 1
        return self.paragraph_starts[p] if p < len(self.paragraph_starts) else len(self.text)

    def quote_at(self, offset: int) -> Quote | None:
        i = bisect_right(self.quote_starts, offset) - 1
        return self.quotes[i] if i >= 0 and self.quotes[i].contains(offset) else None

    def in_quote(self, offset: int) -> bool:
        return self.quote_at(offset) is not None

    def quotes_in(self, span: Span) -> list[Quote]:
        """The quotes overlapping the span, in order."""
        found: dict[int, Quote] = {}
        for start, end in span:
            i = max(0, bisect_right(self.quote_starts, start) - 1)
            while i < len(self.quotes) and self.quotes[i].start < end:
                if self.quotes[i].end > start:
                    found[i] = self.quotes[i]
                i += 1
        return [found[i] for i in sorted(found)]


def close_before_reporting_clause(passage: Passage, quote: Quote) -> list[Quote]:
    """An unclosed quote that runs on into its own reporting clause (“The vote
    was rigged, Karl Dorn said.) ends at the comma before that clause: its
    closing mark was forgotten. Paragraphs it went on to reopen are a quote
    of their own."""
    for k, fragment in enumerate(quote.fragments if not quote.closed else ()):
        comma = _comma_before_reporting_clause(passage, fragment)
        if comma is None:
            continue
        head = Quote(quote.start, comma, quote.fragments[:k] + [(fragment[0], comma)], False)
        rest = quote.fragments[k + 1:]
        if not rest:
            return [head]
        start = passage.paragraph_starts[passage.paragraph_at(rest[0][0])]
        tail = Quote(start, quote.end, rest, False)
        return [head, *close_before_reporting_clause(passage, tail)]
    return [quote]


def _comma_before_reporting_clause(passage: Passage, fragment: Fragment) -> int | None:
    """Where ", Karl Dorn said on Sunday." starts, when such a clause ends
    a sentence inside the fragment."""
    doc = passage.doc
    for i in passage.tokens([fragment]):
        verb, subject = doc[i], subject_of(doc[i])
        if (verb.dep_ != "ROOT" or verb.lemma_.lower() not in passage.verbs or subject is None
                or verb.right_edge.i < verb.sent.end - 2 or subject.left_edge.i == 0):
            continue
        comma = doc[subject.left_edge.i - 1]
        if comma.text == "," and comma.idx > fragment[0]:
            return comma.idx
    return None


# --- character spans ------------------------------------------------------------------

def normalise(span: Span) -> Span:
    """Sorted, non-empty fragments, overlapping or touching ones joined."""
    out: Span = []
    for s, e in sorted(f for f in span if f[1] > f[0]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def subtract(span: Span, cut: Span) -> Span:
    """The parts of ``span`` outside every fragment of ``cut``."""
    out = normalise(span)
    for cs, ce in normalise(cut):
        out = [p for s, e in out for p in ((s, min(e, cs)), (max(s, ce), e)) if p[1] > p[0]]
    return out


def strip_fragments(text: str, span: Span, trailing: str = "") -> Span:
    """Fragments without edge whitespace, a leading ",;:" (left where a
    source was cut out) or trailing ``trailing`` characters; those with no
    letter or digit are dropped."""
    out = []
    for s, e in normalise(span):
        while s < e and (text[s].isspace() or text[s] in ",;:"):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in trailing):
            e -= 1
        if any(c.isalnum() for c in text[s:e]):
            out.append((s, e))
    return out


def shared_letters(text: str, span: Span, other: Span) -> int:
    """Letters and digits that lie in both spans."""
    return sum(sum(map(str.isalnum, text[max(s, t):min(e, u)]))
               for s, e in span for t, u in other if min(e, u) > max(s, t))


def span_start(span: Span) -> int:
    return min((s for s, _ in span), default=-1)


def span_end(span: Span) -> int:
    return max((e for _, e in span), default=-1)



# --- grammar ---------------------------------------------------------------------------

def subject_of(verb: Token) -> Token | None:
    """The verb's subject; past a dateline the parser took for it ("New York
    (AFP) – Vice President Joe Biden on Monday hit ..."), the name after it."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if not subjects:
        return None
    first = subjects[0]
    dash = dateline_dash(first)
    if dash is None:
        return first
    after = [c for c in first.children if c.dep_ == "appos" and c.i > dash] + subjects[1:]
    return after[0] if after else first
