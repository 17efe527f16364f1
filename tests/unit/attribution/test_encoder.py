"""MiniLM windows: sentences packed under the piece limit; vectors per token."""

import numpy as np
import pytest

from sayso.attribution.encoder import HIDDEN, pack_windows
from sayso.nlp.pipeline import load_nlp


@pytest.fixture(scope="module")
def doc():
    return load_nlp()("The port is closed. Talks failed on Monday. The union will vote.\n\nNo date was set.")


def test_windows_break_after_sentence_ends(doc):
    words = [t for t in doc if not t.is_space]
    windows = pack_windows(words, [1] * len(words), limit=12)
    assert [w.i for window in windows for w in window] == [w.i for w in words]
    assert all(len(w) <= 12 for w in windows)
    assert all(window[-1].is_sent_end for window in windows[:-1])


def test_a_sentence_longer_than_the_limit_is_cut_inside(doc):
    words = [t for t in doc if not t.is_space]
    windows = pack_windows(words, [3] * len(words), limit=6)
    assert all(sum(3 for _ in w) <= 6 for w in windows)
    assert sum(len(w) for w in windows) == len(words)


def test_every_word_gets_a_vector_and_spaces_get_zeros(doc):
    pytest.importorskip("torch")
    from sayso.attribution.encoder import MiniLMEncoder

    vectors = MiniLMEncoder(threads=1)(doc)
    assert vectors.shape == (len(doc), HIDDEN)
    norms = np.linalg.norm(vectors, axis=1)
    assert all((norms[t.i] == 0) == t.is_space for t in doc)


def test_int8_vectors_stay_close_to_the_full_precision_ones(doc):
    pytest.importorskip("torch")
    from sayso.attribution.encoder import MiniLMEncoder

    full = MiniLMEncoder(threads=1)(doc)
    quick = MiniLMEncoder(threads=1, quantize=True)(doc)
    words = [t.i for t in doc if not t.is_space]
    cosine = (full[words] * quick[words]).sum(1) / (
        np.linalg.norm(full[words], axis=1) * np.linalg.norm(quick[words], axis=1))
    assert cosine.min() > 0.9


def test_tuned_weights_replace_the_base_ones_and_foreign_keys_are_refused(doc):
    torch = pytest.importorskip("torch")
    from sayso.attribution.encoder import MiniLMEncoder
    from sayso.errors import ModelError

    key = "encoder.layer.5.output.dense.bias"
    base = MiniLMEncoder(threads=1)
    shifted = base.model.state_dict()[key] + 0.5
    tuned = MiniLMEncoder(threads=1, tuned={key: shifted.half()})
    assert torch.allclose(tuned.model.state_dict()[key], shifted, atol=1e-3)
    assert not np.allclose(base(doc), tuned(doc))
    with pytest.raises(ModelError, match="do not fit"):
        MiniLMEncoder(threads=1, tuned={"encoder.layer.9.output.dense.bias": shifted})
