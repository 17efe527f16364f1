"""Long articles are parsed block by block; offsets come back into the article."""

import pytest

from sayso.extraction import BLOCK_CHARS, Extractor, split_blocks
from sayso.model import Document

PARAGRAPH = ('"The harbour will reopen on Monday," said Lena Weber, a spokeswoman for the '
             'port authority. The union said its members would vote on the offer.\n\n')


def test_short_text_is_one_block():
    assert split_blocks("Short text.") == [(0, "Short text.")]


def test_blocks_cover_the_text_exactly_and_end_at_paragraphs():
    text = PARAGRAPH * 40_000  # about 5.6 MB
    blocks = split_blocks(text)
    assert "".join(b for _, b in blocks) == text
    assert all(len(b) <= BLOCK_CHARS for _, b in blocks)
    assert all(b.endswith("\n\n") for _, b in blocks[:-1])
    assert [o for o, _ in blocks] == [sum(len(b) for _, b in blocks[:k]) for k in range(len(blocks))]


def test_a_paragraph_longer_than_a_block_is_cut_at_a_space():
    text = "word " * 30_000
    blocks = split_blocks(text, limit=1000)
    assert "".join(b for _, b in blocks) == text
    assert all(b.endswith(" ") for _, b in blocks[:-1])


@pytest.mark.slow
def test_attributions_in_later_blocks_point_into_the_article():
    text = PARAGRAPH * (2 * BLOCK_CHARS // len(PARAGRAPH) + 5)
    [extraction] = Extractor().extract_all([Document("long", text)])
    found = extraction.attributions
    assert max(a.cue[0][0] for a in found) > 2 * BLOCK_CHARS
    for a in found:
        assert all(text[s:e] in a.content_text for s, e in a.content)
        assert a.cue_text == " ".join(text[s:e] for s, e in a.cue)
    weber = [a for a in found if a.speaker and a.speaker.name == "Lena Weber"]
    assert len(weber) > 2 * BLOCK_CHARS // len(PARAGRAPH)
    assert all(a.content_text == "The harbour will reopen on Monday," for a in weber)
