"""A cue left without content takes its verb's complement clause (real parse)."""

from __future__ import annotations

import pytest

from sayso.attribution.clause_contents import fill_empty_contents
from sayso.model import Attribution, span_text
from sayso.nlp.pipeline import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def at(text: str, phrase: str) -> list[tuple[int, int]]:
    start = text.index(phrase)
    return [(start, start + len(phrase))]


def test_empty_content_takes_the_that_clause(nlp):
    text = "The port authority said on Monday that the harbour would reopen within a week."
    [att] = fill_empty_contents(nlp(text), [Attribution(at(text, "The port authority"),
                                                        at(text, "said"), [])])
    assert span_text(text, att.content) == "that the harbour would reopen within a week"


def test_a_content_the_tagger_found_is_kept(nlp):
    text = "The mayor said the bridge would open in May."
    given = Attribution(at(text, "The mayor"), at(text, "said"), at(text, "the bridge would open"))
    assert fill_empty_contents(nlp(text), [given]) == [given]


def test_a_verb_with_no_clause_keeps_its_empty_content(nlp):
    text = "“We are ready,” the mayor said."
    [att] = fill_empty_contents(nlp(text), [Attribution(at(text, "the mayor"), at(text, "said"), [])])
    assert att.content == []  # the quote before the verb is the quote rules' business
