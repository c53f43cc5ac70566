"""The sentences that can say anything about an agreement, found in one scan of the text.

Read by the document's focus (which sentences speak of agreements) and by the agreement rules
(which sentences to read, and what their nouns and verbs are), so the text is scanned once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Final

from accords.extract import prefilter
from accords.extract.prefilter import fold, word_char
from accords.extract.rx import rx

# Sentences that can say anything about an agreement contain one of these (one scan finds them).
# (the look-ahead names the initials of the words: it rejects most positions at once, same matches)
CANDIDATE: Final = rx(r"(?=[atpsdbl1h])\b(?:agreements?|accords?|treaty|treaties|pact|security commitments|texts?"
                      r"|(?:security|defen[cs]e|bilateral|long-term|ten-year|10-year)\s+deals?"
                      r"|documents?|arrangements?|[Ss]ign(?:s|ed)?|Done at|signing\s+date|date\s+of\s+signing"
                      r"|hosted\s+(?:a|the)\s+signing)\b",
                      re.I)
# CANDIDATE without the alternatives a text cannot match: one without "deal" (or without "security
# commitments" too) has fewer places to try ("security", "defence", "ten" ... open no match there)
_CANDIDATE_NO_DEAL: Final = rx(r"(?=[atpsdh])\b(?:agreements?|accords?|treaty|treaties|pact|security commitments|texts?"
                               r"|documents?|arrangements?|[Ss]ign(?:s|ed)?|Done at|signing\s+date|date\s+of\s+signing"
                               r"|hosted\s+(?:a|the)\s+signing)\b", re.I)
_CANDIDATE_BARE: Final = rx(r"(?=[atpsdh])\b(?:agreements?|accords?|treaty|treaties|pact|texts?"
                            r"|documents?|arrangements?|[Ss]ign(?:s|ed)?|Done at|signing\s+date|date\s+of\s+signing"
                            r"|hosted\s+(?:a|the)\s+signing)\b", re.I)

# What a match of CANDIDATE (folded) says of its sentence: an agreement noun (a match of the agreement
# rules' _AGREEMENT there), a document noun (of their _DOC_NOUN), an agreement word (a match of the
# focus's _AGREEMENT_WORD starts there), a signing verb "sign", "signs", "signed" (a match of their _SIGN)
_NOUN_WORDS: Final = frozenset(["agreement", "agreements", "accord", "accords", "treaty", "treaties", "pact",
                                "security commitments"])
_DOC_WORDS: Final = frozenset(["agreement", "agreements", "accord", "accords", "treaty", "pact", "security commitments",
                               "text", "texts", "document", "documents", "arrangement", "arrangements"])
# (not "treaties", nor a "long-term" or "ten-year deal": the focus's words)
_AGREEMENT_WORDS = _NOUN_WORDS - {"treaties"}
_SIGN_WORDS: Final = frozenset(["sign", "signs", "signed"])
HAS_NOUN, HAS_DOC_NOUN, UNSURE, HAS_AGREEMENT_WORD, HAS_SIGN = 1, 2, 4, 8, 16


def _says(word: str) -> int:
    """What a match of CANDIDATE, folded, says."""
    deal = word.endswith(("deal", "deals"))
    return ((HAS_NOUN if word in _NOUN_WORDS or deal else 0)
            | (HAS_DOC_NOUN if word in _DOC_WORDS else 0)
            | (HAS_AGREEMENT_WORD if word in _AGREEMENT_WORDS
               or (deal and word.startswith(("security", "bilateral", "defen"))) else 0)
            | (HAS_SIGN if word in _SIGN_WORDS else 0))


# (the common matches, lower-cased, looked up at once; the others are folded and read by _says)
_SAYS: Final = {w: _says(w) for w in [*_NOUN_WORDS, *_DOC_WORDS, *_SIGN_WORDS]}


def scan(text: str, low: str, starts: list[int], sentences: list[tuple[int, int]]) -> dict[int, int]:
    """The sentences where CANDIDATE matches (one scan of ``text``; ``low`` is it folded), each with what
    its matches say: every match of the agreement rules' _AGREEMENT or _DOC_NOUN in a sentence is one of
    them, so the sentence needs no scans of its own for those; UNSURE where its bounds could make its own
    scan differ (a match across them, a bound inside a word). HAS_AGREEMENT_WORD is of the sentence where
    the match starts, as a scan of the whole text finds it."""
    out: dict[int, int] = {}
    # (fold maps the letters IGNORECASE equates with these words' ones: a text without them matches none)
    pattern = (CANDIDATE if "deal" in low
               else _CANDIDATE_NO_DEAL if "security commitments" in low else _CANDIDATE_BARE)
    idx, e, following = -1, -1, -1  # the sentence of the last match, its end, where the next one starts
    for m in prefilter.finditer(pattern, text):  # (same matches as pattern.finditer, found faster)
        at, end = m.span()
        flags = _SAYS.get(m.group().lower())
        if flags is None:
            flags = _says(fold(m.group()))
        if at >= following:  # (matches come in order: one before is in the sentence of the last)
            idx = max(0, bisect_right(starts, at) - 1)  # (sentence_of)
            s, e = sentences[idx]
            following = starts[idx + 1] if idx + 1 < len(starts) else len(text) + 1
            if (s and word_char(text[s - 1])) or (e < len(text) and word_char(text[e - 1]) and word_char(text[e])):
                flags |= UNSURE
        if end > e:
            flags |= UNSURE
            nxt = idx + 1
            while nxt < len(starts) and starts[nxt] < end:  # (and the sentences it runs into)
                out[nxt] = out.get(nxt, 0) | UNSURE
                nxt += 1
        out[idx] = out.get(idx, 0) | flags
    return out
