"""Where a text states a date: the phrases worth handing to dateparser.

dateparser's own search finds dates in almost any word ("may", "now",
"second"), so the candidates come from a closed grammar of the forms news
uses: weekdays, month-day, month names after a preposition, ISO and
numeric dates, and deictic phrases ("yesterday", "last week", "two days
ago"). dateparser then does all of the calendar work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
          r"(?![A-Za-z])")  # "Mar" but not "Marenholt"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)[0-9]{2}"
_PART = r"(?:morning|afternoon|evening|night)"
_NUMBER = r"(?:[0-9]+|a|one|two|three|four|five|six|seven|eight|nine|ten|a few)"

_FORMS = [
    # "June 4", "Sept. 26, 2016", "4 June 2026"
    rf"\b{_MONTH} {_DAY}\b(?:,? {_YEAR}\b)?",
    rf"\b{_DAY} {_MONTH}(?: {_YEAR}\b)?",
    # "last Tuesday", "on Tuesday night", "Tuesday's debate"
    rf"\b(?:(?i:last|this|next|on|early|late) )?{_WEEKDAY}(?: {_PART})?\b",
    # a month alone only after a word that makes it a date ("in May", not "may")
    rf"\b(?i:in|since|until|last|this|next|early|late|mid-?|during|by) {_MONTH}"
    rf"(?: {_DAY}\b)?(?:,? {_YEAR}\b)?",
    rf"\b{_MONTH} {_YEAR}\b",
    r"\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b",
    r"\b(?:1[0-2]|0?[1-9])/(?:[12][0-9]|3[01]|0?[1-9])/(?:[0-9]{4}|[0-9]{2})\b",
    rf"\b(?i:the day before yesterday|yesterday|today|tonight|tomorrow)(?: {_PART})?\b",
    rf"\b(?i:this|last|next) (?:{_PART}|week|month|weekend)\b",
    rf"\b(?i:{_NUMBER}) (?:days?|weeks?|months?) ago\b",
    rf"\b(?i:earlier) (?:today|this (?:week|month))\b",
    r"\b(?i:the previous) (?:day|night|evening)\b",
]
_PATTERN = re.compile("|".join(f"(?:{form})" for form in _FORMS))


@dataclass(frozen=True)
class DateMention:
    """A phrase stating a date, with its character offsets in the text."""

    start: int
    end: int
    text: str


_DATELINE_PLACE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z .'\-]+(?:, [A-Za-z .]+)?,[ \t]*$")
_DATELINE_AGENCY = re.compile(r"[ \t]*\((?:[A-Z][\w .]*)\)")


def find_date_mentions(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Date phrases in ``text[start:end]``, left to right, longest forms first.

    A dateline ("PHILADELPHIA, July 25 (UPI) —") dates the filing, not
    anything said, and is left out.
    """
    end = len(text) if end is None else end
    return [DateMention(m.start(), m.end(), m.group(0))
            for m in _PATTERN.finditer(text, start, end) if not _is_dateline(text, m)]


def _is_dateline(text: str, match: re.Match) -> bool:
    line_start = text.rfind("\n", 0, match.start()) + 1
    before = text[max(line_start - 1, 0):match.start()]
    return bool(_DATELINE_PLACE.search(before)) or (
        match.start() - line_start < 40 and bool(_DATELINE_AGENCY.match(text, match.end())))
