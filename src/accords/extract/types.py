"""Plain data handed from one pipeline stage to the next.

Offsets named ``start``/``end`` on recognized mentions index the *normalized* text; the
output stage maps them back to the loaded text through :class:`accords.extract.normalize.OffsetMap`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class Loaded:
    """A document as loaded: the text every output span indexes, and what came with it."""

    text: str
    sha256: str
    media_type: str
    # (start, end, page number) ranges of ``text``; empty when pages are unknown.
    pages: list[tuple[int, int, int]] = field(default_factory=list)
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: date | None = None
    published_source: str = "none"  # "given", "text" (metadata or dateline) or "none"


@dataclass(slots=True)
class Mention:
    """One recognized thing in the normalized text. Treat it as immutable: stages make new ones
    (not frozen only because a frozen dataclass takes four times as long to create, and the
    recognizers create tens of thousands per million words)."""

    kind: str  # party, person, money, date, duration, timelimit, channel
    start: int
    end: int
    text: str
    value: Any
    extra: dict[str, Any]

    # Written out, not generated: mypyc compiles the methods a class states, while the ones the
    # dataclass decorator generates run interpreted (a compiled build then creates a mention in
    # about a quarter of the instructions). Same signature and defaults as the generated one.
    def __init__(self, kind: str, start: int, end: int, text: str, value: Any,
                 extra: dict[str, Any] | None = None) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.value = value
        self.extra = {} if extra is None else extra

    def __reduce__(self) -> tuple[Any, ...]:
        # A compiled class with its own __init__ is created through it: copy.deepcopy and pickle
        # would call it with no arguments. Both rebuild a mention from its fields instead.
        return (Mention, (self.kind, self.start, self.end, self.text, self.value, self.extra))


@dataclass(slots=True)
class Section:
    title: str | None
    start: int
    end: int


@dataclass(slots=True)
class Doc:
    """Everything the later stages need, built up stage by stage."""

    loaded: Loaded
    given: date | None = None  # the reference date the caller gave (--published)
    norm: str = ""
    offsets: Any = None  # accords.extract.normalize.OffsetMap
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    reference: date | None = None
    reference_source: str = "none"
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    facts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
