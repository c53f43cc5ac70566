"""Shortcuts in the recognizers answer exactly as the patterns they stand for."""

from __future__ import annotations

import pytest

from accords.extract.recognize import dates, money, people

from .helpers import gold_texts

TRICKY_BEFORE = [
    "", " ", "in", "in ", "in\n\t ", "within ", "x_in ", "1in ", "Since  ", "since\u2003", "mid-", "mid ",
    "Zürich in ", "éin ", "the\x1c", "the\x1c ", "From ", "FROM ", "and)", "(and ", "betweenness ", "end  ",
    "year\u00a0", "After\u2028", "ıin ", "_for ", "-for ", "for", "theFor ", "in of ", "throughout ",
]


def _befores() -> list[str]:
    out = list(TRICKY_BEFORE)
    for text in gold_texts():
        # (the 30 characters before every position after a whitespace character, as recognize_dates cuts them)
        out += [text[max(0, i - 30):i] for i in range(1, len(text), 3) if text[i - 1].isspace()]
    return out


def test_bare_context_reads_as_the_pattern_does() -> None:
    for before in _befores():
        assert dates._bare_context(before) == (dates._BARE_CONTEXT.search(before) is not None), repr(before)


@pytest.mark.parametrize("text", ["costs $5 billion", "€5 and ¥7", "£ ₴ 5", "no sign 5 here", "naïve $", ""])
def test_sign_test_reads_as_the_pattern_does(text: str) -> None:
    for a in range(len(text) + 1):
        for b in range(a, len(text) + 1):
            assert money._has_sign(text, a, b) == (money._SIGN.search(text, a, b) is not None)


def test_names_without_apostrophes_are_cleaned_as_before() -> None:
    for name in ["Fumio Kishida", "Kishida's", "Kishida’s Cabinet", "O'Brien", "Olaf Scholz On", "Macron's In",
                 "A B C And"]:
        words = people._POSSESSIVE.sub("", name).split()
        while len(words) > 1 and words[-1] in {"On", "In", "At", "And"}:
            words.pop()
        assert people._clean_name(name) == " ".join(words)


def test_lead_starts_hold_the_country_before_a_role() -> None:
    text = "In Tokyo, Japan's Prime Minister Fumio Kishida met the UK Defence Secretary Grant Shapps."
    roles, _ = people._anchors(text)
    found = people._lead_starts(text, roles)
    assert found is not None
    assert text.index("Japan") in found and text.index("UK ") in found and text.index("Prime") in found
    sc = people._patterns()
    for scanner in (sc.lead, sc.owner):
        assert {m.start() for m in scanner.finditer(text)} <= set(found)


@pytest.mark.parametrize("text", [*gold_texts(), "5 billion euros; 2 to 3 mn USD; 4.5bn of EUR, 300 millions of dollars; "
                                  "1,000 - 2,000 k yen; 5 m. euro; 12 U.S. dollars; 7 sek; 2024 to 2027 under 5 years"])
def test_every_amount_from_a_digit_passes_both_gates(text: str) -> None:
    for m in money._MONEY.finditer(text):
        if m.group()[:1].isdigit():
            assert money._SUFFIX_GATE.match(text, m.start(), m.end()) is not None, m.group()
            assert money._SUFFIX_WORD_GATE.match(text, m.start(), m.end()) is not None, m.group()
