"""BRAT standoff in the PolNeAR style, readable by the reference gold loader."""

import io
from pathlib import Path

import pytest

from sayso.output import write_brat
from sayso.output.brat import line_fragments

from sample_article import TEXT, at, build_results

REFERENCE = Path(__file__).resolve().parents[4] / "shared" / "eval"


def written(results) -> str:
    out = io.StringIO()
    write_brat(results, out)
    return out.getvalue()


def test_entities_triggers_and_events():
    results = build_results()
    lines = written(results[:1]).splitlines()
    s, e = at("Tom Ruiz")
    assert lines[:5] == [
        f"T1\tSource {s} {e}\tTom Ruiz",
        "T2\tCue {} {}\tsaid".format(*at("said")),
        "T3\tContent {} {}\tthe talks would resume.".format(*at("the talks would resume.")),
        "T4\tAttribution {} {}\tsaid".format(*at("said")),
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
    ]


def test_fragments_split_at_line_breaks_and_text_joined_by_spaces():
    results = build_results()
    content = next(line for line in written(results[:1]).splitlines()
                   if line.startswith("T7\t"))
    quote_start, _ = at("\u201cWe are ready")
    nobody, _ = at("\u201cNobody")
    _, this_end = at("wants this.")
    but, end = at("\u201cBut we will")[0], at("forever.\u201d")[1]
    assert content == (
        f"T7\tContent {quote_start} {quote_start + 15};{nobody} {this_end};{but} {end}\t"
        "\u201cWe are ready,\u201d \u201cNobody wants this. \u201cBut we will not wait forever.\u201d")


def test_attribution_without_source_or_cue_anchors_on_content():
    results = build_results()
    lines = written(results[:1]).splitlines()
    s, e = at("arbitration was likely")
    assert lines[-3:] == [f"T13\tContent {s} {e}\tarbitration was likely",
                          f"T14\tAttribution-no-source {s} {e}\tarbitration was likely",
                          "E4\tAttribution-no-source:T14 Content:T13"]


def test_several_documents_get_a_header_each():
    results = build_results()
    text = written(results)
    assert text.startswith("# harbour\nT1\t")
    assert text.endswith("\n\n# empty\n")


def test_single_document_is_a_plain_ann_file():
    results = build_results()
    assert written(results[1:]) == ""
    assert not written(results[:1]).startswith("#")


@pytest.mark.skipif(not (REFERENCE / "polnear.py").exists(), reason="no ../shared/eval")
def test_reference_loader_reads_back_the_same_spans(monkeypatch):
    results = build_results()
    monkeypatch.syspath_prepend(str(REFERENCE))
    import polnear

    stats = polnear.LoadStats()
    gold = polnear.parse_ann(written(results[:1]), TEXT, "written.ann", stats)
    assert stats.offset_mismatches == 0
    spans = [[a.role(role) for role in ("source", "cue", "content")] for a in gold]
    assert spans == [[tuple(sorted(attribution.source)), tuple(attribution.cue),
                      tuple(line_fragments(TEXT, attribution.content))]
                     for attribution in results[0][1].attributions]
