"""Channels: multilateral mechanisms (Ukraine Defence Contact Group, Donor Coordination
Platform, NATO CAP, NATO-IP4, ...), from a data file of patterns scanned in one pass."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any, Final

import ahocorasick

from accords import yamlio
from accords.extract.prefilter import finditer
from accords.extract.recognize.starts import marked_starts
from accords.extract.rx import Pattern, rx
from accords.extract.types import Mention


@cache
def _scanners() -> list[tuple[tuple[str, ...], Pattern, str]]:
    # One pattern per channel: each begins with literal text the regex engine can skip to,
    # which is several times faster than one alternation tried at every position.
    entries: list[dict[str, Any]] = yamlio.safe_load(
        resources.files("accords.extract").joinpath("data/channels.yaml").read_text("utf-8"))
    out: list[tuple[tuple[str, ...], Pattern, str]] = []
    for e in entries:
        for branch in _branches(e["pattern"]):
            out.append((tuple(e["keys"]), rx(branch), str(e["name"])))
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


def all_keys() -> list[str]:
    """Every channel key, once (one of a channel's keys is in every match of its patterns)."""
    return list(_scanners_by_key())


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
    """Start of every occurrence of every key (overlapping ones included), in order: those the
    recognizers' shared pass over the document found (see :mod:`accords.extract.recognize.starts`),
    where it could (the same), else from a pass of our own."""
    shared = marked_starts(text)
    if shared is not None and shared[3] is not None:
        return shared[3]
    return _own_key_positions(text)


def _own_key_positions(text: str) -> dict[str, list[int]]:
    """Start of every occurrence of every key (overlapping ones included), in order."""
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


COALITIONS: Final = "UDCG capability coalitions"
UDCG: Final = "Ukraine Defence Contact Group"
# The Contact Group's capability coalitions as writers name them loosely: by the aircraft
# ("fighter-jet coalition", "the F-16 coalition"), several at once ("the artillery and air
# defence coalitions", "the F-16 and maritime coalitions") or with "for" ("the coalition for
# integrated air and missile defence"). Each kind named is one coalition; ``extra["kind"]`` says
# which, under the name the relate stage gives it.
_KIND_WORDS: Final[tuple[tuple[str, str], ...]] = (
    ("Air force", r"air\s+force|fighter[- ]jets?|fighter[- ]aircraft|F-16s?|jets?|aviation|combat\s+aircraft"),
    ("Maritime", r"maritime|naval"),
    ("Artillery", r"artillery"),
    ("Armour", r"armou?r(?:ed)?(?:\s+vehicles?)?|tanks?"),
    ("IT", r"(?-i:IT)|cyber"),
    ("Drone", r"drones?|UAVs?"),
    ("Demining", r"demining|mine[- ]action|mine[- ]clearing"),
    # (written without a leading optional word, so that prefilter.finditer can find where it starts)
    ("IAMD", r"IAMD|integrated\s+air\s+(?:and\s+missile\s+)?defen[cs]e|air\s+(?:and\s+missile\s+)?defen[cs]e"),
)
_KIND: Final = "|".join(f"(?:{p})" for _, p in _KIND_WORDS)
_KIND_OF: Final = [(name, rx(rf"(?:{p})\Z", re.I)) for name, p in _KIND_WORDS]
_COALITION_LIST: Final = rx(
    rf"(?<![\w-])(?P<list>(?:{_KIND})(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+)?(?:{_KIND}))*)"
    rf"(?:\s+\([^()\n]{{1,24}}\))?"  # (a gloss: "the F-16 (air force) coalition")
    rf"\s+(?:capability\s+)?coalitions?\b"
    # several named after "coalitions ... for", as a plain list: "the coalitions of the Contact Group for
    # air defence, artillery and demining" (one coalition each; "coalitions for X, for Y" stays one channel)
    # (or after a colon: "has joined six capability coalitions: integrated air and missile defence, artillery, ...")
    rf"|\bcoalitions(?:\s+(?:of\s+the\s+(?:Ukraine\s+)?(?:Defen[cs]e\s+Contact\s+Group|UDCG|Ramstein\s+(?:group|format))\s+)?"
    rf"(?:for|on)|:)\s+(?:the\s+)?(?P<flist>(?:{_KIND})(?:\s+(?:security|systems|capabilit(?:y|ies)))?"
    rf"(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+)?(?:{_KIND})(?:\s+(?:security|systems|capabilit(?:y|ies)))?)+)"
    rf"(?![\w-])"
    rf"|\bcoalitions?\s+(?:for|on)\s+(?:the\s+)?(?P<for>{_KIND})(?![\w-])"
    # a coalition named by what it supplies: "the coalition that supplies Ukraine's forces with IT equipment"
    rf"|\bcoalition\s+(?:that|which)\s+(?:supplies|provides|equips|delivers)\b[^.;:\n]{{0,50}}?\bwith\s+"
    rf"(?P<with>{_KIND})(?![\w-])"
    # or by the kind as the verb's object: "the coalition that supplies fighter jets to Ukraine"
    rf"|\bcoalition\s+(?:that|which)\s+(?:supplies|provides|delivers|sends|donates)\s+(?:more\s+|modern\s+)?"
    rf"(?P<obj>{_KIND})(?![\w-])", re.I)
_ONE_KIND: Final = rx(rf"(?<![\w-])(?:{_KIND})(?![\w-])", re.I)


_RUN_IN: Final = rx(r"(?:^|\n)[ \t]*\d{1,2}(?:\.\d{1,2})*\.?[ \t]+\Z")


def _kind(word: str) -> str | None:
    return next((name for name, pattern in _KIND_OF if pattern.fullmatch(word)), None)


def _coalitions(text: str) -> list[Mention]:
    """One mention per kind of capability coalition named (see ``_KIND_WORDS``)."""
    out: list[Mention] = []
    windows: list[tuple[int, int]] = []  # around each "oalition": a list of kinds is short
    pos = text.find("oalition")
    while pos >= 0:
        # (after the word, room for "of the Ukraine Defence Contact Group for" and a list of kinds)
        a, b = max(0, pos - 120), min(len(text), pos + 160)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
        pos = text.find("oalition", pos + 1)
    for a, b in windows:
        # (tried only where a kind's word or "coalition" starts a word: the pattern opens with an
        # alternation under IGNORECASE, which the engine would try at every position of the window)
        for m in finditer(_COALITION_LIST, text, a, b):
            if m["for"] or m["with"] or m["obj"]:
                kind = _kind(m["for"] or m["with"] or m["obj"])
                if kind and not m.group().lower().startswith("coalitions"):  # "coalitions for ...": a list, kept whole
                    out.append(Mention("channel", m.start(), m.end(), m.group(), COALITIONS, {"kind": kind}))
                continue
            group = "flist" if m["flist"] else "list"
            words = list(_ONE_KIND.finditer(text, m.start(group), m.end(group)))
            for i, w in enumerate(words):
                kind = _kind(w.group())
                if kind is None:
                    continue
                # the last one takes "coalitions" (after the list; before it, each kind is its own word)
                end = m.end() if i == len(words) - 1 and group == "list" else w.end()
                extra: dict[str, Any] = {"kind": kind, "plural": m.group().rstrip().endswith("s")}
                if group == "flist":
                    extra["head"] = m.start()  # (where "coalitions of the Contact Group for" begins)
                out.append(Mention("channel", w.start(), end, text[w.start():end], COALITIONS, extra))
    return out


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
    if "oalition" in text:
        for start in [k for k, v in found.items() if v.value == COALITIONS and _RUN_IN.search(text, max(0, k - 20), k)
                      and text.startswith(".", v.end)]:
            del found[start]  # "4. Capability coalitions. France leads ...": a numbered run-in heading
        named = _coalitions(text)
        for start in [k for k, v in found.items() if v.value == COALITIONS
                      and any(n.start < v.end and v.start < n.end for n in named)]:
            del found[start]  # the coalitions named one by one replace the generic match
        for n in named:
            found[n.start] = n
        # "the coalitions of the Contact Group for air defence and artillery": the group there only says
        # whose coalitions they are; each one named is the channel (as when no group is said)
        for n in named:
            if "head" in n.extra:
                for start in [k for k, v in found.items() if v.value == UDCG and n.extra["head"] <= k < n.start]:
                    del found[start]
    out: list[Mention] = []
    for start in sorted(found):
        mention = found[start]
        if out and start < out[-1].end:
            continue  # overlapping matches: keep the first, longest
        out.append(mention)
    return out
