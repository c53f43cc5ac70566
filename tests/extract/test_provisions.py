"""Provision coding: negation, restriction, hedging, scope, attribution, and the gold bars."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from accords.extract.provisions import code_provisions

from .helpers import gold_texts

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "corpus" / "000_e695dc1c15014f9b.txt"
GOLD_DIR = ROOT / "tests" / "gold"


def split(text: str) -> list[tuple[int, int]]:
    """A simple sentence splitter for tests: full stops followed by a capital, and blank lines."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        pos = para.start()
        for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z\[(])", para.group()):
            spans.append((pos, para.start() + m.start()))
            pos = para.start() + m.end()
        spans.append((pos, para.end()))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def code(text: str, main: str | None = "JPN-UKR") -> set[tuple[str, str, Any]]:
    items = code_provisions(text, split(text), main)
    for item in items:
        assert text[item["span"][0]:item["span"][1]] == item["quote"]
    return {(i["agreement"], i["code"], i["value"]) for i in items}


def test_restriction_to_non_lethal_codes_both_codes() -> None:
    got = code("Under the agreement, these limits restrict the partner's help to non-lethal equipment.")
    assert ("JPN-UKR", "military_aid_non_lethal", "present") in got
    assert ("JPN-UKR", "military_aid_lethal", "absent") in got
    assert ("JPN-UKR", "military_aid_lethal", "present") not in got


def test_negations_code_absent() -> None:
    got = code("In the agreement, Japan has not pledged lethal aid. "
               "The deal makes no direct reference to Ukraine's NATO membership, although Japan supports "
               "its Euro-Atlantic aspirations.")
    assert ("JPN-UKR", "military_aid_lethal", "absent") in got
    assert ("JPN-UKR", "nato_membership_reference", "absent") in got
    assert ("JPN-UKR", "nato_membership_reference", "present") not in got


def test_double_negatives_and_announcements() -> None:
    got = code("The agreement says it does not stand in the way of Ukraine's NATO membership. "
               "The minister announced that Japan will fund demining.")
    assert ("JPN-UKR", "nato_membership_reference", "present") in got
    assert ("JPN-UKR", "nato_membership_reference", "absent") not in got
    assert all(c != "demining" for _, c, _ in got)


def test_not_only_is_not_a_negation() -> None:
    got = code("The agreement covers not only demining but also cyber security.")
    assert ("JPN-UKR", "demining", "present") in got
    assert ("JPN-UKR", "cyber_security", "present") in got


def test_numbers_are_values_and_replace_bare_present() -> None:
    got = code("The agreement sets up a consultation mechanism. The parties will consult within 24 hours "
               "after any future armed attack. The 10-year accord enters into force at signature.")
    assert ("JPN-UKR", "consultation_mechanism", 24) in got
    assert ("JPN-UKR", "consultation_mechanism", "present") not in got
    assert ("JPN-UKR", "duration", 10) in got


def test_hedged_and_background_sentences_are_not_coded() -> None:
    text = ("The agreement covers humanitarian aid.\n\n"
            "Since 2022 the donor has imposed sanctions on Russia. "
            "It also backs Ukraine's territorial integrity.\n\n"
            "Japan, with its industry, has the potential to help air defence. "
            "This could apply to artillery.")
    got = code(text)
    assert ("JPN-UKR", "humanitarian_assistance", "present") in got
    codes = {c for _, c, _ in got}
    assert not codes & {"sanctions", "sovereignty_territorial_integrity", "air_defence", "artillery_long_range"}


def test_sentences_without_agreement_context_are_background() -> None:
    got = code("The Polish army chief discussed training and cyber cooperation in Tokyo.")
    assert got == set()


def test_context_carries_within_a_paragraph_and_into_a_continuation() -> None:
    text = ("In the agreement, Japan pledges support. Japan and Ukraine will counter hybrid threats.\n\n"
            "They will also fight organised crime.\n\n"
            "A separate paragraph about energy.")
    got = code(text)
    assert ("JPN-UKR", "hybrid_threats", "present") in got
    assert ("JPN-UKR", "organised_crime", "present") in got
    assert ("JPN-UKR", "energy", "present") not in got


