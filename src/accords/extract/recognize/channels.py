"""Channels: multilateral mechanisms (Ukraine Defence Contact Group, Donor Coordination
Platform, NATO CAP, NATO-IP4, ...), from a data file of patterns scanned in one pass."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

from accords.extract.types import Mention


@cache
def _scanner() -> tuple[re.Pattern[str], list[str]]:
    entries: list[dict[str, Any]] = yaml.safe_load(
        resources.files("accords.extract").joinpath("data/channels.yaml").read_text("utf-8"))
    names = [e["name"] for e in entries]
    body = "|".join(f"(?P<c{i}>{e['pattern']})" for i, e in enumerate(entries))
    return re.compile(body), names


def recognize_channels(text: str) -> list[Mention]:
    pattern, names = _scanner()
    out: list[Mention] = []
    for m in pattern.finditer(text):
        name = names[int(str(m.lastgroup)[1:])]
        out.append(Mention("channel", m.start(), m.end(), m.group(), name))
    return out
