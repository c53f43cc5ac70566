"""Session 12 rules (two gaps seen in gold set 12, which stays a held-out set with these two noted in its
README): a weekday followed by "last week" or "next week"; round sums whose number is written in words
("one billion euros", "about two billion euros", "half a billion dollars").

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from accords.extract.recognize.money import recognize_money

from .helpers import assert_spans
from .helpers import money as _money
from .helpers import run as _run

# --- a weekday before "last week" / "next week" ---------------------------------------------------------


@pytest.mark.parametrize(("phrase", "published", "day"), [
    # the reference day is itself a Wednesday: "Wednesday last week" is seven days before, not that day
    ("On Wednesday last week", "2024-07-17", "2024-07-10"),
    ("On Friday last week", "2024-07-17", "2024-07-12"),
    ("On Monday last week", "2024-07-14", "2024-07-01"),  # a Sunday: Monday of the calendar week before
    ("On Tuesday next week", "2024-07-17", "2024-07-23"),
])
def test_a_weekday_then_last_or_next_week(phrase: str, published: str, day: str) -> None:
    data = _run(f"{phrase} Finland and Ukraine signed the security agreement in Helsinki.", published=published)
    assert {e["date"] for e in data["events"]} == {day}


def test_a_weekday_then_last_week_without_on_dates_the_signing() -> None:
    data = _run("Latvia signed its agreement with Ukraine Thursday last week.", published="2024-07-18")
    assert [a["date_signed"] for a in data["agreements"]] == ["2024-07-11"]


def test_a_bare_weekday_still_means_the_latest_such_day() -> None:
    data = _run("On Wednesday Finland and Ukraine signed the security agreement in Helsinki.", published="2024-07-17")
    assert {e["date"] for e in data["events"]} == {"2024-07-17"}


# --- sums written in words --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "amount", "currency", "qualifier"), [
    ("They set aside one billion euros.", 1e9, "EUR", None),
    ("They set aside about two billion euros.", 2e9, "EUR", "about"),
    ("They set aside up to three billion US dollars.", 3e9, "USD", "up to"),
    ("They set aside half a billion dollars.", 5e8, "USD", None),
    ("They set aside twenty-five million pounds.", 25e6, "GBP", None),
    ("They set aside seventeen billion kronor.", 17e9, "SEK", None),
    ("They set aside a billion Euros.", 1e9, "EUR", None),
    ("They set aside Two Billion Euros.", 2e9, "EUR", None),
    ("They set aside one trillion yen.", 1e12, "JPY", None),
    # a Kelvin sign (which IGNORECASE reads as "k") leaves the text unmarked: it is folded instead
    ("At 300 \u212a they set aside four billion euros.", 4e9, "EUR", None),
])
def test_a_sum_with_its_number_in_words(text: str, amount: float, currency: str, qualifier: str | None) -> None:
    (m,) = recognize_money(text)
    assert (m.value, m.extra["currency"], m.extra["qualifier"]) == (amount, currency, qualifier)
    assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text", [
    "One billion people live there.",  # no currency
    "The multibillion euros plan.",  # no number word before the scale
    "Two millions euros were spent.",  # not the singular scale a number word takes
    "It costs 2 billion euros.",  # digits: read by the digit patterns, once
])
def test_no_worded_sum_without_a_number_word_scale_and_currency(text: str) -> None:
    found = recognize_money(text)
    assert all(any(ch.isdigit() for ch in m.text) for m in found)
    assert len(found) <= 1


def test_worded_and_digit_sums_come_in_text_order() -> None:
    found = recognize_money("First EUR 5 million, then two billion euros, then $3 billion.")
    assert [m.value for m in found] == [5e6, 2e9, 3e9]


def test_a_worded_pledge_becomes_a_commitment() -> None:
    text = "Spain will provide one billion euros in military aid to Ukraine in 2024."
    data = _run(text, published="2024-05-28")
    assert _money(data) == [("ESP", 1e9, "EUR", "pledged")]
    assert assert_spans(text, data) > 0


def test_a_worded_sum_being_considered_is_no_pledge() -> None:
    data = _run("Germany is considering two billion euros for Ukraine.", published="2024-05-28")
    assert ("DEU", 2e9, "EUR", "pledged") not in _money(data)
