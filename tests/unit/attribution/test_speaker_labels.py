"""'NAME: statement' paragraphs (transcripts, headlines), on the real parse."""

from __future__ import annotations

import pytest

from sayso.attribution.speaker_labels import add_speaker_label_attributions
from sayso.model import Attribution, span_text
from sayso.nlp.pipeline import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def added(nlp, text: str, existing: list[Attribution] = ()) -> list[tuple[str, str, str]]:
    found = add_speaker_label_attributions(nlp(text), list(existing))[len(existing):]
    return [(span_text(text, a.source), span_text(text, a.cue), span_text(text, a.content))
            for a in found]


def test_transcript_lines_in_capitals(nlp):
    text = ("The exchange went as follows:\n\n"
            "MARTA DIAZ: Why did the council wait so long?\n\n"
            "OKONJO: We waited for the engineers' report, and it came in March.\n")
    assert added(nlp, text) == [
        ("MARTA DIAZ", ":", "Why did the council wait so long?"),
        ("OKONJO", ":", "We waited for the engineers' report, and it came in March."),
    ]


def test_headline_with_a_named_speaker(nlp):
    text = "Senator Ruiz: Port Deal Was Signed Without a Tender.\n\nThe senator spoke on Monday."
    assert added(nlp, text) == [("Senator Ruiz", ":", "Port Deal Was Signed Without a Tender.")]


def test_headline_naming_a_poll(nlp):
    text = "Poll: Voters Split Evenly Over the New Bridge.\n\nThe survey was taken last week."
    assert added(nlp, text) == [("Poll", ":", "Voters Split Evenly Over the New Bridge.")]


@pytest.mark.parametrize("text", [
    "Note: This story was updated with the council's vote on Tuesday.",
    "WATCH: The bridge opens to traffic after four years of work.",
    "The plan has three parts: taxes, roads and schools for the valley.",
    "Ruiz: No.",
    "At 10:30 the council opened its session on the new bridge.",
])
def test_not_a_speaker_label(nlp, text):
    assert added(nlp, text) == []


def test_a_colon_the_taggers_already_attributed_is_left_alone(nlp):
    text = "OKONJO: We waited for the engineers' report, and it came in March."
    start = text.index("We")
    existing = [Attribution(source=[(0, 6)], cue=[(6, 7)], content=[(start, len(text))])]
    assert added(nlp, text, existing) == []


def test_a_transcript_line_inside_a_quote_is_part_of_that_quote(nlp):
    text = "OKONJO: We waited for the report, and it came in March."
    existing = [Attribution(source=[], cue=[], content=[(0, len(text))])]
    assert added(nlp, text, existing) == []
