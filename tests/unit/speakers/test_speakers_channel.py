"""The channel of a statement, as it is written in the cue's clause."""

import pytest
from speakers_helpers import enriched


@pytest.mark.parametrize("text, source, cue, content, channel", [
    ("In a post on Telegram, the governor said the dam had held.",
     "the governor", "said", "the dam had held", "In a post on Telegram"),
    ("The governor said in a post on Telegram that the dam had held.",
     "The governor", "said", "that the dam had held", "in a post on Telegram"),
    ("The ministry said in a statement that the strike had ended.",
     "The ministry", "said", "that the strike had ended", "in a statement"),
    ("Weber told reporters on Tuesday that the budget was sound.",
     "Weber", "told", "that the budget was sound", "reporters"),
    ("The mayor said in an interview with CNN that taxes would rise.",
     "The mayor", "said", "that taxes would rise", "in an interview with CNN"),
    ("She wrote on X that the vote had been rigged.",
     "She", "wrote", "that the vote had been rigged", "on X"),
    ("He said on Twitter that he would run again.",
     "He", "said", "that he would run again", "on Twitter"),
    ("The senator wrote on Facebook that the bridge would reopen.",
     "The senator", "wrote", "that the bridge would reopen", "on Facebook"),
    ("The minister said at a news conference in Berlin that prices would fall.",
     "The minister", "said", "that prices would fall", "at a news conference"),
    ("The lawyers said in a letter to the court that their client was innocent.",
     "The lawyers", "said", "that their client was innocent", "in a letter to the court"),
    ("Peskov said in a tweet that the meeting had gone well.",
     "Peskov", "said", "that the meeting had gone well", "in a tweet"),
    ("The governor said on Fox News that the state was prepared.",
     "The governor", "said", "that the state was prepared", "on Fox News"),
    ("Ruiz told the BBC that he was leaving the authority.",
     "Ruiz", "told", "that he was leaving the authority", "the BBC"),
    ("The head of the teachers' union, Olaf Brink, told the Morning Star that classes would "
     "move online.", "The head of the teachers' union, Olaf Brink", "told",
     "that classes would move online", "the Morning Star"),
    ("The central bank assured investors on Monday that the currency would hold.",
     "The central bank", "assured", "that the currency would hold", "investors"),
    ("Speaking at a news conference in Varne, the interior minister, Paul Dekker, said the "
     "border would stay closed.", "the interior minister, Paul Dekker", "said",
     "the border would stay closed", "at a news conference"),
    ("Speaking to reporters in Holm, Ada Kale said the strike was over.",
     "Ada Kale", "said", "the strike was over", "to reporters"),
    ("In a video posted on Instagram, the singer Mara Lune said she would cancel the tour.",
     "the singer Mara Lune", "said", "she would cancel the tour",
     "In a video posted on Instagram"),
    ("The senator attacked the governor in early-morning tweets.",
     "The senator", "attacked", "the governor", "in early-morning tweets"),
    ("On Sunday’s broadcast of “Meet the Press,” the senator said the bill was dead.",
     "the senator", "said", "the bill was dead", "On Sunday’s broadcast of “Meet the Press,”"),
    ("The bank disclosed in Securities and Exchange Commission filings that fees rose.",
     "The bank", "disclosed", "that fees rose",
     "in Securities and Exchange Commission filings"),
])
def test_channel_phrase(nlp, text, source, cue, content, channel):
    [a] = enriched(nlp, text, (source, cue, content))
    assert a.channel == channel


@pytest.mark.parametrize("text, source, cue, content", [
    ("The mayor said on Monday that the bridge was safe.",
     "The mayor", "said", "that the bridge was safe"),
    ("The mayor said in Berlin that the bridge was safe.",
     "The mayor", "said", "that the bridge was safe"),
    ("“The bridge is safe,” the mayor said.",
     "the mayor", "said", "The bridge is safe,"),
    ("According to the newspaper, the deal was signed in May.",
     "the newspaper", "According to", "the deal was signed in May"),
])
def test_no_channel(nlp, text, source, cue, content):
    [a] = enriched(nlp, text, (source, cue, content))
    assert a.channel is None


def test_channel_stops_before_the_content(nlp):
    text = "Ruiz said in a post on Telegram that ships were delayed."
    [a] = enriched(nlp, text, ("Ruiz", "said", "that ships were delayed"))
    assert a.channel == "in a post on Telegram"


def test_channel_drops_a_trailing_date(nlp):
    text = "The mayor said in an interview on Sunday that the port would stay open."
    [a] = enriched(nlp, text, ("The mayor", "said", "that the port would stay open"))
    assert a.channel == "in an interview"


def test_the_one_told_is_the_audience(nlp):
    text = "Weber told Ruiz that the money was ready."
    [a] = enriched(nlp, text, ("Weber", "told", "that the money was ready"))
    assert a.channel == "Ruiz"


def test_what_was_told_is_no_audience(nlp):
    text = "Weber told the truth."
    [a] = enriched(nlp, text, ("Weber", "told", "the truth"))
    assert a.channel is None and a.content_text == "the truth"


@pytest.mark.parametrize("text, source, cue, content, channel, kept", [
    ("Ingrid Solheim said in an interview with the Varne Herald that the company would sell "
     "its masts.", "Ingrid Solheim", "said",
     "in an interview with the Varne Herald that the company would sell its masts",
     "in an interview with the Varne Herald", "that the company would sell its masts"),
    ("Moreno told the Kessel Times he would not seek re-election.", "Moreno", "told",
     "the Kessel Times he would not seek re-election", "the Kessel Times",
     "he would not seek re-election"),
])
def test_a_channel_the_taggers_swept_into_the_content_leaves_it(nlp, text, source, cue,
                                                                 content, channel, kept):
    [a] = enriched(nlp, text, (source, cue, content))
    assert (a.channel, a.content_text) == (channel, kept)
