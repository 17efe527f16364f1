"""Character spans <-> token indices on a real parse."""

import pytest

from sayso.attribution.alignment import TokenOffsets, tokens_to_span
from sayso.nlp.pipeline import load_nlp


@pytest.fixture(scope="module")
def doc():
    return load_nlp()("Anna Weber said the port would reopen.\n\nShe added nothing.")


def test_tokens_sharing_a_character(doc):
    text = doc.text
    start = text.index("port")
    toks = TokenOffsets(doc).tokens_in([(start + 1, start + 3)])
    assert [doc[i].text for i in toks] == ["port"]


def test_space_tokens_never_count(doc):
    start = text_start = doc.text.index("reopen")
    toks = TokenOffsets(doc).tokens_in([(text_start, doc.text.index("She") + 3)])
    assert [doc[i].text for i in sorted(toks)] == ["reopen", ".", "She"]
    assert start == text_start


def test_runs_become_fragments_and_paragraph_breaks_are_bridged(doc):
    reopen = next(t.i for t in doc if t.text == "reopen")
    she = next(t.i for t in doc if t.text == "She")
    anna = next(t.i for t in doc if t.text == "Anna")
    frags = tokens_to_span(doc, [anna, reopen, reopen + 1, she])
    text = doc.text
    assert [text[s:e] for s, e in frags] == ["Anna", "reopen.\n\nShe"]
