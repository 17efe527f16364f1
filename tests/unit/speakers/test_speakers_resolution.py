"""Each speaker says how its source phrase was tied to it, with a confidence."""

from speakers_helpers import enriched

from sayso.speakers.resolution import METHODS, resolution_confidence


def test_each_way_of_naming_a_speaker_is_told_apart(nlp):
    text = ("Finance Minister Clara Wessel met the unions on Monday. "
            "The minister said the talks had gone well. "
            "She added that a deal was close. "
            "The health inspector said the water was safe to drink. "
            "The head of the dockers' union, Olaf Brink, said the strike would go on. "
            "Brink, who said last week that he would not negotiate, told reporters he was ready.")
    minister, she, inspector, brink, who, told = enriched(
        nlp, text,
        ("The minister", "said", "the talks had gone well"),
        ("She", "added", "that a deal was close"),
        ("The health inspector", "said", "the water was safe to drink"),
        ("The head of the dockers' union, Olaf Brink", "said", "the strike would go on"),
        ("who", "said", "that he would not negotiate"),
        ("Brink", "told", "he was ready"))
    assert (minister.speaker.name, minister.speaker.resolved_by) == ("Clara Wessel", "nominal")
    assert (she.speaker.name, she.speaker.resolved_by) == ("Clara Wessel", "pronoun")
    # a description nobody in the article fits stays as written, and says so
    assert (inspector.speaker.name, inspector.speaker.resolved_by) == ("health inspector", "none")
    assert (brink.speaker.name, brink.speaker.resolved_by) == ("Olaf Brink", "apposition")
    assert (who.speaker.name, who.speaker.resolved_by) == ("Olaf Brink", "relative")
    assert (told.speaker.name, told.speaker.resolved_by) == ("Olaf Brink", "name")
    # one person, however reached, is one speaker
    assert brink.speaker == told.speaker


def test_an_unresolved_pronoun_is_resolved_by_nothing(nlp):
    text = "“Maybe never,” she said."
    (record,) = enriched(nlp, text, ("she", "said", "Maybe never,"))
    assert (record.speaker.name, record.speaker.resolved_by) == ("she", "none")


def test_the_confidence_of_a_method_is_its_measured_share(nlp):
    text = "Mayor Leni Strand said the scheme would cut traffic."
    (record,) = enriched(nlp, text, ("Mayor Leni Strand", "said", "the scheme would cut traffic"))
    rates = resolution_confidence()
    assert record.speaker.resolved_by == "name"
    assert record.speaker.confidence == rates["name"]
    assert set(rates) <= set(METHODS) and all(0 < r <= 1 for r in rates.values())
    assert record.speaker.to_dict()["resolved_by"] == "name"
