"""Tables: Markdown pipes, or DOCX and HTML rows loaded as cells joined with " | ".

A fact sheet says in a row what prose says in a sentence; the header tells what each cell is, so
a date under "Signed" (or "Date of signature") is a signing date, an amount under "Money named at
signing" (or "Pledge") a pledge, "within 24 hours" under "Consultations" a consultation limit,
"military, lethal" under "Aid type" the scope of aid, and a person under "Signatory" (or "Signed
by") who signed. One row is one partner's agreement; its signing date and partner also make the
signing event. A table whose header row names the partners (and whose first column names what
each row is), or a record of one agreement ("Partner | Denmark", "Signed | 23 February 2024"), is
read column by column. A note on all the agreements ("All three run for ten years") gives every
row's agreement its term or consultation limit.

Inside a table the header-aware reading wins over the prose readers, which see each row as a
sentence: their facts that run across cells, repeat a cell's fact, or take a partner the line does
not name are dropped when the two are merged.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Final

from accords.extract.recognize.quantities import number
from accords.extract.relate.context import RECIPIENT, Ctx, is_state
from accords.extract.rx import rx
from accords.extract.types import Mention

_SEPARATOR: Final = rx(r"^[\s|:+-]+$")
# What a header cell names, first match wins: "Signatory for the partner" is a signatory, not the
# partner; "Aid type" the scope, not money; "Money named at signing" money, not a signing date;
# "Entry into force" or "Date delivered" neither a signing date nor anything read here.
_COLUMNS: Final = [
    ("partner", rx(r"\b(?:signatory|signing|partner|donor)\s+"
                   r"(?:states?|countr(?:y|ies)|nations?|governments?)\b", re.I)),
    ("signatory", rx(r"\bsignator(?:y|ies)\b|\bsigned\s+(?:by|for)\b|\bsigners?\b|\bwho\s+signed\b",
                             re.I)),
    ("scope", rx(r"\b(?:type|kind|nature|scope)\s+of\s+(?:the\s+)?(?:military\s+|defen[cs]e\s+)?"
                 r"(?:aid|support|assistance|help|equipment|weapons)|\b(?:aid|support|assistance|equipment)\s+(?:type|kind|nature|scope)\b|\blethal|\bscope\b"
                 r"|^\W*(?:type|kind|nature)\W*$", re.I)),
    ("consult", rx(r"\bconsult|\bconven", re.I)),
    ("money", rx(r"\bmoney|\bcommit|\bpledge|\bamount|\baid\b|\bsupport|\bfunding|\bsums?\b|\bpackages?\b|"
                 r"\bbudget|\bassistance|\bvalue\b|\bcontribution|\bfinanc|\ballocat|\bprovided\b|"
                 r"\bdelivered\b|\bUSD\b|\bEUR\b|\bGBP\b|[€$£¥]", re.I)),
    ("term", rx(r"(?<!-)\bterm\b|\bduration|\bvalid|\blength\b|\bruns?\s+for\b", re.I)),
    (None, rx(r"\bforce\b|\bexpir|\buntil\b|\bends?\b|\bdeliver|\bannounc|\bratif|\bupdated\b", re.I)),
    ("place", rx(r"\bplace|\bvenue|\bwhere\b|\bcity\b|\blocation", re.I)),
    ("signed", rx(r"\bsign(?:ed|ing|ature)\b|\bconclu", re.I)),
    ("date", rx(r"^\W*(?:date|when|dated?\s+of\s+(?:the\s+)?agreement)\W*$", re.I)),
    ("event", rx(r"^\W*(?:events?|what\s+happened|developments?|milestones?|description|step)\W*$", re.I)),
    ("partner", rx(r"\bpartners?\b|\bcountry\b|\bcountries\b|\bstates?\b|\bdonors?\b|\bnations?\b|"
                   r"\bgovernments?\b|\ballies\b|\bally\b|\bparty\b|\bparties\b|\bsignatory\s+state", re.I)),
]
# Columns that show a table is about agreements: only then is a bare "Date" the signing date.
_AGREEMENT_COLUMNS: Final = {"signed", "signatory", "place", "term", "consult", "scope"}
_AGREEMENT_WORD: Final = rx(r"\bagreements?\b|\baccords?\b|\btreat(?:y|ies)\b", re.I)
_STATUS: Final = [("allocated", rx(r"\b(?:allocat\w*|earmark\w*|set aside|budget\w*|fund\b)", re.I)),
                  ("provided", rx(r"\b(?:provided|delivered|disbursed|given|spent|paid|donated|sent)\b", re.I)),
                  ("expected", rx(r"\bexpected\b", re.I))]
_NEGATED: Final = rx(r"\b(?:no|not|none|without|nothing|excluding|except)\b|n't\b", re.I)
_HEDGED: Final = rx(r"\b(?:could|might|possibl\w*|propos\w*|consider\w*|discuss\w*|under\s+review|tbc|tbd)\b|"
                    r"(?-i:\bmay\b)", re.I)
_SINCE: Final = rx(r"\bsince\s+(\d{4})\b", re.I)
_YEARS: Final = rx(r"(?<![\d.,])((?:19|20)\d\d)\s*(?:-|–|/|to|until|through|and)\s*((?:19|20)\d\d)(?![\d.,])", re.I)
_YEAR: Final = rx(r"(?<![\d.,/-])((?:19|20)\d\d)(?![\d.,%])")
_PER_YEAR: Final = rx(r"(?=[aepy])"
                      r"\b(?:per\s+(?:year|annum)|a\s+year|annually|each\s+year|every\s+year|yearly)\b", re.I)
_LIMIT: Final = rx(r"\W*(?:within\s+|in\s+|no\s+later\s+than\s+)?(?P<n>\d{1,3}|[a-z]+(?:[- ][a-z]+)?)\s*[- ]?"
                   r"(?P<u>hours?|hrs?|h|days?)\b", re.I)
_TRIGGER: Final = rx(r"\b(?:after|following|upon|in\s+(?:the\s+)?(?:event|case)\s+of|if)\s+(?:an?\s+|the\s+|any\s+)?"
                     r"(?P<t>[^()|]{3,60}?)\s*(?:\(|$)", re.I)
_NON_LETHAL: Final = rx(r"\bnon-?\s?lethal\b", re.I)
_LETHAL: Final = rx(r"(?<!non-)(?<!non)(?<!non )\b(?:lethal|weapons|arms|ammunition|munitions)\b", re.I)
_NOT_STATED: Final = rx(r"^\W*$|^\W*(?:n/?a|none|unknown|not\b|no\b|tbc|tbd|to be\b|\?|various|online|virtual)",
                                re.I)
_NAME: Final = rx(r"[A-Z][\w'.-]+(?:\s+(?:[A-Z][\w'.-]+|de|De|van|von|der|da|di|la|le)){1,3}")
_PLACE_AFTER: Final = rx(r"[\s,;(–-]*(?:in\s+|at\s+)?(?P<p>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\)?\s*$")
# A bare number under a header that gives the currency and scale ("Pledge (EUR million)" / "977")
_HEAD_CURRENCY: Final = rx(r"(?<![A-Za-z])(?P<c>USD|EUR|GBP|JPY|SEK|NOK|DKK|CAD|AUD|CHF|PLN|CZK|ISK|€|\$|£|¥)"
                                  r"(?![A-Za-z])")
_HEAD_SCALE: Final = rx(r"\b(?P<s>thousands?|millions?|mn|mln|m|billions?|bn|bln)\b", re.I)
_SYMBOLS: Final = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY"}
_SCALES = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "bln": 1e9}
_BARE_AMOUNT: Final = rx(r"\s*(?:(?P<q>at least|about|around|some|over|more than|up to|approx\.?|c\.|~)\s*)?"
                         r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d{1,2}|\d+(?:\.\d+)?)(?![\d%]|[.,]\d)", re.I)
_ROLE_WORD: Final = rx(r"\b(?:Minister|President|Chancellor|Premier|Ambassador|Secretary|King|Queen|Prince|"
                       r"Taoiseach|Government|Ministry|Head|Leader|Embassy|Office|Council|Commission)\b")
_UKRAINE: Final = rx(r"\bukrain|\bkyiv\b", re.I)
_YES_NO: Final = rx(r"\W*(yes|no)\b", re.I)
_HEAD_UNIT: Final = rx(r"(?=[dh])\b(?:hours?|days?|hrs?|h)\b", re.I)
_UNTIL: Final = rx(r"\b(?:until|till|to|through|expires?(?:\s+in)?|ends?(?:\s+in)?)\s+(?:\w+\s+){0,2}?"
                   r"((?:20|21)\d\d)\b", re.I)
_YEARS_HEAD: Final = rx(r"\byears?\b", re.I)
_BARE_NUMBER: Final = rx(r"\s*(\d{1,3})\s*$")
_SIGN_WORD: Final = rx(r"\bsign(?:ed|ings?)\b", re.I)

Cell = tuple[int, int]


@dataclass
class Row:
    start: int  # the row's line (the partner's header cell when the table is read by columns)
    end: int
    cells: dict[str, Cell] = field(default_factory=dict)  # column kind -> cell range
    heads: dict[str, str] = field(default_factory=dict)  # column kind -> its header's words
    money: list[tuple[Cell, str]] = field(default_factory=list)  # every money cell, with its header's words
    signers: list[tuple[Cell, str]] = field(default_factory=list)  # every signatory cell, with its header's words
    table: Cell = (0, 0)  # the whole table


@dataclass
class _Line:
    start: int
    end: int
    cells: list[Cell]


def _tables(text: str) -> list[list[_Line]]:
    """Runs of lines with cells: a blank line ends a table; a line without a pipe inside one (a
    single-cell row, a caption) is skipped."""
    tables: list[list[_Line]] = []
    current: list[_Line] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            if len(current) >= 2:
                tables.append(current)
            current = []
            continue
        if "|" not in line or _SEPARATOR.match(line):
            continue
        cells = _cells(line, start)
        if len(cells) >= 2:
            current.append(_Line(start, end, cells))
    if len(current) >= 2:
        tables.append(current)
    return tables


def _cells(line: str, offset: int) -> list[Cell]:
    """Cell ranges, empty cells kept (so that every cell stays under its header); the outer pipes
    of a Markdown row are edges, not empty cells."""
    parts = line.split("|")
    pos = 0
    out: list[Cell] = []
    for i, part in enumerate(parts):
        a = pos
        pos += len(part) + 1
        if (i == 0 and not part.strip() and line.lstrip().startswith("|")) or (
                i == len(parts) - 1 and i > 0 and not part.strip() and line.rstrip().endswith("|")):
            continue
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        out.append((offset + a + lead, offset + a + lead + len(stripped)))
    return out


@lru_cache(maxsize=4096)  # (header and first-column cells repeat: "Partner", "Signed", "Date"; up to 12 scans each)
def _kind(words: str) -> str | None:
    return next((k for k, p in _COLUMNS if p.search(words)), None)


def _read(text: str, table: list[_Line], partner_of: Any) -> list[Row]:
    rows = _read_rows(text, table, partner_of)
    for row in rows:
        row.table = (table[0].start, table[-1].end)
    return rows


def _read_rows(text: str, table: list[_Line], partner_of: Any) -> list[Row]:
    header, body = table[0], table[1:]
    kinds = [_kind(text[a:b]) for a, b in header.cells]
    across = _partners_across(text, table, kinds, partner_of)
    if across is not None:  # partners across the top (or a "Partner | Spain" line), what each row is down the side
        side = [_kind(text[line.cells[0][0]:line.cells[0][1]]) for line in table]
        agreement_table = bool(set(side) & _AGREEMENT_COLUMNS)
        rows = []
        for j, cell in enumerate(table[across].cells[1:], start=1):
            row = Row(cell[0], cell[1], {"partner": cell})
            for i, (kind, line) in enumerate(zip(side, table, strict=True)):
                if i != across and j < len(line.cells):
                    a, b = line.cells[0]
                    _put(row, "signed_date" if kind == "date" and agreement_table else kind, line.cells[j], text[a:b])
            rows.append(row)
        return rows
    # A header may take two lines ("Agreement | | Money" over "Partner | Signed | Pledged | Provided"):
    # lines before the first that names a partner, with words a header uses, add to it.
    heads = [text[a:b] for a, b in header.cells]
    while body and partner_of is not None and len(heads) < 4 * len(header.cells) and not any(
            partner_of(c) for c in body[0].cells) and any(_kind(text[a:b]) for a, b in body[0].cells):
        top = list(heads)
        for i, (a, b) in enumerate(body[0].cells):
            if i < len(heads):
                # a cell that spans columns above ("Money (EUR million)") loads as one cell and empty ones
                above = top[i] or (next((t for t in reversed(top[:i]) if t), "") if a < b else "")
                heads[i] = f"{above} {text[a:b]}".strip()
            else:
                heads.append(text[a:b])
        body = body[1:]
    kinds = [_kind(h) for h in heads]
    agreement_table = bool(set(kinds) & _AGREEMENT_COLUMNS) or any(_AGREEMENT_WORD.search(h) for h in heads)
    kinds = ["signed_date" if k == "date" and agreement_table else k for k in kinds]
    # the partner is the column the header names so, else the first of the first three that names a state
    partner_col = kinds.index("partner") if "partner" in kinds else next(
        (i for i in range(min(3, len(body[0].cells))) if partner_of is not None and partner_of(body[0].cells[i])),
        0) if body else 0
    rows = []
    for line in body:
        row = Row(line.start, line.end)
        for i, (kind, cell) in enumerate(zip(kinds, line.cells, strict=False)):
            if i == partner_col:
                row.cells["partner"] = cell
            elif kind != "partner":
                _put(row, kind, cell, heads[i])
        if "partner" in row.cells:
            rows.append(row)
    return rows


def _timeline(ctx: Ctx, table: list[_Line]) -> list[dict[str, Any]]:
    """A timeline ("Date | Event"): every dated row is an event, told by its event cell."""
    kinds = [_kind(ctx.text[a:b]) for a, b in table[0].cells]
    if "date" not in kinds or "event" not in kinds:
        return []
    when, what = kinds.index("date"), kinds.index("event")
    out = []
    for line in table[1:]:
        if max(when, what) >= len(line.cells):
            continue
        a, b = line.cells[what]
        dates = [d.value for d in _in(ctx, "date", line.cells[when]) if d.value]
        if dates and b > a:
            out.append({"date": max(dates, key=len), "what": " ".join(ctx.text[a:b].split()),
                        "_span": (line.start, line.end), "_row": (table[0].start, table[-1].end), "_prose": []})
    return out


def _partners_across(text: str, table: list[_Line], kinds: list[str | None], partner_of: Any) -> int | None:
    """The line that names the partners when a table is read by columns: the header, when its
    cells after the first name states and none is a column word ("| | Spain | Belgium |"), or a
    line headed "Partner" whose other cells name states (a record: "Partner | Spain" over
    "Signed | 27 May 2024"); None for a table of one row per partner."""
    if partner_of is None:
        return None
    side = [_kind(text[line.cells[0][0]:line.cells[0][1]]) for line in table]
    if not any(k for k in side[1:]):
        return None
    for i, line in enumerate(table):
        named = [c for c in line.cells[1:] if c[1] > c[0]]
        if i == 0 and any(k for k in kinds[1:] if k != "partner"):
            continue
        if (i == 0 or side[i] == "partner") and named and all(partner_of(c) for c in named):
            return i
    return None


def _put(row: Row, kind: str | None, cell: Cell, head: str) -> None:
    """File a cell under its kind: the first column of a kind counts, except that every money
    column does ("Pledged" and "Provided" side by side), and every signatory column ("Signed for
    Ukraine by", "Signed by")."""
    if kind == "money":
        row.money.append((cell, head))
    elif kind == "signatory":
        row.signers.append((cell, head))
    elif kind and kind not in row.cells:
        row.cells[kind] = cell
        row.heads[kind] = head


def _in(ctx: Ctx, kind: str, cell: Cell) -> list[Mention]:
    """Mentions of ``kind`` inside a cell (looked up by sentence: tables can be long)."""
    a, b = cell
    out: list[Mention] = []
    if b <= a:
        return out
    for idx in range(ctx.sentence_of(a), ctx.sentence_of(b - 1) + 1):
        out.extend(m for m in ctx.in_sentence(kind, idx) if a <= m.start and m.end <= b)
    return out


def relate_tables(ctx: Ctx) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {"agreements": [], "commitments": [], "consultation_hours": [],
                                            "military_scope": [], "events": [], "_signers": [], "_drop": [],
                                            "_tables": []}
    if "|" not in ctx.text:
        return out

    def partners_in(cell: Cell) -> list[str]:
        return list(dict.fromkeys(str(p.value) for p in _in(ctx, "party", cell) if p.value not in (RECIPIENT, "RUS")
                                  and not p.extra.get("in_name") and is_state(p.value)))

    def partner_of(cell: Cell) -> str | None:
        found = partners_in(cell)
        return found[0] if found else None

    signing_dates: dict[str, set[str]] = {}  # partner -> the days its rows give as signed
    rows: list[Row] = []
    for table in _tables(ctx.text):
        rows.extend(_read(ctx.text, table, partner_of))
        a, b = table[0].start, table[-1].end  # where a prose reading must not run across cells
        out["_tables"].append({"span": (a, b), "cells": [a + i for i, c in enumerate(ctx.text[a:b]) if c == "|"],
                               "lines": [(line.start, line.end, set(partners_in((line.start, line.end))))
                                         for line in table]})
        out["events"].extend(_timeline(ctx, table))
    prose = _prose_signings(ctx) if rows else {}
    for row in rows:
        partners = partners_in(row.cells["partner"])
        if not partners:
            continue
        fields = _agreement_fields(ctx, row)
        words = {k: ctx.text[a:b] for k, (a, b) in row.cells.items()}
        heads = row.heads
        for partner in partners:
            key = sorted({partner, RECIPIENT})
            if any(not k.startswith("_") and k != "signatories" for k in fields):  # who signed alone: no agreement
                out["agreements"].append({"parties": key, "mentioned_only": False, **fields,
                                          "_span": (row.start, row.end)})
            for a, b in fields.get("_signer_cells", []):
                out["_signers"].append({"span": (a, b), "country": partner})
            if "consult" in row.cells:
                for hours, span in _limits(ctx, row.cells["consult"], heads["consult"]):
                    trig = _TRIGGER.search(heads.get("consult", ""))
                    out["consultation_hours"].append({"parties": key, "hours": hours,
                                                      "trigger": trig["t"].strip() if trig else None,
                                                      "_span": span})
            scopes = [(row.cells["scope"], heads["scope"], False)] if "scope" in row.cells else []
            for cell, head, strict in [*scopes, *((c, h, True) for c, h in row.money)]:
                for scope, span in _scopes(ctx, cell, head, strict=strict):
                    out["military_scope"].append({"donor": partner, "scope": scope, "_span": span})
            date = fields.get("date_signed")
            if date:
                if len(date) == 10:
                    signing_dates.setdefault(partner, set()).add(date)
                out["events"].append({"date": date, "what": _signing_what(partner, fields.get("place")),
                                      "_span": fields["_date_cell"],
                                      "_row": row.table,
                                      "_prose": prose.get((date, partner), [])})
        if len(partners) == 1:
            for cell, head in row.money:
                out["commitments"].extend(_commitments(ctx, partners[0], cell, head, words.get("scope", "")))
    out["_drop"] = [{"span": span, "date": date} for span, date in _summaries(ctx, signing_dates)]
    for agreement in out["agreements"]:
        agreement.pop("_signer_cells", None)
        agreement.pop("_date_cell", None)
    _collective(ctx, out)
    return out


_ALL: Final = rx(r"(?=[abe])\b(?:all|both|each|every)\b", re.I)
_THEM: Final = rx(r"(?=[adt])\b(?:agreements?|accords?|texts?|documents?|them|they)\b", re.I)
_NUMBERS: Final = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
_COUNT_WORDS = {w: i for i, w in enumerate(_NUMBERS, start=2)} | {str(i): i for i in range(2, 100)}
_COUNTED: Final = rx(rf"\b(?:all|both|each of(?: the)?|the|these|those)\s+({'|'.join(_NUMBERS)}|\d{{1,2}})\b", re.I)
_BOTH: Final = rx(r"\bboth\b", re.I)
_CONSULT: Final = rx(r"\bconsult|\bconven|\bmeet", re.I)
_SENTENCE_TRIGGER: Final = rx(r"\b(?:in the event of|in case of|following|after|upon|if)\s+(?:an?\s+|the\s+|any\s+)?"
                              r"(?P<t>[^.;()]{3,80})")


def _collective(ctx: Ctx, out: dict[str, list[dict[str, Any]]]) -> None:
    """A sentence that speaks of all the agreements ("All three agreements run for ten years",
    "Each of them provides for consultations within 24 hours") gives the table's agreements its
    term and consultation limit; a count that is not the table's ("both texts" under five rows)
    leaves them alone, as does a sentence that names a partner."""
    keys = list(dict.fromkeys(tuple(a["parties"]) for a in out["agreements"]))
    if len(keys) < 2:
        return
    candidates = sorted(set(ctx.by_sentence.get("duration", {})) | set(ctx.by_sentence.get("timelimit", {})))
    for idx in candidates:
        s, e = ctx.sentences[idx]
        sentence = ctx.text[s:e]
        if "|" in sentence or not _ALL.search(sentence) or not _THEM.search(sentence) or _NEGATED.search(sentence):
            continue
        if any(p.value not in (RECIPIENT, "RUS") for p in ctx.parties_in(idx)):
            continue
        counted = _COUNTED.search(sentence)
        count = _COUNT_WORDS.get(counted[1].lower()) if counted else 2 if _BOTH.search(sentence) else None
        if count is not None and count != len(keys):
            continue
        years = [m.value for m in ctx.in_sentence("duration", idx) if m.extra["unit"] == "year"]
        if years:
            for a in out["agreements"]:
                a.setdefault("duration_years", int(years[0]) if float(years[0]).is_integer() else years[0])
        if _CONSULT.search(sentence):
            for limit in ctx.in_sentence("timelimit", idx):
                trig = _SENTENCE_TRIGGER.search(ctx.text, limit.end, e)
                for key in keys:
                    out["consultation_hours"].append({"parties": list(key), "hours": limit.value,
                                                      "trigger": trig["t"].strip() if trig else None,
                                                      "_span": (s, e)})


def _agreement_fields(ctx: Ctx, row: Row) -> dict[str, Any]:
    text = ctx.text
    fields: dict[str, Any] = {}
    # a "Signed" column that holds no date ("yes") leaves the date to a bare "Date" column
    for cell in [row.cells[k] for k in ("signed", "signed_date") if k in row.cells][:2]:
        dates = [d for d in _in(ctx, "date", cell) if d.value and not d.extra.get("deadline")]
        if dates:
            best = max(dates, key=lambda d: len(d.value))
            fields["date_signed"], fields["_date_cell"] = best.value, cell
            if "place" not in row.cells:  # "27 May 2024, Madrid" / "27 May 2024 (Madrid)"
                after = _PLACE_AFTER.match(text, best.end, cell[1])
                if after and not _in(ctx, "date", (after.start("p"), after.end("p"))):
                    fields["place"] = after["p"]
            break
    if "place" in row.cells:
        a, b = row.cells["place"]
        place = text[a:b].strip()
        if place and not _NOT_STATED.match(place) and place[0].isupper() and len(place) <= 60:
            fields["place"] = place
    if "term" in row.cells:
        years = [d.value for d in _in(ctx, "duration", row.cells["term"]) if d.extra["unit"] == "year"]
        bare = _BARE_NUMBER.match(text, *row.cells["term"])
        if not years and bare and _YEARS_HEAD.search(row.heads["term"]):  # "10" under "Term (years)"
            years = [int(bare[1])]
        until = _UNTIL.search(text, *row.cells["term"])
        signed = fields.get("date_signed")
        if not years and until and signed and 0 < int(until[1]) - int(signed[:4]) <= 50:
            years = [int(until[1]) - int(signed[:4])]  # "until 2034", signed in 2024: ten years
        if years:
            fields["duration_years"] = int(years[0]) if float(years[0]).is_integer() else years[0]
    for cell, head in row.signers:
        names, spans = _signatories(ctx, cell)
        if names:
            fields["signatories"] = list(dict.fromkeys([*fields.get("signatories", []), *names]))
        if not _UKRAINE.search(head):  # "Signed for Ukraine by": not the partner's people
            fields.setdefault("_signer_cells", []).extend(spans)
    return fields


def _signatories(ctx: Ctx, cell: Cell) -> tuple[list[str], list[Cell]]:
    """People named in a signatory cell ("Pedro Sánchez, Prime Minister"; "Olaf Scholz and ...");
    a name the recognizer missed is taken from the cell's capitalised words before a comma."""
    people = _in(ctx, "person", cell)
    if people:
        return [m.text for m in people], [(m.start, m.end) for m in people]
    a, b = cell
    head = ctx.text[a:b].split(",")[0].split("(")[0].strip()
    m = _NAME.fullmatch(head)
    states = _in(ctx, "party", (a, a + len(head)))
    if m and not _NOT_STATED.match(head) and not _ROLE_WORD.search(head) and not states:
        return [head], [(a, a + len(head))]
    return [], []


def _limits(ctx: Ctx, cell: Cell, head: str) -> list[tuple[int, Cell]]:
    found = [(m.value, (m.start, m.end)) for m in _in(ctx, "timelimit", cell)]
    if found:
        return found
    bare = _BARE_NUMBER.match(ctx.text, cell[0], cell[1])
    unit = _HEAD_UNIT.search(head)
    if bare and unit:  # "24" under "Consultations (hours)"
        count = int(bare[1]) * (24 if unit[0].lower().startswith("d") else 1)
        return [(count, (bare.start(1), bare.end(1)))] if count else []
    m = _LIMIT.match(ctx.text, cell[0], cell[1])  # a bare "24 hours" / "48h": the header says what it is
    if m is None or _NEGATED.search(ctx.text, cell[0], m.start("n")):
        return []
    n = number(m["n"])
    if not n:
        return []
    hours = n * 24 if m["u"].lower().startswith("d") else n
    return [(hours, (m.start("n"), m.end("u")))]


def _scopes(ctx: Ctx, cell: Cell, head: str, strict: bool) -> list[tuple[str, Cell]]:
    """"military, lethal" -> lethal; "non-lethal" -> non-lethal; "no weapons" -> non-lethal (a
    limit is a scope); "Yes" / "No" under "Lethal aid?"; in a money cell only the words lethal /
    non-lethal count."""
    a, b = cell
    words = ctx.text[a:b]
    out: list[tuple[str, Cell]] = []
    answer = _YES_NO.match(words)
    if answer and not strict and _LETHAL.search(head) and not _NON_LETHAL.search(head):
        return [("lethal" if answer[1].lower() == "yes" else "non-lethal", (a, b))]
    nl = _NON_LETHAL.search(words)
    if nl:
        out.append(("non-lethal", (a, b)))
    for m in _LETHAL.finditer(words):
        if strict and m.group().lower() != "lethal":
            continue
        negated = bool(_NEGATED.search(words, 0, m.start()))
        if negated and not nl and not strict:
            out.append(("non-lethal", (a, b)))
        elif not negated:
            out.append(("lethal", (a, b)))
        break
    return list(dict.fromkeys(out))


def _commitments(ctx: Ctx, donor: str, cell: Cell, head: str, category_words: str) -> list[dict[str, Any]]:
    text = ctx.text
    found: list[tuple[Cell, float, str, str | None]] = [
        ((m.start, m.end), m.value, m.extra["currency"], m.extra.get("qualifier"))
        for m in _in(ctx, "money", cell) if m.value]
    if not found:
        bare = _bare_amount(text, cell, head)
        found = [bare] if bare else []
    out = []
    prev_end = cell[0]
    for i, ((start, end), amount, currency, qualifier) in enumerate(found):
        seg_end = found[i + 1][0][0] if i + 1 < len(found) else cell[1]
        left, right = text[prev_end:start], text[end:seg_end]
        prev_end = end
        if _NEGATED.search(left) or _HEDGED.search(left + right):
            continue  # "no new sum beyond EUR 300 million", "EUR 1 billion (proposed)"
        status = next((s for s, p in _STATUS if p.search(left + right)), None) or next(
            (s for s, p in _STATUS if p.search(head)), None) or (
            "provided" if _SINCE.search(left + right + head) or _SINCE.search(text, cell[0], cell[1])
            else "pledged")  # "since 2022": already given (in the money's own span too: "EUR 2 billion since 2022")
        item: dict[str, Any] = {
            "donor": donor, "recipient": RECIPIENT, "amount": amount, "currency": currency, "status": status,
            "period": _period(right, ctx) or _period(left, ctx) or _period(head, ctx),
            "category": _category(" ".join([right, left, head, category_words])),
            # one sum: the cell is the quote ("defence package of about EUR 188 million announced")
            "_span": cell if len(found) == 1 else (start, end + len(right.rstrip(" ,;.")) if i + 1 == len(found)
                                                   else end)}
        if qualifier:
            item["qualifier"] = qualifier
        if i and re.search(r"\b(?:of which|including|incl\.)\s*\Z", left, re.I):
            item["part_of_previous"] = True
        out.append(item)
    return out


def _bare_amount(text: str, cell: Cell, head: str) -> tuple[Cell, float, str, str | None] | None:
    cur = _HEAD_CURRENCY.search(head)
    m = _BARE_AMOUNT.match(text, cell[0], cell[1])
    if cur is None or m is None:
        return None
    rest = text[m.end():cell[1]].strip()
    if rest and not re.match(r"[(;,]|in\b|for\b|per\b|since\b|over\b", rest, re.I):
        return None  # "977 jets", "2024": the number is not the amount the header prices
    raw = m["n"]
    # "1,800" groups thousands; "1,8" is a decimal comma (as the money recognizer reads "4,5")
    value = float(raw.replace(",", "")) if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw) else float(
        raw.replace(",", "."))
    if re.fullmatch(r"(?:19|20)\d\d", raw) and not _HEAD_SCALE.search(head):
        return None
    scale = _HEAD_SCALE.search(head)
    if scale:
        value *= _SCALES.get(scale["s"].lower().rstrip("s"), _SCALES.get(scale["s"].lower(), 1.0))
    qualifier = (m["q"] or "").lower() or None
    code = _SYMBOLS.get(cur["c"], cur["c"])
    return (m.start("q") if m["q"] else m.start("n"), m.end("n")), value, code, qualifier


