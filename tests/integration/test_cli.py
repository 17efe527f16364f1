"""The sayso command, run as a user runs it: a subprocess over files on disk.

These use the real extractor (spaCy + the trained model). A few tests at the
end run ``cli.main`` in-process with a stand-in extractor, for behaviour no
real model can be made to show on demand (reading ahead, interruption).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sayso import cli
from sayso.model import Extraction

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "harbour_strike.txt"
POLNEAR_MINI = REPO / "tests" / "fixtures" / "polnear_mini"
ROLES = ("source", "cue", "content")
ERROR_LINE = re.compile(r"sayso: error: \S.*")


def sayso(*args: str, stdin: bytes | None = None, cwd: Path | None = None,
          ) -> subprocess.CompletedProcess:
    """Run ``python -m sayso.cli ARGS``; stdout and stderr as text."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}  # output must not rely on the locale
    done = subprocess.run([sys.executable, "-m", "sayso.cli", *args], input=stdin,
                          capture_output=True, cwd=cwd, env=env, timeout=300)
    done.stdout, done.stderr = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    assert "Traceback" not in done.stderr, done.stderr
    return done


def jsonl(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def read_as_scorer(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def assert_offsets_match_text(record: dict, text: str) -> None:
    for item in record["attributions"]:
        for role in ROLES:
            for start, end in item[role]:
                assert 0 <= start < end <= len(text)
            assert " ".join(text[s:e] for s, e in item[role]) == item[f"{role}_text"]


@pytest.fixture
def article(tmp_path) -> Path:
    """The sample article with Windows line endings: offsets must not shift."""
    path = tmp_path / "harbour_crlf.txt"
    path.write_bytes(SAMPLE.read_bytes().replace(b"\n", b"\r\n"))
    return path


# -- extract: the JSON Lines contract ----------------------------------------

def test_jsonl_offsets_index_the_file_text(article):
    done = sayso("extract", str(SAMPLE), str(article), "--format", "jsonl",
                 "--date", "2024-03-05")
    assert (done.returncode, done.stderr) == (0, "")
    records = jsonl(done.stdout)
    assert [r["doc_id"] for r in records] == ["harbour_strike", "harbour_crlf"]
    for record, path in zip(records, (SAMPLE, article)):
        assert record["date"] == "2024-03-05"
        assert len(record["attributions"]) >= 5  # the sample is full of them
        assert_offsets_match_text(record, read_as_scorer(path))


def test_empty_file_gives_an_empty_result(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    done = sayso("extract", str(tmp_path / "empty.txt"), "--format", "jsonl")
    assert (done.returncode, done.stderr) == (0, "")
    assert jsonl(done.stdout) == [{"doc_id": "empty", "date": None, "attributions": []}]


def test_unreadable_files_are_one_line_each_and_the_others_still_run(tmp_path, article):
    photo, latin1, missing = tmp_path / "photo.txt", tmp_path / "latin1.txt", tmp_path / "gone.txt"
    photo.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    latin1.write_bytes("\u00abNon\u00bb, a dit le ma\u00eetre.".encode("latin-1"))
    done = sayso("extract", str(photo), str(latin1), str(article), str(missing),
                 "--format", "jsonl")
    assert done.returncode == 2
    errors = done.stderr.splitlines()
    assert len(errors) == 3
    assert errors[0].startswith(f"sayso: error: {photo}: not a UTF-8 text file")
    assert errors[1].startswith(f"sayso: error: {latin1}: not a UTF-8 text file")
    assert errors[2] == f"sayso: error: {missing}: no such file or directory"
    assert [r["doc_id"] for r in jsonl(done.stdout)] == ["harbour_crlf"]


def test_directory_is_walked_recursively_in_name_order(tmp_path):  # every article type
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / "a.txt").write_text('"Yes," she said.\n', encoding="utf-8")
    (tmp_path / "b" / "deep" / "c.txt").write_text("The mayor said no.\n", encoding="utf-8")
    (tmp_path / "b" / "notes.md").write_text("skip me", encoding="utf-8")
    done = sayso("extract", str(tmp_path), "--format", "jsonl")
    assert (done.returncode, done.stderr) == (0, "")
    assert [r["doc_id"] for r in jsonl(done.stdout)] == ["a", "c"]


PAGE = """<html><head><title>Port strike ends - Callan Herald</title>
<meta property="article:published_time" content="2026-03-04T09:30:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Port strike ends</h1>
<p>The dockworkers' union said on Tuesday that its members had voted to accept
the port authority's offer.</p>
<p>"We are glad it is over," said Tom Ruiz, a spokesman for the port authority.</p>
</article><footer>Copyright Callan Herald. All rights reserved.</footer></body></html>"""


def test_extract_reads_pages_and_records_with_the_text_the_offsets_index(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps(
        {"id": "ferry-7", "text": "Officials said the ferry would run again on Monday."}) + "\n",
        encoding="utf-8")
    (tmp_path / "story.txt").write_text("The mayor said the bridge would reopen.\n",
                                        encoding="utf-8")
    done = sayso("extract", str(tmp_path), "--format", "jsonl", "--date", "2025-01-09")
    assert (done.returncode, done.stderr) == (0, "")
    feed, page, story = jsonl(done.stdout)
    assert (page["doc_id"], page["format"], page["date"]) == ("page", "html", "2026-03-04")
    assert "<" not in page["text"] and "Copyright" not in page["text"]
    assert_offsets_match_text(page, page["text"])
    speakers = {a["speaker"]["name"] for a in page["attributions"]}
    assert "Tom Ruiz" in speakers and not speakers & {"p", "article", "html"}
    assert all("<" not in a["content_text"] for a in page["attributions"])
    assert (feed["doc_id"], feed["format"], feed["date"]) == ("ferry-7", "jsonl", "2025-01-09")
    assert_offsets_match_text(feed, feed["text"])
    assert [a["content_text"].rstrip(".") for a in feed["attributions"]] == [
        "the ferry would run again on Monday"]
    assert "text" not in story and story["date"] == "2025-01-09"  # the file is the text


def test_dash_reads_standard_input():
    text = SAMPLE.read_bytes()
    done = sayso("extract", "-", "--format", "jsonl", stdin=text)
    assert done.returncode == 0
    [record] = jsonl(done.stdout)
    assert record["doc_id"] == "stdin"
    assert_offsets_match_text(record, text.decode("utf-8"))


@pytest.mark.parametrize("value", ["2024-13-01", "05/03/2024", "20240305", "yesterday"])
def test_bad_date_is_a_one_line_usage_error(article, value):
    done = sayso("extract", str(article), "--date", value)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"sayso: error: --date: expected a date as YYYY-MM-DD, got '{value}'\n"


# -- extract: every format ----------------------------------------------------

def test_table_format_is_plain_and_fits_100_columns():
    done = sayso("extract", str(SAMPLE))  # table is the default
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert re.fullmatch(r"harbour_strike: \d+ attributions", lines[0])
    assert max(map(len, lines)) <= 100
    assert "\x1b" not in done.stdout


def test_json_format_is_an_array_of_extractions(article):
    done = sayso("extract", str(article), str(SAMPLE), "--format", "json")
    assert done.returncode == 0
    records = json.loads(done.stdout)
    assert [r["doc_id"] for r in records] == ["harbour_crlf", "harbour_strike"]
    assert_offsets_match_text(records[0], read_as_scorer(article))


def test_brat_format_is_standoff_with_a_header_per_document(article):
    done = sayso("extract", str(SAMPLE), str(article), "--format", "brat")
    assert done.returncode == 0
    text = read_as_scorer(SAMPLE)
    entity = re.compile(r"T(\d+)\t(Source|Cue|Content|Attribution(?:-no-source)?) "
                        r"(\d+ \d+(?:;\d+ \d+)*)\t(.*)")
    event = re.compile(r"E\d+\tAttribution(-no-source)?:T\d+( (Source|Cue|Content):T\d+)+")
    sections = done.stdout.split("\n\n")
    assert [s.splitlines()[0] for s in sections] == ["# harbour_strike", "# harbour_crlf"]
    for line in sections[0].splitlines()[1:]:
        match = entity.fullmatch(line)
        if match is None:
            assert event.fullmatch(line), line
            continue
        fragments = [map(int, f.split()) for f in match.group(3).split(";")]
        assert " ".join(text[s:e] for s, e in fragments) == match.group(4)


def test_version():
    done = sayso("--version")
    assert done.returncode == 0 and re.fullmatch(r"sayso \d+\.\d+\.\d+\S*\n", done.stdout)


def test_closed_pipe_ends_quietly(tmp_path):
    for n in range(40):
        (tmp_path / f"story{n:02}.txt").write_text(f'"Item {n}," she said.\n' * 50,
                                                   encoding="utf-8")
    command = [sys.executable, "-m", "sayso.cli", "extract", str(tmp_path), "--format", "json"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        proc.stdout.readline()
        proc.stdout.close()  # like `sayso ... | head -1`
        stderr = proc.stderr.read().decode()
    assert proc.returncode in (0, 1) and stderr == ""


# -- evaluate -----------------------------------------------------------------

@pytest.mark.skipif(not POLNEAR_MINI.is_dir(), reason="no mini PolNeAR fixture")
def test_evaluate_prints_scores_and_writes_predictions(tmp_path):
    predictions = tmp_path / "pred.jsonl"
    done = sayso("evaluate", "--corpus", "polnear", "--split", "dev", "--data",
                 str(POLNEAR_MINI), "--pred-out", str(predictions), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert 0 <= result["attribution_partial_f1"] <= 1
    doc_ids = sorted(p.stem for p in (POLNEAR_MINI / "dev" / "text").glob("*.txt"))
    assert sorted(r["doc_id"] for r in jsonl(predictions.read_text("utf-8"))) == doc_ids
    table = sayso("evaluate", "--corpus", "polnear", "--split", "dev", "--data", str(POLNEAR_MINI))
    assert table.returncode == 0
    assert table.stdout.splitlines()[-1].startswith("attribution_partial_f1=")


def test_evaluate_without_corpus_is_a_one_line_error(tmp_path):
    done = sayso("evaluate", "--corpus", "polnear", "--split", "dev", "--data", str(tmp_path))
    assert done.returncode == 2 and done.stdout == ""
    assert ERROR_LINE.fullmatch(done.stderr.rstrip("\n")) and done.stderr.count("\n") == 1


# -- in-process, with a stand-in extractor -------------------------------------

class ReadAheadExtractor:
    """Reads every document before yielding anything, as a batching parser may."""

    def extract_all(self, documents):
        documents = list(documents)
        for document in documents:
            yield Extraction(document.doc_id, [], document.date)


def test_results_stay_paired_with_their_documents_when_the_extractor_reads_ahead(
        tmp_path, monkeypatch, capsys):
    for name in ("one", "two", "three"):
        (tmp_path / f"{name}.txt").write_text(name, encoding="utf-8")
    (tmp_path / "zz_bad.txt").write_bytes(b"\x00")
    monkeypatch.setattr(cli, "load_extractor", lambda model, min_confidence=None: ReadAheadExtractor())
    status = cli.main(["extract", str(tmp_path), "--format", "jsonl", "--date", "2024-01-02"])
    out, err = capsys.readouterr()
    assert status == 2
    assert [r["doc_id"] for r in jsonl(out)] == ["one", "three", "two"]
    assert err == f"sayso: error: {tmp_path / 'zz_bad.txt'}: not a UTF-8 text file (binary)\n"


def test_interrupt_exits_130_without_traceback(tmp_path, monkeypatch, capsys):
    def interrupted(model, min_confidence=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "load_extractor", interrupted)
    assert cli.main(["extract", str(SAMPLE)]) == 130
    assert capsys.readouterr().err == ""
