"""Terms: expiry, review clauses and yearly pledge renewals; the iCalendar export parses back."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar

from accords.model.entities import Agreement, Provision
from accords.operate import consultations as cons
from accords.operate import events as ev
from accords.operate.calendar import to_ics, uid
from accords.operate.terms import add_years, expiry, in_window, obligations

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
JPN = Agreement("UKR-JPN-2024", parties=("UKR", "JPN"), date_signed="2024-06-13", duration_years=10,
                consultation_hours=24)
EUU = Agreement("UKR-EUU-2024", parties=("UKR", "EUU"), date_signed="2024-06-27")
LEAP = Agreement("UKR-LPY-2024", parties=("UKR", "LPY"), date_signed="2024-02-29", duration_years=10)


def test_expiry_and_calendar_years() -> None:
    assert expiry(JPN).on == date(2034, 6, 13)
    assert expiry(EUU).on is None and expiry(EUU).basis == "duration unknown"
    assert expiry(LEAP).on == date(2034, 2, 28)  # 29 Feb + 10 years falls on 28 Feb
    assert add_years(date(2024, 1, 1), 0.5) == date(2024, 7, 2)


def test_obligations_of_an_agreement() -> None:
    review = Provision("UKR-EUU-2024:review_clause", "UKR-EUU-2024", "review_clause", {"years": 10})
    items = obligations([JPN, EUU], [review])
    jpn = [o for o in items if o.agreement == "UKR-JPN-2024"]
    renewals = [o for o in jpn if o.kind == "pledge-renewal"]
    # Signed 13 June 2024 for ten years: renewals on the 1st..9th anniversaries, then expiry.
    assert [o.due for o in renewals] == [date(2024 + k, 6, 13) for k in range(1, 10)]
    assert renewals[0].title.endswith("(year 2)")
    assert [o.due for o in jpn if o.kind == "expiry"] == [date(2034, 6, 13)]
    eu = [o for o in items if o.agreement == "UKR-EUU-2024"]
    assert {o.kind for o in eu} == {"expiry", "review", "pledge-renewal"}
    assert next(o for o in eu if o.kind == "review").due == date(2034, 6, 27)
    assert next(o for o in eu if o.kind == "expiry").due is None  # listed, not dropped
    assert all("term unknown" in (o.note or "") for o in eu if o.kind == "pledge-renewal")
    # A window keeps only dated items inside it.
    window = in_window(items, date(2026, 1, 1), date(2026, 12, 31))
    assert {(o.agreement, o.due) for o in window} == {("UKR-JPN-2024", date(2026, 6, 13)),
                                                       ("UKR-EUU-2024", date(2026, 6, 27))}


def test_ics_parses_back_with_events_uids_and_dates() -> None:
    items = obligations([JPN, EUU])
    event = ev.TriggerEvent("EV-x", ev.ARMED_ATTACK, "UKR", "RUS", datetime(2026, 12, 1, 2, 30, tzinfo=UTC))
    clocks = cons.assess(event, [JPN]).consultations
    data = to_ics(items, clocks, now=NOW)
    cal = Calendar.from_ical(data)
    assert str(cal["version"]) == "2.0" and "accords" in str(cal["prodid"])
    vevents = list(cal.walk("VEVENT"))
    dated = [o for o in items if o.due]
    assert len(vevents) == len(dated) + 1  # undated EU expiry left out, one consultation deadline in
    by_uid = {str(e["uid"]): e for e in vevents}
    assert len(by_uid) == len(vevents)  # UIDs unique
    exp = by_uid[uid("UKR-JPN-2024:expiry")]
    assert exp.decoded("dtstart") == date(2034, 6, 13)
    assert exp.decoded("dtend") == date(2034, 6, 14)
    deadline = by_uid[uid(clocks[0].id)]
    assert deadline.decoded("dtstart") == event.at + timedelta(hours=24)
    assert "UKR-JPN-2024" in str(deadline["summary"])
    # Stable: the same input gives the same file.
    assert to_ics(items, clocks, now=NOW) == data


def test_review_clause_without_a_date_is_listed_not_dropped() -> None:
    coded = Provision("UKR-JPN-2024:review_extension", "UKR-JPN-2024", "review_extension", "present")
    absent = Provision("UKR-EUU-2024:review_extension", "UKR-EUU-2024", "review_extension", "absent")
    reviews = [o for o in obligations([JPN, EUU], [coded, absent]) if o.kind == "review"]
    assert [(o.agreement, o.due, o.note) for o in reviews] == [("UKR-JPN-2024", None, "date unknown")]
