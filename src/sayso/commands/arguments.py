"""Command-line options and argument types the command modules share."""

from __future__ import annotations

import argparse
from datetime import date as Date

from ..store import DEFAULT_DB


def add_db(parser) -> None:
    parser.add_argument("--db", default=DEFAULT_DB,
                        help=f"SQLite file or postgresql:// URL (default: {DEFAULT_DB})")


def positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {number}")
    return number


def confidence(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {value!r}")
    return number


def add_min_confidence(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--min-confidence", type=confidence, default=None, metavar="X",
                        help="leave out records whose confidence is below X (0 to 1; "
                             "default: the threshold chosen on PolNeAR train, see README)")


def iso_date(value: str) -> Date:
    try:
        return Date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {value!r}") from None
