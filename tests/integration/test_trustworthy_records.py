"""Records a reader may repeat: each class of error found in issue 12, with
several sentences of the class (written for these tests), end to end.

A wrong record is worse than a missing one, so most of these assert what
must NOT come out: a deed or a refusal as a statement, a relay phrase as a
second record, a speaker taken from a person whose office does not fit, a
content reaching into another paragraph or sentence.
"""

from __future__ import annotations

import pytest



def records(extract, text):
    return [(a.speaker.name if a.speaker else a.source_text, a.cue_text, a.content_text)
            for a in extract(text)]


@pytest.mark.parametrize("text", [
    "Governor Ines Calder signed the order on Friday.",
    "The prime minister visited the flooded villages of the Tarn valley on Sunday.",
    "Mayor Hugo Lindqvist opened the new tram line to Eastfield on Saturday.",
    "The two leaders met in Kessel on Wednesday for talks on energy and migration.",
])
def test_a_deed_is_no_record(extract, text):
    assert records(extract, text) == []


@pytest.mark.parametrize("text", [
    "The ministry declined to comment.",
    "The police press office did not respond to a request for comment on Wednesday.",
    "Niko Laine, a spokesman for the club, refused to say whether any officers had been "
    "suspended.",
    "A diplomat who asked not to be named said the vote would be held on Tuesday.",
])
def test_a_refusal_is_no_record(extract, text):
    found = records(extract, text)
    assert all(cue.lower() not in ("declined", "refused", "refused to say", "asked",
                                   "did not respond to") for _, cue, _ in found), found
    assert len(found) == text.count(" said ")


@pytest.mark.parametrize("text, speaker, cited", [
    ("The agency Norpress, quoting a senior police officer, said that four suspects had "
     "been detained.", "Norpress", "senior police officer"),
    ("In a message on its Telegram channel, the Belovan news agency Krasna, citing the "
     "defence minister's aide Ruslan Orr, said that the strikes would continue.",
     "Krasna", "Ruslan Orr"),
    ("The state news agency Vesna reported on Monday, citing the defence ministry, that two "
     "patrol vessels had been moved to the northern coast.", "Vesna", "defence ministry"),
])
def test_a_relay_is_cited_and_no_record_of_its_own(extract, text, speaker, cited):
    [found] = extract(text)
    assert found.speaker.name == speaker
    assert [c.name for c in found.cited] == [cited]
    assert cited not in found.content_text


def test_the_core_readout_shape_has_its_channel_and_relay(extract):
    text = ("In a post on Telegram, the Ostranian news agency Vesna, citing the presidential "
            "office spokesman Ivo Tark, said that \u201cno talks are planned.\u201d")
    [found] = extract(text)
    assert (found.speaker.name, found.channel) == ("Vesna", "In a post on Telegram")
    assert [c.name for c in found.cited] == ["Ivo Tark"]
    assert "Telegram" not in found.source_text


@pytest.mark.parametrize("text, nominal", [
    ("Governor Ines Calder signed the order on Friday.\n\n"
     "The health inspector said the water was safe to drink.", "health inspector"),
    ("Finance Minister Ada Kale presented the budget on Monday.\n\n"
     "The driver said the bus had not slowed down before the bend.", "driver"),
    ("Mayor Hugo Lindqvist opened the new bridge.\n\n"
     "A witness said the crowd had been told to leave.", "witness"),
])
def test_a_nominal_whose_role_does_not_fit_stays_as_written(extract, text, nominal):
    [found] = extract(text)
    assert found.speaker.name == nominal and found.speaker.named is False


@pytest.mark.parametrize("text, channel", [
    ("The head of the teachers' union, Olaf Brink, told the Morning Star that classes would "
     "move online.", "the Morning Star"),
    ("Speaking at a news conference in Varne, the interior minister, Paul Dekker, said the "
     "border would stay closed.", "at a news conference"),
    ("In a video posted on Instagram, the singer Mara Lune said she would cancel the tour.",
     "In a video posted on Instagram"),
    ("The central bank assured investors on Monday that the currency would hold.", "investors"),
])
def test_the_channel_is_its_own_role(extract, text, channel):
    [found] = extract(text)
    assert found.channel == channel
    assert channel not in found.content_text and channel not in found.source_text


