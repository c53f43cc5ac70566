"""Phrasings met in news, timelines and fact sheets: amounts without a classic status verb,
floors, consultation clauses over several agreements, and their negatives."""

from __future__ import annotations

from typing import Any

import pytest

from .helpers import coded as _prov
from .helpers import money as _money
from .helpers import run as _run


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Norway puts NOK 10 billion on the table for 2025.", ("NOR", 10e9, "NOK", "pledged")),
    ("Under its new agreement, Portugal sets out EUR 126 million in military support for 2024.",
     ("PRT", 126e6, "EUR", "pledged")),
    ("Belgium's text comes with EUR 977 million for 2024, earmarked for F-16 support.",
     ("BEL", 977e6, "EUR", "pledged")),
    ("The Finnish agreement provides for EUR 188 million in defence aid.", ("FIN", 188e6, "EUR", "pledged")),
])
def test_pledges_without_a_classic_status_verb(sentence: str, expected: tuple[Any, ...]) -> None:
    assert _money(_run(sentence)) == [expected]


def test_fact_sheet_lines_name_donor_and_amount() -> None:
    text = ("# Pledges at the summit\n\n"
            "- Norway: NOK 15 billion of military aid spread over 2025-2027.\n"
            "- Finland: no less than EUR 100 million a year from 2024 to 2027.\n"
            "- Denmark: EUR 500 million delivered since 2022.\n")
    data = _run(text, name="t.md")
    assert _money(data) == [("NOR", 15e9, "NOK", "pledged"), ("FIN", 100e6, "EUR", "pledged"),
                            ("DNK", 500e6, "EUR", "provided")]
    assert data["commitments"][0]["category"] == "military"
    assert data["commitments"][1]["qualifier"] == "at least"


@pytest.mark.parametrize("text", [
    "- Damage: USD 486 billion by the end of 2023.\n",  # a label that is no donor
    "- Norway: is considering NOK 15 billion for 2025.\n",  # hedged
    "A EUR 50 billion package for Ukraine is on the table in Brussels.",  # proposed, not offered
    "Norway will give NOK 2 billion more than last year.",  # a difference between two sums
    "Greece, which signed on 5 May, could provide EUR 50 million later.",  # the month is no hedge; could is
    "Greece signed in Athens. The damage assessment sets out USD 486 billion of losses.",  # not aid
    "Norway signed in Oslo. Norway's contribution comes with strings: NOK 5 billion of it is a loan.",  # no label
])
def test_no_commitment(text: str) -> None:
    assert _run(text, name="t.md")["commitments"] == []


def test_floor_with_a_negation_word_is_a_pledge() -> None:
    data = _run("Canada promised not less than CAD 500 million in 2024.")
    assert _money(data) == [("CAN", 500e6, "CAD", "pledged")]
    assert data["commitments"][0]["qualifier"] == "at least"


def test_month_may_is_no_hedge() -> None:
    data = _run("Sweden, which signed on 31 May, promised at least SEK 7 billion a year.")
    assert _money(data) == [("SWE", 7e9, "SEK", "pledged")]


def test_out_of_that_total_is_part_of_previous() -> None:
    data = _run("In the financial year 2025/26 the United Kingdom will provide £3 billion in military aid to "
                "Ukraine. Out of that total, "
                "no less than £300 million is reserved for drones.")
    assert _money(data) == [("GBR", 3e9, "GBP", "pledged"), ("GBR", 300e6, "GBP", "pledged")]
    assert data["commitments"][1]["part_of_previous"] is True
    assert data["commitments"][0]["category"] == "military"  # "financial year" before it does not count


def test_amount_next_to_another_shares_its_status_and_own_category() -> None:
    data = _run("Poland will provide EUR 30 million in humanitarian aid this year, next to EUR 90 million "
                "of military support.")
    assert _money(data) == [("POL", 30e6, "EUR", "pledged"), ("POL", 90e6, "EUR", "pledged")]
    assert [c["category"] for c in data["commitments"]] == ["humanitarian", "military"]


_THREE = ("Austria signed its agreement in Kyiv on 2 May 2024. Greece signed its agreement in Athens on "
          "10 May 2024. Portugal signed its agreement in Lisbon on 30 May 2024. ")


