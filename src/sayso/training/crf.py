"""Training recipe for the default extractor's two CRFs (``make train``).

Trains on PolNeAR's train split only; dev is for measuring, never for
training. Run: ``python -m sayso.training.crf --data ../shared/data/polnear``.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite
from spacy.tokens import Doc, DocBin

from ..evaluation.polnear import load_split
from ..nlp.pipeline import load_nlp
from ..attribution.alignment import TokenOffsets
from ..attribution.features import DocFeatures, build_doc_features, cue_sequence, role_sequence, role_window
from ..attribution.tagger import CUE_MODEL, ROLE_MODEL, default_model_dir
from ..attribution.tagging import tags_from_labels

# Chosen on a held-out slice of train (documents 740-839, models trained on
# the rest): L1 0.2 gave the best cue F1 (0.795 against 0.778-0.791), and the
# role tagger does better with stronger L1 (attribution partial F1 0.706
# against 0.702 at 0.2, strict 0.378 against 0.356).
CRF_PARAMS = {"c1": 0.2, "c2": 0.001, "max_iterations": 150,
              "feature.possible_transitions": True}
ROLE_PARAMS = dict(CRF_PARAMS, c1=1.0)


def parsed_documents(root: Path, split: str, cache: Path | None) -> list[tuple[Doc, list]]:
    """(spaCy Doc, gold attributions) per document; parses are cached if asked."""
    gold = load_split(root, split)
    nlp = load_nlp()
    cache_file = cache / f"{split}.spacy" if cache else None
    if cache_file and cache_file.is_file():
        docs = list(DocBin().from_disk(cache_file).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((g.text for g in gold), batch_size=16))
        if cache_file:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=docs).to_disk(cache_file)
    return [(d, g.attributions) for d, g in zip(docs, gold)]


def gold_cue_groups(offsets: TokenOffsets, attributions) -> dict[tuple[int, int], list]:
    """Gold attributions grouped by their cue's token range."""
    groups: dict[tuple[int, int], list] = {}
    for att in attributions:
        toks = offsets.tokens_in(att.cue)
        if toks:
            groups.setdefault((min(toks), max(toks) + 1), []).append(att)
    return groups


def cue_examples(doc: Doc, feats, groups) -> list[tuple[list, list[str]]]:
    labels: list[str | None] = [None] * len(doc)
    for start, end in groups:
        for i in range(start, end):
            labels[i] = "CUE"
    return [(cue_sequence(feats, s, e), tags_from_labels(labels[s:e]))
            for s, e in feats.sent_bounds]


def role_examples(doc: Doc, feats, offsets: TokenOffsets, groups) -> list[tuple[list, list[str]]]:
    examples = []
    for cue, atts in groups.items():
        window = role_window(feats, cue)
        labels: list[str | None] = [None] * (window[1] - window[0])
        for att in atts:
            for role, name in ((att.content, "C"), (att.source, "S")):
                for i in offsets.tokens_in(role):
                    if window[0] <= i < window[1] and not cue[0] <= i < cue[1]:
                        labels[i - window[0]] = name
        examples.append((role_sequence(feats, cue, window), tags_from_labels(labels)))
    return examples


def train_crf(examples, path: Path, params: dict) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in examples:
        trainer.append(xseq, yseq)
    trainer.set_params(params)
    trainer.train(str(path))


@dataclass
class TrainingDoc:
    """One parsed training document with its gold cue groups."""

    doc: Doc
    feats: DocFeatures
    offsets: TokenOffsets
    groups: dict


def prepare(parsed) -> list[TrainingDoc]:
    out = []
    for doc, attributions in parsed:
        offsets = TokenOffsets(doc)
        out.append(TrainingDoc(doc, build_doc_features(doc), offsets,
                               gold_cue_groups(offsets, attributions)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--out", type=Path, default=default_model_dir())
    parser.add_argument("--cache", type=Path, default=None, help="folder for parsed-corpus caches")
    parser.add_argument("--iterations", type=int, default=CRF_PARAMS["max_iterations"])
    parser.add_argument("--holdout", type=int, default=0, metavar="N",
                        help="leave the last N train documents out (for calibrating on them)")
    args = parser.parse_args(argv)
    started = time.time()
    parsed = parsed_documents(args.data, "train", args.cache)
    if args.holdout:
        parsed = parsed[:-args.holdout]
    print(f"parsed {len(parsed)} train documents in {time.time() - started:.0f}s", flush=True)
    docs = prepare(parsed)
    params = dict(CRF_PARAMS, max_iterations=args.iterations)
    args.out.mkdir(parents=True, exist_ok=True)
    train_crf((ex for d in docs for ex in cue_examples(d.doc, d.feats, d.groups)),
              args.out / CUE_MODEL, params)
    print(f"cue tagger: {time.time() - started:.0f}s", flush=True)
    train_crf((ex for d in docs for ex in role_examples(d.doc, d.feats, d.offsets, d.groups)),
              args.out / ROLE_MODEL, dict(ROLE_PARAMS, max_iterations=args.iterations))
    print(f"role tagger: {time.time() - started:.0f}s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
