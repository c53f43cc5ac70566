"""Entities rebuilt from their statements: current, or as of a past time T.

A view groups the statements of each entity (accepted ones by default) by property. A
single-valued property with two different accepted values is a conflict: both values stay,
each with its statements, and the typed views list them under ``conflicts``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from accords.errors import NotFoundError
from accords.model.entities import Agreement, Channel, Commitment, Event, Person, Provision
from accords.model.schema import schema_for
from accords.model.statement import ACCEPTED, CANDIDATE, Statement
from accords.store import statements as st

T = TypeVar("T")


@dataclass
class EntityView:
    """One entity: its values per property, in the order they entered the store."""

    id: str
    schema: str
    props: dict[str, list[Any]] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)

    def first(self, prop: str) -> Any:
        values = self.props.get(prop)
        return values[0] if values else None

    def all(self, prop: str) -> list[Any]:
        return list(self.props.get(prop, ()))

    def sources(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for s in self.statements:
            out.setdefault(s.prop, []).append(s.id)
        return out

    def conflicts(self) -> dict[str, list[Any]]:
        spec = schema_for(self.schema)
        return {p: v for p, v in self.props.items() if len(v) > 1 and not spec.is_multi(p)}


def _statuses(include_candidates: bool) -> tuple[str, ...]:
    return (ACCEPTED, CANDIDATE) if include_candidates else (ACCEPTED,)


def group(stmts: Sequence[Statement]) -> list[EntityView]:
    """Group statements into entity views; values deduplicated, first-seen order kept."""
    views: dict[str, EntityView] = {}
    for s in stmts:
        view = views.get(s.entity_id)
        if view is None:
            view = views[s.entity_id] = EntityView(s.entity_id, s.schema)
        view.statements.append(s)
        values = view.props.setdefault(s.prop, [])
        if s.value not in values:
            values.append(s.value)
    return list(views.values())


def entities(session: Session, schema: str, as_of: datetime | None = None,
             include_candidates: bool = False) -> list[EntityView]:
    """Every entity of a kind, rebuilt from its accepted (optionally also candidate) statements."""
    return group(st.find(session, schema=schema, status=_statuses(include_candidates), as_of=as_of))


def entity(session: Session, entity_id: str, as_of: datetime | None = None,
           include_candidates: bool = True) -> EntityView:
    """One entity with all statements that count (candidates included by default, for `show`)."""
    views = group(st.find(session, entity_id=entity_id, status=_statuses(include_candidates), as_of=as_of))
    if not views:
        raise NotFoundError(f"no entity {entity_id!r}" + (" at that time" if as_of else ""),
                            "see `accords list agreements` (or commitments, people, ...) for ids")
    return views[0]


def to_dataclass(view: EntityView, cls: type[T]) -> T:
    """Fill a model dataclass from a view: multi-valued props become tuples, others the first value."""
    spec = schema_for(view.schema)
    kwargs: dict[str, Any] = {"id": view.id}
    names = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    for name, fld in names.items():
        if name in ("id", "conflicts", "sources"):
            continue
        prop = "role" if name == "roles" else name
        if prop not in view.props:
            continue
        if spec.is_multi(prop) or fld.type in ("tuple[str, ...]",):
            values = view.props[prop]
            # Parties are a set; sorted codes read and compare the same from every source.
            party_set = prop in spec.props and spec.props[prop].type == "party"
            kwargs[name] = tuple(sorted(values, key=str)) if party_set else tuple(values)
        else:
            kwargs[name] = view.props[prop][0]
    if "conflicts" in names:
        kwargs["conflicts"] = view.conflicts()
    if "sources" in names:
        kwargs["sources"] = view.sources()
    return cls(**kwargs)


def _typed(session: Session, schema: str, cls: type[T], as_of: datetime | None,
           include_candidates: bool) -> list[T]:
    return [to_dataclass(v, cls) for v in entities(session, schema, as_of, include_candidates)]


def agreements(session: Session, as_of: datetime | None = None,
               include_candidates: bool = False) -> list[Agreement]:
    rows = _typed(session, "agreement", Agreement, as_of, include_candidates)
    return sorted(rows, key=lambda a: (a.date_signed or "9999", a.id))


def commitments(session: Session, as_of: datetime | None = None,
                include_candidates: bool = False) -> list[Commitment]:
    return _typed(session, "commitment", Commitment, as_of, include_candidates)


def provisions(session: Session, as_of: datetime | None = None,
               include_candidates: bool = False) -> list[Provision]:
    out = []
    for v in entities(session, "provision", as_of, include_candidates):
        agreement_id, _, code = v.id.partition(":")
        out.append(Provision(id=v.id, agreement=v.first("agreement") or agreement_id,
                             code=v.first("code") or code, value=v.first("value"),
                             pillar=v.first("pillar"), sources=v.sources()))
    return out


def people(session: Session, as_of: datetime | None = None,
           include_candidates: bool = False) -> list[Person]:
    return _typed(session, "person", Person, as_of, include_candidates)


def events(session: Session, as_of: datetime | None = None,
           include_candidates: bool = False) -> list[Event]:
    rows = _typed(session, "event", Event, as_of, include_candidates)
    return sorted(rows, key=lambda e: (str(e.date or ""), e.id))


def channels(session: Session, as_of: datetime | None = None,
             include_candidates: bool = False) -> list[Channel]:
    return _typed(session, "channel", Channel, as_of, include_candidates)