@pytest.mark.parametrize("clause", [
    "In each of the three, the parties undertake to consult within 24 hours if Russia launches a new attack.",
    "For all three texts the parties undertake to consult within 24 hours if Russia launches a new attack.",
])
def test_one_consultation_per_agreement_in_scope(clause: str) -> None:
    data = _run(_THREE + clause)
    got = sorted((tuple(c["parties"]), c["hours"], c["trigger"]) for c in data["consultation_hours"])
    assert got == [(("AUT", "UKR"), 24, "Russia launches a new attack"),
                   (("GRC", "UKR"), 24, "Russia launches a new attack"),
                   (("PRT", "UKR"), 24, "Russia launches a new attack")]


def test_collective_count_that_does_not_fit_is_not_spread() -> None:
    data = _run(_THREE + "In all four, the parties undertake to consult within 24 hours.")
    assert len(data["consultation_hours"]) <= 1


def test_consultations_within_a_period_of_hours_with_leading_condition() -> None:
    data = _run("Spain and Ukraine signed an agreement in Madrid on 27 May 2024. In the case of a new armed "
                "attack by Russia against Ukraine, the Parties shall hold consultations within a period of "
                "24 hours.")
    (c,) = data["consultation_hours"]
    assert (c["parties"], c["hours"], c["trigger"]) == (["ESP", "UKR"], 24, "new armed attack by Russia against Ukraine")


def test_condition_inside_the_sentence_is_the_trigger() -> None:
    data = _run("Ireland and Ukraine signed an agreement in Kyiv on 4 September 2024. What it requires is that, "
                "if Russia attacks Ukraine again, the two governments consult within 24 hours.")
    (c,) = data["consultation_hours"]
    assert c["trigger"] == "Russia attacks Ukraine again"


@pytest.mark.parametrize(("sentence", "name"), [
    ("Japan also pays into NATO's trust fund for Ukraine.", "NATO Comprehensive Assistance Package for Ukraine"),
    ("Dutch money also goes to the Czech-led initiative that buys shells.", "Czech-led ammunition initiative"),
    ("Part of it goes to the Grain from Ukraine programme.", "Grain from Ukraine programme"),
])
def test_channel_short_forms(sentence: str, name: str) -> None:
    assert [c["name"] for c in _run(sentence)["channels"]] == [name]


def test_trust_fund_of_someone_else_is_no_nato_channel() -> None:
    assert _run("The World Bank's trust fund pays for schools.")["channels"] == []


def test_generic_coalition_gives_way_to_named_ones_in_the_same_sentence() -> None:
    data = _run("Each of them leads a capability coalition: Latvia the drone coalition and Estonia the IT "
                "coalition. Spain joins the capability coalitions.")
    assert [c["name"] for c in data["channels"]] == ["Drone capability coalition (UDCG)",
                                                     "IT capability coalition (UDCG)", "UDCG capability coalitions"]


_BALTIC = ("Lithuania. President Gitanas Nauseda signed the agreement between Ukraine and Lithuania in Brussels on "
           "27 June 2024. The agreement also leaves room for a training mission.\n\n"
           "Latvia had set the pattern in the spring. Its agreement was signed on 11 April 2024 in Vilnius. Riga "
           "promises EUR 5 million a year for reconstruction until 2026.\n\n"
           "Each of the two also leads a capability coalition: Lithuania the demining coalition and Latvia the "
           "drone coalition.\n")


def test_subject_and_capital_open_the_partners_agreement() -> None:
    got = _prov(_run(_BALTIC))
    assert ("LVA-UKR", "reconstruction", "present") in got
    assert ("LVA-UKR", "financial_commitment", "present") in got
    assert ("LTU-UKR", "reconstruction", "present") not in got  # "Vilnius" is where Latvia signed


def test_facts_about_several_countries_are_no_provisions() -> None:
    got = _prov(_run(_BALTIC))
    assert not {c for _, c, _ in got} & {"demining", "capability_coalitions"}


def test_every_state_has_an_agreement_applies_to_all() -> None:
    text = ("Every Baltic state now has a ten-year security agreement with Ukraine.\n\n" + _BALTIC)
    got = _prov(_run(text))
    assert {("LTU-UKR", "duration", "present"), ("LVA-UKR", "duration", "present")} <= got


def test_hedged_subject_sentence_opens_nothing() -> None:
    text = ("Norway and Ukraine signed an agreement in Oslo on 3 May 2024. Finland and Ukraine signed an agreement "
            "in Helsinki on 3 April 2024.\n\nFinland could also fund demining later.\n")
    assert not any(p["code"] == "demining" for p in _run(text)["provisions"])


