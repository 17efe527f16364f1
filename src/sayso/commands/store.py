"""``sayso ingest | speakers | quotes | show | export``: the store from the shell.

Thin commands over ``sayso.batch`` and ``sayso.store``: tables for people
reading a terminal, ``--json`` (or ``export``) for programs.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys

from ..errors import StoreError, UsageError
from ..model import MODELS
from ..accounts.vectors import BACKENDS
from ..store import Store, queries
from .arguments import add_db, add_min_confidence, iso_date, positive

EXIT_OK, EXIT_FAILURE = 0, 1
EXPORT_FORMATS = ("csv", "jsonl", "parquet")


def add_store_commands(commands, print_error) -> None:
    """Register the store commands on the main parser's subparsers."""
    ingest = commands.add_parser("ingest", help="extract articles into a store",
                                 description="Read articles (.txt, .html, .jsonl[.gz], .warc[.gz], "
                                             "folders), extract their attributions and store them.")
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    add_db(ingest)
    ingest.add_argument("--date", metavar="YYYY-MM-DD", type=iso_date,
                        help="publication date of every article that states none "
                             "(plain text never does)")
    ingest.add_argument("--workers", type=positive, default=1, help="extractor processes (default 1)")
    ingest.add_argument("--model", choices=MODELS, default="default")
    add_min_confidence(ingest)
    ingest.add_argument("--events", choices=(*BACKENDS, "none"), default="auto",
                        help="rebuild the store's events after storing new articles, with "
                             "these statement vectors ('none': skip; 'sayso group' later)")
    ingest.add_argument("--tolerate-failures", action="store_true",
                        help="exit 0 even if some records could not be read")
    ingest.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="show a progress bar (default: when stderr is a terminal)")
    ingest.set_defaults(handler=lambda args: run_ingest(args, print_error))

    speakers = commands.add_parser("speakers", help="the most quoted speakers in a store")
    add_db(speakers)
    speakers.add_argument("--top", type=positive, default=20)
    speakers.add_argument("--json", action="store_true")
    speakers.set_defaults(handler=run_speakers)

    quotes = commands.add_parser("quotes", help="statements in a store, filtered")
    add_db(quotes)
    quotes.add_argument("--speaker", metavar="NAME")
    quotes.add_argument("--since", metavar="YYYY-MM-DD", type=iso_date)
    quotes.add_argument("--search", metavar="TEXT", help="words the statement contains")
    quotes.add_argument("--publisher", metavar="P")
    quotes.add_argument("--limit", type=positive, default=50)
    quotes.add_argument("--json", action="store_true")
    quotes.set_defaults(handler=run_quotes)

    show = commands.add_parser("show", help="one stored article with its attributions")
    show.add_argument("doc_id", metavar="DOC_ID")
    add_db(show)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_show)

    export = commands.add_parser("export", help="every stored statement, for other tools")
    add_db(export)
    export.add_argument("--format", choices=EXPORT_FORMATS, default="jsonl")
    export.add_argument("--out", metavar="FILE", help="file to write (default: stdout; "
                                                      "required for parquet)")
    export.set_defaults(handler=run_export)


# -- ingest ------------------------------------------------------------------

def run_ingest(args, print_error) -> int:
    from ..batch.ingest import ingest
    from ..ingest.sources import iter_sources

    with Store(args.db) as store:
        bar = _progress_bar(args.progress, print_error)
        try:
            summary = ingest(iter_sources(args.paths, date=args.date), store, workers=args.workers,
                             model=args.model, min_confidence=args.min_confidence,
                             progress=bar.update if bar else None,
                             on_error=bar.error if bar else print_error)
        finally:
            if bar:
                bar.close()
    print(f"ingested {summary.ingested}, skipped {summary.skipped} (already stored), "
          f"failed {summary.failed}; {summary.attributions} attributions in "
          f"{summary.seconds:.1f} s ({summary.docs_per_second:.2f} docs/s)", file=sys.stderr)
    if summary.ingested and args.events != "none":
        from ..accounts.build import rebuild_events

        with Store(args.db) as store:
            print(rebuild_events(store, args.events).describe(), file=sys.stderr)
    return EXIT_FAILURE if summary.failed and not args.tolerate_failures else EXIT_OK


