"""Cheap tests in the recognizers' paths answer exactly what the scans they stand before answer."""

from __future__ import annotations

import pytest

from accords.extract import normalize, prefilter
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


TWIN_SAMPLES = ["", "plain", "caf\u00e9", "\u20ac 5", "\u0130stanbul", "\u0131", "\u017figned", "5 \u212a",
                "caf\u00e9 \u0131", "\U0001f600 \u017f", "\U0001f600", "\u00ff\u0100", "\u0129\u0132"]


@pytest.mark.parametrize("text", TWIN_SAMPLES + gold_texts() + [t + "\u0131" for t in gold_texts()])
def test_holds_ascii_twin_is_the_regex_search(text: str) -> None:
    assert prefilter.holds_ascii_twin(text) == (prefilter._ASCII_TWINS.search(text) is not None)


LINE_SAMPLES = ["", "a\nb", "\n\n  \n x", "a  \n  \n\nb \n", "no break", "\n", " \n \n ", "esc \\$5 and\nmore",
                "[link](#) and\n![img](x.png)\nend", "a ! b [ c\n", "trailing\n  "]


@pytest.mark.parametrize("text", LINE_SAMPLES + gold_texts())
def test_edits_are_the_plain_finditer(text: str) -> None:
    want = [(m.span(), m.group()) for m in normalize._EDITS.finditer(text)]
    assert [(m.span(), m.group()) for m in normalize._edits(text)] == want

