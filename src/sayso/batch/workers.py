"""Extraction in worker processes: documents in, (document, extraction) out.

Each worker loads its own extractor once and parses its share of documents
in ``nlp.pipe`` batches; results come back in input order, so the one
writer in the parent stores them as they arrive. A document the extractor
fails on comes back as an error naming it, and the others go on. Items that
are not documents (errors, skip notes) pass through untouched, in place,
so everything the parent counts arrives on its own thread.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice

from ..errors import InputError
from ..model import Document, Extraction

BATCH_DOCS = 8  # documents per task: one nlp.pipe batch in the worker

Result = tuple[Document, Extraction] | InputError | object

_worker_extractor = None


def extract_in_process(documents: Iterable, model: str,
                       min_confidence: float | None = None) -> Iterator[Result]:
    """One process: the extractor runs here, batched across documents."""
    from ..extraction import Extractor

    extractor = None  # loaded on the first document: a rerun with nothing new is quick
    for batch in batched(documents, BATCH_DOCS):
        if extractor is None and any(isinstance(item, Document) for item in batch):
            extractor = Extractor(model=model, min_confidence=min_confidence)
        yield from _extract_batch(extractor, batch)


def extract_in_workers(documents: Iterable, model: str, workers: int,
                       min_confidence: float | None = None) -> Iterator[Result]:
    """``workers`` processes, each with its own extractor; results in order."""
    context = multiprocessing.get_context("spawn")  # no forked torch/spaCy threads
    with context.Pool(workers, initializer=_start_worker, initargs=(model, min_confidence)) as pool:
        # imap keeps input order and reads the input lazily, a few tasks ahead
        for results in pool.imap(_worker_batch, batched(documents, BATCH_DOCS)):
            yield from results


def _start_worker(model: str, min_confidence: float | None = None) -> None:
    global _worker_extractor
    import os
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core per worker
    from ..extraction import Extractor
    _worker_extractor = Extractor(model=model, min_confidence=min_confidence)


def _worker_batch(batch: list[Document]) -> list[Result]:
    return list(_extract_batch(_worker_extractor, batch))


def _extract_batch(extractor, batch: list) -> Iterator[Result]:
    documents = [item for item in batch if isinstance(item, Document)]
    done = {}
    if documents:
        try:
            done = dict(zip(map(id, documents), extractor.extract_all(documents)))
        except Exception:  # one bad document must not cost its batch: retry one by one
            done = {id(d): _extract_one(extractor, d) for d in documents}
    for item in batch:
        if not isinstance(item, Document):
            yield item
        elif isinstance(done[id(item)], InputError):
            yield done[id(item)]
        else:
            yield item, done[id(item)]


def _extract_one(extractor, document: Document) -> Extraction | InputError:
    try:
        return extractor.extract(document)
    except Exception as exc:
        return InputError(f"{document.path or document.doc_id}: extraction failed "
                          f"({exc.__class__.__name__}: {str(exc)[:80]})")


def batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