def test_the_speaker_of_a_lead_in_clause_is_found(extract):
    text = ("Speaking at a news conference in Varne, the interior minister, Paul Dekker, said "
            "the border would stay closed.")
    [found] = extract(text)
    assert (found.speaker.name, found.speaker.role) == ("Paul Dekker", "interior minister")


@pytest.mark.parametrize("text, she", [
    ("Piet Aalders opened the new library on Monday.\n\n\u201cMaybe never,\u201d she said.", "she"),
    ("Greta Sorensen runs the bakery.\n\nPiet Aalders said the rent had doubled.\n\n"
     "\u201cMaybe never,\u201d she said.", "Greta Sorensen"),
])
def test_a_pronoun_agrees_in_gender_or_stays_a_pronoun(extract, text, she):
    found = extract(text, min_confidence=0)
    assert found[-1].speaker.name == she
    # at the default threshold an unresolved pronoun may be left out, never given to him
    assert all(a.speaker.name != "Piet Aalders" for a in extract(text)
               if a.content_text.startswith("Maybe"))


def test_an_embedded_statement_is_a_record_with_its_parent(extract):
    text = "Lena Weber said the mayor had stressed that the city could not afford a long dispute."
    outer, inner = extract(text)
    assert (outer.speaker.name, inner.cue_text, inner.parent) == ("Lena Weber", "stressed", 0)
    assert inner.content_text.startswith("that the city could not afford")


def test_a_thought_inside_the_content_is_no_second_record(extract):
    text = "Senator Abel Moreno said he thought the bill would pass in the spring."
    assert len(extract(text)) == 1


@pytest.mark.parametrize("text, content", [
    ("Police spokeswoman Hanna Ruud said officers had recovered a handgun. No arrests have "
     "been made.", "officers had recovered a handgun"),
    ("Two men were detained late on Saturday. According to police, they were carrying "
     "forged passports.", "they were carrying forged passports"),
])
def test_an_unquoted_content_stays_in_its_sentence(extract, text, content):
    [found] = extract(text)
    assert found.content_text.rstrip(".") == content


@pytest.mark.parametrize("text, content", [
    ("VARNE, Ostrania (Norpress) \u2014 The Ostranian government said on Monday it would "
     "raise the minimum wage by 12 percent.", "it would raise the minimum wage by 12 percent"),
    ("SELM, Ostrania, May 12 (Norpress) \u2014 Rescue teams pulled two more survivors from "
     "the rubble, the regional emergency service said.",
     "Rescue teams pulled two more survivors from the rubble"),
])
def test_the_dateline_and_the_day_of_saying_are_not_what_was_said(extract, text, content):
    [found] = extract(text)
    assert found.content_text.rstrip(".") == content


def test_a_content_never_reaches_into_the_next_paragraph(extract):
    text = ("Transport Minister Ada Kale spoke to the Varne Herald.\n\n"
            "Q: When will the trains run again?\n\n"
            "KALE: I hope by Monday. The unions have our offer.\n\n"
            "Q: Will you raise it?\n\n"
            "KALE: No. We have gone as far as we can.")
    found = extract(text)
    assert [(a.speaker.name, a.cue_text) for a in found] == [("Ada Kale", ":")] * 2
    assert [a.content_text for a in found] == ["I hope by Monday. The unions have our offer.",
                                               "No. We have gone as far as we can."]


def test_an_interviews_answers_are_the_interviewees(extract):
    text = ("The following is an edited interview with Dr. Samuel Mensah, director of the "
            "National Institute of Oceanography.\n\n"
            "Q: How bad is it?\n\n"
            "A: The spawning stock is at its lowest level since records began.")
    [found] = extract(text)
    assert (found.speaker.name, found.cue_text) == ("Samuel Mensah", ":")


