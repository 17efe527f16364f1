"""Paths and the reference scorer, shared by the evaluation tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
# The shared material lies beside the repository, wherever it is cloned.
SHARED = REPO / ".." / "shared"
REFERENCE = SHARED / "eval" / "polnear.py"
POLNEAR = SHARED / "data" / "polnear"
MINI = REPO / "tests" / "fixtures" / "polnear_mini"


@pytest.fixture
def mini_root() -> Path:
    return MINI


@pytest.fixture
def polnear_root() -> Path:
    if not (POLNEAR / "dev" / "text").is_dir():
        pytest.skip(f"PolNeAR corpus not found at {os.path.normpath(POLNEAR)}")
    return POLNEAR


@pytest.fixture
def reference():
    """Run the reference scorer; returns its stdout (fails on a non-zero exit)."""
    if not REFERENCE.is_file():
        pytest.skip(f"reference scorer not found at {os.path.normpath(REFERENCE)}")

    def run(*args: str | Path) -> str:
        done = subprocess.run([sys.executable, str(REFERENCE), *map(str, args)],
                              capture_output=True, text=True, encoding="utf-8")
        assert done.returncode == 0, done.stderr
        return done.stdout

    return run
