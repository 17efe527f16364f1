"""Store backends for the tests: a SQLite file, and a real PostgreSQL server
that the tests start themselves (initdb in a temporary folder, a free port
on 127.0.0.1, stopped at the end). ``make test`` installs Debian's
postgresql package when it is missing; without it these tests fail rather
than skip, unless SAYSO_SKIP_POSTGRES=1 is set by hand."""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

BACKENDS = ("sqlite", "postgresql")
_counter = itertools.count()


def _postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_postgres_user(command: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    """The base URL of a PostgreSQL server running for this test session."""
    if os.environ.get("SAYSO_SKIP_POSTGRES") == "1":
        pytest.skip("SAYSO_SKIP_POSTGRES=1")
    bindir = _postgres_bin()
    if bindir is None:
        pytest.fail("PostgreSQL is not installed: run 'make test', which installs it")
    # Not under pytest's own temporary folder: that one is private to its user.
    base = Path(tempfile.mkdtemp(prefix="sayso-pg-"))
    os.chmod(base, 0o755)
    data = base / "data"
    data.mkdir()
    if os.geteuid() == 0:
        shutil.chown(data, "postgres")
    port = _free_port()
    run = lambda cmd: subprocess.run(_as_postgres_user(cmd), check=True, capture_output=True)
    run([str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "sayso", "--no-sync"])
    run([str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(data / "log"),
         "-o", f"-p {port} -c listen_addresses=127.0.0.1 -k {data} -c fsync=off", "start"])
    try:
        yield f"postgresql://sayso@127.0.0.1:{port}"
    finally:
        subprocess.run(_as_postgres_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                                          "stop"]), capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def _new_postgres_database(base: str) -> str:
    import psycopg

    name = f"sayso_test_{os.getpid()}_{next(_counter)}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}"


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """A fresh, empty store on each backend in turn."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return _new_postgres_database(request.getfixturevalue("postgres_server"))