def test_a_headline_speaker_is_the_one_the_article_names(extract):
    text = ("Housing plan will cut rents, mayor says\n\n"
            "Mayor Ines Calder said on Monday that her plan to build 5,000 council flats would "
            "cut average rents by a fifth.")
    headline, body = extract(text)
    assert (headline.speaker.name, headline.content_text) == ("Ines Calder",
                                                              "Housing plan will cut rents")
    assert "Mayor Ines Calder" not in headline.content_text and body.parent is None


def test_quoted_as_saying_gives_what_was_said(extract):
    text = ("The Kessel Times quoted Energy Minister Piet Ruys as saying the Tarn pipeline "
            "would be finished by the end of 2027.")
    [found] = extract(text)
    assert found.speaker.name == "Kessel Times" and [c.name for c in found.cited] == ["Piet Ruys"]
    assert found.content_text == "the Tarn pipeline would be finished by the end of 2027"


def test_every_record_has_a_confidence_and_the_threshold_filters(extract):
    text = ("Governor Ines Calder said the dam had held.\n\n"
            "Tarsia and Valdor offered sharply different versions of the call on Wednesday.")
    everything = extract(text, min_confidence=0)
    assert len(everything) == 2 and all(0 <= a.confidence <= 1 for a in everything)
    low, high = sorted(a.confidence for a in everything)
    assert low < high  # a noun phrase after a word seldom a cue scores below a statement
    kept = extract(text, min_confidence=(low + high) / 2)
    assert [a.speaker.name for a in kept] == ["Ines Calder"]


@pytest.mark.parametrize("text, name", [
    ("Obama Says Trump Unfit to Serve\n\nPresident Barack Obama said on Tuesday that the "
     "race was far from over.", "Barack Obama"),
    ("Calder Warns of Flood Cuts\n\nGovernor Ines Calder said on Monday that she would fight "
     "the cuts.", "Ines Calder"),
])
def test_a_headline_verb_is_never_part_of_a_name(extract, text, name):
    found = extract(text, min_confidence=0)
    assert all(not a.speaker.name.endswith(("Says", "Warns")) for a in found)
    assert found[-1].speaker.name == name


def test_a_title_met_before_its_only_holder_is_named_is_that_holder(extract):
    text = ("Lena Weber said the mayor had stressed that the city could not afford a long "
            "dispute.\n\nMayor Ivo Brandt struck a more conciliatory tone on Tuesday.")
    outer, inner = extract(text)
    assert (inner.cue_text, inner.speaker.name) == ("stressed", "Ivo Brandt")


def test_two_holders_of_the_title_leave_it_as_written(extract):
    text = ("Lena Weber said the mayor had stressed that the city could not afford a long "
            "dispute.\n\nMayor Ivo Brandt and the former mayor, Mayor Anna Sutter, met on "
            "Tuesday.")
    inner = [a for a in extract(text) if a.cue_text == "stressed"][0]
    assert inner.speaker.name == "mayor" and inner.speaker.named is False


def test_a_story_sentence_before_a_quote_is_not_the_quote(extract):
    text = ("Mayor Ivo Brandt struck a more conciliatory tone in a post on X. \"The dockworkers "
            "keep this city running,\" he wrote.")
    [found] = extract(text)
    assert found.content_text == "\"The dockworkers keep this city running,\""


@pytest.mark.parametrize("text, speaker, channel, cited, content", [
    ("Krasna said in a post on Telegram, citing the presidential office spokesman Ana Vell, "
     "that President Teodor Marek would not attend next week's summit in Loran.",
     "Krasna", "in a post on Telegram", "Ana Vell",
     "President Teodor Marek would not attend next week's summit in Loran"),
    ("The news agency Baltor reported on its Telegram channel, citing the prime minister's "
     "spokesman Lev Danek, that the cabinet would meet in emergency session on Sunday.",
     "Baltor", "on its Telegram channel", "Lev Danek",
     "the cabinet would meet in emergency session on Sunday"),
])
def test_the_agency_relay_shape_after_its_verb(extract, text, speaker, channel, cited, content):
    [found] = extract(text)
    assert (found.speaker.name, found.cue_text, found.channel) == (speaker, found.cue_text, channel)
    assert found.cue_text in ("said", "reported")
    assert [c.name for c in found.cited] == [cited] and found.content_text == content


