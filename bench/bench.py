"""Throughput and peak memory of sayso on the PolNeAR dev texts, per core.

Measures, in one run:

* ``bare``     -- the spaCy parse alone: ``load_nlp().pipe(texts, batch_size=16)``;
* ``default``  -- ``Extractor(model="default").extract_all(documents)``;
* ``accurate`` -- the same with ``model="accurate"``, or "not available: ..."
  when building it raises a ``SaysoError``.

Each mode runs in its own fresh subprocess (this script with ``--only MODE``)
on one thread (``OMP_NUM_THREADS=1``, ``torch.set_num_threads(1)``), so peak
RSS (``ru_maxrss``) is that mode's own. Models are loaded and warmed up on a
short text before the clock starts; each timed pass is repeated ``--repeat``
times and the best time is kept. Words are ``len(text.split())``. The ratio
is a mode's time over the bare parse time (target for ``default``: <= 1.3x).
Nothing is asserted about speed: the script exits 0 when the default mode
ran, and 1 with a one-line message otherwise.

    .venv/bin/python bench/bench.py [--limit N] [--repeat N] [--json-out FILE]
"""

from __future__ import annotations

import os

os.environ["OMP_NUM_THREADS"] = "1"  # before numpy/torch are imported

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "polnear" / "dev" / "text"
MODES = ("bare", "default", "accurate")
WARMUP_TEXT = "The mayor said on Monday that the strike would end soon, officials reported."
BATCH_SIZE = 16


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="folder of PolNeAR dev .txt files (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N texts")
    parser.add_argument("--repeat", type=int, default=2, help="timed passes per mode; best is kept")
    parser.add_argument("--json-out", type=Path, default=None, help="also write the figures as JSON")
    parser.add_argument("--only", choices=MODES, default=None, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def load_texts(data: Path, limit: int | None) -> list[tuple[str, str]]:
    """(doc_id, text) for each .txt file under ``data``, sorted by name."""
    paths = sorted(data.glob("*.txt")) if data.is_dir() else []
    if not paths:
        sys.exit(f"bench: no PolNeAR dev texts in {data}; pass --data DIR")
    texts = []
    for path in paths[:limit]:
        with open(path, encoding="utf-8", newline="") as handle:
            texts.append((path.stem, handle.read()))
    return texts


# --- one mode, in its own process -------------------------------------------

def single_thread() -> None:
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(1)


def build_runner(mode: str):
    """A function that runs ``mode`` over [(doc_id, text)]; it returns the attributions found."""
    if mode == "bare":
        from sayso.nlp.pipeline import load_nlp

        nlp = load_nlp()

        def parse(items):
            for _ in nlp.pipe((text for _, text in items), batch_size=BATCH_SIZE):
                pass
            return None

        return parse
    from sayso.extraction import Extractor
    from sayso.model import Document

    extractor = Extractor(model=mode)

    def run(items):
        docs = (Document(doc_id, text) for doc_id, text in items)
        return sum(len(ex.attributions) for ex in extractor.extract_all(docs))

    return run


def best_time(run, items, repeat: int) -> tuple[float, int]:
    """Best wall time over ``repeat`` passes, and the attributions of the last pass."""
    best, found = float("inf"), 0
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        found = run(items)
        best = min(best, time.perf_counter() - start)
    return best, found


def measure(mode: str, items: list[tuple[str, str]], repeat: int) -> dict:
    """Figures for one mode (or why it is not available)."""
    from sayso.errors import SaysoError

    try:
        run = build_runner(mode)
    except SaysoError as err:
        return {"mode": mode, "available": False, "error": str(err)}
    single_thread()
    run([("warmup", WARMUP_TEXT)])
    seconds, found = best_time(run, items, repeat)
    return {"mode": mode, "available": True, "seconds": seconds,
            "attributions": found,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


# --- the parent: one subprocess per mode, then the table ----------------------

def run_mode(mode: str, args: argparse.Namespace) -> dict:
    """Runs this script with ``--only mode`` and returns the figures it prints."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--only", mode,
           "--data", str(args.data), "--repeat", str(args.repeat)]
    if args.limit is not None:
        cmd += ["--limit", str(args.limit)]
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", TOKENIZERS_PARALLELISM="false")
    proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        return {"mode": mode, "available": False, "error": f"subprocess exited {proc.returncode}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def add_rates(row: dict, docs: int, words: int, bare_seconds: float | None) -> dict:
    row.update(docs=docs, words=words)
    if row.get("available"):
        row["docs_per_s"] = docs / row["seconds"]
        row["words_per_s"] = words / row["seconds"]
        row["ratio_vs_bare"] = row["seconds"] / bare_seconds if bare_seconds else None
    return row


def fmt(value, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def print_table(rows: list[dict]) -> None:
    header = ("mode", "docs", "words", "seconds", "docs/s", "words/s", "x bare", "peak MB", "attribs")
    print("{:<9} {:>5} {:>8} {:>8} {:>7} {:>8} {:>7} {:>8} {:>7}".format(*header))
    for r in rows:
        if not r.get("available"):
            print(f"{r['mode']:<9} {r['docs']:>5} {r['words']:>8}  not available: {r['error']}")
            continue
        print(f"{r['mode']:<9} {r['docs']:>5} {r['words']:>8} {r['seconds']:>8.2f} "
              f"{r['docs_per_s']:>7.2f} {r['words_per_s']:>8.0f} {fmt(r['ratio_vs_bare'], '>6.2f')}x "
              f"{r['peak_rss_mb']:>8.0f} {fmt(r['attributions'], '>7d')}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    items = load_texts(args.data, args.limit)
    if args.only:
        print(json.dumps(measure(args.only, items, args.repeat)))
        return 0
    docs, words = len(items), sum(len(text.split()) for _, text in items)
    rows = [run_mode(mode, args) for mode in MODES]
    bare = rows[0]["seconds"] if rows[0].get("available") else None
    rows = [add_rates(row, docs, words, bare) for row in rows]
    print_table(rows)
    if args.json_out:
        args.json_out.write_text(json.dumps({"repeat": args.repeat, "modes": rows}, indent=2) + "\n")
    if not rows[1].get("available"):
        print(f"bench: default mode not available: {rows[1]['error']}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
