"""The accurate mode end to end: MiniLM vectors, trained heads, same outputs."""

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from sayso.extraction import Extractor  # noqa: E402
from sayso.model import Document  # noqa: E402

# Every training article opens with its headline; without one the tuned model
# misses this first sentence's "said" (a known weakness, in the README).
TEXT = ("Harbour to reopen within a week\n\n"
        "The port authority said on Monday that the harbour would reopen within a week.\n\n"
        '"We are ready to talk," Marta Okafor, who leads the dockworkers\' union, told reporters.')


@pytest.fixture(scope="module")
def attributions():
    [extraction] = Extractor(model="accurate").extract_all([Document("port", TEXT)])
    return extraction.attributions


@pytest.mark.slow
def test_finds_the_indirect_and_the_direct_statement(attributions):
    by_cue = {a.cue_text: a for a in attributions}
    said, told = by_cue["said"], by_cue["told"]
    assert said.source_text == "The port authority"
    assert "the harbour would reopen within a week" in said.content_text
    assert told.speaker.name == "Marta Okafor" and told.kind == "direct"
    assert told.content_text == "We are ready to talk,"


@pytest.mark.slow
def test_offsets_index_the_text(attributions):
    for a in attributions:
        assert " ".join(TEXT[s:e] for s, e in a.content) == a.content_text
