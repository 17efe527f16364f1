"""Quote rules over hand-built attributions on parsed text.

Each test gives ``apply_quote_rules`` what a tagger might have produced
(spans written as phrases of the text) and checks the repaired result. The
parse is the real spaCy model's; no trained attribution model is involved.
"""

from __future__ import annotations

import random

import pytest

from sayso.attribution.passage import normalise, subtract
from sayso.attribution.quote_rules import apply_quote_rules
from sayso.model import Attribution, span_text
from sayso.nlp.pipeline import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def at(text: str, phrase: str, after: str = "") -> tuple[int, int]:
    """Offsets of ``phrase``, searched from the end of ``after`` if given."""
    start = text.index(phrase, text.index(after) + len(after) if after else 0)
    return start, start + len(phrase)


def made(text: str, source: str = "", cue: str = "", content: tuple[str, ...] = (),
         ) -> Attribution:
    """An attribution as a tagger gives it, from phrases of ``text``."""
    return Attribution(source=[at(text, source)] if source else [],
                       cue=[at(text, cue)] if cue else [],
                       content=[at(text, c) for c in content])


def run(nlp, text: str, *attributions: Attribution) -> list[Attribution]:
    found = apply_quote_rules(nlp(text), list(attributions))
    for attribution in found:
        attribution.fill_texts(text)
    return found


def contents(text: str, attribution: Attribution) -> list[str]:
    return [text[s:e] for s, e in attribution.content]


# --- character spans -------------------------------------------------------------------

def test_normalise_joins_overlapping_and_touching_fragments():
    assert normalise([(5, 9), (0, 3), (3, 4), (8, 12), (20, 20)]) == [(0, 4), (5, 12)]


def test_subtract_cuts_fragments_apart():
    assert subtract([(0, 10), (12, 20)], [(2, 4), (9, 15)]) == [(0, 2), (4, 9), (15, 20)]


# --- 1. roles ------------------------------------------------------------------------------

def test_content_loses_its_own_source_and_cue(nlp):
    text = "“We have no plans to raise taxes,” the minister said."
    [att] = run(nlp, text, made(text, "the minister", "said",
                                ("“We have no plans to raise taxes,” the minister",)))
    assert att.source_text == "the minister"
    assert contents(text, att) == ["We have no plans to raise taxes,"]


@pytest.mark.parametrize("text, content, source, rest", [
    ("According to the ministry, more than 4,000 households were left without power.",
     "the ministry, more than 4,000 households were left without power.", "the ministry",
     "more than 4,000 households were left without power."),
    ("More than 4,000 households were left without power, according to the energy ministry.",
     "More than 4,000 households were left without power, according to the energy ministry.",
     "the energy ministry", "More than 4,000 households were left without power"),
], ids=["before", "after"])
def test_according_to_takes_its_object_as_source(nlp, text, content, source, rest):
    cue = "According to" if text.startswith("According") else "according to"
    [att] = run(nlp, text, made(text, "", cue, (content,)))
    assert att.source_text == source
    assert contents(text, att) == [rest]


def test_a_verb_cue_ending_in_a_preposition_keeps_its_object_as_content(nlp):
    text = "Opposition leader Karl Dorn called for an independent inquiry into the contract."
    [att] = run(nlp, text, made(text, "Opposition leader Karl Dorn", "called for",
                                ("an independent inquiry into the contract.",)))
    assert att.source_text == "Opposition leader Karl Dorn"
    assert att.content_text == "an independent inquiry into the contract."


def test_source_loses_a_trailing_comma(nlp):
    text = "Paul Hendry, the port's finance director, said the harbour was losing money."
    [att] = run(nlp, text, made(text, "Paul Hendry, the port's finance director,", "said",
                                ("the harbour was losing money.",)))
    assert att.source_text == "Paul Hendry, the port's finance director"


# --- 2. leaks --------------------------------------------------------------------------------

def test_content_stops_before_the_next_speakers_sentence(nlp):
    text = ("Hospital director Ines Varga said the new wing would open in April. "
            "\"We are ahead of schedule and under budget,\" she added.")
    said = made(text, "Hospital director Ines Varga", "said", (
        "the new wing would open in April. \"We are ahead of schedule and under budget,\"",))
    added = made(text, "she", "added", ("\"We are ahead of schedule and under budget,\"",))
    first, second = run(nlp, text, said, added)
    assert first.content_text == "the new wing would open in April."
    assert second.content_text == "We are ahead of schedule and under budget,"


