"""The provision coder's shortcuts give what the plain computations they replace give, on the gold texts."""

from __future__ import annotations

import re
from bisect import bisect_left

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


# One sentence for each way _NAMED_REF and _NAMED_TEXT place a name, and near misses.
PLACED = ["The UK-Ukraine security agreement runs ten years.", "Ukraine-Germany defence deal signed.",
          "Under the French security agreement, aid goes on.", "The deal with the Netherlands holds.",
          "An accord between Ukraine and Italy was signed.", "The agreement between the Government of Japan and Ukraine.",
          "The agreement on security between Ukraine and the Kingdom of the Netherlands.", "THE UK AGREEMENT HOLDS.",
          "The French text says so.", "Romania's agreement runs ten years.", "Germany's new agreement is short.",
          "Germany delivered weapons under the agreement.", "In Poland the deal is popular.", "Canada signed a pact.",
          "Ukraine-\u00adUK deal", "UK\u2013Ukraine agreement", "Italy\u2019s agreement", "the\x1cUK agreement",
          "by the  \n UK agreement", "France, the agreement says", "with\tSpain agreement", "Spain-Ukraine agreement"]


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence-like ranges: lines, cut at a stop and white space (every cut is a case to check)."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        pos = line.start()
        for m in re.finditer(r"(?<=[.!?;:])\s+", line.group()):
            out.append((pos, line.start() + m.start()))
            pos = line.start() + m.end()
        out.append((pos, line.end()))
    return out


@pytest.mark.parametrize("text", [*gold_texts(), "\n".join(PLACED), " ".join(PLACED)])
def test_names_placed(text: str) -> None:
    """Where _names_placed says a sentence holds no placed name, neither pattern finds a match in it."""
    spots = p._name_spots(text)
    ranges = _sentences(text)
    ranges += [(s + 3, e) for s, e in ranges if e - s > 6]  # (cut inside a word)
    for start, end in ranges:
        sentence = text[start:end]
        for pattern, places in ((p._NAMED_REF, p._REF_PLACES), (p._NAMED_TEXT, p._TEXT_PLACES)):
            if not p._names_placed(text, spots, start, end, sentence, places):
                assert not list(pattern.finditer(sentence)), (sentence, pattern.pattern[:40])


@pytest.mark.parametrize("text", [*gold_texts(), " ".join(PLACED)])
def test_spot_within_is_any_name_within(text: str) -> None:
    """_spot_within, the written-out early exit, answers what the walk of _names_within gives, and
    each name that walk reports is a name of the text that lies in the range."""
    spots = p._name_spots(text)
    assert spots is not None
    for start, end in _sentences(text):
        i = bisect_left(spots, (start + 1,))
        names = list(p._names_within(spots, i, start, end))
        assert p._spot_within(spots, i, start, end) == bool(names)
        for at, stop in names:
            assert start <= at < stop <= end and text[at:stop].lower() in p._NAME_TO_ISO


def test_names_placed_says_no() -> None:
    """(The shortcut does skip: a sentence with a name that no pattern places.)"""
    text = "Germany delivered weapons under the agreement. In Poland the deal is popular."
    spots = p._name_spots(text)
    assert not p._names_placed(text, spots, 0, 46, text[:46], p._REF_PLACES)
    assert p._names_placed("The UK-Ukraine deal", p._name_spots("The UK-Ukraine deal"), 0, 19, "The UK-Ukraine deal",
                           p._REF_PLACES)


def test_generic_reference_without_agreement() -> None:
    """Without an agreement in context or a main one, "the agreement" refers to none (no search needed)."""
    hits = {p._GENERIC_I}
    assert p._refers_to("Under the agreement, aid goes on.", hits, [], None, None) is None
    assert p._refers_to("Under the agreement, aid goes on.", hits, [], "DEU-UKR", None) == "DEU-UKR"


@pytest.mark.parametrize("text", [*gold_texts(), "3. Croatia. 12) Item. x. y. (a) b"])
def test_list_item(text: str) -> None:
    """A list item's number stands right before its ". " (or ") ")."""
    for m in re.finditer(r"[.)] ", text):
        start = m.end()
        if p._LIST_ITEM.search(text, max(0, start - 6), start):
            assert text[start - 3:start - 2].isdigit()
