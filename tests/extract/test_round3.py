"""Round 3 generalisation rules: ordinal and anchored signing dates, signings told in comparisons,
reported speech, hosts and places that are no parties, lethal aid by what a donor pays for, and
dates that are no new event.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from accords.extract.recognize.dates import recognize_dates, resolve

from .helpers import agreements_by_parties as _agreements
from .helpers import run as _run


def _dates(text: str, ref: date) -> list[str | None]:
    return [resolve(m.extra, ref) for m in recognize_dates(text)]


def _scopes(data: dict[str, Any]) -> set[tuple[str, str]]:
    return {(s["donor"], s["scope"]) for s in data["military_scope"]}


# --- dates: "of YYYY", an anchored day, a range of days ---------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("On the 28th of May of 2024, in the city of Lisbon.", "2024-05-28"),
    ("Signed on the 3rd of June of 2023 in Rome.", "2023-06-03"),
    ("It entered into force on 1 January of 2025.", "2025-01-01"),
    ("The envoy adhered in July of 2023.", "2023-07"),
    ("From the 2nd of October of 2022 onwards.", "2022-10-02"),
])
def test_of_year_dates(text: str, want: str) -> None:
    assert _dates(text, date(2024, 7, 15))[0] == want


@pytest.mark.parametrize(("text", "ref", "want"), [
    ("Albania followed last month, on 21 January, in Davos.", date(2025, 2, 10), ["2025-01-21"]),
    ("Estonia signed last month, on 21 December, in Tallinn.", date(2025, 1, 10), ["2024-12-21"]),
    ("The text was initialled earlier this month (on 3 May).", date(2024, 5, 20), ["2024-05-03"]),
    ("It was signed this month, on the 2nd of May.", date(2024, 5, 20), ["2024-05-02"]),
    ("Belgium signed last month, on 28 May, in Brussels.", date(2024, 6, 20), ["2024-05-28"]),
])
def test_anchored_day_replaces_the_month(text: str, ref: date, want: list[str]) -> None:
    assert _dates(text, ref) == want


@pytest.mark.parametrize(("text", "ref", "want"), [
    ("Talks were held last month; on 4 May the ministers met.", date(2024, 6, 1), ["2024-05", "2024-05-04"]),
    ("It happened last month, and then 4 May brought the vote.", date(2024, 6, 1), ["2024-05", "2024-05-04"]),
    ("Sales rose last month 12 May saw the peak.", date(2024, 6, 1), ["2024-05", "2024-05-12"]),
])
def test_anchor_needs_apposition(text: str, ref: date, want: list[str]) -> None:
    assert _dates(text, ref) == want


@pytest.mark.parametrize("text", [
    "The conference is held on 21 and 22 November 2024.",
    "The conference is held on 21-22 November 2024.",
    "The conference is held on 21\u201322 November 2024.",
    "The conference is held on the 21st and 22nd of November 2024.",
    "The conference is held 21 - 22 November 2024.",
])
def test_day_range_dates_the_first_day(text: str) -> None:
    assert "2024-11-21" in _dates(text, date(2024, 7, 15))


# --- agreements --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("This note compares the agreement signed with the Netherlands in Kharkiv on 1 March 2024 with the one "
     "signed with Latvia on 11 April 2024 in Vilnius.", {("NLD", "UKR"): "2024-03-01", ("LVA", "UKR"): "2024-04-11"}),
    ("We compare the agreement concluded with Spain on 27 May 2024 with the one concluded with Belgium on "
     "28 May 2024.", {("ESP", "UKR"): "2024-05-27", ("BEL", "UKR"): "2024-05-28"}),
    ("The agreement signed with Finland on 3 April 2024 in Kyiv resembles the Danish one.",
     {("FIN", "UKR"): "2024-04-03"}),
    ("The security agreement signed with Italy on 24 February 2024 and the French one differ.",
     {("ITA", "UKR"): "2024-02-24"}),
    ("The accord concluded with Norway on 31 May 2024 in Stockholm is the longest.", {("NOR", "UKR"): "2024-05-31"}),
])
def test_agreement_signed_with_a_partner_is_no_list(text: str, want: dict[tuple[str, ...], str]) -> None:
    found = _agreements(_run(text))
    for key, day in want.items():
        assert found[key]["date_signed"] == day
        assert not found[key]["mentioned_only"]


@pytest.mark.parametrize("text", [
    "Ukraine has agreements signed with France, Germany and Italy.",
    "Kyiv now holds security agreements concluded with Spain, Belgium and Portugal.",
    "The agreements signed with Finland and Denmark set the pattern.",
])
def test_plural_undated_list_stays_named_only(text: str) -> None:
    found = _agreements(_run(text))
    assert found and all(a["mentioned_only"] for a in found.values())


@pytest.mark.parametrize(("text", "key", "day"), [
    ("On the 28th of May of 2024, in Lisbon, the two leaders proceeded to the signature of the security "
     "agreement between Ukraine and Portugal.", ("PRT", "UKR"), "2024-05-28"),
    ("The signature of the security agreement between Ukraine and Spain took place on 27 May 2024.",
     ("ESP", "UKR"), "2024-05-27"),
    ("Belgium and Ukraine completed the signature of the bilateral security agreement on 28 May 2024.",
     ("BEL", "UKR"), "2024-05-28"),
    ("The Prime Minister of Portugal, Luis Montenegro, attended the signature of the Portuguese agreement "
     "on 28 May 2024.", ("PRT", "UKR"), "2024-05-28"),
    ("Sweden marked the signature of its security agreement with Ukraine on 31 May 2024.", ("SWE", "UKR"), "2024-05-31"),
])
def test_signature_of_the_agreement_is_a_signing(text: str, key: tuple[str, ...], day: str) -> None:
    assert _agreements(_run(text))[key]["date_signed"] == day


@pytest.mark.parametrize(("text", "key", "day"), [
    ("A minister told an audience in Winnipeg on Monday that the agreement Canada had signed in Kyiv two days "
     "earlier was a decade-long commitment.", ("CAN", "UKR"), "2024-07-13"),
    ("The ambassador said on 10 July 2024 that the security agreement Spain signed on 27 May 2024 was working.",
     ("ESP", "UKR"), "2024-05-27"),
    ("On 12 July 2024 the spokesman recalled that Belgium had signed the security agreement on 28 May 2024.",
     ("BEL", "UKR"), "2024-05-28"),
    ("Speaking in Oslo on 14 July 2024, the minister noted that Norway signed its security agreement on "
     "31 May 2024.", ("NOR", "UKR"), "2024-05-31"),
    ("A senator stated on 11 July 2024 that Italy had signed the security agreement on 24 February 2024.",
     ("ITA", "UKR"), "2024-02-24"),
])
def test_reported_speech_is_dated_by_the_signing(text: str, key: tuple[str, ...], day: str) -> None:
    assert _agreements(_run(text))[key]["date_signed"] == day


@pytest.mark.parametrize(("text", "absent"), [
    ("President Rinkevics signed the Latvian text with President Zelensky at the summit, which this year was "
     "hosted by Lithuania.", ("LTU", "UKR")),
    ("Norway signed its security agreement at a summit hosted by Sweden.", ("SWE", "UKR")),
    ("Finland signed the security agreement at a conference co-hosted by the Netherlands.", ("NLD", "UKR")),
    ("Denmark signed its security agreement at a meeting chaired by Poland.", ("POL", "UKR")),
    ("Japan signed the security accord at the G7 summit in Apulia, southern Italy.", ("ITA", "UKR")),
    ("Iceland signed the security agreement at the talks in Vilnius, Lithuania.", ("LTU", "UKR")),
])
def test_hosts_and_places_are_no_parties(text: str, absent: tuple[str, ...]) -> None:
    assert absent not in _agreements(_run(text))


@pytest.mark.parametrize(("text", "present"), [
    ("At Friday's ceremony in Kyiv, Canada and Ukraine signed the agreement.", ("CAN", "UKR")),
    ("Lithuania hosted the summit and signed its own security agreement with Ukraine.", ("LTU", "UKR")),
    ("In Rome, Italy signed its security agreement with Ukraine.", ("ITA", "UKR")),
])
def test_hosts_that_sign_stay_parties(text: str, present: tuple[str, ...]) -> None:
    assert present in _agreements(_run(text))


@pytest.mark.parametrize("text", [
    "How can a neutral country sign a security accord?\n\n*Policy Desk | 15 July 2024*",
    "Could Ireland sign a security agreement with Ukraine?\n\nIrish Monitor, 15 July 2024",
    "Why would Austria sign a security agreement with Ukraine?\n\nDesk note, 15 July 2024",
])
def test_modal_questions_report_no_signing(text: str) -> None:
    assert all(not a.get("date_signed") for a in _run(text)["agreements"])


def test_signed_it_reports_the_signing() -> None:
    text = ("Japan has a new accord with Ukraine. Prime Minister Kishida Fumio and President Volodymyr Zelensky "
            "signed it on 13 June at the G7 summit in Apulia, southern Italy.")
    assert _agreements(_run(text, "2024-06-20"))[("JPN", "UKR")]["date_signed"] == "2024-06-13"


# --- military scope ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("Czechia runs an initiative which buys large-calibre artillery rounds on the world market for Ukrainian "
     "units.", ("CZE", "lethal")),
    ("Denmark funds 155 mm shells for Ukraine through the initiative.", ("DNK", "lethal")),
    ("Canada procured missiles for Ukraine from a US manufacturer.", ("CAN", "lethal")),
    ("Sweden pays for artillery ammunition for the Ukrainian army.", ("SWE", "lethal")),
    ("The Netherlands will provide EUR 2 billion in military aid in 2024. Air defence, artillery, naval and "
     "long-range weapons are named as priorities.", ("NLD", "lethal")),
    ("Japan would fund only non-lethal items such as radars and body armour.", ("JPN", "non-lethal")),
    ("Austria will finance non-lethal equipment only.", ("AUT", "non-lethal")),
])
def test_scope_by_what_is_paid_for(text: str, want: tuple[str, str]) -> None:
    assert want in _scopes(_run(text))


@pytest.mark.parametrize("text", [
    "Ukraine buys artillery rounds from Czechia on the world market.",
    "Norway does not fund weapons for Ukraine.",
    "Kyiv's priorities are air defence and long-range weapons, the minister told Germany.",
    "Portugal might buy artillery shells for Ukraine next year.",
])
def test_no_lethal_scope_without_a_donor_paying(text: str) -> None:
    assert not {s for s in _scopes(_run(text)) if s[1] == "lethal"}


# --- events ------------------------------------------------------------------------------------

def _events(data: dict[str, Any]) -> list[str]:
    return sorted(e["date"] for e in data["events"])


@pytest.mark.parametrize(("text", "published"), [
    ("# Notes\n\n*Pacific Policy Desk | 20 June 2024*\n\nThe talks went well.", "2024-06-20"),
    ("*A weekly note for readers following Nordic affairs - Friday, 7 June 2024*\n\nNothing else.", "2024-06-07"),
    ("Security Monitor, 9 July 2024\n\nA long essay on guarantees.", "2024-07-09"),
    ("Harbour Letter | 3 March 2024\n\nThe letter reviews policy.", "2024-03-03"),
    ("Brief for members, 12 May 2024\n\nNo news this week.", "2024-05-12"),
])
def test_masthead_publication_date_is_no_event(text: str, published: str) -> None:
    assert published not in _events(_run(text, published))


@pytest.mark.parametrize(("text", "published", "want"), [
    ("On 28 May 2024 Portugal and Ukraine signed the security agreement. The ceremony took place yesterday "
     "in the afternoon.", "2024-05-29", ["2024-05-28"]),
    ("- 27 June 2024: the EU signs its security commitments with Ukraine.\n- On the same day, Lithuania and "
     "Estonia sign their own agreements.", "2024-07-15", ["2024-06-27"]),
    ("The minister spoke on Monday evening about the agreement Canada had signed two days earlier. He said it "
     "had been signed on Saturday in Kyiv.", "2024-02-27", ["2024-02-24", "2024-02-26"]),
    ("Japan pledged USD 4.5 billion in December 2023. Japan loosened its export rules last December.",
     "2024-06-20", ["2023-12"]),
    ("Latvia signed on 11 April 2024 at the summit, which this year was held in Vilnius.", "2024-04-20",
     ["2024-04-11"]),
])
def test_restated_dates_are_no_new_events(text: str, published: str, want: list[str]) -> None:
    assert _events(_run(text, published)) == want


@pytest.mark.parametrize(("text", "published", "want"), [
    ("Since March 2023, Japan and Ukraine have been linked by a partnership.", "2024-07-15", ["2023-03"]),
    ("The talks opened on 3 May 2024 and ended on 4 May 2024.", "2024-07-15", ["2024-05-03", "2024-05-04"]),
    ("Spain signed on 27 May 2024. Belgium signed on 28 May 2024.", "2024-07-15", ["2024-05-27", "2024-05-28"]),
])
def test_new_dates_stay_events(text: str, published: str, want: list[str]) -> None:
    assert _events(_run(text, published)) == want


def test_counted_since_month_is_no_event() -> None:
    text = "The new text follows that model, as do the other bilateral agreements concluded since January."
    assert _events(_run(text, "2024-07-18")) == []


@pytest.mark.parametrize(("text", "want"), [
    ("Last month, JICA allocated JPY 4 billion.", "2024-06"),
    ("This month the fund opens.", "2024-07"),
    ("Next month the talks resume.", "2024-08"),
    ("Last year the ministers met twice.", "2023"),
    ("This year the summit is in Vilnius.", "2024"),
])
def test_capitalised_relative_month_and_year(text: str, want: str) -> None:
    assert _dates(text, date(2024, 7, 15))[0] == want


@pytest.mark.parametrize("text", [
    "Last, the monthly report was filed.",
    "This yearly review covers nothing new.",
    "Next, month-end figures were checked.",
])
def test_capitalised_words_that_are_no_relative_dates(text: str) -> None:
    assert _dates(text, date(2024, 7, 15)) == []


@pytest.mark.parametrize(("text", "absent"), [
    ("Prime Minister Jonas Gahr Store signed Norway's security agreement with Ukraine in Sweden.", ("SWE", "UKR")),
    ("Prime Minister Mark Rutte signed the Dutch security agreement with Ukraine in Germany.", ("DEU", "UKR")),
    ("Prime Minister Giorgia Meloni signed the Italian security agreement with Ukraine at the summit in Canada.",
     ("CAN", "UKR")),
])
def test_country_of_the_venue_is_no_party(text: str, absent: tuple[str, ...]) -> None:
    assert absent not in _agreements(_run(text))


def test_places_listed_may_be_partners() -> None:
    found = _agreements(_run("President Zelensky signed security agreements in Germany and France on 16 February 2024."))
    assert ("DEU", "UKR") in found and ("FRA", "UKR") in found


@pytest.mark.parametrize("text", [
    "Spain signed the security agreement on 27 May 2024. The agreement has no fixed term; it is to be reviewed "
    "within ten years at the latest.",
    "Spain signed the security agreement on 27 May 2024. The agreement is concluded for an indefinite period "
    "and will be evaluated after five years.",
    "Spain signed the security agreement on 27 May 2024, and it will be reviewed after ten years.",
    "Spain signed the security agreement on 27 May 2024. The agreement has no expiry date, though the parties "
    "will assess it every five years.",
    "Spain signed the security agreement on 27 May 2024. The agreement is open-ended; the parties will revisit "
    "it in ten years.",
])
def test_no_term_or_review_date_is_no_duration(text: str) -> None:
    assert "duration_years" not in _agreements(_run(text))[("ESP", "UKR")]


@pytest.mark.parametrize("text", [
    "Spain signed the security agreement on 27 May 2024. The agreement runs for ten years and will be reviewed "
    "annually.",
    "Spain signed the security agreement on 27 May 2024. It is valid for ten years.",
    "Spain signed the security agreement on 27 May 2024. It is concluded for ten years; the parties will review "
    "its implementation every year.",
])
def test_term_beside_a_review_stays(text: str) -> None:
    assert _agreements(_run(text))[("ESP", "UKR")]["duration_years"] == 10


@pytest.mark.parametrize(("text", "want"), [
    ("Greece and Albania have security agreements with Ukraine. The former signed on 17 October 2024 and the "
     "latter on 21 January 2025.", {("GRC", "UKR"): "2024-10-17", ("ALB", "UKR"): "2025-01-21"}),
    ("Spain and Belgium have concluded security agreements with Ukraine; the former on 27 May 2024, the latter "
     "on 28 May 2024.", {("ESP", "UKR"): "2024-05-27", ("BEL", "UKR"): "2024-05-28"}),
    ("Denmark and Finland both signed. The former's agreement was signed on 23 February 2024, the latter's on "
     "3 April 2024.", {("DNK", "UKR"): "2024-02-23", ("FIN", "UKR"): "2024-04-03"}),
    ("Of France and Italy, the latter signed its security agreement on 24 February 2024 and the former on "
     "16 February 2024.", {("FRA", "UKR"): "2024-02-16", ("ITA", "UKR"): "2024-02-24"}),
    ("Norway and Iceland joined. The latter signed on 31 May 2024; the former signed on 31 May 2024 as well.",
     {("NOR", "UKR"): "2024-05-31", ("ISL", "UKR"): "2024-05-31"}),
])
def test_former_and_latter_each_take_their_date(text: str, want: dict[tuple[str, ...], str]) -> None:
    found = _agreements(_run(text))
    assert {k: found[k].get("date_signed") for k in want} == want


@pytest.mark.parametrize(("text", "day"), [
    ("Greece and Albania joined the declaration. The former adhered on 12 August 2023 and the latter on "
     "20 September 2023.", "2023-09-20"),
    ("Greece, Albania and Malta were discussed. The former signed on 17 October 2024 and the latter on "
     "21 January 2025.", "2025-01-21"),  # (three partners: which is "the latter" is not read here)
    ("Greece and Albania were discussed. The former minister spoke on 17 October 2024, the latter on "
     "21 January 2025.", "2025-01-21"),
])
def test_former_and_latter_need_two_partners_and_a_signing(text: str, day: str) -> None:
    assert all(a.get("date_signed") != day for a in _run(text)["agreements"])
