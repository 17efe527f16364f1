"""Dates on attributions, end to end through the default extractor."""

from datetime import date

import pytest

from sayso.extraction import Extractor
from sayso.model import Document

ARTICLE = """Harbour strike talks stall

The mayor of Port Elm said on Tuesday that the strike would end on Friday. "We met the dockers' union yesterday," she told reporters.

Union officials said the June 4 vote had been postponed. The port authority said it was ready to talk.
"""


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def by_content(extraction, words):
    return next(a for a in extraction.attributions if words in a.content_text)


def test_content_dates_win_and_sentence_dates_fill_in(extractor):
    found = extractor.extract(Document("port", ARTICLE, date(2026, 6, 10)))  # a Wednesday
    strike = by_content(found, "strike would end")
    assert strike.event_date == date(2026, 6, 12)  # future tense: the coming Friday
    assert ARTICLE[slice(*strike.event_date_span[0])] == "on Friday"
    assert by_content(found, "We met").event_date == date(2026, 6, 9)
    assert by_content(found, "June 4 vote").event_date == date(2026, 6, 4)
    ready = by_content(found, "ready to talk")
    assert ready.event_date is None and ready.event_date_span == []


def test_a_sentence_date_dates_a_statement_whose_content_has_none(extractor):
    text = "On Monday, the minister told parliament that the port would stay closed.\n"
    found = extractor.extract(Document("m", text, date(2026, 6, 10)))
    assert found.attributions[0].event_date == date(2026, 6, 8)


def test_an_undated_article_resolves_no_relative_date(extractor):
    found = extractor.extract(Document("port", ARTICLE, None))
    assert all(a.event_date is None for a in found.attributions)
    assert by_content(found, "strike would end").to_dict()["event_date"] is None


def test_a_date_in_a_sentence_without_a_verb_has_no_tense_and_still_resolves():
    from sayso.dating import _tense
    from sayso.nlp.pipeline import load_nlp

    doc = load_nlp()("Budget talks on Tuesday")
    assert all(t.pos_ not in ("VERB", "AUX") for t in doc)  # the case this guards
    assert _tense(doc, [3]) is None


def test_a_date_on_a_noun_takes_the_nearer_year_and_a_verb_its_tense(extractor):
    text = ("The nominee for the Nov. 8 election said he was joking.\n\n"
            "The mediator said both unions had agreed to meet on Friday.\n\n"
            "A spokesman said the president would chair a meeting of the council on Thursday.\n\n"
            "The mayor said she spoke to the unions in Marenholt last Thursday.\n")
    found = extractor.extract(Document("n", text, date(2016, 8, 1)))  # a Monday
    assert by_content(found, "he was joking").event_date == date(2016, 11, 8)
    assert by_content(found, "agreed to meet").event_date == date(2016, 8, 5)
    assert by_content(found, "would chair").event_date == date(2016, 8, 4)
    assert by_content(found, "spoke to the unions").event_date == date(2016, 7, 28)


def test_the_date_that_dates_the_cue_beats_a_nearer_one_from_another_clause(extractor):
    text = ("The mayor said the port was closed on Wednesday at a public meeting, and she "
            "repeated the warning on a local radio show Thursday.\n")
    found = extractor.extract(Document("r", text, date(2026, 6, 12)))  # a Friday
    repeated = next(a for a in found.attributions if "repeated" in a.cue_text)
    assert repeated.event_date == date(2026, 6, 11)
