"""Every ``$ sayso ...`` example in the README runs and prints what is shown.

The README's shell blocks are run in order, as a user would type them, in an
empty folder that holds the shipped samples and fixtures (so `sayso ingest`
makes a fresh `sayso.db` there and the later commands read it). Each
command's output (stdout and stderr together) must match the lines shown,
line by line; a line holding only "…" means the output goes on. Timings
("in 3.0 s (0.34 docs/s)") are the only thing allowed to differ.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
MORE = "…"
_TIMINGS = [(re.compile(r"\d+(?:\.\d+)? s\b"), "N s"),
            (re.compile(r"\d+(?:\.\d+)? docs/s"), "N docs/s")]


def shell_examples(text: str) -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for every ``$ `` line of the
    README's fenced blocks, in order."""
    examples = []
    for block in re.findall(r"```\n(.*?)```", text, flags=re.S):
        lines = block.rstrip("\n").split("\n")
        if not lines or not lines[0].startswith("$ "):
            continue
        for line in lines:
            if line.startswith("$ "):
                examples.append((line[2:], []))
            else:
                examples[-1][1].append(line)
    return examples


def normalise(line: str) -> str:
    for pattern, replacement in _TIMINGS:
        line = pattern.sub(replacement, line)
    return line.rstrip()


def mismatch(expected: list[str], actual: list[str]) -> str | None:
    """Why the output differs from what the README shows, or None."""
    for k, want in enumerate(expected):
        if want == MORE:
            return None
        got = actual[k] if k < len(actual) else "<no more output>"
        if normalise(want) != normalise(got):
            return f"line {k + 1}: README shows {want!r}, the command printed {got!r}"
    if len(actual) > len(expected):
        return f"the command printed {len(actual) - len(expected)} lines more than shown"
    return None


def test_the_readme_shows_commands():
    commands = [c for c, _ in shell_examples(README.read_text(encoding="utf-8"))]
    assert any(c.startswith("sayso extract") for c in commands)
    assert any(c.startswith("sayso ingest") for c in commands)


def test_mismatch_reads_more_markers_and_timings():
    assert mismatch(["ingested 1 in 3.0 s (0.34 docs/s)"], ["ingested 1 in 9.9 s (1.20 docs/s)"]) is None
    assert mismatch(["a", MORE], ["a", "b", "c"]) is None
    assert mismatch(["a", "b"], ["a", "c"]).startswith("line 2")
    assert mismatch(["a"], ["a", "b"]) is not None


@pytest.mark.slow
def test_every_readme_example_prints_what_it_shows(tmp_path):
    for folder in ("samples", "tests"):
        (tmp_path / folder).symlink_to(REPO / folder)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    for command, expected in shell_examples(README.read_text(encoding="utf-8")):
        argv = shlex.split(command)
        assert argv[0] == "sayso", command
        done = subprocess.run([sys.executable, "-m", "sayso.cli", *argv[1:]], cwd=tmp_path,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=600)
        output = done.stdout.decode("utf-8").rstrip("\n").split("\n")
        assert done.returncode == 0, f"$ {command}\n" + "\n".join(output)
        problem = mismatch(expected, output)
        assert problem is None, f"$ {command}: {problem}\n" + "\n".join(output)