def _period(words: str, ctx: Ctx) -> str | None:
    per_year = " (per year)" if _PER_YEAR.search(words) else ""
    since = _SINCE.search(words)
    ref = ctx.doc.reference
    if since:
        return f"{since[1]}/{ref.year}" if ref else since[1]
    span = _YEARS.search(words)
    if span:
        return f"{span[1]}/{span[2]}{per_year}"
    year = _YEAR.search(words)
    return f"{year[1]}{per_year}" if year else None


def _category(words: str) -> str:
    from accords.extract.relate.commitments import category

    return category(words)


def _signing_what(partner: str, place: str | None) -> str:
    from accords.extract.relate.people import party_name

    name = (party_name(partner) or partner).removeprefix("the ")
    return f"{name}–Ukraine agreement signed" + (f" in {place}" if place else "")


def _prose_signings(ctx: Ctx) -> dict[tuple[str, str], list[Cell]]:
    """(date, partner) -> sentences outside tables that give that date and name that partner: a
    signing they report is the row's signing (one pass over the dated sentences)."""
    out: dict[tuple[str, str], list[Cell]] = {}
    for idx, dates in ctx.by_sentence.get("date", {}).items():
        s, e = ctx.sentences[idx]
        if "|" in ctx.text[s:e]:
            continue
        partners = {str(p.value) for p in ctx.parties_in(idx)}
        for value in {d.value for d in dates if d.value}:
            for partner in partners:
                out.setdefault((value, partner), []).append((s, e))
    return out


