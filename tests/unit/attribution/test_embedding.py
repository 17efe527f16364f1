"""An embedded attribution's source stays inside the content that holds it."""

from sayso.attribution.embedding import confine_embedded_sources
from sayso.model import Attribution

TEXT = "Bruno Keller said the mayor stressed that the budget would protect libraries."


def span(phrase: str) -> list[tuple[int, int]]:
    start = TEXT.index(phrase)
    return [(start, start + len(phrase))]


def test_source_fragment_outside_the_embedding_content_is_dropped():
    outer = Attribution(span("Bruno Keller"), span("said"),
                        span("the mayor stressed that the budget would protect libraries"))
    inner = Attribution(span("Bruno Keller") + span("the mayor"), span("stressed"),
                        span("that the budget would protect libraries"))
    confine_embedded_sources([outer, inner])
    assert inner.source == span("the mayor")
    assert outer.source == span("Bruno Keller")


def test_a_source_wholly_outside_is_kept_rather_than_emptied():
    outer = Attribution(span("Bruno Keller"), span("said"), span("the mayor stressed that"))
    inner = Attribution(span("Bruno Keller"), span("stressed"), span("the budget would protect"))
    confine_embedded_sources([outer, inner])
    assert inner.source == span("Bruno Keller")


def test_attributions_side_by_side_are_left_alone():
    a = Attribution(span("Bruno Keller"), span("said"), span("the mayor"))
    b = Attribution(span("Bruno Keller") + span("libraries"), span("stressed"), span("the budget"))
    confine_embedded_sources([a, b])
    assert b.source == span("Bruno Keller") + span("libraries")
