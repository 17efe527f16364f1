"""What ``sayso.extract`` finds in short news passages, end to end.

These run the real spaCy parse, the trained CRF taggers, the quote rules and
speaker enrichment. Each test states one behaviour a reader of the output
relies on; offsets come from ``text.index`` so the passages can be edited.
"""

from __future__ import annotations

import pytest

from sayso.model import Attribution

# --- helpers ---------------------------------------------------------------

def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def covers(att: Attribution, text: str, phrase: str) -> bool:
    """The content holds every character of ``phrase``."""
    start, end = span(text, phrase)
    return any(s <= start and end <= e for s, e in att.content)


def touches(att_span: list[tuple[int, int]], text: str, phrase: str) -> bool:
    start, end = span(text, phrase)
    return any(s < end and start < e for s, e in att_span)


def find(atts: list[Attribution], text: str, phrase: str) -> Attribution:
    """The attribution whose content covers ``phrase``."""
    found = [a for a in atts if covers(a, text, phrase)]
    assert found, f"no content covers {phrase!r}: {[a.content_text for a in atts]}"
    return found[0]


def assert_well_formed(atts: list[Attribution], text: str) -> None:
    positions = []
    for att in atts:
        assert att.content and att.content_text.strip()
        for s, e in att.source + att.cue + att.content:
            assert 0 <= s < e <= len(text)
        positions.append(att.cue[0][0] if att.cue else att.content[0][0])
    assert positions == sorted(positions)
    keys = [(tuple(a.content), tuple(a.source)) for a in atts]
    assert len(keys) == len(set(keys))


# --- direct quotes: where the cue stands ------------------------------------------

def test_cue_after_the_quote(extract):
    text = "“The bridge will reopen in March,” Mayor Lena Okafor told reporters on Tuesday."
    [att] = extract(text)
    assert att.source_text == "Mayor Lena Okafor"
    assert att.cue_text == "told"
    assert att.content == [span(text, "The bridge will reopen in March,")]
    assert att.kind == "direct"
    assert att.speaker.name == "Lena Okafor"


def test_cue_before_the_quote(extract):
    text = ("Interior Minister Tomas Berger said on Monday: “We have no plans to close "
            "the border crossings this winter.”")
    [att] = extract(text)
    assert att.source_text == "Interior Minister Tomas Berger"
    assert att.cue_text.startswith("said")
    assert att.content == [span(text, "We have no plans to close the border crossings "
                                      "this winter.")]
    assert att.kind == "direct"


def test_split_quote_is_one_statement_of_two_fragments(extract):
    text = ("“We will come back to the table,” said union leader Marta Silva, “if the "
            "company drops its demand for longer shifts.”")
    [att] = extract(text)
    assert att.source_text == "union leader Marta Silva"
    assert att.cue_text == "said"
    assert att.content == [span(text, "We will come back to the table,"),
                           span(text, "if the company drops its demand for longer shifts.")]
    assert att.kind == "direct"


def test_quote_over_paragraphs_that_reopen_without_closing(extract):
    text = ("Paul Hendry, the port authority's finance director, said: “The harbour has "
            "been losing money for a decade.\n\n"
            "“Nobody wanted to say it out loud, but the numbers were in every annual report.\n\n"
            "“Now the bill has arrived, and the dock workers are being asked to pay it.”")
    [att] = extract(text)
    assert att.speaker.name == "Paul Hendry"
    assert att.content == [
        span(text, "The harbour has been losing money for a decade."),
        span(text, "Nobody wanted to say it out loud, but the numbers were in every annual "
                   "report."),
        span(text, "Now the bill has arrived, and the dock workers are being asked to pay it."),
    ]
    assert att.kind == "direct"


@pytest.mark.parametrize("opening, closing", [
    ('"', '"'), ("“", "”"), ("''", "''"), ("``", "''"),
], ids=["straight", "curly", "doubled-apostrophes", "backticks"])
def test_quote_marks(extract, opening, closing):
    text = (f"{opening}It was a mistake to sign the contract,{closing} Senator Ruth Callahan "
            "said on Friday.")
    [att] = extract(text)
    assert att.source_text == "Senator Ruth Callahan"
    assert att.content == [span(text, "It was a mistake to sign the contract,")]
    assert att.kind == "direct"


def test_quote_left_open_before_its_reporting_clause(extract):
    text = "“The vote was rigged from the start, Opposition leader Karl Dorn said on Sunday."
    [att] = extract(text)
    assert att.source_text == "Opposition leader Karl Dorn"
    assert att.cue_text == "said"
    assert att.content == [span(text, "The vote was rigged from the start")]


@pytest.mark.parametrize("text", [
    "The vote was rigged from the start,” Karl Dorn said on Sunday.",
    "Karl Dorn said the vote was “rigged from the start. He did not explain why.",
    "“We will stay until the end, the union leader said.\n\n“And then we will leave together.",
    "“” said the mayor “ “ ”",
    "“",
    "He said: ",
], ids=["no-opening", "never-closed", "reopened-after-typo", "marks-only", "one-mark",
        "colon-at-end"])
