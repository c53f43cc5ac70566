"""Run an expensive pattern only near cheap triggers.

Python's regex engine skips ahead quickly only when a pattern starts with literal text or a plain
character class; a pattern with a leading look-behind and many alternatives is tried at every
position. Dates, money and time limits all contain a rare trigger (a digit, a month name, a unit
word), so finding the triggers first and scanning small windows around them gives the same
matches for a fraction of the cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import ahocorasick

from accords.extract.prefilter import fold, keywords


def windows(text: str, trigger: re.Pattern[str], before: int, after: int) -> list[tuple[int, int]]:
    """Merged ranges ``[start - before, end + after)`` around every trigger match."""
    spans: list[tuple[int, int]] = []
    size = len(text)
    for m in trigger.finditer(text):
        a, b = max(0, m.start() - before), min(size, m.end() + after)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


@lru_cache(maxsize=32)
def _keyword_finder(pattern: re.Pattern[str]) -> Any:
    """An automaton of the keywords one of which every match of ``pattern`` holds, or None."""
    keys = keywords(pattern)
    if not keys:
        return None
    finder = ahocorasick.Automaton()
    for key in keys:
        finder.add_word(key, len(key))
    finder.make_automaton()
    return finder


def _with_keyword(pattern: re.Pattern[str], text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The windows that hold a whole keyword of ``pattern``: no match can lie in the others
    (an amount needs a currency: most windows around digits are dates and counts)."""
    finder = _keyword_finder(pattern)
    if finder is None or not spans:
        return spans
    folded = fold(text)
    # the automaton stops at the first keyword wholly inside the window
    return [(a, b) for a, b in spans if next(finder.iter(folded, a, b), None) is not None]


def scan(pattern: re.Pattern[str], text: str, trigger: re.Pattern[str], before: int,
         after: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` restricted to the windows around ``trigger``; no match is reported twice."""
    last_end = -1
    for a, b in _with_keyword(pattern, text, windows(text, trigger, before, after)):
        for m in pattern.finditer(text, max(a, last_end), b):
            last_end = m.end()
            yield m


def skipping(pattern: re.Pattern[str], first: str) -> re.Pattern[str]:
    """``pattern`` led by the character class ``first`` that every one of its matches starts with.

    A pattern that opens with look-arounds is tried at every position of the text; one that opens
    with a character class lets the engine skip to the next such character in C (capitals, say,
    are a few percent of a text). The original pattern runs in a look-ahead at that character,
    its match captured as group ``_m``; :func:`skipped` turns the results back into exactly the
    matches ``pattern.finditer`` gives.
    """
    return re.compile(first + r"(?<=(?=(?P<_m>" + pattern.pattern + r"))(?s:.))", pattern.flags)


def skipped(fast: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of a :func:`skipping` pattern that ``finditer`` of the original would give
    (read them through group ``_m``): a match starting inside the previous one is dropped."""
    last = 0
    for m in fast.finditer(text):
        start = m.start("_m")
        if start >= last:
            last = max(m.end("_m"), start + 1)
            yield m
