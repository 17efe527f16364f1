"""A speaker's other articles settle vague origins for the events' sides."""

from sayso.accounts.sides import settle_origins
from sayso.accounts.statements import Statement


def said(i, speaker_id, speaker, origin, cited=False, doc="a"):
    return Statement(id=i, document_id=doc, position=i, content="the call was useful",
                     speaker=speaker, origin=origin, speaker_id=speaker_id, cited=cited)


def test_a_generic_origin_takes_the_qualified_one_the_speaker_has_elsewhere():
    statements = [said(1, 7, "Ilse Marrow", "Valdor presidency", doc="readout"),
                  said(2, 7, "Ilse Marrow", "presidency", doc="agency"),
                  said(3, 8, "Dana Velic", "Foreign Ministry", doc="agency")]
    settle_origins(statements)
    assert [s.origin for s in statements] == ["Valdor presidency", "Valdor presidency",
                                              "Foreign Ministry"]


def test_a_generic_origin_takes_the_one_body_the_speaker_speaks_for_elsewhere():
    statements = [said(1, 7, "Pavel Dorin", "Tarn Palace", doc="wire"),
                  said(2, 7, "Pavel Dorin", "presidency", doc="courier"),
                  said(3, 8, "Tass", "Kremlin", cited=True, doc="wire"),
                  said(4, 8, "Tass", "presidency", doc="wire")]
    settle_origins(statements)
    # Tass only relayed the Kremlin: its own vague origin stays as it was
    assert [s.origin for s in statements] == ["Tarn Palace", "Tarn Palace", "Kremlin",
                                              "presidency"]


def test_a_body_of_generic_words_that_names_a_department_stays():
    statements = [said(1, 7, "John Kirby", "Pentagon", doc="a"),
                  said(2, 7, "John Kirby", "State Department", doc="b")]
    settle_origins(statements)
    assert [s.origin for s in statements] == ["Pentagon", "State Department"]


def test_a_generic_origin_stays_when_the_speaker_speaks_for_several_bodies():
    statements = [said(1, 7, "Ann Roe", "Tarn Palace", doc="a"),
                  said(2, 7, "Ann Roe", "Drevna City Council", doc="b"),
                  said(3, 7, "Ann Roe", "presidency", doc="c")]
    settle_origins(statements)
    assert statements[2].origin == "presidency"


def test_a_speaker_who_speaks_for_a_body_elsewhere_speaks_for_it_everywhere():
    statements = [said(1, 7, "Ilse Marrow", "Valdor presidency", doc="readout"),
                  said(2, 7, "Ilse Marrow", "Marrow", doc="agency"),
                  said(3, 7, "Ilse Marrow", "Ilse Marrow", doc="agency")]
    settle_origins(statements)
    assert {s.origin for s in statements} == {"Valdor presidency"}


def test_a_relay_the_speaker_cited_does_not_become_their_side():
    statements = [said(1, 5, "Tass", "Kremlin", cited=True), said(2, 5, "Tass", "Tass"),
                  said(3, 6, "Anna Weber", "Anna Weber")]
    settle_origins(statements)
    assert [s.origin for s in statements] == ["Kremlin", "Tass", "Anna Weber"]


def test_statements_without_a_stored_speaker_are_left_alone():
    statements = [said(1, None, None, "presidency"), said(2, None, None, "Valdor presidency")]
    settle_origins(statements)
    assert [s.origin for s in statements] == ["presidency", "Valdor presidency"]


def test_a_possessive_and_a_leading_the_do_not_make_another_side():
    from sayso.accounts.statements import side_key

    assert side_key("Trump\u2019s campaign") == side_key("the Trump campaign") == "trump campaign"
    assert side_key("Valdor's Foreign Ministry") == "valdor foreign ministry"


def test_a_country_and_its_adjective_are_one_side():
    from sayso.accounts.statements import side_key

    assert side_key("Valdoran presidency") == side_key("Valdor Presidency")
    assert side_key("Ostranian Foreign Ministry") == side_key("Ostrania's Foreign Ministry")
    assert side_key("Russian government") == side_key("Russia government")
    assert side_key("Valdoran presidency") != side_key("Ostranian presidency")
