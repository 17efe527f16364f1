"""BIO tags <-> token runs."""

from sayso.attribution.tagging import spans_from_tags, tags_from_labels


def test_runs_per_label_with_offset():
    tags = ["O", "B-S", "I-S", "O", "B-C", "I-C", "I-C"]
    assert spans_from_tags(tags, offset=10) == {"S": [(11, 13)], "C": [(14, 17)]}


def test_b_after_i_starts_a_new_run():
    assert spans_from_tags(["B-C", "I-C", "B-C"]) == {"C": [(0, 2), (2, 3)]}


def test_stray_i_opens_a_run_and_label_change_closes_one():
    assert spans_from_tags(["I-C", "I-S", "O"]) == {"C": [(0, 1)], "S": [(1, 2)]}


def test_labels_to_tags_and_back():
    labels = [None, "S", "S", None, "C", "C", "S"]
    tags = tags_from_labels(labels)
    assert tags == ["O", "B-S", "I-S", "O", "B-C", "I-C", "B-S"]
    assert spans_from_tags(tags) == {"S": [(1, 3), (6, 7)], "C": [(4, 6)]}


def test_best_valid_tags_never_start_a_run_with_i():
    import numpy as np

    from sayso.attribution.tagging import best_valid_tags

    names = ("O", "B-C", "I-C")
    # token 1 prefers I-C but follows an O-ish token; token 0 is nearly tied
    probs = np.log(np.array([[0.55, 0.45, 0.0001], [0.1, 0.2, 0.7], [0.2, 0.1, 0.7]]))
    assert best_valid_tags(probs, names) == ["B-C", "I-C", "I-C"]
    probs = np.log(np.array([[0.9, 0.05, 0.05], [0.5, 0.1, 0.4]]))
    assert best_valid_tags(probs, names) == ["O", "O"]
    assert best_valid_tags(np.zeros((0, 3)), names) == []
