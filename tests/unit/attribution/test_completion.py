"""Widening a content run to its clause along the parse."""

from spacy.tokens import Doc
from spacy.vocab import Vocab

from sayso.attribution.completion import complete_content, token_runs


def parsed(words, heads, deps):
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def test_runs_of_consecutive_indices():
    assert token_runs([5, 1, 2, 4]) == [[1, 2], [4, 5]]


def test_run_is_widened_to_its_root_subtree():
    # He urged Korea to resume talks it abandoned
    words = ["He", "urged", "Korea", "to", "resume", "talks", "it", "abandoned"]
    heads = [1, 1, 4, 4, 1, 4, 7, 5]
    deps = ["nsubj", "ROOT", "nsubj", "aux", "xcomp", "dobj", "nsubj", "relcl"]
    doc = parsed(words, heads, deps)
    # the tagger stopped after "it"; the run's root "resume" owns the rest
    got = complete_content(doc, [2, 3, 4, 5, 6], blocked={0, 1})
    assert got == [2, 3, 4, 5, 6, 7]


def test_never_widened_across_the_cue_or_source():
    words = ["Talks", "failed", ",", "he", "said", "today"]
    heads = [1, 4, 4, 4, 4, 4]
    deps = ["nsubj", "ccomp", "punct", "nsubj", "ROOT", "npadvmod"]
    doc = parsed(words, heads, deps)
    # root of the run [1] is "failed" whose subtree is only "Talks failed"
    assert complete_content(doc, [1], blocked={3, 4}) == [0, 1]
    # a run whose root is the cue's head would cross the cue: left alone
    assert complete_content(doc, [5], blocked={3, 4}) == [5]
