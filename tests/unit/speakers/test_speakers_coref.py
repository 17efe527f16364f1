"""Pronouns, "the minister" and bare surnames resolved across sentences."""

from spacy.tokens import Doc
from speakers_helpers import enriched, span

from sayso.model import Attribution
from sayso.speakers import enrich


def test_pronoun_in_next_sentence_takes_the_last_speaker(nlp):
    text = ("Finance Minister Anna Weber said the budget would be balanced. "
            "She added that no new taxes were planned.")
    first, second = enriched(
        nlp, text,
        ("Finance Minister Anna Weber", "said", "the budget would be balanced"),
        ("She", "added", "that no new taxes were planned"))
    assert second.speaker.name == "Anna Weber"
    assert second.speaker.role == "Finance Minister"
    assert span(text, "She")[0] in second.speaker.mentions
    assert first.speaker == second.speaker


def test_he_and_she_pick_different_people(nlp):
    text = ("Anna Weber met Tom Ruiz, the head of the port authority, on Monday. "
            "“We agreed on a plan,” Weber said after the meeting. "
            "He said the port would reopen within a week. "
            "She told reporters that the costs would be shared.")
    weber, he, she = enriched(
        nlp, text,
        ("Weber", "said", "We agreed on a plan,"),
        ("He", "said", "the port would reopen within a week"),
        ("She", "told", "that the costs would be shared"))
    assert weber.speaker.name == "Anna Weber"
    assert he.speaker.name == "Tom Ruiz"
    assert he.speaker.role == "head of the port authority"
    assert she.speaker.name == "Anna Weber"


def test_honorific_decides_gender(nlp):
    text = ("Ms. Okafor and Mr. Lindqvist spoke at the hearing on Tuesday. "
            "He said the contract had been signed too quickly.")
    [a] = enriched(nlp, text, ("He", "said", "the contract had been signed too quickly"))
    assert a.speaker.name == "Lindqvist"
    assert a.speaker.type == "PERSON"


def test_pronoun_prefers_the_preceding_speaker_over_a_nearer_name(nlp):
    text = ("Tom Ruiz said the ships had waited for days near Peter Vogel's terminal. "
            "He added that the delays would cost millions.")
    _, added = enriched(
        nlp, text,
        ("Tom Ruiz", "said", "the ships had waited for days near Peter Vogel's terminal"),
        ("He", "added", "that the delays would cost millions"))
    assert added.speaker.name == "Tom Ruiz"


def test_pronoun_skips_a_name_that_is_not_a_subject(nlp):
    text = ("Tom Ruiz said the port would reopen in March. "
            "The quay was built by John Smith in 1950. "
            "He added that repairs would take a month.")
    _, added = enriched(nlp, text,
                        ("Tom Ruiz", "said", "the port would reopen in March"),
                        ("He", "added", "that repairs would take a month"))
    assert added.speaker.name == "Tom Ruiz"


def test_pronoun_is_not_the_object_in_its_own_sentence(nlp):
    text = ("John Smith said the quay was old. "
            "After meeting Tom Ruiz on Monday, he said repairs would start soon.")
    _, second = enriched(nlp, text,
                         ("John Smith", "said", "the quay was old"),
                         ("he", "said", "repairs would start soon", "he said"))
    assert second.speaker.name == "John Smith"


def test_known_gender_in_the_same_sentence_beats_an_unknown_subject(nlp):
    """Nothing tells whether Lee Park is a he or a she; Maria Costa is a she."""
    text = "Governor Lee Park said Maria Costa was reckless after she criticised the police."
    _, criticised = enriched(nlp, text,
                             ("Governor Lee Park", "said", "Maria Costa was reckless"),
                             ("she", "criticised", "the police"))
    assert criticised.speaker.name == "Maria Costa"


def test_speaker_of_the_previous_sentence_beats_a_known_gender(nlp):
    text = ("Governor Lee Park blasted Tom Ruiz on Wednesday. "
            "“It is a disgrace,” he said.")
    _, said = enriched(nlp, text,
                       ("Governor Lee Park", "blasted", "Tom Ruiz"),
                       ("he", "said", "It is a disgrace,"))
    assert said.speaker.name == "Lee Park"


