"""Loading: idempotent, sourced, and a newer version supersedes the older one with history kept."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from accords.dataset import load_reference, to_statements
from accords.dataset.facts import read
from accords.errors import DatasetError
from accords.store import statements as st
from accords.store import views
from tests.dataset.helpers import copy_shipped, edit, mini

DAY1 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
DAY2 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_signature_is_what_init_calls() -> None:
    params = inspect.signature(load_reference).parameters
    assert list(params)[:4] == ["session", "who", "now", "data_dir"]
    assert params["who"].kind is inspect.Parameter.KEYWORD_ONLY and params["data_dir"].default is None


def test_statements_are_sourced_and_named_after_the_version() -> None:
    stmts = to_statements(read())
    assert len(stmts) > 2000
    assert len({s.id for s in stmts}) == len(stmts)
    for s in stmts:
        assert s.method == "dataset:accords-reference@2026.11.1" and s.dataset == "accords-reference"
        assert s.status == "accepted"
        assert s.source_url and s.source_url.startswith(("http://", "https://"))
        assert s.extra["sources"][0] == s.source_url and s.extra["accessed"] == "2026-11-28"


def test_load_twice_adds_nothing(session: Session) -> None:
    first = load_reference(session, who="test", now=DAY1)
    assert first.added == first.statements and first.superseded == 0
    assert first.entities["agreement"] == 29
    again = load_reference(session, who="test", now=DAY2)
    assert (again.added, again.superseded) == (0, 0)
    assert st.count(session) == {"accepted": first.statements}


def test_loaded_views(session: Session) -> None:
    load_reference(session, who="test", now=DAY1)
    agreements = {a.id: a for a in views.agreements(session)}
    assert len(agreements) == 29
    jpn = agreements["UKR-JPN-2024"]
    assert (jpn.date_signed, jpn.duration_years, jpn.consultation_hours, jpn.military_scope) == \
        ("2024-06-13", 10, 24, "non-lethal")
    assert set(jpn.signatories) == {"Fumio Kishida", "Volodymyr Zelensky"}
    assert jpn.basis and jpn.basis.startswith("Joint Declaration of Support for Ukraine")
    # Conflicting sources stay side by side.
    gbr = agreements["UKR-GBR-2024"].conflicts
    assert list(gbr) == ["legally_binding"] and sorted(gbr["legally_binding"]) == ["contested", "no"]
    tokyo = views.entity(session, "EVT-2024-02-19-JPN-UKR-TOKYO-CONFERENCE")
    assert len(tokyo.all("what")) == 2
    # Unknown stays unknown: no guessed consultation time limit for Finland.
    assert agreements["UKR-FIN-2024"].consultation_hours is None
    commitments = {c.id: c for c in views.commitments(session)}
    assert commitments["CMT-JPN-2024-1"].agreement == "UKR-JPN-2024"
    assert commitments["CMT-JPN-2025-04-18-ERA"].amount == 471.9e9
    g7 = views.entity(session, "G7-JDSU-2023")
    assert {"JPN", "POL", "EUU"} <= set(g7.all("members")) and len(g7.all("members")) == 33
    provisions = {p.id: p.value for p in views.provisions(session)}
    assert provisions["UKR-JPN-2024:military_aid_lethal"] == "absent"
    assert provisions["UKR-JPN-2024:consultation_mechanism"] == 24


def test_newer_version_supersedes_and_as_of_shows_the_old(session: Session, tmp_path: Path) -> None:
    v1 = mini(tmp_path / "v1", "2026.11.0", duration=10)
    v2 = mini(tmp_path / "v2", "2026.12.0", duration=12)
    r1 = load_reference(session, who="test", now=DAY1, data_dir=v1)
    r2 = load_reference(session, who="test", now=DAY2, data_dir=v2)
    assert r2.method == "dataset:accords-reference@2026.12.0"
    assert r2.added == r2.statements and r2.superseded == r1.statements
    (now,) = views.agreements(session)
    (before,) = views.agreements(session, as_of=DAY2 - timedelta(days=1))
    assert (now.duration_years, before.duration_years) == (12, 10)
    assert views.agreements(session, as_of=DAY1 - timedelta(days=1)) == []
    old = [s for s in st.find(session, entity_id="UKR-JPN-2024", prop="duration_years")
           if s.method.endswith("@2026.11.0")]
    assert [t.to_status for t in st.history(session, old[0].id)] == ["accepted", "superseded"]
    # Reloading the newer version is a no-op.
    again = load_reference(session, who="test", now=DAY2 + timedelta(hours=1), data_dir=v2)
    assert (again.added, again.superseded) == (0, 0)


def test_broken_dataset_is_refused_and_nothing_is_written(session: Session, tmp_path: Path) -> None:
    root = copy_shipped(tmp_path)
    edit(root, "agreements.yaml", lambda d: d["agreements"][0].update(date_signed="2024-02-30"))
    with pytest.raises(DatasetError, match="not a real calendar date"):
        load_reference(session, who="test", now=DAY1, data_dir=root)
    assert st.count(session) == {}


def test_load_and_info_cli(cli: Any) -> None:
    code, out, _ = cli("dataset", "load")
    assert code == 0 and "2026.11.1" in out and "agreement=29" in out
    code, out, _ = cli("dataset", "info")
    assert code == 0 and "version 2026.11.1" in out and "2026-11-28" in out
    assert "store: dataset:accords-reference@2026.11.1: accepted=" in out
    code, out, _ = cli("list", "agreements", "--format", "csv")
    assert code == 0 and len(out.strip().splitlines()) == 30 and "UKR-JPN-2024" in out