class _Bar:
    """tqdm on stderr: documents, attributions and docs/s as they come."""

    def __init__(self, print_error):
        from tqdm import tqdm

        self.tqdm = tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True)
        self.print_error = print_error
        self.done = 0

    def update(self, summary) -> None:
        done = summary.ingested + summary.skipped + summary.failed
        self.tqdm.update(done - self.done)
        self.done = done
        self.tqdm.set_postfix(attributions=summary.attributions, skipped=summary.skipped,
                              failed=summary.failed, refresh=False)

    def error(self, message: str) -> None:
        self.tqdm.write(f"sayso: error: {message}", file=sys.stderr)

    def close(self) -> None:
        self.tqdm.close()


def _progress_bar(wanted: bool | None, print_error):
    if wanted is None:
        wanted = sys.stderr.isatty()
    return _Bar(print_error) if wanted else None


# -- queries -----------------------------------------------------------------

def run_speakers(args) -> int:
    with Store(args.db, create=False) as store, store.connect() as conn:
        rows = queries.top_speakers(conn, args.top)
    if args.json:
        for row in rows:
            print(json.dumps(row.__dict__, ensure_ascii=False))
        return EXIT_OK
    print(_table(["id", "speaker", "type", "statements", "articles", "roles"],
                 [[r.id, r.name, r.type, r.statements, r.documents, "; ".join(r.roles[:3])]
                  for r in rows], widths=[5, 32, 6, 10, 8, 40]))
    return EXIT_OK


def run_quotes(args) -> int:
    where = queries.QuoteFilter(args.speaker, args.since, args.search, args.publisher, args.limit)
    with Store(args.db, create=False) as store, store.connect() as conn:
        rows = queries.quotes(conn, where)
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return EXIT_OK
    for row in rows:
        via = ", ".join(c["name"] for c in row["cited"])
        head = f"{row['published'] or '----------'}  {row['speaker'] or row['source_text'] or '-'}"
        extra = "".join(f"  [{value}]" for value in
                        (via and f"via {via}", row["channel"], row["publisher"]) if value)
        print(f"{head} ({row['cue_text']}){extra}\n    {row['content_text']}\n"
              f"    doc {row['document_id']}")
    return EXIT_OK


def run_show(args) -> int:
    with Store(args.db, create=False) as store, store.connect() as conn:
        found = queries.document(conn, args.doc_id)
    if found is None:
        raise UsageError(f"no document {args.doc_id!r} in {args.db}")
    if args.json:
        print(json.dumps(found, ensure_ascii=False))
        return EXIT_OK
    meta = [found["title"], found["publisher"], found["published"], found["url"]]
    print(" | ".join(m for m in meta if m) or found["name"] or found["id"])
    print()
    print(found["text"].rstrip())
    print()
    print(_table(["#", "kind", "speaker", "cue", "content"],
                 [[a["position"], a["kind"], a["speaker"] or a["source_text"] or "-", a["cue_text"],
                   a["content_text"]] for a in found["attributions"]],
                 widths=[3, 8, 28, 14, 60]))
    return EXIT_OK


def run_export(args) -> int:
    with Store(args.db, create=False) as store, store.connect() as conn:
        rows = queries.export_rows(conn)
        if args.format == "parquet":
            _write_parquet(rows, args.out)
        elif args.out:
            try:
                with open(args.out, "w", encoding="utf-8", newline="") as handle:
                    _write_text_rows(rows, args.format, handle)
            except OSError as exc:
                raise UsageError(f"--out {args.out}: {exc.strerror or exc}") from None
        else:
            _write_text_rows(rows, args.format, sys.stdout)
    return EXIT_OK


def _write_text_rows(rows, fmt: str, handle) -> None:
    writer = None
    for row in rows:
        if fmt == "jsonl":
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            continue
        if writer is None:
            writer = csv.DictWriter(handle, fieldnames=list(row))
            writer.writeheader()
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                         for k, v in row.items()})


def _write_parquet(rows, out: str | None) -> None:
    if not out:
        raise UsageError("export --format parquet needs --out FILE")
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise StoreError("parquet export needs pyarrow: pip install pyarrow") from None
    records = list(rows)
    table = pa.Table.from_pylist(records) if records else pa.table({})
    try:
        pq.write_table(table, out)
    except OSError as exc:
        raise UsageError(f"--out {out}: {exc}") from None


def _table(header: list[str], rows: list[list], widths: list[int]) -> str:
    def cell(value, width: int) -> str:
        text = " ".join(str(value if value is not None else "").split())
        return text if len(text) <= width else text[:width - 1] + "…"
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(cell(v, w).ljust(w) for v, w in zip(row, widths)).rstrip() for row in rows]
    return "\n".join(lines)
