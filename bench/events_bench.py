"""How event grouping scales: 1,000 to 10,000 statements, measured in one run.

Statements come from a store of PolNeAR's train articles (built on first
use: ~20,000 attributions, about two minutes). For each size the first N
statements (in storage order, so a size is a run of whole articles) are
grouped with vectors encoded beforehand, so the figure is the grouping
alone; encoding is timed once, per statement. A second series puts every
statement on one day and gives all of them one speaker (the worst case for
the date window: thousands of statements for one speaker). Ratios are
against the 1,000-statement time: linear growth is 10x at 10,000,
quadratic 100x. Nothing is asserted; the figures are printed.

    .venv/bin/python bench/events_bench.py [--db /tmp/sayso_events_bench.db] [--vectors lexical]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from sayso.accounts.build import _statement
from sayso.accounts.grouping import SETTINGS, group_statements
from sayso.accounts.vectors import make_vectorizer
from sayso.batch.ingest import ingest
from sayso.model import Document
from sayso.store import Store
from sayso.store.events import statement_rows

REPO = Path(__file__).resolve().parent.parent
POLNEAR = REPO.parent / "shared" / "data" / "polnear"
SIZES = (1_000, 2_000, 5_000, 10_000)


def train_documents() -> list[Document]:
    docs = []
    for path in sorted((POLNEAR / "train" / "text").glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        docs.append(Document(path.stem, text, date.fromisoformat(path.stem.split("_")[1]), str(path)))
    return docs


def timed_grouping(statements, vectors, settings) -> tuple[float, int]:
    started = time.perf_counter()
    events = group_statements(statements, vectors, settings)
    return time.perf_counter() - started, len(events)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/sayso_events_bench.db")
    parser.add_argument("--vectors", choices=("minilm", "lexical"), default="minilm")
    args = parser.parse_args()
    with Store(args.db) as store:
        with store.connect() as conn:
            rows = statement_rows(conn)
        if len(rows) < SIZES[-1]:
            print("building the statement store from PolNeAR train ...", file=sys.stderr)
            ingest(train_documents(), store, workers=2)
            with store.connect() as conn:
                rows = statement_rows(conn)
    statements = [_statement(r) for r in rows][:SIZES[-1]]
    vectorizer = make_vectorizer(args.vectors)
    started = time.perf_counter()
    vectors = vectorizer.encode([s.content for s in statements])
    encode = time.perf_counter() - started
    print(f"{len(statements)} statements; {vectorizer.name} vectors: "
          f"{1000 * encode / len(statements):.2f} ms per statement to encode")
    settings = SETTINGS[vectorizer.name]
    crowded = [replace(s, published=date(2016, 7, 27), event_date=None, speaker="Donald Trump")
               for s in statements]
    print(f"{'statements':>10}  {'corpus s':>9} {'ratio':>6} {'events':>7}   "
          f"{'one day, one speaker s':>22} {'ratio':>6}")
    base = base_crowded = None
    for n in SIZES:
        seconds, events = timed_grouping(statements[:n], vectors[:n], settings)
        crowded_seconds, _ = timed_grouping(crowded[:n], vectors[:n], settings)
        base = base or seconds
        base_crowded = base_crowded or crowded_seconds
        print(f"{n:>10}  {seconds:>9.2f} {seconds / base:>5.1f}x {events:>7}   "
              f"{crowded_seconds:>22.2f} {crowded_seconds / base_crowded:>5.1f}x")


if __name__ == "__main__":
    main()