def test_unbalanced_quote_marks_give_well_formed_output(extract, text):
    assert_well_formed(extract(text), text)


def test_unbalanced_quote_is_still_attributed(extract):
    text = ("“We will stay until the end, the union leader said.\n\n"
            "“And then we will leave together.")
    atts = extract(text)
    first = find(atts, text, "We will stay until the end")
    assert first.source_text == "the union leader"
    assert not touches(first.content, text, "the union leader said")


def test_quote_without_a_cue_goes_to_the_running_speaker(extract):
    text = ("Mayor Dana Whitlock spoke to residents at the town hall on Thursday night. She said "
            "the flood barriers would be raised before the spring tides.\n\n"
            "“We are not going to wait for another disaster before we act,” the mayor said.\n\n"
            "“Every family in the lower town deserves to sleep without fear of the water.”")
    atts = extract(text)
    att = find(atts, text, "Every family in the lower town")
    assert att.content == [span(text, "Every family in the lower town deserves to sleep "
                                      "without fear of the water.")]
    assert att.source_text == "the mayor"
    assert att.speaker.name == "Dana Whitlock"
    assert att.kind == "direct"


def test_quote_paragraphs_after_a_closed_quote_go_to_its_speaker(extract):
    text = ("“The harbour has been losing money for a decade,” said Paul Hendry, the port "
            "authority's finance director.\n\n"
            "“Nobody wanted to say it out loud, but the numbers were in every annual report.\n\n"
            "“Now the bill has arrived, and the dock workers are being asked to pay it.”")
    atts = extract(text)
    assert {a.speaker.name for a in atts} == {"Paul Hendry"}
    later = find(atts, text, "Nobody wanted to say it out loud")
    assert covers(later, text, "Now the bill has arrived")


def test_no_speaker_is_invented_for_a_quote_with_none_before_it(extract):
    text = ("“Every family in the lower town deserves to sleep without fear of the water.”\n\n"
            "The flood barriers will be raised before the spring tides.")
    atts = extract(text)
    assert not any(touches(a.content, text, "Every family") for a in atts)


def test_content_stops_before_the_next_speakers_quote(extract):
    text = ("Hospital director Ines Varga said the new wing would open in April. "
            "\"We are ahead of schedule and under budget,\" she added.")
    atts = extract(text)
    said = find(atts, text, "the new wing would open in April")
    assert not touches(said.content, text, "We are ahead of schedule")
    added = find(atts, text, "We are ahead of schedule")
    assert added.cue_text == "added"
    assert added.speaker.name == "Ines Varga"


@pytest.mark.parametrize("text, content", [
    ("Said the finance minister: “The budget is final and there will be no further changes.”",
     "The budget is final and there will be no further changes."),
    ("Said the finance minister: the budget is final and there will be no further changes.",
     "the budget is final and there will be no further changes."),
], ids=["quoted", "unquoted"])
def test_colon_lead_in(extract, text, content):
    [att] = extract(text)
    assert att.source_text == "the finance minister"
    assert att.cue_text == "Said"
    assert att.content == [span(text, content)]


def test_transcript_speakers(extract):
    text = ("Part of the interview follows.\n\n"
            "HALVORSEN: Will the harbour reopen before the winter storms arrive?\n\n"
            "MINISTER TAVARES: The engineers tell me it will reopen in November.\n")
    found = {(a.source_text, a.cue_text): a.content_text for a in extract(text)}
    assert found[("HALVORSEN", ":")] == "Will the harbour reopen before the winter storms arrive?"
    assert found[("MINISTER TAVARES", ":")].startswith("The engineers tell me")


# --- sources, cues and contents beyond quotes --------------------------------------

@pytest.mark.parametrize("text, source", [
    ("According to the ministry, more than 4,000 households were left without power "
     "after the storm.", "the ministry"),
    ("More than 4,000 households were left without power after the storm, according to "
     "the energy ministry.", "the energy ministry"),
], ids=["before", "after"])
def test_according_to(extract, text, source):
    [att] = extract(text)
    assert att.cue_text.lower() == "according to"
    assert att.source_text == source
    assert covers(att, text, "4,000 households were left without power after the storm")
    assert not touches(att.content, text, source)


@pytest.mark.parametrize("text, source, cue, content", [
    ("Prosecutors rejected the claim by Senator Paul Ruiz that the contract had been "
     "awarded without a tender.", "Senator Paul Ruiz", "claim",
     "the contract had been awarded without a tender"),
    ("The company's statement that no workers were injured in the explosion was "
     "contradicted by hospital records.", "The company", "statement",
     "no workers were injured in the explosion"),
], ids=["claim-by", "possessive-statement"])
def test_reporting_nouns(extract, text, source, cue, content):
    att = find(extract(text), text, content)
    assert touches(att.source, text, source)
    assert att.cue_text == cue


