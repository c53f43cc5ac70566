"""Stable entity ids: the same real-world thing gets the same id from every source.

Determinism is what makes re-ingesting idempotent and lets three documents that report one
commitment land on one entity with three sources.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

_NON_WORD = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_WORD.sub("-", ascii_text.lower()).strip("-")[:limit] or "x"


def short_hash(*parts: object, n: int = 10) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:n]


def agreement_key(parties: Iterable[str]) -> str:
    """The corpus format's key for an agreement: sorted ISO3 codes joined by '-' (JPN-UKR)."""
    return "-".join(sorted(p.upper() for p in parties))


def agreement_id(parties: Iterable[str], year: int | str | None) -> str:
    """``UKR-<other>-<year>`` for Ukraine's bilateral agreements, else the sorted parties."""
    ps = sorted({p.upper() for p in parties})
    others = [p for p in ps if p != "UKR"]
    head = "-".join(["UKR", *others]) if "UKR" in ps else "-".join(ps)
    return f"{head}-{year}" if year else head


def provision_id(agreement: str, code: str) -> str:
    return f"{agreement}:{code}"


def commitment_id(donor: str | None, recipient: str | None, status: str | None, amount: float | None,
                  currency: str | None, period: str | None) -> str:
    """Same donor, recipient, stage, amount, currency and period: the same commitment."""
    amt = f"{amount:.6g}" if amount is not None else ""
    return f"C-{(donor or 'UNK').upper()}-" + short_hash(donor, recipient, status, amt, currency, period)


def person_id(name: str) -> str:
    """Name tokens in any order give one id ("Kishida Fumio" = "Fumio Kishida")."""
    tokens = sorted(t for t in slug(name).split("-") if t)
    return "P-" + "-".join(tokens)


def event_id(date: str | None, what: str) -> str:
    return f"E-{date or 'undated'}-" + short_hash(slug(what))


def channel_id(name: str) -> str:
    return "CH-" + slug(name, 48)
