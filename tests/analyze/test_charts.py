"""Charts: the numbers behind each chart, then that each file renders (svg, png, html offline)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from accords.analyze import charts
from accords.analyze.ledger import LedgerEntry
from accords.errors import InputError


def _e(id_: str, donor: str, stage: str, eur: float, day: date, *, category: str = "military",
       counted: bool = True, parent: str | None = None, agreement: str | None = None) -> LedgerEntry:
    return LedgerEntry(id=id_, donor=donor, stage=stage, amount=eur, currency="EUR", category=category,
                       counted=counted, parent=parent, agreement=agreement, ref_day=day, fx_date=day,
                       eur_rate=1.0, usd_rate=1.1, amount_eur=eur, amount_usd=eur * 1.1, sources=(f"https://{id_}",))


ENTRIES = [
    _e("P1", "DEU", "pledged", 7.1e9, date(2024, 2, 16), category="unspecified", agreement="UKR-DEU-2024"),
    _e("P2", "DEU", "pledged", 1.1e9, date(2024, 2, 16), parent="P1", counted=False),  # a part: not added
    _e("P3", "FRA", "pledged", 3.0e9, date(2024, 2, 16)),
    _e("P4", "FRA", "pledged", 0.5e9, date(2024, 5, 1), category="humanitarian"),
    _e("A1", "DEU", "allocated", 2.0e9, date(2024, 3, 1), parent="P1", agreement="UKR-DEU-2024"),
    _e("D1", "DEU", "delivered", 1.5e9, date(2024, 6, 1), parent="A1", agreement="UKR-DEU-2024"),
    _e("D2", "FRA", "delivered", 1.0e9, date(2024, 6, 1)),
]


def test_donors_are_stacked_by_category_largest_first() -> None:
    d = charts.series("donors", ENTRIES)
    assert d.categories == ["DEU", "FRA"]
    assert d.series["unspecified"] == [pytest.approx(7.1), 0.0]
    assert d.series["military"] == [0.0, pytest.approx(3.0)]
    assert d.series["humanitarian"] == [0.0, pytest.approx(0.5)]
    assert d.unit == "EUR billion" and "2024-02-16 to 2024-05-01" in d.rates_note
    assert d.labels["DEU"] == "Germany (DEU)"


def test_cumulative_runs_per_stage_from_zero() -> None:
    d = charts.series("cumulative", ENTRIES, currency="USD")
    assert d.dates["pledged"] == [date(2024, 2, 16), date(2024, 5, 1)]
    assert d.series["pledged"] == [pytest.approx(11.11), pytest.approx(11.66)]  # 10.1 then 10.6 bn EUR x 1.1
    assert d.dates["delivered"] == [date(2024, 2, 16), date(2024, 6, 1)]
    assert d.series["delivered"] == [0.0, pytest.approx(2.75)]
    assert "expected" not in d.series and d.unit == "USD billion"


def test_pledged_vs_delivered_per_donor() -> None:
    d = charts.series("pledged-vs-delivered", ENTRIES)
    assert d.categories == ["DEU", "FRA"]
    assert d.series == {"pledged": [pytest.approx(7.1), pytest.approx(3.5)],
                        "allocated": [pytest.approx(2.0), 0.0],
                        "delivered": [pytest.approx(1.5), pytest.approx(1.0)]}


def test_fulfilment_of_one_agreement() -> None:
    d = charts.series("fulfilment", ENTRIES, agreement="UKR-DEU-2024")
    assert d.categories == ["P1"] and d.labels["P1"] == "EUR 7.10 bn, undated\nP1"
    assert d.series["pledged"] == [pytest.approx(7.1)]
    assert d.series["allocated"] == [pytest.approx(2.0)]
    assert d.series["delivered"] == [pytest.approx(1.5)]
    assert d.series["gap (pledged - delivered)"] == [pytest.approx(5.6)]
    with pytest.raises(InputError):
        charts.series("fulfilment", ENTRIES)


@pytest.mark.parametrize("kind", charts.KINDS)
@pytest.mark.parametrize("suffix", [".svg", ".png", ".html"])
def test_every_chart_renders(tmp_path: Path, kind: str, suffix: str) -> None:
    data = charts.series(kind, ENTRIES, agreement="UKR-DEU-2024", built=date(2026, 11, 28))
    out = charts.render(data, tmp_path / f"{kind}{suffix}")
    assert out.stat().st_size > 1000
    if suffix == ".svg":
        text = out.read_text(encoding="utf-8")
        for words in (data.title, "EUR billion", "ECB reference rates", "Source: accords ledger"):
            assert words in text
    if suffix == ".png":
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if suffix == ".html":
        html = out.read_text(encoding="utf-8")
        # Self-contained: plotly.js is inline and no script is fetched from elsewhere (no CDN).
        assert not re.search(r"<script[^>]*\bsrc=", html)
        assert "cdn.plot.ly/plotly" not in html.split("<body>")[0]
        assert len(html) > 1_000_000 and data.title in html and "Source: accords ledger" in html


def test_bad_output_names_are_input_errors(tmp_path: Path) -> None:
    data = charts.series("donors", ENTRIES)
    with pytest.raises(InputError):
        charts.render(data, tmp_path / "chart.jpg")
    with pytest.raises(InputError):
        charts.render(data, tmp_path / "missing" / "chart.svg")
    with pytest.raises(InputError):
        charts.series("pie", ENTRIES)
