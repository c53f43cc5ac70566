"""Events (dated things that happened) and channels.

A date is an event when it is in the past of the reference date, not a deadline ("by the end of
this year"), and, for a bare year, when it opens its sentence ("In 2022, ...") or dates a
signing: a year alone is more often a period than an event.
"""

from __future__ import annotations

import re
from typing import Any

from accords.extract.relate.context import Ctx

_YEAR_EVENT = re.compile(r"\b(?:signed|held|launched|adopted|invaded|annexed|established|founded|took place)"
                         r"\s+(?:\w+\s+){0,3}in\s+\Z")


def relate_events(ctx: Ctx) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    ref = ctx.doc.reference
    for idx, (s, e) in enumerate(ctx.sentences):
        for m in ctx.in_sentence("date", idx):
            value = m.value
            if not value or m.extra.get("deadline"):
                continue
            if ref is not None and value[:len(ref.isoformat()[:len(value)])] > ref.isoformat()[:len(value)]:
                continue  # in the future of the document: a plan, not an event
            if len(value) == 4:
                before = ctx.text[s:m.start]
                if before.strip() not in {"In", "in", ""} and not _YEAR_EVENT.search(before):
                    continue
            if value in seen:
                continue
            seen.add(value)
            what = _what(ctx.text[s:e])
            out.append({"date": value, "what": what, "_span": (s, e)})
    return out


def _what(sentence: str) -> str:
    text = " ".join(sentence.split())
    return text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + "..."


def relate_channels(ctx: Ctx) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for m in ctx.doc.mentions.get("channel", []):
        if m.value in seen:
            continue
        seen.add(m.value)
        out.append({"name": m.value, "_span": (m.start, m.end)})
    return out
