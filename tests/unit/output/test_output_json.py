"""JSON: one indented array of Extraction.to_dict() objects."""

import io
import json

from sayso.output import write_json

from sample_article import build_results


def written(results) -> str:
    out = io.StringIO()
    write_json(results, out)
    return out.getvalue()


def test_array_of_to_dict_objects():
    results = build_results()
    assert json.loads(written(results)) == [e.to_dict() for _d, e in results]


def test_indented_with_fragments_kept_on_one_line():
    results = build_results()
    text = written(results)
    assert text.startswith("[\n  {\n    \"doc_id\": \"harbour\",")
    assert '"source": [\n          [0, 8]\n        ],' in text
    assert text.endswith("\n]\n")


def test_no_documents_is_an_empty_array():
    assert written([]) == "[]\n"
