"""Exports open with pandas and openpyxl, carry a datapackage.json, and round-trip to the same facts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from accords.errors import InputError
from accords.export import export, import_export
from accords.settings import get_settings
from accords.store import statements as st
from accords.store import views
from accords.store.db import connect, session_scope

NOW = datetime(2026, 11, 28, 3, 0, tzinfo=UTC)
TABLES = ["parties", "people", "agreements", "provisions", "commitments", "channels", "events", "statements",
          "documents"]


def _facts(session: Session) -> set[tuple[str, str, str, str]]:
    return {(s.entity_id, s.prop, json.dumps(s.value, sort_keys=True), s.status) for s in st.find(session)}


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_directory_formats_open_with_pandas(loaded: Session, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / fmt
    files = export(loaded, fmt, out, now=NOW)
    assert files[-1] == out / "datapackage.json"
    dp = json.loads(files[-1].read_text("utf-8"))
    assert [r["name"] for r in dp["resources"]] == TABLES
    for res in dp["resources"]:
        path = out / res["path"]
        df = pd.read_json(path) if fmt == "json" else pd.read_csv(path) if fmt == "csv" else pd.read_parquet(path)
        names = [f["name"] for f in res["schema"]["fields"]]
        if len(df):
            assert list(df.columns) == names
        assert all(f["description"] and f["type"] for f in res["schema"]["fields"])
    agreements = pd.read_csv(out / "agreements.csv") if fmt == "csv" else None
    if agreements is not None:
        assert len(agreements) == 29
        jpn = agreements.set_index("id").loc["UKR-JPN-2024"]
        assert (jpn["consultation_hours"], jpn["duration_years"], jpn["military_scope"]) == (24, 10, "non-lethal")
        hours = next(f for r in dp["resources"] if r["name"] == "agreements"
                     for f in r["schema"]["fields"] if f["name"] == "consultation_hours")
        assert hours["unit"] == "hours" and hours["type"] == "number"
        gbr = agreements.set_index("id").loc["UKR-GBR-2024"]
        assert "legally_binding: " in gbr["conflicts"] and "contested" in gbr["conflicts"]


def test_xlsx_opens_with_openpyxl(loaded: Session, tmp_path: Path) -> None:
    out = tmp_path / "accords.xlsx"
    files = export(loaded, "xlsx", out, now=NOW)
    assert files == [out, tmp_path / "accords.datapackage.json"]
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.sheetnames == TABLES
    rows = list(wb["agreements"].iter_rows(values_only=True))
    assert len(rows) == 30 and rows[0][0] == "id"
    commitments = pd.read_excel(out, sheet_name="commitments")
    era = commitments.set_index("id").loc["CMT-JPN-2025-04-18-ERA"]
    assert (era["amount"], era["currency"], era["status"]) == (471.9e9, "JPY", "allocated")


def test_as_of_before_the_load_is_empty(loaded: Session, tmp_path: Path) -> None:
    export(loaded, "csv", tmp_path / "old", now=NOW, as_of=datetime(2026, 10, 1, tzinfo=UTC))
    assert pd.read_csv(tmp_path / "old" / "agreements.csv").empty
    assert "as of 2026-10-01" in json.loads((tmp_path / "old" / "datapackage.json").read_text())["description"]


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Engine]:
    engine = connect(get_settings(database_url=f"sqlite:///{tmp_path}/fresh.db"))
    yield engine
    engine.dispose()


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_round_trip_gives_the_same_facts(loaded: Session, tmp_path: Path, fresh: Engine, fmt: str) -> None:
    # A reviewed change must survive too: reject one statement before exporting.
    victim = st.find(loaded, entity_id="UKR-ESP-2024", prop="consultation_hours")[0]
    st.review(loaded, victim.id, "rejected", who="analyst", why="blog source only", now=NOW)
    out = tmp_path / ("x.xlsx" if fmt == "xlsx" else fmt)
    export(loaded, fmt, out, now=NOW)
    with session_scope(fresh) as s2:
        added, _ = import_export(s2, out, who="import", now=NOW)
        assert added == len(st.find(loaded))
        assert _facts(s2) == _facts(loaded)
        assert views.agreements(s2) == views.agreements(loaded)
        assert {c.id: c.amount for c in views.commitments(s2)} == {c.id: c.amount for c in views.commitments(loaded)}
        assert import_export(s2, out, who="import", now=NOW) == (0, 0)


def test_xlsx_round_trip(session: Session, tmp_path: Path, fresh: Engine) -> None:
    from accords.dataset import load_reference
    from tests.dataset.helpers import mini

    load_reference(session, who="t", now=NOW, data_dir=mini(tmp_path / "v1", "2026.11.0", duration=10))
    out = tmp_path / "x.xlsx"
    export(session, "xlsx", out, now=NOW)
    with session_scope(fresh) as s2:
        added, _ = import_export(s2, out, who="import", now=NOW)
        assert added == len(st.find(session)) > 10
        assert _facts(s2) == _facts(session)
        assert views.agreements(s2) == views.agreements(session)


def test_bad_outputs_and_inputs(loaded: Session, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"\.xlsx"):
        export(loaded, "xlsx", tmp_path / "out.csv", now=NOW)
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="not a directory"):
        export(loaded, "csv", tmp_path / "file", now=NOW)
    with pytest.raises(InputError, match="no statements table"):
        import_export(loaded, tmp_path, who="t", now=NOW)


def test_export_and_import_cli(cli: Any, tmp_path: Path) -> None:
    assert cli("dataset", "load")[0] == 0
    code, out, _ = cli("export", "--format", "json", str(tmp_path / "j"))
    assert code == 0 and "datapackage.json" in out
    code, _, _ = cli("export", "--format", "xlsx", "--as-of", "2020-01-01", str(tmp_path / "old.xlsx"))
    assert code == 0 and (tmp_path / "old.xlsx").is_file()
    code, out, _ = cli("dataset", "import", str(tmp_path / "j"))
    assert code == 0 and out.startswith("0 statements")
    code, _, err = cli("export", "--format", "xlsx", str(tmp_path / "bad.txt"))
    assert code == 2 and err.startswith("error:") and "Traceback" not in err
    code, _, err = cli("export", "--as-of", "2024-02-30", str(tmp_path / "x"))
    assert code == 2 and "bad --as-of" in err


def test_documents_with_long_texts_survive_xlsx(session: Session, tmp_path: Path, fresh: Engine) -> None:
    import hashlib

    from accords.model import Span, make_statement
    from accords.store import documents as docs

    text = "Japan and Ukraine agree to consult within 24 hours. " * 2000  # ~100k characters
    did, _ = docs.add_document(session, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                               media_type="text/plain", now=NOW, title="long")
    quote = "within 24 hours"
    start = text.index(quote)
    st.add_statements(session, [make_statement("UKR-JPN-2024", "agreement", "consultation_hours", 24,
                                               method="test", document_id=did, span=Span(start, start + len(quote)),
                                               quote=quote)], who="t", now=NOW)
    out = tmp_path / "long.xlsx"
    export(session, "xlsx", out, now=NOW)
    assert "document_text" in openpyxl.load_workbook(out, read_only=True).sheetnames
    with session_scope(fresh) as s2:
        assert import_export(s2, out, who="t", now=NOW) == (1, 1)
        assert docs.get_document(s2, did).text == text