def _summaries(ctx: Ctx, signing_dates: dict[str, set[str]]) -> list[tuple[Cell, str]]:
    """Prose that sums up the table's signings ("Four agreements signed in late May, and a fifth
    in October", "Spain and Portugal signed in May"): its month or year stands for dates the rows
    give in full, for every partner it names (or for some row when it names none)."""
    out: list[tuple[Cell, str]] = []
    if not signing_dates:
        return out
    every = set().union(*signing_dates.values())
    for idx, dates in ctx.by_sentence.get("date", {}).items():
        s, e = ctx.sentences[idx]
        sentence = ctx.text[s:e]
        if "|" in sentence or not _SIGN_WORD.search(sentence):
            continue
        named = {str(p.value) for p in ctx.parties_in(idx)} - {RECIPIENT, "RUS"}
        for d in dates:
            if not d.value or len(d.value) >= 10:
                continue
            covered = [any(x.startswith(d.value) for x in signing_dates.get(p, ())) for p in named]
            if all(covered) if named else any(x.startswith(d.value) for x in every):
                out.append(((s, e), d.value))
    return out


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
        day, known_day = item.get("date_signed") or "", known.get("date_signed") or ""
        if day and (not known_day or len(day) > len(known_day)):
            # "in June" in prose, "27 June 2024" in the row: the row is precise (and a month that prose gives
            # several signings, "between mid-July and early September", is no better evidence than the row)
            known["date_signed"] = day
            known["_span"] = item["_span"]  # and the row that dates the signing is the better evidence
        for k, v in item.items():
            if k == "signatories" and known.get(k):
                known[k] = list(dict.fromkeys([*known[k], *v]))
            elif not known.get(k) and not k.startswith("_"):
                known[k] = v
    for key, ident in _IDENTITY.items():
        _merge_key(facts, extra, key, ident)
    _merge_events(facts, extra)
    _merge_people(facts, extra)


