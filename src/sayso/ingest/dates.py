"""Publication dates as records give them: ISO dates and timestamps."""

from __future__ import annotations

from datetime import date as Date
from datetime import datetime


def parse_published(value) -> Date | None:
    """The calendar date of an ISO 8601 date or timestamp ("2016-09-27",
    "2016-09-27T14:03:00Z"); None for anything else, never a guess."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return Date.fromisoformat(text[:10])
    except ValueError:
        return None
