"""One record per statement.

"The conductor, Mateo Ferri, told the Kessel Times: '...'" gives the
taggers two cues for one quotation: "told" and the colon after its
audience. The colon is only the punctuation of the first; a record whose
cue is a bare colon and whose content another record with a word for a
cue already holds is dropped.
"""

from __future__ import annotations

from ..model import Attribution


def one_record_per_statement(text: str, attributions: list[Attribution]) -> list[Attribution]:
    worded = [a for a in attributions if not _colon_only(text, a)]
    return [a for a in attributions
            if not (_colon_only(text, a) and any(_same_words(a, b) and _leads_to(text, b, a)
                                                 for b in worded))]


def _leads_to(text: str, worded: Attribution, colon: Attribution) -> bool:
    """The worded cue stands before the colon in the same sentence, outside
    the quotation ("told the Kessel Times:"), not inside it."""
    cue_end = max(e for _, e in worded.cue)
    colon_at = colon.cue[0][0]
    between = text[cue_end:colon_at]
    return cue_end <= colon_at and "\n" not in between and not any(m in between for m in ".!?")


def _colon_only(text: str, attribution: Attribution) -> bool:
    return bool(attribution.cue) and "".join(text[s:e] for s, e in attribution.cue).strip() == ":"


def _same_words(a: Attribution, b: Attribution) -> bool:
    """Whether two contents cover most of each other's characters."""
    def chars(span):
        return {i for s, e in span for i in range(s, e)}
    x, y = chars(a.content), chars(b.content)
    return bool(x and y) and len(x & y) >= 0.8 * min(len(x), len(y))
