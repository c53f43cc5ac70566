"""Reading rules written broadly, each with several phrasings it must catch and some it must not:
verbs of giving or containing next to a sum, withdrawn figures, loosely named coalitions,
lethal aid by what is given, consultation clauses named by their hours, and provisions in
texts that speak of several agreements (pronouns, capitals, possessives, past national aid)."""

from __future__ import annotations

from typing import Any

import pytest

from .helpers import coded as _prov
from .helpers import money as _money
from .helpers import run as _run

# ---------------------------------------------------------------- commitments

@pytest.mark.parametrize(("text", "expected"), [
    ("Slovenia signed in July. It contains EUR 5 million for 2024 for humanitarian aid.",
     ("SVN", 5e6, "EUR", "pledged")),
    ("Ireland signed in Kyiv. Its text provides EUR 128 million for military support in 2024.",
     ("IRL", 128e6, "EUR", "pledged")),
    ("Beyond the military money, Spain adds EUR 15 million for recovery.", ("ESP", 15e6, "EUR", "pledged")),
    ("The Dutch text grants Ukraine EUR 2 billion in 2024.", ("NLD", 2e9, "EUR", "pledged")),
    ("Finland contributes EUR 30 million to the demining fund.", ("FIN", 30e6, "EUR", "pledged")),
    ("The Belgian agreement foresees EUR 977 million for 2024.", ("BEL", 977e6, "EUR", "pledged")),
    ("Latvia devotes EUR 112 million to military support this year.", ("LVA", 112e6, "EUR", "pledged")),
    ("The agreement puts Luxembourg's defence aid for 2024 at EUR 80 million.", ("LUX", 80e6, "EUR", "pledged")),
    ("Norway signed. The Nansen programme sets aside NOK 75 billion for 2023 to 2027.",
     ("NOR", 75e9, "NOK", "allocated")),
    ("Denmark signed. The Danish Ukraine Fund, which holds EUR 8.5 billion, is the framework.",
     ("DNK", 8.5e9, "EUR", "allocated")),
    ("By Estonian estimates that is expected to add up to about EUR 450 million over four years.",
     ("EST", 450e6, "EUR", "expected")),
])
def test_verbs_of_giving_containing_and_holding(text: str, expected: tuple[Any, ...]) -> None:
    assert _money(_run(text)) == [expected]


def test_sibling_after_a_present_tense_verb_shares_its_status() -> None:
    data = _run("Ireland signed in Kyiv. Its text provides EUR 128 million for non-lethal military support in 2024 "
                "and at least EUR 40 million in humanitarian aid.")
    assert _money(data) == [("IRL", 128e6, "EUR", "pledged"), ("IRL", 40e6, "EUR", "pledged")]
    assert [c["category"] for c in data["commitments"]] == ["military", "humanitarian"]


def test_relative_clause_status_is_not_the_main_sums() -> None:
    data = _run("Norway. The NOK 13.5 billion for 2024 comes out of the Nansen programme, which sets aside "
                "NOK 75 billion for 2023 to 2027.")
    assert ("NOR", 13.5e9, "NOK", "allocated") not in _money(data)
    assert ("NOR", 75e9, "NOK", "allocated") in _money(data)


@pytest.mark.parametrize("text", [
    "The estimates add up to EUR 450 billion of damage.",  # a total, not a gift
    "Damage is estimated at USD 486 billion.",  # an estimate with no giver
    "The study provides for USD 486 billion of losses.",  # "provides for" with no aid after it
    "Greece might consider a fund that holds EUR 50 million.",  # hedged
    "Norway has not added NOK 5 billion this year.",  # negated
    "The reconstruction conference gives an overview of EUR 400 billion in needs.",  # needs, no donor
])
def test_no_commitment_from_these(text: str) -> None:
    assert _run(text)["commitments"] == []


@pytest.mark.parametrize("text", [
    "First, the article said that Iceland would give Ukraine GBP 30 million. That figure was wrong.",
    "Our report stated that Norway would give NOK 5 billion. This was incorrect: the sum is smaller.",
    "An earlier version wrongly said Sweden would provide SEK 9 billion.",
    "The story claimed Finland pledged EUR 200 million. That claim is false.",
    "Yesterday we reported that Greece would give EUR 50 million. It did not.",
])
def test_withdrawn_figures_are_no_commitments(text: str) -> None:
    assert _run(text)["commitments"] == []