_IDENTITY: dict[str, Callable[[dict[str, Any]], tuple[Any, ...]]] = {
    "commitments": lambda c: (c["donor"], c["amount"], c["currency"], c["status"]),
    "consultation_hours": lambda c: (tuple(c["parties"]), c["hours"]),
    "military_scope": lambda c: (c["donor"], c["scope"]),
}


def _merge_key(facts: dict[str, list[dict[str, Any]]], extra: dict[str, list[dict[str, Any]]], key: str,
               ident: Callable[[dict[str, Any]], tuple[Any, ...]]) -> None:
    """Inside a table the header-aware reading wins: a prose reading of a row line that runs across
    cells ("EUR 1.7 billion provided | military, lethal") or repeats a cell's fact is dropped."""
    from_table = {ident(x) for x in extra[key]}
    kept = []
    for item in facts[key]:
        s, e = item["_span"]
        table = next((t for t in extra.get("_tables", []) if t["span"][0] <= s and e <= t["span"][1]), None)
        if table is not None and (ident(item) in from_table or bisect_right(table["cells"], s) < bisect_left(
                table["cells"], e) or not _named_on_line(table, s, item)):
            continue
        kept.append(item)
    seen = {ident(x) for x in kept}
    for item in extra[key]:
        if ident(item) not in seen:
            kept.append(item)
            seen.add(ident(item))
    facts[key] = kept


