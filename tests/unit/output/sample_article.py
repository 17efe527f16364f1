"""A hand-built article and its attributions, shared by the writer tests."""

from datetime import date

from sayso.model import Attribution, CitedSource, Document, Extraction, Speaker

TEXT = (
    "Tom Ruiz, a spokesman for the port authority, said the talks would resume.\n"
    "\n"
    "\u201cWe are ready,\u201d he told reporters. \u201cNobody wants this.\n"
    "\n"
    "\u201cBut we will not wait forever.\u201d\n"
    "The agency, citing a ministry official, reported that arbitration was likely.\n"
)


def at(needle: str, start: int = 0) -> tuple[int, int]:
    """The (start, end) of ``needle`` in TEXT."""
    begin = TEXT.index(needle, start)
    return begin, begin + len(needle)


def build_attributions() -> list[Attribution]:
    ruiz = Speaker("Tom Ruiz", "PERSON", "a spokesman for the port authority", [at("Tom Ruiz")])
    indirect = Attribution(source=[at("Tom Ruiz")], cue=[at("said")],
                           content=[at("the talks would resume.")], speaker=ruiz)
    he = at("he told")[0]
    split_quote = Attribution(
        source=[(he, he + 2)], cue=[at("told")], kind="direct", speaker=ruiz,
        channel="told reporters",
        # one fragment crossing a blank line: the multi-paragraph quote
        content=[at("\u201cWe are ready,\u201d"),
                 (at("\u201cNobody")[0], at("forever.\u201d")[1])])
    relayed = Attribution(source=[at("The agency")], cue=[at("reported")],
                          content=[at("that arbitration was likely.")],
                          speaker=Speaker("The agency", "ORG"),
                          cited=[CitedSource("a ministry official", "PERSON", "official")])
    no_source = Attribution(source=[], cue=[], content=[at("arbitration was likely")])
    attributions = [indirect, split_quote, relayed, no_source]
    for attribution in attributions:
        attribution.fill_texts(TEXT)
    return attributions


def build_results() -> list[tuple[Document, Extraction]]:
    """Two documents: the article (with a date) and an empty one."""
    article = Document("harbour", TEXT, date(2024, 3, 5))
    empty = Document("empty", "")
    return [(article, Extraction("harbour", build_attributions(), date(2024, 3, 5))),
            (empty, Extraction("empty", []))]