@pytest.mark.parametrize("text, speaker", [
    ("Piet Aalders, 54, was sacked as manager of FC Harrow on Sunday.\n\nThe 54-year-old told "
     "the Kessel Times he had been given no time at all to rebuild the squad.", "Piet Aalders"),
    ("Saskia Brandt, 61, lost her home in the February floods.\n\nThe 61-year-old said she "
     "was still waiting for the insurance payout.", "Saskia Brandt"),
    ("Piet Aalders, 54, and Jan Mols, 54, were sacked on Sunday.\n\nThe 54-year-old said he had "
     "been given no time at all.", "54-year-old"),
    ("Piet Aalders was sacked on Sunday.\n\nThe 54-year-old said he had been given no time.",
     "54-year-old"),
])
def test_an_age_resolves_only_to_the_one_person_of_that_age(extract, text, speaker):
    found = extract(text, min_confidence=0)
    assert found[-1].speaker.name == speaker


@pytest.mark.parametrize("text", [
    "The city council approved a new parking scheme for the old town on Tuesday.",
    "The bridge was shut in September after inspectors found cracks in two of its piers.",
    "The last increase, in January, added about 40 crowns to an average monthly bill.",
    "Lawmakers voted 212 to 97 on Thursday to approve a new defence budget.",
    "The bill passed the state assembly last week by a margin of four votes.",
    "The union rejected the latest pay offer on Thursday.",
    "Judge Helena Marsh ordered the release of the three activists on Thursday.",
])
def test_a_verb_with_a_thing_done_for_its_object_is_no_record(extract, text):
    assert records(extract, text) == []


@pytest.mark.parametrize("text, speaker, content", [
    ("Coach Ivan Sela dismissed reports that he was about to leave the club.",
     "Ivan Sela", "he was about to leave the club"),
    ("The Finance Ministry rejected claims that it was preparing to devalue the crown.",
     "Finance Ministry", "it was preparing to devalue the crown"),
])
def test_a_verb_of_two_senses_taking_something_said_is_a_record(extract, text, speaker,
                                                                  content):
    [(name, _, said)] = records(extract, text)
    assert name == speaker and content in said


@pytest.mark.parametrize("text", [
    "Asked whether he would resign over the scandal, Sports Minister Ilir Basha said: "
    "\"No. I have done nothing wrong.\"",
    "Asked whether the airline would cancel more flights, Skyvar's chief executive, Ana Duarte, "
    "refused to say.",
])
def test_the_reporters_question_is_no_record_of_the_one_asked(extract, text):
    assert all(cue != "Asked" for _, cue, _ in records(extract, text))


@pytest.mark.parametrize("text, speaker, content", [
    ("Dock strike to continue, union says\n\nThe Harl Dockworkers' Union said on Sunday its "
     "members would stay on strike.", "Harl Dockworkers' Union", "Dock strike to continue"),
    ("Hospital waiting lists at record high, health minister says\n\nWaiting lists have "
     "reached their highest level since records began, Health Minister Dara Quinn said on "
     "Tuesday.", "Dara Quinn", "Hospital waiting lists at record high"),
    ("Central bank: rates to stay on hold through summer\n\nThe Ostranian Central Bank said on "
     "Thursday it would keep its main rate at 5.25 percent.", "Ostranian Central Bank",
     "rates to stay on hold through summer"),
    ("Minister: gas talks with Belova to resume next week\n\nEnergy Minister Kamil Rost said "
     "talks on gas supplies would resume next Tuesday.", "Kamil Rost",
     "gas talks with Belova to resume next week"),
])
def test_a_headline_says_who_said_it_and_the_story_names_them(extract, text, speaker, content):
    first = extract(text)[0]
    assert first.content_text == content
    assert first.speaker.name == speaker
    assert first.speaker.resolved_by == "title"


