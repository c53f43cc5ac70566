"""withdrawn.possible is the cheap test that lets a document skip the correction patterns: it must
say yes wherever one of its words is, however the text spells the case."""

from __future__ import annotations

import pytest

from accords.extract import withdrawn
from accords.extract.prefilter import fold

from .helpers import gold_texts

TEXTS = gold_texts("gold*")


def _plain(text: str) -> bool:
    low = fold(text)
    return any(k in low for k in withdrawn._ANY)


@pytest.mark.parametrize("i", range(len(TEXTS)))
def test_possible_is_the_plain_substring_test_on_every_gold_text(i: int) -> None:
    text = TEXTS[i] + ""  # (a new object: the answer is computed, not the one kept for the last text)
    assert withdrawn._possible(text) == _plain(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("The figure was WRONG.", True),
    ("It was reported İNCORRECTLY as EUR 5 million.", True),  # (IGNORECASE takes İ for i, so must the test)
    ("That is not: the sum stands.", True),
    ("Japan will not provide lethal aid", False),
    ("Norway pledged NOK 1 billion.", False),
    ("", False),
])
def test_possible_on_edge_cases(text: str, expected: bool) -> None:
    assert withdrawn._possible(text) is expected
    assert withdrawn.possible(text) is expected
