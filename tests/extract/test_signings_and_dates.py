"""Lists of signings, relative signing dates, declaration context, and what is not an event.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from accords.extract.recognize.dates import recognize_dates, resolve

from .helpers import agreements_by_parties as _agreements
from .helpers import run as _run


def _dates(text: str, ref: date) -> list[str | None]:
    return [resolve(m.extra, ref) for m in recognize_dates(text)]


# --- relative dates -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "ref", "want"), [
    ("Last Friday the two ministers met.", date(2024, 3, 13), "2024-03-08"),  # a Wednesday
    ("They met last Wednesday.", date(2024, 3, 13), "2024-03-06"),  # never the reference day itself
    ("They meet next Monday.", date(2024, 3, 13), "2024-03-18"),
    ("Yesterday the text was initialled.", date(2024, 3, 13), "2024-03-12"),
    # a past-tense clause puts a later month in the year before
    ("The minister had first named the sum in December.", date(2024, 8, 5), "2023-12"),
    ("The package was announced on 20 November.", date(2024, 8, 5), "2023-11-20"),
    # ... but not a future one, nor a month already past this year
    ("The conference will be held in December.", date(2024, 8, 5), "2024-12"),
    ("The fund was launched in March.", date(2024, 8, 5), "2024-03"),
])
def test_relative_dates(text: str, ref: date, want: str) -> None:
    assert _dates(text, ref) == [want]


def test_signs_as_a_noun_are_no_weekday_or_signing() -> None:
    assert _dates("Protesters held signs on Fridays.", date(2024, 3, 13)) == []
    data = _run("Protesters held signs outside the embassy. Signs of fatigue are growing in Austria.")
    assert data["agreements"] == []


def test_last_friday_dates_the_signing_and_is_an_event() -> None:
    data = _run("Last Friday Prime Minister Petr Fiala and President Volodymyr Zelensky put their signatures "
                "to the security agreement in Prague.", "2024-07-17")
    (agreement,) = data["agreements"]
    assert agreement["parties"] == ["CZE", "UKR"] and agreement["date_signed"] == "2024-07-12"
    assert [e["date"] for e in data["events"]] == ["2024-07-12"]


# --- the declaration an agreement rests on --------------------------------------------------

def test_declaration_date_and_place_are_not_the_signing() -> None:
    data = _run("On Tuesday the Czech prime minister, Petr Fiala, was in Kyiv and signed the agreement. "
                "It was concluded under the G7 declaration agreed in Vilnius last July and runs for ten years.",
                "2024-07-17")
    (agreement,) = data["agreements"]
    assert agreement["date_signed"] == "2024-07-16"
    assert agreement["place"] == "Kyiv"
    assert "2023-07" in [e["date"] for e in data["events"]]  # the declaration is still an event


def test_declaration_alone_gives_no_signing_date() -> None:
    data = _run("Portugal concluded its agreement under the G7 declaration agreed in Vilnius last July.",
                "2024-03-01")
    (agreement,) = data["agreements"]
    assert agreement["parties"] == ["PRT", "UKR"]
    assert "date_signed" not in agreement and "place" not in agreement


def test_date_of_what_was_promised_at_a_summit_is_not_the_signing() -> None:
    data = _run("Britain and Ukraine signed a ten-year security agreement in Kyiv, the first of the accords that "
                "Western governments promised Kyiv at the NATO summit in Vilnius last July.", "2024-01-17")
    (agreement,) = data["agreements"]
    assert "date_signed" not in agreement and agreement["place"] == "Kyiv"


# --- lists of signings ----------------------------------------------------------------------

_TIMELINE = """# Signings this spring

- **3 March 2024** - two signings on one day.
  - Warsaw: Donald Tusk. Poland offers air-defence training.
  - Rome: Giorgia Meloni.
- **5 March 2024, Oslo** - Norway and Denmark sign.
- **9 March 2024, Kyiv** - Petr Fiala signs for the Czech Republic.
- **12 March 2024, Brussels** - Alexander De Croo signs. On the same day Donald Tusk's colleague from Spain, \
Pedro Sanchez, signs for Spain and Luis Montenegro for Portugal.