@pytest.mark.parametrize("text", [
    "Reuters reported that Norway would give NOK 5 billion. It did not say when.",
    "The minister said that Norway would give NOK 5 billion. That is twice last year's sum.",
    "The article said that Norway would give NOK 5 billion. The money is for 2025.",
])
def test_reported_figures_that_stand_remain(text: str) -> None:
    assert _money(_run(text)) == [("NOR", 5e9, "NOK", "pledged")]


def test_correction_keeps_the_corrected_figure() -> None:
    data = _run("First, the article said that Iceland would give Ukraine GBP 30 million under the agreement. That "
                "figure was wrong in both currency and period. The agreement states that Iceland will provide at "
                "least ISK 4 billion a year.")
    assert _money(data) == [("ISL", 4e9, "ISK", "pledged")]


# ---------------------------------------------------------------- consultations

@pytest.mark.parametrize(("text", "party"), [
    ("Germany signed first. The French text carries the same 24-hour consultation clause.", "FRA"),
    ("The Dutch agreement provides for a 24-hour consultation mechanism after an attack.", "NLD"),
    ("Spain's agreement has a 24-hour consultation rule for a renewed attack.", "ESP"),
    ("The Danish text contains a 24-hour consultations pledge.", "DNK"),
    ("Czechia signed its agreement. The parties will hold talks within 24 hours of an attack.", "CZE"),
])
def test_consultation_clause_named_by_its_hours(text: str, party: str) -> None:
    got = [(c["parties"], c["hours"]) for c in _run(text)["consultation_hours"]]
    assert got == [([party, "UKR"], 24)]


@pytest.mark.parametrize("text", [
    "Czechia signed its agreement. Some agreements promise talks within 24 hours.",
    "Czechia signed its agreement. Many partners meet within 24 hours of a request.",
    "The French delegation arrived within 24 hours.",  # no consultation at all
])
def test_no_consultation_from_these(text: str) -> None:
    assert _run(text)["consultation_hours"] == []


# ---------------------------------------------------------------- military scope

@pytest.mark.parametrize(("text", "donor"), [
    ("Denmark shall provide military support worth EUR 1.8 billion in 2024, including weapons and ammunition.",
     "DNK"),
    ("Poland supplies weapons to Ukraine.", "POL"),
    ("Norway will send ammunition and air defence missiles.", "NOR"),
    ("The Netherlands has delivered weapons and munitions since 2022.", "NLD"),
    ("Canada pledges small arms and training.", "CAN"),
])
def test_lethal_by_what_is_given(text: str, donor: str) -> None:
    assert [(s["donor"], s["scope"]) for s in _run(text)["military_scope"]] == [(donor, "lethal")]


@pytest.mark.parametrize("text", [
    "Japan does not provide weapons to Ukraine.",
    "Asked about weapons, a diplomat said that nobody expects the agreement to bring heavy weapons.",
    "Germany has delivered 36 howitzers and 120,000 rounds of ammunition.",  # an inventory, not a scope statement
    "Some of the money went to the Czech ammunition initiative, which Latvia supports.",
    "Could Norway send weapons?",
    "Austria might provide weapons later.",
])
def test_no_lethal_scope_from_these(text: str) -> None:
    assert [s for s in _run(text)["military_scope"] if s["scope"] == "lethal"] == []


# ---------------------------------------------------------------- channels

@pytest.mark.parametrize(("text", "names"), [
    ("Albania will train pilots within the fighter-jet coalition.", ["Air force capability coalition (UDCG)"]),
    ("Portugal joins the F-16 and maritime coalitions.",
     ["Air force capability coalition (UDCG)", "Maritime capability coalition (UDCG)"]),
    ("France will lead the artillery and air defence coalitions.",
     ["Artillery capability coalition (UDCG)", "IAMD capability coalition (UDCG)"]),
    ("Germany co-leads the coalition for integrated air and missile defence.", ["IAMD capability coalition (UDCG)"]),
    ("Sweden takes part in the armoured vehicles, drone and demining coalitions.",
     ["Armour capability coalition (UDCG)", "Drone capability coalition (UDCG)",
      "Demining capability coalition (UDCG)"]),
    ("Denmark co-chairs the air force capability coalition.", ["Air force capability coalition (UDCG)"]),
])
def test_loosely_named_capability_coalitions(text: str, names: list[str]) -> None:
    assert [c["name"] for c in _run(text)["channels"]] == names


