"""Draw records for judging by hand: is it an attribution, is its speaker right?

    python eval/record_sample.py --seed 1206 --n 80 > sheet.txt
    python eval/record_sample.py --seed 1207 --n 30 --sources pronoun,who,nominal > sheet.txt

Draws, with a recorded seed, from every record the default mode outputs (at
its default confidence threshold) on a PolNeAR split, and prints for each
the paragraph around it, the source, cue, content, and the resolved speaker
(name, role, named). ``--sources`` limits the draw to records whose source
is a pronoun, a relative "who"/"which", or a common noun phrase. A judge
writes one JSON line per item to ``eval/record_judgements_<split>_seed<N>.jsonl``
(``item``, ``doc_id``, ``cue`` offsets, ``speaker``, ``attribution``: is
it a real statement with this content, ``speaker_right``: is the speaker
the one the article says made it, named as fully as the article names
them, or the description as written when it never does); no article text
is stored. ``eval/record_score.py`` prints the figures.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from sayso.evaluation.polnear import load_split
from sayso.extraction import Extractor
from sayso.model import Document

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})
RELATIVES = frozenset({"who", "which", "that"})


def source_kind(attribution) -> str:
    words = attribution.source_text.lower().split()
    if not words:
        return "none"
    if len(words) == 1 and words[0] in PRONOUNS:
        return "pronoun"
    if len(words) == 1 and words[0] in RELATIVES:
        return "who"
    speaker = attribution.speaker
    if words[0] in ("the", "a", "an", "his", "her", "its", "their") or (
            speaker is not None and speaker.named is False):
        return "nominal"
    return "name"


def draw(root: Path, split: str, n: int, seed: int, kinds: set[str] | None):
    gold = load_split(root, split)
    docs = [Document(g.doc_id, g.text) for g in gold]
    pool = []
    for doc, extraction in zip(docs, Extractor("default").extract_all(docs)):
        pool.extend((doc, a) for a in extraction.attributions
                    if kinds is None or source_kind(a) in kinds)
    return random.Random(seed).sample(pool, min(n, len(pool)))


def paragraph(text: str, at: int) -> str:
    start = text.rfind("\n\n", 0, at)
    end = text.find("\n\n", at)
    return text[start + 2 if start >= 0 else 0:end if end >= 0 else len(text)].strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--split", default="dev")
    parser.add_argument("--n", type=int, default=80)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--sources", help="comma-separated: pronoun, who, nominal, name, none")
    args = parser.parse_args()
    kinds = set(args.sources.split(",")) if args.sources else None
    out = sys.stdout
    for k, (doc, a) in enumerate(draw(args.data, args.split, args.n, args.seed, kinds)):
        at = (a.cue or a.content)[0][0]
        s = a.speaker
        out.write(f"=== item {k}  doc {doc.doc_id}  cue {[list(f) for f in a.cue]}\n")
        out.write(f"PARAGRAPH: {paragraph(doc.text, at)}\n")
        out.write(f"SOURCE: {a.source_text!r}\nCUE: {a.cue_text!r}\nCONTENT: {a.content_text!r}\n")
        out.write(f"SPEAKER: {s.name if s else None!r} (role {s.role if s else None!r}, "
                  f"named {s.named if s else None})\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
