"""How often each way of resolving a speaker comes out right on the pattern bank.

    python eval/resolution_rates.py            # the table
    python eval/resolution_rates.py --write    # and write it where the package reads it

Every bank record a prediction is matched to counts once for the method
that resolved the prediction's speaker (``speaker.resolved_by``): right
when the speaker is the gold one. The share, smoothed by one right and one
wrong guess, is the speaker ``confidence`` the package gives that method
(``src/sayso/speakers/lexicons/resolution_confidence.txt``). The bank is
development data, so these are development figures: rerun after changing
the resolver, and read a method with few records as a rough guess.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from patterns_score import load_bank, run_bank  # noqa: E402

TABLE = (Path(__file__).parent.parent / "src" / "sayso" / "speakers" / "lexicons"
         / "resolution_confidence.txt")
HEADER = """# How often a speaker tied to its source phrase by each method came out right
# on the pattern bank (eval/patterns/): method | smoothed share right | records | right.
# Written by eval/resolution_rates.py; rerun it after changing the resolver.
"""


def method_rates(model: str = "default") -> dict[str, tuple[int, int]]:
    """method -> (records, right)."""
    seen, right = Counter(), Counter()
    for result in run_bank(load_bank(), model):
        for g, p in result.pairs.items():
            method = result.predictions[p].resolved_by or "none"
            seen[method] += 1
            right[method] += _speaker_right(result, g)
    return {m: (seen[m], right[m]) for m in seen}


def _speaker_right(result, g: int) -> bool:
    return f"record {g} speaker" not in result.wrong


def smoothed(records: int, right: int) -> float:
    return round((right + 1) / (records + 2), 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    rates = method_rates()
    rows = sorted(rates.items(), key=lambda kv: -kv[1][0])
    for method, (records, right) in rows:
        print(f"{method:12} {right:4}/{records:<4} {smoothed(records, right):.2f}")
    if args.write:
        lines = [f"{m} | {smoothed(n, r):.2f} | {n} | {r}" for m, (n, r) in rows]
        TABLE.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