@pytest.mark.parametrize("text", [
    "The coalition government fell in March.",
    "4. Capability coalitions.\nThe text is silent on them.",
    "France leads the artillery coalition of the Ukraine Defence Contact Group.",  # part of the Contact Group
])
def test_no_separate_coalition_from_these(text: str) -> None:
    assert not [c for c in _run(text)["channels"] if "coalition" in c["name"].lower()]


# ---------------------------------------------------------------- provisions

_OPED = ("Prime Minister Kyriakos Mitsotakis signed Greece's security agreement with Ukraine. The Greek text names "
         "no sum.\n\n"
         "Prime Minister Andrej Plenkovic signed an agreement between Croatia and Ukraine. It adds no new money. It "
         "formalises what Zagreb already does: humanitarian aid and demining. Croatia has provided about EUR 300 "
         "million in assistance since 2022.\n\n"
         "Ireland, a militarily neutral state, signed in Kyiv on 4 September. Its text provides EUR 128 million for "
         "non-lethal military support in 2024. Dublin has not pledged lethal aid.\n")


def test_multi_agreement_attribution() -> None:
    got = _prov(_run(_OPED, name="t.md"))
    assert ("GRC-UKR", "financial_commitment", "absent") in got
    assert ("HRV-UKR", "financial_commitment", "absent") in got
    assert ("HRV-UKR", "financial_commitment", "present") not in got  # past national aid
    assert {("HRV-UKR", "humanitarian_assistance", "present"), ("HRV-UKR", "demining", "present")} <= got
    assert {("IRL-UKR", "financial_commitment", "present"), ("IRL-UKR", "military_aid_non_lethal", "present"),
            ("IRL-UKR", "military_aid_lethal", "absent")} <= got
    assert not {p for p in got if p[0] == "GRC-UKR" and p[1] != "financial_commitment"}


@pytest.mark.parametrize("sentence", [
    "The agreement does not set a new sum.",
    "The agreement names no amount of support at all.",
    "The text contains no specific figure.",
    "The agreement adds no new money.",
])
def test_no_sum_is_financial_commitment_absent(sentence: str) -> None:
    got = _prov(_run("Czechia signed the agreement in Prague. " + sentence))
    assert ("CZE-UKR", "financial_commitment", "absent") in got


@pytest.mark.parametrize("sentence", [
    "Since 2022 Czechia has provided military aid worth about EUR 400 million, and the agreement asks to keep "
    "that pace.",
    "Under the agreement Czechia, which has given EUR 400 million since 2022, keeps its support going.",
])
def test_past_national_aid_is_no_financial_commitment(sentence: str) -> None:
    got = _prov(_run("Czechia signed the agreement in Prague. " + sentence))
    assert ("CZE-UKR", "financial_commitment", "present") not in got


def test_gdp_share_is_a_financial_commitment() -> None:
    got = _prov(_run("Estonia signed the agreement in Brussels. The agreement ties military aid to at least 0.25% "
                     "of GDP a year."))
    assert ("EST-UKR", "financial_commitment", "present") in got


@pytest.mark.parametrize("sentence", [
    "Separately from the agreement, Iceland co-leads the demining coalition.",
    "Outside the agreement, Iceland co-leads the demining coalition.",
    "Independently of the agreement, Iceland co-leads the demining coalition.",
])
def test_what_is_done_outside_the_agreement_is_no_content(sentence: str) -> None:
    got = _prov(_run("Iceland signed the agreement in Stockholm. " + sentence))
    assert not {p for p in got if p[1] in {"demining", "capability_coalitions"}}


