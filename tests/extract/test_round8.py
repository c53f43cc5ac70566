"""Session 8 generalisation rules (learned from gold set 9): a lethal scope said of texts named by a list of
adjectives ("the Danish, Finnish and Polish texts") belongs to each of them; a capitalised "Lethal Aid" in a
title-case heading is no donor's aid; "is (said to be) considering" hedges a sentence's provisions; a numbered
note led by its partner opens its topic; an "Answer N" in a record of questions speaks of the main agreement;
"the same 24-hour clock" repeats the consultation limit told before; a partner as subject with "The" before
its name and an "in ..." aside before its verb; two texts named by possessives as a joint subject; a rumoured
sum; a table cell that says "not stated".

Every sentence here was written for these tests.
"""

from __future__ import annotations

from .helpers import coded as _prov
from .helpers import money as _money
from .helpers import run as _run


def _scopes(data: dict[str, object]) -> set[tuple[str, str]]:
    return {(m["donor"], m["scope"]) for m in data["military_scope"]}  # type: ignore[attr-defined]


# --- military scope: the adjectives of a list of texts ------------------------------------------------

def test_lethal_scope_of_texts_listed_by_adjective_goes_to_each() -> None:
    data = _run("Denmark signed its agreement in February. Finland and Poland followed later.\n\n"
                "The Danish, Finnish and Polish agreements all provide for lethal aid, such as shells and rockets.")
    assert {("DNK", "lethal"), ("FIN", "lethal"), ("POL", "lethal")} <= _scopes(data)


def test_a_single_adjective_keeps_the_nearest_donor() -> None:
    data = _run("Denmark signed its agreement in February.\n\n"
                "The Danish agreement provides for lethal aid, such as shells.")
    assert _scopes(data) == {("DNK", "lethal")}


def test_lethal_in_a_title_case_heading_is_no_donor_aid() -> None:
    data = _run("Weekly Digest: Who Sends Lethal Aid\n\n"
                "Norway signed a security agreement with Ukraine in Oslo on 3 May 2024.")
    assert not data["military_scope"]


def test_lethal_in_running_text_still_counts() -> None:
    data = _run("Norway signed a security agreement with Ukraine in Oslo on 3 May 2024. "
                "Norway will provide lethal aid under it.")
    assert ("NOR", "lethal") in _scopes(data)


# --- provisions: "is considering" is a plan not yet made ----------------------------------------------

def test_a_contribution_being_considered_codes_nothing() -> None:
    data = _run("Slovenia signed a security agreement with Ukraine on 18 July 2024.\n\n"
                "Slovenia is considering a contribution to the demining coalition, but no sum has been set.")
    assert not {(a, c) for a, c, _v in _prov(data)} & {("SVN-UKR", "demining"), ("SVN-UKR", "capability_coalitions")}


def test_a_contribution_made_still_codes() -> None:
    data = _run("Slovenia signed a security agreement with Ukraine on 18 July 2024.\n\n"
                "Slovenia contributes to the demining coalition.")
    assert ("SVN-UKR", "demining", "present") in _prov(data)


def test_considering_as_a_preposition_is_no_hedge() -> None:
    data = _run("Slovenia signed a security agreement with Ukraine on 18 July 2024.\n\n"
                "Slovenia contributes to the demining coalition, considering the mines left in the fields.")
    assert ("SVN-UKR", "demining", "present") in _prov(data)


# --- provisions: "The Netherlands, in its text, commits ..." ------------------------------------------

def test_subject_with_the_and_an_in_aside_takes_its_own_agreement() -> None:
    data = _run("Ireland signed a security agreement with Ukraine in Kyiv on 4 September 2024. "
                "The Netherlands signed one in Kharkiv on 1 March 2024.\n\n"
                "The Netherlands, in its own text, commits to consult Ukraine within 24 hours of a new attack.")
    got = _prov(data)
    assert ("NLD-UKR", "consultation_mechanism", "present") in got
    assert ("IRL-UKR", "consultation_mechanism", "present") not in got


def test_an_aside_of_another_kind_does_not_make_a_subject() -> None:
    data = _run("Ireland signed a security agreement with Ukraine in Kyiv on 4 September 2024. "
                "The Netherlands signed one in Kharkiv on 1 March 2024.\n\n"
                "Ireland will train deminers.")
    got = _prov(data)
    assert ("NLD-UKR", "training", "present") not in got


# --- provisions: a numbered note led by its partner ---------------------------------------------------