@pytest.mark.parametrize("text, surname, full", [
    # "Ines Calder" and "Valdoran President Ivo Stenk" are tagged PRODUCT and
    # WORK_OF_ART by the small model: still people, known later by surname
    ("Mayor Ines Calder said on Monday that her plan would cut rents.\n\n\u201cNobody should "
     "spend half their wage on a roof,\u201d Calder told a meeting of tenants.", "Calder",
     "Ines Calder"),
    ("Stenk says Valdor will not join the alliance\n\nValdoran President Ivo Stenk said on "
     "Saturday that his country would stay out of the alliance.", "Stenk", "Ivo Stenk"),
])
def test_a_surname_is_the_person_named_in_full_whatever_the_recogniser_typed(
        extract, text, surname, full):
    by_surname = next(a for a in extract(text) if a.source_text == surname)
    assert by_surname.speaker.name == full


@pytest.mark.parametrize("text, said_in_clause, said_outside", [
    ("The striker Joao Matos, who told reporters on Friday that he was fully fit, was left out "
     "of the squad.", "he was fully fit", None),
    ("Health Minister Ngozi Eze, who said last week that she would resign if the bill failed, "
     "told parliament on Tuesday that she had changed her mind.",
     "that she would resign if the bill failed", "that she had changed her mind"),
    ("The Ostranian Aid Society, which said on Monday that it had run out of tents, has sent "
     "40 lorries of food to the flooded region.", "that it had run out of tents", None),
])
def test_a_relative_clause_is_a_statement_of_its_own(extract, text, said_in_clause,
                                                      said_outside):
    contents = [a.content_text for a in extract(text)]
    assert any(c.endswith(said_in_clause) for c in contents)
    if said_outside:
        assert any(c.rstrip(".") == said_outside for c in contents)
    assert not any(c.startswith("The ") or "has sent" in c or "was left out" in c
                   for c in contents)


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("At a briefing, government spokeswoman Ines Calder said Prime Minister Hana Ostrova had "
     "told Vol that the seizure was \u201can act of piracy.\u201d", "Hana Ostrova", "told",
     "that the seizure was \u201can act of piracy"),
    ("The Belovan Foreign Ministry said Minister Petra Lind had \u201cstressed the need for an "
     "early resumption of grain shipments.\u201d", "Petra Lind", "stressed",
     "the need for an early resumption of grain shipments"),
    ("Councillor Mei Tanaka says the developer has promised residents that no trees will be "
     "cut down in Linden Park.", "developer", "promised",
     "that no trees will be cut down in Linden Park"),
])
def test_a_statement_inside_a_readout_is_a_record_of_its_own(extract, text, speaker, cue,
                                                              content):
    embedded = next(a for a in extract(text) if a.cue_text == cue)
    assert embedded.speaker.name == speaker
    assert embedded.content_text.rstrip(".\u201d") == content
    assert embedded.parent is not None


def test_what_an_embedded_speaker_did_is_no_statement(extract):
    found = extract("Mayor Rui Alves said the inspectors had found cracks in two of its piers.")
    assert [a.cue_text for a in found] == ["said"]


