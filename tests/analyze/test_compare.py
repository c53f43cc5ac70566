"""Comparison of agreements: matrix cells, similarity by hand, distinctive provisions, the
narrative's traceability, the store service (as-of, candidates) and the CLI."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from accords.analyze.compare import Comparison, Evidence, compare, compare_from_store, resolve_cell, to_dict
from accords.analyze.compare_render import to_csv, to_html
from accords.codebook import load_codebook
from accords.errors import NotFoundError
from accords.model import make_statement
from accords.settings import Settings
from accords.store import statements as st
from accords.store.db import connect, session_scope

CB = load_codebook()
JPN, GBR, DEU = "UKR-JPN-2024", "UKR-GBR-2024", "UKR-DEU-2024"
T1 = datetime(2024, 7, 1, 9, 0, tzinfo=UTC)
T2 = datetime(2024, 7, 20, 9, 0, tzinfo=UTC)


def agreements() -> list[dict[str, Any]]:
    return [{"id": JPN, "parties": ["JPN", "UKR"]},
            {"id": GBR, "parties": ["GBR", "UKR"]},
            {"id": DEU, "parties": ["DEU", "UKR"], "consultation_hours": 24, "military_scope": "lethal"}]


def provisions() -> list[dict[str, Any]]:
    p = [
        (JPN, "consultation_mechanism", 24), (JPN, "military_aid_lethal", "absent"),
        (JPN, "military_aid_non_lethal", "present"), (JPN, "nato_membership_reference", "absent"),
        (JPN, "demining", "present"),
        (GBR, "consultation_mechanism", 24), (GBR, "military_aid_lethal", "present"),
        (GBR, "nato_membership_reference", "present"), (GBR, "demining", "absent"),
        (DEU, "nato_membership_reference", "present"), (DEU, "demining", "present"),
    ]
    return [{"agreement": a, "code": c, "value": v, "quote": f"{a} on {c}", "source": "https://example.org"}
            for a, c, v in p]


@pytest.fixture
def cmp() -> Comparison:
    return compare(agreements(), provisions(), CB)


def test_matrix_cells_carry_state_value_and_quotes(cmp: Comparison) -> None:
    cell = cmp.cell(JPN, "consultation_mechanism")
    assert (cell.state, cell.value, cell.display) == ("value", 24, "24 h")
    assert cell.evidence[0].quote == f"{JPN} on consultation_mechanism"
    assert cmp.cell(JPN, "military_aid_lethal").state == "absent"
    assert cmp.cell(GBR, "air_defence").state == "unknown"
    # DEU's consultation and lethal aid come from agreement properties, marked as derived
    deu = cmp.cell(DEU, "consultation_mechanism")
    assert (deu.state, deu.value, deu.derived_from) == ("value", 24, "consultation_hours")
    assert cmp.cell(DEU, "military_aid_lethal").state == "present"
    assert len(cmp.cells) == 3 * len(CB.codes)


def test_similarity_numbers_computed_by_hand(cmp: Comparison) -> None:
    # JPN vs GBR, known in both: consultation 24=24 (agree), lethal absent/present, nato absent/present,
    # demining present/absent -> 1 of 4; present in both: consultation (1); present in either: all 4.
    p = cmp.pair(JPN, GBR)
    assert (p.known_both, p.agree, p.score, p.jaccard) == (4, 1, 0.25, 0.25)
    # JPN vs DEU: consultation 24=24, lethal absent/present, nato absent/present, demining both -> 2 of 4;
    # Jaccard: both {consultation, demining} over either {consultation, lethal, nato, demining}.
    p = cmp.pair(JPN, DEU)
    assert (p.known_both, p.agree, p.score, p.jaccard) == (4, 2, 0.5, 0.5)
    # GBR vs DEU: consultation, lethal, nato agree; demining differs -> 3 of 4; Jaccard 3/4.
    p = cmp.pair(GBR, DEU)
    assert (p.known_both, p.agree, p.score, p.jaccard) == (4, 3, 0.75, 0.75)


def test_distinctive_provisions_against_the_group(cmp: Comparison) -> None:
    jpn = {(d.code, d.kind) for d in cmp.distinctive[JPN]}
    assert ("military_aid_lethal", "lacks") in jpn
    assert ("nato_membership_reference", "lacks") in jpn
    # nobody else is known either way on non-lethal aid: no basis to call it distinctive
    assert all(code != "military_aid_non_lethal" for code, _ in jpn)
    assert {(d.code, d.kind) for d in cmp.distinctive[GBR]} == {("demining", "lacks")}
    assert all(d.code != "consultation_mechanism" for ds in cmp.distinctive.values() for d in ds)


def test_every_claim_cites_existing_cells_and_says_what_they_show(cmp: Comparison) -> None:
    assert cmp.claims and cmp.paragraph == " ".join(c.text for c in cmp.claims)
    for claim in cmp.claims:
        assert claim.cells, claim.text
        for key in claim.cells:
            assert key in cmp.cells
    text = cmp.paragraph
    assert "All 3 agreements provide for consultations after a future attack (24 h)" in text
    shared = cmp.claims[0]
    assert set(shared.cells) == {(a, "consultation_mechanism") for a in (JPN, GBR, DEU)}
    assert "The United Kingdom and Germany are the most alike: they agree on 3 of the 4" in text
    unlike = next(c for c in cmp.claims if c.text.startswith("Unlike the others, Japan"))
    assert "has no lethal military aid" in unlike.text
    assert (JPN, "military_aid_lethal") in unlike.cells and (GBR, "military_aid_lethal") in unlike.cells
    # every agreement a claim names is one whose cells it cites
    labels = {cmp.labels[a]: a for a in cmp.agreements}
    for claim in cmp.claims:
        cited = {a for a, _ in claim.cells}
        for label, aid in labels.items():
            if re.search(rf"\b{label}\b", claim.text):
                assert aid in cited, (label, claim.text)


def test_pillar_limits_the_codes(cmp: Comparison) -> None:
    terms = compare(agreements(), provisions(), CB, pillar="terms")
    assert {c.pillar for c in terms.codes} == {"terms"}
    assert {code for _, code in terms.cells} == {c.id for c in terms.codes}
    with pytest.raises(NotFoundError):
        compare(agreements(), provisions(), CB, pillar="nope")


def test_conflicting_values_are_a_conflict_cell() -> None:
    code = CB.get("consultation_mechanism")
    assert resolve_cell("A", code, [24, 72]).state == "conflict"
    assert resolve_cell("A", code, [24, "present"]).display == "24 h"
    assert resolve_cell("A", CB.get("demining"), ["present", "absent"]).state == "conflict"
    assert resolve_cell("A", CB.get("demining"), []).state == "unknown"


def test_two_agreements_read_naturally() -> None:
    two = compare(agreements()[:2], provisions(), CB)
    assert "Both agreements provide for consultations after a future attack (24 h)." in two.paragraph
    assert "Unlike the United Kingdom, Japan" in two.paragraph


def test_renderings(cmp: Comparison) -> None:
    rows = list(to_csv(cmp).splitlines())
    assert rows[0] == f"code,label,pillar,{JPN},{GBR},{DEU}"
    assert any(r.startswith("consultation_mechanism,") and r.endswith("24 h,24 h,24 h") for r in rows)
    html = to_html(cmp)
    assert "<script" not in html and "http://" not in html.split("<body>")[0]
    assert "class='absent'" in html and "JPN-2024 on military_aid_lethal" in html
    data = to_dict(cmp)
    assert data["similarity"][0]["score"] == 0.25
    assert data["claims"][0]["cells"]


# ---------------------------------------------------------------------- store and CLI

def _stmt(entity: str, schema: str, prop: str, value: Any, status: str = "accepted",
          at: datetime = T1, quote: str | None = None) -> Any:
    return make_statement(entity, schema, prop, value, method="test", dataset="test",
                          source_url="https://example.org/ref", quote=quote, status=status, recorded_at=at)


def _fill(db: Path) -> str:
    url = f"sqlite:///{db}"
    stmts = []
    for aid, iso in ((JPN, "JPN"), (GBR, "GBR")):
        stmts += [_stmt(aid, "agreement", "parties", "UKR"), _stmt(aid, "agreement", "parties", iso),
                  _stmt(aid, "agreement", "title", f"Agreement {iso}")]
    stmts += [
        _stmt(f"{JPN}:consultation_mechanism", "provision", "value", 24, quote="within 24 hours"),
        _stmt(f"{GBR}:consultation_mechanism", "provision", "value", 24, quote="within 24 hours too"),
        _stmt(f"{JPN}:military_aid_lethal", "provision", "value", "absent", quote="non-lethal only"),
        _stmt(f"{GBR}:military_aid_lethal", "provision", "value", "present", at=T2),
        _stmt(f"{JPN}:demining", "provision", "value", "present", status="candidate", quote="demining"),
    ]
    engine = connect(Settings(database_url=url))
    with session_scope(engine) as session:
        st.add_statements(session, stmts, who="test", now=T1)
    engine.dispose()
    return url


def test_compare_from_store_as_of_and_candidates(tmp_path: Path) -> None:
    url = _fill(tmp_path / "a.db")
    engine = connect(Settings(database_url=url))
    with session_scope(engine) as session:
        now = compare_from_store(session, ["Japan", "GBR"])
        assert now.agreements == (JPN, GBR)
        assert now.cell(JPN, "consultation_mechanism").evidence[0].quote == "within 24 hours"
        assert now.cell(GBR, "military_aid_lethal").state == "present"
        assert now.cell(JPN, "demining").state == "unknown"  # a candidate, not reviewed
        before = compare_from_store(session, [JPN, GBR], as_of=datetime(2024, 7, 10, tzinfo=UTC))
        assert before.cell(GBR, "military_aid_lethal").state == "unknown"
        fresh = compare_from_store(session, ["JPN-UKR", GBR], include_candidates=True)
        assert fresh.cell(JPN, "demining").state == "present"
        assert fresh.cell(JPN, "demining").evidence[0] == Evidence(
            quote="demining", source="https://example.org/ref",
            statement_id=fresh.cell(JPN, "demining").evidence[0].statement_id, status="candidate")
        with pytest.raises(NotFoundError, match="no agreement 'Narnia'"):
            compare_from_store(session, ["Narnia", JPN])
    engine.dispose()


@pytest.fixture
def runner_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    url = _fill(tmp_path / "a.db")
    monkeypatch.setenv("ACCORDS_DATABASE_URL", url)
    return tmp_path


def _invoke(*args: str) -> Any:
    from accords.cli.main import build_app

    return CliRunner().invoke(build_app(), list(args))


def test_cli_compare_formats(runner_env: Path) -> None:
    res = _invoke("compare", "JPN", "GBR", "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert [a["id"] for a in data["agreements"]] == [JPN, GBR]
    row = next(r for r in data["matrix"] if r["code"] == "consultation_mechanism")
    assert row["cells"][JPN]["value"] == 24 and row["cells"][JPN]["evidence"][0]["quote"] == "within 24 hours"
    res = _invoke("compare", "JPN", "GBR", "-f", "csv", "--pillar", "security_defence")
    assert res.exit_code == 0 and res.stdout.splitlines()[1].startswith("military_aid_lethal,")
    res = _invoke("compare", "JPN", "GBR")
    assert res.exit_code == 0 and "Japan" in res.stdout and "24 h" in res.stdout
    out = runner_env / "c.html"
    res = _invoke("compare", "JPN", "GBR", "-f", "html", "--out", str(out))
    assert res.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<!doctype html>")
    res = _invoke("compare", "JPN", "GBR", "-f", "json", "--include-candidates")
    assert any(r["code"] == "demining" for r in json.loads(res.stdout)["matrix"])
    res = _invoke("compare", "JPN", "GBR", "-f", "json", "--as-of", "2024-07-10")
    lethal = next(r for r in json.loads(res.stdout)["matrix"] if r["code"] == "military_aid_lethal")
    assert lethal["cells"][GBR]["state"] == "unknown"


def test_cli_errors_are_one_line(runner_env: Path) -> None:
    res = _invoke("compare", "JPN", "Narnia")
    assert res.exit_code != 0 and isinstance(res.exception, NotFoundError)
    res = _invoke("compare", "JPN")
    assert res.exit_code != 0
    res = _invoke("compare", "JPN", "GBR", "--pillar", "nope")
    assert res.exit_code != 0


def test_cli_errors_through_run(runner_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from accords.cli.main import run

    with pytest.raises(SystemExit) as exc:
        run(["compare", "JPN", "Narnia"])
    assert exc.value.code == 4
    err = capsys.readouterr().err
    assert err.startswith("error: no agreement 'Narnia'") and "Traceback" not in err


def test_cli_codebook_listing() -> None:
    res = _invoke("codebook", "--pillar", "terms", "--format", "json")
    assert res.exit_code == 0
    ids = [r["id"] for r in json.loads(res.stdout)]
    assert ids[:2] == ["duration", "termination"] and "legal_nature" in ids
    res = _invoke("codebook", "-f", "csv")
    assert res.exit_code == 0 and len(res.stdout.splitlines()) == len(CB.codes) + 1


def test_model_dataclasses_and_an_evidence_map() -> None:
    from accords.model import Agreement, Provision

    ags = [Agreement(id=JPN, parties=("JPN", "UKR"), military_scope="non-lethal",
                     sources={"military_scope": ["s-scope"]}),
           Agreement(id=GBR, parties=("GBR", "UKR"), mentions_nato_membership="yes")]
    provs = [Provision(id=f"{JPN}:demining", agreement=JPN, code="demining", value="present",
                       sources={"value": ["s-dem"]})]
    evidence = {"s-dem": Evidence(quote="demining kit", source="doc D-1[10:22]"),
                "s-scope": Evidence(quote="non-lethal only", source="https://example.org")}
    cmp = compare(ags, provs, CB, evidence=evidence)
    assert cmp.cell(JPN, "demining").evidence == (evidence["s-dem"],)
    lethal = cmp.cell(JPN, "military_aid_lethal")
    assert (lethal.state, lethal.derived_from, lethal.evidence) == ("absent", "military_scope",
                                                                     (evidence["s-scope"],))
    assert cmp.cell(GBR, "nato_membership_reference").state == "present"
    assert cmp.labels == {JPN: "Japan", GBR: "United Kingdom"}