def test_a_cue_inside_the_quote_is_no_leak(nlp):
    text = "“Bruno told me the mayor lied. It is a disgrace,” she said."
    outer = made(text, "she", "said", ("Bruno told me the mayor lied. It is a disgrace,",))
    inner = made(text, "Bruno", "told", ("the mayor lied",))
    found = run(nlp, text, outer, inner)
    said = next(a for a in found if a.cue_text == "said")
    told = next(a for a in found if a.cue_text == "told")
    assert said.content_text == "Bruno told me the mayor lied. It is a disgrace,"
    assert told.content_text == "the mayor lied"  # its cue is in the quote: not snapped


# --- 3. snapping ----------------------------------------------------------------------------

@pytest.mark.parametrize("given", [
    "“The bridge will reopen",                        # stops short of the closing mark
    "The bridge will reopen in March,” Mayor Lena",   # runs past it into the clause
    "bridge will reopen in March",                    # inside, marks not reached
], ids=["short", "overshoot", "inside"])
def test_content_snaps_to_the_quote(nlp, given):
    text = "“The bridge will reopen in March,” Mayor Lena Okafor told reporters."
    [att] = run(nlp, text, made(text, "Mayor Lena Okafor", "told", (given,)))
    assert att.content == [at(text, "The bridge will reopen in March,")]


def test_multi_paragraph_quote_snaps_to_every_paragraph(nlp):
    text = ("Paul Hendry said: “The harbour has been losing money for a decade.\n\n"
            "“Nobody wanted to say it out loud.\n\n"
            "“Now the bill has arrived.”")
    [att] = run(nlp, text, made(text, "Paul Hendry", "said",
                                ("“The harbour has been losing money",)))
    assert contents(text, att) == ["The harbour has been losing money for a decade.",
                                   "Nobody wanted to say it out loud.",
                                   "Now the bill has arrived."]


def test_mixed_content_takes_the_whole_quote_with_its_marks(nlp):
    text = 'The mayor said the plan was "unworkable and far too expensive" for a town this size.'
    [att] = run(nlp, text, made(text, "The mayor", "said", ('the plan was "unworkable and far',)))
    assert att.content_text == 'the plan was "unworkable and far too expensive"'


def test_narrative_after_a_quote_closed_on_a_comma_is_dropped(nlp):
    text = "“The council did nothing wrong,” Ruiz told reporters before leaving the hall."
    att = made(text, "Ruiz", "told", ("“The council did nothing wrong,”",))
    att.content.append(at(text, "before leaving the hall"))
    [found] = run(nlp, text, att)
    assert contents(text, found) == ["The council did nothing wrong,"]


def test_a_quote_the_content_only_grazes_is_cut_out(nlp):
    text = ("“For us, all we ask is a day in court. Denying us justice is wrong.” "
            "Strada accused the government of attempting to intimidate the families.")
    [att] = run(nlp, text, made(text, "Strada", "accused", (
        "wrong.” Strada accused the government of attempting to intimidate the families",)))
    assert att.content_text == "the government of attempting to intimidate the families"


# --- 4. split quotes -----------------------------------------------------------------------

SPLIT = "“We will come back to the table,” said union leader Marta Silva, “if they ask.”"


@pytest.mark.parametrize("half", ["“We will come back to the table,”", "“if they ask.”"])
def test_one_half_of_a_split_quote_brings_the_other(nlp, half):
    [att] = run(nlp, SPLIT, made(SPLIT, "union leader Marta Silva", "said", (half,)))
    assert contents(SPLIT, att) == ["We will come back to the table,", "if they ask."]


def test_two_attributions_on_one_cue_become_one(nlp):
    first = made(SPLIT, "union leader Marta Silva", "said", ("“We will come back to the table,”",))
    second = made(SPLIT, "", "said", ("“if they ask.”",))
    [att] = run(nlp, SPLIT, first, second)
    assert att.source_text == "union leader Marta Silva"
    assert contents(SPLIT, att) == ["We will come back to the table,", "if they ask."]


