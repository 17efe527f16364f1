"""Speaker name, type and role read from the source phrase itself."""

import pytest
from spacy.tokens import Doc
from speakers_helpers import enriched, span

from sayso.speakers.mentions import describe_named


def speaker_of(nlp, text, source, cue, content):
    [a] = enriched(nlp, text, (source, cue, content))
    return a.speaker


def test_title_before_name_is_the_role(nlp):
    text = "Finance Minister Anna Weber said on Monday that the budget would be balanced."
    s = speaker_of(nlp, text, "Finance Minister Anna Weber", "said",
                   "that the budget would be balanced")
    assert (s.name, s.type, s.role) == ("Anna Weber", "PERSON", "Finance Minister")
    assert s.mentions == span(text, "Anna Weber")


def test_organisation_and_title_before_name(nlp):
    text = "Kremlin spokesman Dmitry Peskov told reporters that no meeting was planned."
    s = speaker_of(nlp, text, "Kremlin spokesman Dmitry Peskov", "told",
                   "that no meeting was planned")
    assert (s.name, s.type, s.role) == ("Dmitry Peskov", "PERSON", "Kremlin spokesman")


def test_apposition_after_name_is_the_role(nlp):
    text = "Tom Ruiz, a spokesman for the port authority, said the ships were delayed."
    s = speaker_of(nlp, text, "Tom Ruiz, a spokesman for the port authority,", "said",
                   "the ships were delayed")
    assert (s.name, s.type, s.role) == ("Tom Ruiz", "PERSON", "spokesman for the port authority")


def test_name_in_apposition_to_a_title(nlp):
    text = "The port authority's spokesman, Tom Ruiz, said the ships were delayed."
    s = speaker_of(nlp, text, "The port authority's spokesman, Tom Ruiz,", "said",
                   "the ships were delayed")
    assert (s.name, s.type, s.role) == ("Tom Ruiz", "PERSON", "port authority's spokesman")


def test_honorific_is_not_part_of_name_or_role(nlp):
    text = "Mr. Kohl, the harbour master, said the storm had passed."
    s = speaker_of(nlp, text, "Mr. Kohl, the harbour master,", "said", "the storm had passed")
    assert (s.name, s.type, s.role) == ("Kohl", "PERSON", "harbour master")


def test_extractor_may_give_only_the_name(nlp):
    """The role comes from the parse around the name, not from the span."""
    text = "Tom Ruiz, a spokesman for the port authority, said the ships were delayed."
    s = speaker_of(nlp, text, "Tom Ruiz", "said", "the ships were delayed")
    assert (s.name, s.role) == ("Tom Ruiz", "spokesman for the port authority")


@pytest.mark.parametrize("text, source, cue, content, name, type_", [
    ("The press office said the event was cancelled.",
     "The press office", "said", "the event was cancelled", "press office", "ORG"),
    ("The agency reported that the talks had stalled.",
     "The agency", "reported", "that the talks had stalled", "agency", "ORG"),
    ("Sources said the plan had been dropped.",
     "Sources", "said", "the plan had been dropped", "Sources", "OTHER"),
    ("A ministry spokesman said the report was false.",
     "A ministry spokesman", "said", "the report was false", "ministry spokesman", "PERSON"),
    ("Police said two people had been arrested.",
     "Police", "said", "two people had been arrested", "Police", "ORG"),
    ("The European Commission said the rules would change in May.",
     "The European Commission", "said", "the rules would change in May",
     "European Commission", "ORG"),
    ("Germany said it would send more aid.",
     "Germany", "said", "it would send more aid", "Germany", "GPE"),
])
def test_unnamed_and_organisation_sources(nlp, text, source, cue, content, name, type_):
    s = speaker_of(nlp, text, source, cue, content)
    assert (s.name, s.type) == (name, type_)
    assert s.mentions and text[s.mentions[0][0]:s.mentions[0][1]].endswith(name)


def test_empty_source_has_no_speaker(nlp):
    text = "The bridge will reopen in March, it was announced on Friday."
    [a] = enriched(nlp, text, ("", "announced", "The bridge will reopen in March"))
    assert a.speaker is None and a.cited == []


def test_source_inside_according_to(nlp):
    text = "According to the Finance Ministry, the deficit fell last year."
    s = speaker_of(nlp, text, "According to the Finance Ministry", "According to",
                   "the deficit fell last year")
    assert (s.name, s.type) == ("Finance Ministry", "ORG")


