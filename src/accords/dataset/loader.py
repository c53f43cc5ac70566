"""Loading the reference dataset into the store as accepted statements.

Each fact becomes one statement whose method names the dataset and its version
(``dataset:accords-reference@2026.11.0``). Statement ids are hashes of their key fields, so
loading the same version twice adds nothing. Loading a newer version adds its statements and
marks the older version's statements that it no longer has as superseded: they stay in the
store and in history, and as-of queries before the upgrade still show them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from accords.dataset.facts import Fact, RawDataset, claims, expand, read
from accords.dataset.schema import CONFIDENCE_SCORE
from accords.dataset.validate import validate
from accords.errors import DatasetError
from accords.model import Statement, make_statement
from accords.model.statement import ACCEPTED
from accords.store import statements as st

Progress = Callable[[int, int], None]
_CHUNK = 250


@dataclass(frozen=True, slots=True)
class LoadReport:
    """What a load did: the dataset version, statements added and superseded, entities by kind."""

    dataset: str
    version: str
    method: str
    statements: int
    added: int
    superseded: int
    entities: dict[str, int] = field(default_factory=dict)
    accessed: tuple[str, ...] = ()


def method_for(name: str, version: str) -> str:
    return f"dataset:{name}@{version}"


def _lookups(raw: RawDataset) -> dict[str, dict[str, str]]:
    """Names that references are shown as: people for signatories, declarations for ``basis``."""
    def names(key: str) -> dict[str, str]:
        return {str(r.get("id")): str(claims(r.get("name"))[0][0]) for r in raw.records(key)}
    return {"person": names("people"), "declaration": names("declarations")}


def _value(f: Fact, lookups: dict[str, dict[str, str]]) -> Any:
    if f.kind in lookups:
        # Agreements show signatories and basis by name (as analysts write them); the id stays in extra.
        return lookups[f.kind].get(str(f.value), f.value)
    if f.kind == "number" and isinstance(f.value, float) and f.value.is_integer():
        return int(f.value) if abs(f.value) < 2**53 else f.value
    return f.value


def to_statements(raw: RawDataset) -> list[Statement]:
    """The statements of a (validated) dataset; pure: no store, no clock."""
    head = raw.header
    name, version = str(head.get("name")), str(head.get("version"))
    method = method_for(name, version)
    lookups = _lookups(raw)
    out: dict[str, Statement] = {}
    for f in expand(raw):
        if f.prop is None:
            continue
        extra: dict[str, Any] = {"sources": list(f.sources), "accessed": f.accessed, "file": f.file}
        if f.note:
            extra["note"] = f.note
        if f.kind in lookups:
            extra["ref"] = f.value
        if f.unit:
            extra["unit"] = f.unit
        if f.links:
            extra["links"] = f.links
        s = make_statement(
            f.entity_id, f.schema, f.prop, _value(f, lookups), method=method, dataset=name,
            source_url=f.sources[0] if f.sources else None, status=ACCEPTED,
            confidence=CONFIDENCE_SCORE.get(f.confidence or "high"), extra=extra)
        # The same claim written twice (same value, same first source) is one statement.
        out.setdefault(s.id, s)
    return list(out.values())


def checked(data_dir: Path | None) -> RawDataset:
    """The parsed dataset, or a DatasetError naming its first problems."""
    problems = validate(data_dir)
    if problems:
        shown = "; ".join(problems[:3]) + (f"; ... ({len(problems)} in all)" if len(problems) > 3 else "")
        raise DatasetError(f"the dataset has problems: {shown}",
                           f"run `accords dataset validate {data_dir or ''}`".rstrip() + " for the full list")
    return read(data_dir)


def load_reference(session: Session, *, who: str, now: datetime, data_dir: Path | None = None,
                   progress: Progress | None = None) -> LoadReport:
    """Load the reference dataset (the shipped one unless ``data_dir``) into the store.

    Idempotent; a newer version supersedes the older version's statements that it lacks.
    ``progress(done, total)`` is called as statements are written.
    """
    raw = checked(data_dir)
    stmts = to_statements(raw)
    head = raw.header
    name, version = str(head["name"]), str(head["version"])
    added = 0
    for i in range(0, len(stmts), _CHUNK):
        added += st.add_statements(session, stmts[i:i + _CHUNK], who=who, now=now)
        if progress:
            progress(min(i + _CHUNK, len(stmts)), len(stmts))
    superseded = st.supersede_dataset(session, name, {s.id for s in stmts}, who=who, now=now)
    kinds = Counter(s.schema for s in {s.entity_id: s for s in stmts}.values())
    accessed = sorted({str(s.extra.get("accessed")) for s in stmts if s.extra.get("accessed")})
    return LoadReport(dataset=name, version=version, method=method_for(name, version), statements=len(stmts),
                      added=added, superseded=superseded, entities=dict(sorted(kinds.items())),
                      accessed=tuple(accessed))
