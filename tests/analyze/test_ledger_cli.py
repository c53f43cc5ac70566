"""`accords ledger ...` and `accords chart` in-process on a real store, and on the reference dataset."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from accords.analyze import fx


def _json(cli, *args: str):  # type: ignore[no-untyped-def]
    code, out, err = cli(*args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def _add(cli, *args: str) -> str:  # type: ignore[no-untyped-def]
    code, out, err = cli("ledger", "add", *args)
    assert code == 0, err
    return out.strip()


def test_manual_entries_totals_fulfilment_and_overrides(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pledge = _add(cli, "--donor", "JPN", "--amount", "4.5e9", "--currency", "USD", "--stage", "pledged",
                  "--date", "2024-06-13", "--period", "2024", "--agreement", "UKR-JPN-2024",
                  "--source-url", "https://example.org/accord")
    _add(cli, "--donor", "JPN", "--amount", "1e9", "--currency", "USD", "--stage", "delivered",
         "--date", "2024-09-02", "--parent", pledge, "--agreement", "UKR-JPN-2024")
    _add(cli, "--donor", "JPN", "--amount", "3e8", "--currency", "USD", "--stage", "pledged",
         "--date", "2024-06-13", "--parent", pledge, "--category", "humanitarian")  # "of which"
    twin = _add(cli, "--donor", "JPN", "--amount", "4.51e9", "--currency", "USD", "--stage", "pledged",
                "--date", "2024-06-14", "--period", "2024")  # the same pledge, reported elsewhere

    rows = _json(cli, "ledger", "--by", "donor", "--currency", "EUR")
    assert len(rows) == 1 and rows[0]["donor"] == "JPN"
    assert rows[0]["pledged_eur"] == pytest.approx(4.5e9 / 1.0784)  # twin merged, part not added
    usd_0902 = fx.rate("USD", "EUR", datetime(2024, 9, 2).date())
    assert usd_0902 is not None
    assert rows[0]["delivered_eur"] == pytest.approx(1e9 * usd_0902.rate)
    assert rows[0]["ecb_rate_dates"] == "2024-06-13..2024-09-02"
    assert rows[0]["pledged_pct_gdp_2023"] == pytest.approx(round(100 * 4.5e9 / 4213.0e9, 3))

    stages = _json(cli, "ledger", "--by", "stage", "--currency", "USD")
    assert {r["stage"]: r.get(f"{r['stage']}_usd") for r in stages} == {"pledged": 4.5e9, "delivered": 1e9}

    ful = _json(cli, "ledger", "fulfilment", "UKR-JPN-2024", "--currency", "USD")
    assert ful[0]["gap_usd"] == pytest.approx(3.5e9) and ful[0]["delivered_pct"] == pytest.approx(22.2)

    code, _, err = cli("ledger", "split", pledge, twin, "--why", "two tranches")
    assert code == 0, err
    rows = _json(cli, "ledger", "--by", "donor", "--currency", "USD")
    assert rows[0]["pledged_usd"] == pytest.approx(4.5e9 + 4.51e9)
    entries = _json(cli, "ledger", "entries", "--currency", "USD")
    assert {e["id"] for e in entries} >= {pledge, twin}
    assert all(e["ecb_rate_date"] for e in entries)

    out = tmp_path / "jpn.svg"
    code, _, err = cli("chart", "fulfilment", "--agreement", "UKR-JPN-2024", "--out", str(out))
    assert code == 0 and out.exists(), err


def test_as_of_shows_the_ledger_before_a_later_entry(cli) -> None:  # type: ignore[no-untyped-def]
    _add(cli, "--donor", "DEU", "--amount", "7.1e9", "--currency", "EUR", "--stage", "pledged", "--period", "2024")
    cut = datetime.now(UTC).isoformat()
    _add(cli, "--donor", "FRA", "--amount", "3e9", "--currency", "EUR", "--stage", "pledged", "--period", "2024")
    now = _json(cli, "ledger", "--by", "donor")
    then = _json(cli, "ledger", "--by", "donor", "--as-of", cut)
    assert [r["donor"] for r in now] == ["DEU", "FRA"] and [r["donor"] for r in then] == ["DEU"]


@pytest.mark.parametrize(("args", "words"), [
    (("ledger", "--currency", "GBP"), "cannot total in"),
    (("ledger", "add", "--donor", "JPN", "--amount", "1", "--currency", "XYZ", "--stage", "pledged",
      "--date", "2024-01-01"), "no ECB reference rate"),
    (("ledger", "add", "--donor", "JPN", "--amount", "1", "--currency", "USD", "--stage", "pledged"), "--date"),
    (("ledger", "fulfilment", "UKR-XXX-2024"), "no ledger entries"),
    (("ledger", "merge", "NOPE", "NADA"), "no accepted commitment"),
    (("chart", "pie", "--out", "x.svg"), "unknown chart"),
])
def test_bad_input_is_one_line(cli, args: tuple[str, ...], words: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli(*args)
    lines = [line for line in err.splitlines() if line.strip()]
    assert code != 0 and len(lines) == 1 and lines[0].startswith("error: ") and words in lines[0], err


def test_reference_dataset_lists_every_donor_with_rates(cli, session) -> None:  # type: ignore[no-untyped-def]
    loader = pytest.importorskip("accords.dataset.loader")
    import yaml

    data = Path(loader.__file__).parent / "data" / "commitments.yaml"
    donors = {c["donor"] for c in yaml.safe_load(data.read_text(encoding="utf-8"))["commitments"]}
    loader.load_reference(session, who="test", now=datetime(2026, 11, 28, tzinfo=UTC))
    session.commit()
    rows = _json(cli, "ledger", "--by", "donor", "--currency", "EUR")
    assert {r["donor"] for r in rows} == donors
    for r in rows:
        assert r["ecb_rate_dates"], r
        assert r["not_converted"] == 0, r
    gbr = next(r for r in rows if r["donor"] == "GBR")
    assert gbr["pledged_eur"] == pytest.approx(2.5e9 / 0.8595)  # GBP 2.5bn at the 12 Jan 2024 fixing
