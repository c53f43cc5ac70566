"""The scoring rules of accords.extract.evaluate, on hand-made pairs and against score.py."""

from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from accords.extract.evaluate import (
    CORE_KEYS,
    KeyScore,
    amounts_match,
    names_match,
    quote_problems,
    score_corpus,
    score_document,
)

SHARED = Path("/work/shared")
SEED_GOLD = SHARED / "corpus" / "000_e695dc1c15014f9b.gold.json"
SCORE_PY = SHARED / "tools" / "score.py"


def commitment(amount: float, **kw: Any) -> dict[str, Any]:
    base = {"donor": "JPN", "recipient": "UKR", "amount": amount, "currency": "USD", "status": "pledged"}
    return {**base, **kw}


# ---------------------------------------------------------------- hand-made pairs

@pytest.mark.parametrize(("pred_amount", "ok"), [
    (4.5e9, True), (4.5e9 * 1.0049, True), (4.5e9 * 0.9951, True),
    (4.5e9 * 1.0051, False), (4.5e9 * 0.99, False), (None, False), ("4500000000", True),
])
def test_amount_tolerance_is_half_a_percent(pred_amount: Any, ok: bool) -> None:
    assert amounts_match(4.5e9, pred_amount) is ok
    report = score_document({"commitments": [commitment(4.5e9)]}, {"commitments": [commitment(pred_amount)]})
    assert report.scores["commitments"].tp == (1 if ok else 0)


@pytest.mark.parametrize("field", ["donor", "currency", "status"])
def test_commitment_key_fields_must_agree(field: str) -> None:
    pred = commitment(4.5e9, **{field: "XXX"})
    s = score_document({"commitments": [commitment(4.5e9)]}, {"commitments": [pred]}).scores["commitments"]
    assert (s.tp, s.pred, s.gold) == (0, 1, 1)


def test_commitment_ignores_non_key_fields() -> None:
    pred = commitment(4.5e9, period="2030", category="military", quote="elsewhere")
    assert score_document({"commitments": [commitment(4.5e9)]}, {"commitments": [pred]}).scores[
        "commitments"].tp == 1


@pytest.mark.parametrize(("gold", "pred", "ok"), [
    ("Kishida Fumio", "Fumio Kishida", True),
    ("Kishida Fumio", "Prime Minister Kishida Fumio", True),
    ("Kishida Fumio", "Kishida", False),             # one shared token of a two-token gold name
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy", False),
    ("Pedro Sánchez", "Pedro Sanchez", True),        # accents fold
    ("Ursula von der Leyen", "von der Leyen", True),
    ("Rutte", "Mark Rutte", True),                   # a one-word gold name needs its one token
    ("Mark Rutte", "Mark Carney", False),
])
def test_people_match_on_name_tokens_in_any_order(gold: str, pred: str, ok: bool) -> None:
    assert names_match(gold, pred) is ok


def test_agreements_match_on_parties_then_date_and_duration_where_gold_has_them() -> None:
    gold = {"agreements": [
        {"parties": ["UKR", "JPN"], "date_signed": "2024-06-13", "duration_years": 10},
        {"parties": ["USA", "UKR"], "mentioned_only": True},
    ]}
    good = {"agreements": [{"parties": ["JPN", "UKR"], "date_signed": "2024-06-13", "duration_years": 10},
                           {"parties": ["UKR", "USA"], "date_signed": "2024-06-13", "mentioned_only": True}]}
    s = score_document(gold, good).scores["agreements"]
    assert (s.tp, s.pred, s.gold) == (2, 2, 2)

    wrong_date = copy.deepcopy(good)
    wrong_date["agreements"][0]["date_signed"] = "2024-06-14"
    assert score_document(gold, wrong_date).scores["agreements"].tp == 1

    no_duration = copy.deepcopy(good)
    del no_duration["agreements"][0]["duration_years"]
    assert score_document(gold, no_duration).scores["agreements"].tp == 1

    other_parties = {"agreements": [{"parties": ["GBR", "UKR"]}]}
    s = score_document(gold, other_parties).scores["agreements"]
    assert (s.tp, s.pred, s.gold) == (0, 1, 2)


