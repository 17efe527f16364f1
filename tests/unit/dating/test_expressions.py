from sayso.dating.expressions import find_date_mentions


def phrases(text):
    return [m.text for m in find_date_mentions(text)]


def test_weekdays_month_days_and_deictic_phrases_are_found():
    text = ("The minister said on Tuesday night that the June 4 vote would go ahead "
            "and that talks held two days ago, since May 2015 and last week had failed.")
    assert phrases(text) == ["on Tuesday night", "June 4", "two days ago", "since May 2015",
                             "last week"]


def test_the_modal_may_and_other_date_looking_words_are_not_dates():
    assert phrases("Officials may say the second round could come now or in a moment.") == []


def test_offsets_point_at_the_phrase_and_a_window_limits_the_search():
    text = "Yesterday she spoke; on Friday he replied."
    found = find_date_mentions(text, start=10)
    assert [(text[m.start:m.end]) for m in found] == ["on Friday"]


def test_numeric_iso_and_day_first_forms():
    assert phrases("The 2026-03-02 memo, the 7/26/2016 letter and the 4 June 2026 call.") == [
        "2026-03-02", "7/26/2016", "4 June 2026"]


def test_capitalised_openers_and_a_day_after_a_preposition_are_found():
    assert phrases("In October the court ruled. Today she spoke; a ruling is due by October 6.") == [
        "In October", "Today", "by October 6"]


def test_datelines_date_the_filing_not_a_statement():
    text = ("PHILADELPHIA, July 25 (UPI) — The party apologised on Monday.\n"
            "VELLMAR, May 7 (Meridian Wire) - Kessaria denied it.\n")
    assert phrases(text) == ["on Monday"]
