"""Match keys for speakers across articles."""

from __future__ import annotations

import pytest

from sayso.store.canonical import is_named, pick_by_role, pick_by_surname, speaker_key


@pytest.mark.parametrize("a, b", [
    ("Vladimir Putin", "Vladimir V. Putin"),
    ("Hillary Clinton", "Hillary Rodham Clinton"),
    ("Donald Trump", "Donald J. Trump"),
    ("Mr. Ivo Brandt", "Ivo Brandt"),
    ("Anna Weber's", "Anna Weber"),
])
def test_variants_of_one_person_share_a_key(a, b):
    assert speaker_key(a, "PERSON", "d1").key == speaker_key(b, "PERSON", "d2").key


@pytest.mark.parametrize("a, b", [
    ("Hillary Clinton", "Bill Clinton"),
    ("Donald Trump", "Donald Trump Jr."),
    ("Ivanka Trump", "Donald Trump"),
])
def test_different_people_keep_different_keys(a, b):
    assert speaker_key(a, "PERSON", "d1").key != speaker_key(b, "PERSON", "d1").key


def test_a_bare_surname_is_marked_for_surname_lookup():
    key = speaker_key("Putin", "PERSON", "d1")
    assert key.bare_surname and key.surname == "putin"


def test_organisations_drop_a_leading_article():
    assert (speaker_key("the Kremlin", "ORG", "d1").key
            == speaker_key("Kremlin", "GPE", "d9").key == "name:kremlin")


@pytest.mark.parametrize("name", ["a spokesman", "A spokesman", "officials", "He", "they",
                                  "the union", "Some officials"])
def test_unnamed_sources_stay_in_their_article(name):
    assert not is_named(name)
    assert speaker_key(name, "OTHER", "d1").key != speaker_key(name, "OTHER", "d2").key


def test_surname_goes_to_the_only_candidate_or_a_clear_leader():
    assert pick_by_surname([(7, 3)]) == 7
    assert pick_by_surname([(1, 90), (2, 5)]) == 1
    assert pick_by_surname([(1, 10), (2, 8)]) is None  # two Clintons, no clear answer
    assert pick_by_surname([]) is None


def test_a_described_group_is_not_keyed_as_a_person():
    key = speaker_key("Marco Rubio's top advisers", "PERSON", "d1", named=True)
    assert key.key == "name:marco rubio top advisers" and key.surname is None


def test_the_speaker_stage_decides_what_is_a_proper_name():
    assert speaker_key("Analysts", "PERSON", "d1", named=False).key.startswith("local:d1:")
    assert speaker_key("Ursula von der Leyen", "PERSON", "d1", named=True).key == \
        "person:ursula leyen"


def test_a_role_picks_one_namesake_or_none():
    roles = {1: ["Democratic nominee", "former secretary of state"], 2: ["former president"]}
    assert pick_by_role("the former president", roles) == 2  # two words against one
    assert pick_by_role("former", roles) is None  # fits both equally
    assert pick_by_role("president", roles) == 2
    assert pick_by_role("secretary of state", roles) == 1
    assert pick_by_role(None, roles) is None


def test_one_member_of_a_group_is_no_one_across_articles():
    assert speaker_key("Democrat", "NORP", "d1", named=True).key.startswith("local:d1:")
    assert speaker_key("Democrats", "NORP", "d1", named=True).key == "name:democrats"
