"""The validator passes the shipped data and catches each kind of broken fixture."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from accords.dataset import info, validate
from accords.dataset.validate import check_currency, check_date, check_iso3
from tests.dataset.helpers import copy_shipped, edit, mini


def test_shipped_dataset_is_valid() -> None:
    assert validate() == []


def test_shipped_dataset_covers_the_system() -> None:
    about = info()
    assert about.version == "2026.11.1"
    assert about.records["agreements"] == 29
    assert about.records["declarations"] == 2
    assert about.accessed == ("2026-11-28",)
    assert about.sources > 200


def test_mini_dataset_is_valid(tmp_path: Path) -> None:
    assert validate(mini(tmp_path / "v1", "2026.11.0", duration=10)) == []


@pytest.mark.parametrize(("text", "full", "ok"), [
    ("2024-02-29", True, True), ("2023-02-29", True, False), ("2024-06", False, True), ("2024", False, True),
    ("2024-06", True, False), ("2024-13", False, False), ("31 February 2024", False, False), (20240101, False, False),
])
def test_check_date(text: Any, full: bool, ok: bool) -> None:
    assert (check_date(text, full=full) is None) is ok


def test_codes() -> None:
    assert check_iso3("JPN") is None and check_iso3("EUU") is None and check_iso3("XKX") is None
    assert check_iso3("GBX") is not None and check_iso3("gbr") is not None
    assert check_currency("JPY") is None and check_currency("GBQ") is not None


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        target = doc
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
    return change


BROKEN = [
    ("agreements.yaml", ["agreements", 0, "parties", 0], "GBX", "'GBX' is not an ISO 3166-1 alpha-3"),
    ("agreements.yaml", ["agreements", 0, "date_signed"], "2024-02-30", "not a real calendar date"),
    ("commitments.yaml", ["commitments", 0, "currency"], "GBQ", "not an ISO 4217 currency code"),
    ("events.yaml", ["events", 0, "sources"], [], "no source URL"),
    ("events.yaml", ["events", 1, "sources"], ["ftp://example.org/x"], "is not an http(s) URL"),
    ("commitments.yaml", ["commitments", 0, "agreement"], "UKR-XXX-2024", "'UKR-XXX-2024' is not in agreements.yaml"),
    ("agreements.yaml", ["agreements", 0, "signatories", 0], "PER-nobody", "'PER-nobody' is not in people.yaml"),
    ("commitments.yaml", ["commitments", 0, "channel"], "CH-NOWHERE", "'CH-NOWHERE' is not in channels.yaml"),
    ("events.yaml", ["events", 0, "parties", 0], "ZAF", "party 'ZAF' is not in parties.yaml"),
    ("channels.yaml", ["dataset", "accessed"], "yesterday", "not a date"),
    ("agreements.yaml", ["agreements", 0, "colour"], "red", "Extra inputs are not permitted"),
    ("provisions.yaml", ["provisions", 0, "pillar"], "terms_and_more", "pillar of"),
    ("provisions.yaml", ["provisions", 0, "id"], "UKR-GBR-2024:wrong", "id must be"),
    ("agreements.yaml", ["agreements", 1, "id"], "UKR-GBR-2024", "id already used"),
    ("agreements.yaml", ["agreements", 0, "duration_years"], -3, "not a non-negative number"),
]


@pytest.mark.parametrize(("file", "path", "value", "expected"), BROKEN, ids=[b[3][:30] for b in BROKEN])
def test_broken_fixture_is_caught(tmp_path: Path, file: str, path: list[Any], value: Any, expected: str) -> None:
    root = copy_shipped(tmp_path)
    edit(root, file, _set(path, value))
    problems = validate(root)
    assert any(expected in p for p in problems), problems
    assert all(p.startswith(("agreements", "commitments", "events", "channels", "provisions", "people",
                             "parties", "declarations", "files")) for p in problems)


def test_missing_file_and_bad_yaml(tmp_path: Path) -> None:
    root = mini(tmp_path / "d", "2026.11.0", duration=10)
    (root / "events.yaml").unlink()
    (root / "people.yaml").write_text("people: [unclosed\n", "utf-8")
    problems = validate(root)
    assert "events.yaml: missing" in problems
    assert any(p.startswith("people.yaml: not readable YAML") for p in problems)


def test_validate_cli(tmp_path: Path, cli: Any) -> None:
    code, out, _ = cli("dataset", "validate")
    assert code == 0 and out.startswith("ok: accords-reference@2026.11.1")
    root = copy_shipped(tmp_path)
    edit(root, "agreements.yaml", _set(["agreements", 0, "date_signed"], "2024-02-30"))
    edit(root, "commitments.yaml", _set(["commitments", 0, "currency"], "GBQ"))
    code, out, err = cli("dataset", "validate", str(root))
    assert code == 7
    assert out.splitlines() == [
        "agreements.yaml: UKR-GBR-2024.date_signed: '2024-02-30' is not a real calendar date",
        "commitments.yaml: CMT-GBR-2024-1.currency: 'GBQ' is not an ISO 4217 currency code",
    ]
    assert "2 problem(s)" in err


def test_shipped_json_schemas_match_the_models() -> None:
    from accords.dataset import default_dir
    from accords.dataset.schema import FILES, json_schema_text

    for spec in FILES:
        shipped = default_dir() / "schema" / spec.file.replace(".yaml", ".schema.json")
        assert shipped.read_text("utf-8") == json_schema_text(spec), (
            f"{shipped.name} is stale: run `accords dataset schema src/accords/dataset/data/schema`")
