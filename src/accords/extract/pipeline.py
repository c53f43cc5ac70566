"""The extraction pipeline: a registry of named, versioned stages and the chain that runs them.

Public contract (``accords ingest`` relies on it)::

    res = extract_path(path, published=None)        # or extract_bytes(data, filename=None, published=None)
    res.text, res.sha256, res.media_type, res.data  # data: the corpus README's JSON shape
    res.to_json(indent=True)                        # data as UTF-8 JSON bytes

Every item taken from the text carries ``quote`` and ``span`` with ``res.text[start:end] == quote``
(and ``page`` when the format has pages). Bad input raises InputError or one of its subclasses.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Final

import orjson

from accords.errors import AccordsError, DateError, ExtractionError
from accords.extract import load as load_mod
from accords.extract import segment as seg
from accords.extract.normalize import normalize as normalize_text
from accords.extract.recognize.channels import recognize_channels
from accords.extract.recognize.dates import recognize_dates, resolve, same_day
from accords.extract.recognize.money import recognize_money
from accords.extract.recognize.parties import recognize_parties
from accords.extract.recognize.people import recognize_people
from accords.extract.recognize.quantities import recognize_durations, recognize_time_limits
from accords.extract.relate import context
from accords.extract.relate.agreements import relate_agreements
from accords.extract.relate.commitments import relate_commitments
from accords.extract.relate.document import document_record, reference
from accords.extract.relate.events import relate_channels, relate_events
from accords.extract.relate.mechanisms import relate_consultations, relate_scope
from accords.extract.relate.people import relate_people
from accords.extract.relate.tables import merge as merge_tables
from accords.extract.relate.tables import relate_tables
from accords.extract.types import Doc, Mention

StageFn = Callable[[Doc], Doc]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    version: str
    fn: StageFn


REGISTRY: dict[str, Stage] = {}


def stage(name: str, version: str) -> Callable[[StageFn], StageFn]:
    """Register a stage under ``name``; the chain refers to stages by name only."""
    def wrap(fn: StageFn) -> StageFn:
        REGISTRY[name] = Stage(name, version, fn)
        return fn
    return wrap


@stage("normalize", "1")
def _normalize(doc: Doc) -> Doc:
    doc.norm, doc.offsets = normalize_text(doc.loaded.text)
    return doc


@stage("segment", "1")
def _segment(doc: Doc) -> Doc:
    doc.paragraphs = seg.paragraphs(doc.norm)
    heads = seg.run_in_headings(doc.norm, doc.paragraphs)
    doc.sentences = seg.sentences(doc.norm, doc.paragraphs, heads)
    doc.sections = seg.sections(doc.norm, doc.paragraphs, heads)
    return doc


RECOGNIZERS: dict[str, Callable[[str], list[Mention]]] = {
    "party": recognize_parties,
    "person": recognize_people,
    "money": recognize_money,
    "date": recognize_dates,
    "duration": recognize_durations,
    "timelimit": recognize_time_limits,
    "channel": recognize_channels,
}


@stage("recognize", "1")
def _recognize(doc: Doc) -> Doc:
    doc.mentions = {kind: fn(doc.norm) for kind, fn in RECOGNIZERS.items()}
    return doc


@stage("reference", "1")
def _reference(doc: Doc) -> Doc:
    doc.reference, doc.reference_source = reference(doc, doc.given)
    doc.mentions["date"] = same_day([
        Mention(m.kind, m.start, m.end, m.text, resolve(m.extra, doc.reference), m.extra)
        for m in doc.mentions.get("date", [])
    ], doc.norm)
    return doc


@stage("relate", "1")
def _relate(doc: Doc) -> Doc:
    ctx = context.build(doc)
    people = relate_people(ctx)
    agreements = relate_agreements(ctx, people)
    doc.facts = {
        "agreements": agreements,
        "commitments": relate_commitments(ctx),
        "consultation_hours": relate_consultations(ctx, agreements),
        "military_scope": relate_scope(ctx),
        "people": people,
        "events": relate_events(ctx, agreements),
        "channels": relate_channels(ctx),
        "provisions": [],
    }
    tables = relate_tables(ctx)
    if any(tables.values()):  # (most documents hold no table: merging nothing changes no fact)
        merge_tables(doc.facts, tables)
    if ctx.withdrawn:  # what a correction notice withdraws is no fact
        for key in ("commitments", "consultation_hours", "military_scope", "events"):
            doc.facts[key] = [f for f in doc.facts[key] if not ctx.is_withdrawn(*f["_span"])]
    return doc


@cache
def _coder() -> Callable[..., list[dict[str, Any]]] | None:
    """``code_provisions``, or None while it is absent. Imported on first use (it loads the codebook,
    which a CLI call that extracts nothing should not pay for), then kept: an import statement run
    for every document costs a sys.modules lookup and a module attribute check each time."""
    try:  # written by another part of the project; absent until it lands
        from accords.extract.provisions import code_provisions  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    return code_provisions


@stage("provisions", "1")
def _provisions(doc: Doc) -> Doc:
    code_provisions = _coder()
    if code_provisions is None:
        return doc
    agreements = [a for a in doc.facts.get("agreements", []) if not a.get("mentioned_only")]
    default = "-".join(sorted(agreements[0]["parties"])) if agreements else None
    items = code_provisions(doc.norm, doc.sentences, default,
                            signed=["-".join(sorted(a["parties"])) for a in agreements])
    out = []
    for item in items:
        span = item.get("span")
        if not span:
            continue
        rest = {k: v for k, v in item.items() if k not in ("span", "quote", "page")}
        rest["_span"] = (int(span[0]), int(span[1]))
        out.append(rest)
    doc.facts["provisions"] = out
    return doc


CHAIN: list[str] = ["normalize", "segment", "recognize", "reference", "relate", "provisions"]

_ORDER: Final = {
    "agreements": ("parties", "date_signed", "place", "duration_years", "title", "basis", "signatories",
                   "mentioned_only"),
    "commitments": ("donor", "recipient", "amount", "currency", "status", "period", "category",
                    "part_of_previous", "qualifier", "instrument"),
    "consultation_hours": ("parties", "hours", "trigger"),
    "military_scope": ("donor", "scope"),
    "people": ("name", "role"),
    "events": ("date", "what"),
    "channels": ("name",),
}


@dataclass(frozen=True, slots=True)
class Extraction:
    text: str
    sha256: str
    media_type: str
    data: dict[str, Any]

    def to_json(self, *, indent: bool = False) -> bytes:
        """``data`` as UTF-8 JSON: what ``json.dumps(data, ensure_ascii=False)`` writes (compact,
        or indented by two spaces), byte for byte."""
        # orjson: at 200k words/s the stdlib encoder was 2% of the pipeline, and with indent (its
        # pure-Python path) about 6% of a one-document CLI call; orjson does either in a tenth.
        return orjson.dumps(self.data, option=orjson.OPT_INDENT_2 if indent else 0)


def run_chain(doc: Doc, chain: list[str] | None = None) -> Doc:
    for name in chain or CHAIN:
        doc = REGISTRY[name].fn(doc)
    return doc


def assemble(doc: Doc) -> dict[str, Any]:
    """The output object: facts with ``_span`` become ``quote`` + ``span`` in the loaded text."""
    text = doc.loaded.text
    pages = doc.loaded.pages
    page_starts = [p[0] for p in pages]
    data: dict[str, Any] = {"document": document_record(doc, doc.given)}
    for key in ("agreements", "commitments", "consultation_hours", "military_scope", "people", "events",
                "channels", "provisions"):
        items = []
        fixed = _ORDER.get(key)
        for fact in doc.facts.get(key, []):
            if fixed is not None:
                item = {k: v for k in fixed if (v := fact.get(k)) is not None}
            else:  # the fact's own key order
                item = {k: v for k, v in fact.items() if v is not None and not k.startswith("_")}
            if key == "agreements":
                item["mentioned_only"] = bool(fact.get("mentioned_only"))
            ns, ne = fact["_span"]
            start, end = doc.offsets.span(ns, ne)
            while end > start and text[end - 1].isspace():
                end -= 1
            while start < end and text[start].isspace():
                start += 1
            item["quote"] = text[start:end]
            item["span"] = [start, end]
            if pages:
                i = bisect_right(page_starts, start) - 1
                if i >= 0:
                    item["page"] = pages[i][2]
            items.append(item)
        data[key] = items
    return data


def _as_date(published: date | str | None) -> date | None:
    if published is None or isinstance(published, date):
        return published
    try:
        return date.fromisoformat(published.strip())
    except ValueError:
        raise DateError(f"bad publication date {published!r}", "give a real calendar date as YYYY-MM-DD") from None


def _limit(limit: int | None) -> int:
    if limit is not None:
        return limit
    from accords.settings import get_settings

    return get_settings().max_document_bytes


def extract_bytes(data: bytes, filename: str | None = None, published: date | str | None = None,
                  *, limit: int | None = None, chain: list[str] | None = None) -> Extraction:
    """Run the whole pipeline over raw bytes (``chain`` names the stages; default :data:`CHAIN`)."""
    given = _as_date(published)
    loaded = load_mod.load_bytes(data, filename, _limit(limit))
    try:
        doc = run_chain(Doc(loaded=loaded, given=given), chain)
        result = assemble(doc)
    except AccordsError:
        raise
    except Exception as exc:  # a stage bug must still reach the user as one clean line
        raise ExtractionError(f"extraction failed: {type(exc).__name__}: {exc}",
                              "report this document; meanwhile its facts can be entered by hand") from exc
    return Extraction(text=loaded.text, sha256=loaded.sha256, media_type=loaded.media_type, data=result)


def extract_path(path: Path, published: date | str | None = None, *, limit: int | None = None) -> Extraction:
    """Read ``path`` (refusing oversized files without reading them) and extract."""
    lim = _limit(limit)
    raw = load_mod.read_path(Path(path), lim)
    return extract_bytes(raw, Path(path).name, published, limit=lim)


def versions() -> dict[str, str]:
    return {name: REGISTRY[name].version for name in CHAIN}
