"""Speaker-name accuracy from hand judgements (eval/speaker_judgements.jsonl).

Each line is one attribution drawn by speaker_sample.py (seed 2026, PolNeAR
dev, default model) with the resolved name and a person's verdict: is this
the most specific name the article gives the speaker of that statement?
"""

import json
import sys
from pathlib import Path

path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("speaker_judgements.jsonl"))
rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
right = sum(r["correct"] for r in rows)
print(f"speaker names right: {right}/{len(rows)} = {right / len(rows):.1%}")
for r in rows:
    if not r["correct"]:
        print(f"  [{r['item']}] {r['name']!r}: {r['why']}")
