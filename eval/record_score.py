"""Figures from the hand judgements of drawn records (eval/record_sample.py).

    python eval/record_score.py eval/record_judgements_dev_seed1206.jsonl ...

For each file: how many drawn records are real attributions, and of those
how many have the right speaker.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def score(path: Path) -> str:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    real = [r for r in rows if r["attribution"]]
    right = [r for r in real if r["speaker_right"]]
    share = lambda a, b: f"{a}/{b} ({a / b:.0%})" if b else "0/0"
    return (f"{path.name}: attributions {share(len(real), len(rows))}; "
            f"right speaker among them {share(len(right), len(real))}; "
            f"fully right {share(len(right), len(rows))}")


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or sorted(Path(__file__).parent.glob("record_judgements_*.jsonl"))
    for path in paths:
        print(score(path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
