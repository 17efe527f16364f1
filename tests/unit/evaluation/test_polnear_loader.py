"""The PolNeAR reader: BRAT standoff to gold attributions."""

from __future__ import annotations

import json
import shutil

import pytest

from sayso.errors import InputError
from sayso.evaluation.polnear import load_split, parse_ann, split_records, summarize
from sayso.model import span_text

LEDGER = "ledger_2016-10-03_council-approves-bridge"
WIRE = "wire_2016-10-04_senator-questions-trade"
GAZETTE = "gazette_2016-10-05_poll-shows-tight-race"
HERALD = "herald_2016-10-06_storm-closes-schools"


@pytest.fixture
def mini(mini_root):
    return {doc.doc_id: doc for doc in load_split(mini_root, "dev")}


def texts(doc, role):
    return [span_text(doc.text, getattr(a, role)) for a in doc.attributions]


def test_documents_sorted_with_their_annotators(mini_root):
    documents = load_split(mini_root, "dev")
    assert [d.doc_id for d in documents] == [GAZETTE, HERALD, LEDGER, WIRE]
    assert [d.annotator for d in documents] == ["5fec", "", "ef2d", "4e07"]


def test_first_annotation_file_by_name_is_the_gold(mini):
    # wire has _4e07.ann (5 attributions) and _ef2d.ann (1): 4e07 sorts first.
    assert mini[WIRE].annotator == "4e07"
    assert len(mini[WIRE].attributions) == 5


def test_document_without_annotation_file_has_no_attributions(mini):
    assert mini[HERALD].attributions == []


def test_discontinuous_content_keeps_its_fragments(mini):
    added = mini[LEDGER].attributions[1]
    assert len(added.content) == 2
    assert span_text(mini[LEDGER].text, added.content) == \
        "The bridge is older than most of us, and it shows."


def test_content2_is_merged_into_content(mini):
    carver = mini[WIRE].attributions[3]
    assert texts(mini[WIRE], "source")[3] == "Her spokesman, Lee Carver"
    assert span_text(mini[WIRE].text, carver.content) == (
        "the senator had \u201cserious concerns\u201d about the text and would say more this week")


def test_colon_cue_and_no_source_event(mini):
    wire = mini[WIRE]
    assert texts(wire, "cue")[0] == ":"
    assert texts(wire, "cue")[4] == "was described as"
    assert wire.attributions[4].source == []


def test_event_without_content_is_dropped(mini):
    # E6 in the wire file repeats source and cue but has no content.
    assert texts(mini[WIRE], "content")[-1] == "historic"


def test_exact_duplicate_event_is_dropped(mini):
    assert texts(mini[GAZETTE], "source") == ["A new poll", "pollster Ruth Mendel", "Mendel"]


def test_annotation_text_with_newline_continues_the_record(mini):
    content = texts(mini[GAZETTE], "content")[1]
    assert content == ("Voters are still making up their minds,\n"
                       "and many say the debates will decide it,")


def test_events_may_name_entities_written_after_them(mini):
    assert texts(mini[LEDGER], "content")[-1] == "work to begin in April"


def test_discard_and_discuss_entities_are_ignored(mini):
    covered = {t for doc in mini.values() for role in ("source", "cue", "content")
               for t in texts(doc, role)}
    assert "Read more at the Ledger." not in covered
    assert "in the briefing" not in covered


def test_spans_are_sorted_lists_of_tuples(mini):
    for doc in mini.values():
        for attribution in doc.attributions:
            for span in (attribution.source, attribution.cue, attribution.content):
                assert isinstance(span, list) and span == sorted(span)
                assert all(isinstance(f, tuple) for f in span)


def test_split_records_joins_continuation_lines():
    raw = "T1\tContent 0 9\tfirst\nsecond\nE1\tAttribution:T2 Content:T1\n"
    assert split_records(raw) == ["T1\tContent 0 9\tfirst\nsecond",
                                  "E1\tAttribution:T2 Content:T1"]


