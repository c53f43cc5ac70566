"""The provision coder's shortcuts give what the plain computations they replace give, on the gold texts."""

from __future__ import annotations

import re

import pytest

from accords.extract import provisions as p

from .helpers import gold_texts

# Pieces of text that a shortcut could get wrong: trailing stops, stops alone, white space around.
EDGES = ["", " ", ".", "...", "a b c d e f g h", "a b c d e f g h ...", "a b c d e f g h ... ", "a b c d e f g h i.",
         "a b c d e f g h .x", "a b c d e f g h . .", "a b c d e f g h\n...", "  one two  ", "\n\n  Title line\nrest",
         "x" * 300 + "\nmore", "   ", "Agreement between A and B\nThe Parties shall"]


def _pieces(text: str) -> list[str]:
    """Lines of a text and the sentence-like parts of each (a rough cut: every cut is a case to check)."""
    out = []
    for line in text.split("\n"):
        out.append(line)
        out.extend(re.split(r"(?<=[.!?])\s+", line))
    return out


@pytest.mark.parametrize("text", [*gold_texts(), "\n".join(EDGES)])
def test_word_count_and_first_line(text: str) -> None:
    for piece in _pieces(text) + EDGES:
        assert p._over_eight_words(piece) == (len(piece.rstrip(".").split(None, 8)) > 8), piece
    for t in (text, " \n" + text, text[:250], "\t" + text[:150]):
        assert p._first_line(t) == t.lstrip().split("\n", 1)[0][:200]


@pytest.mark.parametrize("text", gold_texts())
def test_agreement_text_test(text: str) -> None:
    """The whole-text search (automaton-led, ASCII twin) answers as the plain Unicode search does."""
    first = text.lstrip().split("\n", 1)[0][:200]
    plain = bool(p._AGREEMENT_TITLE.match(first)) and bool(
        re.search(r"\bbetween\b", first, re.IGNORECASE)
        or re.search(r"\b(?:participants|parties|sides|shall)\b", text, re.IGNORECASE))
    assert p._is_agreement_text(text, []) == plain
    for title in ("Agreement on Security Cooperation\n", "Agreement on Security Cooperation between X and Y\n"):
        assert p._is_agreement_text(title + text, []) == bool(
            "between" in title or re.search(r"\b(?:participants|parties|sides|shall)\b", title + text, re.I))


def test_partner_keys() -> None:
    for iso in [*p._PARTNERS, "UKR", "XYZ"]:
        assert p._with_ukraine(iso) == p.agreement_key(iso, "UKR")
