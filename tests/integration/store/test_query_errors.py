"""Query commands on bad input: one line on stderr, a non-zero exit, no traceback."""

from __future__ import annotations

import subprocess
import sys


def sayso(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sayso.cli", *args], capture_output=True, text=True)


def test_querying_a_store_that_does_not_exist(tmp_path):
    missing = tmp_path / "none.db"
    for command in (["speakers"], ["quotes"], ["show", "abc"], ["export"]):
        done = sayso(*command, "--db", str(missing))
        assert done.returncode == 1, command
        assert done.stderr.count("\n") == 1 and "no store at" in done.stderr
    assert not missing.exists()  # a query never creates a store


def test_a_file_that_is_not_a_database(tmp_path):
    odd = tmp_path / "notes.db"
    odd.write_text("just some notes\n" * 100)
    done = sayso("speakers", "--db", str(odd))
    assert done.returncode == 1 and "file is not a database" in done.stderr
    assert done.stderr.count("\n") == 1


def test_bad_options_are_usage_errors(tmp_path):
    assert sayso("quotes", "--since", "last week", "--db", str(tmp_path / "x.db")).returncode == 2
    assert sayso("ingest", "x.txt", "--workers", "0").returncode == 2
    done = sayso("speakers", "--db", "mysql://nobody@nowhere/db")
    assert done.returncode == 1 and done.stderr.count("\n") == 1
