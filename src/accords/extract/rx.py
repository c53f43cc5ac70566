"""Compiled patterns that run under ``re.ASCII`` wherever that changes no match.

On a text that is ASCII, a pattern matches the same under ``re.ASCII`` as under Unicode rules but
for two things: Unicode ``\\s`` also takes the separators ``\\x1c``-``\\x1f``, and under
IGNORECASE four non-ASCII letters in a pattern (dotted and dotless i, long s, the Kelvin sign)
match ASCII letters. For a text without those separators (:func:`plain`) and a pattern without
those letters, the ASCII twin of the pattern finds exactly the same matches, and the engine tests
``\\w``, ``\\b`` and letters of either case by table instead of by Unicode database lookups:
measured, about 6% of the instructions of the whole extraction pipeline. Nearly every sentence
is ASCII once normalized (quotes, dashes and spaces are), so the twin runs nearly everywhere.

:class:`Rx` is a compiled pattern with both: ``rx(r"...", re.I).search(text)`` runs the twin
on a plain text and the Unicode pattern on any other.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any, Final

try:  # the stdlib regex parser (private, no stub): without it, no twins
    _parser: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
except (ImportError, AttributeError):  # pragma: no cover - a Python without it
    _parser = None
try:  # the stdlib regex compiler and engine (private): without them, twins are compiled from source
    _compiler: Any = importlib.import_module("re._compiler")
    _sre: Any = importlib.import_module("_sre")
    _compiler._code  # noqa: B018 - (the one function of it used)
except (ImportError, AttributeError):  # pragma: no cover - a Python without them
    _compiler = None

_SEPARATORS: Final = ("\x1c", "\x1d", "\x1e", "\x1f")
# The non-ASCII letters IGNORECASE equates with ASCII ones (dotted and dotless i, long s, Kelvin sign).
TWIN_LETTERS = "\u0130\u0131\u017f\u212a"
_TWIN_CODES: Final = frozenset(ord(c) for c in TWIN_LETTERS)
# Where a pattern's source can name a twin letter: the letter itself, an escape that can name a
# letter above U+00FF, or a range whose upper end is at least U+0130, the lowest twin letter (a
# plain re.Pattern: an Rx would ask for its own twin).
_RISKY: Final = re.compile(rf"[{TWIN_LETTERS}]|\\[uUN]|-[^\x00-\u012f]")


def plain(text: str) -> bool:
    """Whether ``text`` matches the same under re.ASCII as under Unicode rules (see above)."""
    last = _ASKED[0]  # (one read: another thread may replace it)
    if last[0] is text:  # the patterns of one sentence, the recognizers of one document
        return last[1]
    # A whole document is kept apart from the sentences: the stages ask about the document between
    # the sentences they ask about, and with one entry each of those asks read the whole document
    # four times again (about twenty times a document).
    last = _ASKED[1]
    if last[0] is text:
        return last[1]
    ok = text.isascii()  # (constant time: the string knows)
    if ok:
        for sep in _SEPARATORS:
            if sep in text:
                ok = False
                break
    _ASKED[1 if len(text) >= _LONG else 0] = (text, ok)
    return ok


_LONG: Final = 1024  # (longer than nearly every sentence, as prefilter.fold has it; Final: a constant compiled in)
# The last short and the last long text asked about (the same objects), and the answers. (A list named
# Final, not two globals rebound: the compiled module reads a Final name as a C static, and any other
# global from the module's dict, which for a function called this often was most of its cost.)
_ASKED: Final[list[tuple[str, bool]]] = [("", True), ("", True)]
_TWINS: Final[dict[int, tuple[re.Pattern[str], re.Pattern[str]]]] = {}


def _takes_twin_letter(items: Any) -> bool:
    """Whether a parsed pattern holds a literal, or a range, that takes a letter of TWIN_LETTERS."""
    for item in items:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], _c._NamedIntConstant):
            op, av = item
            if op in (_c.LITERAL, _c.NOT_LITERAL) and av in _TWIN_CODES:
                return True
            if op is _c.RANGE and any(av[0] <= code <= av[1] for code in _TWIN_CODES):
                return True
            if isinstance(av, (list, tuple)) and _takes_twin_letter(av):
                return True
        elif isinstance(item, (list, tuple, _parser.SubPattern)) and _takes_twin_letter(item):
            return True
    return False


def _twin_safe(source: str, flags: int, parse: Callable[[], Any]) -> bool:
    """Whether ``source`` under ``flags`` matches the same as its re.ASCII twin on a :func:`plain`
    text: no IGNORECASE (an inline "(?i:" can turn it on for a part), or no twin letter taken.
    ``parse`` gives the parse of ``source``; it is asked for only where _RISKY matches the source
    (a parse costs more than a compile, and for the party-name alternations was most of a
    one-document run's startup)."""
    return not (flags & re.IGNORECASE or "(?" in source) or not _RISKY.search(source) \
        or not _takes_twin_letter(parse())


def ascii_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` compiled under re.ASCII: the same matches on a :func:`plain` text (the
    pattern itself where that cannot be shown)."""
    # Looked up by identity: hashing a compiled pattern hashes its whole compiled code. (The
    # pattern is kept in the entry, so its id cannot be reused by another one.)
    entry = _TWINS.get(id(pattern))
    if entry is not None and entry[0] is pattern:
        return entry[1]
    twin = pattern
    source = pattern.pattern
    if _parser is not None and isinstance(source, str) and not pattern.flags & re.LOCALE:
        try:
            if _twin_safe(source, pattern.flags, lambda: _parser.parse(source, pattern.flags)):
                twin = re.compile(source, (pattern.flags & ~re.UNICODE) | re.ASCII)
        except (re.error, ValueError, TypeError):  # ("(?u)" inside, say): keep the pattern
            twin = pattern
    if len(_TWINS) >= 4096:  # (cue alternations come in a few hundred combinations)
        _TWINS.clear()
    _TWINS[id(pattern)] = (pattern, twin)
    return twin


# An inline flag ("(?i)", "(?u:", "(?-i:"): such a source is compiled from source (see compile_twins).
_INLINE_FLAGS: Final = re.compile(r"\(\?[aiLmsux-]")


def _from_parse(source: str, parsed: Any, flags: int) -> re.Pattern[str]:
    """What ``re.compile(source, flags)`` gives, from ``parsed``, the parse of ``source`` (the
    steps of re._compiler.compile after its parse; ``flags`` hold the flags of the parse)."""
    saved = parsed.state.flags
    parsed.state.flags = flags  # (the code generator reads the flags of the parse too)
    try:
        code = _compiler._code(parsed, flags)
    finally:
        parsed.state.flags = saved
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    compiled: re.Pattern[str] = _sre.compile(source, flags, code, parsed.state.groups - 1, groupindex,
                                             tuple(indexgroup))
    return compiled


def compile_twins(source: str, flags: int = 0) -> tuple[re.Pattern[str], Any]:
    """``re.compile(source, flags)`` with its :func:`ascii_twin` made beside it, and the parse of
    ``source`` (None when there is none): one parse for the two compiles, which cost about as much
    as their parses each (a new combination of cues is compiled as the documents call for it). The
    compiled patterns are the same (``==``: source, flags and code) as those compiled from source."""
    flags = int(flags)  # (as re.compile does: the code generator tests a RegexFlag bit by bit, slowly)
    parsed = None
    if _parser is not None and _compiler is not None and not flags & (re.LOCALE | re.ASCII | re.DEBUG) \
            and not _INLINE_FLAGS.search(source):
        try:
            parsed = _parser.parse(source, flags)
        except (re.error, ValueError, TypeError, RecursionError):  # (re.compile says why)
            parsed = None
    if parsed is None:
        return re.compile(source, flags), None
    unicode_flags = parsed.state.flags  # (the given flags and re.UNICODE, as re.compile has them)
    try:
        pattern = _from_parse(source, parsed, unicode_flags)
        twin = pattern
        if _twin_safe(source, flags, lambda: parsed):  # (on the parse at hand)
            twin = _from_parse(source, parsed, int((unicode_flags & ~re.UNICODE) | re.ASCII))  # (an int: see above)
    except (TypeError, AttributeError, ValueError, IndexError):  # pragma: no cover - private steps of another Python
        return re.compile(source, flags), None
    if len(_TWINS) >= 4096:
        _TWINS.clear()
    _TWINS[id(pattern)] = (pattern, twin)
    return pattern, parsed


class Rx:
    """A compiled pattern that runs its ASCII twin on :func:`plain` texts: the same methods and
    results as the ``re.Pattern`` it wraps (``.u``)."""

    __slots__ = ("a", "u")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.u = compiled
        self.a: re.Pattern[str] | None = None  # the twin (rx() sets it; else compiled when first needed)

    @property
    def pattern(self) -> str:
        return self.u.pattern

    @property
    def flags(self) -> int:
        return self.u.flags

    @property
    def groups(self) -> int:
        return self.u.groups

    def _twin(self) -> re.Pattern[str]:
        twin = self.a = ascii_twin(self.u)
        return twin

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return (self.a or self._twin() if plain(string) else self.u).search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return (self.a or self._twin() if plain(string) else self.u).match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return (self.a or self._twin() if plain(string) else self.u).fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return (self.a or self._twin() if plain(string) else self.u).finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return (self.a or self._twin() if plain(string) else self.u).findall(string, pos, endpos)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return (self.a or self._twin() if plain(string) else self.u).split(string, maxsplit)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return (self.a or self._twin() if plain(string) else self.u).sub(repl, string, count)

    def subn(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> tuple[str, int]:
        return (self.a or self._twin() if plain(string) else self.u).subn(repl, string, count)


Pattern = Rx | re.Pattern[str]  # what the prefilter functions take


def rx(pattern: str, flags: int = 0) -> Rx:
    """``re.compile(pattern, flags)`` as an :class:`Rx`, its twin compiled from the same parse.

    (Compiled when first needed, a twin cost a parse of its own as well: about three times the
    code generation it costs here. Nearly every twin is needed in a run of a few documents.)"""
    compiled, parsed = compile_twins(pattern, flags)
    out = Rx(compiled)
    if parsed is not None:
        out.a = ascii_twin(compiled)  # (made by compile_twins: a lookup)
    return out


def unwrap(pattern: Pattern) -> re.Pattern[str]:
    """The ``re.Pattern`` behind ``pattern``."""
    return pattern.u if isinstance(pattern, Rx) else pattern
