"""Withdrawn text: what a correction says an earlier report got wrong.

"The article said that Iceland would give GBP 30 million. That figure was wrong ..." - the
first sentence reports a claim the next one withdraws; "was wrongly reported as EUR 5 million"
marks it in the same sentence. Neither states a fact about the agreement.
"""

from __future__ import annotations

import re
from typing import Final

from accords.extract.prefilter import fold
from accords.extract.rx import rx

_WRONGLY: Final = rx(r"(?=[wiemf])\b(?:wrongly|incorrectly|erroneously|mistakenly|falsely|in error)\b", re.I)
_REPORTED: Final = rx(r"(?=[srwcgq])\b(?:said|stated|reported|wrote|claimed|gave|quoted|suggested)\b", re.I)
_WRONG_AFTER: Final = rx(r"[^.;:]{0,60}?\b(?:was|were|is|are)\s+(?:(?:also|both|simply)\s+)?(?:wrong|incorrect|"
                         r"inaccurate|false|mistaken|in error|an error|a mistake|not correct)\b"
                         r"|\s*(?:It|That|This)\s+(?:does|did|is|was)\s+not\s*[:.;,]", re.I)


# Every withdrawal says one of these (most documents say none: a few substring tests skip them).
_ANY: Final = ("wrong", "incorrect", "erroneous", "mistaken", "falsely", "in error", "inaccurate", "false", "a mistake",
               "an error", "not:", "not.", "not;", "not,")


# The same test in fewer scans of the text: "falsely" holds "false", "mistaken"/"a mistake" hold
# "mistake", "in error"/"an error" hold "error", and "not" followed by a stop is looked up at
# each "not" (every text is scanned once per test, and most hold none of the words).
_PLAIN: Final = ("wrong", "incorrect", "erroneous", "false", "inaccurate")
_NOT_STOPS: Final = frozenset(":.;,")


# The last text asked about (the same object) and the answer: the relate stage and the provisions
# coder ask it of the same document text, and each asking lower-cases and scans all of it.
_last_possible: tuple[str, bool] = ("", False)


def possible(text: str) -> bool:
    """Whether ``text`` may withdraw anything at all (one of ``_ANY`` is in it, lower-cased)."""
    global _last_possible
    last = _last_possible  # (one read: another thread may replace it)
    if last[0] is text:
        return last[1]
    found = _possible(text)
    _last_possible = (text, found)
    return found


def _possible(text: str) -> bool:
    # (the relate stage has folded this document already: fold hands back that copy. Folding
    # takes "İ" and "ſ" to "i" and "s" as IGNORECASE does, so the test is never narrower than
    # the patterns it stands for.)
    low = fold(text)
    if any(k in low for k in _PLAIN):
        return True
    if "mistake" in low and ("mistaken" in low or "a mistake" in low):
        return True
    if "error" in low and ("in error" in low or "an error" in low):
        return True
    at = low.find("not")
    while at >= 0:
        if low[at + 3:at + 4] in _NOT_STOPS:  # ("" at the very end is no stop)
            return True
        at = low.find("not", at + 1)
    return False


def withdrawn(text: str, sentences: list[tuple[int, int]], idx: int) -> bool:
    """Whether sentence ``idx`` states a claim that it or the next sentence withdraws."""
    s, e = sentences[idx]
    if _WRONGLY.search(text, s, e):
        return True
    if idx + 1 >= len(sentences) or not _REPORTED.search(text, s, e):
        return False
    return bool(_WRONG_AFTER.match(text, sentences[idx + 1][0]))
