"""Direct, indirect or mixed, from quote marks in and around the content."""

import pytest
from speakers_helpers import enriched, span

from sayso.model import Attribution
from sayso.speakers import enrich
from sayso.speakers.kind import classify_kind, find_quoted


def quoted_texts(text):
    return [text[s:e] for s, e in find_quoted(text)]


@pytest.mark.parametrize("text, expected", [
    ("“We will come,” she said.", ["We will come,"]),
    ('"We will come," she said.', ["We will come,"]),
    ("``We will come,'' she said.", ["We will come,"]),
    ("''We will come,'' she said.", ["We will come,"]),
    ("«Nous venons», a-t-il dit.", ["Nous venons"]),
    ("She called it “dead on arrival” and left.", ["dead on arrival"]),
    ('No quotes here at all.', []),
])
def test_find_quoted_marks(text, expected):
    assert quoted_texts(text) == expected


def test_open_quote_ends_at_paragraph_and_reopens():
    text = '"The first part goes on.\n\n"And the second part ends here," he said.'
    assert quoted_texts(text) == ["The first part goes on.", "And the second part ends here,"]


def test_hard_wrapped_quote_continues_over_line_break():
    text = 'He said "the plan will\nwork well" and left.'
    assert quoted_texts(text) == ["the plan will\nwork well"]


def test_classify_without_a_doc():
    text = "He said the plan was “dead on arrival.”"
    quoted = find_quoted(text)
    content = span(text, "the plan was “dead on arrival.”")
    assert classify_kind(text, content, quoted) == "mixed"
    assert classify_kind(text, span(text, "dead on arrival."), quoted) == "direct"
    assert classify_kind(text, span(text, "He said"), quoted) == "indirect"
    assert classify_kind(text, [(5, 5)], quoted) is None


@pytest.mark.parametrize("text, source, cue, content, kind", [
    ("“The bridge will reopen in March,” the mayor said.",
     "the mayor", "said", "The bridge will reopen in March,", "direct"),
    ("“The bridge will reopen in March,” the mayor said.",
     "the mayor", "said", "“The bridge will reopen in March,”", "direct"),
    ('"We are ready to talk," Peskov told reporters.',
     "Peskov", "told", "We are ready to talk,", "direct"),
    ("``We are ready to talk,'' Peskov told reporters.",
     "Peskov", "told", "We are ready to talk,", "direct"),
    ("The mayor said the bridge would reopen in March.",
     "The mayor", "said", "the bridge would reopen in March", "indirect"),
    ("He said the plan was “dead on arrival.”",
     "He", "said", "the plan was “dead on arrival.”", "mixed"),
    ("He said the plan was ''dead on arrival''.",
     "He", "said", "the plan was ''dead on arrival''", "mixed"),
])
def test_kind(nlp, text, source, cue, content, kind):
    [a] = enriched(nlp, text, (source, cue, content))
    assert a.kind == kind


def test_discontinuous_direct_quote(nlp):
    text = "“We will come,” she said, “if they ask us.”"
    a = Attribution(span(text, "she"), span(text, "said"),
                    span(text, "We will come,") + span(text, "if they ask us."))
    enrich(nlp(text), [a])
    assert a.kind == "direct"
    assert a.content_text == "We will come, if they ask us."


def test_paraphrase_inside_someone_elses_quote_is_indirect(nlp):
    """The quote marks belong to the outer statement, which holds the cue."""
    text = "“Bruno told me the mayor was lying,” she said."
    outer, inner = enriched(
        nlp, text,
        ("she", "said", "Bruno told me the mayor was lying,"),
        ("Bruno", "told", "the mayor was lying"))
    assert outer.kind == "direct"
    assert inner.kind == "indirect"
