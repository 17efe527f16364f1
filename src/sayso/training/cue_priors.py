"""How often a word, used with a given complement, is an attribution's cue.

    python -m sayso.training.cue_priors --data ../shared/data/polnear --holdout 100

Counts, over PolNeAR train less its last ``--holdout`` articles (the ones
the confidence model is fitted on), every verb and reporting noun by lemma
and by the shape of what follows it (``attribution.cue_priors.complement``:
a clause, a noun phrase, nothing), and how many of them head a gold cue.
"say" with a clause is a cue nearly always; "approve" or "find" with a
noun phrase ("the council approved a new parking scheme", "inspectors
found cracks") hardly ever, though the cue tagger, which sees one
sentence's words, sometimes takes them. The counts go to
``attribution/lexicons/cue_priors.txt``, which the confidence score reads.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from ..attribution.alignment import TokenOffsets
from ..attribution.cue_priors import PRIORS_FILE, complement, counted
from ..attribution.speech_acts import cue_head
from .crf import parsed_documents

MIN_OCCURRENCES = 3  # rarer pairs are left to the shape's overall rate


def count_cues(parsed) -> tuple[Counter, Counter]:
    """(occurrences, gold cue heads) per (lemma, complement shape)."""
    seen, cues = Counter(), Counter()
    for doc, attributions in parsed:
        offsets = TokenOffsets(doc)
        heads = set()
        for attribution in attributions:
            tokens = [doc[i] for i in sorted(offsets.tokens_in(attribution.cue))
                      if not doc[i].is_punct]
            if tokens:
                heads.add(cue_head(tokens).i)
        for token in doc:
            if counted(token):
                key = (token.lemma_.lower(), complement(token))
                seen[key] += 1
                cues[key] += token.i in heads
    return seen, cues


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--holdout", type=int, default=100, metavar="N")
    parser.add_argument("--out", type=Path, default=None, help=f"default: the package's {PRIORS_FILE}")
    args = parser.parse_args(argv)
    parsed = parsed_documents(args.data, "train", args.cache)
    if args.holdout:
        parsed = parsed[:-args.holdout]
    seen, cues = count_cues(parsed)
    out = args.out or Path(__file__).parent.parent / "attribution" / "lexicons" / PRIORS_FILE
    lines = [f"{lemma} | {shape} | {cues[(lemma, shape)]} | {n}"
             for (lemma, shape), n in sorted(seen.items()) if n >= MIN_OCCURRENCES]
    totals = Counter()
    for (lemma, shape), n in seen.items():
        totals[(shape, "n")] += n
        totals[(shape, "cues")] += cues[(lemma, shape)]
    lines += [f"* | {shape} | {totals[(shape, 'cues')]} | {totals[(shape, 'n')]}"
              for shape in sorted({s for s, _ in totals})]
    header = (f"# lemma | complement | times a gold cue's head | times seen: PolNeAR train "
              f"articles 0-{len(parsed) - 1},\n# written by python -m sayso.training.cue_priors. "
              f"'*' is the shape's overall count.\n")
    out.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} rows from {len(parsed)} documents -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
