"""Cheap keyword pre-filters for expensive regular expressions.

For a pattern, :func:`keywords` derives a set of lower-case literal strings such that *every*
match of the pattern contains at least one of them (or None when no such set can be proven).
A text that contains none of them cannot match, so the regex need not run at all. The analysis
is conservative: it only reads literal runs, groups, alternations and repeats with a minimum
of one, and gives up (None) on anything else, so skipping a regex never changes a result.

Matching is case-insensitive, so the texts are compared lower-cased (:func:`fold`), with the
two non-ASCII letters that Python's ``re.IGNORECASE`` treats as ASCII ones (dotless i, long s)
folded to them.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

_parser: Any = importlib.import_module("re._parser")  # the stdlib regex parser (no stub, no warning)
_c: Any = importlib.import_module("re._constants")

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}
_FOLD = str.maketrans({"\u0131": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """``text`` lower-cased character by character (same length, same offsets)."""
    low = text.lower()
    if text.isascii():
        return low
    if len(low) != len(text):  # a letter whose lower case is two characters ("İ" -> "i̇")
        low = "".join(ch.lower()[:1] for ch in text)
    return low.translate(_FOLD)


def _best(cands: list[frozenset[str]]) -> frozenset[str] | None:
    if not cands:
        return None
    return max(cands, key=lambda s: (min(len(k) for k in s), -len(s)))


def _required(items: Any) -> frozenset[str] | None:
    cands: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            cands.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is _c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        flush()
        inner: frozenset[str] | None = None
        if op is _c.SUBPATTERN:
            inner = _required(av[-1])
        elif op is _c.BRANCH:
            subs = [_required(b) for b in av[1]]
            if subs and all(s is not None for s in subs):
                inner = frozenset().union(*[s for s in subs if s is not None])
        elif op in _REPEATS and av[0] >= 1:
            inner = _required(av[2])
        if inner:
            cands.append(inner)
    flush()
    return _best(cands)


def keywords(pattern: re.Pattern[str] | str) -> frozenset[str] | None:
    """Lower-case strings one of which every match contains; None when unknown."""
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    try:
        found = _required(_parser.parse(source, flags))
    except Exception:  # an exotic pattern the analysis does not know: no filter
        return None
    return found if found and all(found) else None


def any_keywords(patterns: Any) -> frozenset[str] | None:
    """Keywords of a union of patterns: None when any of them has none."""
    out: set[str] = set()
    for p in patterns:
        kws = keywords(p)
        if kws is None:
            return None
        out |= kws
    return frozenset(out)
