"""The provision codebook: a versioned data file (``codebook.yaml``) loaded into typed codes.

The file is the single source of truth for provision codes: the classifier compiles its cue
patterns, the comparison orders its matrix by it, and docs/codebook.md is generated from it.
Loading validates it (unique ids, known pillars and value types, compiling patterns, examples
that their own cues match), so a broken edit fails at load time, not in a silent miss.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from accords import yamlio
from accords.errors import DatasetError, NotFoundError

VALUE_TYPES = ("presence", "number", "text")
PRESENT = "present"
ABSENT = "absent"


@dataclass(frozen=True, slots=True)
class Restriction:
    """A phrase that restricts aid: it codes its code present and ``absent`` codes absent."""

    pattern: re.Pattern[str]
    absent: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Code:
    id: str
    pillar: str
    label: str
    definition: str
    value_type: str  # presence | number | text
    cues: tuple[re.Pattern[str], ...]
    examples: tuple[str, ...]
    unit: str | None = None
    number: re.Pattern[str] | None = None
    values: tuple[tuple[str, re.Pattern[str]], ...] = ()
    exclude: tuple[re.Pattern[str], ...] = ()
    restrictions: tuple[Restriction, ...] = ()
    negation: str | None = None

    def format_value(self, value: Any) -> str:
        """How a value reads in a table: ``24 h``, ``10 years``, ``present``."""
        if isinstance(value, bool) or value is None:
            return "unknown" if value is None else ("present" if value else "absent")
        if isinstance(value, int | float):
            num = f"{value:g}"
            if self.unit == "hours":
                return f"{num} h"
            return f"{num} {self.unit}" if self.unit else num
        return str(value).replace("_", " ")


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: compiled rules are cached per codebook
class Codebook:
    version: str
    pillars: dict[str, str]
    codes: tuple[Code, ...]
    by_id: dict[str, Code] = field(default_factory=dict)

    def get(self, code_id: str) -> Code:
        try:
            return self.by_id[code_id]
        except KeyError:
            raise NotFoundError(f"unknown provision code {code_id!r}",
                                "run `accords codebook` to list the codes") from None

    def in_pillar(self, pillar: str | None) -> tuple[Code, ...]:
        """Codes of one pillar in codebook order (all codes when ``pillar`` is None)."""
        if pillar is None:
            return self.codes
        if pillar not in self.pillars:
            raise NotFoundError(f"unknown pillar {pillar!r}",
                                f"use one of: {', '.join(self.pillars)}")
        return tuple(c for c in self.codes if c.pillar == pillar)


DEFAULT_PATH = "codebook.yaml"


def _compile(pattern: Any, where: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise DatasetError(f"codebook: {where} is not a pattern string", "fix the codebook entry")
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise DatasetError(f"codebook: {where} does not compile: {exc}",
                           "fix the regular expression in the codebook") from None


def _code(raw: Any, pillars: dict[str, str]) -> Code:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise DatasetError("codebook: an entry without an id", "give every code an id")
    cid: str = raw["id"]
    for key in ("pillar", "label", "definition", "value"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise DatasetError(f"codebook: code {cid} lacks {key!r}", "fill in the field")
    if raw["pillar"] not in pillars:
        raise DatasetError(f"codebook: code {cid} names unknown pillar {raw['pillar']!r}",
                           f"use one of: {', '.join(pillars)}")
    vtype = raw["value"]
    if vtype not in VALUE_TYPES:
        raise DatasetError(f"codebook: code {cid} has value type {vtype!r}",
                           f"use one of: {', '.join(VALUE_TYPES)}")
    cues = tuple(_compile(p, f"{cid} cue {i}") for i, p in enumerate(raw.get("cues") or []))
    if not cues:
        raise DatasetError(f"codebook: code {cid} has no cue patterns", "add at least one cue")
    examples = tuple(str(e) for e in raw.get("examples") or [])
    if len(examples) < 2:
        raise DatasetError(f"codebook: code {cid} has fewer than two examples", "add examples")
    number = _compile(raw["number"], f"{cid} number") if raw.get("number") else None
    if vtype == "number" and (number is None or not raw.get("unit")):
        raise DatasetError(f"codebook: number code {cid} needs `number` and `unit`", "add them")
    values = tuple((str(k), _compile(v, f"{cid} value {k}")) for k, v in (raw.get("values") or {}).items())
    if vtype == "text" and not values:
        raise DatasetError(f"codebook: text code {cid} needs `values`", "add value patterns")
    restrictions = tuple(
        Restriction(_compile(r.get("pattern"), f"{cid} restriction {i}"), tuple(r.get("absent") or ()))
        for i, r in enumerate(raw.get("restrictions") or []))
    return Code(
        id=cid, pillar=raw["pillar"], label=raw["label"].strip(), definition=raw["definition"].strip(),
        value_type=vtype, cues=cues, examples=examples, unit=raw.get("unit"), number=number,
        values=values, exclude=tuple(_compile(p, f"{cid} exclude {i}")
                                     for i, p in enumerate(raw.get("exclude") or [])),
        restrictions=restrictions, negation=raw.get("negation"))


def parse_codebook(data: Any) -> Codebook:
    """Build and validate a codebook from parsed YAML; raises DatasetError on any defect."""
    if not isinstance(data, dict) or not data.get("version"):
        raise DatasetError("codebook: no version field", "add `version:` at the top of the file")
    pillars = {str(k): str(v) for k, v in (data.get("pillars") or {}).items()}
    if not pillars:
        raise DatasetError("codebook: no pillars", "declare the pillars")
    codes = tuple(_code(raw, pillars) for raw in data.get("codes") or [])
    by_id: dict[str, Code] = {}
    for code in codes:
        if code.id in by_id:
            raise DatasetError(f"codebook: duplicate code id {code.id}", "give every code a unique id")
        by_id[code.id] = code
    for code in codes:
        for r in code.restrictions:
            unknown = [a for a in r.absent if a not in by_id]
            if unknown:
                raise DatasetError(f"codebook: {code.id} restriction names unknown codes {unknown}",
                                   "use ids from the codebook")
        for ex in code.examples:
            if not any(p.search(ex) for p in code.cues) and not any(r.pattern.search(ex)
                                                                     for r in code.restrictions):
                raise DatasetError(f"codebook: example of {code.id} matches none of its cues: {ex!r}",
                                   "fix the example or the cue patterns")
    return Codebook(version=str(data["version"]), pillars=pillars, codes=codes, by_id=by_id)


def load_codebook(path: str | Path | None = None) -> Codebook:
    """The shipped codebook (cached), or the one at ``path``."""
    if path is None:
        return _default_codebook()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise DatasetError(f"cannot read codebook {path}: {exc.strerror}", "check the path") from None
    return parse_codebook(_yaml(text, str(path)))


def _yaml(text: str, where: str) -> Any:
    try:
        return yamlio.safe_load(text)
    except yaml.YAMLError as exc:
        raise DatasetError(f"codebook {where} is not valid YAML: {exc}".replace("\n", " "),
                           "quote values that contain ': ' and check the indentation") from None


@lru_cache(maxsize=1)
def _default_codebook() -> Codebook:
    text = resources.files("accords.codebook").joinpath(DEFAULT_PATH).read_text(encoding="utf-8")
    return parse_codebook(_yaml(text, DEFAULT_PATH))


def render_markdown(codebook: Codebook) -> str:
    """docs/codebook.md, generated from the codebook (`python -m accords.codebook`)."""
    lines = [
        "# The provision codebook",
        "",
        f"Version **{codebook.version}**, {len(codebook.codes)} codes in {len(codebook.pillars)} pillars "
        "that follow the G7 Joint Declaration of Support for Ukraine (12 July 2023).",
        "Generated from `src/accords/codebook/codebook.yaml` by `python -m accords.codebook "
        "> docs/codebook.md`; edit the YAML, not this page.",
        "",
        "Values: `presence` codes are `present` or `absent`; `number` codes carry a figure in their "
        "unit (a bare `present` when the text gives none); `text` codes carry one of their named values.",
        "A cue in a sentence about an agreement codes the provision; a negation in the same clause "
        "(\"makes no reference to\", \"has not pledged\") codes it `absent`; a restriction "
        "(\"restricted to non-lethal\") codes its code present and the codes it excludes absent.",
        "",
        "Compare agreements over these codes with `accords compare UKR-JPN-2024 GBR Germany "
        "[--pillar P] [--format table|csv|json|html] [--as-of DATE] [--include-candidates]`; "
        "list the codes with `accords codebook [--pillar P]`. Pair similarity is the agreement rate "
        "over the codes known in both agreements (the Jaccard index of the provisions present is "
        "shown beside it); the generated paragraph cites the matrix cells behind every sentence.",
        "",
    ]
    for pillar, title in codebook.pillars.items():
        codes = codebook.in_pillar(pillar)
        lines += [f"## {title} (`{pillar}`)", "", "| id | label | value | definition |", "|---|---|---|---|"]
        for c in codes:
            value = c.value_type + (f" ({c.unit})" if c.unit else "")
            if c.values:
                value += ": " + ", ".join(f"`{v}`" for v, _ in c.values)
            lines.append(f"| `{c.id}` | {c.label} | {value} | {c.definition} |")
        lines.append("")
        for c in codes:
            lines.append(f"### `{c.id}`")
            lines.append("")
            lines.append("Examples: " + " / ".join(f"*{e}*" for e in c.examples))
            if c.negation:
                lines.append("")
                lines.append(f"Negation and restriction: {c.negation}")
            if c.restrictions:
                lines.append("")
                lines.append("Restriction codes absent: " + ", ".join(
                    sorted({f"`{a}`" for r in c.restrictions for a in r.absent})))
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"

