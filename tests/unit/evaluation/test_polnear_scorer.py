"""Our scorer's definitions, on hand-made spans and documents."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest

from sayso.errors import InputError
from sayso.evaluation.predictions import load_predictions_jsonl
from sayso.evaluation.scorer import (
    MatchCount, TokenIndex, canonical_span, count_greedy_matches, format_json,
    format_table, is_ignorable, partial_overlap, report, score, unknown_warning,
)
from sayso.model import Attribution


@dataclass
class Doc:
    doc_id: str
    text: str
    attributions: list = field(default_factory=list)


def at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def att(source, cue, content) -> Attribution:
    return Attribution(source=source, cue=cue, content=content)


# ------------------------------------------------------------ canonical --

TEXT = 'He said: "We will come," she said, "if they ask." Then_again \ufeffno.  '


def test_ignorable_characters():
    assert all(map(is_ignorable, ' \n\t:,."\u201c\u2014\ufeff'))
    assert not any(map(is_ignorable, "a9_\u00e9"))  # "_" is \w though it is punctuation


def test_punctuation_only_span_keeps_its_punctuation():
    colon = at(TEXT, ":")
    assert canonical_span([colon], TEXT) == (colon,)
    # A ":" cue taken with the space after it is the same cue.
    assert canonical_span([(colon[0], colon[1] + 1)], TEXT) == (colon,)


def test_whitespace_only_span_is_empty():
    end = len(TEXT)
    assert canonical_span([(end - 2, end)], TEXT) == ()
    assert canonical_span([], TEXT) == ()


def test_ends_are_stripped_of_quotes_and_format_characters():
    quoted = at(TEXT, '"We will come,"')
    assert canonical_span([quoted], TEXT) == (at(TEXT, "We will come"),)
    bom_word = at(TEXT, "\ufeffno.")
    assert canonical_span([bom_word], TEXT) == (at(TEXT, "no"),)


def test_fragments_separated_only_by_punctuation_merge():
    text = 'up, "down" and out'
    up, down, out = at(text, "up"), at(text, "down"), at(text, "out")
    assert canonical_span([up, down], text) == ((up[0], down[1]),)
    # '" and ' holds a word: those fragments stay apart.
    assert canonical_span([down, out], text) == (down, out)
    # A fragment of punctuation only disappears beside one with words.
    assert canonical_span([up, at(text, ', "')], text) == (up,)


def test_fragments_are_sorted_and_overlaps_merged():
    she_said, said = at(TEXT, "she said"), at(TEXT, "said, ")
    assert canonical_span([said, she_said, she_said], TEXT) == (she_said,)
    we_will, will_come = at(TEXT, "We will"), at(TEXT, "will come")
    assert canonical_span([will_come, we_will], TEXT) == ((we_will[0], will_come[1]),)


def test_same_canonical_form_means_same_non_ignorable_characters():
    one = canonical_span([at(TEXT, '"if they ask."')], TEXT)
    two = canonical_span([at(TEXT, "if they"), at(TEXT, " ask.")], TEXT)
    assert one == two == (at(TEXT, "if they ask"),)


# -------------------------------------------------------------- overlap --

def test_tokens_touched_by_a_span():
    index = TokenIndex("ab cd ef")
    assert index.tokens_in([(1, 4)]) == {0, 1}
    assert index.tokens_in([(2, 3)]) == frozenset()
    assert index.canonical([(2, 3)]) is None


def test_partial_overlap_needs_a_shared_token():
    index = TokenIndex("alpha beta gamma")
    a, b = index.canonical([(0, 10)]), index.canonical([(6, 16)])
    assert partial_overlap(a, b) == (1, 4)
    assert partial_overlap(index.canonical([(0, 5)]), index.canonical([(6, 10)])) is None
    assert partial_overlap(a, None) is None


def test_sharing_part_of_a_token_is_sharing_the_token():
    index = TokenIndex("alphabet soup")
    assert partial_overlap(index.canonical([(0, 3)]), index.canonical([(5, 13)])) == (1, 0)


def test_a_span_without_tokens_matches_by_characters():
    text = "Brooks: no"
    index = TokenIndex(text)
    colon = index.canonical([(6, 7)])
    assert partial_overlap(colon, index.canonical([(0, 10)])) == (0, 1)
    # "Brooks:" loses its colon when made canonical, so nothing is shared.
    assert partial_overlap(colon, index.canonical([(0, 7)])) is None


# ------------------------------------------------------------- matching --

def test_greedy_takes_the_largest_overlap_first():
    # Pred 0 overlaps gold 0 by 3 tokens and gold 1 by 1; pred 1 only gold 0.
    # A maximum matching would pair both; the greedy one pairs only pred 0.
    candidates = [((3, 9), 0, 0), ((1, 2), 0, 1), ((2, 5), 1, 0)]
    assert count_greedy_matches(candidates) == 1


def test_greedy_uses_each_side_once():
    candidates = [((1, 1), 0, 0), ((1, 1), 1, 0), ((1, 1), 1, 1)]
    # Ties go by predicted then gold position: (0,0) then (1,1).
    assert count_greedy_matches(candidates) == 2
    assert count_greedy_matches([]) == 0


def test_greedy_ties_break_by_predicted_then_gold_position():
    # Taken in the order (0,0), (0,1), (1,0): only the first survives.
    # Taking (1,0) or (0,1) first would have given two pairs.
    assert count_greedy_matches([((1,), 1, 0), ((1,), 0, 0), ((1,), 0, 1)]) == 1
    assert count_greedy_matches([((1,), 0, 1), ((1,), 1, 0), ((1,), 0, 0)]) == 1


def test_match_count_rates():
    assert MatchCount(0, 0, 0).as_dict()["f1"] == 0.0
    rates = MatchCount(1, 2, 4).as_dict()
    assert (rates["precision"], rates["recall"]) == (0.5, 0.25)
    assert rates["f1"] == pytest.approx(1 / 3)


# --------------------------------------------------------------- scoring --

SAID = 'Ms Lee said "taxes will rise" and "jobs will go." Aides agreed.'


def gold_doc() -> Doc:
    lee, said = [at(SAID, "Ms Lee")], [at(SAID, "said")]
    return Doc("d1", SAID, [att(lee, said, [at(SAID, "taxes will rise")]),
                            att(lee, said, [at(SAID, "jobs will go.")]),
                            att([], [at(SAID, "agreed")], [at(SAID, "Aides")])])


def test_a_source_shared_by_attributions_counts_once():
    result = score([gold_doc()], {"d1": gold_doc().attributions})
    assert result["spans"]["source"]["exact"]["gold"] == 1
    assert result["spans"]["cue"]["exact"]["gold"] == 2
    assert result["attribution"]["strict"]["matched"] == 3


def test_partial_and_strict_attribution_matches():
    pred = [att([at(SAID, "Lee")], [at(SAID, "said")], [at(SAID, "taxes will")]),
            att([at(SAID, "Ms Lee")], [], [at(SAID, '"jobs will go."')]),
            att([at(SAID, "Aides")], [at(SAID, "agreed")], [at(SAID, "Aides")])]
    result = score([gold_doc()], {"d1": pred})
    assert result["attribution"]["partial"]["matched"] == 2  # the third adds a source
    assert result["attribution"]["strict"]["matched"] == 1   # only the quote marks differ
    assert result["counts"]["predicted_attributions_no_source"] == 0
    assert result["counts"]["gold_attributions_no_source"] == 1


def test_no_source_on_both_sides_is_a_source_match():
    pred = [att([], [], [at(SAID, "Aides agreed")])]
    result = score([gold_doc()], {"d1": pred})
    assert result["attribution"]["partial"]["matched"] == 1
    assert result["attribution"]["strict"]["matched"] == 0


def test_token_metric_labels_each_token_once():
    pred = [att([], [], [at(SAID, "taxes will")]), att([], [], [at(SAID, "will rise")])]
    token = score([gold_doc()], {"d1": pred})["spans"]["content"]["token"]
    assert (token["matched"], token["predicted"], token["gold"]) == (3, 3, 7)


def test_documents_without_predictions_count_as_empty():
    other = Doc("d2", "Nothing said here.")
    result = score([gold_doc(), other], {"d2": []})
    assert result["counts"]["predicted_documents"] == 1
    assert result["attribution"]["partial"]["gold"] == 3
    assert result["attribution_partial_f1"] == 0.0


def test_all_row_sums_the_roles():
    result = score([gold_doc()], {})
    assert result["spans"]["all"]["exact"]["gold"] == 1 + 2 + 3


def test_result_layout_and_table():
    result = report("dev", [gold_doc()], {"d1": gold_doc().attributions}, ["x"])
    assert list(result) == ["split", "counts", "spans", "attribution",
                            "attribution_partial_f1", "attribution_strict_f1",
                            "unknown_doc_ids"]
    lines = format_table(result).split("\n")
    assert lines[0] == "split dev: 1 documents, 1 with predictions, 1 unknown doc_ids ignored"
    assert lines[3].split() == ["level", "match", "P", "R", "F1", "matched", "pred", "gold"]
    assert len(lines) == 4 + 12 + 2 + 2
    assert lines[-1] == "attribution_partial_f1=1.0000 attribution_strict_f1=1.0000"
    assert json.loads(format_json(result)) == result


def test_unknown_warning():
    assert unknown_warning([]) is None
    assert unknown_warning(list("abcdef")).endswith(": a, b, c, d, e ...")


# ----------------------------------------------------------- predictions --

TEXTS = {"d1": SAID}


def load(*lines: str):
    return load_predictions_jsonl(list(lines), TEXTS)


def test_predictions_are_parsed_and_normalised():
    line = json.dumps({"doc_id": "d1", "attributions": [
        {"source": [], "cue": [[5, 5], [3, 7], [3, 7]], "content": [[9, 12], [0, 2]],
         "kind": "direct"}]})
    predictions, unknown = load("", line, json.dumps({"doc_id": "zz", "attributions": 7}))
    [attribution] = predictions["d1"]
    assert attribution.cue == [(3, 7)] and attribution.content == [(0, 2), (9, 12)]
    assert unknown == ["zz"]  # unknown documents are reported, not validated


@pytest.mark.parametrize("line, message", [
    ("{not json", "<predictions>:1: not JSON"),
    ('["d1"]', "string doc_id"),
    ('{"doc_id": 3}', "string doc_id"),
    ('{"doc_id": "d1"}', "'attributions' must be a list"),
    ('{"doc_id": "d1", "attributions": [3]}', "attribution 0: expected an object"),
    ('{"doc_id": "d1", "attributions": [{"cue": []}]}', "missing source, content"),
    ('{"doc_id": "d1", "attributions": [{"source": 1, "cue": [], "content": []}]}',
     "source: expected a list"),
    ('{"doc_id": "d1", "attributions": [{"source": [[1, 2, 3]], "cue": [], "content": []}]}',
     "is not \\[start, end\\]"),
    ('{"doc_id": "d1", "attributions": [{"source": [[true, 2]], "cue": [], "content": []}]}',
     "is not \\[start, end\\]"),
    ('{"doc_id": "d1", "attributions": [{"source": [[1.0, 2]], "cue": [], "content": []}]}',
     "is not \\[start, end\\]"),
    ('{"doc_id": "d1", "attributions": [{"source": [[5, 2]], "cue": [], "content": []}]}',
     "outside 0..63"),
    ('{"doc_id": "d1", "attributions": [{"source": [[0, 99]], "cue": [], "content": []}]}',
     "outside 0..63"),
])
def test_malformed_predictions_are_one_line_errors(line, message):
    with pytest.raises(InputError, match=message) as caught:
        load(line)
    assert "\n" not in str(caught.value)


def test_a_doc_id_may_appear_once():
    line = '{"doc_id": "zz", "attributions": []}'
    with pytest.raises(InputError, match="<predictions>:2: doc_id 'zz' appears twice"):
        load(line, line)


def test_predictions_from_a_file(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text('{"doc_id": "d1", "attributions": []}\n', encoding="utf-8")
    assert load_predictions_jsonl(path, TEXTS) == ({"d1": []}, [])
    path.write_bytes(b'{"doc_id": "d\xff"}\n')
    with pytest.raises(InputError, match="not UTF-8"):
        load_predictions_jsonl(path, TEXTS)
    with pytest.raises(InputError, match="cannot read"):
        load_predictions_jsonl(tmp_path / "missing.jsonl", TEXTS)