@pytest.mark.parametrize("text, source, name, type_, role", [
    ("Prime Minister Rishi Sunak said the election would be held in July.",
     "Prime Minister Rishi Sunak", "Rishi Sunak", "PERSON", "Prime Minister"),
    ("Federal Reserve Chairman Jerome Powell said inflation was easing.",
     "Federal Reserve Chairman Jerome Powell", "Jerome Powell", "PERSON",
     "Federal Reserve Chairman"),
    ("Sen. John Doe said the bill would pass.", "Sen. John Doe", "John Doe", "PERSON", "Sen."),
    ("The Bank of England said rates would stay at five percent.",
     "The Bank of England", "Bank of England", "ORG", None),
    ("Anna Weber, the finance minister, said the deficit had narrowed.",
     "Anna Weber, the finance minister,", "Anna Weber", "PERSON", "finance minister"),
    ("Peter Vogel, 54, said the strike would go ahead.",
     "Peter Vogel, 54,", "Peter Vogel", "PERSON", None),
    ("Len Burman, head of the Tax Policy Center, said the plan was costly.",
     "Len Burman, head of the Tax Policy Center,", "Len Burman", "PERSON",
     "head of the Tax Policy Center"),
])
def test_titles_and_names(nlp, text, source, name, type_, role):
    cue = "said"
    content = text[text.index(cue) + len(cue) + 1:-1]
    s = speaker_of(nlp, text, source, cue, content)
    assert (s.name, s.type, s.role) == (name, type_, role)


def test_source_span_that_took_in_the_whole_clause(nlp):
    text = "Tom Ruiz, a spokesman for the port authority, said the ships were delayed."
    s = speaker_of(nlp, text, text, "said", "the ships were delayed")
    assert (s.name, s.role) == ("Tom Ruiz", "spokesman for the port authority")


def test_person_the_recogniser_calls_a_place_is_a_person(nlp):
    # en_core_web_sm labels "Marta Okafor" GPE here; a leading given name and
    # the relative "who" say it is a person, so "she" can resolve to her.
    text = ('"We are done waiting," said Marta Okafor, who leads the union. '
            '"Nobody wants a strike," she added.')
    first, second = enriched(nlp, text, ("Marta Okafor", "said", "We are done waiting"),
                             ("she", "added", "Nobody wants a strike"))
    assert first.speaker.type == "PERSON"
    assert second.speaker.name == "Marta Okafor"


def test_those_with_a_participle_keep_it(nlp):
    text = "Of the voters polled, those surveyed in March said the economy mattered most."
    s = speaker_of(nlp, text, "those surveyed in March", "said", "the economy mattered most")
    assert s.name == "those surveyed in March"


def test_a_name_ends_before_trailing_space(nlp):
    text = "By a wide margin, those surveyed  said the tax should go."
    s = speaker_of(nlp, text, "those surveyed ", "said", "the tax should go")
    assert s.name == "those surveyed"


def test_a_name_stops_at_the_line_break_before_it(nlp):
    text = ("Live updates from the count.\n\n4:15 p.m.\n\n"
            "More election officials said the count was slow.")
    s = speaker_of(nlp, text, "More election officials", "said", "the count was slow")
    assert s.name == "More election officials"


def test_a_list_number_on_its_own_line_is_not_part_of_the_name(nlp):
    """The recogniser sometimes takes in the number of a list item."""
    doc = Doc(nlp.vocab, words=["2", "\n", "Marisol", "Vega", "said", "so"],
              spaces=[False, False, True, True, True, False],
              pos=["NUM", "SPACE", "PROPN", "PROPN", "VERB", "ADV"],
              heads=[3, 0, 3, 4, 4, 4],
              deps=["nummod", "dep", "compound", "nsubj", "ROOT", "advmod"],
              ents=["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O"])
    assert describe_named(doc.ents[0]).name == "Marisol Vega"


def test_a_dateline_before_a_name_is_not_part_of_it(nlp):
    """The recogniser sometimes takes in the dateline: "OSLO - Ada Lund"."""
    doc = Doc(nlp.vocab, words=["OSLO", "-", "Ada", "Lund", "said", "so"],
              pos=["PROPN", "PUNCT", "PROPN", "PROPN", "VERB", "ADV"],
              heads=[3, 3, 3, 4, 4, 4], deps=["compound", "punct", "compound", "nsubj", "ROOT",
                                              "advmod"],
              ents=["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O"])
    assert describe_named(doc.ents[0]).name == "Ada Lund"


def test_a_hyphen_inside_a_name_stays(nlp):
    text = "The Anti-Fraud League said the audit was incomplete."
    s = speaker_of(nlp, text, "The Anti-Fraud League", "said", "the audit was incomplete")
    assert s.name == "Anti-Fraud League"


