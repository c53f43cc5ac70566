"""Channels: multilateral mechanisms (Ukraine Defence Contact Group, Donor Coordination
Platform, NATO CAP, NATO-IP4, ...), from a data file of patterns scanned in one pass."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import ahocorasick
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


@cache
def _scanners_by_key() -> dict[str, tuple[int, ...]]:
    """Key -> the indexes in :func:`_scanners` of the patterns it belongs to."""
    out: dict[str, list[int]] = {}
    for i, (keys, _pattern, _name) in enumerate(_scanners()):
        for key in keys:
            out.setdefault(key, []).append(i)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _key_finder() -> Any:
    """Every channel key in one Aho-Corasick automaton: one pass over the text finds them all
    (a ``str.find`` loop per key costs ten times as much)."""
    finder = ahocorasick.Automaton()
    for keys, _pattern, _name in _scanners():
        for key in keys:
            finder.add_word(key, key)
    finder.make_automaton()
    return finder


def _key_positions(text: str) -> dict[str, list[int]]:
    """Start of every occurrence of every key (overlapping ones included)."""
    found: dict[str, list[int]] = {}
    for end, key in _key_finder().iter(text):
        found.setdefault(key, []).append(end - len(key) + 1)
    return found


def _key_windows(text: str, keys: tuple[str, ...], positions: dict[str, list[int]]) -> list[tuple[int, int]]:
    """Ranges around every occurrence of a key: every match contains a key, and a match is at
    most ~80 characters long, so the pattern only needs to run there."""
    spans: list[tuple[int, int]] = []
    for key in keys:
        for pos in positions.get(key, ()):
            spans.append((max(0, pos - 80), min(len(text), pos + len(key) + 80)))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def recognize_channels(text: str) -> list[Mention]:
    found: dict[int, Mention] = {}
    windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}  # the branches of a channel share keys
    positions = _key_positions(text)
    scanners, by_key = _scanners(), _scanners_by_key()
    # only the channels whose keys occur (most documents name none), in their file order
    for i in sorted({i for key in positions for i in by_key.get(key, ())}):
        keys, pattern, name = scanners[i]
        spans = windows.get(keys)
        if spans is None:
            spans = windows[keys] = _key_windows(text, keys, positions)
        for a, b in spans:
            for m in pattern.finditer(text, a, b):
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
