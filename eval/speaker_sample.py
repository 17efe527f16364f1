"""Draw a reproducible sample of extracted attributions for checking speakers by hand.

    python eval/speaker_sample.py --data ../shared/data/polnear --split dev --n 60 > sample.txt

Prints, for each sampled attribution that has a source, the source phrase in
its context and the speaker sayso resolved, so a person can judge whether the
name is right (the most specific name the article gives that speaker).
Verdicts are kept in ``eval/speaker_judgements.jsonl`` (doc id, source
offsets, resolved name, verdict) and scored by ``eval/speaker_score.py``;
no article text is stored.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from sayso.evaluation.polnear import load_split
from sayso.extraction import Extractor
from sayso.model import Document


def sample_attributions(root: Path, split: str, n: int, seed: int, model: str):
    gold = load_split(root, split)
    docs = [Document(g.doc_id, g.text) for g in gold]
    pool = []
    for doc, extraction in zip(docs, Extractor(model).extract_all(docs)):
        pool.extend((doc, a) for a in extraction.attributions if a.source and a.speaker)
    return random.Random(seed).sample(pool, min(n, len(pool)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--split", default="dev")
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--model", default="default")
    args = parser.parse_args()
    for k, (doc, a) in enumerate(sample_attributions(args.data, args.split, args.n, args.seed, args.model)):
        s, e = a.source[0][0], a.source[-1][1]
        context = doc.text[max(0, s - 400):e + 150].replace("\n", " ")
        print(f"[{k}] {doc.doc_id} {a.source} source={a.source_text!r} -> "
              f"name={a.speaker.name!r} type={a.speaker.type} role={a.speaker.role!r}")
        print(f"    ...{context}...\n")


if __name__ == "__main__":
    main()
