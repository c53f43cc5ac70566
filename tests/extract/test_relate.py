"""Relations on small documents: negation and hedging, enumerations, "of which", scope."""

from __future__ import annotations

import pytest

from .helpers import run as _run


@pytest.mark.parametrize("sentence", [
    "Germany is considering a €5 billion package for Ukraine.",
    "Germany could provide €5 billion to Ukraine next year.",
    "Germany has not pledged €5 billion to Ukraine.",
    "Russia's frozen assets are worth about $300 billion.",
])
def test_hedged_or_negated_money_is_no_commitment(sentence: str) -> None:
    assert _run(sentence)["commitments"] == []


def test_negated_lethal_aid_is_no_scope_but_restriction_is() -> None:
    data = _run("Japan has not pledged lethal aid. Japan restricts its assistance to the transfer of "
                "non-lethal military equipment.")
    assert [(s["donor"], s["scope"]) for s in data["military_scope"]] == [("JPN", "non-lethal")]


def test_status_words() -> None:
    data = _run("Japan has pledged and provided $12 billion to Ukraine, of which $4.5 billion is expected "
                "by the end of this year. Germany allocated EUR 7 billion. France delivered EUR 2.1 billion "
                "in 2023. Sweden will provide SEK 75 billion in military aid.")
    got = [(c["donor"], c["amount"], c["status"], c.get("part_of_previous", False)) for c in data["commitments"]]
    assert got == [("JPN", 12e9, "pledged_and_provided", False), ("JPN", 4.5e9, "expected", True),
                   ("DEU", 7e9, "allocated", False), ("FRA", 2.1e9, "provided", False),
                   ("SWE", 75e9, "pledged", False)]
    assert data["commitments"][1]["period"] == "2024"
    assert data["commitments"][4]["category"] == "military"


def test_enumeration_gives_one_mentioned_only_agreement_per_party() -> None:
    data = _run("The accord resembles the agreements that Ukraine has concluded with the U.S., the "
                "United Kingdom, Germany, France, Poland, and others.")
    parties = sorted(tuple(a["parties"]) for a in data["agreements"] if a["mentioned_only"])
    assert parties == [("DEU", "UKR"), ("FRA", "UKR"), ("GBR", "UKR"), ("POL", "UKR"), ("UKR", "USA")]


def test_signing_with_relative_date_place_and_duration() -> None:
    data = _run("Japan and Ukraine met in Kyiv. On 13 June of this year, on the sidelines of the G7 summit "
                "in Apulia, the two leaders signed a bilateral security agreement with Japan. The 10-year "
                "accord follows the G7 joint declaration. They will hold consultations within 24 hours in "
                "the event of a future armed attack on Ukraine.")
    (agreement,) = data["agreements"]
    assert agreement["parties"] == ["JPN", "UKR"]
    assert agreement["date_signed"] == "2024-06-13"
    assert agreement["place"] == "G7 summit in Apulia"
    assert agreement["duration_years"] == 10
    (consult,) = data["consultation_hours"]
    assert consult["hours"] == 24 and consult["trigger"] == "future armed attack on Ukraine"


def test_people_merge_surname_and_role() -> None:
    data = _run("Prime Minister Kishida Fumio spoke. Later Kishida met President Volodymyr Zelensky.")
    assert {(p["name"], p["role"]) for p in data["people"]} == {
        ("Kishida Fumio", "Prime Minister of Japan"), ("Volodymyr Zelensky", "President of Ukraine")}


def test_reference_date_inferred_from_text_when_not_given() -> None:
    data = _run("In June 2024 the leaders met. Last December the arms export rules changed.", published=None)  # type: ignore[arg-type]
    doc = data["document"]
    assert doc["reference_date_source"] == "inferred" and doc["reference_date"].startswith("2024")
    assert "2023-12" in [e["date"] for e in data["events"]]


