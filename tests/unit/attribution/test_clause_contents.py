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


def test_a_fronted_clause_is_the_content_and_the_subject_after_it_the_source(nlp):
    # the tagger took the whole clause for the source and labelled no content
    text = ("Four citizens held abroad returned home this afternoon in an exchange on the "
            "bridge, presidential spokesperson Ilse Marrow said.")
    clause = "Four citizens held abroad returned home this afternoon in an exchange on the bridge"
    [att] = fill_empty_contents(nlp(text), [Attribution(at(text, clause + ", presidential "
                                                               "spokesperson Ilse Marrow"),
                                                        at(text, "said"), [])])
    assert span_text(text, att.content) == clause
    assert span_text(text, att.source) == "presidential spokesperson Ilse Marrow"


def test_a_speaker_the_parser_hung_on_the_clause_is_still_the_source(nlp):
    # "said" has no subject: the parse makes the spokesman an apposition of "Varro"
    text = ("The transfer was carried out at the personal instruction of President Mikhel Varro, "
            "the Ministry's spokesman, Colonel Gerd Mallin, said.")
    [att] = fill_empty_contents(nlp(text), [Attribution([], at(text, "said"), [])])
    assert span_text(text, att.source) == "the Ministry's spokesman, Colonel Gerd Mallin"
    assert span_text(text, att.content) == ("The transfer was carried out at the personal "
                                            "instruction of President Mikhel Varro")