def test_a_resolved_pronoun_does_not_fix_a_gender(nlp):
    """A wrong "she" must not send every later "he" elsewhere."""
    text = ("Lee Park met the traders on Monday. She said the market would stay open. "
            "He said the rents would not rise.")
    _, _, he = enriched(nlp, text,
                        ("Lee Park", "met", "the traders"),
                        ("She", "said", "the market would stay open"),
                        ("He", "said", "the rents would not rise"))
    assert he.speaker.name == "Lee Park"


def test_chain_of_pronouns_stays_with_one_speaker(nlp):
    text = ("Maria Lopez runs a fish market near the docks. "
            "She said her takings had fallen by a third. "
            "The port has been half empty since the spring. "
            "She said she might close the stall in the winter.")
    first, second = enriched(
        nlp, text,
        ("She", "said", "her takings had fallen by a third"),
        ("She", "said", "she might close the stall in the winter", "She said she might"))
    assert first.speaker.name == second.speaker.name == "Maria Lopez"
    assert len(second.speaker.mentions) == 3  # the name and both pronouns


def test_they_refers_to_an_organisation(nlp):
    text = ("The union said its members would vote on Thursday. "
            "They said a strike was likely.")
    _, they = enriched(nlp, text,
                       ("The union", "said", "its members would vote on Thursday"),
                       ("They", "said", "a strike was likely"))
    assert (they.speaker.name, they.speaker.type) == ("union", "ORG")


def test_unresolvable_pronoun_keeps_the_pronoun(nlp):
    text = "He said the decision was final."
    [a] = enriched(nlp, text, ("He", "said", "the decision was final"))
    assert (a.speaker.name, a.speaker.type) == ("he", "PERSON")
    assert a.speaker.mentions == span(text, "He")


def test_they_with_no_antecedent_is_other(nlp):
    text = "They said the road would stay closed."
    [a] = enriched(nlp, text, ("They", "said", "the road would stay closed"))
    assert (a.speaker.name, a.speaker.type) == ("they", "OTHER")


def test_nominal_takes_the_name_with_that_title(nlp):
    text = ("Finance Minister Anna Weber visited the harbour on Monday. "
            "The minister said the budget cuts would be reviewed.")
    [a] = enriched(nlp, text, ("The minister", "said", "the budget cuts would be reviewed"))
    assert (a.speaker.name, a.speaker.role) == ("Anna Weber", "Finance Minister")
    assert span(text, "The minister")[0] in a.speaker.mentions


def test_nominal_modifiers_choose_between_two_ministers(nlp):
    text = ("Finance Minister Anna Weber and Foreign Minister Karl Brandt arrived in Brussels. "
            "The foreign minister said the talks would be difficult. "
            "The finance minister said the money was ready.")
    foreign, finance = enriched(
        nlp, text,
        ("The foreign minister", "said", "the talks would be difficult"),
        ("The finance minister", "said", "the money was ready"))
    assert foreign.speaker.name == "Karl Brandt"
    assert finance.speaker.name == "Anna Weber"


def test_the_president_is_not_the_vice_president(nlp):
    text = ("President Maria Costa met Vice President Paul Dorn on Friday. "
            "The president said the meeting had been useful.")
    [a] = enriched(nlp, text, ("The president", "said", "the meeting had been useful"))
    assert a.speaker.name == "Maria Costa"


def test_nominal_matches_an_apposition_role(nlp):
    text = ("Tom Ruiz, a spokesman for the port authority, met the traders. "
            "The spokesman said the quay would be repaired.")
    [a] = enriched(nlp, text, ("The spokesman", "said", "the quay would be repaired"))
    assert a.speaker.name == "Tom Ruiz"


def test_nominal_without_antecedent_stays_as_written(nlp):
    text = "The mayor said the bridge was safe."
    [a] = enriched(nlp, text, ("The mayor", "said", "the bridge was safe"))
    assert (a.speaker.name, a.speaker.type, a.speaker.role) == ("mayor", "PERSON", None)


def test_surname_takes_the_full_name(nlp):
    text = ("Anna Weber became finance minister in 2021. "
            "Weber said on Friday that the deficit had narrowed.")
    [a] = enriched(nlp, text, ("Weber", "said", "that the deficit had narrowed", "Weber said"))
    assert (a.speaker.name, a.speaker.type) == ("Anna Weber", "PERSON")
    assert a.speaker.mentions == span(text, "Anna Weber") + span(text, "Weber", "Weber said")


