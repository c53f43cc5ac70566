"""The codebook file: required codes, validation that catches broken edits, generated docs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from accords.codebook import load_codebook, parse_codebook, render_markdown
from accords.errors import DatasetError, NotFoundError
from accords.extract.provisions import code_provisions

_REQUIRED_TEXT = """military_aid_lethal military_aid_non_lethal air_defence artillery_long_range armoured_vehicles
combat_air maritime_security defence_industrial_base training interoperability intelligence_cooperation
classified_information_exchange cyber_security hybrid_threats disinformation_fimi organised_crime demining
capability_coalitions nato_cap_contribution medical_treatment_of_soldiers cbrn_resilience security_dialogue
consultation_mechanism budget_support reconstruction energy critical_infrastructure transport agriculture
digital manufacturing_industry joint_ventures_research private_sector humanitarian_assistance healthcare
women_peace_security winter_support sovereignty_territorial_integrity nato_membership_reference
eu_membership_support reforms_anti_corruption peace_formula sanctions accountability_war_crimes
compensation_damages immobilised_russian_assets duration termination financial_commitment legal_nature"""
REQUIRED = _REQUIRED_TEXT.split()
PILLARS = {"security_defence", "consultation_mechanism", "economic_reconstruction", "humanitarian",
           "political_reform_accession", "sanctions_accountability", "terms"}
DOCS = Path(__file__).resolve().parents[2] / "docs" / "codebook.md"


def _raw() -> dict[str, Any]:
    from importlib import resources

    text = resources.files("accords.codebook").joinpath("codebook.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def test_shipped_codebook_has_required_codes_and_pillars() -> None:
    cb = load_codebook()
    assert cb.version
    assert len(cb.codes) >= 50
    assert set(REQUIRED) <= set(cb.by_id)
    assert set(cb.pillars) == PILLARS
    assert {c.pillar for c in cb.codes} == PILLARS
    assert len({c.id for c in cb.codes}) == len(cb.codes)
    for code in cb.codes:
        assert code.definition and code.label and len(code.examples) >= 2
        assert code.value_type in ("presence", "number", "text")
    assert cb.get("consultation_mechanism").unit == "hours"
    assert cb.get("duration").unit == "years"


@pytest.mark.parametrize("code_id", [c.id for c in load_codebook().codes])
def test_every_example_is_coded_with_its_own_code(code_id: str) -> None:
    cb = load_codebook()
    for example in cb.get(code_id).examples:
        # An agreement text (title line) puts every sentence in scope.
        text = f"Agreement on Security Cooperation between Ukraine and Japan\n\n{example}"
        start = text.index(example)
        items = code_provisions(text, [(start, len(text))], "JPN-UKR", cb)
        coded = {(i["code"], i["value"] != "absent") for i in items}
        assert (code_id, True) in coded, (example, items)


def test_duplicate_ids_are_refused() -> None:
    raw = _raw()
    raw["codes"].append(dict(raw["codes"][0]))
    with pytest.raises(DatasetError, match="duplicate code id"):
        parse_codebook(raw)


def test_a_pattern_that_does_not_compile_is_refused() -> None:
    raw = _raw()
    raw["codes"][0] = {**raw["codes"][0], "cues": ["(unclosed"]}
    with pytest.raises(DatasetError, match="does not compile"):
        parse_codebook(raw)


def test_an_example_its_cues_do_not_match_is_refused() -> None:
    raw = _raw()
    raw["codes"][0] = {**raw["codes"][0], "examples": ["Nothing relevant here.", "Nor here."]}
    with pytest.raises(DatasetError, match="matches none of its cues"):
        parse_codebook(raw)


def test_missing_version_and_unknown_pillar_are_refused() -> None:
    raw = _raw()
    with pytest.raises(DatasetError, match="version"):
        parse_codebook({**raw, "version": None})
    raw["codes"][0] = {**raw["codes"][0], "pillar": "nowhere"}
    with pytest.raises(DatasetError, match="unknown pillar"):
        parse_codebook(raw)


def test_invalid_yaml_file_is_a_dataset_error(tmp_path: Path) -> None:
    bad = tmp_path / "cb.yaml"
    bad.write_text("version: 1\ncodes:\n  - id: x\n    definition: a: b: c\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="not valid YAML"):
        load_codebook(bad)


def test_unknown_code_and_pillar_lookups_say_what_to_do() -> None:
    cb = load_codebook()
    with pytest.raises(NotFoundError, match="accords codebook"):
        cb.get("no_such_code")
    with pytest.raises(NotFoundError, match="security_defence"):
        cb.in_pillar("nope")
    assert all(c.pillar == "terms" for c in cb.in_pillar("terms"))


def test_docs_page_is_generated_from_the_codebook() -> None:
    if not DOCS.exists():
        pytest.skip("docs/codebook.md not in this checkout")
    assert DOCS.read_text(encoding="utf-8") == render_markdown(load_codebook()), (
        "regenerate: python -m accords.codebook > docs/codebook.md")
