"""Checks on the dataset files; every check is a pure function that returns problems as lines.

``validate(path)`` runs them all: the file shapes (schema), ISO 3166 codes, real calendar dates,
ISO 4217 currencies, referential integrity (every party, person, channel, agreement, commitment
and declaration referenced exists), ids that follow the project's schemes, and a source URL and
an access date behind every fact. An empty list means the dataset is fit to load.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pycountry
import yaml
from pydantic import ValidationError

from accords import yamlio
from accords.dataset.facts import Fact, RawDataset, expand, read
from accords.dataset.schema import FILES, Header

# Codes accepted besides ISO 3166-1 alpha-3: the EU (ISO-reserved) and Kosovo (user-assigned).
EXTRA_PARTY_CODES = {"EUU": "European Union", "XKX": "Kosovo"}
AGREEMENT_ID = re.compile(r"^UKR-([A-Z]{3})-(\d{4})$")
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
REF_KINDS = {"person": "people", "agreement": "agreements", "channel": "channels",
             "commitment": "commitments", "declaration": "declarations"}


def check_date(text: Any, *, full: bool = False) -> str | None:
    """None if ``text`` is a real date (YYYY-MM-DD; YYYY-MM or YYYY allowed unless ``full``)."""
    m = PARTIAL_DATE.match(str(text)) if isinstance(text, str) else None
    if m is None or (full and m.group(3) is None):
        return f"{text!r} is not a date ({'YYYY-MM-DD' if full else 'YYYY, YYYY-MM or YYYY-MM-DD'})"
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        date(year, int(month or 1), int(day or 1))
    except ValueError:
        return f"{text!r} is not a real calendar date"
    return None


def check_iso3(code: Any) -> str | None:
    if isinstance(code, str) and code.isupper() and (code in EXTRA_PARTY_CODES
                                                     or pycountry.countries.get(alpha_3=code)):
        return None
    return f"{code!r} is not an ISO 3166-1 alpha-3 code (or EUU/XKX)"


def check_currency(code: Any) -> str | None:
    if isinstance(code, str) and len(code) == 3 and pycountry.currencies.get(alpha_3=code):
        return None
    return f"{code!r} is not an ISO 4217 currency code"


def check_url(url: Any) -> str | None:
    parts = urlparse(str(url))
    if parts.scheme in ("http", "https") and parts.netloc and " " not in str(url):
        return None
    return f"source {url!r} is not an http(s) URL"


def schema_problems(raw: RawDataset) -> list[str]:
    """File shapes: the header and every record against its typed model."""
    out: list[str] = []
    versions = set()
    for spec in FILES:
        doc = raw.docs.get(spec.key)
        if doc is None:
            continue
        try:
            head = Header.model_validate(doc.get("dataset"))
            versions.add((head.name, head.version))
            problem = check_date(head.accessed, full=True)
            if problem:
                out.append(f"{spec.file}: dataset.accessed: {problem}")
        except ValidationError as exc:
            out.extend(_pyd(spec.file, "dataset", exc))
        items = doc.get(spec.key)
        if not isinstance(items, list):
            out.append(f"{spec.file}: '{spec.key}' must be a list of records")
            continue
        for i, rec in enumerate(items):
            rid = rec.get("id", f"#{i}") if isinstance(rec, dict) else f"#{i}"
            try:
                spec.model.model_validate(rec)
            except ValidationError as exc:
                out.extend(_pyd(spec.file, str(rid), exc))
    if len(versions) > 1:
        out.append("files disagree on the dataset name/version: " + ", ".join(f"{n}@{v}" for n, v in sorted(versions)))
    return out


def _pyd(file: str, rid: str, exc: ValidationError) -> list[str]:
    seen: set[str] = set()
    out = []
    for err in exc.errors():
        # Union errors repeat the same location once per branch; the first message is enough.
        loc = ".".join(str(p) for p in err["loc"] if not str(p).startswith(("Claim", "list[", "str", "int",
                                                                              "float", "bool", "literal")))
        if loc in seen:
            continue
        seen.add(loc)
        out.append(f"{file}: {rid}.{loc}: {err['msg']}")
    return out


def id_problems(raw: RawDataset) -> list[str]:
    """Unique ids; agreement and provision ids that follow ``UKR-<ISO3>-<year>`` and ``<agreement>:<code>``."""
    out: list[str] = []
    owner: dict[str, str] = {}
    for spec in FILES:
        for rec in raw.records(spec.key):
            rid = str(rec.get("id"))
            if rid in owner:
                out.append(f"{spec.file}: {rid}: id already used in {owner[rid]}")
            owner.setdefault(rid, spec.file)
    for rec in raw.records("agreements"):
        rid = str(rec.get("id"))
        m = AGREEMENT_ID.match(rid)
        parties = rec.get("parties") or []
        plain = [p["value"] if isinstance(p, dict) else p for p in parties]
        signed = rec.get("date_signed")
        signed = signed.get("value") if isinstance(signed, dict) else signed
        if m is None:
            out.append(f"agreements.yaml: {rid}: id must look like UKR-<ISO3>-<year signed>")
        elif m.group(1) not in plain or not str(signed).startswith(m.group(2)):
            out.append(f"agreements.yaml: {rid}: id does not match its parties and year signed")
    for rec in raw.records("provisions"):
        want = f"{rec.get('agreement')}:{rec.get('code')}"
        if rec.get("id") != want:
            out.append(f"provisions.yaml: {rec.get('id')}: id must be {want!r}")
    return out


def fact_problems(facts: Iterable[Fact], raw: RawDataset) -> list[str]:
    """Per fact: sources, access date, codes, dates, numbers and references.

    The same fault in several facts of one record (a record without sources) is one line
    naming those fields.
    """
    known = {key: {str(r.get("id")) for r in raw.records(key)} for key in (*REF_KINDS.values(), "parties")}
    found: dict[tuple[str, str, str], list[str]] = {}
    for f in facts:
        msgs = [] if f.sources else ["no source URL"]
        msgs += [p for p in map(check_url, f.sources) if p]
        problem = check_date(f.accessed, full=True) if f.accessed else "no access date"
        if problem:
            msgs.append(f"accessed: {problem}")
        problem = _value_problem(f, known)
        if problem:
            msgs.append(problem)
        for msg in msgs:
            fields = found.setdefault((f.file, f.record, msg), [])
            if f.key not in fields:
                fields.append(f.key)
    return [f"{file}: {rec}.{'/'.join(fields)}: {msg}" for (file, rec, msg), fields in found.items()]


def _value_problem(f: Fact, known: dict[str, set[str]]) -> str | None:
    v = f.value
    if f.kind == "party":
        return check_iso3(v) or (None if v in known["parties"] else f"party {v!r} is not in parties.yaml")
    if f.kind == "date":
        return check_date(v)
    if f.kind == "currency":
        return check_currency(v)
    if f.kind == "number":
        ok = isinstance(v, int | float) and not isinstance(v, bool) and v >= 0
        return None if ok else f"{v!r} is not a non-negative number"
    if f.kind in REF_KINDS:
        table = REF_KINDS[f.kind]
        return None if str(v) in known[table] else f"{f.kind} {v!r} is not in {table}.yaml"
    return None


def party_record_problems(raw: RawDataset) -> list[str]:
    out = []
    for rec in raw.records("parties"):
        if rec.get("id") != rec.get("iso3"):
            out.append(f"parties.yaml: {rec.get('id')}: id and iso3 must be the same code")
    return out


def _codebook() -> dict[str, tuple[str, str, list[str]]]:
    """``code -> (pillar, value type, allowed text values)`` from the shipped codebook file.

    Read as data: the dataset checks codes against the codebook without depending on its code.
    """
    try:
        text = resources.files("accords.codebook").joinpath("codebook.yaml").read_text("utf-8")
        book = yamlio.safe_load(text) or {}
    except (OSError, yaml.YAMLError):
        return {}
    out = {}
    for code in book.get("codes", []) if isinstance(book, dict) else []:
        values = code.get("values") or {}
        out[str(code["id"])] = (str(code.get("pillar")), str(code.get("value", "presence")),
                                [str(v) for v in values])
    return out


def codebook_problems(facts: Iterable[Fact]) -> list[str]:
    """Provision codes exist in the codebook, sit in its pillar and hold a value of its type."""
    book = _codebook()
    if not book:
        return ["codebook.yaml of accords.codebook is missing or unreadable: provision codes were not checked"]
    out: list[str] = []
    for f in facts:
        if f.schema != "provision" or f.prop not in ("code", "value", "pillar"):
            continue
        code = f.record.partition(":")[2]
        if code not in book:
            if f.prop == "code":
                out.append(f"{f.where}: {code!r} is not a code of the codebook")
            continue
        pillar, value_type, allowed = book[code]
        if f.prop == "pillar" and f.value != pillar:
            out.append(f"{f.where}: pillar of {code} is {pillar!r}, not {f.value!r}")
        if f.prop == "value" and not _fits(value_type, allowed, f.value):
            out.append(f"{f.where}: {f.value!r} is not a {value_type} value for {code}")
    return out


def _fits(value_type: str, allowed: list[str], value: Any) -> bool:
    if value in ("present", "absent"):
        # A number code may be known to be present without its number (e.g. no time limit reported).
        return value_type in ("presence", "number")
    if value_type == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if value_type == "text":
        return isinstance(value, str) and (not allowed or value in allowed)
    return False


def validate(path: Path | None = None) -> list[str]:
    """Every problem in the dataset at ``path`` (the shipped data by default), one line each."""
    raw = read(path)
    problems = list(raw.problems)
    shape = schema_problems(raw)
    problems += shape
    if shape or raw.problems:
        # Deeper checks on malformed records would only repeat the same fault in other words.
        return problems
    problems += id_problems(raw) + party_record_problems(raw)
    facts = expand(raw)
    problems += fact_problems(facts, raw) + codebook_problems(facts)
    return problems