def test_a_quote_after_the_clause_and_a_full_stop_joins_too(nlp):
    text = "“We will come back to the table,” Silva said. “But not before Friday.”"
    [att] = run(nlp, text, made(text, "Silva", "said", ("“We will come back to the table,”",)))
    assert contents(text, att) == ["We will come back to the table,", "But not before Friday."]


def test_the_other_half_stays_with_its_own_speaker(nlp):
    text = "“We will come back to the table,” Silva said, “but not before Friday,” Ruiz replied."
    silva = made(text, "Silva", "said", ("“We will come back to the table,”",))
    ruiz = made(text, "Ruiz", "replied", ("“but not before Friday,”",))
    found = run(nlp, text, silva, ruiz)
    assert [contents(text, a) for a in found] == [["We will come back to the table,"],
                                                  ["but not before Friday,"]]


# --- 5. colon lead-ins ----------------------------------------------------------------------

@pytest.mark.parametrize("text, source, content", [
    ("Said the finance minister: the budget is final and there will be no changes.",
     "the finance minister", "the budget is final and there will be no changes."),
    ("Said the finance minister: “The budget is final and there will be no changes.”",
     "the finance minister", "The budget is final and there will be no changes."),
    ("The finance minister said on Monday: the budget is final.",
     "The finance minister", "the budget is final."),
], ids=["inverted", "inverted-quoted", "plain"])
def test_colon_lead_in_the_tagger_missed(nlp, text, source, content):
    [att] = run(nlp, text)
    assert att.source_text == source
    assert att.cue_text.lower() == "said"
    assert att.content == [at(text, content)]


def test_colon_lead_in_fills_the_taggers_empty_content(nlp):
    text = "Said the finance minister: the budget is final and there will be no changes."
    [att] = run(nlp, text, made(text, "the finance minister", "Said"))
    assert att.content_text == "the budget is final and there will be no changes."


def test_a_colon_after_an_object_is_no_lead_in(nlp):
    text = "The report found two problems: long delays and rising costs."
    assert run(nlp, text) == []


# --- 6. quotes nobody was given -----------------------------------------------------------------

def test_quote_goes_to_the_reporting_verb_beside_it(nlp):
    text = "“The bridge will reopen in March,” Mayor Lena Okafor told reporters."
    [att] = run(nlp, text)
    assert (att.source_text, att.cue_text) == ("Mayor Lena Okafor", "told")
    assert att.content == [at(text, "The bridge will reopen in March,")]


def test_quote_goes_to_the_taggers_cue_beside_it(nlp):
    text = "“The bridge will reopen in March,” Mayor Lena Okafor told reporters."
    [att] = run(nlp, text, made(text, "Mayor Lena Okafor", "told reporters"))
    assert att.cue_text == "told reporters"
    assert att.content_text == "The bridge will reopen in March,"


def test_quote_left_open_ends_before_its_reporting_clause(nlp):
    text = "“The vote was rigged from the start, Opposition leader Karl Dorn said on Sunday."
    [att] = run(nlp, text)
    assert (att.source_text, att.cue_text) == ("Opposition leader Karl Dorn", "said")
    assert att.content_text == "The vote was rigged from the start"


RUNNING = ("Mayor Dana Whitlock said the flood barriers would be raised before the spring "
           "tides.\n\n"
           "“Every family in the lower town deserves to sleep without fear of the water.”\n\n"
           "“We will not wait for another disaster before we act.”")


def test_quote_paragraphs_go_to_the_running_speaker(nlp):
    said = made(RUNNING, "Mayor Dana Whitlock", "said",
                ("the flood barriers would be raised before the spring tides",))
    found = run(nlp, RUNNING, said)
    assert len(found) == 3
    for att, quote in zip(found[1:], ["Every family in the lower town deserves to sleep without "
                                      "fear of the water.",
                                      "We will not wait for another disaster before we act."]):
        assert (att.source, att.cue) == (said.source, said.cue)
        assert att.content == [at(RUNNING, quote)]


