"""Loads the vocabulary declared in ``schema.yaml``: entity kinds and their properties."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from accords import yamlio


@dataclass(frozen=True, slots=True)
class PropSpec:
    name: str
    type: str
    multi: bool = False


@dataclass(frozen=True, slots=True)
class SchemaSpec:
    name: str
    label: str
    props: dict[str, PropSpec]

    def is_multi(self, prop: str) -> bool:
        spec = self.props.get(prop)
        return bool(spec and spec.multi)


@cache
def _load() -> dict[str, SchemaSpec]:
    raw = yamlio.safe_load(resources.files("accords.model").joinpath("schema.yaml").read_text("utf-8"))
    out: dict[str, SchemaSpec] = {}
    for name, body in raw.items():
        props = {p: PropSpec(p, str(s.get("type", "string")), bool(s.get("multi", False)))
                 for p, s in body["props"].items()}
        out[name] = SchemaSpec(name, str(body.get("label", name)), props)
    return out


class _Schemas:
    def __getitem__(self, name: str) -> SchemaSpec:
        return _load()[name]

    def __contains__(self, name: object) -> bool:
        return name in _load()

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(_load())


SCHEMAS = _Schemas()


def schema_for(name: str) -> SchemaSpec:
    """The spec of an entity kind; unknown kinds get an open spec (every prop single-valued)."""
    loaded = _load()
    return loaded.get(name) or SchemaSpec(name, name, {})