@pytest.mark.parametrize("text, source, speaker", [
    # "the premier" and a lower-case "prime minister" the tagger called a
    # proper noun are the Prime Minister named before
    ("Prime Minister Leo Varga flew to Brenmark on Tuesday.\n\nAfter the talks, the premier "
     "said both sides had agreed on the route.", "the premier", "Leo Varga"),
    ("Prime Minister Leo Varga flew to Brenmark on Tuesday.\n\n\u201cWe are close,\u201d the "
     "prime minister said.", "the prime minister", "Leo Varga"),
    # a firm the recogniser typed PERSON, which its own clause calls "its"
    ("Dalmar Foods halted deliveries from its Coldby plant after a fault.\n\n\"Shipments will "
     "resume on Monday,\" the company said in a statement.", "the company", "Dalmar Foods"),
    ("Keller Marine said on Tuesday that it was close to completing its purchase of the "
     "shipyard.\n\nThe company said the deal would be signed within days.", "The company",
     "Keller Marine"),
    ("Velta Motors is recalling 86,000 cars because of a fault in the brakes.\n\nThe carmaker "
     "said no accidents had been reported.", "The carmaker", "Velta Motors"),
    # a person the recogniser typed ORG, whom the clause calls "his"
    ("Haruto Sato opened his first noodle bar in Kessel in 2009.\n\nSato, 47, said the problem "
     "had been fixed.", "Sato, 47", "Haruto Sato"),
    # a person typed ORG behind a title
    ("Ostranian President Amal Reyes and Valdoran President Ivo Stenk spoke by telephone.\n\n"
     "Stenk told Reyes that Valdor would not accept the plan.", "Stenk", "Ivo Stenk"),
])
def test_a_later_mention_finds_the_one_named_before(extract, text, source, speaker):
    record = next(a for a in extract(text) if a.source_text == source)
    assert record.speaker.name == speaker


def test_a_pronoun_after_an_unnamed_speaker_is_that_speaker_as_written(extract):
    text = ("Opposition MP Gareth Lowe attended the inquest into the death of Samuel Idowu.\n\n"
            "The coroner said Idowu had died of a heart condition. She said officers could not "
            "have known about it.")
    found = extract(text, min_confidence=0)
    assert [a.speaker.name for a in found] == ["coroner", "coroner"]
    assert found[1].speaker.resolved_by == "pronoun"


@pytest.mark.parametrize("text, speaker, cited, content", [
    ("A senior army officer, quoted by Norpress, said the offensive near Kesh had stalled.",
     "Norpress", ["senior army officer"], "the offensive near Kesh had stalled"),
    ("Rachel Oyelaran, the regional police chief, was quoted by the Dresk Gazette as saying "
     "that the two men had been under surveillance for months.", "Dresk Gazette",
     ["Rachel Oyelaran"], "that the two men had been under surveillance for months"),
    ("A spokesman for the prime minister, Karel Ott, was quoted by the Varne Herald as saying "
     "the cabinet would meet on Sunday.", "Varne Herald", ["Karel Ott"],
     "the cabinet would meet on Sunday"),
    # no outlet named: the one quoted speaks
    ("The owner of Dynamo Brask, Vance Morrow, was quoted as saying he would not sell the club.",
     "Vance Morrow", [], "he would not sell the club"),
])
def test_a_passive_quote_is_one_record_through_whoever_quoted(extract, text, speaker, cited,
                                                               content):
    [record] = extract(text)
    assert record.speaker.name == speaker
    assert [c.name for c in record.cited] == cited
    assert record.content_text.rstrip(".") == content


@pytest.mark.parametrize("text, cited", [
    ("State broadcaster VTV, citing the presidency's readout, said Stenk had assured Brandt "
     "that Valdor would repay the loan.", ["presidency"]),
    ("The daily Kurier Holm, quoting an internal company memo, said the carmaker would move "
     "production to Lusova.", ["internal company memo"]),
    ("The Valdor Post, citing the news agency Krasna, which in turn quoted a spokesman for the "
     "port authority, said that the grain terminal at Osk had reopened.",
     ["Krasna", "spokesman for the port authority"]),
])
def test_the_relay_chain_names_documents_their_issuers_and_every_link(extract, text, cited):
    first = extract(text)[0]
    assert [c.name for c in first.cited] == cited


def test_the_one_quoted_first_is_cited_not_said(extract):
    text = ("\u2018The situation on the border is fully under control,\u2019 the Meridia news "
            "agency quoted a senior border guard official as saying on Sunday.")
    [record] = extract(text)
    assert "official" not in record.content_text
    assert [c.name for c in record.cited] == ["senior border guard official"]


