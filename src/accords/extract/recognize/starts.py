"""One automaton pass over a document's marked text (word starts only) for three recognizers: the
role words and known forms where :mod:`people` tries its patterns, the leading literals of
:mod:`dates`' pattern with their gates, and the keys of :mod:`channels` (anywhere in a word, checked
against the text). Each recognizer made its own pass before."""

from __future__ import annotations

from functools import cache
from typing import Any, Final

import ahocorasick

from accords.extract.prefilter import led_finder, mark
from accords.extract.rx import Pattern

_DATE: Final = 4  # (the flag of a leading literal of the date pattern, beside role words (1) and known forms (2))
_CHANNEL: Final = 8  # (the flag of a channel key)
_PARTY: Final = 16  # (the flag of a party name: see party_starts)
# (the flag of a party name of ASCII word characters alone, its key the name's marked form with the space
# before it and the space after it: see _marked_finder)
_PARTY_WORD: Final = 32


@cache
def _marked_finder() -> Any:
    """One automaton, over the marked text (" " + word: word starts only), of the role words and
    known forms, and of the leading literals of the date pattern with their gates: every match of
    the lead and owner patterns holds a role word at a word start, every known-person match starts
    with a form at one, every date starts with a literal at one (as
    :func:`accords.extract.prefilter.finditer_led` finds them). One pass over a document tells
    where the patterns of the recognizers need to be tried, where each made its own. The channel
    keys are there as the marked text reads them, without the leading space (see
    :func:`_channel_keys`), each with the keys it may be in the text."""
    marked = ahocorasick.Automaton()
    no_keys: tuple[str, ...] = ()
    party = _party_keys()
    by_mark = dict(_by_mark())
    for key in _party_words():
        # (a word-start name ends a word too, where the party scan takes it: the next character is
        # no word character, so a space in the marked text; " uk" alone would stop at every " ukraine".
        # Its key may share the entry of a role word or date literal: the same count before the end
        # tells where it starts. A name that ends the text is found after the pass)
        old_flag, old_gate = by_mark.get(key + " ", (0, None))
        by_mark[key + " "] = (old_flag | _PARTY_WORD, old_gate)
    for key, (flag, gate) in by_mark.items():
        marked.add_word(key, (flag, len(key) - 1, gate, no_keys))
    for key, keys in (_channel_keys() or {}).items():
        # (the key's first letter is at index len(key) - 1 before its end in the text: the marked
        # text has one more character in front)
        marked.add_word(key, (_CHANNEL, len(key), None, keys))
    for key, n in (party or {}).items():
        if n == len(key):  # (a key anywhere: no other key reads so, see _party_keys)
            marked.add_word(key, (_PARTY, n, None, no_keys))
    marked.make_automaton()
    return marked


@cache
def _by_mark() -> dict[str, tuple[int, Pattern | None]]:
    """The word-start keys of the role words, known forms and date literals -> flags and gate."""
    from accords.extract.recognize import dates, people  # (they import this module)

    by_mark: dict[str, tuple[int, Pattern | None]] = {}
    for word, flag in people._flags().items():
        key = mark(word)
        if key is not None:
            by_mark[key] = (by_mark.get(key, (0, None))[0] | flag, None)
    led, _ = led_finder(dates._DATES)
    every = set(led.keys())
    # (a literal that another one begins, "2" of "2024", already marks its starts: as finditer_led has them)
    for literal in (k for k in every if not any(k[:i] in every for i in range(1, len(k)))):
        for key in _date_keys(literal, every):
            by_mark[key] = (by_mark.get(key, (0, None))[0] | _DATE, dates._GATES.get(literal))
    return by_mark


@cache
def _channel_keys() -> dict[str, tuple[str, ...]] | None:
    """The channel keys as the marked text reads them (in lower case, a character that is no word
    character as a space) -> the keys that read so; None when a key cannot be found in the marked
    text so (a key that is not ASCII, or begins with no word character: its marked form could be
    one of the keys above). Where a key is in the text, its marked form is in the marked text; the
    keys are then checked against the text there."""
    from accords.extract.recognize import channels

    out: dict[str, tuple[str, ...]] = {}
    for key in channels.all_keys():
        marked = mark(key)
        if marked is None or not key.isascii() or marked[1:2] == " ":
            return None
        out[marked[1:]] = (*out.get(marked[1:], ()), key)
    return out


@cache
def _party_keys() -> dict[str, int] | None:
    """The party names as the marked text reads them -> the number of characters before a key's end
    that its name starts in the text (as for the other keys), or None to leave them out. A name of
    ASCII word characters alone is found at word starts (its marked form, with the leading space);
    any other name anywhere (its marked form without the space): where such a name starts after a
    word character, the party scan still reads it, and it may hide a name that starts within it (see
    :func:`accords.extract.recognize.parties._candidate_spans`). None when an anywhere key is also a
    word-start key or a channel key (one entry could not say both)."""
    from accords.extract.recognize import parties

    word_start: set[str] = set()
    anywhere: set[str] = set()
    for name in parties.gazetteer():
        marked = mark(name)
        if marked is None:
            return None
        if " " in marked[1:]:
            anywhere.add(marked[1:])
        else:
            word_start.add(marked)
    if anywhere & (word_start | {key + " " for key in word_start} | set(_by_mark()) | set(_channel_keys() or {})):
        return None
    out = {key: len(key) - 1 for key in word_start}
    out.update((key, len(key)) for key in anywhere)
    return out


