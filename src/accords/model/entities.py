"""Typed views of entities, rebuilt from accepted statements (see ``accords.store.views``).

These are plain frozen data: the store never hands out ORM objects to the faces or analyses.
Each view keeps the statements it was built from in ``sources`` (prop -> statement ids) and
any single-valued property with more than one accepted value in ``conflicts``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    sha256: str
    title: str | None
    media_type: str
    text: str
    url: str | None = None
    published: date | None = None
    authors: tuple[str, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)
    recorded_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Party:
    id: str
    name: str | None = None
    iso3: str | None = None
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str | None = None
    roles: tuple[str, ...] = ()
    party: str | None = None


@dataclass(frozen=True, slots=True)
class Agreement:
    id: str
    title: str | None = None
    parties: tuple[str, ...] = ()
    date_signed: str | None = None
    place: str | None = None
    signatories: tuple[str, ...] = ()
    duration_years: float | None = None
    legal_nature: str | None = None
    basis: str | None = None
    consultation_hours: float | None = None
    consultation_trigger: str | None = None
    military_scope: str | None = None
    mentions_nato_membership: str | None = None
    mentioned_only: bool = False
    expires_on: str | None = None
    conflicts: dict[str, list[Any]] = field(default_factory=dict)
    sources: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Provision:
    id: str
    agreement: str
    code: str
    value: Any
    pillar: str | None = None
    sources: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Commitment:
    id: str
    donor: str | None = None
    recipient: str | None = None
    amount: float | None = None
    currency: str | None = None
    status: str | None = None
    period: str | None = None
    date: str | None = None
    category: str | None = None
    instrument: str | None = None
    channel: str | None = None
    agreement: str | None = None
    parent: str | None = None
    description: str | None = None
    conflicts: dict[str, list[Any]] = field(default_factory=dict)
    sources: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Channel:
    id: str
    name: str | None = None
    kind: str | None = None
    leads: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    established: str | None = None
    description: str | None = None
    sources: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    date: str | None = None
    what: str | None = None
    kind: str | None = None
    parties: tuple[str, ...] = ()
    place: str | None = None
    sources: dict[str, list[str]] = field(default_factory=dict)
