"""Relay chains: who a statement passed through, reporting source first."""

from speakers_helpers import enriched


def cited(attribution):
    return [(c.name, c.type, c.role) for c in attribution.cited]


def test_citing_after_the_source(nlp):
    text = "The agency, citing a ministry spokesman, said that the talks had stalled."
    [a] = enriched(nlp, text, ("The agency", "said", "that the talks had stalled"))
    assert (a.speaker.name, a.speaker.type) == ("agency", "ORG")
    assert cited(a) == [("ministry spokesman", "PERSON", None)]


def test_citing_a_named_person_with_title(nlp):
    text = "Tass, citing Kremlin spokesman Dmitry Peskov, said talks would resume."
    [a] = enriched(nlp, text, ("Tass", "said", "talks would resume"))
    assert a.speaker.name == "Tass"
    assert cited(a) == [("Dmitry Peskov", "PERSON", "Kremlin spokesman")]


def test_citing_after_the_cue(nlp):
    text = "The newspaper reported, citing two senior officials, that the deal was signed."
    [a] = enriched(nlp, text, ("The newspaper", "reported", "that the deal was signed"))
    assert [c.name for c in a.cited] == ["two senior officials"]


def test_quoted_as_saying(nlp):
    text = "Interfax quoted a ministry official as saying that the pipeline was damaged."
    [a] = enriched(nlp, text, ("Interfax", "quoted", "that the pipeline was damaged"))
    assert (a.speaker.name, a.speaker.type) == ("Interfax", "ORG")
    assert cited(a) == [("ministry official", "PERSON", None)]


def test_quoted_as_saying_with_the_origin_as_source(nlp):
    """When the extractor takes the quoted person as the source, that person
    is already the origin: nothing further is cited."""
    text = "Interfax quoted a ministry official as saying that the pipeline was damaged."
    [a] = enriched(nlp, text,
                   ("a ministry official", "saying", "that the pipeline was damaged"))
    assert a.speaker.name == "ministry official"
    assert a.cited == []


def test_according_to_citing(nlp):
    text = "According to the newspaper, citing two officials, the deal was signed in May."
    [a] = enriched(nlp, text, ("the newspaper", "According to", "the deal was signed in May"))
    assert a.speaker.name == "newspaper"
    assert [c.name for c in a.cited] == ["two officials"]


def test_according_to_which_cited(nlp):
    text = "According to Reuters, which cited a senior diplomat, the summit was postponed."
    [a] = enriched(nlp, text, ("Reuters", "According to", "the summit was postponed"))
    assert cited(a) == [("senior diplomat", "PERSON", None)]


def test_chain_of_two_relays_runs_toward_the_origin(nlp):
    text = ("Reuters, citing Interfax, which quoted a ministry official, "
            "said the pipeline was damaged.")
    [a] = enriched(nlp, text, ("Reuters", "said", "the pipeline was damaged"))
    assert a.speaker.name == "Reuters"
    assert [c.name for c in a.cited] == ["Interfax", "ministry official"]


def test_cited_person_resolved_to_full_name(nlp):
    text = ("Finance Minister Anna Weber spoke to the agency on Monday. "
            "The agency, citing Weber, said the budget would be cut.")
    [a] = enriched(nlp, text, ("The agency", "said", "the budget would be cut", "The agency,"))
    assert cited(a) == [("Anna Weber", "PERSON", "Finance Minister")]


def test_citing_data_is_not_a_source(nlp):
    text = "The company said, citing internal data, that sales had doubled."
    [a] = enriched(nlp, text, ("The company", "said", "that sales had doubled"))
    assert a.cited == []


def test_citing_inside_the_content_belongs_to_the_content(nlp):
    text = "Weber said the agency, citing officials, had misreported the figures."
    [a] = enriched(nlp, text, ("Weber", "said",
                               "the agency, citing officials, had misreported the figures"))
    assert a.cited == []


def test_no_relay_no_cited(nlp):
    text = "Tom Ruiz said the ships were delayed."
    [a] = enriched(nlp, text, ("Tom Ruiz", "said", "the ships were delayed"))
    assert a.cited == []



def test_cite_as_the_cue_reports_its_own_content(nlp):
    text = "At the debate, Weber cited remarks Ruiz had made about the harbour budget."
    [a] = enriched(nlp, text, ("Weber", "cited", "remarks Ruiz had made about the harbour budget"))
    assert a.cited == []


def test_citing_a_date_or_a_record_is_not_a_source(nlp):
    text = "The generals, who cited her years as a senator, said she was ready to lead."
    [a] = enriched(nlp, text, ("The generals", "said", "she was ready to lead"))
    assert a.cited == []
