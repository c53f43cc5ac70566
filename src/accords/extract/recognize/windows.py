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
from typing import Any, Final

import ahocorasick

from accords.extract.prefilter import fold, keywords, led_finder, plain_digits
from accords.extract.rx import Pattern, Rx, ascii_twin, plain, rx


def chosen(pattern: Pattern, text: str) -> re.Pattern[str]:
    """The compiled pattern an :class:`~accords.extract.rx.Rx` runs on ``text`` (its ASCII twin on a
    plain text): a loop that matches a pattern at many places of one text makes the choice once,
    not on every call (a method call and a test of the text each time)."""
    if isinstance(pattern, Rx):
        if not plain(text):
            return pattern.u
        return pattern.a or ascii_twin(pattern.u)  # (the twin rx() made: no lookup)
    return pattern


def _digit_windows(text: str, before: int, after: int) -> list[tuple[int, int]]:
    """:func:`windows` around the runs of ``\\d`` in a text whose only digits are 0-9: ten
    ``str.find`` passes run at memory speed, where the regex engine steps through the text
    character by character; the windows are merged straight from the digits (two digits share
    one when no more than ``before + after`` characters lie between them), with no list of runs."""
    found: list[int] = []
    for digit in "0123456789":
        at = text.find(digit)
        while at >= 0:
            found.append(at)
            at = text.find(digit, at + 1)
    if not found:
        return []
    found.sort()
    size = len(text)
    reach = before + after + 1
    spans: list[tuple[int, int]] = []
    first = last = found[0]
    for at in found:
        if at - last > reach:
            spans.append((max(0, first - before), min(size, last + 1 + after)))
            first = at
        last = at
    spans.append((max(0, first - before), min(size, last + 1 + after)))
    return spans


def windows(text: str, trigger: Pattern, before: int, after: int) -> list[tuple[int, int]]:
    """Merged ranges ``[start - before, end + after)`` around every trigger match."""
    if trigger.pattern == r"\d+" and not trigger.flags & re.ASCII and plain_digits(text):
        return _digit_windows(text, before, after)
    spans: list[tuple[int, int]] = []
    size = len(text)
    for m in trigger.finditer(text):
        start, end = m.span()
        a, b = max(0, start - before), min(size, end + after)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


_KEYWORD_FINDERS: Final[dict[int, tuple[Pattern, Any]]] = {}


def _keyword_finder(pattern: Pattern) -> Any:
    """An automaton of the keywords one of which every match of ``pattern`` holds, or None
    (kept by the pattern's identity: hashing a compiled pattern hashes its whole code)."""
    entry = _KEYWORD_FINDERS.get(id(pattern))
    if entry is not None and entry[0] is pattern:
        return entry[1]
    keys = keywords(pattern)
    finder = None
    if keys:
        finder = ahocorasick.Automaton()
        for key in keys:
            finder.add_word(key, len(key))
        finder.make_automaton()
    if len(_KEYWORD_FINDERS) >= 64:
        _KEYWORD_FINDERS.clear()
    _KEYWORD_FINDERS[id(pattern)] = (pattern, finder)
    return finder