def test_role_learned_once_carries_to_later_mentions(nlp):
    text = ("Opposition leader Karl Brandt spoke in parliament on Wednesday. "
            "Brandt said the cuts were a mistake.")
    [a] = enriched(nlp, text, ("Brandt", "said", "the cuts were a mistake", "Brandt said"))
    assert (a.speaker.name, a.speaker.role) == ("Karl Brandt", "Opposition leader")


def test_relative_pronoun_source_is_its_antecedent(nlp):
    text = "The plan was welcomed by Jonas Berg, who said it would save the port."
    [a] = enriched(nlp, text, ("who", "said", "it would save the port"))
    assert a.speaker.name == "Jonas Berg"


def test_same_speaker_objects_share_mentions(nlp):
    text = ("Peter Vogel chairs the dock workers' union. "
            "Vogel said a strike was possible. "
            "He told reporters the members would vote on Thursday.")
    first, second = enriched(nlp, text,
                             ("Vogel", "said", "a strike was possible", "Vogel said"),
                             ("He", "told", "the members would vote on Thursday"))
    assert first.speaker.mentions == second.speaker.mentions
    assert first.speaker.mentions == sorted(
        span(text, "Peter Vogel") + span(text, "Vogel", "Vogel said") + span(text, "He"))


def test_relative_pronoun_source_when_the_clause_is_misparsed(nlp):
    text = ("To check the figures, they turned to the Chicago Police Department which "
            "reported “2,521 shooting incidents” in the city this year.")
    [a] = enriched(nlp, text, ("which", "reported", "“2,521 shooting incidents”"))
    assert (a.speaker.name, a.speaker.type) == ("Chicago Police Department", "ORG")


def test_double_surname_joins_the_full_name_given_earlier(nlp):
    text = ("Mexico's economy minister, Ildefonso Guajardo Villarreal, met investors on Monday. "
            "The minister of the economy, Mr. Guajardo Villarreal, argues there is little point "
            "in responding now. Mr. Guajardo said the talks would go on.")
    first, second = enriched(nlp, text,
                             ("Mr. Guajardo Villarreal", "argues", "there is little point"),
                             ("Mr. Guajardo", "said", "the talks would go on", "responding now"))
    assert first.speaker.name == second.speaker.name == "Ildefonso Guajardo Villarreal"


def test_two_people_sharing_a_surname_stay_apart(nlp):
    text = ("Anna Weber and Karl Weber run rival firms. Anna Weber said prices would fall. "
            "Karl Weber said they would rise.")
    first, second = enriched(nlp, text, ("Anna Weber", "said", "prices would fall"),
                             ("Karl Weber", "said", "they would rise"))
    assert (first.speaker.name, second.speaker.name) == ("Anna Weber", "Karl Weber")


def test_bare_surname_means_the_person_introduced_first(nlp):
    text = ("Hillary Clinton left the memorial early on Sunday. She rested at the apartment of "
            "her daughter, Chelsea Clinton, in Manhattan. Clinton said on Monday that she felt "
            "much better.")
    [a] = enriched(nlp, text, ("Clinton", "said", "that she felt much better", "Manhattan"))
    assert a.speaker.name == "Hillary Clinton"


def test_an_epithet_in_a_quote_does_not_become_the_name(nlp):
    text = ('He says, "Working that room was a lot harder than beating Crooked Hillary Clinton." '
            "Hillary Clinton said on Monday that she was not worried. "
            "Clinton added that the polls looked good.")
    first, second = enriched(nlp, text, ("Hillary Clinton", "said", "that she was not worried"),
                             ("Clinton", "added", "that the polls looked good"))
    assert first.speaker.name == second.speaker.name == "Hillary Clinton"


def test_a_headline_verb_does_not_join_the_name(nlp):
    text = ("Governors Rip Donald Trump As A Failure\n\n"
            "Donald Trump said on Friday that his returns were under audit.")
    [a] = enriched(nlp, text, ("Donald Trump", "said", "that his returns were under audit", "\n\n"))
    assert a.speaker.name == "Donald Trump"


