"""'X reported, citing Y, that ...' through the default extractor."""

import pytest

from sayso.extraction import extract


@pytest.mark.parametrize("text, speaker, content, cited, origin", [
    ("Reuters reported, citing two officials at the Pentagon, that troops would move.\n",
     "Reuters", "troops would move", ["two officials"], "two officials"),
    ("Tass said, citing a Kremlin source, that the deal was off.\n",
     "Tass", "the deal was off", ["Kremlin source"], "Kremlin"),
    ("Tass, citing the Kremlin spokesman Dmitry Peskov, said the leaders agreed to meet.\n",
     "Tass", "the leaders agreed to meet", ["Dmitry Peskov"], "Kremlin"),
])
def test_the_citing_phrase_is_the_relay_chain_not_the_content(text, speaker, content, cited, origin):
    (found,) = extract(text)
    assert found.content_text == content
    assert found.speaker.name == speaker
    assert [c.name for c in found.cited] == cited
    assert found.origin == origin
