"""A participle or coordinated cue speaks with the subject of the verb it hangs off."""

from spacy.tokens import Doc

from sayso.attribution.alignment import tokens_to_span
from sayso.attribution.inherited_sources import fill_inherited_sources
from sayso.extraction import extract
from sayso.model import Attribution
from sayso.nlp.pipeline import load_nlp


def by_cue(found, cue):
    return next(a for a in found if a.cue_text == cue)


def test_participles_take_the_subject_of_the_main_clause():
    text = ("Mayor Anna Weber on Monday toured the harbour with union leaders, criticising the "
            "port authority as slow and accusing it of ignoring the dockers.\n")
    found = extract(text)
    for cue in ("criticising", "accusing"):
        attribution = by_cue(found, cue)
        assert attribution.source_text == "Mayor Anna Weber"
        assert attribution.speaker.name == "Anna Weber"


def _hand_made(doc: Doc, cue: str, content: str) -> Attribution:
    words = [t.text for t in doc]
    c = words.index(cue)
    start = words.index(content.split()[0], c)
    return Attribution([], tokens_to_span(doc, [c]),
                       tokens_to_span(doc, list(range(start, start + len(content.split())))))


def test_a_cue_with_a_subject_of_its_own_takes_it_and_a_source_is_left_alone():
    doc = load_nlp()("The mayor toured the harbour and she said the port was slow.")
    own_subject = _hand_made(doc, "said", "the port was slow")
    sourced = Attribution([(0, 9)], own_subject.cue, own_subject.content)
    out = fill_inherited_sources(doc, [own_subject, sourced])
    assert out[0].source == tokens_to_span(doc, [6])  # "she", not "The mayor"
    assert out[1].source == [(0, 9)]


def test_an_empty_it_is_never_a_source():
    doc = load_nlp()("It said nothing about the port.")
    out = fill_inherited_sources(doc, [_hand_made(doc, "said", "nothing about the port")])
    assert out[0].source == []


def test_the_inherited_source_keeps_the_whole_name_of_a_body():
    text = ("The Ministry of Defence on Monday closed the range, saying that the shelling "
            "had damaged the road.\n")
    attribution = by_cue(extract(text), "saying")
    assert attribution.source_text == "The Ministry of Defence"


def test_an_object_told_to_speak_is_not_given_the_teller_as_source():
    doc = load_nlp()("The union urged the mayor to condemn the closure of the port.")
    told = _hand_made(doc, "condemn", "the closure of the port")
    assert fill_inherited_sources(doc, [told])[0].source == []


def test_a_dateline_is_not_the_subject_the_name_after_it_is():
    text = ("PORT SELIS (Harbour Wire) \u2013 Mayor Yusuf Darrin on Monday toured the docks with "
            "union leaders, criticising the port authority as slow.\n")
    attribution = by_cue(extract(text), "criticising")
    assert attribution.source_text == "Mayor Yusuf Darrin"
    assert attribution.speaker.name == "Yusuf Darrin"


def test_a_gerund_after_a_preposition_speaks_with_the_clause_subject():
    text = "The union marked the day by warning that the strike would go on.\n"
    attribution = by_cue(extract(text), "warning")
    assert attribution.source_text == "The union"


def test_a_subject_set_off_by_an_aside_the_parser_misread_is_still_the_source():
    # the parse makes "Maarsk" the subject of "asked" and leaves "said" without one
    text = ("Prime Minister Elin Maarsk, asked about the incident during a visit to a school in "
            "Tollen, said only that she was \"relieved the men are home\".\n")
    attribution = by_cue(extract(text), "said")
    assert attribution.speaker.name == "Elin Maarsk"


def test_hyphens_and_asides_are_no_datelines():
    found = extract("Iran-backed Houthi rebels said they had fired missiles.\n\n"
                    "China \u2013 the world's largest emitter \u2013 said it would cut emissions.\n")
    assert found[0].source_text == "Iran-backed Houthi rebels"
    assert found[1].speaker.name == "China"


def test_taking_the_step_of_announcing_is_the_subject_s_act():
    text = ("Attorney General Loretta Lynch took the official last step on Wednesday of announcing "
            "that the Justice Department would not prosecute the senator.\n")
    attribution = by_cue(extract(text), "announcing")
    assert attribution.speaker.name == "Loretta Lynch"
