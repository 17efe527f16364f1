import pytest

from sayso.model import CitedSource, Speaker
from sayso.speakers.origin import origin_of


@pytest.mark.parametrize("speaker, expected", [
    (Speaker("Dmitry Peskov", "PERSON", "Kremlin spokesman"), "Kremlin"),
    (Speaker("Brian Fallon", "PERSON", "spokesman for Hillary Clinton's campaign"),
     "Hillary Clinton campaign"),
    (Speaker("Josh Earnest", "PERSON", "White House press secretary"), "White House"),
    (Speaker("White House press office", "ORG"), "White House"),
    (Speaker("senior State Department official", "PERSON"), "State Department"),
    (Speaker("spokesperson for the Valdor Foreign Ministry", "PERSON"), "Valdor Foreign Ministry"),
    (Speaker("aide to Senator Ruth Kale", "PERSON"), "Ruth Kale"),
])
def test_a_proxy_stands_for_the_body_it_speaks_for(speaker, expected):
    assert origin_of(speaker, []) == expected


@pytest.mark.parametrize("speaker", [
    Speaker("Donald Trump", "PERSON", "Republican presidential nominee"),
    Speaker("Officials", "PERSON"), Speaker("Reuters", "ORG"),
    Speaker("Maria Kern", "PERSON", None),
])
def test_everyone_else_is_their_own_origin(speaker):
    assert origin_of(speaker, []) == speaker.name


def test_the_root_of_a_relay_chain_is_the_origin_not_the_outlet():
    tass = Speaker("Tass", "ORG")
    chain = [CitedSource("Interfax", "ORG"), CitedSource("Dmitry Peskov", "PERSON", "Kremlin spokesman")]
    assert origin_of(tass, chain) == "Kremlin"
    assert origin_of(tass, [CitedSource("two officials", "PERSON")]) == "two officials"


def test_no_speaker_no_origin():
    assert origin_of(None, []) is None
