"""Ingest throughput and store query latency, measured in one run.

* ``extract``   -- ``sayso extract --format jsonl`` over the texts (one process);
* ``ingest w1`` -- ``sayso ingest --workers 1`` into a fresh SQLite store;
* ``ingest w2`` -- the same with ``--workers 2``;

each as a fresh command, timed by wall clock (model loading included in
all three). Ratios: ingest w1 over extract (target <= 1.15) and w1 over w2
(target >= 1.7 with 2 cores). Then, on a store of ``--store-docs``
articles (the PolNeAR train and dev texts, topped up with generated
articles when there are fewer), the in-process time of a full-text search
and of ``quotes --speaker`` (median of 20; target < 100 ms). Nothing is
asserted; the figures are printed.

    .venv/bin/python bench/ingest_bench.py [--limit N] [--store-docs 1000]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
POLNEAR = REPO.parent / "shared" / "data" / "polnear"
SAYSO = [sys.executable, "-m", "sayso.cli"]


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit(f"bench: {' '.join(command[2:5])} failed: {done.stderr.strip()[-300:]}")
    return time.perf_counter() - start


def throughput(texts: Path, work: Path) -> dict:
    return {
        "extract": timed([*SAYSO, "extract", str(texts), "--format", "jsonl"]),
        "ingest_w1": timed([*SAYSO, "ingest", str(texts), "--db", str(work / "w1.db")]),
        "ingest_w2": timed([*SAYSO, "ingest", str(texts), "--db", str(work / "w2.db"),
                            "--workers", "2"]),
    }


def sample_folder(source: Path, limit: int, into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.txt"))[:limit]:
        (into / path.name).write_bytes(path.read_bytes())
    return into


def build_store(db: Path, want: int, work: Path) -> int:
    """A store of ``want`` articles: train and dev texts, then generated ones."""
    sources = [POLNEAR / "train" / "text", POLNEAR / "dev" / "text"]
    done = subprocess.run([*SAYSO, "ingest", *map(str, sources), "--db", str(db), "--workers", "2"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    print("  store: " + done.stderr.strip().replace("\n", "\n  store: "))
    from sayso.store import Store, schema
    from sqlalchemy import func, select

    with Store(str(db)) as store, store.connect() as conn:
        have = conn.execute(select(func.count()).select_from(schema.documents)).scalar_one()
    if have < want:
        sys.path.insert(0, str(REPO / "tests" / "integration" / "store"))
        from store_articles import write_text_corpus
        extra = work / "generated"
        write_text_corpus(extra, want - have)
        subprocess.run([*SAYSO, "ingest", str(extra), "--db", str(db)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return max(have, want)


def query_latency(db: Path) -> dict:
    from sayso.store import Store, queries

    with Store(str(db)) as store, store.connect() as conn:
        top = queries.top_speakers(conn, 1)[0].name

        def median_ms(where: queries.QuoteFilter) -> float:
            times = []
            for _ in range(20):
                start = time.perf_counter()
                queries.quotes(conn, where)
                times.append((time.perf_counter() - start) * 1000)
            return statistics.median(times)

        return {"search_ms": median_ms(queries.QuoteFilter(search="tax returns")),
                "speaker_ms": median_ms(queries.QuoteFilter(speaker=top)), "speaker": top}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=400,
                        help="train texts for throughput (start-up costs weigh less on more)")
    parser.add_argument("--store-docs", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        texts = sample_folder(POLNEAR / "train" / "text", args.limit, work / "texts")
        t = throughput(texts, work)
        n = len(list(texts.glob("*.txt")))
        print(f"throughput on {n} PolNeAR train texts (wall clock, model loading included):")
        for name, seconds in t.items():
            print(f"  {name:<10} {seconds:7.1f} s  {n / seconds:6.2f} docs/s")
        print(f"  ingest w1 / extract = {t['ingest_w1'] / t['extract']:.2f}x (target <= 1.15)")
        print(f"  ingest w1 / w2      = {t['ingest_w1'] / t['ingest_w2']:.2f}x (target >= 1.7)")
        stored = build_store(work / "big.db", args.store_docs, work)
        q = query_latency(work / "big.db")
        print(f"queries on a {stored}-article SQLite store (median of 20, in process):")
        print(f"  full-text search 'tax returns': {q['search_ms']:.1f} ms")
        print(f"  quotes --speaker {q['speaker']!r}: {q['speaker_ms']:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
