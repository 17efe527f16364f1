import numpy as np
import pytest

from sayso.accounts.vectors import LexicalVectorizer, make_vectorizer, minilm_available
from sayso.errors import ModelError

SAME = ["the leaders agreed to reopen the border crossing",
        "both presidents agreed the border crossing would reopen"]
OTHER = "dockers extended their strike at the harbour over night pay"


def cosines(vectorizer):
    v = vectorizer.encode(SAME + [OTHER])
    assert v.shape[0] == 3 and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    return float(v[0] @ v[1]), float(v[0] @ v[2])


def test_lexical_vectors_put_shared_words_close():
    same, other = cosines(LexicalVectorizer())
    assert same > 0.3 and other < 0.1


@pytest.mark.skipif(not minilm_available(), reason="needs the accurate extra")
def test_minilm_vectors_put_paraphrases_closer_than_other_topics():
    vectorizer = make_vectorizer("minilm")
    assert vectorizer.name == "minilm"
    same, other = cosines(vectorizer)
    assert same > other + 0.3


def test_auto_picks_minilm_exactly_when_it_is_installed():
    assert make_vectorizer("auto").name == ("minilm" if minilm_available() else "lexical")


def test_an_unknown_backend_is_a_clear_error():
    with pytest.raises(ModelError, match="unknown vector backend"):
        make_vectorizer("word2vec")


def test_an_empty_statement_gets_a_zero_vector_not_a_crash():
    v = LexicalVectorizer().encode(["", "the"])
    assert not v.any()
