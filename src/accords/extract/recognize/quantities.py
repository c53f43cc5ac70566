"""Durations ("10-year", "ten years", "a decade") and time limits ("within 24 hours")."""

from __future__ import annotations

import re
from typing import Final

from accords.extract.prefilter import mark
from accords.extract.recognize.windows import chosen, finditer_spans
from accords.extract.rx import Pattern, rx
from accords.extract.types import Mention

NUMBER_WORDS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "twenty-four": 24, "twenty four": 24, "thirty": 30, "forty-eight": 48, "forty eight": 48,
    "seventy-two": 72, "seventy two": 72, "a": 1, "an": 1,
}
_NUM: Final = r"(?:\d{1,3}|" + "|".join(sorted((re.escape(k) for k in NUMBER_WORDS if len(k) > 2),
                                               key=len, reverse=True)) + ")"
_DURATION: Final = rx(
    rf"(?<![\w-])(?:(?P<n>{_NUM})[- ](?P<unit>year|month)s?(?:-long)?(?![\w-])"
    rf"(?!\s+(?:after|ago|later|before|since|earlier|on|old)\b|'s)|(?P<decade>a decade|decade-long))",
    re.I)
_LIMIT: Final = rx(
    rf"(?<![\w-])(?P<lead>within|no later than|not later than|in less than|no more than|in the term of|"
    rf"in a term of|in the space of|inside|in)\s+(?:the\s+|a\s+(?:period|time\s?frame|maximum)\s+of\s+)?"
    rf"(?:first\s+)?(?P<n>{_NUM})(?:\s*\(\d+\))?[- ](?P<unit>hours?|days?|h)(?![\w])"
    rf"|(?<![\w-])(?P<n2>{_NUM})-(?P<unit2>hour|day)\s+(?:deadline|window|period|time limit|clock"
    rf"|(?:consultations?\s+)?(?:clause|mechanism|rule|provision|requirement|commitment|pledge|promise)"
    rf"|consultations?)",
    re.I)


def number(word: str) -> int | None:
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


_UNIT_WORDS: Final = ("year", "month", "decade")
_DURATION_UNIT: Final = rx("|".join(_UNIT_WORDS))
# "hours?|days?|h" after a space or hyphen, written to start with its first letter: the engine
# then skips to the next "h" or "d" instead of testing the look-behind everywhere (same matches).
_LIMIT_UNIT: Final = rx(r"[hd](?<=[\s-][hd])(?:(?<=h)ours?|(?<=d)ays?|(?<=h))\b")
# Its two halves: a pattern led by one literal character is scanned for that character at
# memory speed, a character class is tested at every position.
_HOURS: Final = rx(r"h(?<=[\s-]h)(?:ours?)?\b")
_DAYS: Final = rx(r"d(?<=[\s-]d)ays?\b")


def _occurrences(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of the words in ``text``, in order (``str.find`` runs at memory speed; the words
    cannot overlap one another, so these are the matches of their alternation)."""
    found: list[tuple[int, int]] = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.append((at, at + len(word)))
            at = text.find(word, at + len(word))
    found.sort()
    return found


# Where the marked text (see :func:`accords.extract.prefilter.mark`) reads every match of _HOURS or
# _DAYS: its letter starts a word there (after a space or a hyphen, both a space in the marked text),
# and "h" that ends a word (\\b: no word character next, a space in the marked text, or the end)
# or "hour", "day" follows.
_UNIT_MARKS: Final = (" hour", " h ", " day")


def _limit_units(text: str) -> list[tuple[int, int]]:
    """Exactly the spans of ``_HOURS.finditer(text)`` and ``_DAYS.finditer(text)``, in order: tried
    where the marked text (lower case, its other characters spaces, shared by the recognizers of
    one document) reads one of ``_UNIT_MARKS``, which ``str.find`` goes to at memory speed; the
    two patterns scan for every "h" and every "d" of the text. (No match starts inside another:
    each holds one "h" or "d", its first character.)"""
    marked = mark(text)
    if marked is None:  # (a text holding an ASCII twin: no marked form)
        return sorted([m.span() for m in _HOURS.finditer(text)] + [m.span() for m in _DAYS.finditer(text)])
    hours = chosen(_HOURS, text).match
    days = chosen(_DAYS, text).match
    found: list[tuple[int, int]] = []
    for key in _UNIT_MARKS:
        match = days if key == " day" else hours
        at = marked.find(key)
        while at >= 0:  # (the letter is at index at + 1 of the marked text: at of the text)
            m = match(text, at)
            if m is not None:
                found.append(m.span())
            at = marked.find(key, at + 1)
    if marked.endswith(" h"):  # ("24 h" at the end of the text)
        m = hours(text, len(text) - 1)
        if m is not None:
            found.append(m.span())
    found.sort()
    return found


def _windows(text: str, unit: Pattern, before: int, after: int) -> list[tuple[int, int]]:
    """Ranges around each unit word: the full pattern runs only there (units are rare, so this
    is much cheaper than trying the pattern at every position of the text)."""
    spans: list[tuple[int, int]] = []
    if unit is _DURATION_UNIT:
        found = _occurrences(text, _UNIT_WORDS)
    elif unit is _LIMIT_UNIT:  # the same matches, from two patterns led by one literal letter each
        found = _limit_units(text)
    else:
        found = [m.span() for m in unit.finditer(text)]
    for start, end in found:
        a, b = max(0, start - before), min(len(text), end + after)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


def recognize_durations(text: str) -> list[Mention]:
    out: list[Mention] = []
    for m in finditer_spans(_DURATION, text, _windows(text, _DURATION_UNIT, 20, 40)):
        if m["decade"]:
            years: float | None = 10
        else:
            n = number(m["n"])
            if n is None or m["n"].lower() in {"a", "an"}:
                continue
            years = n if m["unit"].lower() == "year" else round(n / 12, 2)
        out.append(Mention("duration", m.start(), m.end(), m.group(), years,
                           {"unit": (m["unit"] or "year").lower()}))
    return out


def recognize_time_limits(text: str) -> list[Mention]:
    out: list[Mention] = []
    for m in finditer_spans(_LIMIT, text, _windows(text, _LIMIT_UNIT, 45, 30)):
        raw_n, unit = (m["n"], m["unit"]) if m["n"] else (m["n2"], m["unit2"])
        n = number(raw_n)
        if n is None:
            continue
        hours = n * 24 if unit.lower().startswith("day") else n
        out.append(Mention("timelimit", m.start(), m.end(), m.group(), hours, {"unit": unit.lower()}))
    return out
