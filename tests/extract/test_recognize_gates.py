"""Keyword gates in the recognizers answer exactly what the patterns they stand before answer."""

from __future__ import annotations

import pytest

from accords.extract.recognize import dates

from .helpers import gold_texts

ODD = ["SIGNED", "Signing", "co-signed", "resigned", "signedx", "ſigned", "S\u0131gned", "\u0130", "CONCLUDED.",
       "con\u00adcluded", "signe d", "", "un-concluded talks"]




@pytest.mark.parametrize("text", gold_texts())
def test_signed_gate_is_the_plain_search(text: str) -> None:
    spans = [text[at:at + size] for at in range(0, len(text), 61) for size in (40, 120, 320)]
    assert [dates._signed(s) for s in spans] == [dates._SIGNED_BEFORE.search(s) is not None for s in spans]


@pytest.mark.parametrize("span", ODD)
def test_signed_gate_on_odd_letters(span: str) -> None:
    assert dates._signed(span) == (dates._SIGNED_BEFORE.search(span) is not None)
