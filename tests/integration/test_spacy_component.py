"""The spaCy component: nlp.add_pipe("sayso") fills doc._.attributions."""

import spacy

from sayso.model import Attribution
from sayso.nlp.pipeline import SPACY_MODEL


def test_add_pipe_fills_doc_attributions():
    nlp = spacy.load(SPACY_MODEL)
    nlp.add_pipe("sayso")
    text = '"We will not sign this deal," Finance Minister Anna Weber told reporters on Friday.'
    doc = nlp(text)
    [a] = doc._.attributions
    assert isinstance(a, Attribution)
    assert a.speaker.name == "Anna Weber"
    assert a.speaker.role == "Finance Minister"
    assert a.kind == "direct"
    assert a.channel == "reporters"
    assert a.content_text.startswith("We will not sign this deal")
    assert "sayso" in nlp.pipe_names and nlp.get_pipe_meta("sayso").assigns == ["doc._.attributions"]


def test_docs_from_pipe_each_get_their_own_attributions():
    nlp = spacy.load(SPACY_MODEL)
    nlp.add_pipe("sayso")
    docs = list(nlp.pipe(["Nothing happened here.", "The ministry said the talks had failed."]))
    assert docs[0]._.attributions == []
    [a] = docs[1]._.attributions
    assert a.source_text == "The ministry" and a.content_text == "the talks had failed."


def test_the_publication_date_and_publisher_set_on_the_doc_are_read():
    from datetime import date

    nlp = spacy.load(SPACY_MODEL)
    nlp.add_pipe("sayso")
    doc = nlp.make_doc("Presidential spokesperson Ilse Marrow said on Tuesday that the call "
                       "had lasted fifty minutes.")
    doc._.published = date(2026, 3, 12)  # a Thursday
    doc._.publisher = "Valdor Presidential Press Office"
    [a] = nlp(doc)._.attributions
    assert a.event_date == date(2026, 3, 10)
    assert a.origin == "Valdor Presidency"


def test_the_component_leaves_no_tables_on_the_doc():
    """sayso keeps per-doc tables while it works, and takes them away after."""
    nlp = spacy.load(SPACY_MODEL)
    nlp.add_pipe("sayso")
    doc = nlp('"We will not sign," Finance Minister Anna Weber said.')
    assert doc._.attributions
    assert not [key for key in doc.user_data if str(key).startswith("sayso")]
