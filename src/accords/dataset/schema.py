"""The shape of the reference dataset files: one typed model per file, plus what each field means.

Every file is ``{dataset: {name, version, accessed}, <kind>: [records]}``. A record carries
``sources`` (URLs) and optionally ``accessed``, ``confidence`` and ``note``; these apply to each
of its facts. A fact is written in one of three forms:

* plain: ``duration_years: 10`` (the record's sources back it);
* one claim: ``duration_years: {value: 10, sources: [...], note: ..., confidence: medium}``;
* several claims, kept side by side when sources disagree:
  ``amount: [{value: 5.0e11, sources: [...]}, {value: 5.2e11, sources: [...]}]``.

Multi-valued fields (parties, leads, members, ...) are lists whose items are plain values or claims.
``FIELDS`` says, per file, which store property each field becomes and what kind of value it holds;
the validator and the loader both read it, so they cannot drift apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")
Confidence = Literal["high", "medium", "low"]
CONFIDENCE_SCORE: dict[str, float] = {"high": 0.9, "medium": 0.7, "low": 0.5}


class Claim(BaseModel, Generic[T]):
    """One sourced value; its own sources/accessed/confidence override the record's."""

    model_config = ConfigDict(extra="forbid")
    value: T
    sources: list[str] | None = None
    accessed: str | None = None
    confidence: Confidence | None = None
    note: str | None = None


One = Union[T, Claim[T], list[Claim[T]]]  # noqa: UP007 - a generic alias needs Union
Many = list[Union[T, Claim[T]]]  # noqa: UP007
Number = Union[int, float]  # noqa: UP007


class Header(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    version: str = Field(pattern=r"^\d{4}\.\d{1,2}\.\d+$")
    accessed: str


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1)
    sources: list[str] = Field(default_factory=list)
    accessed: str | None = None
    confidence: Confidence | None = None
    note: str | None = None


class PartyRecord(Record):
    name: One[str]
    iso3: str
    kind: One[Literal["state", "organisation"]]
    alias: Many[str] = Field(default_factory=list)


class PersonRecord(Record):
    name: One[str]
    party: One[str]
    role: Many[str] = Field(default_factory=list)
    alias: Many[str] = Field(default_factory=list)


class AgreementRecord(Record):
    title: One[str]
    parties: Many[str]
    date_signed: One[str]
    place: One[str] | None = None
    signatories: Many[str] = Field(default_factory=list)
    duration_years: One[Number] | None = None
    legal_nature: One[str] | None = None
    legally_binding: One[Literal["yes", "no", "partly", "contested"]] | None = None
    basis: One[str] | None = None
    consultation_hours: One[Number] | None = None
    consultation_trigger: One[str] | None = None
    military_scope: One[Literal["lethal", "non-lethal"]] | None = None
    mentions_nato_membership: One[Literal["yes", "no"]] | None = None


class ProvisionRecord(Record):
    agreement: str
    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    value: One[Union[Number, str]]  # noqa: UP007 - "present", "absent", a number, or a short text
    pillar: One[str] | None = None


CommitmentStatus = Literal["pledged", "allocated", "provided", "pledged_and_provided", "expected"]
Category = Literal["military", "financial", "humanitarian", "reconstruction", "unspecified"]


class CommitmentRecord(Record):
    donor: One[str]
    recipient: One[str]
    amount: One[Number] | None = None
    currency: One[str] | None = None
    status: One[CommitmentStatus]
    period: One[str] | None = None
    date: One[str] | None = None
    category: One[Category]
    instrument: One[Literal["grant", "loan", "guarantee", "in-kind"]] | None = None
    channel: One[str] | None = None
    agreement: One[str] | None = None
    parent: One[str] | None = None
    part_of_previous: One[bool] | None = None
    description: One[str] | None = None


class ChannelRecord(Record):
    name: One[str]
    kind: One[str] | None = None
    leads: Many[str] = Field(default_factory=list)
    members: Many[str] = Field(default_factory=list)
    established: One[str] | None = None
    description: One[str] | None = None
    parent: str | None = None


class EventRecord(Record):
    date: One[str]
    what: One[str]
    kind: One[str] | None = None
    parties: Many[str] = Field(default_factory=list)
    place: One[str] | None = None
    agreement: str | None = None
    commitment: str | None = None


