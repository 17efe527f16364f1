"""``sayso group | events | compare``: events across articles, and each side's account.

``group`` rebuilds the events of a store (``ingest`` does it too, after
storing anything new); ``events`` lists them; ``compare`` prints one
event's accounts side by side, or as JSON for programs.
"""

from __future__ import annotations

import json
import shutil
import sys
import textwrap

from ..accounts.build import rebuild_events
from ..accounts.sidebyside import side_by_side
from ..accounts.vectors import BACKENDS
from ..errors import UsageError
from ..store import Store
from ..store.events import event_detail, last_build, list_events
from .arguments import add_db, iso_date, positive

EXIT_OK = 0
_MARKS = {"agreement": "=", "contradiction": "≠", "only": " "}


def add_account_commands(commands) -> None:
    group = commands.add_parser("group", help="(re)build the events of a store",
                                description="Group stored statements into events across "
                                            "articles and align each side's claims.")
    add_db(group)
    group.add_argument("--vectors", choices=BACKENDS, default="auto",
                       help="statement vectors: MiniLM (the accurate extra) or words "
                            "(default: MiniLM when installed)")
    group.set_defaults(handler=run_group)

    events = commands.add_parser("events", help="events in a store, with their sides")
    add_db(events)
    events.add_argument("--since", metavar="YYYY-MM-DD", type=iso_date)
    events.add_argument("--speaker", metavar="NAME", help="events where NAME speaks or is a side")
    events.add_argument("--min-statements", type=positive, default=2,
                        help="hide smaller events (default 2)")
    events.add_argument("--limit", type=positive, default=50)
    events.add_argument("--json", action="store_true")
    events.set_defaults(handler=run_events)

    compare = commands.add_parser("compare", help="one event's accounts, side by side")
    compare.add_argument("event_id", metavar="EVENT_ID")
    add_db(compare)
    compare.add_argument("--format", choices=("table", "json"), default="table")
    compare.add_argument("--width", type=positive, help="terminal width (default: detected)")
    compare.set_defaults(handler=run_compare)


def run_group(args) -> int:
    with Store(args.db, create=False) as store:
        print(rebuild_events(store, args.vectors).describe(), file=sys.stderr)
    return EXIT_OK


def run_events(args) -> int:
    with Store(args.db, create=False) as store, store.connect() as conn:
        if last_build(conn) is None:
            raise UsageError(f"no events in {args.db} yet; 'sayso group --db {args.db}' builds them")
        rows = list_events(conn, args.since, args.speaker, args.min_statements, args.limit)
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return EXIT_OK
    for row in rows:
        days = " – ".join(sorted({d for d in (row["first_day"], row["last_day"]) if d})) or "undated"
        sides = ", ".join(f"{side} ({n})" for side, n in row["sides"].items())
        print(f"{row['id']}  {days}  {row['statement_count']} statements in "
              f"{row['document_count']} articles\n    {row['label']}\n    sides: {sides}")
    return EXIT_OK


def run_compare(args) -> int:
    with Store(args.db, create=False) as store, store.connect() as conn:
        event = event_detail(conn, args.event_id)
    if event is None:
        raise UsageError(f"no event {args.event_id!r} in {args.db}; 'sayso events' lists them")
    if args.format == "json":
        sides, rows = side_by_side(event)
        event["rows"] = [{"relation": r.relation, "cells": [[s["id"] for s in c] for c in r.cells]}
                         for r in rows]
        print(json.dumps(event, ensure_ascii=False, default=str))
        return EXIT_OK
    width = args.width or shutil.get_terminal_size((120, 40)).columns
    print(render_compare(event, width))
    return EXIT_OK


def render_compare(event: dict, width: int) -> str:
    sides, rows = side_by_side(event)
    days = " – ".join(sorted({d for d in (event["first_day"], event["last_day"]) if d})) or "undated"
    lines = [f"event {event['id']}  {days}  {event['statement_count']} statements, "
             f"{event['document_count']} articles", event["label"], ""]
    column = max(16, (width - 2 - 3 * (len(sides) - 1)) // max(len(sides), 1))
    lines.append(_line([s for s in sides], column, " "))
    lines.append(_line(["-" * column for _ in sides], column, " "))
    for row in rows:
        wrapped = [_cell_lines(cell, column) for cell in row.cells]
        mark = _MARKS[row.relation]
        for k in range(max(len(w) for w in wrapped)):
            lines.append(_line([w[k] if k < len(w) else "" for w in wrapped], column,
                               mark if k == 0 else " "))
        lines.append("")
    topics = [f"{s['side']} stresses: {', '.join(s['topics'])}" for s in event["sides"] if s["topics"]]
    legend = "= both sides say it   ≠ the sides contradict   (one column: only that side says it)"
    return "\n".join(lines + topics + ([""] if topics else []) + [legend])


def _cell_lines(cell: list[dict], width: int) -> list[str]:
    out = []
    for statement in cell:
        via = f" via {', '.join(statement['cited'])}" if statement["cited"] else ""
        where = ", ".join(v for v in (statement["publisher"], statement["published"]) if v)
        out += textwrap.wrap(f"“{statement['content_text']}”", width) or [""]
        out += textwrap.wrap(f"— {statement['speaker'] or statement['origin'] or '?'}{via}"
                             f" ({where})", width)
    return out


def _line(cells: list[str], width: int, mark: str) -> str:
    return (f"{mark} " + f" {'|'} ".join(c.ljust(width) for c in cells)).rstrip()
