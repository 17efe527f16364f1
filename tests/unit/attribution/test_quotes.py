"""Quote finding over raw text: marks, pairing, paragraphs, robustness."""

import random
import re

import pytest

from sayso.attribution.quotes import (
    Quote, QuoteIndex, find_paragraphs, find_quotes, trim_span,
)


def inner_texts(text: str, quote: Quote) -> list[str]:
    return [text[s:e] for s, e in quote.fragments]


def top_level(text: str) -> list[list[str]]:
    return [inner_texts(text, q) for q in find_quotes(text) if not q.nested]


# --- cue position and marks -------------------------------------------------

def test_cue_after_quote_curly():
    text = "“The bridge will reopen in March,” the mayor told reporters."
    [q] = find_quotes(text)
    assert (q.start, q.end) == (0, text.index(" the mayor"))
    assert inner_texts(text, q) == ["The bridge will reopen in March,"]
    assert q.closed and not q.nested
    assert q.inner == q.fragments


def test_cue_before_quote_straight():
    text = 'The minister said: "We have no plans to raise taxes."'
    [q] = find_quotes(text)
    assert text[q.start:q.end] == '"We have no plans to raise taxes."'
    assert inner_texts(text, q) == ["We have no plans to raise taxes."]


def test_split_quote_gives_two_quotes():
    text = "“We will come,” she said, “if they ask.”"
    quotes = find_quotes(text)
    assert [inner_texts(text, q) for q in quotes] == [["We will come,"], ["if they ask."]]
    assert [text[q.start:q.end] for q in quotes] == ["“We will come,”", "“if they ask.”"]


def test_straight_marks_pair_by_context():
    text = 'Officials called the plan "unworkable" and "costly," Reuters reported.'
    assert top_level(text) == [["unworkable"], ["costly,"]]


def test_doubled_apostrophes_and_backticks():
    text = "``It was a mistake,'' the senator said. ''We regret it,'' she added."
    assert top_level(text) == [["It was a mistake,"], ["We regret it,"]]
    assert text[find_quotes(text)[0].start:][:2] == "``"


def test_guillemets():
    text = "«Nous resterons», a déclaré le maire."
    assert top_level(text) == [["Nous resterons"]]


def test_whitespace_inside_marks_is_trimmed():
    text = 'He said " we will see " and left.'
    [q] = find_quotes(text)
    assert inner_texts(text, q) == ["we will see"]
    assert text[q.start] == '"' and text[q.end - 1] == '"'


def test_empty_quotes_are_dropped():
    assert find_quotes('The field was left "" blank.') == []


def test_misused_opening_mark_closes():
    text = "“Yes,“ she said."
    [q] = find_quotes(text)
    assert inner_texts(text, q) == ["Yes,"] and q.closed


# --- apostrophes --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Don't expect Clinton's aides to revisit the '90s, he said.",
    "Don’t expect Clinton’s aides to revisit the ’90s, he said.",
    "The players’ union said it wasn’t consulted.",
    "Rock 'n' roll never died in the '60s.",
])
def test_apostrophes_are_not_quotes(text):
    assert find_quotes(text) == []


def test_apostrophes_inside_a_quote_stay_inside():
    text = "“We don’t know what Clinton’s team wants,” he said."
    [q] = find_quotes(text)
    assert inner_texts(text, q) == ["We don’t know what Clinton’s team wants,"]


def test_misused_opening_apostrophe_inside_quote_is_not_nested():
    text = "“Back in the ‘90s we were broke,” he said."
    [q] = find_quotes(text)
    assert not q.nested and inner_texts(text, q) == ["Back in the ‘90s we were broke,"]


# --- nesting ------------------------------------------------------------------

def test_nested_single_curly_quote():
    text = "“He looked at me and said ‘never again,’ then left,” she recalled."
    outer, inner = find_quotes(text)
    assert not outer.nested and inner.nested
    assert inner_texts(text, outer) == ["He looked at me and said ‘never again,’ then left,"]
    assert inner_texts(text, inner) == ["never again,"]
    assert outer.start < inner.start < inner.end < outer.end


