"""The pattern bank's scorer (eval/patterns_score.py) and the bank itself."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("patterns_score",
                                                  REPO / "eval" / "patterns_score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["patterns_score"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def prediction(scorer, **fields):
    base = dict(content="", cue="said", speaker="", named=True, role=None, channel=None,
                cited=[], parent=None)
    return scorer.Prediction(**{**base, **fields})


def item(scorer, records, text="x"):
    return scorer.Item("said_after", "said_after-01", text, records)


GOLD = {"speaker": "Olaf Brink", "named": True, "role": "head of the teachers' union",
        "cue": "told", "content": "classes would move online", "channel": "the Morning Star",
        "cited": [], "parent": None}


def test_an_exact_record_is_fully_right_whatever_the_spelling_of_its_fields(scorer):
    guess = prediction(scorer, content="that classes would move online.", cue="told",
                       speaker="Olaf Brink", role="Head of the teachers' union",
                       channel="told the Morning Star")
    assert scorer.score_item(item(scorer, [GOLD]), [guess]).fully_right


@pytest.mark.parametrize("change, field", [
    ({"speaker": "Ines Calder"}, "speaker"),
    ({"role": "Governor"}, "role"),
    ({"channel": None}, "channel"),
    ({"content": "classes would move online next week"}, "content"),
    ({"cited": ["Norpress"]}, "cited"),
    ({"cue": "said"}, "cue"),
])
def test_one_wrong_field_makes_the_item_wrong(scorer, change, field):
    guess = prediction(scorer, content="classes would move online", cue="told",
                       speaker="Olaf Brink", role="head of the teachers' union",
                       channel="the Morning Star")
    guess = scorer.Prediction(**{**guess.__dict__, **change})
    result = scorer.score_item(item(scorer, [GOLD]), [guess])
    assert not result.fully_right and result.wrong == [f"record 0 {field}"]


def test_an_extra_record_or_a_missed_one_makes_the_item_wrong(scorer):
    right = prediction(scorer, content="classes would move online", cue="told",
                       speaker="Olaf Brink", role="head of the teachers' union",
                       channel="the Morning Star")
    extra = prediction(scorer, content="a senior police officer", cue="quoting",
                       speaker="Norpress")
    assert scorer.score_item(item(scorer, [GOLD]), [right, extra]).extra == 1
    assert scorer.score_item(item(scorer, [GOLD]), []).missed == 1
    assert scorer.score_item(item(scorer, []), []).fully_right


def test_a_colon_cue_must_be_the_colon(scorer):
    assert scorer.cue_matches(":", ":") and not scorer.cue_matches(":", "said")
    assert scorer.cue_matches("has said", "said") and not scorer.cue_matches("told", "said")


def test_the_parent_is_scored_through_the_matching(scorer):
    outer = dict(GOLD, content="the mayor had stressed that the city was broke", cue="said",
                 channel=None, role=None)
    inner = dict(GOLD, speaker="mayor", named=False, cue="stressed",
                 content="the city was broke", channel=None, parent=0)
    inner.pop("role")
    guesses = [prediction(scorer, content="the city was broke", cue="stressed", speaker="mayor",
                          named=False, parent=1),
               prediction(scorer, content="the mayor had stressed that the city was broke",
                          speaker="Olaf Brink")]
    assert scorer.score_item(item(scorer, [outer, inner]), guesses).fully_right
    guesses[0].parent = None
    assert scorer.score_item(item(scorer, [outer, inner]), guesses).wrong == ["record 1 parent"]


def test_check_finds_strings_that_are_not_in_the_text(scorer):
    bad = item(scorer, [dict(GOLD, content="classes would close")],
               text="Olaf Brink told the Morning Star that classes would move online.")
    assert scorer.check_bank([bad]) == ["said_after-01 record 0: content 'classes would close' "
                                        "not in text"]


def test_the_bank_is_valid_and_as_large_as_issue_12_asks(scorer):
    items = scorer.load_bank()
    assert scorer.check_bank(items) == []
    sizes = Counter(i.family for i in items)
    assert len(items) >= 400 and len(sizes) >= 30 and min(sizes.values()) >= 8
    negatives = [i for i in items if i.negative]
    assert {i.family for i in negatives} >= {"neg_non_speech_verbs", "neg_unsourced_facts",
                                             "neg_scare_quotes_titles", "neg_lists_captions"}