def test_a_longer_name_outside_quotes_still_names_the_person(nlp):
    text = ("Hillary Rodham Clinton spoke in Ohio. Hillary Clinton said the economy was improving.")
    [a] = enriched(nlp, text, ("Hillary Clinton", "said", "the economy was improving"))
    assert a.speaker.name == "Hillary Rodham Clinton"


def test_sources_joined_by_and_are_one_plural_speaker(nlp):
    text = ("Regulators and environmental groups said the plan was too weak. "
            "They added that the deadline was too late.")
    first, second = enriched(nlp, text,
                             ("Regulators and environmental groups", "said", "the plan was too weak"),
                             ("They", "added", "that the deadline was too late"))
    assert first.speaker.name == "Regulators and environmental groups"
    assert second.speaker.name == first.speaker.name


def test_two_named_people_speaking_together_keep_both_names(nlp):
    text = ("Anna Weber and Tom Ruiz said on Monday that the port would reopen. "
            "Weber said later that the unions had agreed.")
    first, second = enriched(nlp, text,
                             ("Anna Weber and Tom Ruiz", "said", "that the port would reopen"),
                             ("Weber", "said", "that the unions had agreed"))
    assert first.speaker.name == "Anna Weber and Tom Ruiz"
    assert second.speaker.name == "Anna Weber"


def test_one_organisation_named_with_an_ampersand_is_not_split(nlp):
    text = "Johnson & Johnson said the recall was voluntary."
    [a] = enriched(nlp, text, ("Johnson & Johnson", "said", "the recall was voluntary"))
    assert a.speaker.name == "Johnson & Johnson"


def test_a_possessive_pronoun_in_a_nominal_source_takes_the_owner_name(nlp):
    text = ("Bryan Pagliano set up the server in 2009. "
            "His lawyer said on Monday that he would not testify.")
    [a] = enriched(nlp, text, ("His lawyer", "said", "that he would not testify"))
    assert a.speaker.name == "Bryan Pagliano's lawyer"


def test_many_of_whom_speaks_for_the_noun_the_clause_hangs_on(nlp):
    text = ("The senator met relatives of the crash victims, many of whom said they "
            "wanted a public inquiry.")
    [a] = enriched(nlp, text, ("many of whom", "said", "they wanted a public inquiry"))
    assert a.speaker.name == "relatives of the crash victims"


def test_quote_marks_caught_in_a_name_are_dropped(nlp):
    text = ("Donald Trump ''doesn't know what he is talking about,'' Senator Anna Weber said. "
            "Trump said on Tuesday that he knew exactly what he was talking about.")
    [a] = enriched(nlp, text, ("Trump", "said", "that he knew exactly", "Weber said."))
    assert a.speaker.name == "Donald Trump"


def test_who_on_an_apposition_is_the_name_it_describes(nlp):
    text = ("The mayor met Greta Lindholm, the city's chief engineer, who said "
            "the bridge would need new cables.")
    [a] = enriched(nlp, text, ("who", "said", "the bridge would need new cables"))
    assert a.speaker.name == "Greta Lindholm"


def test_who_on_an_apposition_to_two_names_is_both(nlp):
    text = ("The mayor thanked Daniel and Ruth Ashby, the husband-and-wife donors "
            "who said they would fund the new library.")
    [a] = enriched(nlp, text, ("who", "said", "they would fund the new library"))
    assert a.speaker.name == "Daniel and Ruth Ashby"


def test_the_state_and_party_epithet_is_the_person_named_before(nlp):
    text = ("Senator Walter Brandt criticised the new rules on Monday. "
            "In a statement, the Ohio Republican said the rules would cost jobs.")
    [a] = enriched(nlp, text, ("the Ohio Republican", "said", "the rules would cost jobs"))
    assert a.speaker.name == "Walter Brandt"


def test_the_party_word_with_a_clause_after_it_is_someone_new(nlp):
    text = ("Senator Walter Brandt criticised the new rules on Monday. "
            "The Republican who chairs the panel said the rules would cost jobs.")
    [a] = enriched(nlp, text, ("The Republican who chairs the panel", "said",
                               "the rules would cost jobs"))
    assert a.speaker.name != "Walter Brandt"