def test_apostrophe_inside_nested_quote_does_not_close_it():
    text = "“She told me ‘we don’t negotiate,’ and hung up,” the envoy said."
    outer, inner = find_quotes(text)
    assert inner.nested and inner_texts(text, inner) == ["we don’t negotiate,"]
    assert inner_texts(text, outer) == ["She told me ‘we don’t negotiate,’ and hung up,"]


def test_single_curly_quote_outside_double_is_ignored():
    assert find_quotes("The so-called ‘reform’ stalled, critics said.") == []


# --- paragraphs ---------------------------------------------------------------

def test_multi_paragraph_reopen_is_one_quote():
    text = ("“The first thing we did was count the boats.\n\n"
            "“Then we called the coastguard,” the harbourmaster said.")
    [q] = find_quotes(text)
    assert inner_texts(text, q) == ["The first thing we did was count the boats.",
                                    "Then we called the coastguard,"]
    assert (q.start, q.end) == (0, text.index(" the harbourmaster"))
    assert q.closed


def test_multi_paragraph_three_paragraphs_straight_marks():
    text = '"One.\n\n"Two.\n\n"Three," he said.\n\nLater, "four."'
    quotes = find_quotes(text)
    assert [inner_texts(text, q) for q in quotes] == [["One.", "Two.", "Three,"], ["four."]]


def test_single_newline_paragraphs_when_no_blank_lines():
    text = "“First part.\n“Second part,” he said.\nNext story."
    assert top_level(text) == [["First part.", "Second part,"]]
    assert find_paragraphs(text) == [(0, 12), (13, 36), (37, 48)]


def test_blank_lines_win_over_single_newlines():
    text = "A line\nwrapped here.\n\n  Next paragraph.  "
    assert [text[s:e] for s, e in find_paragraphs(text)] == [
        "A line\nwrapped here.", "Next paragraph."]


def test_quote_across_wrapped_lines_in_one_paragraph():
    text = "He said “we will\nnot move,” firmly.\n\nEnd."
    assert top_level(text) == [["we will\nnot move,"]]


# --- unbalanced marks ---------------------------------------------------------

def test_unclosed_quote_is_cut_at_paragraph_end():
    text = "The mayor said “the works are late and over budget.\n\nCouncillors disagreed."
    [q] = find_quotes(text)
    assert not q.closed
    assert q.end == text.index("\n\n")
    assert inner_texts(text, q) == ["the works are late and over budget."]


def test_unclosed_quote_at_end_of_text():
    text = 'Asked about the deal, she said "it is not over'
    [q] = find_quotes(text)
    assert not q.closed and q.end == len(text)
    assert inner_texts(text, q) == ["it is not over"]


def test_unclosed_then_new_quote_in_same_paragraph():
    text = 'He said "no and left. Later she said "yes," aides said.'
    first, second = find_quotes(text)
    assert not first.closed and inner_texts(text, first) == ["no and left. Later she said"]
    assert second.closed and inner_texts(text, second) == ["yes,"]
    assert first.end <= second.start


def test_stray_closing_mark_is_ignored():
    text = "The vote was 5-4.” The council then adjourned, “briefly,” the clerk said."
    assert top_level(text) == [["briefly,"]]


def test_stray_straight_close_and_inch_mark():
    text = 'A 6" pipe burst, the utility said, calling it "routine."'
    assert top_level(text) == [["routine."]]


def test_lone_mark_and_empty_text():
    assert find_quotes("") == []
    assert find_quotes('"') == []
    assert find_quotes("\n\n  \n") == []
    assert find_paragraphs("") == []


def test_trim_span():
    assert trim_span("  ab  ", 0, 6) == (2, 4)
    assert trim_span("    ", 0, 4) == (4, 4)


# --- index --------------------------------------------------------------------