def test_a_sentence_naming_another_agreement_is_coded_for_it() -> None:
    got = code("The UK-Ukraine agreement provides for artillery deliveries.")
    assert got == {("GBR-UKR", "artillery_long_range", "present")}


def test_partner_sections_and_plural_sentences() -> None:
    text = ("Two agreements signed\n\n"
            "Ukraine signed three new security agreements, each concluded for ten years.\n\n"
            "Spain. Spain will provide air defence.\n\n"
            "Belgium. Belgium will deliver F-16 fighter jets.\n\n"
            "Portugal. Portugal joins the maritime coalition.")
    got = code(text, main=None)
    assert ("ESP-UKR", "air_defence", "present") in got
    assert ("BEL-UKR", "combat_air", "present") in got
    assert ("PRT-UKR", "maritime_security", "present") in got
    assert ("BEL-UKR", "air_defence", "present") not in got
    for key in ("ESP-UKR", "BEL-UKR", "PRT-UKR"):
        assert (key, "duration", 10) in got


def test_dedupe_keeps_the_first_quote() -> None:
    text = "The agreement covers demining. The agreement also covers demining again."
    items = code_provisions(text, split(text), "JPN-UKR")
    demining = [i for i in items if i["code"] == "demining"]
    assert len(demining) == 1 and demining[0]["quote"] == "The agreement covers demining."


def test_text_values_for_legal_nature() -> None:
    got = code("The accord is a political commitment and not legally binding.")
    assert ("JPN-UKR", "legal_nature", "non_binding") in got


def _score(gold: dict[str, Any], items: list[dict[str, Any]]) -> tuple[float, float]:
    want = {(a, c, "present") for a, cs in (gold.get("provisions_present") or {}).items() for c in cs}
    want |= {(a, c, "absent") for a, cs in (gold.get("provisions_absent") or {}).items() for c in cs}
    got = {(i["agreement"], i["code"], "absent" if i["value"] == "absent" else "present") for i in items}
    tp = len(want & got)
    return (tp / len(got) if got else 0.0), (tp / len(want) if want else 1.0)


def test_seed_bar_with_a_simple_splitter() -> None:
    if not SEED.exists():
        pytest.skip("the seed brief in ../shared/corpus is not available")
    text = SEED.read_text(encoding="utf-8")
    gold = json.loads(SEED.with_name(SEED.stem + ".gold.json").read_text(encoding="utf-8"))
    precision, recall = _score(gold, code_provisions(text, split(text), "JPN-UKR"))
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)


def _pipeline() -> Any:
    try:
        from accords.extract.pipeline import extract_path
    except ImportError:
        pytest.skip("the extraction pipeline is not available")
    return extract_path


def test_seed_bar_through_the_pipeline() -> None:
    if not SEED.exists():
        pytest.skip("the seed brief in ../shared/corpus is not available")
    extract_path = _pipeline()
    gold = json.loads(SEED.with_name(SEED.stem + ".gold.json").read_text(encoding="utf-8"))
    data = extract_path(SEED, published="2024-07-15").data
    text = extract_path(SEED, published="2024-07-15").text
    for item in data["provisions"]:
        assert text[item["span"][0]:item["span"][1]] == item["quote"]
    precision, recall = _score(gold, data["provisions"])
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)