def test_country_role_joined_to_what_the_text_says() -> None:
    got = _prov(_run("Germany signed the agreement in Berlin. Germany co-leads the coalition for integrated air "
                     "and missile defence, and the text says the agreement does not stand in the way of Ukraine's "
                     "path to NATO."))
    assert ("DEU-UKR", "nato_membership_reference", "present") in got
    assert not {p for p in got if p[1] in {"air_defence", "capability_coalitions"}}


@pytest.mark.parametrize(("sentence", "code"), [
    ("The agreement is concluded for ten years.", "duration"),
    ("Under the agreement Albania will train Ukrainian pilots.", "combat_air"),
    ("The agreement mentions the fighter-jet programme.", "combat_air"),
    ("The text also covers intelligence and cyber cooperation.", "intelligence_cooperation"),
    ("The agreement states that it does not replace Ukraine's future membership of the alliance.",
     "nato_membership_reference"),
    ("Under the agreement Albania offers to train Ukrainian staff in cyber defence.", "training"),
    ("The text sets up annual defence consultations between the two ministries.", "security_dialogue"),
    ("The agreement carries the same 24-hour consultation clause.", "consultation_mechanism"),
])
def test_news_prose_cues_for_more_codes(sentence: str, code: str) -> None:
    got = _prov(_run("Albania signed the agreement in Davos. " + sentence))
    assert ("ALB-UKR", code, "present") in got


@pytest.mark.parametrize(("sentence", "code"), [
    ("Swedish aid includes lethal systems such as self-propelled artillery.", "military_aid_lethal"),
    ("Swedish military support covers infantry fighting vehicles.", "armoured_vehicles"),
    ("Swedish assistance also includes demining equipment.", "demining"),
])
def test_the_main_partners_aid_in_a_document_about_its_agreement(sentence: str, code: str) -> None:
    text = "# Sweden's security agreement with Ukraine\n\nSweden signed the agreement in Stockholm.\n\n## Equipment\n\n"
    assert ("SWE-UKR", code, "present") in _prov(_run(text + sentence + "\n", name="t.md"))


@pytest.mark.parametrize("sentence", [
    "Danish aid includes lethal systems such as self-propelled artillery.",  # another partner's aid
    "Swedish aid might include lethal systems one day.",  # hedged
    "Since 2022 Swedish aid has included artillery.",  # background
])
def test_other_aid_is_not_the_main_agreements(sentence: str) -> None:
    text = "# Sweden's security agreement with Ukraine\n\nSweden signed the agreement in Stockholm.\n\n## Equipment\n\n"
    got = _prov(_run(text + sentence + "\n", name="t.md"))
    assert not {p for p in got if p[1] in {"military_aid_lethal", "artillery_long_range"} and p[0] == "SWE-UKR"}


@pytest.mark.parametrize("sentence", [
    "The two sides will consult on what Ukraine needs.",
    "The parties will immediately consult on further measures.",
    "The participants shall consult each other on the next steps.",
])
def test_consulting_on_ukraines_needs_is_the_consultation_mechanism(sentence: str) -> None:
    got = _prov(_run("Sweden signed the agreement in Stockholm. " + sentence))
    assert ("SWE-UKR", "consultation_mechanism", "present") in got


@pytest.mark.parametrize(("text", "expected"), [
    ("EUR 5 million has been pledged by Norway for demining.", ("NOR", 5e6, "EUR", "pledged")),
    ("Norway is providing NOK 2 billion this year.", ("NOR", 2e9, "NOK", "pledged")),
    ("Norway will make NOK 2 billion available in 2025.", ("NOR", 2e9, "NOK", "pledged")),
    ("EUR 300 million was allocated by the Netherlands for drones.", ("NLD", 300e6, "EUR", "allocated")),
])
def test_passive_donors_and_progressive_verbs(text: str, expected: tuple[Any, ...]) -> None:
    assert _money(_run(text)) == [expected]


@pytest.mark.parametrize("text", [
    "The UK is sending EUR 5 million more than last year.",  # a difference
    "Ukraine is receiving EUR 5 million.",  # no donor
    "Is Norway providing NOK 2 billion? Nobody could say whether it is.",  # a question, hedged
])
def test_no_commitment_from_progressive_forms(text: str) -> None:
    assert _run(text)["commitments"] == []