def test_quote_index_finds_innermost():
    text = "“He said ‘go,’ so we went,” she said. Later: “Fine.”"
    quotes = find_quotes(text)
    index = QuoteIndex(quotes)
    outer, nested, last = quotes
    assert index.find_quote(text.index("go")) is nested
    assert index.find_quote(text.index("go"), nested=False) is outer
    assert index.find_quote(text.index("so we")) is outer
    assert index.find_quote(text.index("she")) is None
    assert index.find_quote(text.index("Fine")) is last
    assert index.find_quote(len(text)) is None
    assert index.find_fragment(text.index("so we")) == outer.fragments[0]
    assert index.find_fragment(0) is None  # the mark is in the quote, not its content


# --- fuzz and scale -----------------------------------------------------------

_PIECES = ['"', "“", "”", "''", "``", "«", "»", "‘", "’", "'", " ", " ", " ",
           "\n", "\n\n", ",", ".", "-", "word", "don't", "it’s", "(", ")", "—"]

_MARKS_ONLY = re.compile("``|''|[\"“«]")


def check_invariants(text: str, quotes: list[Quote]) -> None:
    paragraphs = find_paragraphs(text)
    para_of = {}
    for i, (s, e) in enumerate(paragraphs):
        para_of.update({k: i for k in range(s, e)})
    outer = [q for q in quotes if not q.nested]
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert q.fragments, q
        prev_end, prev_para = q.start, None
        for s, e in q.fragments:
            assert prev_end <= s < e <= q.end
            assert not text[s].isspace() and not text[e - 1].isspace()
            # a fragment never crosses a paragraph
            assert para_of[s] == para_of[e - 1]
            if prev_para is not None:
                skipped = paragraphs[prev_para + 1:para_of[s]]
                assert para_of[s] > prev_para
                # only a paragraph holding nothing but a reopening mark is skipped
                assert all(not _MARKS_ONLY.sub("", text[a:b]) for a, b in skipped)
            prev_end, prev_para = e, para_of[s]
        if q.closed:
            assert q.end > q.fragments[-1][1]
        else:
            assert q.end == q.fragments[-1][1]
    for a, b in zip(outer, outer[1:]):
        assert a.end <= b.start
    for q in quotes:
        if q.nested:
            assert any(o.start < q.start and q.end <= o.end for o in outer)
    index = QuoteIndex(quotes)
    for offset in range(len(text) + 1):
        holders = [q for q in quotes if q.start <= offset < q.end]
        expected = max(holders, key=lambda q: q.nested) if holders else None
        assert index.find_quote(offset) is expected


def test_random_mark_soup_keeps_invariants():
    rng = random.Random(20240611)
    for _ in range(5000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40)))
        check_invariants(text, find_quotes(text))


def test_invariant_check_catches_overlong_quote():
    # The fuzz oracle must reject a quote that runs past its paragraph.
    text = "“open\n\nnext"
    bad = [Quote(0, len(text), [(1, len(text))], closed=False)]
    with pytest.raises(AssertionError):
        check_invariants(text, bad)
    check_invariants(text, find_quotes(text))


def test_five_megabytes_of_news_text():
    para = ("“We will not give up,” the coach said after the match, adding that "
            "Clinton’s staff “had been very supportive.” Don't ask about the '90s.\n\n")
    n = 5_000_000 // len(para) + 1
    text = para * n
    quotes = find_quotes(text)
    assert len(quotes) == 2 * n
    last = quotes[-1]
    assert inner_texts(text, last) == ["had been very supportive."]
    assert last.start == (n - 1) * len(para) + para.index("“had")
    index = QuoteIndex(quotes)
    assert index.find_quote(last.start + 3) is last
    assert index.find_quote(text.rindex("Don't")) is None


def test_five_megabytes_unclosed_and_stray_marks():
    text = ("He said “" + "and then " * 600_000 + "\n\n"
            + "stray ” marks » here " * 1000 + "“done.”")
    unclosed, done = find_quotes(text)
    assert not unclosed.closed and unclosed.end == text.index(" \n\n")
    assert unclosed.fragments == [(text.index("“") + 1, unclosed.end)]
    assert done.closed and inner_texts(text, done) == ["done."]
