"""An unquoted "I" or "we" is the writer: a letter's signature, or the publication."""

from sayso import Extractor
from sayso.model import Document
from sayso.speakers.authors import signature_after

LETTERS = ("Readers react to the harbour plan.\n\n"
           "We asked our readers what they thought of the meeting.\n\n"
           "I think this meeting is too little too late, and it will have no effect on voters.\n\n"
           "@harbourwatch.\n\n"
           "If the mayor had listened to the dockers, I guess the strike would be over.\n\n"
           "Cathy Williams.\n\n"
           "\u201cI think the plan is good,\u201d the mayor said.\n")


def test_letters_are_signed_and_we_is_the_publication():
    found = Extractor().extract(Document("letters", LETTERS, None,
                                         publisher="Harbour Gazette")).attributions
    by_source = [(a.source_text, a.speaker.name, a.origin) for a in found]
    assert by_source[:3] == [("We", "Harbour Gazette", "Harbour Gazette"),
                             ("I", "@harbourwatch", "@harbourwatch"),
                             ("I", "Cathy Williams", "Cathy Williams")]
    # a quoted "I" is the person quoted, and the mayor is no letter writer
    assert by_source[3][1] == "mayor"


def test_a_heading_or_a_sentence_is_no_signature():
    text = "I think it came too late.\n\nTWITTER.\n\nI agree. The plan is good.\n\nIt was late.\n"
    assert signature_after(text, 0) is None
    assert signature_after(text, text.index("I agree")) is None


def test_a_transcript_s_we_is_its_speaker_not_the_publication():
    text = "Q: What did you tell the mayor?\n\nA: We told him that the port was slow.\n"
    found = Extractor().extract(Document("qa", text, None, publisher="Harbour Gazette")).attributions
    assert all(a.speaker is None or a.speaker.name != "Harbour Gazette" for a in found)
