"""The accurate mode: fine-tuned MiniLM token vectors plus the parse features, two small heads.

The same cue-anchored design as the CRF tagger: a cue head labels cue tokens
(BIO); for each cue a role head labels every token of the cue's window as
source or content, looking at the token's vector, the cue's vector, their
product, and the CRF's parse features (dependency path to the cue, side,
distance, quotes) as hashed embeddings. The heads were trained together with
the encoder's top layers; the model file holds both, and the rest of the
encoder comes from the PyPI package.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from ..errors import ModelError
from ..model import Attribution
from .encoder import HIDDEN, MiniLMEncoder, import_torch_stack
from .features import DocFeatures, build_doc_features, cue_sequence, role_sequence, role_window
from .tagging import best_valid_tags, spans_from_tags
from .tagger import RawAttribution, default_model_dir, read_role_tags, to_attribution

NEURAL_MODEL = "neural_heads.pt"
ENCODER_PREFIX = "encoder."  # model-file keys of the tuned encoder layers
BUCKETS = 1 << 15  # rows of each feature embedding table (hashed feature ids)
CUE_TAGS = ("O", "B-CUE", "I-CUE")
ROLE_TAGS = ("O", "B-S", "I-S", "B-C", "I-C")


def hash_features(seq: list[list[str]]) -> tuple[list[int], list[int]]:
    """Flattened feature hashes and per-token offsets, as EmbeddingBag takes
    them (the heads fold the hashes into their own number of buckets)."""
    ids, offsets = [], []
    for feats in seq:
        offsets.append(len(ids))
        ids.extend(map(zlib.crc32, map(str.encode, feats)))
    return ids, offsets


def build_heads(feat_dim: int = 48, hidden: int = 256, dropout: float = 0.2,
                vector_dim: int = HIDDEN, buckets: int = BUCKETS):
    """The two heads as one torch module (imported lazily: torch is optional)."""
    import torch
    from torch import nn

    class Heads(nn.Module):
        def __init__(self):
            super().__init__()
            self.buckets = buckets
            self.cue_bag = nn.EmbeddingBag(buckets, feat_dim, mode="sum")
            self.role_bag = nn.EmbeddingBag(buckets, feat_dim, mode="sum")
            self.cue_mlp = nn.Sequential(nn.Dropout(dropout), nn.Linear(vector_dim + feat_dim, hidden),
                                         nn.ReLU(), nn.Linear(hidden, len(CUE_TAGS)))
            self.role_mlp = nn.Sequential(nn.Dropout(dropout),
                                          nn.Linear(3 * vector_dim + feat_dim, hidden),
                                          nn.ReLU(), nn.Linear(hidden, len(ROLE_TAGS)))

        def cue_logits(self, vectors, ids, offsets):
            return self.cue_mlp(torch.cat([vectors, self.cue_bag(ids % buckets, offsets)], dim=1))

        def role_logits(self, vectors, cue_vectors, ids, offsets):
            """One row per (cue, token) pair: the token's and its cue's vectors."""
            x = torch.cat([vectors, cue_vectors, vectors * cue_vectors,
                           self.role_bag(ids % buckets, offsets)], dim=1)
            return self.role_mlp(x)

    return Heads()


class NeuralAttributionTagger:
    """Finds attributions in a parsed Doc with MiniLM vectors and trained heads."""

    def __init__(self, model_dir: Path | None = None, threads: int | None = None,
                 name: str = NEURAL_MODEL, quantize: bool = True, viterbi: bool = True):
        torch, _ = import_torch_stack()
        path = (model_dir or default_model_dir()) / name
        if not path.is_file():
            raise ModelError(f"trained model {path} is missing; run 'make train'")
        self.torch = torch
        state = torch.load(path, map_location="cpu", weights_only=True)
        config = state.pop("config")
        # Chosen on held-out train documents after training (training/neural.py):
        # how much less likely "not a cue" is made, trading precision for recall.
        self.cue_bias = float(state.pop("decoding", {}).get("cue_bias", 0.0))
        tuned = {k.removeprefix(ENCODER_PREFIX): v for k, v in state.items()
                 if k.startswith(ENCODER_PREFIX)}
        self.heads = build_heads(**config)
        self.heads.load_state_dict({k: v.float() for k, v in state.items()
                                    if not k.startswith(ENCODER_PREFIX)})
        self.heads.eval()
        self.encoder = MiniLMEncoder(threads, tuned=tuned, quantize=quantize)
        self.viterbi = viterbi

    def decode(self, log_probs: np.ndarray, names: tuple[str, ...]) -> list[str]:
        """Tags from per-token log-probabilities: the best sequence with no
        stray "I" (or, with ``viterbi=False``, each token's best tag)."""
        if self.viterbi:
            return best_valid_tags(log_probs, names)
        return [names[k] for k in log_probs.argmax(axis=1)]

    def __call__(self, doc: Doc) -> list[Attribution]:
        """One attribution per cue found; the content may be empty (the quote
        rules can still find it, and drop what stays empty)."""
        return self.tag(build_doc_features(doc), self.encoder(doc))

    def tag(self, feats: DocFeatures, vectors: np.ndarray) -> list[Attribution]:
        """Attributions from a document's features and token vectors."""
        with self.torch.inference_mode():
            vectors = self.torch.from_numpy(vectors)
            cues = self.find_cues(feats, vectors)
            raws = self.find_roles(feats, vectors, cues) if cues else []
        return [to_attribution(feats.doc, raw) for raw in raws]

    def find_cues(self, feats: DocFeatures, vectors) -> list[tuple[int, int]]:
        """Cue token ranges, all sentences labelled in one pass of the head."""
        rows = cue_rows(feats)
        logits = self.heads.cue_logits(vectors[rows.tokens], *rows.bag(self.torch))
        log_probs = logits.log_softmax(dim=1).numpy()
        log_probs[:, CUE_TAGS.index("O")] -= self.cue_bias
        found = []
        for start, end in feats.sent_bounds:
            found.extend(_runs(self.decode(log_probs[start:end], CUE_TAGS), start))
        return found

    def find_roles(self, feats: DocFeatures, vectors, cues) -> list[RawAttribution]:
        """Source and content of every cue, all windows in one pass of the head."""
        rows = role_rows(feats, cues)
        cue_vectors = torch_cue_vectors(self.torch, vectors, cues)
        logits = self.heads.role_logits(vectors[rows.tokens], cue_vectors[rows.group],
                                        *rows.bag(self.torch))
        log_probs = logits.log_softmax(dim=1).numpy()
        raws, at = [], 0
        for cue, (start, end) in zip(cues, rows.windows):
            tags = self.decode(log_probs[at:at + end - start], ROLE_TAGS)
            raws.append(read_role_tags(feats.doc, cue, tags, start))
            at += end - start
        return raws


@dataclass
class Rows:
    """Token rows for one head: which token, which cue group, hashed features."""

    tokens: np.ndarray
    ids: list[int]
    offsets: list[int]
    group: np.ndarray | None = None
    windows: list[tuple[int, int]] = field(default_factory=list)

    def bag(self, torch):
        return (torch.from_numpy(np.array(self.ids, dtype=np.int64)),
                torch.from_numpy(np.array(self.offsets, dtype=np.int64)))


def cue_rows(feats: DocFeatures, sequences: list[list[list[str]]] | None = None) -> Rows:
    """Every token of the document, with its cue-tagger features (per
    sentence; pass ``sequences`` when they are already built)."""
    if sequences is None:
        sequences = [cue_sequence(feats, start, end) for start, end in feats.sent_bounds]
    seq = [f for sentence in sequences for f in sentence]
    ids, offsets = hash_features(seq)
    return Rows(np.arange(len(seq)), ids, offsets)


def role_rows(feats: DocFeatures, cues: list[tuple[int, int]],
              sequences: list[list[list[str]]] | None = None) -> Rows:
    """The window tokens of every cue, with features relative to that cue
    (pass ``sequences``, one per cue, when they are already built)."""
    seq, tokens, group, windows = [], [], [], []
    for k, cue in enumerate(cues):
        window = role_window(feats, cue)
        windows.append(window)
        seq.extend(sequences[k] if sequences is not None else role_sequence(feats, cue, window))
        tokens.extend(range(*window))
        group.extend([k] * (window[1] - window[0]))
    ids, offsets = hash_features(seq)
    return Rows(np.array(tokens), ids, offsets, np.array(group), windows)


def torch_cue_vectors(torch, vectors, cues):
    """Mean vector of each cue's tokens, stacked."""
    return torch.stack([vectors[s:e].mean(dim=0) for s, e in cues])


def _runs(tags: list[str], offset: int) -> list[tuple[int, int]]:
    return spans_from_tags(tags, offset).get("CUE", [])


def tags_to_ids(tags: list[str], names: tuple[str, ...]) -> np.ndarray:
    index = {n: i for i, n in enumerate(names)}
    return np.array([index[t] for t in tags], dtype=np.int64)
