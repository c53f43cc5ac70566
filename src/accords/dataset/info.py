"""What a copy of the dataset holds: version, records per file, facts, access dates."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from accords.dataset.facts import expand, read
from accords.dataset.schema import FILES


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    name: str
    version: str
    path: str
    records: dict[str, int] = field(default_factory=dict)
    facts: int = 0
    sources: int = 0
    accessed: tuple[str, ...] = ()


def info(data_dir: Path | None = None) -> DatasetInfo:
    """Describe the dataset at ``data_dir`` (the shipped one by default) without loading it."""
    raw = read(data_dir)
    facts = expand(raw)
    head = raw.header
    return DatasetInfo(
        name=str(head.get("name", "?")), version=str(head.get("version", "?")), path=str(raw.root),
        records={spec.key: len(raw.records(spec.key)) for spec in FILES},
        facts=len(facts), sources=len({u for f in facts for u in f.sources}),
        accessed=tuple(sorted({f.accessed for f in facts if f.accessed})))
