"""A date phrase -> a calendar date, resolved against the publication date.

dateparser does the calendar work. What it cannot know is news
convention, so this module chooses its settings:

* a bare weekday in a report of the past means the latest such day on or
  before publication ("said on Tuesday" in a Tuesday paper is that day);
  in a statement about the future, the next one on or after;
* a month and day without a year take the tense's direction, or the
  nearer of the two when the clause has no tense;
* a week or month stands for its first day, and ``period`` says so;
* a Sunday paper's "last week" is the week that ends that day;
* "the previous night" / "the previous day" count back from publication.

A phrase whose meaning depends on the base (every relative one) resolves to
nothing when the article has no date: never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime, timedelta
from functools import lru_cache

PAST, FUTURE = "past", "future"
_PROBE_BASES = (datetime(2001, 3, 14), datetime(2013, 10, 2))  # absolute phrases agree on both
_LEADING = re.compile(r"^(?:on|in|since|until|during|by|early|late|mid-?|earlier)\s*", re.I)
_BARE_WEEKDAY = re.compile(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                           r"(?:\s+(?:morning|afternoon|evening|night))?$", re.I)
_HAS_YEAR = re.compile(r"\b(?:19|20)[0-9]{2}\b|/[0-9]{2,4}$|^[0-9]{4}-")
_MONTH_DAY = re.compile(r"[0-9]")
_PREVIOUS = re.compile(r"^the previous (?:day|night|evening)$", re.I)


@dataclass(frozen=True)
class ResolvedDate:
    date: Date
    period: str  # "day", "week" or "month"


@lru_cache(maxsize=4096)
def resolve_date(phrase: str, published: Date | None, prefer: str | None = None) -> ResolvedDate | None:
    """The date ``phrase`` states, or None when it states none we can fix."""
    cleaned = _clean(phrase)
    if not cleaned:
        return None
    # only a phrase with a year can be absolute; the probe costs two parses
    absolute = _absolute(cleaned) if _HAS_YEAR.search(cleaned) else None
    if absolute is not None:
        return absolute
    if published is None:
        return None
    base = datetime(published.year, published.month, published.day, 12)
    if _PREVIOUS.match(cleaned):
        cleaned = "yesterday"
    if cleaned.lower() == "last week" and published.weekday() == 6:
        base += timedelta(days=1)
    if _BARE_WEEKDAY.match(cleaned):
        return _weekday(cleaned, base, prefer or PAST)
    if _MONTH_DAY.search(cleaned) and not _HAS_YEAR.search(cleaned) and prefer is None:
        return _nearer(cleaned, base)
    return _parse(cleaned, base, prefer or PAST)


def _clean(phrase: str) -> str:
    text = phrase.strip().removesuffix("'s").removesuffix("\u2019s")
    return _LEADING.sub("", text).strip()


def _absolute(text: str) -> ResolvedDate | None:
    first, second = (_parse(text, base, PAST) for base in _PROBE_BASES)
    return first if first is not None and first == second else None


def _weekday(text: str, base: datetime, prefer: str) -> ResolvedDate | None:
    # dateparser skips the base's own weekday; moving the base one day away
    # makes "Tuesday" in a Tuesday article that very day.
    shifted = base + timedelta(days=1 if prefer == PAST else -1)
    return _parse(text, shifted, prefer)


def _nearer(text: str, base: datetime) -> ResolvedDate | None:
    found = [r for r in (_parse(text, base, PAST), _parse(text, base, FUTURE)) if r is not None]
    if not found:
        return None
    return min(found, key=lambda r: abs((r.date - base.date()).days))


def _parse(text: str, base: datetime, prefer: str) -> ResolvedDate | None:
    data = _parser(base, prefer).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    period = data.period or "day"
    if period == "week":
        return ResolvedDate(day - timedelta(days=day.weekday()), "week")
    if period == "month":
        return ResolvedDate(day.replace(day=1), "month")
    if period == "year":
        return None  # a bare year is too coarse to date an event
    return ResolvedDate(day, "day")  # "day", "time", "part_of_day"


@lru_cache(maxsize=64)
def _parser(base: datetime, prefer: str):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer, "RETURN_TIME_AS_PERIOD": True,
        "DATE_ORDER": "MDY", "STRICT_PARSING": False})