def _named_on_line(table: dict[str, Any], start: int, item: dict[str, Any]) -> bool:
    """Whether the partner of a prose fact read in a table is named on its own line: a row that
    names none ("Total | EUR 2 billion pledged") does not belong to the row above it."""
    partners = {item["donor"]} if "donor" in item else set(item.get("parties", [])) - {RECIPIENT}
    line: set[str] = next((names for a, b, names in table["lines"] if a <= start <= b), set())
    return bool(partners) and partners <= line


def _merge_events(facts: dict[str, list[dict[str, Any]]], extra: dict[str, list[dict[str, Any]]]) -> None:
    """A row's signing replaces the event the generic reader made of the row's line; prose that
    dates the same partner's signing keeps its own event; prose that only sums up the rows'
    signings ("four agreements signed in late May") gives no event of its own."""
    tables: dict[str, set[tuple[int, int]]] = {}  # date -> the tables that give it as a signing date
    for e in extra["events"]:
        tables.setdefault(e["date"], set()).add(tuple(e["_row"]))
    drop = {(tuple(d["span"]), d["date"]) for d in extra.get("_drop", [])}
    events = []
    for e in facts["events"]:
        s, end = e["_span"]
        if any(a <= s and end <= b for a, b in tables.get(e["date"], ())):
            continue
        if ((s, end), e["date"]) in drop:
            continue
        events.append(e)
    kept = {(e["date"], tuple(e["_span"])) for e in events}
    dated: set[tuple[str, tuple[int, int]]] = set()  # (date, table) of the row signings added
    for e in extra["events"]:
        if any((e["date"], tuple(span)) in kept for span in e["_prose"]):
            continue
        if (e["date"], tuple(e["_row"])) in dated:
            continue  # one event per date a table tells, however many signings share it (as in prose)
        dated.add((e["date"], tuple(e["_row"])))
        events.append({"date": e["date"], "what": e["what"], "_span": e["_span"]})
    facts["events"] = events


def _merge_people(facts: dict[str, list[dict[str, Any]]], extra: dict[str, list[dict[str, Any]]]) -> None:
    """A signatory's role names the partner of the row ("Prime Minister" -> "Prime Minister of Portugal")."""
    from accords.extract.relate.people import party_name

    for person in facts.get("people", []):
        role = person.get("role")
        if not role or " of " in role:
            continue
        for signer in extra.get("_signers", []):
            a, b = signer["span"]
            if person.get("_country") not in (None, signer["country"]):
                continue  # "Volodymyr Zelensky" in a row of Spain signs for Ukraine
            if any(a <= s and e <= b for s, e in person.get("_mentions", [])):
                person["role"] = f"{role} of {party_name(signer['country'])}"
                break