@cache
def _party_words() -> frozenset[str]:
    """The word-start keys of :func:`_party_keys` (the marked forms of the names of ASCII word
    characters alone, each one word): none when the names are left out of the pass."""
    return frozenset(key for key, n in (_party_keys() or {}).items() if n == len(key) - 1)


def _date_keys(literal: str, every: set[str]) -> list[str]:
    """The marked keys that stand for a leading literal of the date pattern: the literal itself,
    or, for a common word whose gate reads a phrase (see ``dates.GATE_PHRASES``), the phrases and
    each start of one that ends where its next run of whitespace is two characters or more ("the  "
    for "the\\n\\nend"). Wherever the gate holds, the marked text has one of them: every character
    that is no word character reads as a space there, and the letters in lower case."""
    from accords.extract.recognize import dates

    phrases = dates.GATE_PHRASES.get(literal)
    # (a literal that begins another one stands for it too: only a literal that begins none is narrowed)
    if phrases is None or any(k != literal and k.startswith(literal) for k in every):
        key = mark(literal)
        return [key] if key is not None else []
    keys: set[str] = set()
    for phrase in phrases:
        keys.add(" " + phrase)
        keys.update(" " + phrase[:i] + "  " for i, ch in enumerate(phrase) if ch == " ")
    return sorted(keys)


# (role word starts, known form starts, date starts with gates, channel key starts by key or None: see marked_starts)
Starts = tuple[list[int], list[int], dict[int, Pattern | None], dict[str, list[int]] | None]
_last_starts: tuple[str, Starts | None] = ("", None)  # the last document scanned (the same object), and its starts


def marked_starts(text: str) -> Starts | None:
    """Starts of the role words (sorted, without repeats), of the known forms (the same), and of
    the date literals (each with the gate to test there first, None for none), at word starts;
    and the start of every occurrence of every channel key (by key, in order; None when the keys
    are not in the pass); None for a text that has no marked form. Kept for the last text: the
    recognizers of one document ask in turn."""
    global _last_starts, _last_parties
    last = _last_starts  # (one read: another thread may replace it)
    if last[0] is text:
        return last[1]
    marked_text = mark(text)
    found: Starts | None = None
    parties: list[tuple[int, int]] | None = None
    if marked_text is not None:
        roles: list[int] = []
        forms: list[int] = []
        gate_at: dict[int, Pattern | None] = {}
        channel_at: dict[str, list[int]] = {}
        party_at: list[tuple[int, int]] = []
        # (typed: the compiled loop then tests and subtracts machine integers, not objects)
        end: int
        flag: int
        n: int
        gate: Pattern | None
        keys: tuple[str, ...]
        for end, (flag, n, gate, keys) in _marked_finder().iter(marked_text):
            start = end - n
            # The two entries that come most (a date literal alone: every number at a word start;
            # a one-word party name alone: " ukraine "), each handled at once.
            if flag == _DATE:
                if gate is None:
                    gate_at.setdefault(start, None)
                else:
                    gate_at[start] = gate
                continue
            if flag == _PARTY_WORD:
                party_at.append((start, end - 1))  # (the key ends with the space after its name)
                continue
            if flag & _PARTY:
                party_at.append((start, end))  # (the key ends where its name ends: end is one past it in the text)
                if flag == _PARTY:
                    continue
            if flag & _PARTY_WORD:  # (a name key that a role word or date literal shares)
                party_at.append((start, end - 1))  # (the key ends with the space after its name)
            if flag == _CHANNEL:
                for key in keys:  # ("era" of "federal" is no "ERA")
                    if text.startswith(key, start):
                        channel_at.setdefault(key, []).append(start)
                continue
            if flag & 1:
                roles.append(start)
            if flag & 2:
                forms.append(start)
            if flag & _DATE:
                if gate is None:
                    gate_at.setdefault(start, None)
                else:  # (any literal's gate will do where several start: each holds whatever the text is)
                    gate_at[start] = gate
        found = (sorted(set(roles)), sorted(set(forms)), gate_at, channel_at if _channel_keys() is not None else None)
        if _party_keys() is not None:
            last_word = marked_text[marked_text.rfind(" "):]  # (a name that ends the text has no space after it)
            if last_word in _party_words():
                party_at.append((len(text) - len(last_word) + 1, len(text)))
            parties = sorted(set(party_at))
    _last_starts = (text, found)
    _last_parties = (text, parties)
    return found


def party_starts(text: str) -> list[tuple[int, int]] | None:
    """The spans where a party name may be (sorted, without repeats; see :func:`_party_keys`): the
    text there reads as a name does in the marked text. From the pass of :func:`marked_starts`;
    None when the pass cannot tell (a text without a marked form, names left out of the pass)."""
    marked_starts(text)
    last = _last_parties  # (one read: another thread may replace it)
    return last[1] if last[0] is text else None


_last_parties: tuple[str, list[tuple[int, int]] | None] = ("", None)  # the party starts of the last document scanned
