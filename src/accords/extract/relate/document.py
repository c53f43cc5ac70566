"""The document record, and the reference date relative dates are resolved against.

Order of trust: a date given by the caller (``given``); a publication date in the metadata or a
dateline at the top of the text (``text``); else the latest date the text states outright or the
latest named event it refers to as past (``inferred``); else ``none``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Final

from accords import yamlio
from accords.extract.recognize.dates import latest_evidence, resolve
from accords.extract.rx import Pattern, rx
from accords.extract.types import Doc, Mention

_BYLINE: Final = rx(r"^(?:By|by)\s+(?P<a>[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3}"
                    r"(?:(?:,| and) [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3})*)\s*$", re.M)
_NAME_LINE: Final = rx(r"[A-Z][a-zà-ÿ'-]+(?: [A-Z]\.)?(?: [A-Z][a-zà-ÿ'-]+){1,2}")


@cache
def _anchors() -> list[tuple[Pattern, date]]:
    data: list[dict[str, Any]] = yamlio.safe_load(
        resources.files("accords.extract").joinpath("data/anchors.yaml").read_text("utf-8"))
    return [(rx(e["pattern"]), e["date"]) for e in data]


def reference(doc: Doc, given: date | None) -> tuple[date | None, str]:
    if given is not None:
        return given, "given"
    if doc.loaded.published is not None:
        return doc.loaded.published, "text"
    dates = doc.mentions.get("date", [])
    head = _dateline(doc.norm, dates)
    if head is not None:
        return head, "text"
    best = latest_evidence(dates)
    for pattern, when in _anchors():
        if pattern.search(doc.norm) and (best is None or when > best):
            best = when
    if best is None:
        return None, "none"
    partial = _dateline_day(doc.norm, dates)
    if partial is not None:  # "KYIV, Jan 12 (Newswire) -": the day from the dateline, the year inferred
        month, day = partial
        for year in (best.year, best.year + 1):
            try:
                candidate = date(year, month, day)
            except ValueError:
                break
            if candidate >= best:
                return candidate, "inferred"
    return best, "inferred"


_DATELINE: Final = rx(r"\s*(?:\([A-Z][\w .&-]*\)\s*)?[-–—]\s")


def _dateline_day(text: str, dates: list[Mention]) -> tuple[int, int] | None:
    """Month and day of a wire dateline without a year, near the top of the text."""
    for m in dates:
        if m.start > 400:
            break
        raw = m.extra
        line_start = text.rfind("\n", 0, m.start) + 1
        place = text[line_start:m.start].strip().rstrip(",").replace(" ", "")
        if raw["m"] and raw["d"] and not raw["y"] and place.isupper() and _DATELINE.match(text, m.end):
            return raw["m"], raw["d"]
    return None


def _dateline(text: str, dates: list[Mention]) -> date | None:
    """A full date in the first lines ("KYIV, 13 June 2024 (Reuters) -", "13 June 2024")."""
    for m in dates:
        if m.start > 300:
            break
        raw = m.extra
        line_start = text.rfind("\n", 0, m.start) + 1
        if raw["y"] and raw["m"] and raw["d"] and m.start - line_start < 60:
            value = resolve(raw, None)
            if value:
                return date.fromisoformat(value)
    return None


def document_record(doc: Doc, given: date | None) -> dict[str, Any]:
    loaded = doc.loaded
    authors = list(loaded.authors) or _authors(doc.norm, loaded.title)
    publication = given or loaded.published or (doc.reference if doc.reference_source == "text" else None)
    return {
        "title": loaded.title,
        "authors": authors,
        "publication_date": publication.isoformat() if publication else None,
        "reference_date": doc.reference.isoformat() if doc.reference else None,
        "reference_date_source": doc.reference_source,
    }


def _authors(text: str, title: str | None) -> list[str]:
    head = text[:1500]
    # (a byline opens the text or a line with "By": without one, no scan of every line start)
    m = _BYLINE.search(head) if head.startswith(("By", "by")) or "\nBy" in head or "\nby" in head else None
    if m:
        return [a.strip() for a in re.split(r",| and ", m["a"]) if a.strip()]
    if title:
        pos = head.find(title)
        if pos >= 0:
            rest = head[pos + len(title):].lstrip()
            line = rest.split("\n", 1)[0].strip()
            if _NAME_LINE.fullmatch(line):
                from accords.extract.recognize.parties import gazetteer

                if not any(w in gazetteer() for w in line.split()):
                    return [line]
    return []
