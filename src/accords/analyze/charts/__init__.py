"""Ledger charts: the data behind each chart (``data``) and two renderers (matplotlib, plotly)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from accords.analyze.charts import data as chart_data
from accords.analyze.charts.data import ChartData
from accords.analyze.ledger import LedgerEntry
from accords.errors import InputError

KINDS = ("donors", "cumulative", "pledged-vs-delivered", "fulfilment")
SUFFIXES = (".svg", ".png", ".html")


def series(kind: str, entries: Sequence[LedgerEntry], *, currency: str = "EUR", agreement: str | None = None,
           built: date | None = None) -> ChartData:
    """The data of chart ``kind`` (see ``accords.analyze.charts.data``)."""
    if kind == "donors":
        return chart_data.donors(entries, currency, built=built)
    if kind == "cumulative":
        return chart_data.cumulative(entries, currency, built=built)
    if kind == "pledged-vs-delivered":
        return chart_data.pledged_vs_delivered(entries, currency, built=built)
    if kind == "fulfilment":
        if not agreement:
            raise InputError("the fulfilment chart needs --agreement", "e.g. --agreement UKR-JPN-2024")
        return chart_data.agreement_fulfilment(entries, agreement, currency, built=built)
    raise InputError(f"unknown chart {kind!r}", f"use one of {', '.join(KINDS)}")


def render(chart: ChartData, out: Path) -> Path:
    """Write ``chart`` to ``out``; the suffix picks the format (.svg/.png static, .html interactive)."""
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"cannot write a chart to {out.name!r}", f"end the file name in {', '.join(SUFFIXES)}")
    if not out.parent.exists():
        raise InputError(f"folder {str(out.parent)!r} does not exist", "create it first")
    if suffix == ".html":
        from accords.analyze.charts import html

        html.render(chart, out)
    else:
        from accords.analyze.charts import mpl

        mpl.render(chart, out)
    return out
