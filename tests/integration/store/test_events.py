"""Events and compared accounts in a store, on both backends, through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from datetime import date

import pytest
from sqlalchemy import func, select, text

from sayso.accounts.build import rebuild_events
from sayso.accounts.vectors import minilm_available
from sayso.store import Store, schema
from sayso.store.events import event_detail, last_build, list_events

READOUTS = Path(__file__).resolve().parents[2] / "fixtures" / "accounts" / "readouts.jsonl"
MINISTRY, PRESIDENCY = "Ostranian Foreign Ministry", "Valdor Presidential Office"


def sayso(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sayso.cli", *args], capture_output=True,
                          text=True, timeout=600)


def kessel_event(events: list[dict]) -> dict:
    """The call both governments read out (the only event with both as sides)."""
    return next(e for e in events if MINISTRY in e["sides"])


def test_ingest_groups_the_two_readouts_of_one_call_and_compare_shows_both(db_url):
    ingest = sayso("ingest", str(READOUTS), "--db", db_url, "--events", "lexical")
    assert ingest.returncode == 0, ingest.stderr
    assert "grouped" in ingest.stderr
    listed = sayso("events", "--db", db_url, "--json")
    assert listed.returncode == 0, listed.stderr
    event = kessel_event([json.loads(line) for line in listed.stdout.splitlines()])
    assert event["side_count"] >= 2 and event["document_count"] >= 2
    # each readout's generic "the Foreign Ministry" / "the presidential office" is its publisher
    assert {MINISTRY, PRESIDENCY} <= set(event["sides"])

    as_json = sayso("compare", event["id"], "--db", db_url, "--format", "json")
    detail = json.loads(as_json.stdout)
    sides = {s["side"]: s for s in detail["sides"]}
    documents = {st["document_id"] for s in detail["sides"] for st in s["statements"]}
    assert len(documents) >= 2
    reopen = [r for r in detail["rows"] if r["relation"] == "agreement"]
    assert reopen, "the two readouts agree the crossing reopens"
    assert all(len([c for c in r["cells"] if c]) >= 2 for r in reopen)
    assert any(st["content_text"].startswith("the fishermen were not discussed")
               for st in sides[MINISTRY]["statements"])

    table = sayso("compare", event["id"], "--db", db_url, "--width", "120")
    assert table.returncode == 0
    header = table.stdout.splitlines()[3]
    assert "Ostranian Foreign" in header and "Valdor Presidential" in header
    assert "Kessel border" in table.stdout


def test_filters_by_speaker_and_date(db_url):
    assert sayso("ingest", str(READOUTS), "--db", db_url, "--events", "lexical").returncode == 0
    with Store(db_url) as store, store.connect() as conn:
        everything = list_events(conn, min_statements=1)
        assert {e["id"] for e in list_events(conn, speaker="Halvorsen", min_statements=1)} < \
            {e["id"] for e in everything}
        assert list_events(conn, since=date(2026, 4, 1), min_statements=1) == []


def test_a_rebuild_keeps_event_ids_and_duplicates_nothing(db_url):
    assert sayso("ingest", str(READOUTS), "--db", db_url, "--events", "none").returncode == 0
    with Store(db_url) as store:
        first = rebuild_events(store, "lexical")
        second = rebuild_events(store, "lexical")
        with store.connect() as conn:
            members = conn.execute(select(func.count()).select_from(schema.event_statements)).scalar_one()
            statements = conn.execute(select(func.count()).select_from(schema.attributions)).scalar_one()
            ids = {e["id"] for e in list_events(conn, min_statements=1, limit=1000)}
    assert (first.events, first.statements) == (second.events, second.statements)
    assert members == statements == first.statements
    assert len(ids) == first.events


@pytest.mark.skipif(not minilm_available(), reason="needs the accurate extra")
def test_ingest_groups_with_minilm_by_default_and_caches_the_vectors(tmp_path):
    db = str(tmp_path / "s.db")
    ingest = sayso("ingest", str(READOUTS), "--db", db)
    assert ingest.returncode == 0 and "Loading" not in ingest.stderr
    with Store(db) as store:
        with store.connect() as conn:
            assert last_build(conn)["backend"] == "minilm"
        built = rebuild_events(store, "minilm")
        with store.connect() as conn:
            cached = conn.execute(select(func.count()).select_from(schema.statement_vectors)).scalar_one()
            event = kessel_event(list_events(conn))
            detail = event_detail(conn, event["id"])
        again = rebuild_events(store, "minilm")
    assert built.backend == "minilm" and cached == built.statements
    assert again.events == built.events
    assert len({st["document_id"] for s in detail["sides"] for st in s["statements"]}) >= 2


def test_bad_requests_get_one_line_errors(tmp_path):
    db = str(tmp_path / "s.db")
    missing = sayso("events", "--db", db)
    assert missing.returncode != 0 and "no store" in missing.stderr
    assert sayso("ingest", str(READOUTS), "--db", db, "--events", "none").returncode == 0
    unbuilt = sayso("events", "--db", db)
    assert unbuilt.returncode == 2 and "sayso group" in unbuilt.stderr
    assert "Traceback" not in unbuilt.stderr
    assert sayso("group", "--db", db, "--vectors", "lexical").returncode == 0
    unknown = sayso("compare", "nosuchevent", "--db", db)
    assert unknown.returncode == 2 and "no event 'nosuchevent'" in unknown.stderr
    assert len(unknown.stderr.strip().splitlines()) == 1


def test_a_store_from_before_events_gains_them_and_keeps_its_statements(db_url):
    assert sayso("ingest", str(READOUTS), "--db", db_url, "--events", "none").returncode == 0
    with Store(db_url) as store, store.engine.begin() as conn:
        before = conn.execute(select(func.count()).select_from(schema.attributions)).scalar_one()
        for table in ("event_builds", "event_topics", "event_claims", "event_statements", "events",
                      "statement_vectors"):
            conn.execute(text(f"DROP TABLE {table}"))
        for column in ("event_date", "event_date_period", "event_date_span", "origin", "entities"):
            conn.execute(text(f"ALTER TABLE attributions DROP COLUMN {column}"))
        conn.execute(text("DELETE FROM schema_versions WHERE version = 2"))
    with Store(db_url) as store:  # migrates to version 2 again
        with store.connect() as conn:
            after = conn.execute(select(func.count()).select_from(schema.attributions)).scalar_one()
        built = rebuild_events(store, "lexical")
    assert after == before == built.statements


def test_a_speaker_who_is_their_own_origin_is_one_side_across_articles(tmp_path):
    feed = tmp_path / "two.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "published": "2026-03-10", "text":
         "Talks resume\n\nForeign Minister Irena Kolst said the border talks would resume on Friday.\n"},
        {"id": "b", "published": "2026-03-11", "text":
         "Border talks\n\nKolst said the talks had been postponed.\n"}]) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert sayso("ingest", str(feed), "--db", db, "--events", "lexical").returncode == 0
    with Store(db) as store, store.connect() as conn:
        origins = set(conn.execute(select(schema.attributions.c.origin)).scalars())
    assert origins == {"Irena Kolst"}
