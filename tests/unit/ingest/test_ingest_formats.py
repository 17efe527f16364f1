"""HTML, JSON Lines and WARC input -> Documents, with bad records in place."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date

from sayso.errors import InputError
from sayso.ingest.sources import iter_sources

PAGE = """<html><head><title>Harbour strike ends - Callan Herald</title>
<meta name="author" content="Ana Lindqvist">
<meta property="og:site_name" content="Callan Herald">
<meta property="article:published_time" content="2026-03-04T09:30:00Z">
<link rel="canonical" href="https://herald.example/harbour-strike-ends"></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Harbour strike ends</h1>
<p>The dockworkers' union said on Tuesday that its members had voted to accept the
port authority's offer after three weeks of talks.</p>
<p>"We are glad it is over," said Tom Ruiz, a spokesman for the port authority,
adding that the first ships would dock again on Wednesday morning.</p>
</article><footer>Copyright Callan Herald. All rights reserved.</footer></body></html>"""


def docs(paths):
    return list(iter_sources([str(p) for p in paths]))


def test_html_page_gives_text_and_metadata(tmp_path):
    path = tmp_path / "strike.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = docs([path])
    assert doc.doc_id == "strike"
    assert doc.title == "Harbour strike ends"
    assert doc.author == "Ana Lindqvist"
    assert doc.publisher == "Callan Herald"
    assert doc.url == "https://herald.example/harbour-strike-ends"
    assert doc.date == date(2026, 3, 4)
    assert "said Tom Ruiz, a spokesman for the port authority" in " ".join(doc.text.split())
    assert "Copyright" not in doc.text and "Home" not in doc.text
    assert "\n\n" in doc.text  # paragraphs stay apart


def test_html_without_article_text_is_an_error(tmp_path):
    path = tmp_path / "empty.htm"
    path.write_bytes(b"<html><body><div></div></body></html>")
    [error] = docs([path])
    assert isinstance(error, InputError) and "empty.htm" in str(error)


def test_corrupt_html_bytes_never_raise(tmp_path):
    path = tmp_path / "broken.html"
    path.write_bytes(b"\x00\xff<html><p>unclosed <b>tags \xfe\x00 everywhere")
    [item] = docs([path])
    assert isinstance(item, InputError) or item.text


def _jsonl_lines():
    return [
        json.dumps({"text": "The mayor said the bridge would reopen in May.", "title": "Bridge",
                    "url": "https://a.example/1", "published": "2026-02-01T08:00:00+01:00",
                    "publisher": "Valley Post"}),
        "{not json",
        json.dumps({"title": "no text here"}),
        "",
        json.dumps({"text": "Officials said the ferry would run again.", "id": "ferry-7"}),
    ]


def test_jsonl_records_and_bad_lines_in_place(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(_jsonl_lines()) + "\n", encoding="utf-8")
    items = docs([path])
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "InputError", "Document"]
    first, bad_json, no_text, last = items
    assert (first.title, first.publisher, first.date) == ("Bridge", "Valley Post", date(2026, 2, 1))
    assert first.path == f"{path}:1"
    assert f"{path}:2" in str(bad_json) and "JSON" in str(bad_json)
    assert f"{path}:3" in str(no_text) and "'text'" in str(no_text)
    assert last.doc_id == "ferry-7"


def test_gzipped_jsonl_and_a_truncated_one(tmp_path):
    data = ("\n".join(_jsonl_lines()) + "\n").encode()
    good, cut = tmp_path / "feed.jsonl.gz", tmp_path / "cut.jsonl.gz"
    good.write_bytes(gzip.compress(data))
    cut.write_bytes(gzip.compress(data)[:-12])
    assert sum(not isinstance(i, InputError) for i in docs([good])) == 2
    items = docs([cut])
    assert isinstance(items[-1], InputError) and "truncated" in str(items[-1])
    assert items[0].title == "Bridge"  # the lines before the damage stand


def _warc_bytes(gzipped: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for uri, ctype, body in [("https://herald.example/strike", "text/html; charset=utf-8", PAGE),
                             ("https://herald.example/logo.png", "image/png", "PNG...")]:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response",
                                                      payload=io.BytesIO(body.encode()),
                                                      http_headers=headers))
    writer.write_record(writer.create_warc_record("https://herald.example/strike", "request",
                                                  payload=io.BytesIO(b"GET /strike HTTP/1.1\r\n\r\n")))
    return out.getvalue()


def test_warc_html_responses_become_documents(tmp_path):
    for name, gzipped in (("crawl.warc", False), ("crawl.warc.gz", True)):
        path = tmp_path / name
        path.write_bytes(_warc_bytes(gzipped))
        [doc] = docs([path])
        assert doc.url == "https://herald.example/harbour-strike-ends"
        assert doc.title == "Harbour strike ends"
        assert doc.path == f"{path}:record 1"


def test_broken_warc_record_is_one_error_after_the_good_ones(tmp_path):
    good = _warc_bytes(False)
    path = tmp_path / "broken.warc"
    path.write_bytes(good + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<html>")
    items = docs([path])
    assert items[0].title == "Harbour strike ends"
    assert isinstance(items[-1], InputError) and "broken.warc" in str(items[-1])


def test_folders_are_walked_for_every_supported_type(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("The council said it would vote.", encoding="utf-8")
    (tmp_path / "b.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    items = docs([tmp_path])
    assert [i.doc_id for i in items] == ["one", "b"]


def test_unsupported_and_missing_files_are_errors(tmp_path):
    odd = tmp_path / "table.xlsx"
    odd.write_bytes(b"PK")
    unsupported, missing = docs([odd, tmp_path / "gone.jsonl"])
    assert "unsupported file type" in str(unsupported)
    assert "gone.jsonl" in str(missing)


def test_each_document_says_what_its_text_was_read_from(tmp_path):
    (tmp_path / "story.txt").write_text("The council said it would vote.", encoding="utf-8")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(_jsonl_lines()[0] + "\n", encoding="utf-8")
    (tmp_path / "crawl.warc").write_bytes(_warc_bytes(False))
    formats = {d.doc_id: (d.format, d.extracted) for d in docs([tmp_path])}
    assert formats == {"story": ("text", False), "page": ("html", True),
                       "feed-1": ("jsonl", True), "crawl-1": ("warc", True)}


def test_a_default_date_fills_only_documents_that_state_none(tmp_path):
    (tmp_path / "story.txt").write_text("The council said it would vote.", encoding="utf-8")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    lines = [_jsonl_lines()[0], _jsonl_lines()[-1]]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = {d.doc_id: d.date for d in iter_sources([str(tmp_path)], date=date(2025, 1, 9))}
    assert found == {"story": date(2025, 1, 9), "page": date(2026, 3, 4),
                     "feed-1": date(2026, 2, 1), "ferry-7": date(2025, 1, 9)}