def test_dateline_gives_the_reference_date() -> None:
    data = _run("KYIV, 13 June 2024 (Newswire) - Canada signed an agreement with Ukraine today.",
                published=None)  # type: ignore[arg-type]
    assert data["document"]["reference_date_source"] == "text"
    assert data["agreements"][0]["date_signed"] == "2024-06-13"


def test_impossible_date_in_text_is_ignored() -> None:
    data = _run("The agreement was signed with Canada on 31 February 2024 in Kyiv.")
    assert all(a.get("date_signed") is None for a in data["agreements"])


def test_table_rows_become_facts() -> None:
    text = ("| Partner | Signed | Term | Money named at signing | Consultations |\n|---|---|---|---|---|\n"
            "| Denmark | 2024-02-23 | 10 years | at least EUR 1.8 billion in military support | within 24 hours |\n")
    data = _run(text)
    assert data["agreements"][0]["date_signed"] == "2024-02-23"
    assert data["commitments"][0]["donor"] == "DNK" and data["commitments"][0]["status"] == "pledged"
    assert data["consultation_hours"][0]["parties"] == ["DNK", "UKR"]


def test_each_of_several_donors_and_plans() -> None:
    data = _run("Norway and Denmark each pledged EUR 100 million for demining. Germany has so far delivered "
                "weapons worth EUR 28 billion, and it plans to add EUR 8 billion in 2025. Ukraine has received "
                "more than $100 billion since 2022.")
    got = [(c["donor"], c["amount"], c["status"]) for c in data["commitments"]]
    assert got == [("NOR", 1e8, "pledged"), ("DNK", 1e8, "pledged"), ("DEU", 28e9, "provided"),
                   ("DEU", 8e9, "pledged")]


def test_agreement_text_with_articles_and_signature_formula() -> None:
    data = _run("AGREEMENT ON SECURITY COOPERATION BETWEEN UKRAINE AND THE KINGDOM OF SPAIN\n\n"
                "Article 3. Consultations. In the event of future Russian armed attack against Ukraine, the "
                "Participants will consult within 24 hours to determine next steps.\n\n"
                "Article 4. This Agreement shall remain in force for ten years.\n\n"
                "Done at Madrid on 27 May 2024, in two originals.", published=None)  # type: ignore[arg-type]
    (agreement,) = data["agreements"]
    assert (agreement["parties"], agreement["date_signed"], agreement["place"], agreement["duration_years"]) == (
        ["ESP", "UKR"], "2024-05-27", "Madrid", 10)
    (consult,) = data["consultation_hours"]
    assert consult["parties"] == ["ESP", "UKR"] and consult["trigger"] == "future Russian armed attack against Ukraine"


def test_organisations_keep_their_own_money() -> None:
    data = _run("Poland had already provided more than 4 billion euros since 2022. Separately, the European "
                "Investment Bank approved a 400 million euro loan for Ukraine. The International Monetary Fund "
                "disbursed $2.2 billion to Kyiv last month.")
    assert [c["donor"] for c in data["commitments"]] == ["POL", "EIB", "IMF"]


def test_signatories_and_speakers_name_the_partner() -> None:
    data = _run("On 16 February, Chancellor Olaf Scholz and President Zelensky signed an agreement in Berlin; "
                "on the same day, President Macron signed one in Paris. Macron announced EUR 3 billion in "
                "military aid for 2024.")
    assert sorted((a["parties"][0], a["date_signed"]) for a in data["agreements"]) == [
        ("DEU", "2024-02-16"), ("FRA", "2024-02-16")]
    assert [(c["donor"], c["amount"]) for c in data["commitments"]] == [("FRA", 3e9)]


def test_wire_dateline_without_year_takes_the_inferred_year() -> None:
    data = _run("TOKYO, April 19 (Newswire) - Japan will lend Ukraine 471.9 billion yen, officials said on "
                "Friday. G7 leaders agreed on the loans at their summit in Apulia last June.",
                published=None)  # type: ignore[arg-type]
    assert data["document"]["reference_date"] == "2025-04-19"
    assert {"2025-04-18", "2024-06"} <= {e["date"] for e in data["events"]}
