"""Time ``sayso.speakers.enrich`` on a ~1,000-word article with 25 attributions.

    .venv/bin/python tests/unit/speakers/bench_enrich.py [repeat]

Prints the median enrich time and, measured in the same run, the spaCy parse
time of the same text, so the ratio holds across machines.
"""

from __future__ import annotations

import copy
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from speakers_article import build_article  # noqa: E402

from sayso.nlp.pipeline import load_nlp  # noqa: E402
from sayso.speakers import enrich  # noqa: E402


def median_seconds(run, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(repeat: int = 1) -> None:
    nlp = load_nlp()
    text, attributions = build_article(repeat=repeat)
    doc = nlp(text)
    parse = median_seconds(lambda: nlp(text), 5)
    enrich_time = median_seconds(lambda: enrich(doc, copy.deepcopy(attributions)), 50)
    copying = median_seconds(lambda: copy.deepcopy(attributions), 50)
    enrich_time -= copying
    print(f"{len(text.split())} words, {len(doc)} tokens, {len(attributions)} attributions")
    print(f"enrich: {enrich_time * 1000:.2f} ms   parse: {parse * 1000:.1f} ms   "
          f"enrich/parse: {enrich_time / parse:.1%}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