class Member(BaseModel):
    model_config = ConfigDict(extra="forbid")
    party: str
    role: Literal["original signatory", "joined", "signatory"]
    date: One[str]
    sources: list[str] = Field(default_factory=list)
    accessed: str | None = None
    confidence: Confidence | None = None
    note: str | None = None


class DeclarationRecord(Record):
    name: One[str]
    date: str
    place: str | None = None
    kind: One[str]
    description: One[str]
    members: list[Member]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """How a field of a file becomes a store property: ``prop`` (None: a link kept in ``extra``),
    the kind of value (``str``, ``int``, ``number``, ``date``, ``bool``, ``party``, ``currency``,
    or a reference: ``person``, ``agreement``, ``channel``, ``commitment``, ``declaration``)."""

    prop: str | None
    kind: str = "str"
    multi: bool = False
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class FileSpec:
    file: str
    key: str
    schema: str
    model: type[Record]
    fields: dict[str, FieldSpec]


S = FieldSpec
FILES: tuple[FileSpec, ...] = (
    FileSpec("parties.yaml", "parties", "party", PartyRecord, {
        "name": S("name"), "iso3": S("iso3", "party"), "kind": S("kind"), "alias": S("alias", multi=True)}),
    FileSpec("people.yaml", "people", "person", PersonRecord, {
        "name": S("name"), "party": S("party", "party"), "role": S("role", multi=True),
        "alias": S("alias", multi=True)}),
    FileSpec("declarations.yaml", "declarations", "channel", DeclarationRecord, {
        "name": S("name"), "kind": S("kind"), "description": S("description")}),
    FileSpec("channels.yaml", "channels", "channel", ChannelRecord, {
        "name": S("name"), "kind": S("kind"), "leads": S("leads", "party", multi=True),
        "members": S("members", "party", multi=True), "established": S("established", "date"),
        "description": S("description"), "parent": S(None, "channel")}),
    FileSpec("agreements.yaml", "agreements", "agreement", AgreementRecord, {
        "title": S("title"), "parties": S("parties", "party", multi=True),
        "date_signed": S("date_signed", "date"), "place": S("place"),
        "signatories": S("signatories", "person", multi=True),
        "duration_years": S("duration_years", "number", unit="years"), "legal_nature": S("legal_nature"),
        "legally_binding": S("legally_binding"), "basis": S("basis", "declaration"),
        "consultation_hours": S("consultation_hours", "number", unit="hours"),
        "consultation_trigger": S("consultation_trigger"), "military_scope": S("military_scope"),
        "mentions_nato_membership": S("mentions_nato_membership")}),
    FileSpec("provisions.yaml", "provisions", "provision", ProvisionRecord, {
        "agreement": S("agreement", "agreement"), "code": S("code"), "value": S("value", "json"),
        "pillar": S("pillar")}),
    FileSpec("commitments.yaml", "commitments", "commitment", CommitmentRecord, {
        "donor": S("donor", "party"), "recipient": S("recipient", "party"),
        "amount": S("amount", "number", unit="currency units"), "currency": S("currency", "currency"),
        "status": S("status"), "period": S("period"), "date": S("date", "date"), "category": S("category"),
        "instrument": S("instrument"), "channel": S("channel", "channel"), "agreement": S("agreement", "agreement"),
        "parent": S("parent", "commitment"), "part_of_previous": S("part_of_previous", "bool"),
        "description": S("description")}),
    FileSpec("events.yaml", "events", "event", EventRecord, {
        "date": S("date", "date"), "what": S("what"), "kind": S("kind"),
        "parties": S("parties", "party", multi=True), "place": S("place"),
        "agreement": S(None, "agreement"), "commitment": S(None, "commitment")}),
)
BY_KEY: dict[str, FileSpec] = {f.key: f for f in FILES}
# Record fields that describe the record rather than state a fact.
META = ("id", "sources", "accessed", "confidence", "note")


def json_schema(spec: FileSpec) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for one file, for readers that do not use Python."""

    class FileModel(BaseModel):
        model_config = ConfigDict(extra="forbid", title=spec.file)
        dataset: Header

    body = FileModel.model_json_schema()
    item = spec.model.model_json_schema()
    defs = {**body.pop("$defs", {}), **item.pop("$defs", {})}
    body["properties"][spec.key] = {"type": "array", "items": item}
    body["required"] = ["dataset", spec.key]
    body["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    body["$defs"] = defs
    return body


def json_schema_text(spec: FileSpec) -> str:
    return json.dumps(json_schema(spec), indent=2, sort_keys=True) + "\n"
