"""Reporting nouns with a "that" clause, on the real parse (no trained model)."""

from __future__ import annotations

import pytest

from sayso.attribution.noun_cues import add_noun_cue_attributions
from sayso.model import Attribution, span_text
from sayso.nlp.pipeline import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def added(nlp, text: str, existing: list[Attribution] = ()) -> list[tuple[str, str, str]]:
    found = add_noun_cue_attributions(nlp(text), list(existing))[len(existing):]
    return [(span_text(text, a.source), span_text(text, a.cue), span_text(text, a.content))
            for a in found]


def test_claim_by_names_its_source(nlp):
    text = ("Auditors dismissed the claim by Mayor Ines Carvalho that the budget "
            "had been balanced.")
    assert added(nlp, text) == [("Mayor Ines Carvalho", "claim",
                                 "that the budget had been balanced")]


def test_possessive_owner_is_the_source_without_its_case_marker(nlp):
    text = "The union's warning that the port would close on Friday went unheeded."
    assert added(nlp, text) == [("The union", "warning", "that the port would close on Friday")]


def test_noun_with_no_owner_has_no_source(nlp):
    text = "Officials denied reports that the ferry service had been suspended."
    assert added(nlp, text) == [("", "reports", "that the ferry service had been suspended")]


@pytest.mark.parametrize("text", [
    "The statement that the council published was brief.",
    "The claim that he made was false.",
    "The warning that followed was ignored.",
])
def test_relative_clause_is_not_a_statement(nlp, text):
    assert added(nlp, text) == []


def test_clause_with_its_own_object_is_a_statement(nlp):
    text = ("Her claim that the mayor had made a secret deal with the developer was denied "
            "by the council.")
    assert added(nlp, text) == [("Her", "claim",
                                 "that the mayor had made a secret deal with the developer")]


def test_ordinary_noun_with_that_clause_is_ignored(nlp):
    text = "The fact that the bridge was closed surprised nobody."
    assert added(nlp, text) == []


def test_noun_already_a_cue_is_left_to_the_tagger(nlp):
    text = "The company's statement that no workers were hurt was contradicted."
    start = text.index("statement")
    existing = [Attribution(source=[(0, 11)], cue=[(start, start + 9)],
                            content=[(text.index("that no"), text.index(" was contradicted"))])]
    assert added(nlp, text, existing) == []


def test_noun_inside_a_reported_statement_is_part_of_it(nlp):
    text = "The minister said the claim by the opposition that taxes would rise was false."
    content_start = text.index("the claim")
    existing = [Attribution(source=[(0, 12)], cue=[(13, 17)],
                            content=[(content_start, len(text) - 1)])]
    assert added(nlp, text, existing) == []
