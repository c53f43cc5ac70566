"""The faster scans of the segment stage find exactly what the plain scans they replace find."""

from __future__ import annotations

import re
from functools import cache

import pytest

from accords.extract import segment as seg
from accords.extract.normalize import normalize

from .helpers import gold_texts

# The scans as they were before the shortcuts: every paragraph through the one boundary pattern,
# and the run-in heading pattern with ordinary (backtracking) repeats.
_PLAIN_RUN_IN = re.compile(r"[A-Z][\w'’-]*(?:[ ][\w'’&-]+){0,6}\.[ ]+(?=[A-Z\"'])")

_HAND_MADE = [
    "Security and Defence. In the agreement, Japan helps. Mr. Smith said so! Did he? Yes.\nA new line.",
    "Term.\n\nTen Years Of Support And Aid For The People. It ends (\"Ends.\") Then more. e.g. This one.",
    "Article 5 (Scope) Of The Accord Made In Kyiv. Then. A B C D E F G H. Next. Q & A Of It. Yes",
    "**Does Japan send weapons?** No. Japan's help is limited. *Signed 13 June.* **Term:** ten years.",
    "Mid-Term Review O'Neil's Plan. \"Quoted.\" 3.5 per cent. $5 billion. €3 more.  Two  spaces.",
]


@cache
def _texts() -> list[str]:
    return [normalize(text)[0] for text in _HAND_MADE + gold_texts("gold*")]


def _plain_sentences(text: str, paras: list[tuple[int, int]], heads: list[int | None]) -> list[tuple[int, int]]:
    """seg.sentences with every paragraph scanned by _BOUNDARY (no _STOP shortcut)."""
    stop = seg._STOP
    seg._STOP = seg._BOUNDARY  # (the plain scan everywhere: same module code, no copy of it)
    try:
        return seg.sentences(text, paras, heads)
    finally:
        seg._STOP = stop


def test_stop_only_scan_splits_like_the_boundary_scan() -> None:
    clean = 0
    for text in _texts():
        paras = seg.paragraphs(text)
        heads = seg.run_in_headings(text, paras)
        assert seg.sentences(text, paras, heads) == _plain_sentences(text, paras, heads)
        for start, end in paras:
            if not seg._other_breaks(text, start, end):
                clean += 1
                assert [m.span() for m in seg._STOP.finditer(text, start, end)] == \
                    [m.span() for m in seg._BOUNDARY.finditer(text, start, end)]
    assert clean > 100  # (the shortcut is exercised)


@pytest.mark.parametrize("breaks", ["a\nb", "Why? Because", "No! Never", "\n"])
def test_other_breaks_are_seen(breaks: str) -> None:
    text = f"xx. {breaks}. yy"
    assert seg._other_breaks(text, 0, len(text))
    assert not seg._other_breaks(text, 0, 4)


def test_possessive_run_in_pattern_matches_like_the_backtracking_one() -> None:
    tried = 0
    for text in _texts():
        for start, end in seg.paragraphs(text):
            # every capital of the paragraph, not only its start: more phrases to compare on
            for at in range(start, end):
                if "A" <= text[at] <= "Z":
                    tried += 1
                    got, want = seg._RUN_IN.match(text, at, end), _PLAIN_RUN_IN.match(text, at, end)
                    assert (got and got.span()) == (want and want.span()), text[at:at + 80]
    assert tried > 10_000