def test_legal_nature_phrasings_are_present_never_absent() -> None:
    for sentence in ("The President underlined that the Agreement has a political character and does not constitute "
                     "an international treaty.", "The agreement is not legally binding."):
        got = _prov(_run("Spain and Ukraine signed an agreement in Madrid on 27 May 2024. " + sentence))
        assert ("ESP-UKR", "legal_nature", "present") in got
        assert ("ESP-UKR", "legal_nature", "absent") not in got


def test_no_financial_figure_is_absent_but_a_later_years_gap_is_not() -> None:
    silent = _prov(_run("Italy and Ukraine signed an agreement in Kyiv on 24 February 2024. It is silent on money: "
                        "there is no new financial figure anywhere in the agreement."))
    assert ("ITA-UKR", "financial_commitment", "absent") in silent
    funded = _prov(_run("The United Kingdom and Ukraine signed an agreement in Kyiv on 12 January 2024. Under the "
                        "agreement the UK will provide £2.5 billion in 2024. For later years the agreement does not "
                        "name a figure."))
    assert ("GBR-UKR", "financial_commitment", "present") in funded
    assert ("GBR-UKR", "financial_commitment", "absent") not in funded


def test_news_prose_cues() -> None:
    text = ("Britain and Ukraine signed an agreement in Kyiv on 12 January 2024. The agreement is meant to last ten "
            "years. Alongside that, it covers the sharing of intelligence, cooperation on cyber defence and the "
            "training of Ukrainian soldiers, which British forces already carry out. It sets up a regular strategic "
            "dialogue between the two governments and money for NATO's trust fund.")
    got = _prov(_run(text))
    for code in ("duration", "intelligence_cooperation", "cyber_security", "training", "security_dialogue",
                 "nato_cap_contribution"):
        assert ("GBR-UKR", code, "present") in got, code


def test_second_term_of_a_comparison_is_no_cue() -> None:
    got = _prov(_run("Japan and Ukraine signed an agreement in Apulia on 13 June 2024. The agreement suits a "
                     "government more comfortable with bulldozers than with howitzers."))
    assert not any(c == "artillery_long_range" for _, c, _ in got)


def test_lowercase_us_is_no_party() -> None:
    got = _prov(_run("Ireland and Ukraine signed an agreement in Kyiv on 4 September 2024. Under the agreement "
                     "Ireland gives humanitarian aid. Demining is also covered, a point members raised with us."))
    assert ("IRL-UKR", "demining", "present") in got


def test_collective_clause_codes_every_agreement() -> None:
    got = _prov(_run(_THREE + "In each of the three, the parties undertake to consult within 24 hours if Russia "
                     "attacks again."))
    assert {("AUT-UKR", "consultation_mechanism", "present"), ("GRC-UKR", "consultation_mechanism", "present"),
            ("PRT-UKR", "consultation_mechanism", "present")} <= got


def test_capital_before_a_noun_is_no_subject() -> None:
    text = ("Japan and Ukraine signed an agreement in Apulia on 13 June 2024. The United States and Ukraine signed "
            "an agreement there too.\n\nWashington delegates discussed air defence at length.\n")
    assert not any(p["agreement"] == "UKR-USA" and p["code"] == "air_defence" for p in _run(text)["provisions"])


def test_source_named_right_after_a_sibling_amount_is_its_donor() -> None:
    data = _run("Spain will give EUR 1 billion this year, alongside EUR 300 million from Portugal.")
    assert _money(data) == [("ESP", 1e9, "EUR", "pledged"), ("PRT", 300e6, "EUR", "pledged")]


@pytest.mark.parametrize(("sentence", "code"), [
    ("The agreement expands intelligence-sharing between the two services.", "intelligence_cooperation"),
    ("Under the agreement the donor will help with clearing landmines from farmland.", "demining"),
    ("The agreement holds for a decade.", "duration"),
])
def test_more_news_prose_cues(sentence: str, code: str) -> None:
    got = _prov(_run("Norway and Ukraine signed an agreement in Oslo on 31 May 2024. " + sentence))
    assert ("NOR-UKR", code, "present") in got


def test_cue_after_a_negation_is_absent_not_present() -> None:
    got = _prov(_run("Norway and Ukraine signed an agreement in Oslo on 31 May 2024. The agreement does not "
                     "cover intelligence-sharing."))
    assert ("NOR-UKR", "intelligence_cooperation", "absent") in got
