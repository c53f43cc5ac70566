"""Signings dated from the one told before, terms stated on their own, corrections, and what is
no event, agreement or person.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from accords.extract.recognize.dates import recognize_dates, resolve, same_day
from accords.extract.recognize.people import recognize_people
from accords.extract.types import Mention

from .helpers import agreements_by_parties as _agreements
from .helpers import run as _run


def _dates(text: str, ref: date = date(2024, 7, 15)) -> list[tuple[str, str | None]]:
    found = recognize_dates(text)
    resolved = [Mention(m.kind, m.start, m.end, m.text, resolve(m.extra, ref), m.extra) for m in found]
    return [(m.text, m.value) for m in same_day(resolved, text)]


# --- an explicit date beats the weekday before it ---------------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("On Friday 31 May 2024 in Stockholm the leaders signed.", "2024-05-31"),
    ("On Tuesday, 4 June 2024, the ministers met.", "2024-06-04"),
    ("They signed last Friday, 7 June, in Brussels.", "2024-06-07"),
    ("On Wednesday the 12th of June the vote took place.", "2024-06-12"),
    ("It was signed on Monday, June 10, 2024.", "2024-06-10"),
])
def test_explicit_date_after_a_weekday_wins(text: str, want: str) -> None:
    assert [v for _, v in _dates(text)] == [want]


def test_weekday_alone_stays_relative() -> None:
    assert _dates("On Friday the two leaders met in Kyiv.", date(2024, 6, 12)) == [("Friday", "2024-06-07")]


# --- days counted from the date told before ----------------------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("Luxembourg signed on 10 July 2024. Romania signed the following day.", "2024-07-11"),
    ("Luxembourg signed on 10 July 2024. Romania signed the next day.", "2024-07-11"),
    ("Latvia signed on 11 April 2024; Spain had signed the day before.", "2024-04-10"),
    ("The Netherlands signed on 1 March 2024. Denmark signed a week later in Lviv.", "2024-03-08"),
    ("Spain signed on 27 May 2024, Portugal one day later.", "2024-05-28"),
    ("Estonia signed on 27 June 2024; Lithuania two days earlier.", "2024-06-25"),
    ("Italy signed on 24 February 2024 and Canada three weeks later.", "2024-03-16"),
])
def test_day_counted_from_the_date_before(text: str, want: str) -> None:
    assert _dates(text)[-1][1] == want


@pytest.mark.parametrize("text", [
    "The ministers met the day before the summit.",
    "Two weeks before the vote the text was published.",
    "The text was signed a week later than planned.",
])
def test_shift_without_a_date_before_or_counted_from_an_event_gives_nothing(text: str) -> None:
    assert all(v is None for _, v in _dates(text))


@pytest.mark.parametrize("text", [
    "The two leaders signed the text a few minutes ago.",
    "Both presidents signed two hours ago.",
    "Earlier today the agreement was signed.",
    "This morning the ministers met in Kyiv.",
])
def test_moments_before_the_writing_are_the_reference_day(text: str) -> None:
    assert _dates(text, date(2025, 1, 21))[-1][1] == "2025-01-21"


def test_later_signings_inherit_date_and_place() -> None:
    data = _run("Sweden signed its agreement with Ukraine on 31 May 2024 in Stockholm. Norway and Iceland "
                "signed their own agreements at the same summit, and Denmark had signed earlier in the year.")
    found = _agreements(data)
    for pair in (("NOR", "UKR"), ("ISL", "UKR")):
        assert found[pair]["date_signed"] == "2024-05-31"
        assert found[pair]["place"] == "Stockholm"
    assert found[("DNK", "UKR")].get("date_signed") != "2024-05-31"


def test_signing_the_following_day_at_the_same_summit() -> None:
    data = _run("The agreement between Ukraine and Luxembourg was signed on 10 July 2024 in Washington. "
                "One member compared it with Romania's agreement, signed the following day at the same summit, "
                "which names no sum.")
    assert _agreements(data)[("ROU", "UKR")]["date_signed"] == "2024-07-11"
    assert "2024-07-11" in [e["date"] for e in data["events"]]


def test_signing_a_week_later_elsewhere() -> None:
    data = _run("Ukraine and the Netherlands signed their security agreement on 1 March 2024 in Kharkiv. "
                "Denmark's agreement was signed a week later in Lviv.")
    found = _agreements(data)
    assert found[("DNK", "UKR")]["date_signed"] == "2024-03-08"
    assert found[("DNK", "UKR")]["place"] == "Lviv"


# --- a term stated on its own ------------------------------------------------------------------

@pytest.mark.parametrize("term", [
    "It is concluded for ten years.",
    "It remains in force for ten years.",
    "The term runs for 10 years.",
    "It will last ten years from the day of signing.",
    "It is valid for a decade.",
])
def test_term_sentence_after_a_signing_fills_the_duration(term: str) -> None:
    data = _run(f"Prime Minister Luc Frieden and President Volodymyr Zelensky signed the agreement between "
                f"Luxembourg and Ukraine on 10 July 2024. {term}")
    assert _agreements(data)[("LUX", "UKR")]["duration_years"] == 10


def test_answer_to_how_long_is_the_term() -> None:
    data = _run("# Sweden's agreement\n\nSweden signed its agreement with Ukraine on 31 May 2024.\n\n"
                "## How long does it run?\n\nTen years.\n\n## What does it cost?\n\nSEK 75 billion.",
                name="t.md")
    assert _agreements(data)[("SWE", "UKR")]["duration_years"] == 10


def test_they_each_run_fills_every_agreement() -> None:
    data = _run("Spain signed on 27 May 2024 and Portugal on 28 May 2024, each an agreement with Ukraine. "
                "They each run for ten years.")
    found = _agreements(data)
    assert found[("ESP", "UKR")]["duration_years"] == 10
    assert found[("PRT", "UKR")]["duration_years"] == 10


@pytest.mark.parametrize("other", [
    "Sweden commits SEK 75 billion for the three years 2024 to 2026.",
    "For five years, Swedish instructors have trained Ukrainian crews.",
    "The fund runs for three years, from 2024 to 2026.",
])
def test_funding_periods_are_no_term(other: str) -> None:
    data = _run(f"Sweden signed its agreement with Ukraine on 31 May 2024. {other}")
    assert "duration_years" not in _agreements(data)[("SWE", "UKR")]


# --- corrections ------------------------------------------------------------------------------

_CORRECTION = (
    "CORRECTION: Iceland's agreement with Ukraine\n\n"
    "An article we published yesterday contained two errors, which we have now corrected.\n\n"
    "First, the article said that Iceland would give Ukraine GBP 30 million under the agreement. The "
    "agreement states that Iceland will provide at least ISK 4 billion a year in 2024 to 2028.\n\n"
    "Second, the article said that the agreement runs for five years. It does not: the agreement runs "
    "for ten years.\n\n"
    "Prime Minister Bjarni Benediktsson and President Volodymyr Zelensky signed the agreement between "
    "Ukraine and Iceland on 31 May 2024 in Stockholm.\n")


def test_correction_withdraws_the_earlier_figure_and_term() -> None:
    data = _run(_CORRECTION, published="2024-06-04")
    assert _agreements(data)[("ISL", "UKR")]["duration_years"] == 10
    assert [c["currency"] for c in data["commitments"]] == ["ISK"]


@pytest.mark.parametrize("withdrawn", [
    "The earlier version of this story incorrectly stated that the agreement runs for five years.",
    "A previous version wrongly gave the term as five years.",
    "The five-year term in our first report was a mistake.",
    "The original article misstated the term of the agreement as five years.",
])
def test_withdrawn_terms_in_correction_notices(withdrawn: str) -> None:
    data = _run(f"Correction. {withdrawn} Iceland signed its agreement with Ukraine on 31 May 2024. "
                "The agreement runs for ten years.")
    assert _agreements(data)[("ISL", "UKR")]["duration_years"] == 10


def test_report_of_what_a_text_said_outside_a_correction_stands() -> None:
    data = _run("Iceland signed its agreement with Ukraine on 31 May 2024. The report said that the agreement "
                "runs for ten years, and the government gave Ukraine EUR 5 million.")
    assert _agreements(data)[("ISL", "UKR")]["duration_years"] == 10
    assert [c["amount"] for c in data["commitments"]] == [5_000_000]


# --- what is not a security agreement ---------------------------------------------------------

@pytest.mark.parametrize("other", [
    "Albania and Ukraine also signed a Treaty on Friendship and Cooperation in Tirana on 28 February 2024.",
    "The two states had signed a friendship treaty in Tirana on 28 February 2024.",
    "Albania and Ukraine signed a free-trade agreement in Tirana on 28 February 2024.",
])
def test_treaty_on_another_subject_lends_no_date(other: str) -> None:
    data = _run(f"{other} Prime Minister Edi Rama and President Volodymyr Zelensky signed the Agreement on "
                "Long-term Cooperation and Support between Albania and Ukraine in Davos on 21 January 2025.")
    assert _agreements(data)[("ALB", "UKR")]["date_signed"] == "2025-01-21"


@pytest.mark.parametrize("sentence", [
    "Athens called Greece the 21st EU member state to sign such a text.",
    "Greece was the latest of the EU countries to sign such an agreement.",
    "EU leaders watched as Greece signed its agreement.",
])
def test_eu_as_a_modifier_is_no_eu_agreement(sentence: str) -> None:
    data = _run(f"Greece signed its security agreement with Ukraine on 17 October 2024 in Brussels. {sentence}")
    assert ("EUU", "UKR") not in _agreements(data)


def test_eu_itself_still_signs() -> None:
    data = _run("The European Union and Ukraine signed the Joint Security Commitments on 27 June 2024.")
    assert _agreements(data)[("EUU", "UKR")]["date_signed"] == "2024-06-27"


@pytest.mark.parametrize(("text", "pair", "want"), [
    ("Ireland, a militarily neutral state, signed in Kyiv on 4 September 2024.", ("IRL", "UKR"), "2024-09-04"),
    ("Malta, the smallest member of the Union, signed on 2 March 2025.", ("MLT", "UKR"), "2025-03-02"),
    ("Iceland, which has no army, signed on 31 May 2024 in Stockholm.", ("ISL", "UKR"), None),
])
def test_apposition_between_state_and_signed(text: str, pair: tuple[str, ...], want: str | None) -> None:
    found = _agreements(_run(text))
    if want:
        assert found[pair]["date_signed"] == want
    else:  # a relative clause is not an apposition: left to other rules, but never a wrong date
        assert found.get(pair, {}).get("date_signed") in (None, "2024-05-31")


def test_co_leading_together_with_a_state_is_no_agreement() -> None:
    data = _run("Iceland signed its agreement with Ukraine on 31 May 2024. Separately from the agreement, "
                "Iceland co-leads the demining coalition together with Lithuania.")
    assert ("LTU", "UKR") not in _agreements(data)


# --- what is no event -------------------------------------------------------------------------

@pytest.mark.parametrize("head", [
    "CORRECTION: Iceland's support\nPosted Tuesday 4 June 2024\n\n",
    "Summary of a committee report\nIssued Monday, 18 November 2024\n\n",
    "Research note\nPublished on Friday 7 June 2024\n\n",
])
def test_publication_lines_with_a_weekday_are_no_events(head: str) -> None:
    data = _run(head + "Iceland signed its agreement with Ukraine on 31 May 2024.", published=None)
    assert [e["date"] for e in data["events"]] == ["2024-05-31"]


@pytest.mark.parametrize("sentence", [
    "MODERATOR: Thank you, that is all for today.",
    "I am not announcing any new national contribution today, and I would not speculate about one.",
    "The programme today is heavy on trade and energy.",
    "Orders placed today will mostly be delivered later.",
])
def test_today_without_something_happening_is_no_event(sentence: str) -> None:
    data = _run(sentence, published="2024-07-19")
    assert data["events"] == []


@pytest.mark.parametrize("sentence", [
    "The two presidents signed the agreement today in Kyiv.",
    "Ukraine and Albania signed a few minutes ago in a short ceremony.",
    "The ministers met this morning in Vilnius.",
])
def test_today_beside_something_that_happens_is_an_event(sentence: str) -> None:
    assert [e["date"] for e in _run(sentence, published="2024-07-19")["events"]] == ["2024-07-19"]


@pytest.mark.parametrize("sentence", [
    "Four agreements signed within a week in late May, and a fifth signed in October, compared on one page.",
    "Three security agreements were signed in June 2024.",
])
def test_a_count_of_signings_at_coarse_dates_is_a_summary(sentence: str) -> None:
    assert _run(sentence)["events"] == []


def test_a_count_of_signings_on_a_day_stays_an_event() -> None:
    data = _run("Two agreements were signed on 16 February 2024, in Berlin and Paris.")
    assert "2024-02-16" in [e["date"] for e in data["events"]]


# --- places are not people --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("At Blenheim Palace in Oxfordshire, Prime Minister Petr Fiala signed.", "Petr Fiala"),
    ("At a summit in Dubrovnik, Prime Minister Andrej Plenković signed.", "Andrej Plenković"),
    ("In Reykjavik, Prime Minister Bjarni Benediktsson spoke.", "Bjarni Benediktsson"),
])
def test_a_place_before_a_role_and_name_is_no_person(text: str, name: str) -> None:
    assert [m.text for m in recognize_people(text)] == [name]


@pytest.mark.parametrize(("text", "name"), [
    ("Kaja Kallas, Estonia's prime minister, signed.", "Kaja Kallas"),
    ("The text was signed by Petr Fiala, Prime Minister of Czechia.", "Petr Fiala"),
    ("Kishida, the prime minister, said so.", "Kishida"),
])
def test_name_then_role_is_still_a_person(text: str, name: str) -> None:
    assert name in [m.text for m in recognize_people(text)]


# --- later signings told without an agreement noun --------------------------------------------

@pytest.mark.parametrize(("second", "pair", "want"), [
    ("Denmark signed a week later in Lviv.", ("DNK", "UKR"), "2024-03-08"),
    ("Romania followed the next day.", ("ROU", "UKR"), "2024-03-02"),
    ("Belgium followed suit two days later.", ("BEL", "UKR"), "2024-03-03"),
    ("Belgium signed the same day in Brussels.", ("BEL", "UKR"), "2024-03-01"),
    ("France signed later that day in Paris.", ("FRA", "UKR"), "2024-03-01"),
    ("Two days earlier, Spain had signed its own.", ("ESP", "UKR"), "2024-02-28"),
    ("So did Portugal, on the same day.", ("PRT", "UKR"), "2024-03-01"),
])
def test_later_signing_without_an_agreement_noun(second: str, pair: tuple[str, ...], want: str) -> None:
    data = _run(f"The Netherlands signed its agreement with Ukraine on 1 March 2024 in Kharkiv. {second}")
    assert _agreements(data)[pair]["date_signed"] == want


@pytest.mark.parametrize("second", [
    "France followed with a EUR 3 billion package.",
    "Poland followed closely, but the talks stalled.",
    "Spain had already signed its own.",
])
def test_what_follows_a_signing_is_not_always_one(second: str) -> None:
    found = _agreements(_run(f"The Netherlands signed its agreement with Ukraine on 1 March 2024. {second}"))
    assert all(a.get("date_signed") in (None,) for k, a in found.items() if k != ("NLD", "UKR"))


@pytest.mark.parametrize(("text", "pair", "want"), [
    ("The UK was the first to sign, in January 2024, during a visit to Kyiv.", ("GBR", "UKR"), "2024-01"),
    ("Greece became the 21st EU member state to sign, on 17 October 2024.", ("GRC", "UKR"), "2024-10-17"),
    ("Spain was among the first partners to sign in May 2024.", ("ESP", "UKR"), "2024-05"),
    ("Italy and Ukraine sealed a ten-year security pact on 24 February 2024.", ("ITA", "UKR"), "2024-02-24"),
])
def test_ranked_and_sealed_signings(text: str, pair: tuple[str, ...], want: str) -> None:
    assert _agreements(_run(text))[pair]["date_signed"] == want


def test_pen_to_paper_names_signatories_and_place() -> None:
    data = _run("Italy and Ukraine sealed a security pact on 24 February 2024. Italian Prime Minister Giorgia "
                "Meloni and President Volodymyr Zelensky put pen to paper in Kyiv.")
    item = _agreements(data)[("ITA", "UKR")]
    assert item["place"] == "Kyiv"
    assert item["signatories"] == ["Giorgia Meloni", "Volodymyr Zelensky"]


@pytest.mark.parametrize("text", [
    "Germany was the first to send tanks, in January 2023.",
    "Spain was among the first partners to pledge air defence in May 2024.",
    "The seal of the ministry was affixed in 2024.",
])
def test_ranked_other_actions_are_no_signings(text: str) -> None:
    assert _run(text)["agreements"] == []


@pytest.mark.parametrize("second", [
    "It remains in force until 2034.",
    "It is valid until the end of 2034.",
    "It runs until 2034, with a review after five.",
])
def test_term_ending_in_a_year_gives_the_duration(second: str) -> None:
    data = _run(f"Norway signed its agreement with Ukraine on 31 May 2024. {second}")
    assert _agreements(data)[("NOR", "UKR")]["duration_years"] == 10


def test_term_ending_in_a_year_in_the_signing_sentence() -> None:
    data = _run("Ukraine's security agreement with Norway, signed on 31 May 2024, runs until 2034.")
    assert _agreements(data)[("NOR", "UKR")]["duration_years"] == 10


@pytest.mark.parametrize("second", [
    "The fund runs until 2027.",
    "The fund runs for three years.",
    "It covers the years 2024 to 2026 in detail.",
])
def test_other_things_running_until_a_year_are_no_term(second: str) -> None:
    data = _run(f"Norway signed its agreement with Ukraine on 31 May 2024. {second}")
    assert "duration_years" not in _agreements(data)[("NOR", "UKR")]


@pytest.mark.parametrize(("text", "want"), [
    ("The security agreements with Spain (27 May 2024), Belgium (28 May 2024) and Portugal (29 May 2024) "
     "were each signed in the partner's capital.", ["2024-05-27", "2024-05-28", "2024-05-29"]),
    ("Ukraine signed agreements with Spain on 27 May 2024, Belgium on 28 May 2024 and Portugal on "
     "29 May 2024.", ["2024-05-27", "2024-05-28", "2024-05-29"]),
])
def test_each_partner_takes_its_own_date(text: str, want: list[str]) -> None:
    data = _run(text)
    found = _agreements(data)
    assert [found[(p, "UKR")]["date_signed"] for p in ("ESP", "BEL", "PRT")] == want
    assert sorted(e["date"] for e in data["events"]) == want


def test_partners_sharing_one_date_all_take_it() -> None:
    found = _agreements(_run("Germany and France signed on 16 February 2024, in Berlin and Paris."))
    assert found[("DEU", "UKR")]["date_signed"] == found[("FRA", "UKR")]["date_signed"] == "2024-02-16"


def test_timeline_lines_with_a_date_and_colon_are_events() -> None:
    data = _run("Timeline\n\nJanuary 12, 2024: The UK signs the first agreement in Kyiv.\n"
                "February 16, 2024: Germany and France sign in Berlin and Paris.\n"
                "February 23, 2024: Denmark signs in Lviv.\n", name="t.md")
    # (one event per dated line: the gold conventions leave a second signing on the same date optional)
    assert [e["date"] for e in data["events"]] == ["2024-01-12", "2024-02-16", "2024-02-23"]


@pytest.mark.parametrize("text", [
    "Correction: Iceland signed its agreement with Ukraine on 31 May 2024, not 1 June 2024 as we first reported.",
    "Clarification. Iceland signed its agreement with Ukraine on 31 May 2024 rather than 1 June 2024.",
    "This story was corrected. Iceland signed its agreement with Ukraine on 31 May 2024, not, as we said "
    "earlier, 1 June 2024.",
])
def test_corrected_date_wins_over_the_withdrawn_one(text: str) -> None:
    data = _run(text)
    assert _agreements(data)[("ISL", "UKR")]["date_signed"] == "2024-05-31"
    assert [e["date"] for e in data["events"]] == ["2024-05-31"]


@pytest.mark.parametrize(("text", "want"), [
    ("Spain signed on 27 May 2024 and Belgium on 28 May 2024.", {"ESP": "2024-05-27", "BEL": "2024-05-28"}),
    ("Germany and France signed on 16 February 2024, Italy on 24 February 2024.",
     {"DEU": "2024-02-16", "FRA": "2024-02-16", "ITA": "2024-02-24"}),
    ("On 16 February 2024 Germany and France signed, and on 24 February 2024 Italy and Canada signed.",
     {"DEU": "2024-02-16", "FRA": "2024-02-16", "ITA": "2024-02-24", "CAN": "2024-02-24"}),
    ("Germany and France signed on 16 February 2024; Italy and Canada followed on 24 February 2024.",
     {"DEU": "2024-02-16", "FRA": "2024-02-16", "ITA": "2024-02-24", "CAN": "2024-02-24"}),
])
def test_several_dates_in_one_sentence_go_to_their_partners(text: str, want: dict[str, str]) -> None:
    found = _agreements(_run(text))
    assert {p: found[(p, "UKR")]["date_signed"] for p in want} == want


def test_a_list_of_demonyms_before_agreements_names_each_partner() -> None:
    data = _run("Spain signed its agreement on 27 May 2024 and Belgium on 28 May 2024. The Spanish and Belgian "
                "agreements each run for ten years. We have not found a term for the Croatian text.")
    found = _agreements(data)
    assert found[("ESP", "UKR")]["duration_years"] == found[("BEL", "UKR")]["duration_years"] == 10
    assert ("HRV", "UKR") not in found or "duration_years" not in found[("HRV", "UKR")]


def test_a_list_of_demonyms_without_an_agreement_names_no_partner() -> None:
    assert _run("Spanish, Belgian and Portuguese officials met in Brussels on 3 May 2024.")["agreements"] == []


# --- questions and answers, fact sheets --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Q: When did Portugal sign?\nA: On 28 May 2024, in Lisbon.\n",
    "## When and where was the Portuguese agreement signed?\n\nOn 28 May 2024 in Lisbon.\n",
    "Where did Portugal sign its agreement with Ukraine? In Lisbon, on 28 May 2024.\n",
])
def test_answer_dates_the_signing_asked_about(text: str) -> None:
    data = _run(text, name="t.md")
    item = _agreements(data)[("PRT", "UKR")]
    assert (item["date_signed"], item["place"]) == ("2024-05-28", "Lisbon")
    assert [e["date"] for e in data["events"]] == ["2024-05-28"]


@pytest.mark.parametrize("text", [
    "Did Spain sign? Nobody knows yet.",
    "Has Hungary signed an agreement with Ukraine? No.",
    "Will Malta sign its agreement soon? Officials would not say.",
])
def test_yes_no_question_reports_no_signing(text: str) -> None:
    assert _run(text)["agreements"] == []


def test_ceremony_sentence_dates_the_signing_before_it() -> None:
    data = _run("Belgium's agreement with Ukraine was signed in Brussels. The ceremony took place on 28 May 2024.")
    assert _agreements(data)[("BEL", "UKR")]["date_signed"] == "2024-05-28"


@pytest.mark.parametrize("sheet", [
    "Ukraine - Spain\nSigned: 27 May 2024, Madrid\nTerm: 10 years\n",
    "## Spain\n\n- **Signed:** 27 May 2024, Madrid\n- **Duration:** ten years\n",
    "# Spain\n\nSigned 27 May 2024 in Madrid.\nValidity: ten years.\n",
])
def test_fact_sheet_labels(sheet: str) -> None:
    item = _agreements(_run(sheet, name="t.md"))[("ESP", "UKR")]
    assert (item["date_signed"], item["duration_years"]) == ("2024-05-27", 10)


def test_heading_alone_makes_no_agreement_of_other_facts() -> None:
    assert _run("## Moldova\n\nResearchers from Moldova met in Kyiv on 3 May 2024.\n", name="t.md")["agreements"] == []


# --- transcripts: speakers named by their labels ----------------------------------------------

_TRANSCRIPT = ("Transcript, 14 June 2024\n\n"
               "PRESIDENT BIDEN: Today, President Zelensky and I signed a bilateral security agreement.\n\n"
               "MODERATOR: Thank you. Next question.\n\n"
               "SPOKESPERSON: I have nothing to add.\n\n"
               "PRIME MINISTER FUMIO KISHIDA: We signed the Accord on Support for Ukraine.\n\n"
               "Q: Will the money arrive this year?\n")


def test_speaker_labels_name_people_and_their_signings() -> None:
    data = _run(_TRANSCRIPT, published=None)
    people = {p["name"]: p["role"] for p in data["people"]}
    assert people["Joe Biden"] == "President of the United States"
    assert people["Fumio Kishida"] == "Prime Minister of Japan"
    assert not {"Moderator", "MODERATOR", "SPOKESPERSON", "Q"} & set(people)
    found = _agreements(data)
    assert found[("UKR", "USA")]["date_signed"] == "2024-06-14"
    assert ("JPN", "UKR") in found


@pytest.mark.parametrize("label", ["CHAIR:", "MR SMITH:", "THE PRESIDENT:", "Q (Radio Prague):", "NOTE:"])
def test_other_labels_are_no_people(label: str) -> None:
    assert recognize_people(f"{label} Thank you for coming.") == []


# --- signings still to come -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "pair"), [
    ("Poland is expected to sign its agreement with Ukraine next week.", ("POL", "UKR")),
    ("Portugal's agreement with Ukraine is to be signed in Lisbon.", ("PRT", "UKR")),
    ("Ukraine and Japan will sign an accord in Apulia on 13 June 2024.", ("JPN", "UKR")),
    ("Malta plans to sign a security agreement with Ukraine in the spring.", ("MLT", "UKR")),
])
def test_future_signing_names_an_agreement_only(text: str, pair: tuple[str, ...]) -> None:
    item = _agreements(_run(text))[pair]
    assert item["mentioned_only"] and "date_signed" not in item


def test_past_and_future_signings_in_one_sentence() -> None:
    data = _run("Lithuania signed on 27 June 2024; Poland will sign next week.")
    found = _agreements(data)
    assert found[("LTU", "UKR")]["date_signed"] == "2024-06-27"
    assert found[("POL", "UKR")]["mentioned_only"]
    assert [e["date"] for e in data["events"]] == ["2024-06-27"]


def test_travelling_to_sign_is_a_signing() -> None:
    data = _run("The Netherlands' Prime Minister, Mark Rutte, travelled to Kharkiv on 1 March 2024 to sign "
                "the agreement.")
    assert _agreements(data)[("NLD", "UKR")]["date_signed"] == "2024-03-01"


@pytest.mark.parametrize(("text", "want"), [
    ("signed 23/02/2024 in Lviv", "2024-02-23"),
    ("dated 06/13/2024", "2024-06-13"),  # the second number cannot be a month
    ("on 3/4/2024", "2024-04-03"),  # day first, as most of Europe writes it
])
def test_slashed_dates(text: str, want: str) -> None:
    assert [v for _, v in _dates(text)] == [want]


def test_slashed_dates_need_three_parts() -> None:
    assert [v for _, v in _dates("Working paper 7/2024 and ratio 1/2")] == ["2024"]


@pytest.mark.parametrize("sheet", [
    "- **Partner:** Spain\n- **Date of signing:** 27 May 2024\n- **Term:** 10 years\n",
    "Partner: Spain\nSigning date: 27 May 2024\nDuration: ten years\n",
])
def test_fact_sheet_with_a_partner_label(sheet: str) -> None:
    data = _run(sheet, name="t.md")
    item = _agreements(data)[("ESP", "UKR")]
    assert (item["date_signed"], item["duration_years"]) == ("2024-05-27", 10)
    assert [e["date"] for e in data["events"]] == ["2024-05-27"]


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Portuguese premier Luís Montenegro signed for Portugal.", "Luís Montenegro", "Premier of Portugal"),
    ("Estonian prime minister Kristen Michal agreed.", "Kristen Michal", "Prime Minister of Estonia"),
    ("Japan's foreign minister Yoko Kamikawa spoke.", "Yoko Kamikawa", "Foreign Minister of Japan"),
])
def test_lower_case_role_after_a_country_is_a_title(text: str, name: str, role: str) -> None:
    people = {p["name"]: p["role"] for p in _run(text)["people"]}
    assert people == {name: role}


def test_a_surname_that_is_a_country_is_no_party() -> None:
    found = _agreements(_run("Portuguese premier Luís Montenegro signed for Portugal on 28 May 2024."))
    assert set(found) == {("PRT", "UKR")}


def test_possessive_before_a_role_names_no_agreement() -> None:
    data = _run("Ms Frederiksen, Denmark's prime minister, said the agreement was historic.")
    assert data["agreements"] == []


@pytest.mark.parametrize("text", [
    "Correction: An earlier version of this article said Iceland's agreement runs for five years; it should "
    "have read ten years. Iceland signed its agreement with Ukraine on 31 May 2024.",
    "Erratum. Iceland signed its agreement with Ukraine on 31 May 2024. The term was incorrectly given as five "
    "years in our first edition; the agreement runs for ten years.",
])
def test_the_correct_value_after_a_withdrawn_claim_in_one_sentence(text: str) -> None:
    assert _agreements(_run(text))[("ISL", "UKR")]["duration_years"] == 10


def test_update_stamp_is_no_event() -> None:
    data = _run("Update, 5 June 2024: this article has been corrected. Iceland signed its agreement with Ukraine "
                "on 31 May 2024.")
    assert [e["date"] for e in data["events"]] == ["2024-05-31"]


# --- agreements named without a signing -------------------------------------------------------

@pytest.mark.parametrize(("second", "named"), [
    ("Unlike the British and German agreements, it names a sum.", {"GBR", "DEU"}),
    ("Finland and Denmark already have similar agreements.", {"FIN", "DNK"}),
    ("Similar texts exist with France, Germany and Italy.", {"FRA", "DEU", "ITA"}),
    ("It is modelled on the agreement with the United Kingdom.", {"GBR"}),
    ("Finland's text is shorter.", {"FIN"}),
])
def test_agreements_named_only(second: str, named: set[str]) -> None:
    found = _agreements(_run(f"Sweden signed its agreement with Ukraine on 31 May 2024. {second}"))
    assert {k[0] if k[1] == "UKR" else k[1] for k, v in found.items() if v["mentioned_only"]} == named


@pytest.mark.parametrize("second", [
    "Sweden's support is larger than Norway's, the agreement says.",
    "Finland has one billion in reserve, the text notes.",
    "Denmark's prime minister praised the agreement.",
])
def test_other_mentions_name_no_agreement(second: str) -> None:
    found = _agreements(_run(f"Sweden signed its agreement with Ukraine on 31 May 2024. {second}"))
    assert set(found) == {("SWE", "UKR")}


def test_the_norwegian_one_was_signed() -> None:
    found = _agreements(_run("Sweden signed its agreement with Ukraine on 31 May 2024. The Norwegian one was "
                             "signed the same day."))
    assert found[("NOR", "UKR")]["date_signed"] == "2024-05-31"


@pytest.mark.parametrize("other", [
    "Ukraine and Norway signed an energy agreement on 3 May 2024.",
    "Ukraine and Norway signed an agreement on double taxation on 3 May 2024.",
    "Ukraine and Norway signed a visa agreement on 3 May 2024.",
])
def test_agreements_on_other_subjects_are_no_security_agreement(other: str) -> None:
    assert _run(other)["agreements"] == []


def test_a_security_agreement_covering_energy_still_counts() -> None:
    found = _agreements(_run("Norway and Ukraine signed their security agreement on 31 May 2024, covering energy."))
    assert found[("NOR", "UKR")]["date_signed"] == "2024-05-31"


@pytest.mark.parametrize("text", [
    "Ukraine and Spain signed a security deal on 27 May 2024.",
    "Spain and Ukraine penned a ten-year deal in Madrid on 27 May 2024.",
    "The bilateral deal with Spain, signed on 27 May 2024, runs for a decade.",
    "Spain and Ukraine inked a long-term defence deal on 27 May 2024.",
])
def test_security_deals_are_agreements(text: str) -> None:
    assert _agreements(_run(text))[("ESP", "UKR")]["date_signed"] == "2024-05-27"


@pytest.mark.parametrize("text", [
    "Germany signed a deal with Rheinmetall on 4 May 2024.",
    "Germany signed a gas deal with Norway on 3 May 2024.",
    "Spain struck a deal on grain exports on 3 May 2024.",
])
def test_other_deals_are_not(text: str) -> None:
    assert _run(text)["agreements"] == []


# --- liveblog entries -------------------------------------------------------------------------

_LIVEBLOG = ("Liveblog - 13 June 2024\n\n"
             "18:05 Update: The United States and Ukraine have signed a ten-year bilateral security agreement "
             "at the G7 summit in Apulia, an official says.\n\n"
             "18:40\n\nJapan follows: Prime Minister Kishida and President Zelensky sign the Accord on Support "
             "for Ukraine and Cooperation.\n\n"
             "19:10 Canada had signed its own agreement in February.\n")


def test_liveblog_entries_date_their_signings() -> None:
    data = _run(_LIVEBLOG, published=None)
    found = _agreements(data)
    assert found[("UKR", "USA")]["date_signed"] == "2024-06-13"
    assert found[("JPN", "UKR")]["date_signed"] == "2024-06-13"
    assert found[("CAN", "UKR")]["date_signed"] == "2024-02"
    assert sorted(e["date"] for e in data["events"]) == ["2024-02", "2024-06-13", "2024-06-13"]


def test_undated_signing_outside_a_liveblog_entry_stays_undated() -> None:
    data = _run("Analysis, 13 June 2024\n\nSpain has signed its agreement with Ukraine. The text was published "
                "at 10:30 in Madrid.\n", published=None)
    assert "date_signed" not in _agreements(data)[("ESP", "UKR")]
    assert data["events"] == []


@pytest.mark.parametrize(("line", "want"), [
    ("12.35 - Denmark and Ukraine have signed the agreement.", "2024-07-15"),
    ("09:10 Denmark and Ukraine have signed the agreement.", "2024-07-15"),
    ("3.12 Denmark signed this Agreement in two originals.", None),  # a numbered clause, not a clock
])
def test_clock_times_open_liveblog_entries(line: str, want: str | None) -> None:
    assert _agreements(_run(line))[("DNK", "UKR")].get("date_signed") == want


def test_following_suit_takes_no_date_from_the_sentence_before() -> None:
    found = _agreements(_run("Germany signed on 16 February 2024. France followed suit. Italy followed the next day."))
    assert "date_signed" not in found[("FRA", "UKR")] and not found[("FRA", "UKR")]["mentioned_only"]
    assert found[("ITA", "UKR")]["date_signed"] == "2024-02-17"
