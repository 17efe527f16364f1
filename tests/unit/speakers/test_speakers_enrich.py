"""The public entry point: surface, whole-article behaviour, odd input, speed."""

import random

import pytest
from spacy.tokens import Doc
from speakers_article import build_article
from speakers_helpers import enriched

import sayso.speakers
from sayso.model import KINDS, SPEAKER_TYPES, Attribution
from sayso.speakers import enrich
from sayso.speakers.lexicon import (
    audience_nouns, channel_nouns, empty_nouns, given_names, honorifics, org_nouns, party_members,
    platforms, pronouns, relay_verbs, role_nouns, source_nouns,
)


def test_public_names():
    assert sayso.speakers.__all__ == ["enrich"]


def test_texts_are_filled(nlp):
    text = "Tom Ruiz said in a statement that the ships were delayed."
    [a] = enriched(nlp, text, ("Tom Ruiz", "said", "that the ships were delayed"))
    assert (a.source_text, a.cue_text, a.content_text) == (
        "Tom Ruiz", "said", "that the ships were delayed")
    assert a.to_dict()["speaker"]["name"] == "Tom Ruiz"


def test_no_attributions_is_fine(nlp):
    enrich(nlp("Nothing was said."), [])
    enrich(nlp(""), [])


@pytest.fixture(scope="module")
def article(nlp):
    text, attributions = build_article()
    doc = nlp(text)
    enrich(doc, attributions)
    return text, attributions


def test_article_speakers(article):
    _, attributions = article
    names = [a.speaker.name for a in attributions]
    assert names.count("Anna Weber") == 5  # name, surname, "She", "The minister", surname
    assert names.count("Tom Ruiz") == 3
    assert names[names.index("Peter Vogel")] == "Peter Vogel"
    assert all(a.speaker.type in SPEAKER_TYPES and a.kind in KINDS for a in attributions)


def test_article_mentions_point_at_the_speaker(article):
    text, attributions = article
    weber = next(a.speaker for a in attributions if a.speaker.name == "Anna Weber")
    assert {text[s:e] for s, e in weber.mentions} >= {
        "Anna Weber", "Weber", "She", "The minister"}


def fragment(rng, length):
    start = rng.randrange(-3, length + 3)
    return (start, start + rng.randrange(-2, 40))


def test_odd_spans_never_raise(nlp):
    """Empty spans, spans at or past the end, reversed and unaligned offsets."""
    text, _ = build_article()
    text = text[:1500]
    doc = nlp(text)
    rng = random.Random(7)
    end = len(text)
    for _ in range(30):
        attributions = [
            Attribution([fragment(rng, end) for _ in range(rng.randrange(3))],
                        [fragment(rng, end) for _ in range(rng.randrange(3))],
                        [fragment(rng, end) for _ in range(rng.randrange(3))])
            for _ in range(8)]
        attributions.append(Attribution([(end - 1, end + 5)], [(end, end)], [(0, 0)]))
        enrich(doc, attributions)
        for a in attributions:
            assert a.kind in KINDS
            assert a.speaker is None or a.speaker.type in SPEAKER_TYPES


def test_doc_without_parse_or_entities(nlp):
    doc = nlp.make_doc("He said the plan was “dead on arrival.”")
    text = doc.text
    a = Attribution([(0, 2)], [(3, 7)], [(8, len(text))])
    enrich(doc, [a])
    assert a.kind == "mixed"
    assert a.speaker.name == "he"


@pytest.mark.parametrize("load", [
    role_nouns, honorifics, pronouns, given_names, org_nouns, channel_nouns,
    audience_nouns, relay_verbs, platforms, source_nouns, party_members, empty_nouns])
def test_lexicons_load(load):
    assert len(load()) > 0


def test_punctuation_tagged_as_a_proper_noun_subject_is_no_name(nlp):
    """The tagger sometimes calls a stray "." a proper-noun subject."""
    doc = Doc(nlp.vocab, words=[".", "said", "it", "rained"],
              pos=["PROPN", "VERB", "PRON", "VERB"], heads=[1, 1, 3, 1],
              deps=["nsubj", "ROOT", "nsubj", "ccomp"], sent_starts=[True, False, False, False])
    attributions = [Attribution([(0, 1)], [(2, 6)], [(7, 16)])]
    enrich(doc, attributions)
    assert attributions[0].speaker.name == "."
