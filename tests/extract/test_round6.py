"""Session 6 generalisation rules (learned from gold set 7): capability coalitions, ammunition initiatives
and the G7 loans named by description; "mil." for million; plural "political commitments"; agreements
spoken of together ("The agreements are ...", "Spain and Italy lead ..."); occasions on a title line;
a comparison's starting month; "last week Tuesday"; a country in brackets after a place; a party that
labels a mission; questions and "both texts" in consultation clauses.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from .helpers import channel_names as _channels
from .helpers import coded as _prov
from .helpers import run as _run

# --- channels said in other words ------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "name"), [
    ("Spain belongs to the coalition that provides air defence to Kyiv.", "IAMD capability coalition (UDCG)"),
    ("Finland is in the coalition which delivers drones to the front.", "Drone capability coalition (UDCG)"),
    ("Greece joined the coalition that sends fighter jets to Ukraine.", "Air force capability coalition (UDCG)"),
])
def test_a_coalition_named_by_what_it_supplies(sentence: str, name: str) -> None:
    assert name in _channels(_run(sentence))


def test_a_coalition_that_supplies_something_else_is_no_capability_coalition() -> None:
    assert not _channels(_run("A coalition that supplies blankets to refugees met in Vienna."))


@pytest.mark.parametrize("sentence", [
    "The Czech government keeps funding the ammunition initiative for another year.",
    "The Czech side will go on with its ammunition initiative in 2025.",
])
def test_the_czech_side_owns_the_ammunition_initiative(sentence: str) -> None:
    assert "Czech-led ammunition initiative" in _channels(_run(sentence))


def test_an_ammunition_initiative_of_nobody_in_particular_is_no_channel() -> None:
    assert not _channels(_run("A Nordic ammunition initiative was discussed in Oslo."))


@pytest.mark.parametrize("sentence", [
    "Leaders approved loans to be serviced by the windfall profits of immobilised Russian assets.",
    "Kyiv gets loans repaid from the extraordinary profits on frozen Russian sovereign assets.",
])
def test_the_g7_loans_told_by_what_repays_them(sentence: str) -> None:
    assert "G7 Extraordinary Revenue Acceleration (ERA) loans" in _channels(_run(sentence))


def test_profits_of_a_company_are_no_loan_scheme() -> None:
    assert not _channels(_run("The firm repaid its loans from the profits of its Polish branch."))


# --- money: "mil." ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "amount"), [
    ("Austria gives EUR 7 mil. this year for humanitarian aid to Ukraine.", 7e6),
    ("Austria pledged 12 mil. EUR in aid for Ukraine for 2024.", 12e6),
    ("Austria pledged EUR 3 mio. in aid for Ukraine for 2024.", 3e6),
])
def test_mil_abbreviates_million(sentence: str, amount: float) -> None:
    got = [(c["donor"], c["amount"], c["currency"]) for c in _run(sentence)["commitments"]]
    assert ("AUT", amount, "EUR") in got


def test_a_military_word_after_a_number_is_no_scale() -> None:
    assert 5e6 not in {c["amount"] for c in _run("Austria pledged EUR 5 military trucks.")["commitments"]}


# --- provisions: the plural, and two partners as one subject ----------------------------------------

def test_political_commitments_in_the_plural_state_the_legal_nature() -> None:
    data = _run("Finland signed the agreement in Helsinki on 3 April. Estonia signed its agreement in Tallinn "
                "on 5 April.\n\nThe agreements are political commitments and need no vote in parliament.")
    got = _prov(data)
    assert {("FIN-UKR", "legal_nature", "present"), ("EST-UKR", "legal_nature", "present")} <= got


def test_the_agreements_of_someone_else_are_not_the_ones_told() -> None:
    data = _run("Finland signed the agreement in Helsinki on 3 April. Estonia signed its agreement in Tallinn "
                "on 5 April.\n\nThe agreements of the Baltic states are political commitments.")
    assert ("FIN-UKR", "legal_nature", "present") not in _prov(data)


def test_two_signed_partners_as_one_subject_speak_for_both_agreements() -> None:
    data = _run("Finland signed the agreement in Helsinki on 3 April. Estonia signed its agreement in Tallinn "
                "on 5 April.\n\nFinland and Estonia lead the demining coalition.")
    got = _prov(data)
    assert {("FIN-UKR", "capability_coalitions", "present"), ("EST-UKR", "capability_coalitions", "present")} <= got


def test_two_partners_that_did_not_sign_stay_facts_about_countries() -> None:
    data = _run("Finland signed the agreement in Helsinki on 3 April. Estonia signed its agreement in Tallinn "
                "on 5 April.\n\nLatvia and Lithuania lead the demining coalition.")
    assert not {p for p in _prov(data) if p[1] == "capability_coalitions"}


# --- events ----------------------------------------------------------------------------------------

def test_an_occasion_named_on_a_title_line_is_dated() -> None:
    data = _run("THE BALTIC BRIEF\nFinland-Ukraine: the agreement of 3 April 2024, point by point\n"
                "Published 9 April 2024\n\nOur summary follows the order of the text.", published="2024-04-09")
    assert "2024-04-03" in {e["date"] for e in data["events"]}


@pytest.mark.parametrize("sentence", [
    "Border waiting times fell to three days from nine in March.",
    "Queues at the crossing grew to 40 hours, up from 12 in January.",
])
def test_a_comparisons_starting_month_is_no_event(sentence: str) -> None:
    assert not _run("Poland. " + sentence)["events"]


@pytest.mark.parametrize(("phrase", "day"), [
    ("Last week Tuesday", "2024-07-09"),
    ("Last week, on Friday", "2024-07-12"),
    ("Next week Monday", "2024-07-22"),
])
def test_a_weekday_of_the_week_before_or_after(phrase: str, day: str) -> None:
    data = _run(f"{phrase}, Finland and Ukraine signed the security agreement in Helsinki.", published="2024-07-17")
    assert day in {e["date"] for e in data["events"]}


# --- parties that are no partner --------------------------------------------------------------------

def test_a_country_in_brackets_after_a_place_says_where() -> None:
    data = _run("On 3 April, at the castle near Turku (Finland), Estonia and Ukraine signed the agreement.")
    assert {tuple(a["parties"]) for a in data["agreements"]} == {("EST", "UKR")}


def test_a_party_labelling_a_mission_is_not_the_donor() -> None:
    data = _run("Estonia signed the agreement in Tallinn on 5 April.\n\n"
                "Estonia will train 2 000 soldiers a year, partly within the EU training mission. "
                "The aid shall include artillery shells and rifles, so it is lethal help as well.")
    assert [(s["donor"], s["scope"]) for s in data["military_scope"]] == [("EST", "lethal")]


# --- consultations ---------------------------------------------------------------------------------

def test_a_time_limit_in_a_question_is_not_stated() -> None:
    data = _run("Finland signed the agreement in Helsinki on 3 April.\n\n"
                "\"Will the minister say whether Finland will consult Ukraine within 24 hours of an attack?\"")
    assert not data["consultation_hours"]


def test_both_texts_are_the_two_told_before() -> None:
    data = _run("Finland signed its agreement in Helsinki on 3 April, and Estonia signed its agreement in Tallinn "
                "on 5 April. In both texts the parties undertake to consult within 24 hours of an attack. "
                "Latvia signed its agreement in Riga on 9 April.")
    assert {tuple(c["parties"]) for c in data["consultation_hours"]} == {("FIN", "UKR"), ("EST", "UKR")}


# --- the main partner's coalition role, in a paragraph of its own -----------------------------------

def test_the_main_partners_coalition_role_speaks_for_its_agreement() -> None:
    data = _run("Finland and Ukraine signed the agreement in Helsinki on 3 April.\n\n"
                "The agreement runs for ten years.\n\n"
                "Finland co-leads the demining coalition, which trains Ukrainian sappers.")
    assert ("FIN-UKR", "capability_coalitions", "present") in _prov(data)


def test_another_partners_coalition_role_does_not() -> None:
    data = _run("Finland and Ukraine signed the agreement in Helsinki on 3 April.\n\n"
                "The agreement runs for ten years.\n\n"
                "Latvia co-leads the drone coalition.")
    assert not {p for p in _prov(data) if p[1] == "capability_coalitions"}


# --- training as an item of a list, and a number the text lacks -------------------------------------

@pytest.mark.parametrize("sentence", [
    "The agreement covers air defence, training, cyber security and demining.",
    "It includes training and the repair of equipment.",
])
def test_training_listed_among_what_the_text_covers(sentence: str) -> None:
    got = _prov(_run("Finland signed the agreement in Helsinki. " + sentence))
    assert ("FIN-UKR", "training", "present") in got


def test_a_training_ground_is_no_listed_training() -> None:
    got = _prov(_run("Finland signed the agreement in Helsinki. The town covers a training ground."))
    assert ("FIN-UKR", "training", "present") not in got


def test_no_number_in_the_text_is_no_sum() -> None:
    got = _prov(_run("Finland signed the agreement in Helsinki.\n\nQ: Does it hold a sum?\n\n"
                     "A: No. There is no number in the text."))
    assert ("FIN-UKR", "financial_commitment", "absent") in got


def test_what_an_earlier_version_said_is_withdrawn() -> None:
    got = _prov(_run("Finland signed the agreement in Helsinki. It is valid for ten years.\n\nCorrections:\n"
                     "- An earlier version said that the agreement provides for demining."))
    assert ("FIN-UKR", "demining", "present") not in got


# --- intelligence exchanged, a named treaty, a disowned figure --------------------------------------

@pytest.mark.parametrize("sentence", [
    "The Parties will exchange intelligence on threats.",
    "Both sides share military intelligence.",
])
def test_intelligence_exchanged_or_shared(sentence: str) -> None:
    got = _prov(_run("Finland signed the agreement in Helsinki. " + sentence))
    assert ("FIN-UKR", "intelligence_cooperation", "present") in got


def test_not_a_named_treaty_says_nothing_of_legal_nature() -> None:
    got = _prov(_run("Finland signed the agreement in Helsinki. "
                     "This agreement is not the Treaty of Friendship the two states signed in 1992."))
    assert not {p for p in got if p[1] == "legal_nature"}


def test_not_a_treaty_still_says_it() -> None:
    got = _prov(_run("Finland signed the agreement in Helsinki. This agreement is not a treaty."))
    assert ("FIN-UKR", "legal_nature", "present") in got


def test_a_figure_the_writer_disowns_is_no_sum() -> None:
    got = _prov(_run("Finland signed the agreement in Helsinki. The text names no sum. We had pencilled in "
                     "EUR 40 million for Finland; that was our own estimate, not a Finnish pledge."))
    assert ("FIN-UKR", "financial_commitment", "present") not in got
    assert ("FIN-UKR", "financial_commitment", "absent") in got


# --- a loan lent, and the exchange of notes that fixes it -------------------------------------------

def test_a_partner_that_lends_pledges_the_sum() -> None:
    data = _run("Norway signed the agreement in Oslo. Under the deal Norway lends Ukraine NOK 2 billion.")
    assert ("NOR", 2e9, "NOK", "pledged") in {(c["donor"], c["amount"], c["currency"], c["status"])
                                              for c in data["commitments"]}


def test_an_exchange_of_notes_is_an_event() -> None:
    data = _run("The loan was settled on 3 March 2025 with an exchange of notes.", published="2025-04-01")
    assert "2025-03-03" in {e["date"] for e in data["events"]}
