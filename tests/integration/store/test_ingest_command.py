"""``sayso ingest`` end to end, on both backends, with the real extractor."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from sqlalchemy import func, select

from sayso.store import Store, schema

from store_articles import write_jsonl_feed, write_text_corpus


def sayso(*args: str) -> subprocess.CompletedProcess:
    # These tests are about storing articles; grouping them into events after
    # an ingest has its own tests (test_events.py), so it is skipped here.
    if args[0] == "ingest":
        args = (*args, "--events", "none")
    return subprocess.run([sys.executable, "-m", "sayso.cli", *args], capture_output=True,
                          text=True, timeout=600)


def stored(db: str) -> tuple[int, int, int]:
    """(documents, attributions, distinct (document, position) pairs)."""
    with Store(db) as store, store.connect() as conn:
        docs = conn.execute(select(func.count()).select_from(schema.documents)).scalar_one()
        atts = conn.execute(select(func.count()).select_from(schema.attributions)).scalar_one()
        pairs = conn.execute(select(func.count()).select_from(
            select(schema.attributions.c.document_id, schema.attributions.c.position)
            .distinct().subquery())).scalar_one()
        counted = conn.execute(select(func.sum(schema.documents.c.attribution_count))).scalar_one()
    assert counted in (atts, None)  # every stored document is whole
    return docs, atts, pairs


def test_ingest_counts_and_rerun_adds_nothing(db_url, tmp_path):
    feed = write_jsonl_feed(tmp_path / "feed.jsonl", range(4), bad_lines=True)
    texts = write_text_corpus(tmp_path / "texts", 3)
    first = sayso("ingest", str(feed), str(tmp_path / "texts"), "--db", db_url)
    assert first.returncode == 1  # two bad lines
    assert f"{feed}:2" in first.stderr and f"{feed}:3" in first.stderr
    assert "ingested 4, skipped 3 (already stored), failed 2" in first.stderr  # texts repeat the feed
    docs, atts, pairs = stored(db_url)
    assert docs == 4 and atts == pairs and atts >= 8
    again = sayso("ingest", str(feed), *map(str, texts), "--db", db_url, "--tolerate-failures")
    assert again.returncode == 0
    assert "ingested 0, skipped 7 (already stored), failed 2" in again.stderr
    assert stored(db_url) == (docs, atts, pairs)


def test_queries_over_an_ingested_feed(db_url, tmp_path):
    feed = write_jsonl_feed(tmp_path / "feed.jsonl", range(10))
    assert sayso("ingest", str(feed), "--db", db_url).returncode == 0
    speakers = sayso("speakers", "--db", db_url, "--top", "10")
    assert speakers.returncode == 0 and "Marta Okafor" in speakers.stdout
    found = sayso("quotes", "--db", db_url, "--speaker", "Okafor", "--json")
    assert found.returncode == 0 and found.stdout.count("\n") >= 2
    search = sayso("quotes", "--db", db_url, "--search", "table deal")
    assert "not leaving the table" in search.stdout
    export = sayso("export", "--db", db_url, "--format", "csv")
    assert export.stdout.splitlines()[0].startswith("document_id,position,kind,speaker")
    parquet = tmp_path / "out.parquet"
    assert sayso("export", "--db", db_url, "--format", "parquet", "--out", str(parquet)).returncode == 0
    import pyarrow.parquet as pq
    assert pq.read_table(parquet).num_rows == stored(db_url)[1]
    doc_id = found.stdout.split('"document_id": "')[1].split('"')[0]
    shown = sayso("show", doc_id, "--db", db_url)
    assert shown.returncode == 0 and "Valley Post" in shown.stdout
    missing = sayso("show", "nope", "--db", db_url)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1


def test_two_workers_store_what_one_does(db_url, tmp_path):
    corpus = write_text_corpus(tmp_path / "texts", 12)
    one = tmp_path / "one.db"
    assert sayso("ingest", str(tmp_path / "texts"), "--db", str(one)).returncode == 0
    assert sayso("ingest", str(tmp_path / "texts"), "--db", db_url, "--workers", "2").returncode == 0
    assert stored(db_url) == stored(str(one))
    assert len(corpus) == stored(db_url)[0]


def _wait_for_documents(db: str, at_least: int, process: subprocess.Popen, limit: float = 120):
    started = time.time()
    while time.time() - started < limit and process.poll() is None:
        try:
            if stored(db)[0] >= at_least:
                return
        except Exception:  # the store may not exist yet
            pass
        time.sleep(0.05)


def test_sigkill_mid_ingest_loses_and_duplicates_nothing(db_url, tmp_path):
    write_text_corpus(tmp_path / "texts", 30)
    clean = tmp_path / "clean.db"
    assert sayso("ingest", str(tmp_path / "texts"), "--db", str(clean)).returncode == 0
    for kill_after in (3, 12, 21):
        process = subprocess.Popen([sys.executable, "-m", "sayso.cli", "ingest",
                                    str(tmp_path / "texts"), "--db", db_url, "--events", "none"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for_documents(db_url, kill_after, process)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        docs, atts, pairs = stored(db_url)
        assert atts == pairs  # no attribution twice, every document whole
    assert sayso("ingest", str(tmp_path / "texts"), "--db", db_url).returncode == 0
    assert stored(db_url) == stored(str(clean))


def test_progress_bar_shows_documents_attributions_and_rate(tmp_path):
    write_text_corpus(tmp_path / "texts", 3)
    done = sayso("ingest", str(tmp_path / "texts"), "--db", str(tmp_path / "p.db"), "--progress")
    assert done.returncode == 0
    final = done.stderr.splitlines()[-2].split("\r")[-1]  # the bar's last redraw
    assert final.startswith("3doc") and ("doc/s" in final or "s/doc" in final)  # the rate
    assert "attributions=12" in final and "failed=0" in final
