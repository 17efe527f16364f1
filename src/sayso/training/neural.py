"""Training recipe for the accurate mode's heads (``make train``, after the CRFs).

Encodes PolNeAR train once with the frozen MiniLM encoder, then trains the
cue and role heads on those vectors plus the parse features. CPU only.
Run: ``python -m sayso.training.neural --data ../shared/data/polnear``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..attribution.encoder import MiniLMEncoder
from ..attribution.neural import (CUE_TAGS, NEURAL_MODEL, ROLE_TAGS, Rows, build_heads, cue_rows, role_rows,
                     tags_to_ids, torch_cue_vectors)
from ..attribution.tagger import default_model_dir
from ..nlp.pipeline import load_nlp
from .crf import TrainingDoc, cue_examples, parsed_documents, prepare, role_examples

CONFIG = {"feat_dim": 48, "hidden": 256, "dropout": 0.2}


@dataclass
class EncodedDoc:
    """One training document ready for the heads: vectors, rows, gold tags."""

    vectors: np.ndarray
    cues: list[tuple[int, int]]
    cue_rows: Rows
    cue_gold: np.ndarray
    role_rows: Rows
    role_gold: np.ndarray


def encode_corpus(docs: list[TrainingDoc], kind: str, cache: Path | None, threads: int
                  ) -> list[np.ndarray]:
    """Token vectors per document (float16), cached on disk if asked.

    "minilm": the MiniLM encoder; "spacy": the parser's tok2vec output, which
    a cached DocBin does not keep, so the texts are parsed again.
    """
    cache_file = cache / f"train.{kind}.npz" if cache else None
    if cache_file and cache_file.is_file():
        data = np.load(cache_file)
        return [data[f"arr_{i}"] for i in range(len(docs))]
    if kind == "spacy":
        texts = (d.doc.text for d in docs)
        vectors = [p.tensor.astype(np.float16) for p in load_nlp().pipe(texts, batch_size=16)]
    else:
        encoder = MiniLMEncoder(threads=threads)
        vectors = [encoder(d.doc).astype(np.float16) for d in docs]
    if cache_file:
        np.savez(cache_file, *vectors)
    return vectors


def labelled_rows(d: TrainingDoc, vectors: np.ndarray) -> EncodedDoc:
    """Rows and gold tags from the CRF recipe's examples (features built once)."""
    cue_ex = cue_examples(d.doc, d.feats, d.groups)
    role_ex = role_examples(d.doc, d.feats, d.offsets, d.groups)
    cues = list(d.groups)
    cue_tags = [t for _, tags in cue_ex for t in tags]
    role_tags = [t for _, tags in role_ex for t in tags]
    return EncodedDoc(vectors, cues,
                      cue_rows(d.feats, [x for x, _ in cue_ex]), tags_to_ids(cue_tags, CUE_TAGS),
                      role_rows(d.feats, cues, [x for x, _ in role_ex]),
                      tags_to_ids(role_tags, ROLE_TAGS))


def doc_loss(heads, doc: EncodedDoc, torch):
    """Summed cross-entropy over every token row of one document."""
    vectors = torch.from_numpy(doc.vectors.astype(np.float32))
    loss_fn = torch.nn.functional.cross_entropy
    rows = doc.cue_rows
    logits = heads.cue_logits(vectors[rows.tokens], *rows.bag(torch))
    total = loss_fn(logits, torch.from_numpy(doc.cue_gold), reduction="sum")
    if doc.cues:
        rows = doc.role_rows
        cue_vectors = torch_cue_vectors(torch, vectors, doc.cues)
        logits = heads.role_logits(vectors[rows.tokens], cue_vectors[rows.group], *rows.bag(torch))
        total = total + loss_fn(logits, torch.from_numpy(doc.role_gold), reduction="sum")
    return total


def train_heads(encoded: list[EncodedDoc], epochs: int, config: dict, seed: int = 13):
    import torch

    torch.manual_seed(seed)
    rng = random.Random(seed)
    heads = build_heads(**config)
    optimizer = torch.optim.Adam(heads.parameters(), lr=1e-3)
    order = list(range(len(encoded)))
    for epoch in range(epochs):
        heads.train()
        rng.shuffle(order)
        running, started = 0.0, time.time()
        for k in order:
            optimizer.zero_grad()
            loss = doc_loss(heads, encoded[k], torch)
            loss.backward()
            optimizer.step()
            running += loss.item()
        print(f"epoch {epoch + 1}: loss {running:.0f} ({time.time() - started:.0f}s)", flush=True)
    return heads.eval()


def save_heads(heads, config: dict, path: Path) -> None:
    import torch

    state = {k: v.half() for k, v in heads.state_dict().items()}
    state["config"] = dict(config)
    torch.save(state, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--out", type=Path, default=default_model_dir())
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--vectors", choices=("minilm", "spacy"), default="minilm")
    parser.add_argument("--name", default=NEURAL_MODEL, help="file name of the trained heads")
    parser.add_argument("--limit", type=int, default=None, help="train on the first N documents")
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(args.threads)
    started = time.time()
    docs = prepare(parsed_documents(args.data, "train", args.cache)[:args.limit])
    vectors = encode_corpus(docs, args.vectors, args.cache if args.limit is None else None,
                            args.threads)
    config = dict(CONFIG, vectors=args.vectors, vector_dim=int(vectors[0].shape[1]))
    print(f"encoded {len(docs)} documents in {time.time() - started:.0f}s", flush=True)
    encoded = [labelled_rows(d, v) for d, v in zip(docs, vectors)]
    heads = train_heads(encoded, args.epochs, config)
    args.out.mkdir(parents=True, exist_ok=True)
    save_heads(heads, config, args.out / args.name)
    print(f"saved {args.out / args.name} after {time.time() - started:.0f}s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
