"""The store on SQLite and on a real PostgreSQL server: the same tests."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from sayso.errors import StoreError
from sayso.model import Attribution, CitedSource, Document, Extraction, Speaker
from sayso.store import Store, document_id, queries, schema
from sayso.store.migrations import LATEST, applied_versions


def statement(text: str, speaker: str, cue: str, content: str, type_: str = "PERSON",
              role: str | None = None, cited: list[CitedSource] | None = None) -> Attribution:
    """An attribution over phrases of ``text``, as the extractor gives it."""
    def at(phrase: str) -> list[tuple[int, int]]:
        start = text.index(phrase)
        return [(start, start + len(phrase))]
    source = at(speaker)
    att = Attribution(source=source, cue=at(cue), content=at(content),
                      speaker=Speaker(speaker, type_, role, source), cited=cited or [],
                      cue_lemma=cue.split()[-1].lower())
    att.fill_texts(text)
    return att


def article(text: str, *statements: Attribution, published: date | None = None,
            publisher: str | None = None, name: str = "a.txt") -> tuple[Document, Extraction]:
    doc = Document(name.split(".")[0], text, published, name, publisher=publisher)
    return doc, Extraction(doc.doc_id, list(statements), published)


KREMLIN = ("Dmitry Peskov said the talks had been constructive and would continue "
           "in Geneva next month.")
WHITE_HOUSE = ("Karine Osei said the call focused on prisoner exchanges, not on "
               "the talks in Geneva.")


@pytest.fixture
def store(db_url):
    with Store(db_url) as opened:
        yield opened


def count(store: Store, table) -> int:
    with store.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_opening_migrates_once(db_url):
    Store(db_url).close()
    with Store(db_url) as again:
        assert applied_versions(again.engine) == set(range(1, LATEST + 1))


def test_an_article_is_stored_once_whatever_its_file_name(store):
    first = store.add(*article(KREMLIN, statement(KREMLIN, "Dmitry Peskov", "said",
                                                  "the talks had been constructive")))
    again = store.add(*article(KREMLIN + "\n", name="copy.txt"))
    assert first.added and first.attributions == 1
    assert not again.added and again.doc_id == first.doc_id == document_id(KREMLIN)
    assert count(store, schema.documents) == 1
    assert count(store, schema.attributions) == 1


def test_show_returns_the_article_and_its_statements(store):
    doc, extraction = article(KREMLIN, statement(
        KREMLIN, "Dmitry Peskov", "said", "the talks had been constructive", role="Kremlin spokesman",
        cited=[CitedSource("Tass", "ORG")]), published=date(2026, 5, 2), publisher="Wire")
    written = store.add(doc, extraction)
    with store.connect() as conn:
        shown = queries.document(conn, written.doc_id)
    assert shown["publisher"] == "Wire" and shown["published"] == "2026-05-02"
    [att] = shown["attributions"]
    assert att["speaker"] == "Dmitry Peskov" and att["cue_lemma"] == "said"
    assert att["content"] == [[KREMLIN.index("the talks"), KREMLIN.index(" and would")]]
    assert att["cited"] == [{"name": "Tass", "type": "ORG", "role": None}]


def test_full_text_search_and_filters(store):
    store.add(*article(KREMLIN, statement(KREMLIN, "Dmitry Peskov", "said",
                                          "the talks had been constructive and would continue in "
                                          "Geneva next month"),
                       published=date(2026, 5, 2), publisher="Wire"))
    store.add(*article(WHITE_HOUSE, statement(WHITE_HOUSE, "Karine Osei", "said",
                                              "the call focused on prisoner exchanges"),
                       published=date(2026, 4, 1), publisher="Herald"))
    with store.connect() as conn:
        def ask(**kw):
            return [q["speaker"] for q in queries.quotes(conn, queries.QuoteFilter(**kw))]
        assert ask(search="constructive") == ["Dmitry Peskov"]
        assert ask(search="prisoner exchange") == ["Karine Osei"] or ask(search="prisoner") == ["Karine Osei"]
        assert ask(search='"unbalanced AND (') == []  # user text never breaks the query
        assert ask(since=date(2026, 4, 15)) == ["Dmitry Peskov"]
        assert ask(publisher="herald") == ["Karine Osei"]
        assert ask(speaker="karine osei") == ["Karine Osei"]
        assert ask() == ["Dmitry Peskov", "Karine Osei"]  # newest article first


def test_one_person_across_articles(store):
    texts = ["Vladimir Putin said the sanctions had failed completely.",
             "Vladimir V. Putin said the border would stay open all year.",
             "Putin said the gas deal was finished for now."]
    for k, text in enumerate(texts):
        name = text.split(" said")[0]
        content = text.split(" said ")[1].rstrip(".")
        store.add(*article(text, statement(text, name, "said", content,
                                           role="President" if k == 0 else None),
                           published=date(2026, 1, 1 + k)))
    with store.connect() as conn:
        [top] = queries.top_speakers(conn, 5)
    assert top.name == "Vladimir V. Putin" and top.statements == 3 and top.documents == 3
    assert top.roles == ["President"]
    assert {"Vladimir Putin", "Putin"} <= set(top.aliases)


def test_a_surname_seen_first_joins_the_full_name_seen_later(store):
    for text in ["Weber said the port would close for two days next week.",
                 "Anna Weber said the port had reopened after the storm passed."]:
        name = text.split(" said")[0]
        store.add(*article(text, statement(text, name, "said", text.split(" said ")[1].rstrip("."))))
    with store.connect() as conn:
        [top] = queries.top_speakers(conn, 5)
    assert (top.name, top.statements) == ("Anna Weber", 2)


def test_two_people_sharing_a_surname_stay_apart(store):
    for text in ["Hillary Clinton said the plan would create jobs in every state.",
                 "Bill Clinton said the plan would need a second term to work."]:
        name = " ".join(text.split()[:2])
        store.add(*article(text, statement(text, name, "said", text.split(" said ")[1].rstrip("."))))
    with store.connect() as conn:
        names = sorted(r.name for r in queries.top_speakers(conn, 5))
    assert names == ["Bill Clinton", "Hillary Clinton"]


def test_a_bare_surname_with_two_candidates_is_not_guessed(store):
    for text in ["Hillary Clinton said the plan would create jobs in every state.",
                 "Bill Clinton said the plan would need a second term to work.",
                 "Clinton said the campaign would visit Ohio twice."]:
        name = text.split(" said")[0]
        store.add(*article(text, statement(text, name, "said", text.split(" said ")[1].rstrip("."))))
    with store.connect() as conn:
        names = sorted(r.name for r in queries.top_speakers(conn, 5))
    assert names == ["Bill Clinton", "Clinton", "Hillary Clinton"]


def test_unnamed_sources_are_never_merged_across_articles(store):
    for text in ["A spokesman said the office would reopen on Monday morning.",
                 "A spokesman said the ministry had not received the letter."]:
        store.add(*article(text, statement(text, "A spokesman", "said",
                                           text.split(" said ")[1].rstrip("."), type_="OTHER")))
    assert count(store, schema.speakers) == 2
    with store.connect() as conn:
        assert queries.top_speakers(conn, 5) == []  # local speakers are no one's headline


def test_export_rows_carry_spans_and_metadata(store):
    store.add(*article(KREMLIN, statement(KREMLIN, "Dmitry Peskov", "said",
                                          "the talks had been constructive"),
                       published=date(2026, 5, 2), publisher="Wire"))
    with store.connect() as conn:
        [row] = list(queries.export_rows(conn))
    assert row["speaker"] == "Dmitry Peskov" and row["publisher"] == "Wire"
    assert row["source"] == [[0, len("Dmitry Peskov")]]


def test_a_bad_url_is_a_store_error():
    with pytest.raises(StoreError):
        Store("mysql://nobody@nowhere/db")


def test_a_person_typed_otherwise_in_one_article_is_still_that_person(store):
    texts = ["Donald Trump said the wall would be built next year.",
             "Donald Trump said the rally would go ahead in Ohio."]
    for text, type_ in zip(texts, ("PERSON", "ORG")):
        store.add(*article(text, statement(text, "Donald Trump", "said",
                                           text.split(" said ")[1].rstrip("."), type_=type_)))
    with store.connect() as conn:
        [top] = queries.top_speakers(conn, 5)
    assert (top.name, top.statements) == ("Donald Trump", 2)


def test_a_bare_surname_goes_to_the_namesake_whose_role_fits(store):
    texts = [("Hillary Clinton said the plan would create jobs in every state.", "Democratic nominee"),
             ("Bill Clinton said the plan would need a second term to work.", "former president"),
             ("Clinton said the economy had grown faster in the 1990s.", "the former president")]
    for text, role in texts:
        name = text.split(" said")[0]
        store.add(*article(text, statement(text, name, "said", text.split(" said ")[1].rstrip("."),
                                           role=role)))
    with store.connect() as conn:
        rows = {r.name: r.statements for r in queries.top_speakers(conn, 5)}
    assert rows == {"Bill Clinton": 2, "Hillary Clinton": 1}