@pytest.mark.parametrize("text, source, verb, content", [
    ("Transport Minister Clara Vogt told reporters that the new rail line would open in 2027.",
     "Transport Minister Clara Vogt", "told", "the new rail line would open in 2027"),
    ("The finance minister added that the deficit would shrink next year.",
     "The finance minister", "added", "the deficit would shrink next year"),
    ("Health Minister Jonas Pike stressed that the hospitals were not at risk.",
     "Health Minister Jonas Pike", "stressed", "the hospitals were not at risk"),
    ("The company insisted that its products were safe for children.",
     "The company", "insisted", "its products were safe for children"),
    ("Police chief Amir Haddad denied that officers had used excessive force.",
     "Police chief Amir Haddad", "denied", "officers had used excessive force"),
    ("The opposition claimed that the election had been rigged.",
     "The opposition", "claimed", "the election had been rigged"),
    ("Meteorologists warned that the storm could bring flooding to coastal towns.",
     "Meteorologists", "warned", "the storm could bring flooding to coastal towns"),
    ("The state broadcaster reported that three soldiers had been killed near the border.",
     "The state broadcaster", "reported", "three soldiers had been killed near the border"),
    ("In a letter to shareholders, chief executive Nora Lind wrote that the company would "
     "cut 400 jobs.", "chief executive Nora Lind", "wrote", "the company would cut 400 jobs"),
    ("The footballer posted on Instagram that he would retire at the end of the season.",
     "The footballer", "posted", "he would retire at the end of the season"),
    ("The ministry confirmed that two diplomats had been expelled.",
     "The ministry", "confirmed", "two diplomats had been expelled"),
])
def test_reporting_verbs(extract, text, source, verb, content):
    att = find(extract(text), text, content)
    assert att.source_text == source
    assert att.cue_text.split()[0] == verb
    assert att.kind == "indirect"


@pytest.mark.parametrize("text, source, name", [
    ("The press office said the president would not attend the summit in Geneva.",
     "The press office", "press office"),
    ("The agency reported that two fishing boats had sunk off the coast of Bergen.",
     "The agency", "agency"),
    ("The Norwegian news agency NTB reported that two fishing boats had sunk off the coast.",
     "The Norwegian news agency NTB", "NTB"),
], ids=["press-office", "agency", "named-outlet"])
def test_organisations_and_outlets_as_sources(extract, text, source, name):
    [att] = extract(text)
    assert att.source_text == source
    assert att.speaker.name == name
    assert att.speaker.type == "ORG"


@pytest.mark.parametrize("text, source, cue, content", [
    ("Economist Laura Benz believes interest rates will fall before the end of the year.",
     "Economist Laura Benz", "believes", "interest rates will fall before the end of the year"),
    ("Opposition leader Karl Dorn called for an independent inquiry into the contract.",
     "Opposition leader Karl Dorn", "called for", "an independent inquiry into the contract"),
], ids=["belief", "intention"])
def test_beliefs_and_intentions(extract, text, source, cue, content):
    att = find(extract(text), text, content)
    assert att.source_text == source
    assert att.cue_text == cue


def test_embedded_attribution_has_the_outer_one_as_parent(extract):
    text = ("Bruno Keller said the mayor stressed that the new budget would protect public "
            "libraries.")
    atts = extract(text)
    outer = next(a for a in atts if a.cue_text == "said")
    inner = next(a for a in atts if a.cue_text == "stressed")
    assert outer.source_text == "Bruno Keller"
    assert covers(outer, text, "the mayor stressed that the new budget")
    assert inner.source_text == "the mayor"
    assert covers(inner, text, "the new budget would protect public libraries")
    assert inner.parent == atts.index(outer)
    assert outer.parent is None


@pytest.mark.parametrize("text, content, kind", [
    ("“The plan is unworkable and far too expensive,” the mayor said.",
     "The plan is unworkable and far too expensive", "direct"),
    ("The mayor said the plan was unworkable and far too expensive.",
     "the plan was unworkable and far too expensive", "indirect"),
    ("The mayor said the plan was \"unworkable and far too expensive\" for a town of this size.",
     "the plan was \"unworkable and far too expensive\" for a town of this size", "mixed"),
], ids=["direct", "indirect", "mixed"])
def test_kind(extract, text, content, kind):
    [att] = extract(text)
    assert covers(att, text, content)
    assert att.kind == kind


def test_he_resolves_to_the_named_person(extract):
    text = ("Police chief Amir Haddad said the suspect had been arrested on Saturday. "
            "He said the investigation was continuing.")
    atts = extract(text)
    second = find(atts, text, "the investigation was continuing")
    assert second.source_text == "He"
    assert second.speaker.name == "Amir Haddad"
    assert second.speaker.type == "PERSON"


def test_channel_in_a_statement(extract):
    text = ("In a statement, the health ministry said the vaccine had been approved for "
            "children over five.")
    [att] = extract(text)
    assert att.source_text == "the health ministry"
    assert covers(att, text, "the vaccine had been approved for children over five")
    assert att.channel == "In a statement"
