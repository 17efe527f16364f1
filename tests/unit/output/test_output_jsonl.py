"""JSON Lines: one line per document, exactly Extraction.to_dict()."""

import io
import json

from sayso.output import write_jsonl

from sample_article import build_results


def test_one_line_per_document_equal_to_to_dict():
    results = build_results()
    out = io.StringIO()
    write_jsonl(results, out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert [json.loads(line) for line in lines] == [e.to_dict() for _d, e in results]
    assert json.loads(lines[1]) == {"doc_id": "empty", "date": None, "attributions": []}


def test_offsets_point_at_the_texts_it_reports():
    results = build_results()
    out = io.StringIO()
    write_jsonl(results[:1], out)
    record = json.loads(out.getvalue())
    text = results[0][0].text
    assert record["date"] == "2024-03-05"
    for item in record["attributions"]:
        for role in ("source", "cue", "content"):
            assert " ".join(text[s:e] for s, e in item[role]) == item[f"{role}_text"]


def test_text_is_written_as_unicode_not_escapes():
    results = build_results()
    out = io.StringIO()
    write_jsonl(results, out)
    assert "\u201cWe are ready" in out.getvalue()