def test_an_outlet_before_a_person_in_one_recognised_name_is_the_role(nlp):
    """The recogniser reads "Channel Nine Maria Lopez" as one organisation."""
    text = "At the summit, Channel Nine Maria Lopez asked the mayor about the budget."
    s = speaker_of(nlp, text, "Channel Nine Maria Lopez", "asked", "about the budget")
    assert (s.name, s.type) == ("Maria Lopez", "PERSON")


def test_people_keep_the_clause_that_says_who_they_are(nlp):
    text = "People who have worked with the mayor say she rarely changes her mind."
    s = speaker_of(nlp, text, "People who have worked with the mayor", "say",
                   "she rarely changes her mind")
    assert s.name == "People who have worked with the mayor"


def test_a_name_after_a_titles_complement_is_the_title_holder(nlp):
    """The parser hangs "Ina Brandt" on "Institute", not on "director"."""
    text = ("The director of the Baltic Policy Institute, Ina Brandt, told reporters "
            "that the talks had failed.")
    s = speaker_of(nlp, text, "The director of the Baltic Policy Institute, Ina Brandt,",
                   "told", "that the talks had failed")
    assert s.name == "Ina Brandt"


def test_an_entity_of_punctuation_alone_does_not_crash(nlp):
    # The recogniser once labelled a vox-pop dash and a no-break space as a
    # PERSON ("―\xa0Julie A. Diaz Martinez."); its name must not be empty.
    doc = nlp("― Ana Costa said the rent was too high.")
    doc.ents = [doc.char_span(0, 1, label="PERSON")]
    mention = describe_named(doc.ents[0])
    assert mention.name and mention.span == (0, 1)


def test_a_given_name_alone_tells_the_gender(nlp):
    """Even where the recogniser calls the lone "David" an organisation."""
    doc = Doc(nlp.vocab, words=["David", "spoke"], pos=["PROPN", "VERB"], heads=[1, 1],
              deps=["nsubj", "ROOT"], ents=["B-ORG", "O"])
    mention = describe_named(doc.ents[0])
    assert (mention.type, mention.gender) == ("PERSON", "m")


def test_a_list_dash_glued_to_a_name_is_dropped(nlp):
    text = "Links of the day:\n\n-Marta Lindqvist explains why the count took so long."
    s = speaker_of(nlp, text, "-Marta Lindqvist", "explains", "why the count took so long")
    assert s.name == "Marta Lindqvist"


def test_an_owner_before_a_name_the_recogniser_missed_is_not_part_of_it(nlp):
    """The recogniser reads "Twitter's Malte Brekke" as a work of art."""
    text = '"What stuns me is how little changes," Twitter\'s Malte Brekke said.'
    assert [e.label_ for e in nlp(text).ents] == ["WORK_OF_ART"]  # the case covered
    [a] = enriched(nlp, text, ("Twitter's Malte Brekke", "said",
                               "What stuns me is how little changes,"))
    assert a.speaker.name == "Malte Brekke"


def test_an_owner_stays_before_a_common_noun(nlp):
    text = "China's foreign ministry said the talks would resume."
    s = speaker_of(nlp, text, "China's foreign ministry", "said", "the talks would resume")
    assert "ministry" in s.name and "China" in s.name


def test_general_staff_is_a_body_not_a_general_named_staff(nlp):
    text = "The General Staff said the ceasefire was holding in the region."
    s = speaker_of(nlp, text, "The General Staff", "said", "the ceasefire was holding in the region")
    assert s.name == "General Staff"


def test_whom_a_ranked_officer_speaks_for_beats_the_rank(nlp):
    text = ("The General Staff's spokesman, Colonel Tomas Rell, said the ceasefire was "
            "holding in the region.")
    s = speaker_of(nlp, text, "The General Staff's spokesman, Colonel Tomas Rell", "said",
                   "the ceasefire was holding in the region")
    assert s.name == "Tomas Rell" and "spokesman" in s.role


def test_a_name_parsed_into_its_title_s_complement_is_still_the_speaker(nlp):
    # the parser makes "Joost Vennel" a second object of "of" and "Minister" the subject
    text = ("The ministry spoke first.\n\nMinister of Maritime Affairs Joost Vennel said the "
            "vessel was in Lusovan waters.\n")
    s = speaker_of(nlp, text, "Minister of Maritime Affairs Joost Vennel", "said",
                   "the vessel was in Lusovan waters")
    assert (s.name, s.type, s.role) == ("Joost Vennel", "PERSON", "Minister of Maritime Affairs")