def test_a_colon_after_the_one_told_is_no_second_record(extract):
    text = ("The conductor of the Kessel Philharmonic, Mateo Ferri, told the Kessel Times: "
            "\u2018We have lost a third of our funding in two years.\u2019")
    [record] = extract(text)
    assert (record.speaker.name, record.cue_text, record.channel) == (
        "Mateo Ferri", "told", "the Kessel Times")


@pytest.mark.parametrize("text", [
    "The striker, nicknamed \u201cthe Rocket\u201d by fans in Kessel, scored twice on Saturday.",
    "The old bridge, known locally as \u201cthe Widowmaker\u201d, will be demolished in May.",
])
def test_what_a_thing_is_called_is_no_statement(extract, text):
    assert records(extract, text) == []


def test_an_honorific_of_the_other_sex_is_not_the_namesake(extract):
    text = ("Ngozi Okafor and her husband, Emeka, have fostered 23 children at their home.\n\n"
            "Mrs Okafor said the cuts had left many carers close to giving up. Mr Okafor said "
            "the couple would continue regardless.")
    mrs, mr = extract(text)
    assert mrs.speaker.name == "Ngozi Okafor"
    assert mr.speaker.name == "Mr Okafor"  # never her; and not a bare "Okafor" either


def test_a_possessive_nobody_resolved_names_no_one(extract):
    text = ("For 20 years, Lars Ekdahl and his sister ran the family sawmill together.\n\n"
            "\u201cIt was our grandfather's,\u201d she says. Her brother says her argument is "
            "\u201csentimental nonsense.\u201d")
    names = [a.speaker.name for a in extract(text, min_confidence=0)]
    assert not any("she's" in n for n in names)


@pytest.mark.parametrize("text", [
    "\u201cShe has a point,\u201d he said later. He laughed when told of the remark.",
    "The coach was told of the decision on Friday morning.",
])
def test_the_one_told_is_not_the_one_speaking(extract, text):
    assert all(a.cue_text not in ("told of", "told", "was told") for a in extract(text))


def test_whoever_told_someone_in_the_passive_speaks(extract):
    [record] = extract("The minister was told by officials that the bridge was unsafe.")
    assert (record.speaker.name, record.content_text) == ("officials",
                                                          "that the bridge was unsafe")


def test_a_content_of_function_words_alone_is_the_clause(extract):
    [record] = extract("Foreign Minister Ayla Demir said the talks with Tollis would resume "
                       "after the holidays. The last round ended without agreement.")
    assert record.content_text == "the talks with Tollis would resume after the holidays"


@pytest.mark.parametrize("text, channel", [
    ("Speaking to the Kessel Times, the head of the farmers' federation, Jan Holtz, said the "
     "drought had destroyed a third of the harvest.", "to the Kessel Times"),
    ("Speaking in parliament, Prime Minister Idris Kalu said his government would not raise "
     "income tax.", "in parliament"),
    ("Testifying before the parliamentary inquiry on Wednesday, the former health secretary, "
     "Grace Ndlovu, said the plans had not been funded.", "before the parliamentary inquiry"),
    ("Speaking on Monday, the mayor said the bridge would reopen.", None),
])
def test_where_a_speaking_participle_says_the_words_went_is_the_channel(extract, text,
                                                                         channel):
    [record] = extract(text)
    assert record.channel == channel


@pytest.mark.parametrize("text", [
    "A spokeswoman said the case showed that \u201cnobody is above the law\u201d.",
    "The minister said the result proved that the reform had worked.",
])
def test_an_embedded_clause_needs_a_subject_that_can_speak(extract, text):
    assert [a.cue_text for a in extract(text)] == ["said"]


def test_an_unspaced_dash_in_the_story_does_not_hide_its_dateline(extract):
    [record] = extract("KESSEL, Ostrania (Norpress) \u2014 Fares on the Kessel\u2013Holm ferry will "
                       "rise by 12 percent in March, the operator Baltline said on Thursday.")
    assert record.content_text.startswith("Fares on the Kessel\u2013Holm ferry")
