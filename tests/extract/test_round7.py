"""Session 7 generalisation rules (learned from gold set 8): capability coalitions listed after "coalitions
of the Contact Group for"; a share of a sum that opens the next paragraph; a share earmarked from a pledge;
a dot grouping thousands ("1.000 million"); "this Monday"; a partner that signed "its own" agreement, in
passing; table rows as facts; an answer that opens with the term; the writer's own proposal and a
corrected figure; the attack clause with "attacks"; the other term of "unlike"; a package presented; the
items a package is for; the union Ukraine would join; a main partner that sets money aside; the record of
the partner in context.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from .helpers import channel_names as _channels
from .helpers import coded as _prov
from .helpers import money as _money
from .helpers import run as _run

# --- channels: a list of coalitions after "coalitions ... for" ----------------------------------------

@pytest.mark.parametrize(("sentence", "names"), [
    ("Portugal sits in the coalitions of the Ukraine Defence Contact Group for demining, IT and drones.",
     {"Demining capability coalition (UDCG)", "IT capability coalition (UDCG)", "Drone capability coalition (UDCG)"}),
    ("Greece is part of the coalitions of the UDCG for maritime security and air defence.",
     {"Maritime capability coalition (UDCG)", "IAMD capability coalition (UDCG)"}),
    ("Belgium also joined the coalitions for artillery, armour and demining.",
     {"Artillery capability coalition (UDCG)", "Armour capability coalition (UDCG)",
      "Demining capability coalition (UDCG)"}),
])
def test_coalitions_listed_after_for_are_one_channel_each(sentence: str, names: set[str]) -> None:
    got = _channels(_run(sentence))
    assert names <= got
    assert "Ukraine Defence Contact Group" not in got  # the group only says whose coalitions they are


def test_coalitions_of_the_group_named_before_it_still_fold_into_the_group() -> None:
    got = _channels(_run("Norway takes part in the air force and maritime capability coalitions of the "
                         "Ukraine Defence Contact Group."))
    assert "Ukraine Defence Contact Group" in got


# --- commitments: shares ------------------------------------------------------------------------------

@pytest.mark.parametrize("lead", ["Of this,", "Of that total,", "Of the same total,", "Of the same sum,"])
def test_a_share_opening_the_next_paragraph_is_of_the_sum_before(lead: str) -> None:
    data = _run(f"Sweden will provide SEK 7 billion to Ukraine in 2024.\n\n{lead} SEK 2 billion are loans "
                "through a World Bank account.\n\nOf the same total, about SEK 900 million is new air defence.")
    got = {(c["amount"], c["status"], bool(c.get("part_of_previous"))) for c in data["commitments"]}
    assert {(7e9, "pledged", False), (2e9, "pledged", True), (9e8, "pledged", True)} <= got


def test_a_paragraph_that_opens_otherwise_is_no_share() -> None:
    data = _run("Sweden will provide SEK 7 billion to Ukraine in 2024.\n\nThe town hall of a Swedish "
                "city costs SEK 2 billion.")
    assert 2e9 not in {c["amount"] for c in data["commitments"]}


@pytest.mark.parametrize("share", [
    "Of that total, at least NOK 500 million is earmarked for drones.",
    "Of this, NOK 500 million is set aside for mine clearing.",
])
def test_a_share_earmarked_from_a_pledge_stays_pledged(share: str) -> None:
    data = _run(f"Norway will give NOK 5 billion in military aid to Ukraine this year. {share}")
    assert ("NOR", 5e8, "NOK", "pledged") in _money(data)


def test_an_earmark_of_its_own_is_still_an_allocation() -> None:
    data = _run("The Norwegian parliament earmarked NOK 500 million for Ukraine's drones.")
    assert ("NOR", 5e8, "NOK", "allocated") in _money(data)


# --- money: a dot that groups thousands ---------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "amount"), [
    ("Spain will give Ukraine 1.000 million euros in military help this year.", 1e9),
    ("Italy will contribute 2.500 million euros to Ukraine in 2025.", 2.5e9),
    ("Portugal will give Ukraine EUR 1.200 million next year.", 1.2e9),
])
def test_a_dot_before_three_digits_and_a_scale_groups_thousands(sentence: str, amount: float) -> None:
    assert amount in {c["amount"] for c in _run(sentence)["commitments"]}


@pytest.mark.parametrize(("sentence", "amount"), [
    ("Japan will provide USD 1.125 billion to Ukraine in 2024.", 1.125e9),
    ("Norway will provide EUR 1.5 million to Ukraine in 2024.", 1.5e6),
])
def test_an_english_decimal_stays_a_decimal(sentence: str, amount: float) -> None:
    assert amount in {c["amount"] for c in _run(sentence)["commitments"]}


# --- dates: "this Monday" -----------------------------------------------------------------------------

@pytest.mark.parametrize(("phrase", "day"), [
    ("this Monday", "2024-07-15"),
    ("This Tuesday", "2024-07-16"),
    ("this Friday", "2024-07-19"),
])
def test_this_weekday_is_that_day_of_the_reference_week(phrase: str, day: str) -> None:
    data = _run(f"Finland and Ukraine signed {phrase} the security agreement in Helsinki.", published="2024-07-17")
    assert day in {e["date"] for e in data["events"]}


# --- a partner told in passing ------------------------------------------------------------------------

def test_a_partner_that_signed_its_own_agreement_is_an_aside() -> None:
    data = _run("Denmark and Ukraine: the agreement\n\nOn 23 February 2024 in Lviv, Mette Frederiksen and "
                "Volodymyr Zelensky signed the agreement between Ukraine and Denmark. The Netherlands signed its "
                "own agreement on 1 March. The text promises consultations within 24 hours of a new attack.")
    assert ("DNK-UKR", "consultation_mechanism", "present") in _prov(data)
    assert ["DNK", "UKR"] in [c["parties"] for c in data["consultation_hours"]]
    assert ["NLD", "UKR"] not in [c["parties"] for c in data["consultation_hours"]]


def test_a_partner_that_signs_without_own_takes_the_topic() -> None:
    data = _run("On 23 February 2024 in Lviv, Mette Frederiksen and Volodymyr Zelensky signed the agreement "
                "between Ukraine and Denmark. The Netherlands signed an agreement on 1 March. It promises "
                "consultations within 24 hours of a new attack.")
    assert ["NLD", "UKR"] in [c["parties"] for c in data["consultation_hours"]]


# --- tables: a row states a fact ----------------------------------------------------------------------

def test_a_table_row_without_end_pipe_gives_the_term() -> None:
    data = _run("Latvia and Ukraine: the agreement\n\nOn 11 January 2024 in Riga, Edgars Rinkevics and "
                "Volodymyr Zelensky signed the agreement between Ukraine and Latvia.\n\n| Point | Reading\n"
                "| Term | Ten years\n| Arms | Includes long-range missiles\n")
    got = _prov(data)
    assert {("LVA-UKR", "duration", "present"), ("LVA-UKR", "artillery_long_range", "present")} <= got
    assert [a.get("duration_years") for a in data["agreements"] if a["parties"] == ["LVA", "UKR"]] == [10]


# --- an answer that opens with the term ---------------------------------------------------------------

@pytest.mark.parametrize("answer", [
    "GUEST: Ten years, and it can be extended.",
    "A: Ten years, with a review halfway.",
    "Minister: Ten years, like the others.",
])
def test_an_answer_that_opens_with_the_term_gives_it(answer: str) -> None:
    data = _run("Last Friday Rishi Sunak and Volodymyr Zelensky signed the UK-Ukraine agreement in Kyiv.\n\n"
                f"HOST: How long does it run?\n\n{answer}", published="2024-01-17")
    assert [a.get("duration_years") for a in data["agreements"] if a["parties"] == ["GBR", "UKR"]] == [10]


def test_years_that_do_not_open_the_answer_are_no_term() -> None:
    data = _run("Last Friday Rishi Sunak and Volodymyr Zelensky signed the UK-Ukraine agreement in Kyiv.\n\n"
                "HOST: How long does it run?\n\nGUEST: Nobody knows; the war has lasted ten years.",
                published="2024-01-17")
    assert [a.get("duration_years") for a in data["agreements"] if a["parties"] == ["GBR", "UKR"]] == [None]


# --- financial commitment: the writer's proposal, a corrected figure ---------------------------------

@pytest.mark.parametrize("sentence", [
    "I would put a floor into law: EUR 300 million a year.",
    "We would propose EUR 1 billion a year instead.",
    "My proposal is a fixed EUR 200 million a year.",
    "The correct figure is more than EUR 3 billion.",
])
def test_a_proposal_or_a_corrected_figure_is_no_sum_of_the_text(sentence: str) -> None:
    data = _run("Latvia signed the agreement with Ukraine in Riga. The agreement itself names no sum. " + sentence)
    got = _prov(data)
    assert ("LVA-UKR", "financial_commitment", "absent") in got
    assert ("LVA-UKR", "financial_commitment", "present") not in got


# --- consultations: "if Russia attacks" ---------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The text promises that the two countries will consult if Russia attacks again.",
    "Both sides will consult each other should Ukraine be attacked anew.",
])
def test_consulting_on_a_new_attack_is_the_attack_clause(sentence: str) -> None:
    data = _run("Latvia signed the agreement with Ukraine in Riga. " + sentence)
    assert ("LVA-UKR", "consultation_mechanism", "present") in _prov(data)


def test_texts_after_unlike_are_the_other_term() -> None:
    data = _run("Latvia signed the agreement with Ukraine in Riga. The two countries will consult if Russia "
                "attacks again, yet unlike the German or Danish texts it sets no deadline.")
    got = _prov(data)
    assert ("LVA-UKR", "consultation_mechanism", "present") in got
    assert not {p for p in got if p[0] in ("DEU-UKR", "DNK-UKR")}


# --- packages ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Finland presented its 24th defence package, worth EUR 100 million, to Ukraine.",
    "Helsinki unveiled a new package worth EUR 100 million for Ukraine.",
    "Helsinki presented a package worth EUR 100 million for Ukraine.",
])
def test_a_package_presented_or_unveiled_is_pledged(sentence: str) -> None:
    assert ("FIN", 1e8, "EUR", "pledged") in _money(_run(sentence))


@pytest.mark.parametrize("sentence", [
    "Finland presented its defence package, worth EUR 100 million, for air defence and heavy-calibre ammunition.",
    "Estonia adopted a new aid package for artillery ammunition.",
    "Norway's latest tranche of assistance, EUR 20 million, is for weapons and drones.",
])
def test_weapons_a_package_is_for_make_the_aid_lethal(sentence: str) -> None:
    assert {m["scope"] for m in _run(sentence)["military_scope"]} == {"lethal"}


def test_a_package_for_something_else_says_no_scope() -> None:
    assert not _run("Estonia adopted a new aid package for winter clothing.")["military_scope"]


# --- the union Ukraine would join -------------------------------------------------------------------

@pytest.mark.parametrize("clause", [
    "it places a strong emphasis on Ukraine's path to membership of the European Union",
    "it backs Ukraine's accession to the EU",
    "it supports Ukraine joining the European Union",
])
def test_the_union_ukraine_would_join_is_no_party(clause: str) -> None:
    data = _run("On 4 September 2024 Simon Harris and Volodymyr Zelensky signed the agreement between Ukraine "
                f"and Ireland in Kyiv.\n\nThe agreement runs for ten years, and {clause}.")
    parties = [a["parties"] for a in data["agreements"]]
    assert ["EUU", "UKR"] not in parties
    assert [a.get("duration_years") for a in data["agreements"] if a["parties"] == ["IRL", "UKR"]] == [10]


# --- the main partner that sets money aside ---------------------------------------------------------

@pytest.mark.parametrize("answer", [
    "For 2025 Latvia has set aside EUR 100 million for Ukraine's defence.",
    "This year Latvia earmarks EUR 100 million for the Ukrainian army.",
    "Latvia has allocated EUR 100 million to Ukraine for 2025.",
])
def test_the_main_partner_setting_money_aside_is_a_sum_of_its_agreement(answer: str) -> None:
    data = _run("Latvia and Ukraine: questions and answers\n\nLatvia signed the agreement with Ukraine in Riga on "
                f"11 January.\n\nIs there any money in it?\n\n{answer}")
    assert ("LVA-UKR", "financial_commitment", "present") in _prov(data)


# --- a record of the partner in context keeps it -----------------------------------------------------

@pytest.mark.parametrize("record", [
    "So far in 2024 Lithuania has provided about EUR 80 million, of which EUR 35 million went to the "
    "Czech-led ammunition initiative.",
    "Since 2022 Lithuania has already delivered EUR 700 million of aid.",
])
def test_the_record_of_the_partner_in_context_keeps_it(record: str) -> None:
    data = _run("Estonia and Lithuania sign with Ukraine\n\n"
                "- Kaja Kallas signs the agreement between Ukraine and Estonia. Estonia backs Ukraine's bid.\n"
                "- Gitanas Nauseda signs the agreement between Ukraine and Lithuania, valid for ten years.\n"
                f"  - {record}\n  - The text leaves open a training mission on Ukrainian soil.\n")
    got = _prov(data)
    assert ("LTU-UKR", "training", "present") in got
    assert ("EST-UKR", "training", "present") not in got
