"""Reading articles: offsets line up with the file, bad files become one-line errors."""

import io
import os
from datetime import date

import pytest

from sayso.errors import InputError
from sayso.ingest import iter_sources, read_document
from sayso.model import Document


def read_as_scorer(path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def test_read_document_keeps_text_exactly_as_the_offsets_expect(tmp_path):
    path = tmp_path / "crlf_story.txt"
    path.write_bytes("\ufeffCaf\u00e9 owner said:\r\n\u201cWe stay.\u201d\r\n".encode())
    doc = read_document(path, date=date(2024, 3, 5))
    assert doc.text == read_as_scorer(path)
    assert "\r\n" in doc.text and doc.text.startswith("\ufeff")
    assert (doc.doc_id, doc.date, doc.path) == ("crlf_story", date(2024, 3, 5), str(path))


def test_empty_file_is_an_empty_document(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert read_document(tmp_path / "empty.txt").text == ""


@pytest.mark.parametrize("data", [
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", id="binary"),
    pytest.param("Gr\u00fc\u00dfe aus K\u00f6ln".encode("latin-1"), id="latin-1"),
    pytest.param(b"ok so far " * 800 + b"\x00", id="nul-within-8k"),
])
def test_non_utf8_text_is_one_line_input_error(tmp_path, data):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: not a UTF-8 text file")
    assert "\n" not in message


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match=r"missing\.txt: no such file or directory$"):
        read_document(tmp_path / "missing.txt")


def test_directory_walk_is_recursive_sorted_and_skips_unknown_suffixes(tmp_path):
    for name in ["b.txt", "a.txt", "notes.md", "sub/c.txt", "sub/deeper/d.txt", "z/e.TXT"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name, encoding="utf-8")
    docs = list(iter_sources([tmp_path], date=date(2020, 1, 2)))
    assert [d.doc_id for d in docs] == ["a", "b", "c", "d", "e"]
    assert {d.date for d in docs} == {date(2020, 1, 2)}
    assert {d.format for d in docs} == {"text"}


def test_errors_are_yielded_in_place_and_the_rest_still_read(tmp_path):
    (tmp_path / "good.txt").write_text("Fine.", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    items = list(iter_sources([tmp_path / "latin.txt", tmp_path / "nope.txt",
                               tmp_path / "good.txt"]))
    assert [type(item) for item in items] == [InputError, InputError, Document]
    assert str(items[0]).startswith(f"{tmp_path / 'latin.txt'}: ")
    assert items[2].text == "Fine."


def test_folder_without_text_files_is_an_error(tmp_path):
    (tmp_path / "readme.md").write_text("x", encoding="utf-8")
    [item] = iter_sources([tmp_path])
    assert isinstance(item, InputError)
    assert str(item).startswith(f"{tmp_path}: no articles in the folder (.txt, .html")


def test_dash_reads_stdin_as_utf8_without_newline_translation():
    stream = io.BytesIO("Line one.\r\n\u201cQuoted,\u201d she said.\n".encode())
    [doc] = iter_sources(["-"], date=date(2021, 5, 6), stdin=stream)
    assert (doc.doc_id, doc.date, doc.path) == ("stdin", date(2021, 5, 6), None)
    assert doc.text == "Line one.\r\n\u201cQuoted,\u201d she said.\n"


def test_binary_stdin_is_an_input_error():
    [item] = iter_sources(["-"], stdin=io.BytesIO(b"\x00\x01\x02"))
    assert isinstance(item, InputError)
    assert str(item).startswith("<stdin>: not a UTF-8 text file")


def test_unreadable_folder_is_yielded_as_error(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    (tmp_path / "open.txt").write_text("Fine.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path) == str(locked):  # chmod 0 does not stop root
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(iter_sources([tmp_path]))
    assert str(items[0]) == f"{locked}: permission denied"
    assert items[1].doc_id == "open"
