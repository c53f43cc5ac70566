"""Tables (Markdown pipes, or DOCX rows joined with " | "): one row per partner, columns named
by the header ("Signed", "Place", "Term", "Money", "Consultations").

A fact sheet says in a row what prose says in a sentence; the header tells what each cell is, so
a date under "Signed" is a signing date and an amount under "Money named at signing" a pledge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from accords.extract.relate.context import RECIPIENT, Ctx
from accords.extract.types import Mention

_SEPARATOR = re.compile(r"^[\s|:+-]+$")
_COLUMNS = {  # first match wins: "Money named at signing" is money, not a signing date
    "money": re.compile(r"\bmoney|\bcommit|\bpledge|\bamount|\baid\b|\bsupport|\bfunding|\bsum\b", re.I),
    "consult": re.compile(r"\bconsult", re.I),
    "term": re.compile(r"\bterm\b|\bduration|\bvalid", re.I),
    "place": re.compile(r"\bplace|\bvenue|\bwhere\b", re.I),
    "signed": re.compile(r"\bsigned\b|\bsigning date|\bdate\b|^\s*signed", re.I),
}
_STATUS = [("allocated", re.compile(r"\b(?:allocated|earmarked|fund\b)", re.I)),
           ("provided", re.compile(r"\b(?:provided|delivered|disbursed)\b", re.I))]


@dataclass
class Row:
    start: int
    end: int
    cells: dict[str, tuple[int, int]] = field(default_factory=dict)  # column kind -> cell range


def find_rows(text: str) -> list[Row]:
    rows: list[Row] = []
    header: list[str | None] | None = None
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if line.count("|") < 2:
            header = None
            continue
        if _SEPARATOR.match(line):
            continue
        cells = _cells(line, start)
        if header is None:
            header = [next((k for k, p in _COLUMNS.items() if p.search(text[a:b])), None) for a, b in cells]
            continue
        row = Row(start, end)
        for kind, cell in zip(header, cells, strict=False):
            if kind and kind not in row.cells:
                row.cells[kind] = cell
        if cells:
            row.cells.setdefault("first", cells[0])
        rows.append(row)
    return rows


def _cells(line: str, offset: int) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for part in line.split("|"):
        a, b = pos, pos + len(part)
        pos = b + 1
        stripped = part.strip()
        if stripped:
            lead = len(part) - len(part.lstrip())
            out.append((offset + a + lead, offset + a + lead + len(stripped)))
    return out


def _in(mentions: list[Mention], cell: tuple[int, int]) -> list[Mention]:
    return [m for m in mentions if cell[0] <= m.start and m.end <= cell[1]]


def relate_tables(ctx: Ctx) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {"agreements": [], "commitments": [], "consultation_hours": []}
    if "|" not in ctx.text:
        return out
    mentions = ctx.doc.mentions
    for row in find_rows(ctx.text):
        first = row.cells["first"]
        partners = [p.value for p in _in(mentions.get("party", []), first)
                    if p.value not in (RECIPIENT, "RUS") and not p.extra.get("in_name")]
        if not partners:
            continue
        key = sorted({partners[0], RECIPIENT})
        agreement: dict[str, Any] = {"parties": key, "mentioned_only": False, "_span": (row.start, row.end)}
        if "signed" in row.cells:
            dates = [d.value for d in _in(mentions.get("date", []), row.cells["signed"]) if d.value]
            if dates:
                agreement["date_signed"] = dates[0]
        if "place" in row.cells:
            a, b = row.cells["place"]
            agreement["place"] = ctx.text[a:b]
        if "term" in row.cells:
            years = [d.value for d in _in(mentions.get("duration", []), row.cells["term"]) if d.extra["unit"] == "year"]
            if years:
                agreement["duration_years"] = int(years[0])
        if len(agreement) > 3:
            out["agreements"].append(agreement)
        if "money" in row.cells:
            cell = row.cells["money"]
            for m in _in(mentions.get("money", []), cell):
                words = ctx.text[cell[0]:cell[1]]
                status = next((s for s, p in _STATUS if p.search(words)), "pledged")
                out["commitments"].append({
                    "donor": key[0] if key[0] != RECIPIENT else key[1], "recipient": RECIPIENT,
                    "amount": m.value, "currency": m.extra["currency"], "status": status,
                    "category": _category(words), "_span": cell})
        if "consult" in row.cells:
            for limit in _in(mentions.get("timelimit", []), row.cells["consult"]):
                out["consultation_hours"].append({"parties": key, "hours": limit.value, "trigger": None,
                                                  "_span": row.cells["consult"]})
    return out


def _category(words: str) -> str:
    from accords.extract.relate.commitments import category

    return category(words)


def merge(facts: dict[str, list[dict[str, Any]]], extra: dict[str, list[dict[str, Any]]]) -> None:
    """Add table facts to prose facts: fill gaps in known agreements, skip duplicates."""
    by_parties = {tuple(a["parties"]): a for a in facts["agreements"]}
    for item in extra["agreements"]:
        known = by_parties.get(tuple(item["parties"]))
        if known is None:
            facts["agreements"].append(item)
            by_parties[tuple(item["parties"])] = item
            continue
        known["mentioned_only"] = False
        for k, v in item.items():
            if not known.get(k) and not k.startswith("_"):
                known[k] = v
    seen = {(c["donor"], c["amount"], c["currency"], c["status"]) for c in facts["commitments"]}
    for item in extra["commitments"]:
        if (item["donor"], item["amount"], item["currency"], item["status"]) not in seen:
            facts["commitments"].append(item)
    seen_c = {(tuple(c["parties"]), c["hours"]) for c in facts["consultation_hours"]}
    for item in extra["consultation_hours"]:
        if (tuple(item["parties"]), item["hours"]) not in seen_c:
            facts["consultation_hours"].append(item)