Croatia, Slovakia and a few others also signed in this period.
"""


def test_timeline_gives_one_agreement_per_listed_signing() -> None:
    found = _agreements(_run(_TIMELINE, name="t.md"))
    want = {("POL", "UKR"): ("2024-03-03", "Warsaw"), ("ITA", "UKR"): ("2024-03-03", "Rome"),
            ("NOR", "UKR"): ("2024-03-05", "Oslo"), ("DNK", "UKR"): ("2024-03-05", "Oslo"),
            ("CZE", "UKR"): ("2024-03-09", "Kyiv"), ("ESP", "UKR"): ("2024-03-12", None),
            ("PRT", "UKR"): ("2024-03-12", None)}
    for key, (when, place) in want.items():
        assert found[key]["date_signed"] == when, key
        assert found[key].get("place") == place, key
        assert not found[key]["mentioned_only"], key
    assert found[("POL", "UKR")]["signatories"] == ["Donald Tusk"]
    for key in [("HRV", "UKR"), ("SVK", "UKR")]:  # an incomplete list names agreements only
        assert found[key]["mentioned_only"] and "date_signed" not in found[key]


def test_numbered_nested_timeline() -> None:
    found = _agreements(_run("1. **3 March 2024** - two signings on one day.\n   1. Warsaw: Donald Tusk.\n"
                             "   2. Rome: Giorgia Meloni.\n", name="t.md"))
    assert {k: (v["date_signed"], v.get("place")) for k, v in found.items()} == {
        ("POL", "UKR"): ("2024-03-03", "Warsaw"), ("ITA", "UKR"): ("2024-03-03", "Rome")}


def test_two_people_signing_each_sign_their_own_agreement() -> None:
    found = _agreements(_run("On 13 June 2024 Joe Biden and Fumio Kishida sign during the G7 summit."))
    assert found[("UKR", "USA")]["signatories"] == ["Joe Biden"]
    assert found[("JPN", "UKR")]["signatories"] == ["Fumio Kishida"]


@pytest.mark.parametrize("text", [
    # nested items under an item that reports no signing
    "- **3 March 2024** - two new grants announced.\n  - Warsaw: Donald Tusk.\n",
    # nested items under a signing whose parties are named: the children add nothing
    "- **5 March 2024** - Norway signs.\n  - Sweden: SEK 2 billion for demining.\n",
    # a future signing, and a signed contract, are not signed agreements
    "Sweden and Norway will sign in June.",
    "Sweden signed with a shipyard for two patrol boats.",
])
def test_what_is_not_a_listed_signing(text: str) -> None:
    found = _agreements(_run(text, name="t.md"))
    assert ("POL", "UKR") not in found and ("SWE", "UKR") not in found


def test_states_signing_with_ukraine_without_an_agreement_noun() -> None:
    found = _agreements(_run("Iceland and Norway signed with Ukraine on 31 May 2024."))
    assert {k: v["date_signed"] for k, v in found.items()} == {("ISL", "UKR"): "2024-05-31",
                                                               ("NOR", "UKR"): "2024-05-31"}


def test_numbered_list_of_signings() -> None:
    found = _agreements(_run("1. Poland (9 July 2024) - signed in Warsaw by Donald Tusk.\n"
                             "2. Spain (27 May 2024) - signed in Madrid by Pedro Sanchez.\n", name="t.md"))
    assert {k: (v["date_signed"], v.get("place")) for k, v in found.items()} == {
        ("POL", "UKR"): ("2024-07-09", "Warsaw"), ("ESP", "UKR"): ("2024-05-27", "Madrid")}


def test_passive_report_of_several_signings_is_no_mere_mention() -> None:
    found = _agreements(_run("Agreements were signed with Latvia, Lithuania and Estonia on 11 April 2024."))
    assert sorted(found) == [("EST", "UKR"), ("LTU", "UKR"), ("LVA", "UKR")]
    assert all(not a["mentioned_only"] and a["date_signed"] == "2024-04-11" for a in found.values())


def test_one_city_for_two_signings_in_two_cities_is_left_out() -> None:
    found = _agreements(_run("On 16 February 2024 Germany and France sign in Berlin and Paris."))
    assert all("place" not in a for a in found.values())


def test_weekday_possessive_dates_the_ceremony() -> None:
    data = _run("At Friday's ceremony in Kyiv, Canada and Ukraine signed the agreement.", "2024-02-27")
    assert _agreements(data)[("CAN", "UKR")]["date_signed"] == "2024-02-23"


def test_collective_signing_report_dates_the_signings_told_after_it() -> None:
    data = _run("After yesterday's signings in Brussels, every Nordic state has a security agreement.\n\n"
                "Finland. President Alexander Stubb signed the Agreement on Security Cooperation and Long-term "
                "Support between Ukraine and Finland.\n\n"
                "Sweden had signed earlier. Its agreement was signed on 11 April in Stockholm.", "2024-06-28")
    found = _agreements(data)
    assert found[("FIN", "UKR")]["date_signed"] == "2024-06-27"
    assert found[("SWE", "UKR")]["date_signed"] == "2024-04-11"


# --- parties the text does not tie to an agreement -------------------------------------------

def test_countries_named_elsewhere_make_no_agreement() -> None:
    data = _run("Workshop notes\n\nBursaries are open to researchers from Ukraine and Georgia.\n\n"
                "Several sessions touch on the security agreements that many governments signed with Ukraine.")
    assert data["agreements"] == []


# --- events ---------------------------------------------------------------------------------

@pytest.mark.parametrize("head", [
    "Transcript prepared by the committee staff, 4 March 2024 (unrevised)",
    "Policy paper 3/2024 - Institute for Northern Studies - 4 March 2024",
    "Sent to all members on 4 March 2024",
    "Circulated to delegations, 4 March 2024",
])
def test_publication_lines_are_no_events(head: str) -> None:
    data = _run(f"Briefing on the agreements\n{head}\n\nOn 2 March 2024 ministers met in Brussels.", None)
    assert [e["date"] for e in data["events"]] == ["2024-03-02"]


def test_publication_line_at_the_foot_is_no_event() -> None:
    data = _run("On 2 March 2024 ministers met in Brussels.\n\nCirculated to delegations, 4 March 2024\n", None)
    assert [e["date"] for e in data["events"]] == ["2024-03-02"]


def test_bulleted_date_heading_is_an_event() -> None:
    data = _run("- **3 March 2024** - two signings on one day.\n  - Warsaw: Donald Tusk.\n", name="t.md")
    assert [e["date"] for e in data["events"]] == ["2024-03-03"]


def test_future_occasion_with_a_year_is_an_event_but_a_bare_year_is_not() -> None:
    data = _run("Norway will host an international forum on energy repairs in Ukraine in 2025. "
                "Norway spent more money in 2025.")
    assert [e["date"] for e in data["events"]] == ["2025"]


def test_past_meeting_in_a_later_month_is_last_year() -> None:
    data = _run("The minister had first floated that sum at a virtual G7 meeting in December.", "2024-08-05")
    assert [e["date"] for e in data["events"]] == ["2023-12"]