def scan(pattern: Pattern, text: str, trigger: Pattern, before: int,
         after: int, tails: Any = None) -> list[re.Match[str]]:
    """``pattern.finditer`` restricted to the windows around ``trigger``; no match is reported twice.

    ``tails``, when given, is an automaton (folded word -> its length) of words one of which every
    match that starts with a digit 0-9 holds after a whitespace character ("5 billion euros"): a
    digit after the last such word of a window starts no match there, and is not tried.

    Only the windows that hold a whole keyword of ``pattern`` are scanned: no match can lie in the
    others (an amount needs a currency: most windows around digits are dates and counts). The
    automata are given each window's folded slice: pyahocorasick converts the whole string it is
    given on every call, and folding only the windows skips most of the text."""
    spans = windows(text, trigger, before, after)
    keys = _keyword_finder(pattern)
    finder, word_start = led_finder(pattern)
    out: list[re.Match[str]] = []
    last_end = -1
    if finder is None or not plain_digits(text):
        for a, b in spans:
            if keys is not None and next(keys.iter(fold(text[a:b])), None) is None:
                continue
            for m in pattern.finditer(text, max(a, last_end), b):
                last_end = m.end()
                out.append(m)
        return out
    match = chosen(pattern, text).match
    for a, b in spans:
        # (folding a slice gives the same letters where keys can be: only a final sigma differs)
        folded = fold(text[a:b])
        # the automaton stops at the first keyword wholly inside the window
        if keys is not None and next(keys.iter(folded), None) is None:
            continue
        pos = a
        if last_end > a:  # a match from the window before reaches into this one
            pos = last_end
            folded = folded[pos - a:]
        # starts of the leading literals wholly inside [pos, b): see finditer_spans
        starts = [stop - n + 1 + pos for stop, n in finder.iter(folded)]
        if len(starts) > 1:
            starts = sorted(set(starts))
        last_tail = b  # (no tails: every digit is tried)
        if tails is not None:
            last_tail = -1
            for stop, n in tails.iter(folded):
                at = stop - n + 1 + pos
                if at > last_tail and text[at - 1].isspace():  # (re's \s is str.isspace)
                    last_tail = at
        last = pos
        for at in starts:
            if at < last:
                continue  # inside the previous match
            if at >= last_tail and "0" <= text[at] <= "9":
                continue  # a match from this digit would need a tail word after it
            if word_start and at and (text[at - 1].isalnum() or text[at - 1] == "_"):
                continue  # the look-behind fails here
            hit = match(text, at, b)
            if hit:
                last = max(hit.end(), at + 1)
                last_end = hit.end()
                out.append(hit)
    return out


def finditer_spans(pattern: Pattern, text: str, spans: list[tuple[int, int]]) -> list[re.Match[str]]:
    """Exactly ``pattern.finditer(text, pos, endpos)`` for every window ``(pos, endpos)`` of ``spans``,
    one window after another, tried only where one of the pattern's leading literals starts (see
    :func:`accords.extract.prefilter.finditer_led`): a match lies wholly inside its window, and so does
    the literal it starts with. What is looked up for the pattern and the text is looked up once."""
    if not spans:
        return []  # (plain_digits reads a whole non-ASCII text)
    finder, word_start = led_finder(pattern)
    if finder is None or not plain_digits(text):
        return [m for a, b in spans for m in pattern.finditer(text, a, b)]
    match = chosen(pattern, text).match
    out: list[re.Match[str]] = []
    for pos, endpos in spans:
        last = pos
        for at in sorted({stop - n + 1 + pos for stop, n in finder.iter(fold(text[pos:endpos]))}):
            if at < last:
                continue  # inside the previous match
            if word_start and at and (text[at - 1].isalnum() or text[at - 1] == "_"):
                continue  # the look-behind fails here
            m = match(text, at, endpos)
            if m:
                last = max(m.end(), at + 1)
                out.append(m)
    return out


def skipping(pattern: Pattern, first: str) -> Pattern:
    """``pattern`` led by the character class ``first`` that every one of its matches starts with.

    A pattern that opens with look-arounds is tried at every position of the text; one that opens
    with a character class lets the engine skip to the next such character in C (capitals, say,
    are a few percent of a text). The original pattern runs in a look-ahead at that character,
    its match captured as group ``_m``; :func:`skipped` turns the results back into exactly the
    matches ``pattern.finditer`` gives.
    """
    return rx(first + r"(?<=(?=(?P<_m>" + pattern.pattern + r"))(?s:.))", pattern.flags)


def skipped(fast: Pattern, text: str) -> Iterator[re.Match[str]]:
    """The matches of a :func:`skipping` pattern that ``finditer`` of the original would give
    (read them through group ``_m``): a match starting inside the previous one is dropped."""
    last = 0
    for m in fast.finditer(text):
        start = m.start("_m")
        if start >= last:
            last = max(m.end("_m"), start + 1)
            yield m