def test_consultations_scope_and_events() -> None:
    gold = {"consultation_hours": [{"parties": ["JPN", "UKR"], "hours": 24}],
            "military_scope": [{"donor": "JPN", "scope": "non-lethal"}],
            "events": [{"date": "2024-06-13"}, {"date": "2023-12"}]}
    pred = {"consultation_hours": [{"parties": ["UKR", "JPN"], "hours": 48}],
            "military_scope": [{"donor": "jpn", "scope": "Non-Lethal"}, {"donor": "JPN", "scope": "lethal"}],
            "events": [{"date": "2023-12"}, {"date": "2024-06"}]}
    r = score_document(gold, pred)
    assert r.scores["consultation_hours"].tp == 0
    assert (r.scores["military_scope"].tp, r.scores["military_scope"].pred) == (1, 2)
    assert (r.scores["events"].tp, r.scores["events"].pred, r.scores["events"].gold) == (1, 2, 2)
    kinds = {(d.key, d.kind) for d in r.details}
    assert ("military_scope", "extra") in kinds and ("events", "miss") in kinds


def test_provisions_from_gold_maps_and_numeric_values_count_as_present() -> None:
    gold = {"provisions_present": {"JPN-UKR": ["consultation_mechanism", "demining"]},
            "provisions_absent": {"JPN-UKR": ["military_aid_lethal"]}}
    pred = {"provisions": [
        {"agreement": "JPN-UKR", "code": "consultation_mechanism", "value": 24},
        {"agreement": "UKR-JPN", "code": "demining", "value": "present"},
        {"agreement": "JPN-UKR", "code": "military_aid_lethal", "value": "present"},
    ]}
    s = score_document(gold, pred).scores["provisions"]
    assert (s.tp, s.pred, s.gold) == (2, 3, 3)


def test_provisions_are_not_scored_without_gold_coding() -> None:
    pred = {"provisions": [{"agreement": "JPN-UKR", "code": "demining", "value": "present"}]}
    assert "provisions" not in score_document({"agreements": []}, pred).scores


def test_optional_gold_items_neither_credit_nor_penalise() -> None:
    gold = {"events": [{"date": "2024-05-31"}, {"date": "2024-05-31", "optional": True},
                       {"date": "2024-02-23", "optional": True}]}
    with_optional = score_document(gold, {"events": [{"date": "2024-05-31"}, {"date": "2024-05-31"}]})
    without = score_document(gold, {"events": [{"date": "2024-05-31"}]})
    for r in (with_optional, without):
        s = r.scores["events"]
        assert (s.tp, s.pred, s.gold) == (1, 1, 1)
        assert s.f1 == 1.0
    extra = score_document(gold, {"events": [{"date": "2024-05-31"}] * 3}).scores["events"]
    assert (extra.tp, extra.pred, extra.gold) == (1, 2, 1)


def test_empty_gold_and_empty_prediction_is_perfect_but_any_extra_is_not() -> None:
    assert score_document({}, {}).scores["commitments"].f1 == 1.0
    s = score_document({}, {"commitments": [commitment(5e9, donor="DEU", currency="EUR")]}).scores["commitments"]
    assert (s.precision, s.f1) == (0.0, 0.0)


def test_corpus_sums_counts_before_computing_f1() -> None:
    a = ("a", {"events": [{"date": "2024"}]}, {"events": [{"date": "2024"}]})
    b = ("b", {"events": [{"date": "2023"}, {"date": "2022"}]}, {"events": []})
    r = score_corpus([a, b])
    assert r.scores["events"] == KeyScore("events", 1, 1, 3)
    assert r.documents == ["a", "b"]
    assert r.below(0.9) and r.scores["events"] in r.below(0.9)


