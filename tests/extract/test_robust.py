"""Hostile and degenerate inputs finish quickly with a clean result or a clean error."""

from __future__ import annotations

import time

import pytest

from accords.errors import InputError
from accords.extract.pipeline import extract_bytes

from .helpers import assert_spans

NASTY = {
    "digits": "1" * 60_000,
    "thousands": "$" + "1," * 30_000 + "5 billion",
    "words": "a " * 60_000,
    "brackets": "[" * 30_000 + "x](" + "(" * 30_000,
    "backslashes": "\\" * 60_000,
    "pipes": ("|" * 200 + "\n") * 300,
    "capitals": "President " + "Abc " * 30_000,
    "title": "the Agreement on " + "Support And " * 20_000,
    "dates": "on 13 June of this year, " * 5_000,
    "money": "Japan pledged $1 billion and " * 5_000,
    "newlines": "word\n" * 60_000,
}


@pytest.mark.parametrize("name", sorted(NASTY))
def test_no_catastrophic_backtracking(name: str) -> None:
    # CPU time of this process, not the wall clock: other work on a loaded machine must not fail
    # the test, while a pattern that backtracks without end still spends its time here.
    t0 = time.process_time()
    res = extract_bytes(NASTY[name].encode(), "x.txt", "2024-07-15", limit=10**7)
    assert time.process_time() - t0 < 5.0
    assert_spans(res.text, res.data)


def test_hostile_html_scripts_are_dropped() -> None:
    html = (b"<html><head><script>document.write('Japan pledged $9 billion')</script></head><body>"
            b"<p onclick=\"alert(1)\">Norway will provide NOK 1 billion to Ukraine.</p>"
            b"<script>var s = '</p><p>France pledged EUR 40 billion</p>';</script>"
            b"<style>p::after{content:'USD 7 billion'}</style><iframe src='x'></iframe></body></html>")
    res = extract_bytes(html, "x.html", "2024-07-15")
    assert "billion" in res.text and "alert" not in res.text and "France" not in res.text
    assert [(c["donor"], c["amount"]) for c in res.data["commitments"]] == [("NOR", 1e9)]


def test_over_limit_bytes_refused() -> None:
    with pytest.raises(InputError, match="over the limit"):
        extract_bytes(b"x" * 1001, "x.txt", limit=1000)
