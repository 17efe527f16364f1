"""Parent links between embedded attributions."""

from speakers_helpers import enriched, span

from sayso.model import Attribution
from sayso.speakers.nesting import find_parents


def test_embedded_statement_points_to_the_outer_one(nlp):
    text = "Bruno said the mayor stressed that the budget was tight."
    outer, inner = enriched(
        nlp, text,
        ("Bruno", "said", "the mayor stressed that the budget was tight"),
        ("the mayor", "stressed", "that the budget was tight"))
    assert outer.parent is None
    assert inner.parent == 0


def test_parent_is_the_smallest_container_whatever_the_list_order(nlp):
    text = ("The agency reported that Weber had told the cabinet "
            "that Ruiz warned the harbour would close.")
    innermost, outer, middle = enriched(
        nlp, text,
        ("Ruiz", "warned", "the harbour would close"),
        ("The agency", "reported",
         "that Weber had told the cabinet that Ruiz warned the harbour would close"),
        ("Weber", "told", "that Ruiz warned the harbour would close"))
    assert (innermost.parent, outer.parent, middle.parent) == (2, None, 1)


def test_statements_side_by_side_have_no_parent(nlp):
    text = "Weber said the plan was sound. Ruiz said it was not."
    first, second = enriched(nlp, text,
                             ("Weber", "said", "the plan was sound"),
                             ("Ruiz", "said", "it was not", "Ruiz"))
    assert first.parent is None and second.parent is None


def test_find_parents_without_a_doc():
    text = "Bruno said the mayor stressed that the budget was tight."
    outer = Attribution(span(text, "Bruno"), span(text, "said"),
                        span(text, "the mayor stressed that the budget was tight"))
    inner = Attribution(span(text, "the mayor"), span(text, "stressed"),
                        span(text, "that the budget was tight"))
    no_cue = Attribution(span(text, "the mayor"), [], span(text, "the budget was tight"))
    broken = Attribution([], [], [])
    assert find_parents([outer, inner, no_cue, broken]) == [None, 0, 0, None]