def test_channels_match_by_quote_or_name() -> None:
    gold = {"channels": [{"name": "NATO Comprehensive Assistance Package for Ukraine",
                          "quote": "Comprehensive Assistance Package for Ukraine"},
                         {"name": "Ukraine Compact", "quote": "Ukraine Compact"}]}
    pred = {"channels": [{"name": "NATO CAP", "quote": "NATO's Comprehensive Assistance Package for Ukraine"},
                         {"name": "Ukraine Compact", "quote": "the Compact"},
                         {"name": "Ramstein format", "quote": "Ramstein"}]}
    s = score_document(gold, pred).scores["channels"]
    assert (s.tp, s.pred, s.gold) == (2, 3, 2)
    assert "channels" not in CORE_KEYS


def test_quote_problems_checks_every_span() -> None:
    text = "Japan pledges $4.5 billion."
    good = {"commitments": [{"quote": "$4.5 billion", "span": [14, 26]}], "people": [{"name": "x"}]}
    bad = {"events": [{"quote": "Japan", "span": [1, 6]}], "channels": [{"quote": "x", "span": "oops"}]}
    assert quote_problems(text, good) == []
    assert len(quote_problems(text, bad)) == 2


# ---------------------------------------------------------------- agreement with score.py

def _score_py() -> ModuleType:
    if not SCORE_PY.exists() or not SEED_GOLD.exists():
        pytest.skip("/work/shared (score.py and the seed gold) is not available")
    spec = importlib.util.spec_from_file_location("shared_score", SCORE_PY)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _as_prediction(gold: dict[str, Any]) -> dict[str, Any]:
    pred = {k: copy.deepcopy(v) for k, v in gold.items() if isinstance(v, list)}
    pred["provisions"] = [{"agreement": ag, "code": c, "value": value}
                          for field, value in (("provisions_present", "present"), ("provisions_absent", "absent"))
                          for ag, codes in (gold.get(field) or {}).items() for c in codes]
    return pred


def _perturbed(gold: dict[str, Any]) -> dict[str, Any]:
    pred = _as_prediction(gold)
    pred["commitments"][0]["amount"] *= 1.004              # still within 0.5 %
    pred["commitments"][1]["amount"] *= 1.02               # now outside
    pred["commitments"].append({"donor": "DEU", "amount": 5e9, "currency": "EUR", "status": "pledged"})
    pred["agreements"][0]["date_signed"] = "2024-06-14"    # main agreement: wrong date
    del pred["agreements"][3]                              # a mentioned-only agreement missed
    pred["people"][0]["name"] = "Fumio Kishida"            # other name order: still a match
    pred["people"].append({"name": "Kishida", "role": "PM"})
    pred["events"] = [*pred["events"][:-2], {"date": "2024-07"}]
    pred["military_scope"].append({"donor": "JPN", "scope": "lethal"})
    pred["consultation_hours"][0]["hours"] = 48
    pred["provisions"] = [*pred["provisions"][3:],
                          {"agreement": "JPN-UKR", "code": "duration", "value": 10},
                          {"agreement": "JPN-UKR", "code": "military_aid_lethal", "value": "present"}]
    return pred


def _reference_counts(module: ModuleType, gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, list[int]]:
    counts: dict[str, list[int]] = {}
    module.score_pair(gold, pred, counts)
    return counts


@pytest.mark.parametrize("make_pred", [_as_prediction, _perturbed], ids=["identical", "perturbed"])
def test_same_numbers_as_score_py_on_the_seed(make_pred: Any, capsys: pytest.CaptureFixture[str]) -> None:
    module = _score_py()
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    pred = make_pred(gold)
    expected = _reference_counts(module, gold, pred)
    ours = score_document(gold, pred, "seed")
    for key in CORE_KEYS:
        assert [ours.scores[key].tp, ours.scores[key].pred, ours.scores[key].gold] == expected[key], key
    f1 = module.report(expected)
    capsys.readouterr()
    assert ours.overall.f1 == pytest.approx(f1)
    if make_pred is _as_prediction:
        assert ours.overall.f1 == 1.0 and not [d for d in ours.details if d.key in CORE_KEYS]
    else:
        assert 0.5 < ours.overall.f1 < 1.0
        assert ours.scores["commitments"] == KeyScore("commitments", 1, 3, 2)
        assert ours.scores["people"].tp == 2


