"""Donor GDP (nominal, current US$) from a small sourced table, for "share of GDP" figures.

The table (``data/gdp.csv``) names its year, source and one URL per row. A share compares a
USD-converted ledger total with that year's GDP; donors missing from the table get no share.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from accords.errors import DatasetError


@dataclass(frozen=True, slots=True)
class Gdp:
    iso3: str
    year: int
    usd: float
    source_url: str


@lru_cache(maxsize=1)
def table() -> dict[str, Gdp]:
    text = resources.files("accords.analyze").joinpath("data/gdp.csv").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    out: dict[str, Gdp] = {}
    for row in csv.DictReader(io.StringIO(body)):
        try:
            out[row["iso3"]] = Gdp(row["iso3"], int(row["year"]), float(row["gdp_usd_bn"]) * 1e9, row["source_url"])
        except (KeyError, ValueError) as exc:
            raise DatasetError(f"bad row in analyze/data/gdp.csv: {row}", "fix the file") from exc
    return out


def share(iso3: str, amount_usd: float) -> float | None:
    """``amount_usd`` as a percentage of the donor's GDP, or None when its GDP is not in the table."""
    g = table().get(iso3.upper())
    return None if g is None or g.usd <= 0 else 100.0 * amount_usd / g.usd


def source_note() -> str:
    years = sorted({g.year for g in table().values()})
    return f"GDP: World Bank WDI NY.GDP.MKTP.CD, current US$, {', '.join(map(str, years))}"