def test_parse_ann_unions_fragments_of_a_role():
    raw = ("T1\tContent 10 20\tx\nT2\tContent 0 5;10 20\ty\nT3\tCue 6 9\tz\n"
           "E1\tAttribution:T9 Cue:T3 Content:T1 Content2:T2\n")
    [attribution] = parse_ann(raw, "x.ann")
    assert attribution.content == [(0, 5), (10, 20)]
    assert attribution.source == [] and attribution.cue == [(6, 9)]


@pytest.mark.parametrize("raw, message", [
    ("T1\tContent 1 x\tfoo\n", "bad offsets"),
    ("T1\tContent 1 2 3\tfoo\n", "bad offsets"),
    ("T1\tContent\tfoo\n", "bad entity line"),
    ("T1\tContent 1 2\n", "bad entity line"),
    ("E1\tAttribution:T1 Content:T7\n", "missing 'T7'"),
])
def test_malformed_annotations_are_one_line_errors(raw, message):
    with pytest.raises(InputError, match=message) as caught:
        parse_ann(raw, "x.ann")
    assert "\n" not in str(caught.value)


def test_missing_folders_and_empty_split_are_errors(tmp_path):
    with pytest.raises(InputError, match="no text folder"):
        load_split(tmp_path, "dev")
    (tmp_path / "dev" / "text").mkdir(parents=True)
    with pytest.raises(InputError, match="no attributions folder"):
        load_split(tmp_path, "dev")
    (tmp_path / "dev" / "attributions").mkdir()
    with pytest.raises(InputError, match="no documents"):
        load_split(tmp_path, "dev")


def test_text_that_is_not_utf8_is_an_input_error(tmp_path, mini_root):
    shutil.copytree(mini_root / "dev", tmp_path / "dev")
    (tmp_path / "dev" / "text" / f"{HERALD}.txt").write_bytes(b"caf\xe9\n")
    with pytest.raises(InputError, match="not UTF-8"):
        load_split(tmp_path, "dev")


def test_carriage_returns_are_kept_in_the_text(tmp_path, mini_root):
    shutil.copytree(mini_root / "dev", tmp_path / "dev")
    (tmp_path / "dev" / "text" / f"{HERALD}.txt").write_bytes(b"a\r\nb\r")
    herald = {d.doc_id: d for d in load_split(tmp_path, "dev")}[HERALD]
    assert herald.text == "a\r\nb\r"


def test_counts_match_the_reference_on_the_mini_corpus(mini_root, reference):
    expected = json.loads(reference("stats", "--root", mini_root, "--split", "dev", "--json"))
    ours = summarize(load_split(mini_root, "dev"))
    assert ours == {key: expected[key] for key in ours}


def test_real_dev_counts(polnear_root):
    ours = summarize(load_split(polnear_root, "dev"))
    assert (ours["documents"], ours["attributions"]) == (84, 2192)


def test_counts_match_the_reference_on_real_dev(polnear_root, reference):
    ours = summarize(load_split(polnear_root, "dev"))
    expected = json.loads(reference("stats", "--root", polnear_root, "--split", "dev", "--json"))
    assert ours == {key: expected[key] for key in ours}


def test_gold_matches_the_reference_gold_on_real_dev(polnear_root, reference, tmp_path):
    out = tmp_path / "gold.jsonl"
    reference("gold", "--root", polnear_root, "--split", "dev", "--out", out)
    expected = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ours = load_split(polnear_root, "dev")
    assert [(d.doc_id, d.annotator) for d in ours] == \
        [(e["doc_id"], e["annotator"]) for e in expected]
    for doc, gold in zip(ours, expected):
        as_lists = [{role: [list(f) for f in getattr(a, role)]
                     for role in ("source", "cue", "content")} for a in doc.attributions]
        assert as_lists == [{k: v for k, v in a.items() if k != "id"}
                            for a in gold["attributions"]]
