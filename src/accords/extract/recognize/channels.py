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
def _scanners() -> list[tuple[tuple[str, ...], re.Pattern[str], str]]:
    # One pattern per channel: each begins with literal text the regex engine can skip to,
    # which is several times faster than one alternation tried at every position.
    entries: list[dict[str, Any]] = yaml.safe_load(
        resources.files("accords.extract").joinpath("data/channels.yaml").read_text("utf-8"))
    out = []
    for e in entries:
        for branch in _branches(e["pattern"]):
            out.append((tuple(e["keys"]), re.compile(branch), str(e["name"])))
    return out


def _branches(pattern: str) -> list[str]:
    """Split a pattern at its top-level ``|``."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def recognize_channels(text: str) -> list[Mention]:
    found: dict[int, Mention] = {}
    for keys, pattern, name in _scanners():
        if not any(k in text for k in keys):
            continue  # substring tests are far cheaper than a regex scan
        for m in pattern.finditer(text):
            old = found.get(m.start())
            if old is None or old.end < m.end():
                found[m.start()] = Mention("channel", m.start(), m.end(), m.group(), name)
    out: list[Mention] = []
    for start in sorted(found):
        mention = found[start]
        if out and start < out[-1].end:
            continue  # overlapping matches: keep the first, longest
        out.append(mention)
    return out