def test_the_title_goes_to_the_holder_met_last(nlp):
    text = ("President Elena Marsh spoke with President Omar Haddad by phone. "
            "Haddad said the border would stay closed. "
            "Ms. Marsh later met her advisers, and the president said that talks would resume.")
    _, last = enriched(nlp, text,
                       ("Haddad", "said", "the border would stay closed"),
                       ("the president", "said", "that talks would resume"))
    assert last.speaker.name == "Elena Marsh"


def test_a_place_after_a_nominal_must_match_too(nlp):
    text = ("The Danish government said it would send aid. "
            "The government in Ottawa said it had no such plans.")
    first, second = enriched(nlp, text,
                             ("The Danish government", "said", "it would send aid"),
                             ("The government in Ottawa", "said", "it had no such plans"))
    assert first.speaker.name == "Danish government"
    assert second.speaker.name == "government in Ottawa"


def test_a_full_name_the_recogniser_missed_fills_out_the_surname(nlp):
    """Only the bare "Okafor"s are tagged as names; "Tunde Okafor" is not."""
    text = ("A shooting and a video test Okafor's grip.\n\n"
            "LAGOS - Tunde Okafor may have thought the worst was over in May, when he "
            "won a second term. Then the video came out, and Okafor said he would fire "
            "the police chief.")
    [a] = enriched(nlp, text, ("Okafor", "said", "he would fire the police chief", "came out"))
    assert a.speaker.name == "Tunde Okafor"


def test_a_surname_means_the_body_name_not_the_headline_one(nlp):
    """The recogniser reads "Greta Lindholm Defends" as one name."""
    text = ("Greta Lindholm Defends Bridge Plan Against Angry Critics\n\n"
            "The city engineer Greta Lindholm spoke on Monday. "
            "Later Lindholm said the cables were sound.")
    [a] = enriched(nlp, text, ("Lindholm", "said", "the cables were sound", "Later"))
    assert a.speaker.name == "Greta Lindholm"


def test_a_surname_the_recogniser_once_calls_a_place_is_still_the_person(nlp):
    """Two of three "Brook"s are tagged people; the third, a place (GPE)."""
    words = ["Ann", "Brook", "spoke", ".", "Brook", "smiled", ".", "Brook", "said", "so", "."]
    doc = Doc(nlp.vocab, words=words,
              spaces=[True, True, False, True, True, False, True, True, True, False, False],
              pos=["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT",
                   "PROPN", "VERB", "ADV", "PUNCT"],
              heads=[1, 2, 2, 2, 5, 5, 5, 8, 8, 8, 8],
              deps=["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct",
                    "nsubj", "ROOT", "advmod", "punct"],
              sent_starts=[True, False, False, False, True, False, False,
                           True, False, False, False],
              ents=["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O",
                    "B-GPE", "O", "O", "O"])
    start = doc[7].idx
    a = Attribution([(start, start + 5)], [(start + 6, start + 10)], [(start + 11, start + 13)])
    enrich(doc, [a])
    assert a.speaker.name == "Ann Brook"


def test_a_possessive_pronoun_as_source_is_the_person_before(nlp):
    text = "Tom Ruiz took office in May. His promise to cut taxes won him the vote."
    [a] = enriched(nlp, text, ("His", "promise", "to cut taxes"))
    assert a.speaker.name == "Tom Ruiz"


def test_an_unresolved_i_is_not_the_next_he(nlp):
    text = "I asked the clerk about the budget. He said the figures were wrong."
    _, he = enriched(nlp, text, ("I", "asked", "about the budget"),
                     ("He", "said", "the figures were wrong"))
    assert he.speaker.name == "he"


def test_a_first_word_alone_is_the_one_person_whose_name_starts_with_it(nlp):
    """A given name ("Greta") or a surname written first ("Wei Zhenglin")."""
    text = ("Finance Minister Wei Zhenglin presented the budget in Beijing on Monday. "
            "Wei said that spending on roads would rise.")
    [a] = enriched(nlp, text, ("Wei", "said", "that spending on roads would rise", "Monday"))
    assert a.speaker.name == "Wei Zhenglin"


def test_he_is_not_a_name_in_his_own_quote(nlp):
    text = "Tom Ruiz praised the plan. “Peter Vogel will win this,” he said."
    [a] = enriched(nlp, text, ("he", "said", "Peter Vogel will win this,"))
    assert a.speaker.name == "Tom Ruiz"


