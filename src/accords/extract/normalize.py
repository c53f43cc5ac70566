"""Stage ``normalize``: a cleaner text to recognize in, with a map back to the loaded text.

Edits: Markdown escapes (``\\$`` -> ``$``), link markup dropped but its text kept
(``[another](#)`` -> ``another``), paragraphs broken mid-sentence re-joined, and typographic
quotes, dashes and spaces made plain. The :class:`OffsetMap` turns a normalized range into the
loaded-text range that covers the same words, so ``loaded[start:end]`` is always the quote; markup
removed just before a range start (``[``, ``\\``) or just after a range end (``](url)``) is kept
inside the quote so that the quote reads as the source does.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from accords.extract.rx import rx

# One character for one character, so this edit keeps every offset.
_TRANSLATE: Final = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2007": " ", "\u2009": " ",
    "\u202f": " ", "\t": " ", "\u200b": " ",
})
_REPLACE: Final = tuple((chr(k), v) for k, v in _TRANSLATE.items())
_REPLACE_ASCII: Final = tuple((k, v) for k, v in _REPLACE if k.isascii())

# Every alternative starts with a literal character, so the engine skips straight to the next
# "\\", "!", "[" or newline instead of trying the pattern at every position (eight times faster).
# A line break's leading spaces are taken back in Python (in the loop below); the two link
# forms ("![...](...)" and "[...](...)") are the same pattern with and without the "!".
_LINK: Final = r"\[(?P<{0}>[^\[\]\n]{{1,300}})\]\((?:[^()\s]|\([^()\s]{{0,100}}\)){{0,500}}\)"
_EDITS: Final = rx(
    r"\\(?=[\\`*_{}\[\]()#+\-.!$&%~|<>])"
    "|!" + _LINK.format("ltext") + "|" + _LINK.format("ltext2")
    + r"|\n(?:[ ]*\n)*[ ]*"
)
# The last alternative of _EDITS (literal characters only: its ASCII twin would be no faster, so no Rx)
_LINE_BREAK: Final = re.compile(r"\n(?:[ ]*\n)*[ ]*")

IDENTITY, REPLACE, OPEN, CLOSE = 0, 1, 2, 3


@dataclass(slots=True)
class OffsetMap:
    """Maps offsets of the normalized text to offsets of the loaded text."""

    norm_len: int
    orig_len: int
    # contiguous chunks covering the normalized text: (n_start, n_end, o_start, o_end, kind)
    chunks: list[tuple[int, int, int, int, int]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    # markup removed at a normalized position: position -> [(o_start, o_end, OPEN|CLOSE, partner)]
    # where partner is the other end of the link text (a quote keeps the markup only when it
    # covers the whole link text), or the position itself for an escape.
    deleted: dict[int, list[tuple[int, int, int, int]]] = field(default_factory=dict)

    def start(self, n: int, end: int | None = None) -> int:
        for o_start, _o_end, kind, partner in self.deleted.get(n, ()):
            if kind == OPEN and (end is None or partner <= end):
                return o_start
        if not self.chunks or n >= self.norm_len:
            return n if not self.chunks else self.orig_len
        j = bisect_right(self.starts, n) - 1
        n0, _n1, o0, _o1, kind = self.chunks[j]
        return o0 + (n - n0) if kind == IDENTITY else o0

    def end(self, n: int, start: int | None = None) -> int:
        if n in self.deleted:
            closing = [d for d in self.deleted[n] if d[2] == CLOSE and (start is None or d[3] >= start)]
            if closing:
                return closing[-1][1]
        if not self.chunks or n <= 0:
            return n if not self.chunks else 0
        j = bisect_left(self.ends, n)
        n0, _n1, o0, o1, kind = self.chunks[min(j, len(self.chunks) - 1)]
        return o0 + (n - n0) if kind == IDENTITY else o1

    def span(self, start: int, end: int) -> tuple[int, int]:
        if not self.chunks and not self.deleted:  # the identity map (most documents)
            return (start, max(start, end))
        s, e = self.start(start, end), self.end(end, start)
        return (s, max(s, e))


def _edits(src: str) -> Iterator[re.Match[str]]:
    """Exactly ``_EDITS.finditer(src)``. In a text without "\\" or "[" (most texts: no Markdown),
    only line breaks match, and each newline not inside the previous match starts one: found by
    ``str.find`` at memory speed, where the regex engine tests its leading character class at
    every position of the text."""
    if "\\" in src or "[" in src:
        yield from _EDITS.finditer(src)
        return
    match = _LINE_BREAK.match
    at = src.find("\n")
    while at >= 0:
        m = match(src, at)
        if m is None:  # (never: a newline always matches)
            break
        yield m
        at = src.find("\n", m.end())


def normalize(text: str) -> tuple[str, OffsetMap]:
    """Return the normalized text and its map back to ``text``."""
    # One str.replace per character present: str.translate looks every character up in a
    # dict, fifty times slower on a non-ASCII text (same result: each edit is one character for
    # one ASCII character that no other edit touches).
    src = text
    for old, new in _REPLACE if not text.isascii() else _REPLACE_ASCII:
        if old in src:
            src = src.replace(old, new)
    out: list[str] = []
    omap = OffsetMap(norm_len=0, orig_len=len(text))
    n = 0  # length of normalized text so far
    o = 0  # position in src up to which we have copied

    def copy_to(pos: int) -> None:
        nonlocal n, o
        if pos > o:
            out.append(src[o:pos])
            omap.chunks.append((n, n + pos - o, o, pos, IDENTITY))
            n += pos - o
            o = pos

    def delete(o_start: int, o_end: int, kind: int, partner: int | None = None) -> None:
        nonlocal o
        omap.deleted.setdefault(n, []).append((o_start, o_end, kind, n if partner is None else partner))
        o = o_end

    last_end = 0
    for m in _edits(src):
        first = src[m.start()]
        if first == "\n":
            start = m.start()
            while start > last_end and src[start - 1] == " ":
                start -= 1  # the spaces before a line break belong to it
            last_end = m.end()
            # a cut sentence: the line ends in a small letter, comma or semicolon, and the next line
            # starts in lower case, or the previous line already holds a finished sentence (so it
            # is body text, not a headline) and is long; a table row (cells joined by " | ", as DOCX
            # and HTML tables load) is never cut. (Most line breaks fail the first test: the line
            # is only copied out after it.)
            before = src[start - 1] if start else ""
            if not ("a" <= before <= "z" or before in (",", ";")):
                continue
            after = src[m.end():m.end() + 1]
            line = src[src.rfind("\n", 0, start) + 1:start]
            join = " | " not in line and (
                after.islower() or after == "(" or (
                    after.isalpha() and len(line) >= 60
                    and (". " in line or m.group().count("\n") == 1)))
            if not join:
                continue
            copy_to(start)
            out.append(" ")
            omap.chunks.append((n, n + 1, start, m.end(), REPLACE))
            n += 1
            o = m.end()
            continue
        last_end = m.end()
        copy_to(m.start())
        if first == "\\":
            delete(m.start(), m.end(), OPEN)
        else:  # link: keep the text, drop the brackets and the target
            group = "ltext" if m["ltext"] is not None else "ltext2"
            text_start = n
            delete(m.start(), m.start(group), OPEN, n + m.end(group) - m.start(group))
            copy_to(m.end(group))
            delete(m.end(group), m.end(), CLOSE, text_start)
    copy_to(len(src))
    omap.norm_len = n
    if not omap.deleted and all(c[4] == IDENTITY for c in omap.chunks):
        omap.chunks = []  # the identity map: offsets are already right
    omap.starts = [c[0] for c in omap.chunks]
    omap.ends = [c[1] for c in omap.chunks]
    return "".join(out), omap
