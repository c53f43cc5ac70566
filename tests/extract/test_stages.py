"""Each stage on small strings: normalize (offset map), segment, recognizers."""

from __future__ import annotations

from datetime import date

import pytest

from accords.extract import segment
from accords.extract.normalize import normalize
from accords.extract.recognize.channels import recognize_channels
from accords.extract.recognize.dates import recognize_dates, resolve
from accords.extract.recognize.money import recognize_money
from accords.extract.recognize.parties import recognize_parties
from accords.extract.recognize.people import recognize_people
from accords.extract.recognize.quantities import recognize_durations, recognize_time_limits


def _orig(text: str, phrase: str) -> str:
    norm, omap = normalize(text)
    i = norm.index(phrase)
    s, e = omap.span(i, i + len(phrase))
    return text[s:e]


def test_normalize_unescapes_and_drops_links_keeping_quotes_exact() -> None:
    text = "Japan gave \\$12 billion to [another](#) fund and [the U.S.](http://x.y/z) too."
    norm, _ = normalize(text)
    assert norm == "Japan gave $12 billion to another fund and the U.S. too."
    assert _orig(text, "$12 billion") == "\\$12 billion"
    assert _orig(text, "another") == "[another](#)"
    assert _orig(text, "U.S.") == "U.S."  # part of the link text: no stray markup
    assert _orig(text, "Japan gave") == "Japan gave"


def test_normalize_rejoins_broken_paragraphs_only() -> None:
    text = ("The parties set up a mechanism for consultations. They meet in the event of a future\n\n"
            "Russian attack on Ukraine.\n\nShort Heading\n\nNext paragraph starts here.")
    norm, omap = normalize(text)
    assert "a future Russian attack" in norm
    assert "Short Heading\n\nNext" in norm
    i = norm.index("future Russian")
    s, e = omap.span(i, i + len("future Russian"))
    assert text[s:e] == "future\n\nRussian"


def test_normalize_quotes_dashes_spaces_keep_offsets() -> None:
    text = "\u201cKyiv\u201d \u2013 the\u00a0capital"
    norm, omap = normalize(text)
    assert norm == '"Kyiv" - the capital'
    assert omap.span(1, 5) == (1, 5)


def test_segment_run_in_headings_and_sentences() -> None:
    text = ("Title Of The Brief\n\nSecurity and Defence. In the agreement, Japan pledges help to the U.S. "
            "Congress. It also pledges more. Dr. Smith agrees.")
    paras = segment.paragraphs(text)
    sents = [text[a:b] for a, b in segment.sentences(text, paras)]
    assert sents[1] == "Security and Defence."
    assert "In the agreement, Japan pledges help to the U.S. Congress." in sents
    assert "Dr. Smith agrees." in sents
    titles = [s.title for s in segment.sections(text, paras)]
    assert "Title Of The Brief" in titles and "Security and Defence" in titles


@pytest.mark.parametrize(("text", "code"), [
    ("Japan pledged", "JPN"), ("the U.S. said", "USA"), ("Japanese aid", "JPN"),
    ("the United Kingdom agreed", "GBR"), ("the EU pays", "EUU"), ("Türkiye hosts", "TUR"),
    ("Tokyo pledged more", "JPN"), ("Kyiv's view", "UKR"), ("South Korea sent", "KOR"),
])
def test_parties(text: str, code: str) -> None:
    assert [m.value for m in recognize_parties(text)][:1] == [code]


def test_party_guards() -> None:
    assert recognize_parties("the Japan-Ukraine conference in Tokyo") [-1].value == "UKR"  # Tokyo: a place
    assert not [m for m in recognize_parties("a Tokyo conference was held") if m.value == "JPN"]
    org = recognize_parties("the Japan External Trade Organization")
    assert org and org[0].extra["in_name"]


def test_people_both_orders_and_roles() -> None:
    people = recognize_people("Prime Minister Kishida Fumio met Japanese Prime Minister Fumio Kishida.")
    assert {p.text for p in people} == {"Kishida Fumio", "Fumio Kishida"}
    assert all(p.extra["role"] == "Prime Minister" for p in people)
    trail = recognize_people("said Olaf Scholz, the German chancellor.")
    assert trail[0].text == "Olaf Scholz" and trail[0].extra["country"] == "DEU"


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("$12 billion", 12e9, "USD"), ("USD 4.5bn", 4.5e9, "USD"), ("€7 billion", 7e9, "EUR"),
    ("2.5 billion pounds", 2.5e9, "GBP"), ("EUR 1.1bn", 1.1e9, "EUR"), ("SEK 75 billion", 75e9, "SEK"),
    ("¥520 billion", 520e9, "JPY"), ("up to €3bn", 3e9, "EUR"), ("$4-5 billion", 4e9, "USD"),
    ("500 million euros", 5e8, "EUR"), ("CAD 3.02 billion", 3.02e9, "CAD"), ("2 milliard euro", 2e9, "EUR"),
])
def test_money_forms(text: str, amount: float, currency: str) -> None:
    (m,) = recognize_money(text)
    assert m.value == pytest.approx(amount) and m.extra["currency"] == currency


