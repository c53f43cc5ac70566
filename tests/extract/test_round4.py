"""Round 4 generalisation rules: events that belong to the subject, one event per date a sentence
tells, a signing's month told again after (or before) its day, and "the same day" anchored on the
signing a fact box dates.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from .helpers import run as _run


def _event_dates(data: dict[str, Any]) -> list[str]:
    return sorted(e["date"] for e in data["events"])


# --- events: a date in a sentence off the subject is no event ------------------------------------

@pytest.mark.parametrize("text", [
    "The city budget, adopted in December 2023, funds two new schools.",
    "The ferry company says the new route will open in March 2024, a month late.",
    "Sport now: the hockey club's next home game is on 20 July 2024.",
    "Our sample of listed firms reported record orders at the end of March 2024.",
    "The committee hopes to hold a public meeting in September 2024, date to be confirmed.",
])
def test_a_date_off_the_subject_is_no_event(text: str) -> None:
    assert _event_dates(_run(text)) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Finland and Ukraine signed their agreement on 3 April 2024.", ["2024-04-03"]),
    ("The summit opens in Vilnius on 11 July 2023.", ["2023-07-11"]),
    ("The full-scale invasion began on 24 February 2022.", ["2022-02-24"]),
    ("The defence ministers met on 14 February 2024 to count the shells.", ["2024-02-14"]),
    ("Prime Minister Mark Rutte arrived in Kharkiv on 1 March 2024.", ["2024-03-01"]),
    ('6 March 2025 - "Counting the pledges". A session on how donors to Ukraine report their aid.',
     ["2025-03-06"]),
])
def test_a_date_on_the_subject_stays_an_event(text: str, expected: list[str]) -> None:
    assert _event_dates(_run(text)) == expected


# --- one event per date in a sentence -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "On 18 July, at Blenheim Palace, Czechia and Slovenia signed.",
    "Start with the two texts signed in Brussels on 27 June 2024.",
    "On 31 May 2024 Sweden, Norway and Iceland each signed a ten-year agreement with Ukraine.",
    "Spain and Portugal both signed with Ukraine on 27 May 2024.",
    "The EU signed on 27 June 2024, alongside agreements with Lithuania and Estonia.",
])
def test_several_signings_on_one_date_make_one_event(text: str) -> None:
    assert len(_run(text)["events"]) == 1


def test_dates_in_separate_sentences_stay_separate_events() -> None:
    data = _run("Italy signed with Ukraine on 24 February 2024. Canada also signed on 24 February 2024.")
    assert _event_dates(data) == ["2024-02-24", "2024-02-24"]


# --- a signing's month told again -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "What did Denmark sign with Ukraine in February? The Danish agreement was signed with Ukraine in Lviv on "
    "23 February 2024 by Denmark's prime minister.",
    "Denmark signed its agreement with Ukraine on 23 February 2024. The text Denmark signed in February "
    "runs for ten years.",
    "Will the minister say what Denmark signed with Ukraine in February 2024? Denmark and Ukraine signed "
    "the agreement on 23 February 2024.",
])
def test_a_signings_month_after_its_day_is_no_new_event(text: str) -> None:
    assert _event_dates(_run(text)) == ["2024-02-23"]


@pytest.mark.parametrize("text", [
    "Greece signed with Ukraine on 17 October 2024. Croatia signed with Ukraine earlier, in October 2024.",
    "Denmark signed with Ukraine on 23 February 2024. In February 2024 France announced new aid for Ukraine.",
    "Ukraine and Germany signed on 16 February 2024. Ukraine and Denmark signed in February 2024.",
])
def test_another_partners_month_stays_an_event(text: str) -> None:
    assert len(_run(text)["events"]) == 2


# --- "the same day" in a fact box ----------------------------------------------------------------

def test_same_day_follows_the_signed_label_not_the_masthead() -> None:
    text = ("*Compiled by the desk, 4 June 2024*\n\nPortugal and Ukraine signed an agreement during a visit.\n\n"
            "- **Signed:** 28 May 2024, in Lisbon\n"
            "- Portugal's text was signed on the same day as Belgium's.\n")
    data = _run(text, "2024-06-04")
    dates = {tuple(a["parties"]): a.get("date_signed") for a in data["agreements"]}
    assert dates.get(("BEL", "UKR")) == "2024-05-28"
    assert "2024-06-04" not in _event_dates(data)


# --- "the same day, 16 February": the apposed date is the day --------------------------------------

@pytest.mark.parametrize("text", [
    "Britain signed on 12 January 2024. Germany and France signed on the same day, 16 February 2024, in two capitals.",
    "Britain signed on 12 January 2024. France signed its agreement the same day (16 February 2024) in Paris.",
    "Britain signed on 12 January 2024. On the same day, 16 February 2024, France signed its agreement in Paris.",
    "The UK signed on 12 January 2024. Later, Germany and France signed on the same day - 16 February 2024.",
    "Britain signed on 12 January 2024. France signed the same day, 16 February 2024, as Germany.",
])
def test_a_date_in_apposition_to_the_same_day_is_that_day(text: str) -> None:
    dates = {tuple(a["parties"]): a.get("date_signed") for a in _run(text)["agreements"]}
    assert dates[("FRA", "UKR")] == "2024-02-16"


@pytest.mark.parametrize("text", [
    "Estonia signed on 27 June 2024. Lithuania signed its agreement with Ukraine on the same day.",
    "Estonia signed on 27 June 2024. Lithuania signed the same day, and Latvia waited.",
    "Estonia signed on 27 June 2024. Lithuania signed on the same day, in Brussels.",
])
def test_the_same_day_without_apposition_is_the_day_told_before(text: str) -> None:
    dates = {tuple(a["parties"]): a.get("date_signed") for a in _run(text)["agreements"]}
    assert dates[("LTU", "UKR")] == "2024-06-27"


# --- a date named with the text dates the signing -------------------------------------------------

@pytest.mark.parametrize(("text", "key", "expected"), [
    ("Portugal confirmed the pledge in its agreement of 28 May 2024 with Ukraine.", ("PRT", "UKR"), "2024-05-28"),
    ("Poland's agreement with Ukraine of July 2024 names no new sum.", ("POL", "UKR"), "2024-07"),
    ("Croatia's October 2024 agreement with Ukraine adds no new amount.", ("HRV", "UKR"), "2024-10"),
    ("The American agreement of 13 June 2024 is an executive agreement.", ("UKR", "USA"), "2024-06-13"),
    ("Under Denmark's agreement dated 23 February 2024, Ukraine receives aid.", ("DNK", "UKR"), "2024-02-23"),
    ("The 11 July 2024 text between Romania and Ukraine is political.", ("ROU", "UKR"), "2024-07-11"),
])
def test_a_date_named_with_the_agreement_dates_its_signing(text: str, key: tuple[str, ...], expected: str) -> None:
    dates = {tuple(a["parties"]): a.get("date_signed") for a in _run(text)["agreements"]}
    assert dates.get(key) == expected


@pytest.mark.parametrize("text", [
    "Poland's 2024 agreement with Ukraine names no new sum.",  # a year alone is too coarse
    "Poland's agreement with Ukraine has run since July 2024.",
    "Poland's agreement with Ukraine will be reviewed by 1 July 2025.",
])
def test_a_coarse_or_other_date_beside_the_agreement_does_not_date_it(text: str) -> None:
    dates = {tuple(a["parties"]): a.get("date_signed") for a in _run(text)["agreements"]}
    assert dates.get(("POL", "UKR")) is None


# --- the years money covers do not date a signing -------------------------------------------------

@pytest.mark.parametrize("text", [
    "Sweden. The agreement signed by Ulf Kristersson sets out SEK 75 billion for 2024 to 2026.",
    "Norway. The agreement signed by Jonas Gahr Store commits NOK 13.5 billion in military aid for 2024.",
    "Denmark. The agreement signed by Mette Frederiksen holds EUR 1.8 billion over the years 2024 to 2028.",
    "Finland. The agreement Alexander Stubb signed covers EUR 188 million for the year 2024.",
    "Latvia. The agreement signed by Edgars Rinkevics gives 0.25% of GDP through 2026.",
])
def test_a_funding_year_does_not_date_the_signing(text: str) -> None:
    assert all(a.get("date_signed") is None for a in _run(text)["agreements"])


@pytest.mark.parametrize(("text", "expected"), [
    ("Sweden signed its agreement with Ukraine in 2024.", "2024"),
    ("In 2024 Sweden signed its agreement with Ukraine.", "2024"),
    ("Sweden's agreement with Ukraine, signed in Stockholm in 2024, runs for ten years.", "2024"),
])
def test_a_signing_year_still_dates_the_signing(text: str, expected: str) -> None:
    assert _run(text)["agreements"][0].get("date_signed") == expected


# --- a meeting that produced agreements; a counted signing and its members -----------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Last Friday's summit in Stockholm produced security agreements between Ukraine and Sweden, Norway and "
     "Iceland.", {("ISL", "UKR"), ("NOR", "UKR"), ("SWE", "UKR")}),
    ("The Nordic summit in Stockholm on 31 May 2024 produced three agreements in a single day. Sweden set out "
     "SEK 75 billion; Norway committed NOK 13.5 billion; Iceland signed as well.",
     {("ISL", "UKR"), ("NOR", "UKR"), ("SWE", "UKR")}),
    ("Start with the two texts signed at Blenheim Palace on 18 July 2024. Czech Prime Minister Petr Fiala said his "
     "country's agreement is no treaty. Slovenia's text is political too.", {("CZE", "UKR"), ("SVN", "UKR")}),
    ("The visit to Kyiv on 24 February 2024 yielded two agreements. Italy's runs for ten years. Canada's carries "
     "CAD 3 billion.", {("CAN", "UKR"), ("ITA", "UKR")}),
    ("Two agreements were signed in Brussels on 27 June 2024. Lithuania's is short; Estonia's is long.",
     {("EST", "UKR"), ("LTU", "UKR")}),
])
def test_a_counted_or_produced_signing_dates_its_members(text: str, expected: set[tuple[str, ...]]) -> None:
    data = _run(text)
    dated = {tuple(a["parties"]) for a in data["agreements"] if a.get("date_signed")}
    assert expected <= dated


@pytest.mark.parametrize("text", [
    # a count of texts still to come, or partners in another paragraph, date nothing
    "Two agreements will be signed in Brussels on 27 June 2024. Lithuania's is short.",
    "Two agreements were signed in Brussels on 27 June 2024.\n\nLithuania's agreement is short.",
    # a meeting that produced no agreement
    "The summit in Vilnius on 11 July 2023 produced a communique. Lithuania's president spoke.",
])
def test_no_member_without_a_counted_signing_before_it(text: str) -> None:
    dated = {tuple(a["parties"]) for a in _run(text)["agreements"] if a.get("date_signed")}
    assert ("LTU", "UKR") not in dated


# --- a month naming an occasion; a capital that reports ---------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Its October agreement adds no new amount.", ["2024-10"]),
    ("The February summit in Paris ended late.", ["2024-02"]),
    ("Critics read the June text closely.", ["2024-06"]),
    ("The May summit in Chisinau was short.", ["2024-05"]),
    ("Their April security agreement is short.", ["2024-04"]),
])
def test_a_bare_month_before_an_occasion_is_a_date(text: str, expected: list[str]) -> None:
    from datetime import date

    from accords.extract.recognize.dates import recognize_dates, resolve
    assert [resolve(m.extra, date(2024, 11, 14)) for m in recognize_dates(text)] == expected


@pytest.mark.parametrize("text", [
    "March the troops to the border.",
    "Ministers may agree later.",
    "It may text the parties.",
])
def test_a_bare_month_without_context_is_no_date(text: str) -> None:
    from accords.extract.recognize.dates import recognize_dates
    assert recognize_dates(text) == []


@pytest.mark.parametrize(("text", "code"), [
    ("Zagreb reported about EUR 300 million in assistance since 2022.", "HRV"),
    ("Lisbon confirmed EUR 126 million for 2024.", "PRT"),
    ("Warsaw stated that it had delivered 44 packages.", "POL"),
    ("Riga noted its EUR 112 million.", "LVA"),
    ("Prague recalled its ammunition initiative.", "CZE"),
])
def test_a_capital_that_reports_stands_for_its_government(text: str, code: str) -> None:
    from accords.extract.recognize.parties import recognize_parties
    assert [m.value for m in recognize_parties(text)] == [code]


@pytest.mark.parametrize("text", [
    "The conference in Zagreb reported record attendance.",
    "Reporters in Lisbon noted the delay.",
    "From Warsaw, the correspondent reported on the talks.",
])
def test_a_capital_as_a_place_is_no_party(text: str) -> None:
    from accords.extract.recognize.parties import recognize_parties
    assert [m.value for m in recognize_parties(text)] == []


def test_a_croatian_readout_dates_its_october_agreement() -> None:
    text = ("Croatia. Zagreb reported about EUR 300 million in assistance since 2022. "
            "Its October agreement adds no new amount.")
    dates = {tuple(a["parties"]): a.get("date_signed") for a in _run(text, "2024-11-14")["agreements"]}
    assert dates == {("HRV", "UKR"): "2024-10"}


# --- commitments ---------------------------------------------------------------------------------

def _commitments(data: dict[str, Any]) -> set[tuple[str, float, str, str]]:
    return {(c["donor"], c["amount"], c["currency"], c["status"]) for c in data["commitments"]}


@pytest.mark.parametrize("text", [
    "Belgium signed its agreement with Ukraine. The 2024 municipal budget sets aside EUR 2.3 million for road repairs.",
    "Norway signed its agreement with Ukraine. The annual subscription will rise to NOK 450 from the next issue.",
    "Japan signed its accord with Ukraine. The largest single award, EUR 18,000, goes to a film series by young "
    "Ukrainian directors.",
    "Denmark signed its agreement with Ukraine. The town hall roof repairs were approved at EUR 400,000.",
    "Poland signed its agreement with Ukraine. The catering cost the host EUR 3,400, to be shared equally.",
])
def test_a_sum_off_the_subject_with_no_giver_named_is_no_commitment(text: str) -> None:
    assert _run(text)["commitments"] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Belgium signed its agreement with Ukraine. It pledged EUR 977 million for 2024.",
     ("BEL", 977e6, "EUR", "pledged")),
    ("Belgium signed its agreement with Ukraine. It sets aside EUR 977 million in military aid.",
     ("BEL", 977e6, "EUR", "allocated")),
    ("Belgium signed its agreement with Ukraine. The text commits EUR 977 million.",
     ("BEL", 977e6, "EUR", "pledged")),
])
def test_a_sum_about_aid_keeps_the_giver_the_text_is_about(text: str, expected: tuple[str, float, str, str]) -> None:
    assert expected in _commitments(_run(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Berlin's document carried EUR 7.1 billion for 2024.", ("DEU", 7.1e9, "EUR", "pledged")),
    ("Ljubljana set aside EUR 5 million for 2024 for humanitarian aid.", ("SVN", 5e6, "EUR", "allocated")),
    ("The Slovenian text carries a modest figure, EUR 5 million for 2024 for humanitarian purposes.",
     ("SVN", 5e6, "EUR", "pledged")),
    ("Portugal. Lisbon's delegate confirmed the pledge in its agreement: at least EUR 126 million in military "
     "support in 2024.", ("PRT", 126e6, "EUR", "pledged")),
    ("According to the minister, Ukraine would receive CAD 3.02 billion in support from Canada in 2024.",
     ("CAN", 3.02e9, "CAD", "pledged")),
    ("Japan's budget support to Ukraine exceeded USD 8.5 billion over three years.",
     ("JPN", 8.5e9, "USD", "provided")),
    ("The United States committed USD 20 billion to the loans and the European Union up to EUR 35 billion.",
     ("EUU", 35e9, "EUR", "pledged")),
])
def test_commitments_in_plain_readings(text: str, expected: tuple[str, float, str, str]) -> None:
    assert expected in _commitments(_run(text))


@pytest.mark.parametrize("text", [
    "Ukraine would receive more support, the minister said, without giving a figure of EUR 1 billion.",
    "Ukraine will receive EUR 2 billion, officials said.",  # from whom, the text does not say
    "Kyiv expects to receive EUR 3 billion next year.",
])
def test_receiving_without_a_named_giver_is_no_commitment(text: str) -> None:
    assert _run(text)["commitments"] == []


# --- provisions: a term stated as a quantity, fact-box lines, a negation in another clause --------

def _provisions(data: dict[str, Any]) -> set[tuple[str, str, Any]]:
    return {(p["agreement"], p["code"], p["value"]) for p in data["provisions"]}


@pytest.mark.parametrize("text", [
    "Portugal and Ukraine signed an agreement. The Agreement has a validity of ten years.",
    "Portugal and Ukraine signed an agreement. Its term is ten years.",
    "Portugal and Ukraine signed an agreement. The duration of the agreement: 10 years.",
    "# Portugal and Ukraine: the agreement\n\nPortugal and Ukraine signed an agreement.\n\n"
    "**Key facts:**\n\n- **Signed:** 28 May 2024\n- **Term:** ten years\n",
    "Portugal and Ukraine signed an agreement.\n\n- Term: 10 years\n- Money: none stated\n",
])
def test_a_term_stated_as_a_quantity_is_the_duration(text: str) -> None:
    assert ("PRT-UKR", "duration", 10) in _provisions(_run(text, "2024-06-04"))


@pytest.mark.parametrize("text", [
    'A councillor said she was "relieved, not euphoric" after Belgium and Ukraine signed a ten-year agreement.',
    "Nobody objected when Belgium and Ukraine signed a ten-year agreement.",
    "It was not a surprise, because Belgium and Ukraine signed a ten-year agreement.",
])
def test_a_negation_in_another_clause_does_not_negate_the_cue(text: str) -> None:
    coded = _provisions(_run(text))
    assert ("BEL-UKR", "duration", 10) in coded and ("BEL-UKR", "duration", "absent") not in coded


@pytest.mark.parametrize("text", [
    "Belgium and Ukraine signed an agreement. The agreement has no fixed term.",
    "Belgium and Ukraine signed an agreement. The text sets no term of validity of ten years or any other.",
    "Belgium and Ukraine signed an agreement. Unlike others, the Belgian agreement has no fixed term.",
])
def test_a_negated_term_is_still_absent(text: str) -> None:
    coded = _provisions(_run(text))
    assert ("BEL-UKR", "duration", "absent") in coded


@pytest.mark.parametrize("text", [
    "Portugal and Ukraine signed an agreement.\n\n**Context:**\n\n- Term: see the annex\n",
    "Portugal and Ukraine signed an agreement.\n\nWeather: rain for ten years, it seems.\n",
    "Portugal and Ukraine signed an agreement.\n\n- Key facts:\n",
])
def test_label_lines_without_a_term_code_no_duration(text: str) -> None:
    assert ("PRT-UKR", "duration", 10) not in _provisions(_run(text))


# --- lethal aid said of the aid; what the text confirms points back ---------------------------------

def _scopes(data: dict[str, Any]) -> set[tuple[str, str]]:
    return {(s["donor"], s["scope"]) for s in data["military_scope"]}


@pytest.mark.parametrize("text", [
    "Belgium and Ukraine signed an agreement. Belgium's help under the pact is openly lethal.",
    "Belgium and Ukraine signed an agreement. Belgian support under the agreement is explicitly lethal.",
    "Belgium and Ukraine signed an agreement. Belgium's aid under the text remains lethal.",
    "Belgium and Ukraine signed an agreement. Belgium's deliveries under the agreement are lethal.",
    "Belgium and Ukraine signed an agreement. Belgium's assistance under the agreement was lethal from the start.",
])
def test_lethality_said_of_the_aid(text: str) -> None:
    data = _run(text)
    assert ("BEL", "lethal") in _scopes(data)
    assert ("BEL-UKR", "military_aid_lethal", "present") in _provisions(data)


@pytest.mark.parametrize("text", [
    "Belgium and Ukraine signed an agreement. Belgium's help under the pact is not lethal.",
    "Belgium and Ukraine signed an agreement. Critics fear the weather is lethal for crops.",
    "Belgium and Ukraine signed an agreement. Belgium's help under the pact is non-lethal.",
])
def test_no_lethal_aid_where_the_aid_is_not_said_to_be_lethal(text: str) -> None:
    assert ("BEL-UKR", "military_aid_lethal", "present") not in _provisions(_run(text))


@pytest.mark.parametrize("text", [
    "Denmark and Ukraine signed an agreement. Danish support includes lethal weapons, and the agreement confirms "
    "that this will continue.",
    "Denmark and Ukraine signed an agreement. Danish aid includes weapons, and the text says these deliveries go on.",
    "Denmark and Ukraine signed an agreement. Denmark supplies weapons, and the agreement confirms it.",
])
def test_what_the_text_confirms_points_back_at_the_first_clause(text: str) -> None:
    assert ("DNK-UKR", "military_aid_lethal", "present") in _provisions(_run(text))


def test_what_the_text_says_of_its_own_narrows_the_sentence() -> None:
    text = ("Denmark and Ukraine signed an agreement. Germany co-leads the air defence coalition, and the agreement "
            "says Denmark will train pilots.")
    coded = _provisions(_run(text))
    assert ("DNK-UKR", "air_defence", "present") not in coded


# --- legal nature: "political rather than legal", "Neither agreement is a treaty" -------------------

@pytest.mark.parametrize("text", [
    "Romania and Ukraine signed an agreement. Officials stressed that the agreement has political rather than "
    "legal force.",
    "Romania and Ukraine signed an agreement. The Romanian agreement is described as having political rather than "
    "legal value.",
    "Romania and Ukraine signed an agreement. Romania's text carries political rather than legal weight.",
    "Romania and Ukraine signed an agreement. Neither this agreement nor the others is a treaty.",
    "Romania and Ukraine signed an agreement. None of the Romanian agreement's clauses is a treaty obligation, "
    "and the text is a political document.",
])
def test_a_political_not_legal_text_is_non_binding(text: str) -> None:
    assert ("ROU-UKR", "legal_nature", "non_binding") in _provisions(_run(text))


@pytest.mark.parametrize("text", [
    "Romania and Ukraine signed an agreement. It covers political and legal reforms.",
    "Romania and Ukraine signed an agreement. Political leaders praised the legal team.",
    "Romania and Ukraine signed an agreement. Neither side commented on the weather.",
])
def test_political_and_legal_words_alone_code_no_legal_nature(text: str) -> None:
    assert not any(code == "legal_nature" for _, code, _v in _provisions(_run(text)))


# --- coalitions that are no capability coalition; NATO membership by "the Alliance" -----------------

@pytest.mark.parametrize("text", [
    "Canada and Ukraine signed an agreement. Canada keeps working within the International Coalition for the Return "
    "of Ukrainian Children.",
    "Belgium and Ukraine signed an agreement. Belgium buys shells through a coalition of donor states.",
    "Belgium and Ukraine signed an agreement. Belgium acts in a coalition of countries that share the aim.",
])
def test_coalitions_without_a_capability_are_not_capability_coalitions(text: str) -> None:
    assert not any(code == "capability_coalitions" for _, code, _v in _provisions(_run(text)))


@pytest.mark.parametrize("text", [
    "Canada and Ukraine signed an agreement. Canada co-leads the air force coalition.",
    "Canada and Ukraine signed an agreement. Canada takes part in the demining coalition under the agreement.",
    "Canada and Ukraine signed an agreement. Canada joins the maritime coalition of the contact group.",
])
def test_capability_coalitions_are_still_coded(text: str) -> None:
    assert ("CAN-UKR", "capability_coalitions", "present") in _provisions(_run(text))


@pytest.mark.parametrize(("text", "key"), [
    ("Canada and Ukraine signed an agreement. The agreement anticipates that Ukraine joins the Alliance.", "CAN-UKR"),
    ("Albania and Ukraine signed an agreement. The text says it is no substitute for Ukraine's future membership "
     "of the Alliance.", "ALB-UKR"),
    ("Canada and Ukraine signed an agreement. The agreement supports Ukraine joining the North Atlantic Alliance.",
     "CAN-UKR"),
])
def test_nato_membership_by_the_alliance(text: str, key: str) -> None:
    assert (key, "nato_membership_reference", "present") in _provisions(_run(text))


@pytest.mark.parametrize("text", [
    "Canada and Ukraine signed an agreement. Canada joined the Alliance in 1949.",  # a member's history
    "Canada and Ukraine signed an agreement. The agreement does not mention NATO membership.",
    "Canada and Ukraine signed an agreement. The agreement covers cyber defence.",
])
def test_no_nato_membership_reference_present(text: str) -> None:
    assert ("CAN-UKR", "nato_membership_reference", "present") not in _provisions(_run(text))


# --- the host of a signing signed ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "key", "expected"), [
    ("Croatia's Andrej Plenkovic hosted a signing in Dubrovnik on 9 October 2024.", ("HRV", "UKR"), "2024-10-09"),
    ("Croatia hosted the signing in Dubrovnik on 9 October 2024.", ("HRV", "UKR"), "2024-10-09"),
    ("On 11 April 2024 Latvia hosted a signing with Ukraine in Vilnius.", ("LVA", "UKR"), "2024-04-11"),
    ("Prime Minister Petr Fiala hosted a signing in Prague on 18 July 2024.", ("CZE", "UKR"), "2024-07-18"),
    ("Luxembourg hosted the signing on 10 July 2024, a day before Romania's.", ("LUX", "UKR"), "2024-07-10"),
])
def test_the_host_of_a_signing_signed(text: str, key: tuple[str, ...], expected: str) -> None:
    dates = {tuple(a["parties"]): a.get("date_signed") for a in _run(text)["agreements"]}
    assert dates.get(key) == expected


@pytest.mark.parametrize("text", [
    "The museum hosted a signing of the artist's new book on 9 October 2024.",
    "Croatia hosted a summit in Dubrovnik on 9 October 2024.",
    "Croatia will host a signing next week.",
])
def test_no_signing_without_a_hosting_state(text: str) -> None:
    assert not any(a.get("date_signed") for a in _run(text)["agreements"])


# --- channels: a glossed coalition; the initiative a Czech subject runs ----------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("Portugal takes part in the F-16 (air force) coalition.", "Air force capability coalition (UDCG)"),
    ("Latvia leads the drone (UAV) coalition.", "Drone capability coalition (UDCG)"),
    ("Germany co-leads the IAMD (air defence) coalition.", "IAMD capability coalition (UDCG)"),
    ("Czechia will also keep running the ammunition initiative it launched early this year.",
     "Czech-led ammunition initiative"),
    ("The Czech Republic runs its ammunition initiative with twenty partners.", "Czech-led ammunition initiative"),
])
def test_channels_named_loosely(text: str, name: str) -> None:
    assert name in {c["name"] for c in _run(text)["channels"]}


@pytest.mark.parametrize("text", [
    "Czechia said the weather was fine; the ammunition initiative is another matter.",
    "Denmark runs the ammunition initiative of the Nordic states.",
    "The coalition (founded in 2023) met in Ramstein.",
])
def test_no_czech_initiative_or_kind_without_its_words(text: str) -> None:
    names = {c["name"] for c in _run(text)["channels"]}
    assert "Czech-led ammunition initiative" not in names
    assert not any("capability coalition (UDCG)" in n for n in names)


# --- "not less than" is a floor; a hedged remark keeps the text for "It ..."; humanitarian lists ---

@pytest.mark.parametrize("text", [
    "Portugal and Ukraine signed an agreement. Portugal commits to support of not less than 126 million euros.",
    "Portugal and Ukraine signed an agreement. The agreement provides not fewer than 20 million euros in aid.",
    "Portugal and Ukraine signed an agreement. The agreement commits Portugal to no less than EUR 126 million.",
])
def test_a_floor_is_no_negation(text: str) -> None:
    coded = _provisions(_run(text))
    assert ("PRT-UKR", "financial_commitment", "present") in coded
    assert ("PRT-UKR", "financial_commitment", "absent") not in coded


@pytest.mark.parametrize("text", [
    "The American agreement is an executive agreement. A future president could withdraw from it. "
    "It names no dollar figure.",
    "The American agreement is an executive agreement. Critics say it might not last. It names no dollar figure.",
    "The American agreement is an executive agreement. Perhaps it could be stronger. The text names no dollar figure.",
])
def test_a_hedged_remark_keeps_the_text_for_the_next_sentence(text: str) -> None:
    assert ("UKR-USA", "financial_commitment", "absent") in _provisions(_run(text))


def test_a_hedged_remark_before_another_subject_clears_the_text() -> None:
    text = ("The American agreement is an executive agreement. A future president could withdraw from it. "
            "Elsewhere, budgets name no dollar figure.")
    assert ("UKR-USA", "financial_commitment", "absent") not in _provisions(_run(text))


@pytest.mark.parametrize("text", [
    "Japan and Ukraine signed an accord. Japan will provide aid spread over defence, humanitarian, recovery and "
    "financial support.",
    "Japan and Ukraine signed an accord. The accord gives EUR 5 million for humanitarian purposes.",
    "Japan and Ukraine signed an accord. The accord funds humanitarian projects in Kharkiv.",
])
def test_humanitarian_assistance_in_lists_and_purposes(text: str) -> None:
    assert ("JPN-UKR", "humanitarian_assistance", "present") in _provisions(_run(text))


@pytest.mark.parametrize("text", [
    "Japan and Ukraine signed an accord. Its clauses cover cyber, energy and financial support.",
    "Japan and Ukraine signed an accord. A humanitarian, she said, would rather see peace and financial support.",
    "Japan and Ukraine signed an accord. The accord funds recovery projects in Kharkiv.",
])
def test_no_humanitarian_assistance_without_the_aid(text: str) -> None:
    assert ("JPN-UKR", "humanitarian_assistance", "present") not in _provisions(_run(text))


# --- training with the trainees first; consultations by their rhythm; a partner that aims to ----------

@pytest.mark.parametrize(("text", "key", "code"), [
    ("Greece and Ukraine signed an agreement. It commits Athens to help so that Ukrainian F-16 pilots can be "
     "trained faster.", "GRC-UKR", "training"),
    ("Greece and Ukraine signed an agreement. Under it, Ukrainian technicians are trained in Greece.",
     "GRC-UKR", "training"),
    ("Czechia and Ukraine signed an agreement.\n\nTraining is the core. Prague aims to train up to 4,000 Ukrainian "
     "soldiers a year.", "CZE-UKR", "training"),
    ("Czechia and Ukraine signed an agreement. Under it, they will hold defence consultations once a year.",
     "CZE-UKR", "security_dialogue"),
    ("Czechia and Ukraine signed an agreement. The agreement sets security consultations every six months.",
     "CZE-UKR", "security_dialogue"),
    ("Greece and Ukraine signed an agreement. No term of validity is given.", "GRC-UKR", "duration"),
])
def test_round4_cues(text: str, key: str, code: str) -> None:
    assert any(k == key and c == code for k, c, _v in _provisions(_run(text)))


@pytest.mark.parametrize(("text", "code"), [
    ("Greece and Ukraine signed an agreement. Greek dogs are trained to find truffles.", "training"),
    ("Czechia and Ukraine signed an agreement. Doctors hold consultations once a week in Brno.", "security_dialogue"),
    ("Czechia and Ukraine signed an agreement.\n\nThe weather is poor. Prague aims to host the fair next year.",
     "training"),
])
def test_round4_cues_do_not_overreach(text: str, code: str) -> None:
    assert not any(c == code for _k, c, _v in _provisions(_run(text)))


def test_no_term_of_validity_is_absent() -> None:
    text = "Greece and Ukraine signed an agreement. No term of validity is given."
    assert ("GRC-UKR", "duration", "absent") in _provisions(_run(text))


# --- what Ukraine receives from the partner a document is about is that partner's agreement ----------

@pytest.mark.parametrize("text", [
    "Canada and Ukraine signed an agreement.\n\nAccording to the minister, Ukraine would receive CAD 3.02 billion "
    "in support from Canada in 2024.",
    "Canada and Ukraine signed an agreement.\n\nUkraine will receive CAD 3 billion from Canada this year.",
    "Canada and Ukraine signed an agreement.\n\nOfficials say Kyiv would receive CAD 500 million from Ottawa.",
])
def test_what_ukraine_receives_from_the_partner_is_coded_for_it(text: str) -> None:
    assert ("CAN-UKR", "financial_commitment", "present") in _provisions(_run(text, "2024-02-27"))


@pytest.mark.parametrize("text", [
    "Canada and Ukraine signed an agreement.\n\nUkraine would receive EUR 3 billion from the European Investment "
    "Bank.",
    "Canada and Ukraine signed an agreement.\n\nUkraine will receive USD 5 billion from Japan.",
])
def test_what_ukraine_receives_from_another_giver_is_not_the_partners(text: str) -> None:
    assert ("CAN-UKR", "financial_commitment", "present") not in _provisions(_run(text, "2024-02-27"))


# --- the headline figure of an agreement -------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("When Spain and Ukraine signed in Madrid on 27 May 2024, the headline figure was EUR 1 billion in military "
     "aid for 2024.", ("ESP", 1e9, "EUR", "pledged")),
    ("Spain signed its agreement with Ukraine. The sum is EUR 1 billion in military support for 2024.",
     ("ESP", 1e9, "EUR", "pledged")),
    ("Spain signed its agreement with Ukraine. The amount was EUR 1 billion of aid this year.",
     ("ESP", 1e9, "EUR", "pledged")),
])
def test_the_figure_of_an_agreement_is_pledged(text: str, expected: tuple[str, float, str, str]) -> None:
    assert expected in _commitments(_run(text))


@pytest.mark.parametrize("text", [
    "Spain signed its agreement with Ukraine. The figure was EUR 3 billion of damage to the grid.",
    "Spain signed its agreement with Ukraine. The town's figure was EUR 45 million for a library.",
    "Spain signed its agreement with Ukraine. Could the figure be EUR 2 billion in aid? Nobody knows.",
])
def test_a_figure_that_is_no_aid_is_no_commitment(text: str) -> None:
    assert not any(c[1] in (3e9, 45e6, 2e9) for c in _commitments(_run(text)))


# --- a long question asks; a mid-sentence date looks no further ---------------------------------------

@pytest.mark.parametrize("text", [
    "Ireland signed an agreement with Ukraine. Asked whether Ireland would ever send weapons, the minister said no.",
    "Ireland signed an agreement with Ukraine. Asked if the government might one day supply weapons, she smiled.",
    "Ireland signed an agreement with Ukraine. Questions about whether Dublin should send weapons remain.",
])
def test_a_question_about_weapons_codes_no_lethal_aid(text: str) -> None:
    assert ("IRL-UKR", "military_aid_lethal", "present") not in _provisions(_run(text))


@pytest.mark.parametrize("text", [
    "Ireland signed an agreement with Ukraine on 4 September 2024. A debate in the Dail is scheduled for "
    "17 September 2024. The Irish rugby team plays in Cardiff.",
    "Ireland signed an agreement with Ukraine on 4 September 2024. The library reopens on 17 September 2024. "
    "Ukraine's ambassador attended.",
    "Ireland signed an agreement with Ukraine on 4 September 2024. Our next issue appears on 17 September 2024. "
    "It covers Irish aid to Ukraine.",
])
def test_a_sentence_after_does_not_make_a_mid_sentence_date_topical(text: str) -> None:
    assert "2024-09-17" not in _event_dates(_run(text))


# --- a date that names a text already dated tells no new event -------------------------------------

@pytest.mark.parametrize("text", [
    "Portugal and Ukraine signed on 28 May 2024. The agreement of 28 May 2024 runs for ten years.",
    "Portugal and Ukraine signed on 28 May 2024. Lisbon confirmed the pledge in its agreement of 28 May 2024.",
    "The United States and Ukraine signed on 13 June 2024. The 13 June 2024 text is an executive agreement.",
])
def test_a_date_naming_a_text_already_dated_is_no_new_event(text: str) -> None:
    assert len(_run(text)["events"]) == 1


@pytest.mark.parametrize("text", [
    "The American agreement of 13 June 2024 is an executive agreement.",  # the only mention: the signing
    "Portugal and Ukraine signed on 28 May 2024. Spain had signed on 27 May 2024.",
    "Portugal and Ukraine signed on 28 May 2024. On 28 May 2024 Belgium signed too.",
])
def test_dates_that_tell_a_signing_stay_events(text: str) -> None:
    data = _run(text)
    assert len(data["events"]) == len({s for s in text.split(". ")})


# --- a refused signing; "followed a day later" -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Luxembourg signed on 10 July 2024. Hungary has refused to sign any such agreement.",
    "Luxembourg signed on 10 July 2024. Hungary declined to sign a security agreement with Ukraine.",
    "Luxembourg signed on 10 July 2024. Hungary has not yet signed an agreement with Ukraine.",
    "Luxembourg signed on 10 July 2024. Hungary will never sign such an agreement, its minister said.",
    "Luxembourg signed on 10 July 2024. Hungary hasn't signed an agreement with Ukraine.",
])
def test_a_refused_signing_dates_nothing(text: str) -> None:
    assert all(a.get("date_signed") is None for a in _run(text)["agreements"] if a["parties"] == ["HUN", "UKR"])


@pytest.mark.parametrize(("text", "key", "expected"), [
    ("Luxembourg signed its agreement on 10 July 2024. Romania followed a day later.", ("ROU", "UKR"), "2024-07-11"),
    ("Luxembourg signed its agreement on 10 July 2024. Romania followed a week later.", ("ROU", "UKR"), "2024-07-17"),
    ("Slovakia refused to sign, but Czechia signed its agreement on 18 July 2024.", ("CZE", "UKR"), "2024-07-18"),
])
def test_signings_beside_a_refusal_or_following_stand(text: str, key: tuple[str, ...], expected: str) -> None:
    dates = {tuple(a["parties"]): a.get("date_signed") for a in _run(text)["agreements"]}
    assert dates.get(key) == expected


# --- a package announced with the signing is the agreement's ----------------------------------------

@pytest.mark.parametrize("text", [
    "Germany and Ukraine signed an agreement. Germany will provide EUR 7.1 billion in military support in 2024, "
    "of which EUR 1.1 billion is a new package announced with the signing.",
    "Germany and Ukraine signed an agreement. Germany will provide a package announced at the signing worth "
    "EUR 1.1 billion.",
    "Germany and Ukraine signed an agreement. Germany will give EUR 500 million, announced together with the "
    "agreement.",
])
def test_a_package_announced_with_the_signing_is_coded(text: str) -> None:
    assert ("DEU-UKR", "financial_commitment", "present") in _provisions(_run(text))


@pytest.mark.parametrize("text", [
    "Germany and Ukraine signed an agreement.\n\nGermany announced EUR 500 million in aid last year.",
    "Germany and Ukraine signed an agreement.\n\nGermany had announced a EUR 1 billion package in 2023.",
    "Germany and Ukraine signed an agreement.\n\nSeparately, Germany will provide EUR 300 million for housing.",
])
def test_an_earlier_announcement_is_not_the_agreements(text: str) -> None:
    assert ("DEU-UKR", "financial_commitment", "present") not in _provisions(_run(text))


# --- Markdown Q&A: the answer after a bold question is its own sentence; "Japan's help" is its aid ---

@pytest.mark.parametrize("text", [
    "# Japan's accord with Ukraine\n\nJapan and Ukraine signed an accord.\n\n**Does Japan send weapons?** No. "
    "Japan's help is limited to non-lethal equipment.",
    "# Japan's accord with Ukraine\n\nJapan and Ukraine signed an accord.\n\n__Does Japan send arms?__ No. "
    "Japan's support is limited to non-lethal equipment.",
    "# Japan's accord with Ukraine\n\nJapan and Ukraine signed an accord.\n\nJapan's help is limited to "
    "non-lethal equipment.",
])
def test_an_answer_after_a_bold_question_is_coded(text: str) -> None:
    coded = _provisions(_run(text, "2024-06-20"))
    assert ("JPN-UKR", "military_aid_non_lethal", "present") in coded
    assert ("JPN-UKR", "military_aid_lethal", "absent") in coded


def test_bold_text_closing_a_sentence_splits_it() -> None:
    from accords.extract.segment import _BOUNDARY
    text = "**Does Japan send weapons?** No. Japan's help is limited. *Signed 13 June.* **Term:** ten years."
    assert len(_BOUNDARY.findall(text)) == 4


# --- money given to Ukraine only in a passage that says so ----------------------------------------

_AID_PARAGRAPH = "\n\nNone of these figures is aid to Ukraine."


@pytest.mark.parametrize("text", [
    "European defence budgets\n\nGermany's special fund of EUR 100 billion, created in 2022, is nearly used up.",
    "European defence budgets\n\nFrance adopted a law that sets out EUR 413 billion for 2024 to 2030.",
    "European defence budgets\n\nPoland will spend EUR 35 billion on its army in 2025.",
    "European defence budgets\n\nItaly has allocated EUR 29 billion to its armed forces this year.",
])
def test_a_national_budget_is_no_commitment_to_ukraine(text: str) -> None:
    assert _run(text + _AID_PARAGRAPH, "2025-03-05")["commitments"] == []


def test_a_text_that_never_names_ukraine_or_aid_keeps_its_sums() -> None:
    # (nothing tells the passages apart: the reading of one sentence stands)
    assert _commitments(_run("Norway is providing NOK 2 billion this year.")) == {("NOR", 2e9, "NOK", "pledged")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Germany will provide EUR 7.1 billion in 2024 under the agreement.", ("DEU", 7.1e9, "EUR", "pledged")),
    ("Berlin: Olaf Scholz signed. Germany puts EUR 7.1 billion on the table for 2024.",
     ("DEU", 7.1e9, "EUR", "pledged")),
    ("The Netherlands will give EUR 150 million to the Czech initiative for buying ammunition.",
     ("NLD", 150e6, "EUR", "pledged")),
    ("Denmark and Ukraine signed in Lviv. Denmark will provide EUR 1.8 billion in 2024.",
     ("DNK", 1.8e9, "EUR", "pledged")),
])
def test_money_in_a_passage_about_ukraine_or_aid_stays(text: str, expected: tuple[str, float, str, str]) -> None:
    assert expected in _commitments(_run(text))


# --- a state's own spending is no aid ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Latvia signed its agreement with Ukraine. In 2023 Latvia spent EUR 30 million on new border fences.",
    "Latvia signed its agreement with Ukraine. Latvia paid EUR 12 million for its new frigate last year.",
    "Latvia signed its agreement with Ukraine. Riga spent EUR 4 million on a concert hall.",
])
def test_own_spending_is_no_commitment(text: str) -> None:
    assert _run(text)["commitments"] == []


@pytest.mark.parametrize("text", [
    "Latvia signed its agreement with Ukraine. Latvia has spent EUR 300 million on aid to Ukraine since 2022.",
    "Latvia signed its agreement with Ukraine. Latvia paid EUR 20 million into the Ukraine fund.",
    "Latvia signed its agreement with Ukraine. Latvia spent EUR 10 million on drones for Ukraine in 2023.",
])
def test_spending_for_ukraine_is_provided(text: str) -> None:
    assert any(c["donor"] == "LVA" and c["status"] == "provided" for c in _run(text)["commitments"])


# --- the title gives the main text's term ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Spain and Ukraine sign ten-year security pact\n\nThe two leaders signed a security agreement in Madrid.",
    "# Spain and Ukraine sign a 10-year agreement\n\nThe two leaders signed it in Madrid.",
    "Spain's ten-year accord with Ukraine\n\nThe two leaders signed the accord in Madrid.",
])
def test_the_title_gives_the_term(text: str) -> None:
    assert ("ESP-UKR", "duration", 10) in _provisions(_run(text, "2024-05-28"))


@pytest.mark.parametrize("text", [
    "Ten years of Spanish aid\n\nSpain and Ukraine signed an agreement in Madrid.",  # no partner pair in the title
    "Spain and Ukraine sign security pact\n\nThe two leaders signed a security agreement in Madrid.",
    "The year in review\n\nSpain and Ukraine signed an agreement in Madrid.",
])
def test_a_title_without_a_term_codes_none(text: str) -> None:
    assert not any(c == "duration" and v == 10 for _k, c, v in _provisions(_run(text, "2024-05-28")))


# --- texts "added" ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("At the G7 summit in Apulia on 13 June 2024, the United States and Japan added their texts.",
     {("JPN", "UKR"), ("UKR", "USA")}),
    ("On 31 May 2024 Iceland added its signature to a security agreement with Ukraine.", {("ISL", "UKR")}),
    ("On 27 June 2024 Estonia added its own agreement with Ukraine.", {("EST", "UKR")}),
])
def test_texts_added_are_signed(text: str, expected: set[tuple[str, ...]]) -> None:
    dated = {tuple(a["parties"]) for a in _run(text)["agreements"] if a.get("date_signed")}
    assert expected <= dated


@pytest.mark.parametrize("text", [
    "On 13 June 2024 Japan added EUR 5 million to its aid for Ukraine.",
    "On 13 June 2024 Japan added a clause on demining to its plans.",
    "On 13 June 2024 Japan added their names to a list of donors.",
])
def test_other_additions_sign_nothing(text: str) -> None:
    assert not any(a.get("date_signed") for a in _run(text)["agreements"])
