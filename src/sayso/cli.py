"""The ``sayso`` command: thin commands over the library.

    sayso extract PATH... [--format table|json|jsonl|brat] [--date YYYY-MM-DD]   (text,
                          HTML, JSON Lines and WARC, as ingest reads them)
                          [--model default|accurate]
    sayso evaluate --corpus polnear --split dev --data PATH [--model ...]
                   [--pred-out FILE] [--json]
    sayso ingest PATH... [--db URL] [--workers N]   (and speakers, quotes, show,
    export: see sayso.commands.store)

Every error a user can cause is one line on stderr (``sayso: error: ...``),
never a traceback. Exit status: 0 ok, 1 other failure, 2 bad input or usage
(unreadable files are reported as they come; the rest are still processed),
130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import date as Date
from typing import TextIO

from .commands.accounts import add_account_commands
from .commands.arguments import add_min_confidence
from .commands.store import add_store_commands
from .errors import InputError, SaysoError, UsageError
from .ingest import iter_sources
from .ingest.text import os_error
from .model import MODELS, Document, Extraction
from .output import WRITERS

PROG = "sayso"
CORPORA = ("polnear",)
SPLITS = ("train", "dev", "test")
EXIT_OK, EXIT_FAILURE, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130
DEBUG_ENV = "SAYSO_DEBUG"  # set to 1 to get tracebacks of internal errors
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")

Predict = Callable[[Iterable[Document]], Iterator[Extraction]]


def load_extractor(model: str, min_confidence: float | None = None):
    """The extractor for ``--model`` (the seam tests replace)."""
    from .extraction import Extractor  # deferred: loads spaCy

    return Extractor(model=model, min_confidence=min_confidence)


# -- extract -----------------------------------------------------------------

def run_extract(args: argparse.Namespace) -> int:
    date = parse_date(args.date)
    extractor = load_extractor(args.model, args.min_confidence)
    failures: list[InputError] = []
    documents = report_errors(iter_sources(args.paths, date=date), failures)
    WRITERS[args.format](pair_results(documents, extractor.extract_all), sys.stdout)
    return EXIT_INPUT if failures else EXIT_OK


def parse_date(value: str | None) -> Date | None:
    """``YYYY-MM-DD`` -> date; anything else is a UsageError."""
    if value is None:
        return None
    if _DATE_RE.fullmatch(value):
        try:
            return Date.fromisoformat(value)
        except ValueError:  # 2024-13-01
            pass
    raise UsageError(f"--date: expected a date as YYYY-MM-DD, got {value!r}")


def report_errors(items: Iterable[Document | InputError],
                  failures: list[InputError]) -> Iterator[Document]:
    """Pass documents on; print each input error as it comes and remember it."""
    for item in items:
        if isinstance(item, InputError):
            failures.append(item)
            print_error(str(item))
        else:
            yield item


def pair_results(documents: Iterable[Document],
                 predict: Predict) -> Iterator[tuple[Document, Extraction]]:
    """(document, extraction) pairs; ``predict`` yields one extraction per
    document, in order, but may read ahead to parse in batches."""
    pending: deque[Document] = deque()

    def remember(docs: Iterable[Document]) -> Iterator[Document]:
        for document in docs:
            pending.append(document)
            yield document

    for extraction in predict(remember(documents)):
        yield pending.popleft(), extraction


# -- evaluate ----------------------------------------------------------------

def run_evaluate(args: argparse.Namespace) -> int:
    from .evaluation.runner import evaluate  # deferred: only this command needs them
    from .evaluation.scorer import format_json, format_table

    def predict(documents: Iterable[Document]) -> Iterator[Extraction]:
        # loaded only once the corpus has been read: a bad --data fails fast
        return load_extractor(args.model, args.min_confidence).extract_all(documents)

    if args.pred_out is None:
        result = evaluate(args.data, args.split, predict)
    else:
        with open_output(args.pred_out) as handle:
            result = evaluate(args.data, args.split, predict, predictions_out=handle)
    print(format_json(result) if args.json else format_table(result))
    return EXIT_OK


def open_output(path: str) -> TextIO:
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise os_error(path, exc) from None


# -- the command line --------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Who said what, on whose say-so: attributed "
                               "statements from news text.")
    parser.add_argument("--version", action="version", version=f"{PROG} {package_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract", help="find attributions in articles",
        description="Find attributed statements in articles: UTF-8 text, HTML pages, "
                    "JSON Lines records, WARC archives.")
    extract.add_argument("paths", nargs="+", metavar="PATH",
                         help="a .txt, .html/.htm, .jsonl[.gz] or .warc[.gz] file, a folder "
                              "(its articles, recursively) or - for standard input (text)")
    extract.add_argument("--format", choices=tuple(WRITERS), default="table",
                         help="output format (default: table)")
    extract.add_argument("--date", metavar="YYYY-MM-DD",
                         help="publication date of every article that states none")
    _add_model_option(extract)
    add_min_confidence(extract)
    extract.set_defaults(handler=run_extract)

    evaluate = commands.add_parser(
        "evaluate", help="score the extractor on an annotated corpus",
        description="Run the extractor over a corpus split and score it against the gold.")
    evaluate.add_argument("--corpus", choices=CORPORA, default="polnear")
    evaluate.add_argument("--split", choices=SPLITS, default="dev")
    evaluate.add_argument("--data", required=True, metavar="PATH",
                          help="corpus root holding <split>/text and <split>/attributions")
    _add_model_option(evaluate)
    add_min_confidence(evaluate)
    evaluate.add_argument("--pred-out", metavar="FILE",
                          help="also write the predictions there as JSON Lines")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.set_defaults(handler=run_evaluate)
    add_store_commands(commands, print_error)
    add_account_commands(commands)
    return parser


def _add_model_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", choices=MODELS, default="default",
                        help="default: fast rules and CRF; accurate: adds a MiniLM encoder")


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sayso")
    except PackageNotFoundError:
        return "unknown"


def print_error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    _prepare_streams()
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (InputError, UsageError) as exc:
        print_error(str(exc))
        return EXIT_INPUT
    except SaysoError as exc:
        print_error(str(exc))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_FAILURE
    except Exception as exc:  # a bug: still one line, unless asked for more
        if os.environ.get(DEBUG_ENV):
            raise
        print_error(f"internal error: {type(exc).__name__}: {exc} "
                    f"(set {DEBUG_ENV}=1 for the traceback)")
        return EXIT_FAILURE


def _prepare_streams() -> None:
    # Offsets and texts are UTF-8: write UTF-8 whatever the locale says, line
    # by line so results and error lines interleave in order. Error lines keep
    # the locale's encoding but must not fail on a file name it cannot show.
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8", line_buffering=True)
    if hasattr(sys.stderr, "reconfigure"):
        sys.stderr.reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    # The reader went away (`sayso ... | head`): stop Python's exit-time flush
    # from failing again on the closed pipe.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())