def _gold_docs() -> list[Path]:
    out = []
    for g in sorted(GOLD_DIR.glob("*.gold.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        gold = gold.get("gold", gold)
        if gold.get("provisions_present") or gold.get("provisions_absent"):
            out.append(g)
    return out


@pytest.mark.parametrize("gold_path", _gold_docs(), ids=lambda p: p.name.split(".")[0])
def test_gold_documents_bar(gold_path: Path) -> None:
    extract_path = _pipeline()
    raw = json.loads(gold_path.read_text(encoding="utf-8"))
    gold = raw.get("gold", raw)
    stem = gold_path.name[: -len(".gold.json")]
    doc = next(p for p in gold_path.parent.glob(stem + ".*") if not p.name.endswith(".gold.json"))
    data = extract_path(doc, published=raw.get("published")).data
    precision, recall = _score(gold, data["provisions"])
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)


NAME_SAMPLES = [
    "The UK-Ukraine agreement; the Ukraine-UK deal; thus the US and us; U.K.x; xUK; the U.S.-Ukraine pact.",
    "Czech Republic's text, Czech\nRepublic, the EU's own agreement, neutral Europe, Denmark.",
    "the \u212aingdom of Denmar\u212a and the United \u212aingdom; \u0130reland's text, \u017fweden.",
    "Germany.France,Italy;Japan's agreement with Japan",
]


@pytest.mark.parametrize("text", NAME_SAMPLES + [p.read_text(errors="replace") for p in sorted(GOLD_DIR.glob("*.txt"))])
def test_the_name_test_passes_every_range_that_names_a_partner(text: str) -> None:
    # _may_name says False only where _PARTNER, _NAMED_REF and _NAMED_TEXT find nothing in the
    # range (ranges that cut words included: their ends bound a name as a text's ends do).
    from accords.extract import provisions as p

    spots = p._name_spots(text)
    step = 1 if len(text) < 200 else 41  # (every range of a sample)
    for a in range(0, len(text), step):
        for b in range(a, min(len(text), a + 160) + 1, step // 2 + 1):
            found = any(x.search(text[a:b]) for x in (p._PARTNER, p._NAMED_REF, p._NAMED_TEXT))
            assert not found or p._may_name(text, spots, a, b), (a, b, text[a:b])


@pytest.mark.parametrize("text", ["A ten-year pact; a 10-year deal, ١٠-year term; no new money, no sums; 5 billion "
                                  "euros; 2% of GDP, 0.25 per cent of gross domestic product; x10-year, 3 months' notice"]
                         + [p.read_text(errors="replace") for p in sorted(GOLD_DIR.glob("*.txt"))])
def test_cue_scans_are_the_plain_scans(text: str) -> None:
    from accords.codebook import load_codebook
    from accords.extract import provisions as p
    from accords.extract.cues import rules

    for rule in rules(load_codebook()):
        every = tuple(range(len(rule.code.cues)))
        for which in [every, *((i,) for i in every)]:
            pattern = rule.cues(which)
            assert [m.span() for m in p._cue_matches(pattern, text)] == [m.span() for m in pattern.finditer(text)]


EXCLUDE_SAMPLES = [
    "The EUR 5 billion is an estimate, not a pledge.", "We would suggest EUR 2 billion.", "I propose a sum.",
    "Our proposal names EUR 1 billion.", "The correct figure is EUR 3 billion.", "Partners pledge EUR 4 billion.",
    "The ESTIMATE was NOT A COMMITMENT at all.", "Weapons stockpiles grew.", "A coalition of the willing met.",
    "Training of sappers and deminers", "demining training", "I\u0307 propose \u017fome \u212aind of sum.",
]


@pytest.mark.parametrize("sentence", EXCLUDE_SAMPLES)
def test_gated_exclusions_are_the_plain_exclusions(sentence: str) -> None:
    # The keyword test before each exclusion pattern skips only patterns that cannot match.
    from accords.codebook import load_codebook
    from accords.extract.cues import rules
    from accords.extract.prefilter import fold

    for rule in rules(load_codebook()):
        code = rule.code
        if code.exclude:
            plain = any(x.search(sentence) for x in code.exclude)
            assert rule.excluded(sentence, fold(sentence)) == plain, (code.id, sentence)



MAIN_SUBJECTS = [
    "Rome and Kyiv will consult each other.", "Italy and Ukraine will meet yearly.", "Ukraine would receive CAD 3 billion "
    "from Canada.", "Under the deal, the Dutch government will train pilots.", "eastGermany and Ukraine will talk.",
    "The UK will provide GBP 3 billion.", "Officials in Ottawa say Canada pledged more.", "Berlin will pay for it.",
    "Der \u212aanzler: Germany will pay.", "For 2024 the EU has set aside EUR 5 billion.",
]


@pytest.mark.parametrize("text", ["\n".join(MAIN_SUBJECTS)] + [p.read_text(errors="replace")
                                                            for p in sorted(GOLD_DIR.glob("*.txt"))[:40]])
def test_main_subject_name_test_skips_only_sentences_it_cannot_match(text: str) -> None:
    # The name test before _SUBJECT_VERB: without it (a capital "" that every sentence holds) the
    # answer is the same for every main partner.
    from accords.extract import provisions as p

    every_gate = set(range(len(p._GATES)))
    for main in ("CAN", "DEU", "GBR", "ITA", "NLD", "USA", "EUU"):
        names = p._names_of(f"{main}-UKR")
        capitals = p._capitals_of(names)
        for start, end in split(text):
            sentence = text[start:end]
            assert p._main_subject(sentence, every_gate, names, capitals) == \
                p._main_subject(sentence, every_gate, names, ("",)), (main, sentence)


@pytest.mark.parametrize("text", NAME_SAMPLES + gold_texts("gold*"))
def test_partners_at_name_spots_are_the_partners_of_the_range(text: str) -> None:
    # _partners_in matches _PARTNER only where a name spot starts: the same partners as the plain
    # scan of the range, for sentences and for ranges that cut words.
    from accords.extract import provisions as p

    spots = p._name_spots(text)
    ranges = split(text) + [(a, min(len(text), a + n)) for a in range(0, len(text), 5) for n in (9, 70)]
    for a, b in ranges:
        assert p._partners_in(text, spots, a, b) == p._partners(text[a:b]), (a, b, text[a:b])
        assert p._others_in(text, spots, a, b) == p._others(text[a:b])


SUBJECT_SAMPLES = [
    "3. **Croatia** adds no money. The Netherlands, which signed first, will train pilots. Riga promises more.",
    "U.K. will pay; (UK) commits. The Hague offers aid.\nUkraine pledged. Czech Republic shall act. czechia will.",
    "\u212aingdom: Denmark will. \u017fweden will. \u0130taly will. Éire, Ireland will. 12) Italy has not paid.",
    "Swedish aid includes tanks. U.K.'s support is lethal. xSweden's aid is small. Sweden’s aid covers drones.",
]


@pytest.mark.parametrize("text", SUBJECT_SAMPLES + NAME_SAMPLES + gold_texts("gold*"))
def test_name_tests_of_sentences_skip_only_sentences_without_a_match(text: str) -> None:
    # _may_names is _may_name for every range; code_provisions matches _SUBJECT only where it may
    # name a state or holds a capital (its keyword group), and _AID_SUBJECT where it may name one.
    from accords.codebook import load_codebook
    from accords.extract import provisions as p
    from accords.extract.cues import gates
    from accords.extract.prefilter import fold

    occ = gates(load_codebook(), p._GATES).index.scan(fold(text))
    spots = p._name_spots(text)
    sentences = split(text)
    naming = p._may_names(text, spots, sentences)
    assert naming == [p._may_name(text, spots, a, b) for a, b in sentences]
    every_name = set(p._NAME_TO_ISO)
    for (a, b), may in zip(sentences, naming, strict=True):
        sentence = text[a:b]
        if p._SUBJECT.match(sentence):
            assert may or p._CAPITAL_I in occ.groups_in(a, b), sentence
        if p._main_aid(sentence, every_name):
            assert may, sentence
    ranges = [(a, min(len(text), a + 60)) for a in range(0, len(text), 7)]  # (overlapping: the plain way)
    assert p._may_names(text, spots, ranges) == [p._may_name(text, spots, a, b) for a, b in ranges]
