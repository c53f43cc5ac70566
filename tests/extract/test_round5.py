"""Session 5 generalisation rules (learned from gold set 6): a negated financial commitment or term
in more phrasings, an agreement that gathers existing cooperation, headings that name the partner
of the section under them, an ordinal weekday of a month, and HTML landmarks that are page chrome.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from .helpers import coded as _prov
from .helpers import run as _run

# --- provisions: no money, no term, said in other words -------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The accord holds no new financial commitment.",
    "The document is not putting any specific amount on the table.",
    "Under the agreement the Government has not pledged a fresh sum.",
    "The text is not naming any figure for next year.",
])
def test_more_ways_to_say_no_sum(sentence: str) -> None:
    got = _prov(_run("Slovakia aside, Finland signed the agreement in Helsinki. " + sentence))
    assert ("FIN-UKR", "financial_commitment", "absent") in got
    assert ("FIN-UKR", "financial_commitment", "present") not in got


@pytest.mark.parametrize("sentence", [
    "The agreement does not set a fixed number of years.",
    "A duration in years is not stated in the published version.",
    "The accord has no fixed end date.",
])
def test_more_ways_to_say_no_term(sentence: str) -> None:
    got = _prov(_run("Finland signed the agreement in Helsinki. " + sentence))
    assert ("FIN-UKR", "duration", "absent") in got


def test_a_term_stated_is_still_present() -> None:
    got = _prov(_run("Finland signed the agreement in Helsinki. The agreement has a fixed duration of ten years."))
    assert ("FIN-UKR", "duration", "present") in got


@pytest.mark.parametrize("verb", ["gathers into one text", "bundles", "brings together", "consolidates"])
def test_an_agreement_that_gathers_what_exists_codes_it(verb: str) -> None:
    got = _prov(_run("Finland signed the agreement in Helsinki. "
                     f"The agreement {verb} the work both sides already do: demining and humanitarian aid."))
    assert {("FIN-UKR", "demining", "present"), ("FIN-UKR", "humanitarian_assistance", "present")} <= got


def test_what_a_partner_already_does_stays_background() -> None:
    got = _prov(_run("Finland signed the agreement in Helsinki. "
                     "Beside the agreement, Finnish engineers already train Ukrainian deminers."))
    assert ("FIN-UKR", "demining", "present") not in got


# --- a heading that names a partner speaks for the section under it --------------------------------

_DECK = ("# Notes for the reading group\n\n"
         "## Part 1. Finland\n\n"
         "- **Signed:** Helsinki, 3 Apr 2024\n"
         "- **Term:** 10 years\n"
         "- **Consultations:** within 24 hours of an attack\n\n"
         "## Part 2. Portugal\n\n"
         "- **Signed:** Lisbon, 28 May 2024\n"
         "- **Consultations:** within 24 hours\n")


def test_a_heading_naming_a_partner_gives_its_section_a_subject() -> None:
    data = _run(_DECK, name="t.md")
    got = {(tuple(a["parties"]), a.get("date_signed")) for a in data["agreements"]}
    assert {(("FIN", "UKR"), "2024-04-03"), (("PRT", "UKR"), "2024-05-28")} <= got
    assert {tuple(c["parties"]) for c in data["consultation_hours"]} == {("FIN", "UKR"), ("PRT", "UKR")}


# --- a fact box's label says what its sum is ---------------------------------------------------------

def test_a_sum_label_in_a_fact_box_gives_the_status() -> None:
    data = _run("# Notes\n\n## Part 1. Finland\n\n"
                "- **Signed:** Helsinki, 3 Apr 2024\n"
                "- **Funding for 2024:** EUR 190 million in military aid\n"
                "- provided since 2022: about EUR 2 billion in aid\n", name="t.md")
    got = {(c["donor"], c["amount"], c["status"]) for c in data["commitments"]}
    assert {("FIN", 190e6, "pledged"), ("FIN", 2e9, "provided")} <= got


def test_a_label_without_a_year_is_no_status() -> None:
    data = _run("# Notes\n\n## Part 1. Finland\n\n- **Ticket price:** EUR 12 per seat\n", name="t.md")
    assert not data["commitments"]


# --- an ordinal weekday of a month is a day -----------------------------------------------------------

@pytest.mark.parametrize(("text", "day"), [
    ("The leaders signed the agreement on the last Thursday of June.", "2024-06-27"),
    ("The two governments signed the agreement on the first Monday of March 2024.", "2024-03-04"),
    ("The agreement was signed in Oslo on the second Friday of February.", "2024-02-09"),
])
def test_an_ordinal_weekday_of_a_month_dates_the_day(text: str, day: str) -> None:
    data = _run("Norway. " + text, published="2024-08-20")
    assert day in {e["date"] for e in data["events"]}


# --- HTML: elements whose ARIA role is page chrome are dropped ----------------------------------------

def test_html_drops_elements_with_a_chrome_role() -> None:
    from accords.extract import load

    html = (b"<!doctype html><html><head><title>T</title></head><body>"
            b"<div role='dialog'>We use cookies. Accept all for EUR 0.</div>"
            b"<div role='Banner'>The Daily Site</div><div role='navigation'>Home | World</div>"
            b"<main><h1>Headline</h1><p>The story itself.</p>"
            b"<div role='complementary'>Most read: EUR 5 billion fund</div>"
            b"<div role='search'>Search the site</div><div role='alertdialog'>Subscribe now</div>"
            b"<div role='note'>A note kept in the story.</div></main>"
            b"<div role='contentinfo'>(c) the publisher</div></body></html>")
    assert load.load_bytes(html, "page.html").text == "Headline\n\nThe story itself.\n\nA note kept in the story."


# --- "The Danish government commits ...": a demonym's government is the partner ----------------------

@pytest.mark.parametrize("sentence", [
    "The Finnish government commits EUR 190 million to military aid this year.",
    "The Finnish cabinet will provide EUR 190 million in military aid.",
])
def test_a_partners_government_as_subject_speaks_for_its_agreement(sentence: str) -> None:
    got = _prov(_run("Finland and Ukraine signed a security agreement in Helsinki on 3 April.\n\n" + sentence))
    assert ("FIN-UKR", "financial_commitment", "present") in got


def test_another_government_as_subject_does_not() -> None:
    got = _prov(_run("Finland and Ukraine signed a security agreement in Helsinki on 3 April.\n\n"
                     "The Swedish government will provide EUR 40 million in military aid."))
    assert ("FIN-UKR", "financial_commitment", "present") not in got


@pytest.mark.parametrize("sentence", [
    "The agreement says that Ukraine's future lies in NATO.",
    "The text repeats that the country's future is in NATO.",
])
def test_a_future_in_nato_is_a_nato_reference(sentence: str) -> None:
    got = _prov(_run("Finland signed the agreement in Helsinki. " + sentence))
    assert ("FIN-UKR", "nato_membership_reference", "present") in got


# --- commitments: what a share of GDP comes to; a sum for reconstruction is aid ----------------------

@pytest.mark.parametrize("text", [
    "Finland signed the agreement in Helsinki. It ties support to 0.3 percent of GDP a year. "
    "For 2024 that is estimated at about EUR 900 million.",
    "Finland signed the agreement in Helsinki. Finland wrote down 0.3 percent of its GDP a year, which its "
    "officials say means more than EUR 900 million in 2024.",
])
def test_what_a_gdp_share_comes_to_is_pledged(text: str) -> None:
    got = {(c["donor"], c["amount"], c["status"]) for c in _run(text)["commitments"]}
    assert ("FIN", 900e6, "pledged") in got


def test_an_estimate_without_a_gdp_share_is_no_pledge() -> None:
    text = "Finland signed the agreement in Helsinki. The new stadium is estimated at about EUR 90 million."
    assert not _run(text)["commitments"]


def test_a_sum_for_reconstruction_is_aid_on_its_own() -> None:
    text = ("1. Finland signed the agreement in Helsinki on 3 April.\n\n"
            "2. Separately, Finland will provide EUR 7 million a year for reconstruction until 2027.\n")
    got = {(c["donor"], c["amount"], c["status"]) for c in _run(text)["commitments"]}
    assert ("FIN", 7e6, "pledged") in got


# --- a surname that is also a state's name ----------------------------------------------------------

def test_a_state_named_like_a_leader_is_no_person() -> None:
    data = _run("Croatia signed its agreement in October. Montenegro has opened talks and signed nothing yet.")
    assert not [p for p in data["people"] if "Montenegro" in p["name"]]


@pytest.mark.parametrize("text", [
    "Prime Minister Luis Montenegro signed in Lisbon. Later that day Montenegro told reporters it was a good day.",
    "In Lisbon, Prime Minister Montenegro signed the agreement.",
])
def test_the_leader_named_in_full_or_by_role_stays(text: str) -> None:
    data = _run(text)
    assert [p for p in data["people"] if "Montenegro" in p["name"]]


# --- military scope: long-range systems given are lethal aid -------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Finnish deliveries include long-range systems.",
    "Finland supplies long-range missiles to the Ukrainian army.",
])
def test_long_range_systems_given_are_lethal(sentence: str) -> None:
    data = _run("Finland signed the agreement in Helsinki. " + sentence)
    assert ("FIN", "lethal") in {(s["donor"], s["scope"]) for s in data["military_scope"]}


@pytest.mark.parametrize("sentence", [
    "The text refers to supplies including long-range systems.",
    "Finland could supply long-range missiles later.",
])
def test_long_range_systems_named_or_hedged_are_no_scope(sentence: str) -> None:
    data = _run("Finland signed the agreement in Helsinki. " + sentence)
    assert not data["military_scope"]


# --- provisions: a table with one partner per column -----------------------------------------------------

_COMPARED = ("# Two texts side by side\n\n"
             "Both governments signed with Ukraine this spring.\n\n"
             "| | Finland | Portugal |\n"
             "|---|---|---|\n"
             "| Signed | 3 April 2024 | 28 May 2024 |\n"
             "| Term | 10 years | 10 years |\n"
             "| Money | no new sum | EUR 126 million in 2024 |\n"
             "| Kind of aid | non-lethal only | weapons and artillery shells |\n")


def test_each_cell_of_a_partner_column_is_that_partners() -> None:
    got = _prov(_run(_COMPARED, name="t.md"))
    assert {("FIN-UKR", "duration", "present"), ("PRT-UKR", "duration", "present"),
            ("FIN-UKR", "financial_commitment", "absent"), ("PRT-UKR", "financial_commitment", "present"),
            ("FIN-UKR", "military_aid_non_lethal", "present"), ("FIN-UKR", "military_aid_lethal", "absent"),
            ("PRT-UKR", "military_aid_lethal", "present")} <= got
    assert ("FIN-UKR", "military_aid_lethal", "present") not in got
    assert ("PRT-UKR", "financial_commitment", "absent") not in got


def test_a_table_with_partners_in_rows_is_read_as_before() -> None:
    text = ("# Notes\n\nThe agreements were signed this spring.\n\n"
            "| Partner | Term | Kind of aid |\n|---|---|---|\n"
            "| Finland | 10 years | non-lethal only |\n")
    got = _prov(_run(text, name="t.md"))
    assert not {p for p in got if p[0] == "PRT-UKR"}


@pytest.mark.parametrize(("sentence", "lethal"), [
    ("Under the agreement Finland supplies small arms and drones.", True),
    ("The agreement covers cooperation against small arms trafficking.", False),
])
def test_small_arms_are_weapons(sentence: str, lethal: bool) -> None:
    got = _prov(_run("Finland signed the agreement in Helsinki. " + sentence))
    assert (("FIN-UKR", "military_aid_lethal", "present") in got) is lethal


# --- a partner acting "with" another is still the one the sentence is about -----------------------------

def test_a_partner_acting_with_another_keeps_the_sentence() -> None:
    got = _prov(_run("Portugal signed the agreement in Lisbon. It covers training. "
                     "Portugal also co-leads, with Denmark, the drone coalition."))
    assert ("PRT-UKR", "capability_coalitions", "present") in got


def test_two_partners_side_by_side_still_say_nothing_of_the_agreement() -> None:
    got = _prov(_run("Portugal signed the agreement in Lisbon. It covers training. "
                     "Denmark and Sweden lead the drone coalition."))
    assert ("PRT-UKR", "capability_coalitions", "present") not in got


@pytest.mark.parametrize(("text", "kind"), [
    ("Portugal signed the agreement. Portugal leads the coalition that supplies the Ukrainian forces with drones.",
     "Drone"),
    ("Portugal signed the agreement. Portugal is in the coalition which provides Ukraine with IT equipment.", "IT"),
])
def test_a_coalition_named_by_what_it_supplies(text: str, kind: str) -> None:
    assert f"{kind} capability coalition (UDCG)" in {c["name"] for c in _run(text)["channels"]}


def test_the_years_an_agreement_runs_are_its_term() -> None:
    got = _prov(_run("Portugal signed the agreement in Lisbon. Aid continues throughout the ten years the agreement "
                     "runs."))
    assert ("PRT-UKR", "duration", "present") in got


def test_a_rows_day_beats_a_month_the_prose_gives_several_signings() -> None:
    text = ("# Two texts\n\nThree governments, Finland first, signed agreements with Ukraine between mid-March and "
            "early May.\n\n"
            "| | Finland | Portugal |\n|---|---|---|\n"
            "| Signed | 3 April 2024 | 28 May 2024 |\n| Term | 10 years | 10 years |\n")
    got = {tuple(a["parties"]): a.get("date_signed") for a in _run(text, name="t.md")["agreements"]}
    assert got[("FIN", "UKR")] == "2024-04-03"
    assert got[("PRT", "UKR")] == "2024-05-28"


def test_a_type_of_military_aid_row_is_a_scope() -> None:
    text = ("# Two texts\n\nBoth governments signed with Ukraine this spring.\n\n"
            "| | Finland | Portugal |\n|---|---|---|\n"
            "| Signed | 3 April 2024 | 28 May 2024 |\n"
            "| Type of military aid | helmets and radios only, non-lethal | artillery ammunition and drones |\n")
    got = {(s["donor"], s["scope"]) for s in _run(text, name="t.md")["military_scope"]}
    assert {("FIN", "non-lethal"), ("PRT", "lethal")} <= got


def test_a_past_sum_after_its_label_is_no_financial_commitment() -> None:
    text = ("# Notes\n\n## Part 1. Finland\n\n- **Signed:** Helsinki, 3 Apr 2024\n"
            "- **Money:** no new figure in the text\n"
            "- provided since 2022: over EUR 2 billion in aid\n")
    got = _prov(_run(text, name="t.md"))
    assert ("FIN-UKR", "financial_commitment", "absent") in got
    assert ("FIN-UKR", "financial_commitment", "present") not in got


# --- events: one per date a table tells; a plan that did not happen ---------------------------------------

def test_one_event_per_date_a_table_tells() -> None:
    text = ("# Three texts\n\nThree governments signed with Ukraine this spring.\n\n"
            "| | Finland | Portugal | Spain |\n|---|---|---|---|\n"
            "| Signed | 28 May 2024 | 28 May 2024 | 27 May 2024 |\n| Term | 10 years | 10 years | 10 years |\n")
    dates = sorted(e["date"] for e in _run(text, name="t.md", published="2024-06-10")["events"])
    assert dates == ["2024-05-27", "2024-05-28"]


@pytest.mark.parametrize(("text", "kept"), [
    ("Finland signed the agreement on 3 April. The signing had been planned for Helsinki in March but slipped.", False),
    ("Finland signed the agreement on 3 April. A visit scheduled for May was postponed.", False),
    ("Finland signed the agreement on 3 April. A visit to Kyiv is planned for June 2024.", True),
])
def test_a_plan_that_did_not_happen_is_no_event(text: str, kept: bool) -> None:
    dates = {e["date"] for e in _run(text, published="2024-04-10")["events"]}
    assert bool(dates & {"2024-03", "2024-05", "2024-06"}) is kept


def test_a_sum_alone_in_quotation_marks_is_cited_not_committed() -> None:
    got = _prov(_run('Finland signed the agreement in Helsinki. It does not put a figure on its aid. '
                     'The paper printed "EUR 50m" beside it by mistake.'))
    assert ("FIN-UKR", "financial_commitment", "absent") in got
    assert ("FIN-UKR", "financial_commitment", "present") not in got


def test_a_quoted_pledge_with_its_sum_still_commits() -> None:
    got = _prov(_run('Finland signed the agreement in Helsinki. "Under the agreement we give EUR 50 million this '
                     'year," the minister said.'))
    assert ("FIN-UKR", "financial_commitment", "present") in got


@pytest.mark.parametrize("tail", ["Spain's, signed in Madrid, does not either.", "Spain's text does not either."])
def test_another_partners_text_that_does_the_same(tail: str) -> None:
    got = _prov(_run("Finland and Spain signed agreements with Ukraine. Finland's text does not put a figure on its "
                     "aid. " + tail))
    assert {("FIN-UKR", "financial_commitment", "absent"), ("ESP-UKR", "financial_commitment", "absent")} <= got


@pytest.mark.parametrize("qualifier", ["approx.", "approximately", "ca."])
def test_of_which_with_an_abbreviated_qualifier_is_a_part(qualifier: str) -> None:
    data = _run("Finland signed the agreement. Finland will provide EUR 190 million in 2024, of which "
                f"{qualifier} EUR 50 million for demining.")
    got = {(c["amount"], c.get("part_of_previous", False)) for c in data["commitments"]}
    assert (50e6, True) in got


@pytest.mark.parametrize(("text", "date"), [
    ("- Both texts follow the G7 Joint Declaration of July 2023", "2023-07"),
    ("Both texts rest on the Vilnius summit of July 2023.", "2023-07"),
])
def test_an_occasion_dated_on_a_short_line_is_an_event(text: str, date: str) -> None:
    assert date in {e["date"] for e in _run(text, name="t.md", published="2024-03-04")["events"]}


def test_a_masthead_line_is_still_no_event() -> None:
    text = "Policy Desk | 20 June 2024\n\nFinland signed the agreement in Helsinki on 3 April 2024.\n"
    assert "2024-06-20" not in {e["date"] for e in _run(text, name="t.md", published="2024-06-20")["events"]}


# --- agreements: "each signed", after the leaders are named ------------------------------------------------

_LEADERS = ("On 3 April 2024 the two delegations met in Riga, and two leaders came to sign.\n\n"
            "Edgars Rinkevics, Latvia's president, went first. Petr Fiala, the Czech prime minister, followed. "
            "Each shook hands with Volodymyr Zelensky, and each signed a document meant to last ten years.\n")


def test_each_signed_after_the_leaders_are_named() -> None:
    got = {tuple(a["parties"]): a.get("date_signed") for a in _run(_LEADERS, published="2024-04-10")["agreements"]}
    assert got.get(("LVA", "UKR")) == "2024-04-03"
    assert got.get(("CZE", "UKR")) == "2024-04-03"


def test_a_leader_named_elsewhere_signs_nothing() -> None:
    text = ("Edgars Rinkevics, Latvia's president, spoke at the opening.\n\n"
            "Petr Fiala, the Czech prime minister, came later. Each signed the guest book.\n")
    assert not [a for a in _run(text)["agreements"] if not a["mentioned_only"]]
