"""Short, readable names for parties ("Japan", "EU", "United Kingdom") and their lookup."""

from __future__ import annotations

from functools import lru_cache

import pycountry

_SHORT = {"EUU": "EU", "USA": "United States", "GBR": "United Kingdom", "KOR": "South Korea",
          "NLD": "Netherlands", "CZE": "Czechia"}
_ALIASES = {"eu": "EUU", "european union": "EUU", "uk": "GBR", "britain": "GBR", "us": "USA",
            "u.s.": "USA", "usa": "USA", "america": "USA"}


@lru_cache(maxsize=256)
def country_name(iso3: str) -> str:
    if iso3 in _SHORT:
        return _SHORT[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return iso3
    return str(getattr(country, "common_name", None) or country.name)


@lru_cache(maxsize=256)
def iso3_for(name: str) -> str | None:
    """ISO3 of a country named by code, name or common alias; None when unknown."""
    raw = name.strip()
    if raw.lower() in _ALIASES:
        return _ALIASES[raw.lower()]
    if raw.upper() == "EUU":
        return "EUU"
    try:
        return str(pycountry.countries.lookup(raw).alpha_3)
    except LookupError:
        return None
