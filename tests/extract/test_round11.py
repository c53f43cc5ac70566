"""Session 11 generalisation rules (learned from gold set 11): the month May is no hedge on weapons given; a
Markdown heading's title is its own line, not the list right under it; "makes EUR 2 billion available"; a GDP
share's sum set beside it after a comma; notes exchanged on a loan; a month range bounds a period; a meeting on
a given day is an event; a list line labelled with a signed partner; consultations with the time limit before
the verb; sums in "milliards"; an answer after a question about the text; a wire dateline is the story's day,
not the signing's; what a writer "found no" sign of is no absence.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from .helpers import agreements_by_parties, channel_names
from .helpers import coded as _prov
from .helpers import money as _money
from .helpers import run as _run


def _scopes(data: dict[str, object]) -> set[tuple[str, str]]:
    return {(m["donor"], m["scope"]) for m in data["military_scope"]}  # type: ignore[attr-defined]


def _dates(data: dict[str, object]) -> set[str]:
    return {e["date"] for e in data["events"]}  # type: ignore[attr-defined]


_NORWAY = "Norway signed a security agreement with Ukraine in Oslo on 2 May 2024. "


# --- military scope -------------------------------------------------------------------------------------

def test_the_month_may_is_no_hedge_on_weapons_given() -> None:
    data = _run("OSLO, 3 May 2024 - Norway signed a security agreement with Ukraine, with the prime minister "
                "promising weapons and ammunition this year.")
    assert ("NOR", "lethal") in _scopes(data)


# --- channels under a Markdown heading --------------------------------------------------------------------

def test_a_channel_in_a_list_right_under_a_markdown_heading_is_kept() -> None:
    text = ("# Tracker notes\n\n### New rows\n- Norway signed its agreement with Ukraine in Oslo on 2 May 2024.\n"
            "- Norway co-leads the demining coalition.\n")
    assert channel_names(_run(text, name="t.md")) == {"Demining capability coalition (UDCG)"}


# --- commitments ------------------------------------------------------------------------------------------

def test_makes_a_sum_available_is_a_pledge() -> None:
    data = _run(_NORWAY + "For 2025 Norway makes NOK 3 billion available for military support to Ukraine.")
    assert ("NOR", 3e9, "NOK", "pledged") in _money(data)


def test_a_gdp_share_with_its_sum_after_a_comma_is_a_pledge() -> None:
    data = _run(_NORWAY + "Norway: support of 0.3% of GDP a year in 2025-2027, roughly NOK 14 billion in 2025.")
    assert ("NOR", 14e9, "NOK", "pledged") in _money(data)


def test_notes_exchanged_on_a_loan_conclude_it() -> None:
    data = _run("On Monday the Ukrainian ambassador and Norway's foreign minister exchanged notes on a loan of "
                "NOK 9 billion for Ukraine's budget.", published="2025-03-05")
    assert ("NOR", 9e9, "NOK", "pledged") in _money(data)


# --- events -----------------------------------------------------------------------------------------------

def test_a_month_range_bounds_a_period_not_two_events() -> None:
    data = _run(_NORWAY + "Its aid is counted per budget year, which runs from July to June in this case.")
    assert _dates(data) == {"2024-05-02"}


def test_a_meeting_on_a_given_day_is_an_event() -> None:
    data = _run("Notes of the working group, 5 June 2024\n\nThe minutes of the meeting of 22 May 2024 were "
                "accepted. The next meeting will be held on 19 June 2024.", published="2024-06-05")
    assert {"2024-05-22", "2024-06-19"} <= _dates(data)
    assert "2024-06-05" not in _dates(data)  # (the notes' own date at their head)


# --- provisions -------------------------------------------------------------------------------------------

def test_a_list_line_labelled_with_a_signed_partner_is_about_its_text() -> None:
    text = ("# Pledge log\n\n- **Norway** (entry 4): signed in Oslo on 2 May 2024 with Ukraine.\n"
            "- **Finland** (entry 5): signed in Helsinki on 3 April 2024 with Ukraine.\n"
            "- Finland: consultations within 24 hours after a future attack.\n")
    got = _prov(_run(text, name="t.md"))
    assert ("FIN-UKR", "consultation_mechanism", "present") in got
    assert ("NOR-UKR", "consultation_mechanism", "present") not in got


def test_consultations_with_the_time_limit_before_the_verb() -> None:
    data = _run(_NORWAY + "If Russia attacks again, the two sides will within 24 hours hold consultations.")
    assert ("NOR-UKR", "consultation_mechanism", "present") in _prov(data)


def test_a_sum_in_milliards_is_a_financial_commitment() -> None:
    data = _run(_NORWAY + "Under the agreement Norway will give 2,5 milliards euro in 2024.")
    assert ("NOR-UKR", "financial_commitment", "present") in _prov(data)


def test_an_answer_stays_with_the_text_its_question_asked_of() -> None:
    text = ("HOST: Norway signed its security agreement with Ukraine in Oslo on 2 May 2024.\n\n"
            "HOST: Does the text say anything about NATO?\n\n"
            "GUEST: It does. It backs Ukraine's future membership of the alliance.\n")
    assert ("NOR-UKR", "nato_membership_reference", "present") in _prov(_run(text))


def test_what_a_writer_found_no_sign_of_is_not_absent() -> None:
    data = _run(_NORWAY + "We found no term of validity in the reports on the Norwegian text.")
    assert ("NOR-UKR", "duration", "absent") not in _prov(data)


# --- agreements -------------------------------------------------------------------------------------------

def test_a_wire_datelines_date_is_not_the_signing_date() -> None:
    data = _run("OSLO, 3 May 2024 (NWS) - Norway and Ukraine signed a security agreement in Oslo on Thursday.",
                published="2024-05-03")
    assert agreements_by_parties(data)[("NOR", "UKR")]["date_signed"] == "2024-05-02"
