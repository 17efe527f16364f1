"""``sayso ingest``: read, extract and store a corpus; resumable and idempotent.

Documents whose id (the hash of their normalised text) is stored already,
or was seen earlier in the same run, are skipped before any parsing, so a
rerun after a crash picks up where it stopped. Each article is written in
its own transaction by the one writer (this process).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..errors import InputError
from ..model import Document
from ..store import Store, document_id
from .workers import Result, batched, extract_in_process, extract_in_workers

LOOKUP_DOCS = 256  # documents checked against the store per query


@dataclass(frozen=True)
class Skipped:
    """A document left out: stored already, or seen earlier in this run."""

    doc_id: str


@dataclass
class IngestSummary:
    ingested: int = 0
    skipped: int = 0
    failed: int = 0
    attributions: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    @property
    def docs_per_second(self) -> float:
        return self.ingested / self.seconds if self.seconds else 0.0


Progress = Callable[[IngestSummary], None]
OnError = Callable[[str], None]


def ingest(items: Iterable[Document | InputError], store: Store, workers: int = 1,
           model: str = "default", progress: Progress | None = None,
           on_error: OnError | None = None,
           min_confidence: float | None = None) -> IngestSummary:
    """Extract and store every new document; errors are counted, not raised."""
    summary, started = IngestSummary(), time.perf_counter()
    lookup = Store(store.db) if workers > 1 else store
    try:
        marked = _mark_new(items, lookup)
        results = (extract_in_workers(marked, model, workers, min_confidence) if workers > 1
                   else extract_in_process(marked, model, min_confidence))
        for result in results:
            _count(result, store, summary, on_error)
            summary.seconds = time.perf_counter() - started
            if progress:
                progress(summary)
    finally:
        if lookup is not store:
            lookup.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _count(result, store: Store, summary: IngestSummary, on_error: OnError | None) -> None:
    """Store one result, or count it as skipped or failed."""
    if isinstance(result, Skipped):
        summary.skipped += 1
    elif isinstance(result, InputError):
        summary.failed += 1
        summary.failures.append(str(result))
        if on_error:
            on_error(str(result))
    else:
        written = store.add(*result)
        if written.added:
            summary.ingested += 1
            summary.attributions += written.attributions
        else:
            summary.skipped += 1


def _mark_new(items: Iterable[Document | InputError], store: Store) -> Iterator:
    """The items in order, each document already stored or seen before in
    this run replaced by a Skipped note. With workers this runs on the
    pool's feeder thread, so it reads through a store of its own."""
    seen: set[str] = set()
    for chunk in batched(items, LOOKUP_DOCS):
        ids = [document_id(item.text) if isinstance(item, Document) else None for item in chunk]
        stored = store.stored_ids([i for i in ids if i is not None])
        for doc_id, item in zip(ids, chunk):
            if doc_id is None:
                yield item
            elif doc_id in stored or doc_id in seen:
                yield Skipped(doc_id)
            else:
                seen.add(doc_id)
                yield item
