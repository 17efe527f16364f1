from datetime import date

import pytest

from sayso.dating.resolve import FUTURE, PAST, resolve_date

WEDNESDAY = date(2016, 7, 27)


@pytest.mark.parametrize("phrase, prefer, expected, period", [
    ("on Tuesday", None, date(2016, 7, 26), "day"),
    ("Wednesday", None, date(2016, 7, 27), "day"),        # the publication day itself
    ("Friday", None, date(2016, 7, 22), "day"),           # a report of the past
    ("Friday", FUTURE, date(2016, 7, 29), "day"),         # "will meet on Friday"
    ("yesterday", None, date(2016, 7, 26), "day"),
    ("this afternoon", None, date(2016, 7, 27), "day"),
    ("Tuesday night", None, date(2016, 7, 26), "day"),
    ("two days ago", None, date(2016, 7, 25), "day"),
    ("last week", None, date(2016, 7, 18), "week"),      # its Monday
    ("earlier this month", None, date(2016, 7, 1), "month"),
    ("in June", None, date(2016, 6, 1), "month"),
    ("June 4", None, date(2016, 6, 4), "day"),
    ("Sept. 26", None, date(2016, 9, 26), "day"),         # the nearer one: this September
    ("Sept. 26", PAST, date(2015, 9, 26), "day"),
    ("Tuesday's", None, date(2016, 7, 26), "day"),
])
def test_relative_phrases_resolve_against_the_publication_date(phrase, prefer, expected, period):
    resolved = resolve_date(phrase, WEDNESDAY, prefer)
    assert (resolved.date, resolved.period) == (expected, period)


@pytest.mark.parametrize("phrase, expected", [
    ("July 4, 2015", date(2015, 7, 4)), ("7/26/2016", date(2016, 7, 26)),
    ("2016-07-01", date(2016, 7, 1)),
])
def test_absolute_dates_need_no_publication_date(phrase, expected):
    assert resolve_date(phrase, None).date == expected


@pytest.mark.parametrize("phrase", ["on Tuesday", "yesterday", "June 4", "last week"])
def test_relative_phrases_without_a_publication_date_resolve_to_nothing(phrase):
    assert resolve_date(phrase, None) is None


def test_vague_phrases_resolve_to_nothing():
    assert resolve_date("a few days ago", WEDNESDAY) is None


def test_a_sunday_papers_last_week_is_the_week_ending_that_day():
    sunday, saturday = date(2016, 7, 31), date(2016, 7, 30)
    assert resolve_date("last week", sunday).date == date(2016, 7, 25)
    assert resolve_date("last week", saturday).date == date(2016, 7, 18)


@pytest.mark.parametrize("phrase", ["the previous night", "the previous day"])
def test_the_previous_night_counts_back_from_publication(phrase):
    assert resolve_date(phrase, WEDNESDAY).date == date(2016, 7, 26)
    assert resolve_date(phrase, None) is None