@pytest.mark.parametrize("text", [
    "Will Norway give NOK 5 billion next year?",
    "Is that EUR 400 million per year?",
    "Q: Has Denmark pledged EUR 1 billion for 2025?",
])
def test_questions_assert_no_commitment(text: str) -> None:
    assert _run(text)["commitments"] == []


def test_a_partners_record_since_a_date_opens_no_agreement_context() -> None:
    text = ("Finland signed a ten-year security agreement with Ukraine on Wednesday.\n\n"
            "Finland has provided EUR 2 billion in military aid since February 2022. It is also a member of the "
            "demining coalition.\n")
    got = _prov(_run(text))
    assert not {p for p in got if p[1] in {"demining", "capability_coalitions", "financial_commitment"}}


def test_a_section_heading_names_the_agreement_of_its_consultation_clause() -> None:
    text = ("# Three agreements\n\n## Lithuania\n\nLithuania's agreement was signed in Brussels on 27 June 2024. The "
            "text sets up consultations within 24 hours after an armed attack.\n\n## Romania\n\nRomania's agreement "
            "was signed in Washington on 11 July 2024.\n\n## Netherlands\n\nThe Dutch text was signed in Kharkiv. "
            "The Netherlands leads the F-16 coalition together with Denmark. The agreement provides for "
            "consultations within 24 hours.\n")
    got = sorted(tuple(c["parties"]) for c in _run(text, name="t.md")["consultation_hours"])
    assert got == [("LTU", "UKR"), ("NLD", "UKR")]


@pytest.mark.parametrize("text", [
    "The Netherlands leads the F-16 coalition together with Denmark and supplies artillery ammunition.",
    "Alongside Denmark, the Netherlands supplies weapons.",
    "The Netherlands, like Denmark, supplies weapons.",
])
def test_the_giver_is_the_subject_not_a_partner_named_with_it(text: str) -> None:
    assert [(s["donor"], s["scope"]) for s in _run(text)["military_scope"]] == [("NLD", "lethal")]


@pytest.mark.parametrize("lead", ["This includes", "It also includes", "The package contains", "The sum covers"])
def test_parts_of_the_sum_just_named(lead: str) -> None:
    data = _run("Canada will provide CAD 3 billion in support in 2024. " + lead + " CAD 2.2 billion in financial "
                "assistance and CAD 800 million in military aid.")
    assert _money(data) == [("CAN", 3e9, "CAD", "pledged"), ("CAN", 2.2e9, "CAD", "pledged"),
                            ("CAN", 800e6, "CAD", "pledged")]
    assert [bool(c.get("part_of_previous")) for c in data["commitments"]] == [False, True, True]


@pytest.mark.parametrize("question", [
    "Does the agreement promise fighter jets?",
    "Q: Will Canada provide weapons under the agreement?",
    "Is there a consultation mechanism in the agreement?",
])
def test_questions_code_no_provision(question: str) -> None:
    assert _prov(_run("Canada signed the agreement in Kyiv. " + question)) <= {
        ("CAN-UKR", "financial_commitment", "present")}


@pytest.mark.parametrize("text", [
    "Japan signed its accord in Apulia. Tokyo restricts its assistance to non-lethal equipment, while the United "
    "States supplies weapons.",
    "Japan signed its accord in Apulia. The accord limits aid to non-lethal items, whereas Britain sends arms.",
    "Japan signed its accord in Apulia. Its support stays non-lethal; the United States supplies weapons.",
])
def test_scope_donor_is_not_taken_from_a_contrasting_clause(text: str) -> None:
    assert [(s["donor"], s["scope"]) for s in _run(text)["military_scope"]] == [("JPN", "non-lethal")]


@pytest.mark.parametrize(("text", "code"), [
    ("Tokyo restricts its assistance to non-lethal equipment.", "military_aid_non_lethal"),
    ("Dublin limits its support to non-lethal aid.", "military_aid_non_lethal"),
    ("Athens offers to train Ukrainian pilots.", "combat_air"),
])
def test_capital_as_subject_of_a_restricting_or_offering_verb(text: str, code: str) -> None:
    signed = {"Tokyo": "Japan", "Dublin": "Ireland", "Athens": "Greece"}[text.split()[0]]
    got = _prov(_run(f"{signed} signed the agreement in Kyiv. Later that year: nothing else.\n\n{text}"))
    assert any(p[1] == code and p[2] == "present" for p in got)


