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
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from itertools import pairwise
from typing import Any, Final

import ahocorasick

from accords.extract.rx import TWIN_LETTERS, Pattern, ascii_twin, compile_twins, plain, unwrap

try:  # the stdlib regex parser (private, no stub; "sre_parse" would warn): without it, no gates
    _parser: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
    _REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}
except (ImportError, AttributeError):  # pragma: no cover - a Python without it
    _parser = None
_FOLD: Final = str.maketrans({"\u0131": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """``text`` lower-cased character by character (same length, same offsets)."""
    if len(text) >= _LONG:  # a whole document: several stages fold it, one after another
        last = _FOLDED[0]  # (one read: another thread may replace it)
        if last[0] is text:
            return last[1]
        low = _fold(text)
        _FOLDED[0] = (text, low)
        return low
    return _fold(text)


_LONG: Final = 1024  # (longer than nearly every sentence: the sentences folded between leave the entry alone)
# The last long text folded (the same object), and its fold. (The entries kept here sit in lists named
# Final, not in globals rebound: the compiled module reads a Final name as a C static, any other global
# from the module's dict.)
_FOLDED: Final[list[tuple[str, str]]] = [("", "")]


def _fold(text: str) -> str:
    low = text.lower()
    if text.isascii():
        return low
    if len(low) != len(text):  # a letter whose lower case is two characters ("İ" -> "i̇")
        low = "".join(ch.lower()[:1] for ch in text)
    if "\u0131" in low or "\u017f" in low:  # (str.translate is slow on non-ASCII text)
        low = low.translate(_FOLD)
    return low


# Words in nearly every sentence of the material: a set holding one filters nothing.
_COMMON: Final = frozenset(["the", "and", "for", "with", "into", "from", "that", "this", "will", "ukraine",
                            "support", "security", "agreement"])


def _score(keys: frozenset[str]) -> tuple[int, int, int]:
    # long, few and uncommon keywords filter best
    return (0 if keys & _COMMON else 1, min(len(k) for k in keys), -len(keys))


def _caseless(ch: str) -> bool:
    """A character that IGNORECASE matches only as itself ("$", "€", "5"), or an ASCII letter."""
    if ch.isascii():
        return ch.isprintable()
    return ch.lower() == ch == ch.upper() and not ch.isalpha()


def _best(cands: list[frozenset[str]]) -> frozenset[str] | None:
    return max(cands, key=_score) if cands else None


def _conjuncts(items: Any) -> list[frozenset[str]]:
    """Keyword sets that are all required: every match holds a keyword of each."""
    cands: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            cands.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is _c.LITERAL and (av < 128 or _caseless(chr(av))):  # "€" matches only itself
            run.append(chr(av).lower())
            continue
        flush()
        if op is _c.SUBPATTERN:
            cands.extend(_conjuncts(av[-1]))
        elif op is _c.BRANCH:
            subs = [_best(_conjuncts(b)) for b in av[1]]
            if subs and all(s is not None for s in subs):
                cands.append(frozenset().union(*[s for s in subs if s is not None]))
        elif op in _REPEATS and av[0] >= 1:
            cands.extend(_conjuncts(av[2]))
        elif op is _c.IN and 0 < len(av) <= 8 and all(o is _c.LITERAL and _caseless(chr(a)) for o, a in av):
            cands.append(frozenset(chr(a).lower() for _, a in av))  # a small class: "[$€£¥]"
    flush()
    return [c for c in cands if c and all(c)]


def _parse(pattern: Pattern | str) -> list[frozenset[str]] | None:
    source = pattern if isinstance(pattern, str) else pattern.pattern
    flags = 0 if isinstance(pattern, str) else pattern.flags
    if _parser is None:
        return None
    try:
        return _conjuncts(_parser.parse(source, flags))
    except Exception:  # an exotic pattern the analysis does not know: no filter
        return None


def requirements(pattern: Pattern | str, most: int = 2) -> tuple[frozenset[str], ...] | None:
    """Up to ``most`` keyword sets, the best first, such that every match of ``pattern`` holds
    a keyword of each ("security dialogue" needs "security" and "dialogue"); None when unknown."""
    found = _parse(pattern)
    if not found:
        return None
    ranked = sorted(set(found), key=lambda c: (_score(c), sorted(c)), reverse=True)
    # a further set only pays when it is not made of short or common words ("to", "the")
    return (ranked[0], *[c for c in ranked[1:most] if _score(c)[:2] >= (1, 3)])


def keywords(pattern: Pattern | str) -> frozenset[str] | None:
    """Lower-case strings one of which every match contains; None when unknown."""
    found = _parse(pattern)
    return _best(found) if found else None


def any_keywords(patterns: Any) -> frozenset[str] | None:
    """Keywords of a union of patterns: None when any of them has none."""
    out: set[str] = set()
    for p in patterns:
        kws = keywords(p)
        if kws is None:
            return None
        out |= kws
    return frozenset(out)


_MOST_PREFIXES: Final = 200
_LONG_ENOUGH: Final = 6


def _prefixes(items: Any, digits: bool = False) -> tuple[set[str], bool] | None:
    """Lower-case strings one of which every match of ``items`` starts with, and whether they
    are the whole of every match (so that what follows may be appended); None when unknown.

    With ``digits``, ``\\d`` stands for the ASCII digits (true only of a text without other
    decimal digits) and an optional item leads either with itself or with what follows it."""
    out = {""}
    items = list(items)
    for i, (op, av) in enumerate(items):
        if min(map(len, out)) >= _LONG_ENOUGH:
            return out, False  # longer prefixes would hardly be rarer
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width ("\\b", look-arounds): the matched text goes on after it
        if op is _c.LITERAL and (av < 128 or _caseless(chr(av))):
            out = {p + chr(av).lower() for p in out}
            continue
        if op is _c.IN and 0 < len(av) <= 8 and all(o is _c.LITERAL and _caseless(chr(a)) for o, a in av):
            subs: tuple[set[str], bool] | None = ({chr(a).lower() for _, a in av}, True)  # "[Ss]"
        elif digits and op is _c.IN and av == [(_c.CATEGORY, _c.CATEGORY_DIGIT)]:
            subs = (set("0123456789"), True)
        elif op is _c.SUBPATTERN:
            subs = _prefixes(av[-1], digits)
        elif op is _c.BRANCH:
            found = [_prefixes(b, digits) for b in av[1]]
            subs = None if any(f is None for f in found) else (
                set().union(*[f[0] for f in found if f]), all(f[1] for f in found if f))
        elif op in _REPEATS and av[0] >= 1:
            subs = _prefixes(av[2], digits)
            subs = (subs[0], False) if subs else None  # its first repetition, then unknown
        elif digits and op in _REPEATS and av[0] == 0:  # "(?:last\s+)?March": "last" or "march"
            itself, rest = _prefixes(av[2], digits), _prefixes(items[i + 1:], digits)
            subs = None if itself is None or rest is None else (itself[0] | rest[0], False)
        else:
            subs = None
        if subs is None or "" in subs[0]:
            return (out, False) if "" not in out else None
        out = {p + q for p in out for q in subs[0]}
        if len(out) > _MOST_PREFIXES:
            return None
        if not subs[1]:
            return out, False
    return out, True


_last_parsed: tuple[re.Pattern[str] | None, list[Any] | None] = (None, None)


def _items(pattern: re.Pattern[str]) -> list[Any] | None:
    """The parsed items of ``pattern`` (None: it cannot be parsed). The analyses of a new pattern
    (its leading literals, its led finder, its word starts) come one after another and each read
    the same parse: the last pattern's is kept (the parse of a cue alternation costs about what
    its compile does, and was done four times for each new combination of cues)."""
    global _last_parsed
    last = _last_parsed  # (one read: another thread may replace it)
    if last[0] is pattern:
        return last[1]
    items: list[Any] | None = None
    if _parser is not None:
        try:
            items = list(_parser.parse(pattern.pattern, pattern.flags))
        except Exception:  # an exotic pattern the analysis does not know
            items = None
    _last_parsed = (pattern, items)
    return items


def compile_analysed(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)`` for a pattern that is to be run by :func:`finditer` or
    :func:`search` at once: its ASCII twin and its parse, which the finders read, come from the
    one parse of the compile (see :func:`accords.extract.rx.compile_twins`)."""
    global _last_parsed
    pattern, parsed = compile_twins(source, flags)
    if parsed is not None:
        _last_parsed = (pattern, list(parsed))
    return pattern


def leading_literals(given: Pattern) -> frozenset[str] | None:
    """Lower-case strings one of which the text of every match of ``pattern`` starts with
    (zero-width assertions such as ``\\b`` and look-arounds are skipped); None when unknown."""
    items = _items(unwrap(given))
    if items is None:
        return None
    found = _prefixes(items)
    if found is None or not found[0] or "" in found[0]:
        return None
    return frozenset(found[0])


_FINDERS: Final[dict[int, tuple[re.Pattern[str], Any, Any, bool]]] = {}
# ASCII word characters kept (lower-cased), every other byte a space: in the marked text
# " " + key matches only where the key starts a word. (The word characters: \w of an ASCII text.)
def word_char(ch: str) -> bool:
    """Whether ``ch`` is a word character as the regex engine reads ``\\w`` (and ``\\b`` around it)."""
    return ch.isalnum() or ch == "_"


ASCII_WORD_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_WORDISH: Final = frozenset(ord(ch) for ch in ASCII_WORD_CHARS)
_MARK: Final = bytes((b | 32 if 65 <= b <= 90 else b) if b in _WORDISH else 32 for b in range(256))


def _marked_key(key: str) -> str:
    """``key`` as it reads in a marked text where it starts a word (see :func:`mark`)."""
    return " " + key.encode("ascii").translate(_MARK).decode("ascii")


def _starts_word(items: Any) -> bool:
    """Whether every match of ``items`` starts where no word character precedes: it opens
    (after other zero-width tests) with ``\\b`` or a look-behind refusing a word character,
    and every key it starts with begins with a word character (checked by the caller)."""
    for op, av in items:
        if op is _c.AT and av is _c.AT_BOUNDARY:
            return True
        if op is _c.ASSERT_NOT and av[0] == -1 and len(av[1]) == 1 and av[1][0][0] is _c.IN \
                and (_c.CATEGORY, _c.CATEGORY_WORD) in av[1][0][1]:
            return True
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: the match still starts here
        if op is _c.SUBPATTERN:
            return _starts_word(av[-1])
        if op is _c.BRANCH:
            return all(_starts_word(b) for b in av[1])
        return False
    return False


def _automata(keys: frozenset[str] | set[str], items: Any) -> tuple[Any, Any]:
    """An automaton of ``keys`` for the folded text, and one of " " + key for the marked text
    when every match starts a word (None otherwise)."""
    finder = ahocorasick.Automaton()
    for key in keys:
        finder.add_word(key, len(key))
    finder.make_automaton()
    marked = None
    if all(k.isascii() and ord(k[0]) in _WORDISH for k in keys) and _starts_word(items):
        marked = ahocorasick.Automaton()
        for key in keys:
            marked.add_word(_marked_key(key), len(key))
        marked.make_automaton()
    return finder, marked


# The non-ASCII characters that IGNORECASE matches with ASCII letters ("ſ" with "s", the
# Kelvin sign with "k", dotted and dotless i): a text holding one is not marked.
_ASCII_TWINS: Final = re.compile(f"[{TWIN_LETTERS}]")


def mark(text: str) -> str | None:
    """The text lower-cased (ASCII letters), every other character a space, after one leading
    space: a key of n characters found ending at index ``stop`` of it starts a word of the text
    at ``stop - n``. A non-ASCII letter reads as a space, so more places look like word starts
    (a superset, never fewer); None for a text holding an ASCII twin."""
    last = _MARKED[0]  # (one read: another thread may replace it)
    if last[0] is text:  # the recognizers of one document, the patterns of one sentence
        return last[1]
    # (a whole document is kept apart from the sentences, as fold and rx.plain keep it: the
    # sentences marked between the recognizers' asks leave its entry alone)
    last = _MARKED[1]
    if last[0] is text:
        return last[1]
    if text.isascii():
        marked: str | None = " " + text.encode("ascii").translate(_MARK).decode("ascii")
    elif holds_ascii_twin(text):
        marked = None
    else:
        marked = " " + text.encode("ascii", "replace").translate(_MARK).decode("ascii")
    _MARKED[1 if len(text) >= _LONG else 0] = (text, marked)
    return marked


# The last short and the last long text marked (the same objects), and their marks (see _FOLDED).
_MARKED: Final[list[tuple[str, str | None]]] = [("", " "), ("", " ")]


def holds_ascii_twin(text: str) -> bool:
    """Whether ``text`` holds a letter of TWIN_LETTERS (what ``_ASCII_TWINS.search`` tells): four
    substring tests, which Python answers without reading a text of one byte a character (it
    cannot hold them: they are above U+00FF), and reads others at memory speed, where the regex
    engine tests the character class at every position of a whole document."""
    return any(letter in text for letter in TWIN_LETTERS)


def _start_finder(pattern: re.Pattern[str]) -> tuple[Any, Any, bool]:
    """The automata of :func:`_automata` for the leading literals of ``pattern`` (None, None
    without them), and whether, without them, :func:`finditer_led` has a finder for it."""
    # Looked up by identity: hashing a compiled pattern hashes its whole compiled code, which
    # for a gazetteer alternation costs more than the scan of a sentence. (The pattern is kept
    # in the entry, so its id cannot be reused by another one.)
    entry = _FINDERS.get(id(pattern))
    if entry is not None and entry[0] is pattern:
        return entry[1], entry[2], entry[3]
    starts = leading_literals(pattern)
    finder = marked = None
    led = False
    if starts is not None:
        finder, marked = _automata(starts, _items(pattern) or [])
    else:  # (digits or optional words lead: "ten-year", "(no) new money")
        led = _led_entry(pattern)[1] is not None
    if len(_FINDERS) >= 4096:  # (cue alternations come in a few hundred combinations)
        _FINDERS.clear()
    _FINDERS[id(pattern)] = (pattern, finder, marked, led)
    return finder, marked, led


def _starts(finder: Any, marked: Any, text: str, pos: int, end: int) -> list[int]:
    """Where in ``text[pos:end]`` one of the leading literals of :func:`_start_finder` starts,
    in order (word starts only when the marked automaton can be used)."""
    # The automaton is given a slice, not (text, pos, end): pyahocorasick converts the whole
    # string it is given on every call, which for a sentence of a long document costs the document.
    marked_text = mark(text) if marked is not None else None
    if marked_text is not None:
        # (marked index i + 1 holds text[i]: the slice opens with the character before pos)
        starts = [pos + stop - n for stop, n in marked.iter(marked_text[pos:end + 1])]
    else:
        starts = [pos + stop - n + 1 for stop, n in finder.iter(fold(text)[pos:end])]
    if len(starts) > 1:
        starts = sorted(set(starts))  # (reported by end: overlapping keys come out of order)
    return starts


def finditer(given: Pattern, text: str, pos: int = 0, endpos: int | None = None) -> list[re.Match[str]]:
    """Exactly ``list(pattern.finditer(text, pos, endpos))``, tried only where the text
    (lower-cased) has one of the pattern's leading literals: one Aho-Corasick pass finds those
    places, and the pattern is matched there alone (``\\b`` and look-behinds still see the text
    before). For a pattern such as ``\\b(?:agreements?|accords?)\\b`` under IGNORECASE, which the
    regex engine tries at every position, this is several times faster. When every match
    starts a word and the text is ASCII, only word starts are reported (see :func:`mark`).
    (A list, not a generator: on sentences the matches are few, and a generator's frames cost
    more than the list.) A pattern that no literal leads but digits or optional words do ("ten-year"
    or "10-year", "(no) new money") is run by :func:`finditer_led` over a whole text."""
    pattern = unwrap(given)
    end = len(text) if endpos is None else min(endpos, len(text))
    finder, marked, led = _start_finder(pattern)
    if finder is None and led and pos == 0 and end == len(text):
        return list(finditer_led(pattern, text))
    rx = ascii_twin(pattern) if plain(text) else pattern
    if finder is None:
        return list(rx.finditer(text, pos, end))
    out: list[re.Match[str]] = []
    if pos >= end:
        return out
    last = pos
    match = rx.match
    for at in _starts(finder, marked, text, pos, end):
        if at < last:
            continue  # inside the previous match: finditer resumes after it
        m = match(text, at, end)
        if m is not None:
            last = max(m.end(), at + 1)
            out.append(m)
    return out


def search(given: Pattern, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """Exactly ``pattern.search(text, pos, endpos)`` (see :func:`finditer`)."""
    pattern = unwrap(given)
    end = len(text) if endpos is None else min(endpos, len(text))
    finder, marked, _led = _start_finder(pattern)
    rx = ascii_twin(pattern) if plain(text) else pattern
    if finder is None:
        return rx.search(text, pos, end)
    if pos >= end:
        return None
    match = rx.match
    for at in _starts(finder, marked, text, pos, end):
        m = match(text, at, end)
        if m is not None:
            return m
    return None


_LED: Final[dict[int, tuple[re.Pattern[str], Any, bool, Any]]] = {}
_ASCII_BYTES: Final = bytes(range(128))
_ANY_DIGIT: Final = re.compile(r"\d")  # (re's \d on str is str.isdecimal)


def _led_entry(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], Any, bool, Any]:
    entry = _LED.get(id(pattern))
    if entry is not None and entry[0] is pattern:
        return entry
    finder, word_start, marked = None, False, None
    items = _items(pattern) or []
    found = _prefixes(items, digits=True) if items else None
    if found is not None and found[0] and "" not in found[0] and len(found[0]) <= _MOST_PREFIXES:
        finder, marked = _automata(found[0], items)
        op, av = items[0]
        word_start = (op is _c.ASSERT_NOT and av[0] == -1 and len(av[1]) == 1 and av[1][0][0] is _c.IN
                      and (_c.CATEGORY, _c.CATEGORY_WORD) in av[1][0][1])
    if len(_LED) >= 4096:
        _LED.clear()
    entry = _LED[id(pattern)] = (pattern, finder, word_start, marked)
    return entry


def led_finder(given: Pattern) -> tuple[Any, bool]:
    """The automaton of the leading literals of ``pattern`` (``\\d`` read as 0-9, optional
    items looked through) or None, and whether every match starts a word (the pattern opens
    with a look-behind refusing a word character before it)."""
    entry = _led_entry(unwrap(given))
    return entry[1], entry[2]


_last_plain: tuple[str, bool] = ("", True)  # the last text asked about (the same object), and its answer


def plain_digits(text: str) -> bool:
    """Whether the only decimal digits of ``text`` are 0-9 (what ``\\d`` means for :func:`led_finder`)."""
    global _last_plain
    if text.isascii():
        return True
    last = _last_plain  # (one read: another thread may replace it)
    if last[0] is text:  # asked once per window of the same text
        return last[1]
    # Only the non-ASCII characters can be other digits. Their UTF-8 bytes, with every ASCII byte
    # deleted, decode to exactly those characters: three passes in C at memory speed, where a
    # regex stepping over the text for non-ASCII runs costs tens of instructions a character.
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    answer = _ANY_DIGIT.search(rest.decode("utf-8", "surrogatepass")) is None
    _last_plain = (text, answer)
    return answer


_GATED: Final[dict[int, tuple[re.Pattern[str], Mapping[str, Pattern], Any, Any]]] = {}


def _gated_entry(pattern: re.Pattern[str], gates: Mapping[str, Pattern]) -> tuple[Any, Any]:
    """The automata of :func:`_led_entry` with (length, gate or None) for every key."""
    entry = _GATED.get(id(pattern))
    if entry is not None and entry[0] is pattern and entry[1] is gates:
        return entry[2], entry[3]
    _, led, _word_start, led_marked = _led_entry(pattern)
    finder = marked = None
    if led is not None:
        every = set(led.keys())
        # a key that another one begins ("2" of "2024", "jul" of "july") already marks its starts
        keys = [k for k in every if not any(k[:i] in every for i in range(1, len(k)))]
        finder = ahocorasick.Automaton()
        for key in keys:
            finder.add_word(key, (len(key), gates.get(key)))
        finder.make_automaton()
        if led_marked is not None:
            marked = ahocorasick.Automaton()
            for key in keys:
                marked.add_word(_marked_key(key), (len(key), gates.get(key)))
            marked.make_automaton()
    if len(_GATED) >= 64:
        _GATED.clear()
    _GATED[id(pattern)] = (pattern, gates, finder, marked)
    return finder, marked


def finditer_led(given: Pattern, text: str,
                 gates: Mapping[str, Pattern] | None = None) -> Iterator[re.Match[str]]:
    """Exactly ``pattern.finditer(text)`` for a pattern whose matches start with digits or
    words (dates): tried only where one of its leading literals starts (and a word starts, when
    the pattern says so). Texts with decimal digits other than 0-9 are scanned whole.

    ``gates`` maps leading literals (as :func:`led_finder` has them) to patterns that every match
    of ``pattern`` starting where the text (lower-cased) has that literal also matches there: a
    cheap test first where the literal is common and the match rare ("the" before "same day")."""
    pattern = unwrap(given)
    _, finder, word_start, marked = _led_entry(pattern)
    rx = ascii_twin(pattern) if plain(text) else pattern
    if finder is None or not plain_digits(text):
        yield from rx.finditer(text)
        return
    gate_at: dict[int, Pattern | None] | None = None
    if gates is not None:
        gate_at, word_start = _gated_starts(pattern, text, gates, word_start)
        starts = sorted(gate_at)
    else:
        marked_text = mark(text) if marked is not None else None
        if marked_text is not None:
            starts = sorted({stop - n for stop, n in marked.iter(marked_text)})  # word starts only
            word_start = False  # (already so)
        else:
            starts = sorted({stop - n + 1 for stop, n in finder.iter(fold(text))})
    yield from matches_at(rx, text, starts, gate_at, word_start)


def matches_at(rx: re.Pattern[str], text: str, starts: Iterable[int],
               gate_at: Mapping[int, Pattern | None] | None = None,
               word_start: bool = False) -> Iterator[re.Match[str]]:
    """``rx.match`` at each of the sorted ``starts`` where its gate (if any) matches first,
    skipping starts inside the previous match as ``finditer`` does (the candidates' own loop of
    :func:`finditer_led`, shared with recognizers that find their starts another way)."""
    last = 0
    match = rx.match
    for at in starts:
        if at < last:
            continue  # inside the previous match: finditer resumes after it
        if word_start and at and (text[at - 1].isalnum() or text[at - 1] == "_"):
            continue  # the look-behind fails here
        if gate_at is not None:
            gate = gate_at[at]
            if gate is not None and gate.match(text, at) is None:
                continue
        m = match(text, at)
        if m:
            last = max(m.end(), at + 1)
            yield m


def _gated_starts(pattern: re.Pattern[str], text: str, gates: Mapping[str, Pattern],
                  word_start: bool) -> tuple[dict[int, Pattern | None], bool]:
    """Where a match may start, each with the gate to test there first (None: no gate), and
    whether the word-start test is still to do (not when the marked text found word starts)."""
    finder, marked = _gated_entry(pattern, gates)
    marked_text = mark(text) if marked is not None else None
    if marked_text is not None:
        found = marked.iter(marked_text)
        shift = 0
        word_start = False  # (word starts only)
    else:
        found = finder.iter(fold(text))
        shift = 1
    gate_at: dict[int, Pattern | None] = {}
    for stop, (n, gate) in found:
        if gate is None:
            gate_at.setdefault(stop - n + shift, None)
        else:  # (any literal's gate will do where several start: each holds whatever the text there is)
            gate_at[stop - n + shift] = gate
    return gate_at, word_start


class KeywordIndex:
    """Finds the keywords of several keyword groups in a folded text, in one pass.

    An Aho-Corasick automaton (pyahocorasick, in C) reports every occurrence of every keyword,
    overlapping ones included, in time linear in the text: four times faster than one regex
    look-ahead over a prefix tree of the keywords, which the engine has to try at every letter.
    """

    __slots__ = ("_always", "_automaton")

    def __init__(self, groups: list[tuple[str, ...] | None]) -> None:
        by_keyword: dict[str, list[int]] = {}
        always: set[int] = set()
        for gi, group in enumerate(groups):
            if group is None:
                always.add(gi)
                continue
            for k in group:
                by_keyword.setdefault(k, []).append(gi)
        self._always = frozenset(always)
        self._automaton: Any = None
        if by_keyword:
            self._automaton = ahocorasick.Automaton()
            for k, gis in by_keyword.items():
                # (length - 1, the groups of the keyword): all an occurrence needs, with no lookup
                self._automaton.add_word(k, (len(k) - 1, tuple(dict.fromkeys(gis))))
            self._automaton.make_automaton()

    def scan(self, folded: str) -> Occurrences:
        # (last position, (length - 1, groups)) of every occurrence, in order of last position
        found = list(self._automaton.iter(folded)) if self._automaton is not None else []
        return Occurrences(found, self._always)


class Occurrences:
    """Keyword occurrences of one document: :meth:`groups_in` tells, for any range, which
    groups have a keyword wholly inside it - exactly the groups for which
    ``any(k in folded[start:end] for k in group)`` holds - without touching the text again.
    A group that is None (no keywords known) is always reported.
    """

    __slots__ = ("_always", "_by_start", "_found", "_starts")

    def __init__(self, found: list[tuple[int, tuple[int, tuple[int, ...]]]], always: frozenset[int]) -> None:
        self._found = found  # by last position, as the automaton reports them
        self._always = always
        self._by_start: list[tuple[int, int, tuple[int, ...]]] | None = None  # (start, end, groups)
        self._starts: list[int] = []

    def groups_in(self, start: int, end: int) -> set[int]:
        """Indexes of the groups with a keyword occurrence inside ``[start, end)``."""
        if self._by_start is None:
            self._by_start = sorted((last - back, last + 1, gis) for last, (back, gis) in self._found)
            self._starts = [o[0] for o in self._by_start]
        out = set(self._always)
        found = self._by_start
        j = bisect_left(self._starts, start)
        size = len(found)
        while j < size:
            pos, stop, gis = found[j]
            if pos >= end:
                break
            if stop <= end:
                out.update(gis)
            j += 1
        return out

    def per_range(self, ranges: list[tuple[int, int]]) -> list[set[int]]:
        """``[groups_in(s, e) for s, e in ranges]``, in one sweep when the ranges are sorted and
        do not overlap (sentences): each occurrence then falls in at most one of them."""
        if any(a[1] > b[0] for a, b in pairwise(ranges)) \
                or any(s > e for s, e in ranges):
            return [self.groups_in(s, e) for s, e in ranges]
        out = [set(self._always) for _ in ranges]
        k, size = 0, len(ranges)
        if not size:
            return out
        start, end = ranges[0]
        # Occurrences come by last position: the range holding that position is the only one
        # that can hold the whole occurrence, and it never moves backwards.
        for last, (back, gis) in self._found:
            if last >= end:
                k += 1
                while k < size and ranges[k][1] <= last:
                    k += 1
                if k == size:
                    break
                start, end = ranges[k]
            if last - back >= start:
                out[k].update(gis)
        return out


def _minimal(keys: frozenset[str]) -> tuple[str, ...]:
    """``keys`` without those that hold another key ("not", "none" beside "no"): a text holds
    one of the rest exactly when it holds one of ``keys``, in fewer substring tests."""
    return tuple(sorted(k for k in keys if not any(o != k and o in k for o in keys)))


_MANY_KEYS: Final = 12  # keywords in a set from which the automaton is the faster test (measured on the gold texts)


class Gate:
    """A pattern's keyword test: ``may(folded)`` is False only when the pattern cannot match
    ``folded``'s original text (it lacks a keyword of one of the required sets).

    A set of a few keywords is tested by substring; a set of dozens ("pledged", "committed",
    "will provide" ...) by one Aho-Corasick pass, several times faster there and slower for few."""

    __slots__ = ("_automata", "_sets")

    def __init__(self, pattern: Pattern) -> None:
        found = [_minimal(s) for s in requirements(pattern) or ()]
        self._sets = tuple(keys for keys in found if len(keys) < _MANY_KEYS)
        automata = []
        for keys in found:
            if len(keys) >= _MANY_KEYS:
                automaton = ahocorasick.Automaton()
                for key in keys:
                    automaton.add_word(key, len(key))
                automaton.make_automaton()
                automata.append(automaton)
        self._automata: tuple[Any, ...] = tuple(automata)

    def may(self, folded: str) -> bool:
        for keys in self._sets:
            for k in keys:
                if k in folded:
                    break
            else:
                return False
        for automaton in self._automata:
            for _found in automaton.iter(folded):
                break  # one keyword of the set is enough
            else:
                return False
        return True