def test_unquoted_words_may_name_the_speaker(nlp):
    text = ("Maria Costa met the mayor on Monday. Peter Vogel was angry about the "
            "delays, he said later.")
    [a] = enriched(nlp, text, ("he", "said", "Peter Vogel was angry about the delays"))
    assert a.speaker.name == "Peter Vogel"


def test_a_title_no_role_matches_is_the_person_just_spoken_of(nlp):
    text = ("Tom Ruiz toured the flooded district on Monday. "
            "The former mayor said the city had ignored the warnings.")
    [a] = enriched(nlp, text, ("The former mayor", "said", "the city had ignored the warnings"))
    assert a.speaker.name == "Tom Ruiz"


def test_a_title_does_not_take_a_person_of_the_other_gender(nlp):
    text = ("Maria Costa toured the flooded district on Monday. "
            "The businessman said the city had ignored the warnings.")
    [a] = enriched(nlp, text, ("The businessman", "said", "the city had ignored the warnings"))
    assert a.speaker.name == "businessman"


def test_the_main_clause_subject_comes_before_one_in_a_clause_inside(nlp):
    text = ("Tom Ruiz is campaigning in the north, where Peter Vogel leads the polls. "
            "The former mayor said he would win anyway.")
    [a] = enriched(nlp, text, ("The former mayor", "said", "he would win anyway"))
    assert a.speaker.name == "Tom Ruiz"


def test_two_coordinated_titles_are_two_people(nlp):
    text = ("Peter Vogel met Tom Ruiz on Monday. "
            "The former mayor and the senator said the deal was fair.")
    [a] = enriched(nlp, text, ("The former mayor and the senator", "said", "the deal was fair"))
    assert a.speaker.name.count(" and ") == 1
    first, second = a.speaker.name.split(" and ")
    assert first != second


def test_an_honorific_picks_the_namesake_of_its_gender(nlp):
    text = ("Tom Ruiz and his wife, Maria Ruiz, ran the bakery for thirty years. "
            "Mrs. Ruiz said the rent had doubled. Mr. Ruiz said they would close in May.")
    mrs, mr = enriched(nlp, text, ("Mrs. Ruiz", "said", "the rent had doubled"),
                       ("Mr. Ruiz", "said", "they would close in May"))
    assert mrs.speaker.name == "Maria Ruiz"
    assert mr.speaker.name == "Tom Ruiz"


def test_a_capitalised_surname_tagged_a_common_noun_is_still_the_person(nlp):
    text = ("Lindqvist: I Am the Best Thing That Happened to the Port.\n\n"
            "On Monday at the harbour, port chief Sven Lindqvist addressed the traders.")
    assert nlp(text)[0].pos_ == "NOUN"  # the tagging this covers
    [a] = enriched(nlp, text, ("Lindqvist", "", "I Am the Best Thing That Happened to the Port"))
    assert a.speaker.name == "Sven Lindqvist"


def test_he_is_not_the_object_of_his_own_verb(nlp):
    text = ("Tom Ruiz interviewed Peter Vogel on Monday. Vogel asked Ruiz about the port. "
            "“It will reopen soon,” he told Vogel.")
    [a] = enriched(nlp, text, ("he", "told", "It will reopen soon,"))
    assert a.speaker.name == "Tom Ruiz"