@pytest.mark.parametrize("text", [
    "Germany signed in Berlin. The German defence budget contains EUR 52 billion for the Bundeswehr.",
    "Germany signed in Berlin. Germany's economy ministry gives EUR 20 million to German firms for exports.",
    "Germany signed in Berlin. Ukraine's budget includes UAH 1.7 trillion for defence.",
    "Germany signed in Berlin. Kyiv will spend UAH 500 billion on drones.",
    "Germany signed in Berlin. France holds EUR 3 billion in reserve for the war.",
    "Germany signed in Berlin. A fund that holds EUR 10 billion for Ukraine could be created.",
])
def test_verbs_of_containing_outside_support_give_nothing(text: str) -> None:
    assert _run(text)["commitments"] == []


def test_withdrawn_claims_code_no_provision() -> None:
    got = _prov(_run("Iceland signed the agreement in Stockholm. The article said that the agreement obliges Iceland "
                     "to train pilots. That was wrong: the agreement provides for demining."))
    assert ("ISL-UKR", "combat_air", "present") not in got
    assert ("ISL-UKR", "demining", "present") in got


def test_sums_in_brackets_after_donors_take_the_sentences_status() -> None:
    data = _run("Sweden (SEK 75 billion), Norway (NOK 75 billion) and Denmark (EUR 8.5 billion) have all committed "
                "multi-year funds to Ukraine.")
    assert _money(data) == [("SWE", 75e9, "SEK", "pledged"), ("NOR", 75e9, "NOK", "pledged"),
                            ("DNK", 8.5e9, "EUR", "pledged")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Japan will provide USD 4.5 billion (about EUR 4.1 billion) in 2024.", [("JPN", 4.5e9, "USD", "pledged")]),
    ("Germany pledged EUR 7.1 billion (USD 7.7 billion).", [("DEU", 7.1e9, "EUR", "pledged")]),
    ("Germany (EUR 7.1 billion) and France (EUR 3 billion) signed agreements in February.", []),
    ("Italy (EUR 2 billion) might pledge more.", []),
])
def test_conversions_and_statusless_brackets_add_nothing(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert _money(_run(text)) == expected


@pytest.mark.parametrize("sentence", [
    "Asked about weapons, the minister said the agreement covers demining.",
    "Journalists asked whether drones were included; the agreement covers demining.",
    "In questions on fighter jets, the spokesperson pointed to demining under the agreement.",
])
def test_what_a_question_is_about_is_no_cue(sentence: str) -> None:
    got = _prov(_run("Albania signed the agreement in Davos. " + sentence))
    assert ("ALB-UKR", "demining", "present") in got
    assert not {p for p in got if p[1] in {"military_aid_lethal", "drones", "combat_air"}}


@pytest.mark.parametrize("sentence", [
    "Nobody expects the agreement to bring weapons.",
    "Nothing in the agreement concerns weapons.",
])
def test_nobody_and_nothing_negate(sentence: str) -> None:
    got = _prov(_run("Albania signed the agreement in Davos. " + sentence))
    assert ("ALB-UKR", "military_aid_lethal", "absent") in got


@pytest.mark.parametrize(("text", "expected"), [
    ("Portugal will allocate EUR 126 million in 2024. A further EUR 100 million goes to the Czech ammunition "
     "initiative.", ("PRT", 100e6, "EUR", "pledged")),
    ("Portugal signed. Portugal's support in 2023 totalled EUR 100 million.", ("PRT", 100e6, "EUR", "provided")),
    ("Norway's aid reached NOK 20 billion last year.", ("NOR", 20e9, "NOK", "provided")),
    ("Danish aid in 2023 amounted to about DKK 16 billion.", ("DNK", 16e9, "DKK", "provided")),
])
def test_goes_to_and_past_totals(text: str, expected: tuple[Any, ...]) -> None:
    assert _money(_run(text))[-1] == expected


@pytest.mark.parametrize("text", [
    "Ukraine's losses reached USD 100 billion.",
    "The damage totalled USD 152 billion.",
    "Reconstruction needs amounted to USD 486 billion.",
])
def test_past_totals_without_a_donor_are_nothing(text: str) -> None:
    assert _run(text)["commitments"] == []


def test_a_contrasting_clause_belongs_to_the_partner_it_names() -> None:
    text = ("Latvia and Lithuania signed their agreements within weeks of each other. The Latvian agreement refers "
            "to cyber security, while the Lithuanian one stresses energy infrastructure.")
    got = _prov(_run(text))
    assert ("LVA-UKR", "cyber_security", "present") in got
    assert ("LTU-UKR", "energy", "present") in got
    assert ("LVA-UKR", "energy", "present") not in got


@pytest.mark.parametrize("clause", [
    ", while the United States supplies weapons.",
    ", whereas Britain sends weapons.",
    ", but Poland supplies weapons.",
])
def test_another_countrys_clause_is_not_the_agreements(clause: str) -> None:
    got = _prov(_run("Japan signed its accord in Apulia. The accord covers demining" + clause))
    assert ("JPN-UKR", "demining", "present") in got
    assert not {p for p in got if p[1] == "military_aid_lethal"}


def test_adjectives_listed_before_texts_name_each_agreement() -> None:
    data = _run("The Spanish, Belgian and Portuguese texts each provide for consultations within 24 hours.")
    assert sorted(tuple(c["parties"]) for c in data["consultation_hours"]) == [
        ("BEL", "UKR"), ("ESP", "UKR"), ("PRT", "UKR")]


@pytest.mark.parametrize(("sentence", "code"), [
    ("In case of a new Russian attack, Rome and Kyiv will consult within 24 hours.", "consultation_mechanism"),
    ("Italy and Ukraine will consult within 24 hours of a renewed attack.", "consultation_mechanism"),
    ("Rome will also support Ukraine's EU and NATO accession.", "nato_membership_reference"),
    ("Rome will also support Ukraine's EU and NATO accession.", "eu_membership_support"),
])
def test_the_main_partner_or_its_capital_as_subject(sentence: str, code: str) -> None:
    got = _prov(_run("Giorgia Meloni signed Italy's security agreement with Ukraine in Kyiv.\n\n" + sentence))
    assert ("ITA-UKR", code, "present") in got


def test_another_capital_as_subject_is_not_the_main_agreement() -> None:
    got = _prov(_run("Giorgia Meloni signed Italy's security agreement with Ukraine in Kyiv.\n\n"
                     "Paris and Kyiv will consult within 24 hours of a renewed attack."))
    assert ("ITA-UKR", "consultation_mechanism", "present") not in got
    assert not {p for p in got if p[1] == "consultation_mechanism" and p[0] == "ITA-UKR"}


@pytest.mark.parametrize(("text", "expected"), [
    ("- **Germany** signed on 16 February 2024; it provides EUR 7.1 billion in 2024.\n",
     ("DEU", 7.1e9, "EUR", "pledged")),
    ("- **Iceland** contributes at least ISK 4 billion a year until 2028.\n", ("ISL", 4e9, "ISK", "pledged")),
    ("Norway's Nansen programme was raised to NOK 135 billion in 2024.\n", ("NOR", 135e9, "NOK", "pledged")),
    ("Denmark increased its support to DKK 20 billion for 2025.\n", ("DNK", 20e9, "DKK", "pledged")),
])
def test_named_givers_for_a_year_and_raised_sums(text: str, expected: tuple[Any, ...]) -> None:
    assert _money(_run(text, name="t.md")) == [expected]


@pytest.mark.parametrize("text", [
    "Norway signed. The German defence budget contains EUR 52 billion in 2024.",
    "Norway signed. Russia raised its defence budget to RUB 13 trillion in 2024.",
    "Norway signed. Russia increases military spending to USD 140 billion a year.",
])
def test_no_commitment_from_other_budgets(text: str) -> None:
    assert _run(text)["commitments"] == []