# ---------------------------------------------------------------- the `accords eval` command

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold"


def _run(args: list[str]) -> Any:
    from typer.testing import CliRunner

    from accords.cli.main import build_app

    return CliRunner().invoke(build_app(), args)


def _pair(tmp_path: Path, gold: dict[str, Any], pred: dict[str, Any]) -> tuple[Path, Path]:
    g, p = tmp_path / "x.gold.json", tmp_path / "x.pred.json"
    g.write_text(json.dumps(gold), encoding="utf-8")
    p.write_text(json.dumps(pred), encoding="utf-8")
    return g, p


def test_eval_command_scores_a_saved_prediction(tmp_path: Path) -> None:
    gold = {"published": None, "commitments": [commitment(4.5e9)], "events": [{"date": "2024-06-13"}]}
    g, p = _pair(tmp_path, gold, {"commitments": [commitment(4.5e9)], "events": [{"date": "2024-06"}]})
    result = _run(["eval", str(g), "--pred", str(p), "--format", "json", "--verbose"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["keys"]["commitments"]["f1"] == 1.0 and body["keys"]["events"]["f1"] == 0.0
    assert {(d["key"], d["kind"]) for d in body["details"]} == {("events", "miss"), ("events", "extra")}

    table = _run(["eval", str(g), "--pred", str(p), "--verbose"])
    assert table.exit_code == 0 and "overall" in table.output and "MISS" in table.output

    strict = _run(["eval", str(g), "--pred", str(p), "--min-f1", "0.9"])
    assert strict.exit_code == 1
    lenient = _run(["eval", str(g), "--pred", str(p), "--min-f1", "0.0"])
    assert lenient.exit_code == 0


def test_eval_command_refuses_bad_input(tmp_path: Path) -> None:
    from accords.errors import InputError

    g, p = _pair(tmp_path, {"published": None}, {})
    no_document = _run(["eval", str(g)])
    assert isinstance(no_document.exception, InputError) and "no document found" in str(no_document.exception)
    p.write_text("{not json", encoding="utf-8")
    bad_json = _run(["eval", str(g), "--pred", str(p)])
    assert isinstance(bad_json.exception, InputError)
    two = _run(["eval", str(g), str(g), "--pred", str(p)])
    assert isinstance(two.exception, InputError)
    missing = _run(["eval", str(tmp_path / "nope.gold.json")])
    assert isinstance(missing.exception, InputError)


def test_eval_command_runs_the_pipeline_on_the_document_beside_the_gold(tmp_path: Path) -> None:
    pytest.importorskip("accords.extract.pipeline")
    for name in ("013_air_defence_commentary.txt", "013_air_defence_commentary.gold.json"):
        (tmp_path / name).write_bytes((GOLD_DIR / name).read_bytes())
    result = _run(["eval", str(tmp_path), "--format", "json", "--by-document"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["documents"] == ["013_air_defence_commentary"]
    assert [row["document"] for row in body["by_document"]] == ["013_air_defence_commentary"]
    assert body["keys"]["commitments"]["pred"] == 0 and body["span_problems"] == []


def test_a_gold_files_own_published_date_wins_over_the_fallback() -> None:
    from accords.cli.eval_cmds import document_for, published_for
    from accords.errors import DateError, InputError

    assert published_for({"published": "2024-06-17"}, "2030-01-01") == "2024-06-17"
    assert published_for({"published": None}, "2030-01-01") is None
    assert published_for({}, "2024-07-15") == "2024-07-15"
    assert published_for({}, None) is None
    with pytest.raises(DateError):
        published_for({"published": "2024-02-31"}, None)
    assert document_for(GOLD_DIR / "007_eu_joint_commitments.gold.json").suffix == ".pdf"
    with pytest.raises(InputError):
        document_for(GOLD_DIR / "999_missing.gold.json")
