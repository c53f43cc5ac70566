"""Golden files: the whole extraction of our own gold documents, compared field by field.

Run with ACCORDS_REGEN_GOLDEN=1 to rewrite tests/extract/expected/*.json on purpose after a
deliberate change; review the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from accords.extract.pipeline import extract_path

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent / "gold"
EXPECTED = HERE / "expected"
CASES = ["001_uk_wire.txt", "006_nordic_factsheet.md", "007_eu_joint_commitments.pdf",
         "008_italy_canada_memo.docx", "009_washington_summit.html", "016_baltic_nordic_relative_dates.txt"]


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str) -> None:
    path = GOLD / name
    if not path.exists():
        pytest.skip(f"{name} not in tests/gold")
    gold = json.loads((GOLD / (name.split(".")[0] + ".gold.json")).read_text())
    data = extract_path(path, gold.get("published")).data
    data.pop("provisions", None)  # coded by accords.extract.provisions, tested on its own
    target = EXPECTED / (name.split(".")[0] + ".json")
    if os.environ.get("ACCORDS_REGEN_GOLDEN") == "1" or not target.exists():
        if os.environ.get("ACCORDS_REGEN_GOLDEN") != "1":
            pytest.fail(f"{target.name} missing; run with ACCORDS_REGEN_GOLDEN=1 to create it")
        target.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    expected = json.loads(target.read_text())
    for key in expected:
        assert data[key] == expected[key], f"{name}: {key} changed (ACCORDS_REGEN_GOLDEN=1 to accept)"
