"""Speaker-name accuracy from hand judgements.

Each ``speaker_judgements*.jsonl`` line is one attribution drawn by
speaker_sample.py (default model) with the resolved name and a person's
verdict: is this the most specific name the article gives the speaker of
that statement?

Dev samples measure; train samples (``*_train_*``) were drawn to find and
fix errors, so their "after" figures are not measurements. Each file was
judged once, on the code of its day:

- ``speaker_judgements.jsonl``: seed 2026, 60 items. Judged first at 50/60;
  the surname rule ("Clinton" = the Clinton introduced first) was fixed
  after looking at this sample, so its current figure is optimistic.
- ``speaker_judgements_seed7.jsonl``: seed 7, 40 items, judged at the end
  of session 1 (32/40); the fixes that followed (epithets and headline words
  in names, coordinated sources) came from this sample.
- ``speaker_judgements_seed11.jsonl``: seed 11, 50 items, drawn after those
  fixes and judged by a reviewer reading the whole articles (38/50); three
  generic fixes followed (possessive pronouns in nominals, "many of whom",
  quote marks in names).

- ``speaker_judgements_train_seed{101,202,303,404,505}.jsonl``: PolNeAR
  train, 60 items each, drawn in turn while fixing the speaker stage; each
  judged before the fixes it led to: 45, 53, 54, 46 and 49 of 60.
- ``speaker_judgements_dev_seed2718.jsonl``: a fresh dev draw of 60 on the
  final code of session 3, judged once: the figure in the README.

    python eval/speaker_score.py [FILE ...]
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent


def score(path: Path) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    right = sum(r["correct"] for r in rows)
    print(f"{path.name}: speaker names right {right}/{len(rows)} = {right / len(rows):.1%}")
    for r in rows:
        if not r["correct"]:
            print(f"  [{r['item']}] {r['name']!r}: {r['why']}")


for name in sys.argv[1:] or sorted(p.name for p in HERE.glob("speaker_judgements*.jsonl")):
    score(HERE / name if not Path(name).exists() else Path(name))