def test_money_escaped_dollar_via_normalize() -> None:
    norm, _ = normalize("Japan pledged \\$4.5 billion.")
    assert recognize_money(norm)[0].value == pytest.approx(4.5e9)


REF = date(2024, 7, 15)


@pytest.mark.parametrize(("text", "value"), [
    ("last December's amendments", "2023-12"), ("On 13 June of this year, they", "2024-06-13"),
    ("by the end of this year", "2024"), ("next year", "2025"), ("in April this year", "2024-04"),
    ("in February 2022", "2022-02"), ("June 13, 2024", "2024-06-13"), ("On 01.03.2024 the", "2024-03-01"),
    ("on Thursday", "2024-07-11"), ("last month", "2024-06"), ("2024-02-16", "2024-02-16"),
])
def test_dates_resolved_against_reference(text: str, value: str) -> None:
    found = [resolve(m.extra, REF) for m in recognize_dates(text)]
    assert value in found


def test_impossible_date_is_dropped_not_raised() -> None:
    (m,) = recognize_dates("signed on 31 February 2024")
    assert resolve(m.extra, REF) is None


def test_month_as_verb_is_not_a_date() -> None:
    assert recognize_dates("March on, said the minister. Japan may agree.") == []


@pytest.mark.parametrize(("text", "years"), [
    ("The 10-year accord", 10), ("valid for ten years", 10), ("for a decade", 10), ("ten-year pact", 10)])
def test_durations(text: str, years: int) -> None:
    assert [m.value for m in recognize_durations(text)] == [years]


def test_years_after_is_not_a_duration() -> None:
    assert recognize_durations("two years after the invasion began") == []


@pytest.mark.parametrize(("text", "hours"), [
    ("consult within 24 hours", 24), ("within twenty-four hours", 24), ("within 3 days", 72)])
def test_time_limits(text: str, hours: int) -> None:
    assert [m.value for m in recognize_time_limits(text)] == [hours]


def test_channels() -> None:
    names = {m.value for m in recognize_channels(
        "It joins the Ukraine Defense Contact Group, the Donor Coordination Platform and the IT Coalition.")}
    assert names == {"Ukraine Defence Contact Group", "Donor Coordination Platform for Ukraine",
                     "UDCG capability coalitions"}


def test_pipeline_registry_names_every_stage_with_a_version() -> None:
    from accords.extract.pipeline import CHAIN, REGISTRY, versions

    assert CHAIN[0] == "normalize" and "relate" in CHAIN
    assert set(CHAIN) <= set(REGISTRY)
    assert all(v for v in versions().values())


def test_chain_can_stop_early() -> None:
    from accords.extract.pipeline import extract_bytes

    res = extract_bytes(b"Japan pledged $1 billion to Ukraine.", "x.txt", "2024-07-15",
                        chain=["normalize", "segment", "recognize", "reference"])
    assert res.data["commitments"] == [] and res.data["document"]["reference_date"] == "2024-07-15"


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("4.5 mlrd USD", 4.5e9, "USD"), ("USD 4.5 billions", 4.5e9, "USD"), ("300 millions of dollars", 3e8, "USD"),
    ("EUR 5 mln", 5e6, "EUR"), ("2,5 billion euro", 2.5e9, "EUR")])
def test_money_non_native_forms(text: str, amount: float, currency: str) -> None:
    (m,) = recognize_money(text)
    assert m.value == pytest.approx(amount) and m.extra["currency"] == currency


def test_one_word_before_a_role_is_no_person_unless_known() -> None:
    # (the trail pattern runs as its ASCII twin on plain text: the filter must recognise either form)
    text = ("The speech was given at Blenheim Palace in Oxfordshire, Prime Minister of the United Kingdom "
            "Keir Starmer said later.")
    assert [m.text for m in recognize_people(text)] == ["Keir Starmer"]