def test_an_acronym_is_not_the_surname_of_a_name_ending_in_it(nlp):
    """The recogniser may read a party's youth wing ("Junge NVP") as a person."""
    doc = Doc(nlp.vocab, words=["Junge", "NVP", "met", ".", "NVP", "said", "no", "."],
              pos=["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "INTJ", "PUNCT"],
              heads=[1, 2, 2, 2, 5, 5, 5, 5],
              deps=["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "intj", "punct"],
              sent_starts=[True, False, False, False, True, False, False, False],
              ents=["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O", "O", "O"])
    start = doc[4].idx
    a = Attribution([(start, start + 3)], [(start + 4, start + 8)], [(start + 9, start + 11)])
    enrich(doc, [a])
    assert a.speaker.name == "NVP"


def test_who_on_a_predicate_noun_is_the_subject_named(nlp):
    text = ("Greta Lindholm is the city engineer who said the bridge would need "
            "new cables.")
    [a] = enriched(nlp, text, ("who", "said", "the bridge would need new cables"))
    assert a.speaker.name == "Greta Lindholm"


def test_an_apposition_hung_across_a_clause_is_not_the_name(nlp):
    """A parse that hangs "Ann Lutz" on "lawyers" across the verb."""
    words = ["The", "lawyers", "pointed", "to", "Ann", "Lutz", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * 5 + [False, False],
              pos=["DET", "NOUN", "VERB", "ADP", "PROPN", "PROPN", "PUNCT"],
              tags=["DT", "NNS", "VBD", "IN", "NNP", "NNP", "."],
              heads=[1, 2, 2, 2, 5, 1, 2],
              deps=["det", "nsubj", "ROOT", "prep", "compound", "appos", "punct"],
              ents=["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"])
    a = Attribution([(0, 11)], [(12, 19)], [(20, 31)])
    enrich(doc, [a])
    assert "Lutz" not in a.speaker.name


def test_a_lone_first_word_the_recogniser_missed_joins_the_full_name(nlp):
    doc = Doc(nlp.vocab, words=["Wei", "Zhenglin", "spoke", ".", "Wei", "said", "so", "."],
              pos=["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "ADV", "PUNCT"],
              heads=[1, 2, 2, 2, 5, 5, 5, 5],
              deps=["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "advmod", "punct"],
              sent_starts=[True, False, False, False, True, False, False, False],
              ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"])
    start = doc[4].idx
    a = Attribution([(start, start + 3)], [(start + 4, start + 8)], [(start + 9, start + 11)])
    enrich(doc, [a])
    assert a.speaker.name == "Wei Zhenglin"


def test_a_capitalised_title_with_the_refers_back_to_its_holder(nlp):
    text = ("Chancellor Oren Talvik said the governments had discussed the pipeline. "
            "The Chancellor also said he had raised the boarding of the trawler.")
    first, second = enriched(
        nlp, text,
        ("Chancellor Oren Talvik", "said", "the governments had discussed the pipeline"),
        ("The Chancellor", "said", "he had raised the boarding of the trawler"))
    assert first.speaker.name == second.speaker.name == "Oren Talvik"


def test_a_titles_of_phrase_is_part_of_the_title_not_the_name(nlp):
    text = ("Minister of Economy Saskia Drommel said the investigation was flawed. "
            "The Minister denied that the ambassador had been consulted.")
    first, second = enriched(
        nlp, text,
        ("Minister of Economy Saskia Drommel", "said", "the investigation was flawed"),
        ("The Minister", "denied", "that the ambassador had been consulted"))
    assert first.speaker.name == "Saskia Drommel"
    assert first.speaker.role == "Minister of Economy"
    assert second.speaker.name == "Saskia Drommel"


def test_a_title_with_a_clause_set_off_by_dashes_is_still_the_person_before(nlp):
    text = ("Judge Maria Ostrow regrets her remarks about the mayor. "
            "The appeals judge -- who has clashed with the mayor for weeks -- said she "
            "would stay out of politics.")
    judge, = enriched(nlp, text, ("The appeals judge -- who has clashed with the mayor for weeks --",
                                  "said", "she would stay out of politics"))
    assert judge.speaker.name == "Maria Ostrow"


def test_a_title_is_not_someone_named_in_its_own_quote(nlp):
    text = ("Tom Ruiz attacked the harbour master again. "
            "“Harbour master Anna Weber has failed the port,” the former mayor wrote.")
    first, = enriched(nlp, text, ("the former mayor", "wrote",
                                  "Harbour master Anna Weber has failed the port,"))
    assert first.speaker.name == "Tom Ruiz"


def test_a_generic_speaker_does_not_hold_off_the_named_person_for_she(nlp):
    text = ("Anna Weber said the council had ignored the port. "
            "It is rare for a sitting judge to speak out, though Weber is known for her views. "
            "She told reporters that the costs would be shared.")
    _, _, she = enriched(
        nlp, text,
        ("Anna Weber", "said", "the council had ignored the port"),
        ("a sitting judge", "to speak out", ""),
        ("She", "told", "that the costs would be shared"))
    assert she.speaker.name == "Anna Weber"


def test_a_titled_surname_the_recogniser_called_a_place_is_the_person(nlp):
    text = ("Foreign Ministry spokeswoman Dana Velic said the call achieved nothing. "
            "Speaking at her weekly briefing, Ms Velic said Marenholt had repeated old demands.")
    first, second = enriched(
        nlp, text,
        ("Foreign Ministry spokeswoman Dana Velic", "said", "the call achieved nothing"),
        ("Ms Velic", "said", "Marenholt had repeated old demands"))
    assert second.speaker.name == "Dana Velic"
    assert second.speaker.role == "Foreign Ministry spokeswoman"
    assert first.speaker == second.speaker


def test_a_rank_inside_the_name_is_a_title_and_whom_he_speaks_for_stays_the_role(nlp):
    text = ("General Staff spokesman Major General Davor Lenk said the truce was holding. "
            "\u201cOur forces have responded only where our personnel were threatened,\u201d "
            "Major General Lenk said.")
    first, second = enriched(
        nlp, text,
        ("General Staff spokesman Major General Davor Lenk", "said", "the truce was holding"),
        ("Major General Lenk", "said", "Our forces have responded only where our personnel "
                                       "were threatened,"))
    assert first.speaker.name == second.speaker.name == "Davor Lenk"
    assert first.speaker.role.startswith("General Staff spokesman")


def test_a_surname_tagged_as_an_organisation_joins_the_titled_full_name(nlp):
    # the recogniser tags "Ilse Marrow" and "Marrow" as organisations here
    text = ("MARENHOLT, June 2 (Valpress) \u2014 Four Valdoran citizens held in Ostrania returned "
            "home this afternoon in an exchange on the Tessel bridge at Orsk, presidential "
            "spokesperson Ilse Marrow said.\n\n\u201cThe President gave the families her word, "
            "and today she has kept it,\u201d Marrow told reporters at the presidential palace.")
    first, second = enriched(
        nlp, text,
        ("presidential spokesperson Ilse Marrow", "said", "Four Valdoran citizens held in "
                                                          "Ostrania returned home"),
        ("Marrow", "told", "The President gave the families her word, and today she has kept it,",
         "Ostrania returned"))
    assert second.speaker.name == "Ilse Marrow"
    assert second.speaker.type == "PERSON"
    assert second.origin == first.origin == "presidency"


def test_a_title_with_what_it_is_for_is_still_the_person_of_the_story(nlp):
    text = ("Donald Trump told reporters that Russia should find the emails. "
            "The Republican presidential nominee for the Nov. 8 election later said "
            "he was being sarcastic.")
    first, second = enriched(
        nlp, text,
        ("Donald Trump", "told", "that Russia should find the emails"),
        ("The Republican presidential nominee for the Nov. 8 election", "said",
         "he was being sarcastic"))
    assert second.speaker.name == "Donald Trump"


def test_the_president_of_a_country_is_the_one_whose_office_is_not_elsewhere(nlp):
    text = ("President Katrin Aldane of Valdor said the call was useful. "
            "Mikhel Varro said the talks on gas transit would go on. "
            "The President of Ostrania stressed that the detainees were a matter for the courts.")
    _, varro, epithet = enriched(
        nlp, text,
        ("President Katrin Aldane of Valdor", "said", "the call was useful"),
        ("Mikhel Varro", "said", "the talks on gas transit would go on"),
        ("The President of Ostrania", "stressed", "that the detainees were a matter for the courts"))
    assert epithet.speaker.name == "Mikhel Varro"


def test_a_company_named_like_a_title_stays_a_company(nlp):
    text = "General Motors said on Tuesday that it would close the plant."
    [found] = enriched(nlp, text, ("General Motors", "said", "that it would close the plant"))
    assert found.speaker.name == "General Motors"


def test_the_owner_of_the_subject_is_as_salient_as_a_subject(nlp):
    # Comey's news conference, "in which he laid out ...": he is Comey, not
    # the speaker of the quote two sentences before
    text = ("\"Never trust a clerk.\" That line from Harbour Commissioner Tom Kerr appeared in "
            "the Gazette in 1980.\n\nPolice Chief Ian Vell's news conference on Tuesday, in "
            "which he announced three arrests, was brief.\n")
    found = enriched(nlp, text, ("Harbour Commissioner Tom Kerr", "line from",
                                 "Never trust a clerk."),
                     ("he", "announced", "three arrests"))
    assert [a.speaker.name for a in found] == ["Tom Kerr", "Ian Vell"]
