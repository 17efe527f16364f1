from dataclasses import replace
from datetime import date, timedelta

import numpy as np

from sayso.accounts.grouping import SETTINGS, GroupingSettings, group_statements
from sayso.accounts.statements import Statement
from sayso.accounts.vectors import LexicalVectorizer

CALL = date(2026, 3, 10)


def statement(i, doc, content, published, speaker=None, origin=None, entities=(), event_date=None):
    return Statement(id=i, document_id=doc, position=i, content=content, published=published,
                     event_date=event_date, event_date_period="day" if event_date else None,
                     speaker=speaker, origin=origin, entities=list(entities))


def grouped(statements, settings=SETTINGS["lexical"]):
    vectors = LexicalVectorizer().encode([s.content for s in statements])
    events = group_statements(statements, vectors, settings)
    return sorted(sorted(statements[i].id for i in e.members) for e in events)


CROSSING = [
    statement(1, "valdor", "the two leaders agreed to reopen the Kessel border crossing to grain",
              CALL, "Lisa Halvorsen", "presidential office", ["Kessel"]),
    statement(2, "ostrania", "the presidents agreed to reopen the Kessel border crossing for grain",
              CALL, "Tomas Oren", "Foreign Ministry", ["Kessel"]),
    statement(3, "wire", "Valdor and Ostrania will reopen the Kessel crossing to grain shipments",
              CALL + timedelta(days=1), "Baltic Wire", "Baltic Wire", ["Valdor", "Ostrania", "Kessel"]),
]
STRIKE = [
    statement(4, "herald", "the dockers strike at Port Elm would continue until Friday", CALL,
              "dockers union", "dockers union", ["Port Elm"]),
    statement(5, "herald", "the harbour at Port Elm was losing a million crowns a day", CALL,
              "Ana Brill", "Ana Brill", ["Port Elm"]),
]


def test_statements_about_one_event_group_across_articles_and_sides():
    assert grouped(CROSSING + STRIKE) == [[1, 2, 3], [4, 5]]


def test_the_same_words_months_apart_are_different_events():
    later = statement(6, "later", "the presidents agreed to reopen the Kessel border crossing to grain",
                      CALL + timedelta(days=60), "Tomas Oren", "Foreign Ministry", ["Kessel"])
    assert grouped(CROSSING + [later]) == [[1, 2, 3], [6]]


def test_a_stated_event_date_places_a_late_report_with_its_event():
    late = statement(7, "weekly", "the presidents agreed to reopen the Kessel crossing to grain",
                     CALL + timedelta(days=20), "Weekly", "Weekly", ["Kessel"], event_date=CALL)
    assert grouped(CROSSING + [late]) == [[1, 2, 3, 7]]


def test_undated_statements_group_by_participants_and_words():
    undated = [statement(10 + s.id, f"x{s.id}", s.content, None, s.speaker, s.origin, s.entities)
               for s in CROSSING]
    assert grouped(undated + STRIKE) == [[4, 5], [11, 12, 13]]


def test_every_statement_lands_in_exactly_one_event_and_ids_are_stable():
    statements = CROSSING + STRIKE
    vectors = LexicalVectorizer().encode([s.content for s in statements])
    first = group_statements(statements, vectors, SETTINGS["lexical"])
    members = sorted(i for e in first for i in e.members)
    assert members == list(range(len(statements)))
    again = group_statements(list(reversed(statements)), vectors[::-1], SETTINGS["lexical"])
    assert {e.id for e in first} == {e.id for e in again}


def test_a_crowded_day_compares_with_a_bounded_number_of_events():
    # 300 unrelated statements on one day: each is scored against at most
    # max_candidates open events, and nothing merges by accident.
    words = [f"topic{k} alpha{k} beta{k}" for k in range(300)]
    statements = [statement(k, f"d{k}", w, CALL) for k, w in enumerate(words)]
    vectors = np.eye(300, dtype=np.float32)
    events = group_statements(statements, vectors, GroupingSettings(max_candidates=8))
    assert len(events) == 300


def _unit(*weights):
    v = np.array(weights, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_the_second_pass_joins_two_accounts_that_agree_taken_whole():
    # statement by statement each account's nearest match in the other is
    # below the bar, but the two accounts' centroids nearly coincide
    accounts = [statement(1, "valdor", "a", CALL), statement(2, "valdor", "b", CALL),
                statement(3, "ostrania", "c", CALL), statement(4, "ostrania", "d", CALL)]
    vectors = np.stack([_unit(1, 0.6, 0, 0), _unit(1, -0.6, 0, 0),
                        _unit(1, 0, 0.6, 0), _unit(1, 0, -0.6, 0)])
    apart = GroupingSettings(threshold=0.8, participant_weight=0.0, same_document_weight=0.4,
                             neighbours=1)
    first_pass = group_statements(accounts, vectors, apart)
    assert sorted(sorted(e.members) for e in first_pass) == [[0, 1], [2, 3]]
    merged = group_statements(accounts, vectors, GroupingSettings(
        threshold=0.8, participant_weight=0.0, same_document_weight=0.4, neighbours=1,
        merge_threshold=0.65))
    assert [sorted(e.members) for e in merged] == [[0, 1, 2, 3]]
    # ...and never across the window, however alike
    later = [replace(s, published=CALL + timedelta(days=30)) if s.document_id == "ostrania" else s
             for s in accounts]
    merged_later = group_statements(later, vectors, GroupingSettings(
        threshold=0.8, participant_weight=0.0, same_document_weight=0.4, neighbours=1,
        merge_threshold=0.65))
    assert len(merged_later) == 2
    # ...nor two accounts of the same days whose centroids are apart
    other = np.stack([_unit(1, 0.6, 0, 0), _unit(1, -0.6, 0, 0),
                      _unit(0, 0, 1, 0.6), _unit(0, 0, 1, -0.6)])
    assert len(group_statements(accounts, other, GroupingSettings(
        threshold=0.8, participant_weight=0.0, same_document_weight=0.4, neighbours=1,
        merge_threshold=0.65))) == 2


def _unit(*values):
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


# Vectors made by hand: the call, and two statements only loosely like it
# (cosine 0.2), which join the call's event only through the article bonus.
CALL_VECTOR, LOOSE_A, LOOSE_B = _unit(1, 0, 0), _unit(0.2, 0.98, 0), _unit(0.2, 0, 0.98)
FIRST_PASS = replace(SETTINGS["minilm"], merge_threshold=None)


def grouped_by_hand(statements, vectors):
    events = group_statements(statements, np.stack(vectors), FIRST_PASS)
    return sorted(sorted(statements[i].id for i in e.members) for e in events)


def test_an_article_recalling_an_earlier_event_does_not_pull_its_news_into_it():
    june = CALL + timedelta(days=90)
    march = statement(1, "march", "the presidents spoke by phone", CALL)
    recalled = statement(2, "june", "their first call, in March, was cordial", june, event_date=CALL)
    news = statement(3, "june", "the prisoners were exchanged on the bridge", june)
    assert grouped_by_hand([march, recalled, news], [CALL_VECTOR, CALL_VECTOR, LOOSE_A]) == \
        [[1, 2], [3]]
