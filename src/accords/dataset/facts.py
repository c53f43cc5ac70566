"""Reading the dataset files and expanding their records into facts (one value, its sources).

Both the validator and the loader work on :class:`Fact`; this module only reads files and
reshapes data, it judges nothing (see ``validate``) and writes nothing (see ``loader``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from accords import yamlio
from accords.dataset.schema import FILES, META, FieldSpec, FileSpec

NAME = "accords-reference"


def default_dir() -> Path:
    """The data directory shipped inside the package."""
    return Path(str(resources.files("accords.dataset").joinpath("data")))


@dataclass(frozen=True, slots=True)
class Fact:
    """One value of one property of one entity, with where it came from."""

    file: str
    record: str
    key: str
    entity_id: str
    schema: str
    prop: str | None  # None: a link kept beside the statements, not a property of its own
    kind: str
    value: Any
    sources: tuple[str, ...]
    accessed: str | None
    confidence: str | None
    note: str | None
    unit: str | None = None
    links: dict[str, str] = field(default_factory=dict)

    @property
    def where(self) -> str:
        return f"{self.file}: {self.record}.{self.key}"


@dataclass
class RawDataset:
    """The parsed files: ``docs[key]`` is the document of that file; ``problems`` says what failed."""

    root: Path
    docs: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def records(self, key: str) -> list[dict[str, Any]]:
        items = self.docs.get(key, {}).get(key)
        return [r for r in items if isinstance(r, dict)] if isinstance(items, list) else []

    @property
    def header(self) -> dict[str, Any]:
        for doc in self.docs.values():
            head = doc.get("dataset")
            if isinstance(head, dict):
                return head
        return {}


def read(root: Path | None = None) -> RawDataset:
    """Parse every dataset file under ``root`` (the shipped data by default)."""
    base = root or default_dir()
    raw = RawDataset(base)
    if not base.is_dir():
        raw.problems.append(f"{base}: not a directory")
        return raw
    for spec in FILES:
        path = base / spec.file
        if not path.is_file():
            raw.problems.append(f"{spec.file}: missing")
            continue
        try:
            doc = yamlio.safe_load(path.read_text("utf-8"))  # (libyaml: parsing is most of the cost)
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raw.problems.append(f"{spec.file}: not readable YAML ({first})")
            continue
        if not isinstance(doc, dict):
            raw.problems.append(f"{spec.file}: the top level must be a mapping with 'dataset' and '{spec.key}'")
            continue
        raw.docs[spec.key] = doc
    return raw


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def claims(value: Any) -> list[tuple[Any, dict[str, Any]]]:
    """The claims of a single-valued fact: ``[(value, overrides)]`` (see ``schema`` for the forms)."""
    if isinstance(value, dict) and "value" in value:
        return [(value["value"], value)]
    if isinstance(value, list) and value and all(isinstance(v, dict) and "value" in v for v in value):
        return [(v["value"], v) for v in value]
    return [(value, {})]


def _many(value: Any) -> list[tuple[Any, dict[str, Any]]]:
    items = value if isinstance(value, list) else [value]
    return [(v["value"], v) if isinstance(v, dict) and "value" in v else (v, {}) for v in items]


def _facts_of(spec: FileSpec, rec: dict[str, Any], head: dict[str, Any],
              base: dict[str, Any] | None = None) -> Iterator[Fact]:
    rid = str(rec.get("id", "?"))
    rsrc = base or rec
    links = {k: str(rec[k]) for k, f in spec.fields.items() if f.prop is None and rec.get(k)}
    for name, fs in spec.fields.items():
        if name not in rec or rec[name] is None or name in META:
            continue
        pairs = _many(rec[name]) if fs.multi else claims(rec[name])
        for value, over in pairs:
            yield _fact(spec, rid, name, fs, value, over, rsrc, head, links)


def _fact(spec: FileSpec, rid: str, name: str, fs: FieldSpec, value: Any, over: dict[str, Any],
          rec: dict[str, Any], head: dict[str, Any], links: dict[str, str],
          entity: tuple[str, str] | None = None) -> Fact:
    srcs = over.get("sources") or rec.get("sources") or []
    eid, schema = entity or (rid, spec.schema)
    return Fact(
        file=spec.file, record=rid, key=name, entity_id=eid, schema=schema, prop=fs.prop, kind=fs.kind,
        value=value, sources=tuple(str(s) for s in srcs),
        accessed=_text(over.get("accessed") or rec.get("accessed") or head.get("accessed")),
        confidence=_text(over.get("confidence") or rec.get("confidence")),
        # An agreement's own note is a property of its own; elsewhere the record's note explains each fact.
        note=_text(over.get("note") or (None if spec.key == "agreements" else rec.get("note"))),
        unit=fs.unit, links=dict(links))


def _declaration_facts(spec: FileSpec, rec: dict[str, Any], head: dict[str, Any],
                       names: dict[str, str]) -> Iterator[Fact]:
    """A declaration is a channel whose members joined on dates; each joining is also an event."""
    rid = str(rec.get("id", "?"))
    yield from _facts_of(spec, rec, head)
    yield _fact(spec, rid, "date", FieldSpec("established", "date"), rec.get("date"), {}, rec, head, {})
    title = claims(rec.get("name"))[0][0]
    for i, m in enumerate(rec.get("members") or []):
        if not isinstance(m, dict):
            continue
        party = str(m.get("party"))
        where = f"members[{i}]"
        yield _fact(spec, rid, where + ".party", FieldSpec("members", "party", multi=True), party, m, rec, head, {})
        if m.get("role") != "joined":
            continue
        eid = f"EVT-JOIN-{rid}-{party}"
        ev = (eid, "event")
        links = {"declaration": rid}
        for value, over in claims(m.get("date")):
            merged = {**m, **over} if over else m
            yield _fact(spec, rid, where + ".date", FieldSpec("date", "date"), value, merged, rec, head, links, ev)
        what = f"{names.get(party, party)} joins the {title}"
        yield _fact(spec, rid, where, FieldSpec("what"), what, m, rec, head, links, ev)
        yield _fact(spec, rid, where, FieldSpec("kind"), "accession", m, rec, head, links, ev)
        yield _fact(spec, rid, where, FieldSpec("parties", "party", multi=True), party, m, rec, head, links, ev)


def party_names(raw: RawDataset) -> dict[str, str]:
    out: dict[str, str] = {}
    for rec in raw.records("parties"):
        name = claims(rec.get("name"))[0][0]
        out[str(rec.get("id"))] = str(name)
    return out


def expand(raw: RawDataset) -> list[Fact]:
    """Every fact of every record, in file order."""
    head = raw.header
    names = party_names(raw)
    out: list[Fact] = []
    for spec in FILES:
        for rec in raw.records(spec.key):
            if spec.key == "declarations":
                out.extend(_declaration_facts(spec, rec, head, names))
            else:
                out.extend(_facts_of(spec, rec, head))
            note = rec.get("note")
            if spec.key == "agreements" and note:
                out.append(_fact(spec, str(rec.get("id")), "note", FieldSpec("note"), note, {}, rec, head, {}))
    return out
