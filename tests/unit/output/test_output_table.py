"""The terminal table: readable, plain text, never wider than 100 columns."""

import io

from sayso.model import Attribution, CitedSource, Document, Extraction, Speaker
from sayso.output import write_table
from sayso.output.table import WIDTH

from sample_article import build_results


def written(results) -> list[str]:
    out = io.StringIO()
    write_table(results, out)
    return out.getvalue().splitlines()


def test_one_titled_table_per_document():
    results = build_results()
    lines = written(results)
    assert lines[0] == "harbour (2024-03-05): 4 attributions"
    assert lines[1].split() == ["#", "kind", "speaker", "cue", "channel", "via"]
    assert len(lines) == 1 + 2 + 4 * 2 + 1 + 1
    assert lines[-2:] == ["", "empty: 0 attributions"]


def test_rows_show_speaker_with_role_cue_channel_and_relay():
    results = build_results()
    lines = written(results)
    first, quote, relayed, no_source = lines[3], lines[5], lines[7], lines[9]
    assert first.startswith("1  indirect  Tom Ruiz \u2014 a spokesman for")
    assert first.split()[-3:] == ["said", "-", "-"]
    assert quote.split()[1] == "direct" and "told reporters" in quote
    assert "The agency" in relayed and relayed.endswith("a ministry official")
    assert "(no source)" in no_source


def test_content_under_its_row_on_one_line():
    results = build_results()
    lines = written(results)
    assert lines[4] == "   the talks would resume."
    assert lines[6] == ("   \u201cWe are ready,\u201d \u201cNobody wants this. "
                        "\u201cBut we will not wait forever.\u201d")


def test_relay_chain_is_listed_in_order():
    text = "The agency reported it."
    relayed = Attribution(source=[(0, 10)], cue=[(11, 19)], content=[(20, 22)],
                          cited=[CitedSource("Reuters"), CitedSource("an aide")])
    relayed.fill_texts(text)
    row = written([(Document("d", text), Extraction("d", [relayed]))])[3]
    assert row.endswith("Reuters, an aide")


def test_every_line_fits_even_with_long_fields():
    text = "x" * 500
    long = Attribution(source=[(0, 200)], cue=[(200, 260)], content=[(260, 500)],
                       speaker=Speaker("N" * 80, role="r" * 80), channel="c" * 40,
                       cited=[CitedSource("s" * 50)])
    long.fill_texts(text)
    lines = written([(Document("d" * 150, text), Extraction("d" * 150, [long]))])
    assert max(len(line) for line in lines) == WIDTH
    assert all(line.isprintable() for line in lines)


def test_a_speaker_the_article_does_not_name_is_marked():
    text = "The health inspector said the water was safe."
    unnamed = Attribution(source=[(0, 20)], cue=[(21, 25)], content=[(26, 45)],
                          speaker=Speaker("health inspector", "PERSON", named=False))
    named = Attribution(source=[(0, 20)], cue=[(21, 25)], content=[(26, 45)],
                        speaker=Speaker("Ines Calder", "PERSON", role="Governor", named=True))
    for a in (unnamed, named):
        a.fill_texts(text)
    lines = written([(Document("water", text), Extraction("water", [unnamed, named]))])
    assert "health inspector ?" in lines[3] and "Ines Calder — Governor" in lines[5]
    assert "?" not in lines[5]
