"""Session 9 generalisation rules (learned from gold set 10): a timeline's date line heads the bullets under
it (an event, and the date of a signing told in a bullet); "- It runs for ten years." as a list item; a likeness
("as in the British text") and a text named as a model ("after the British one") leave the text in context the
subject; new cues (a ten-year text, a trained legion, missiles shot down, ", also for ten years", a path into
NATO, regular talks); a package the main partner announced, or money it "is providing"; an advertisement's
label is no fact box; "its help is not lethal"; a paragraph that opens with a partner's own signing; money
that "has already gone to" Ukraine, that a text "foresees", that goes to recovery; a price; "since 2022"
inside a table cell's sum; coalitions listed after a colon; "at the same table"; a partner's words reported
("What they have published says ..."); a year that money is for.

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


_TIMELINE = ("Security pacts in order\nBy the Lakeside Archive | 2 March 2024\n\n"
             "10 January 2024, Vilnius\n- The conference hall hosts the first ministers' meeting.\n\n"
             "14 February 2024, Rome\n- Earlier in the day, Spain signs its own agreement in Madrid.\n"
             "- In the afternoon, Prime Minister Giorgia Meloni and President Volodymyr Zelensky sign the "
             "Agreement on security cooperation between Italy and Ukraine at the Palazzo Chigi.\n"
             "- It runs for ten years.\n")


# --- a timeline: the date line over its bullets -------------------------------------------------------

def test_a_date_line_over_bullets_is_an_event() -> None:
    assert {"2024-01-10", "2024-02-14"} <= _dates(_run(_TIMELINE, published="2024-03-02"))


def test_a_masthead_date_line_without_bullets_is_still_no_event() -> None:
    data = _run("Weekly Ledger, 4 March 2024\n\nNorway signed a security agreement with Ukraine in Oslo on "
                "1 March 2024.", published="2024-03-04")
    assert _dates(data) == {"2024-03-01"}


def test_a_signing_in_a_bullet_takes_the_date_of_the_line_it_hangs_under() -> None:
    ita = agreements_by_parties(_run(_TIMELINE, published="2024-03-02"))[("ITA", "UKR")]
    assert ita["date_signed"] == "2024-02-14"


def test_a_bulleted_it_runs_gives_the_term() -> None:
    ita = agreements_by_parties(_run(_TIMELINE, published="2024-03-02"))[("ITA", "UKR")]
    assert ita["duration_years"] == 10


# --- a likeness or a model: the text in context stays the subject -------------------------------------

_LIKE = ("Britain signed its agreement with Ukraine in Kyiv on 12 January 2024.\n\n"
         "Sweden signed the Agreement on security cooperation with Ukraine in Stockholm on 3 May 2024. "
         "Talks within 24 hours of a renewed attack, as in the British text.")


def test_as_in_the_british_text_codes_the_text_in_context() -> None:
    assert ("SWE-UKR", "consultation_mechanism", "present") in _prov(_run(_LIKE))


def test_as_in_the_british_text_gives_the_consultation_to_the_text_in_context() -> None:
    hours = {tuple(c["parties"]) for c in _run(_LIKE)["consultation_hours"]}
    assert ("SWE", "UKR") in hours


def test_a_text_named_as_the_model_is_only_mentioned() -> None:
    data = _run("Prime Minister Mark Rutte and President Volodymyr Zelensky signed the Agreement on security "
                "cooperation between Ukraine and the Netherlands in Kharkiv on 1 March 2024. It is the third "
                "such text after the Danish one, and it is to run for ten years.")
    found = agreements_by_parties(data)
    assert found[("DNK", "UKR")]["mentioned_only"] is True
    assert "duration_years" not in found[("DNK", "UKR")]
    assert found[("NLD", "UKR")]["duration_years"] == 10


# --- new cues ------------------------------------------------------------------------------------------

_SIGNED = "Finland signed the Agreement on security cooperation with Ukraine in Kyiv on 3 April 2024. "


def test_a_ten_year_text_is_a_duration() -> None:
    assert ("FIN-UKR", "duration", "present") in _prov(_run(_SIGNED + "It is a ten-year text."))


def test_a_trained_legion_is_training() -> None:
    assert ("FIN-UKR", "training", "present") in _prov(
        _run(_SIGNED + "Under it, a new Ukrainian legion will be trained in Finland."))


def test_missiles_shot_down_is_air_defence() -> None:
    assert ("FIN-UKR", "air_defence", "present") in _prov(
        _run(_SIGNED + "It sets up a group to study whether drones heading for the border can be shot down."))


def test_a_term_after_a_comma_at_the_end_of_a_signing_is_a_duration() -> None:
    data = _run("Chancellor Karl Nehammer and President Volodymyr Zelensky signed the Agreement on security "
                "cooperation between Austria and Ukraine at the Hofburg in Vienna on 5 May 2024, also for ten years.")
    assert ("AUT-UKR", "duration", "present") in _prov(data)


def test_a_path_into_nato_is_a_nato_reference() -> None:
    assert ("FIN-UKR", "nato_membership_reference", "present") in _prov(
        _run(_SIGNED + "The text backs Ukraine's road into NATO."))


def test_holding_regular_talks_is_a_security_dialogue() -> None:
    assert ("FIN-UKR", "security_dialogue", "present") in _prov(
        _run(_SIGNED + "The two governments will hold regular talks on their partnership."))


# --- the main partner's package, and what it contains --------------------------------------------------

def test_a_package_the_main_partner_announced_codes_its_contents() -> None:
    data = _run("Norway and Ukraine sign security agreement\n\n"
                "Prime Minister Jonas Gahr Store and President Volodymyr Zelensky signed the agreement in Oslo "
                "on 3 May 2024.\n\nThe next morning Oslo announced a new package worth NOK 2 billion. It holds "
                "twenty howitzers and a NASAMS battery.")
    assert {("NOR-UKR", "artillery_long_range", "present"), ("NOR-UKR", "air_defence", "present")} <= _prov(data)


def test_a_year_the_main_partner_is_providing_money_for_codes_the_commitment() -> None:
    data = _run("Norway and Ukraine sign security agreement\n\n"
                "Prime Minister Jonas Gahr Store and President Volodymyr Zelensky signed the agreement in Oslo "
                "on 3 May 2024.\n\nFor 2024, Norway is providing NOK 5 billion in military aid to Ukraine.")
    assert ("NOR-UKR", "financial_commitment", "present") in _prov(data)


def test_an_advertisement_is_no_fact_box() -> None:
    data = _run("Advertisement: Two nights by the fjord, from NOK 1,900\n\n"
                "Norway and Ukraine sign security agreement\n\n"
                "Prime Minister Jonas Gahr Store and President Volodymyr Zelensky signed the agreement in Oslo "
                "on 3 May 2024.")
    assert not any(p["quote"].startswith("Advertisement") for p in data["provisions"])


# --- military scope: "its help is not lethal" ------------------------------------------------------

def test_help_that_is_not_lethal_is_non_lethal() -> None:
    data = _run("Japan signed an accord with Ukraine in June. Its help is not lethal, by law.")
    assert ("JPN", "non-lethal") in _scopes(data)


def test_weapons_that_are_not_lethal_are_no_scope() -> None:
    data = _run("The band's only weapons are drums, and they are not lethal.")
    assert not data["military_scope"]


# --- a paragraph that opens with a partner's own signing is about that partner --------------------------

def test_a_paragraph_opened_by_a_partners_own_signing_is_about_it() -> None:
    data = _run("Poland signed its agreement with Ukraine in Warsaw on 8 July 2024. Poland has sent lethal aid.\n\n"
                "Japan, which signed its own accord with Ukraine in June, kept to its rules. Its help is not lethal.")
    assert ("JPN", "non-lethal") in _scopes(data)


def test_partners_named_as_signing_their_own_texts_are_an_aside() -> None:
    data = _run("On 27 June 2024 the European Union and Ukraine signed the Joint Security Commitments in Brussels.\n"
                "The text has no fixed term.\n"
                "Latvia and Finland signed their own agreements with Ukraine on the same day.\n"
                "The commitments cover six areas of support.\n"
                "For 2024 the EU foresees EUR 5 billion of military aid.")
    coded = _prov(data)
    assert ("EUU-UKR", "financial_commitment", "present") in coded
    assert ("LVA-UKR", "financial_commitment", "present") not in coded


# --- commitments -------------------------------------------------------------------------------------------

def test_money_that_has_already_gone_to_ukraine_is_provided() -> None:
    data = _run("Latvia signed a security agreement with Ukraine in Riga on 11 January 2024.\n\n"
                "Latvia says its help will go on. About EUR 60 million in aid has already gone to Ukraine this year.")
    assert ("LVA", 60_000_000.0, "EUR", "provided") in _money(data)


def test_a_sum_a_text_foresees_is_pledged() -> None:
    data = _run("Greece signed a security agreement with Ukraine in Vilnius on 11 July 2024. "
                "For 2024 Greece foresees EUR 10 million through the fund of the European Peace Facility.")
    assert ("GRC", 10_000_000.0, "EUR", "pledged") in _money(data)


def test_a_price_is_no_commitment() -> None:
    data = _run("A choir from Lviv will tour Canada with support from Ukraine's culture ministry. "
                "The Canadian leg is expected to cost up to CAD 250,000.")
    assert not data["commitments"]


def test_a_sum_that_goes_to_recovery_is_aid() -> None:
    data = _run("Spain signed a security agreement with Ukraine in Madrid on 27 May 2024.\n\n"
                "Spain will provide EUR 1 billion in military aid.\n\n"
                "A further EUR 20 million goes to recovery through a World Bank trust.")
    assert ("ESP", 20_000_000.0, "EUR", "pledged") in _money(data)


def test_since_2022_inside_a_table_cell_sum_is_provided() -> None:
    text = ("# Two agreements\n\n| | Finland | Sweden |\n|---|---|---|\n| Signed | 3 April 2024 | 31 May 2024 |\n"
            "| Earlier aid | about EUR 2 billion since 2022 | about SEK 30 billion since 2022 |\n")
    assert ("FIN", 2_000_000_000.0, "EUR", "provided") in _money(_run(text, name="t.md"))


def test_a_partners_words_reported_make_it_the_subject() -> None:
    data = _run("Norway signed its agreement with Ukraine in Stockholm on 31 May 2024. At the same table, "
                "Iceland's prime minister signed a similar agreement.\n\n"
                "Oslo will not speak for Reykjavik. What they have published says Iceland will provide at least "
                "EUR 25 million a year in defence support.")
    assert ("ISL-UKR", "financial_commitment", "present") in _prov(data)


# --- events and agreements --------------------------------------------------------------------------------

def test_a_signing_at_the_same_table_shares_the_date() -> None:
    data = _run("Norway signed its agreement with Ukraine in Stockholm on 31 May 2024. It runs for ten years. "
                "At the same table, Iceland's prime minister Bjarni Benediktsson signed a similar agreement.")
    assert agreements_by_parties(data)[("ISL", "UKR")]["date_signed"] == "2024-05-31"


def test_the_year_money_is_for_is_no_event() -> None:
    data = _run("Canada signed a security agreement with Ukraine in Kyiv on 24 February 2024.\n\n"
                "In 2024 Canada will provide CAD 3 billion in support to Ukraine.")
    assert _dates(data) == {"2024-02-24"}


def test_a_year_that_opens_a_sentence_is_still_an_event() -> None:
    data = _run("In 2023 Canada hosted a donor conference for Ukraine.")
    assert "2023" in _dates(data)


# --- channels: coalitions listed after a colon ------------------------------------------------------------

def test_coalitions_listed_after_a_colon_are_each_a_channel() -> None:
    data = _run("Portugal signed a security agreement with Ukraine in Brussels on 27 May 2024. Portugal has "
                "joined three capability coalitions: integrated air and missile defence, maritime and demining.")
    names = channel_names(data)
    assert {"IAMD capability coalition (UDCG)", "Maritime capability coalition (UDCG)",
            "Demining capability coalition (UDCG)"} <= names
    assert "UDCG capability coalitions" not in names
