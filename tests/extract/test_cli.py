"""The ``accords extract`` command."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from accords.cli.main import build_app

DOC = "Japan pledged $4.5 billion to Ukraine on 13 June 2024. The 10-year accord was signed in Kyiv.\n"


def test_extract_json(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(DOC)
    result = CliRunner().invoke(build_app(), ["extract", str(path), "--published", "2024-07-15"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["document"]["reference_date_source"] == "given"
    assert data["commitments"][0]["amount"] == 4.5e9


def test_extract_table_and_stdin() -> None:
    result = CliRunner().invoke(build_app(), ["extract", "-", "--format", "table"], input=DOC)
    assert result.exit_code == 0, result.output
    assert "commitments (1)" in result.stdout and "JPN" in result.stdout


def test_bad_published_date_is_a_date_error(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(DOC)
    result = CliRunner().invoke(build_app(), ["extract", str(path), "--published", "2024-02-31"])
    assert result.exit_code != 0
    assert "bad --published" in str(result.exception)


def test_empty_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = CliRunner().invoke(build_app(), ["extract", str(path)])
    assert result.exit_code != 0 and "empty" in str(result.exception)