_NOTES = ("Notes on two texts\n\n"
          "Estonia and Latvia each signed a security agreement with Ukraine in 2024.\n\n"
          "1. **Estonia** signed first. The text also covers cyber defence.\n"
          "2. **Latvia** adds little money. The text covers demining and drones.\n")


def test_a_numbered_note_opens_with_its_partner() -> None:
    got = _prov(_run(_NOTES))
    assert ("LVA-UKR", "demining", "present") in got
    assert ("EST-UKR", "demining", "present") not in got



# --- provisions: the answers in a record of questions about one agreement -----------------------------

_QA = ("Replies of the Minister on the security agreement\n\n"
       "Question 1\nWhen was it signed?\n\n"
       "Answer 1\nFinland signed a security agreement with Ukraine in Kyiv on 3 April 2024.\n\n"
       "Question 2\nWhat does Finland fund first?\n\n"
       "Answer 2\nDemining and air defence, then the navy.\n")


def test_an_answer_speaks_of_the_agreement_asked_about() -> None:
    got = _prov(_run(_QA))
    assert {("FIN-UKR", "demining", "present"), ("FIN-UKR", "air_defence", "present")} <= got


def test_the_same_line_without_an_answer_label_codes_nothing() -> None:
    got = _prov(_run(_QA.replace("Answer 2\n", "")))
    assert ("FIN-UKR", "demining", "present") not in got


# --- consultations: "the same 24-hour clock" -----------------------------------------------------------

def test_the_same_hour_clock_is_the_consultation_limit_told_before() -> None:
    data = _run("Denmark signed a security agreement with Ukraine on 23 February 2024; it will consult Ukraine "
                "within 24 hours of a new attack. Finland, which signed on 3 April 2024, keeps the same 24-hour clock.")
    assert {(tuple(c["parties"]), c["hours"]) for c in data["consultation_hours"]} == {
        (("DNK", "UKR"), 24), (("FIN", "UKR"), 24)}


def test_an_hour_clock_that_is_not_the_same_one_gives_no_limit() -> None:
    data = _run("Finland signed a security agreement with Ukraine on 3 April 2024. "
                "The border post keeps a 24-hour clock for lorries.")
    assert not data["consultation_hours"]


# --- provisions: two texts named by possessives as a joint subject; "consultation mechanisms" ---------

def test_two_possessive_texts_as_joint_subject_each_code() -> None:
    got = _prov(_run("Ireland signed a security agreement with Ukraine in Kyiv on 4 September 2024.\n\n"
                     "Finland's text and Estonia's text both create consultation mechanisms."))
    assert {("FIN-UKR", "consultation_mechanism", "present"), ("EST-UKR", "consultation_mechanism", "present")} <= got


def test_a_possessive_text_beside_another_partner_keeps_its_own() -> None:
    got = _prov(_run("Ireland signed a security agreement with Ukraine in Kyiv on 4 September 2024.\n\n"
                     "Finland's text, unlike anything Estonia's government said, creates a consultation mechanism."))
    assert ("FIN-UKR", "consultation_mechanism", "present") in got
    assert ("EST-UKR", "consultation_mechanism", "present") not in got


# --- commitments: a rumoured sum ----------------------------------------------------------------------

def test_a_rumoured_sum_is_no_pledge() -> None:
    data = _run("Estonia signed a security agreement with Ukraine on 27 June 2024. "
                "Rumours said Estonia would give EUR 200 million more, which the ministry denied.")
    assert not [c for c in _money(data) if c[1] == 200_000_000]


def test_a_sum_told_plainly_is_a_pledge() -> None:
    data = _run("Estonia signed a security agreement with Ukraine on 27 June 2024. "
                "Estonia will give EUR 200 million in 2024.")
    assert ("EST", 200_000_000, "EUR", "pledged") in _money(data)


# --- provisions: a table cell that says the text is silent ---------------------------------------------

_TABLE = ("Estonia and Latvia each signed a security agreement with Ukraine in 2024.\n\n"
          "| | Estonia | Latvia |\n|---|---|---|\n"
          "| Consultations after an attack | within 24 hours | {cell} |\n")


def test_a_not_stated_cell_codes_nothing() -> None:
    got = _prov(_run(_TABLE.format(cell="not stated")))
    assert ("EST-UKR", "consultation_mechanism", "present") in got
    assert not any(a == "LVA-UKR" and c == "consultation_mechanism" for a, c, _v in got)


def test_a_filled_cell_still_codes() -> None:
    got = _prov(_run(_TABLE.format(cell="within 48 hours")))
    assert ("LVA-UKR", "consultation_mechanism", "present") in got