def test_no_running_speaker_two_paragraphs_back(nlp):
    text = ("Mayor Dana Whitlock said the flood barriers would be raised.\n\n"
            "The council meets on Friday to vote on the budget.\n\n"
            "“Every family in the lower town deserves to sleep without fear of the water.”")
    found = run(nlp, text, made(text, "Mayor Dana Whitlock", "said",
                                ("the flood barriers would be raised",)))
    assert len(found) == 1


def test_no_speaker_is_invented(nlp):
    text = "“Every family in the lower town deserves to sleep without fear of the water.”"
    assert run(nlp, text) == []


@pytest.mark.parametrize("quote_paragraph", [
    "The barriers are “a start”.",                                           # under 4 words
    "Residents read “The Flood of the Century and Its Aftermath” at school.",  # a title
    "“Every family in the lower town deserves to sleep in peace.” ― Ana Ruiz",  # names its own
], ids=["short", "title", "signed"])
def test_quotes_that_are_not_the_running_speakers(nlp, quote_paragraph):
    text = "Mayor Dana Whitlock said the barriers would be raised.\n\n" + quote_paragraph
    found = run(nlp, text, made(text, "Mayor Dana Whitlock", "said",
                                ("the barriers would be raised",)))
    assert len(found) == 1


# --- 7. the result -------------------------------------------------------------------------------

def test_empty_contents_and_duplicates_go_and_order_is_by_position(nlp):
    text = "Ruiz said the port would close. Silva said it would not."
    silva = made(text, "Silva", "said it", ("it would not",))
    silva.cue = [at(text, "said", "Silva ")]
    ruiz = made(text, "Ruiz", "said", ("the port would close",))
    found = run(nlp, text, silva, ruiz, made(text, "Ruiz", "said", ("the port would close",)),
                made(text, "Ruiz", "said"), made(text, "Ruiz", "said", (".",)))
    assert [a.content_text for a in found] == ["the port would close", "it would not"]


def test_the_input_is_not_changed(nlp):
    text = "“The bridge will reopen in March,” Mayor Lena Okafor said."
    given = made(text, "Mayor Lena Okafor", "said", ("“The bridge will reopen",))
    before = (list(given.source), list(given.cue), list(given.content))
    apply_quote_rules(nlp(text), [given])
    assert (given.source, given.cue, given.content) == before


@pytest.mark.parametrize("text", [
    "", "“", "”", "\"", "''", "“”", "“ ”", "He said: ", ": “", "“a” “b” “c",
    "” said he “ we go", "“We will stay, she said.\n\n“And then we leave.\n\n“",
])
def test_odd_texts_do_not_crash(nlp, text):
    doc = nlp(text)
    spans = [[(t.idx, t.idx + len(t))] for t in doc]
    given = [Attribution(source=spans[i % len(spans)], cue=spans[-1],
                         content=[f for span in spans[i:i + 3] for f in span])
             for i in range(len(spans))] if spans else []
    given.append(Attribution(source=[(5, 2), (-3, 1)], cue=[(0, 10**6)], content=[(2, 10**6)]))
    assert_well_formed(text, apply_quote_rules(doc, given))


def test_random_marks_and_spans_do_not_crash(nlp):
    rng = random.Random(7)
    words = ["the", "mayor", "said", "“", "”", '"', "''", "``", ",", ".", ":", "\n\n", "we",
             "will", "come", "told", "reporters", "Ruiz", "according", "to", "’", "‘"]
    for _ in range(40):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
        doc = nlp(text)
        given = [Attribution(*(_random_span(rng, len(text)) for _ in range(3)))
                 for _ in range(rng.randint(0, 4))]
        assert_well_formed(text, apply_quote_rules(doc, given))


def _random_span(rng: random.Random, size: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(rng.randint(0, 2)):
        start = rng.randint(0, size)
        out.append((start, rng.randint(start, size)))
    return out


def assert_well_formed(text: str, found: list[Attribution]) -> None:
    keys = set()
    for att in found:
        assert any(c.isalnum() for c in span_text(text, att.content))
        for s, e in att.source + att.cue + att.content:
            assert 0 <= s <= e <= len(text)
        key = (tuple(att.content), tuple(att.source))
        assert key not in keys
        keys.add(key)
    positions = [min(a.cue or a.content)[0] for a in found]
    assert positions == sorted(positions)
