"""The extraction's JSON bytes (orjson) are what the standard library writes for the same object."""

from __future__ import annotations

import json

import pytest

from accords.extract.pipeline import extract_bytes
from tests.extract.helpers import gold_texts


@pytest.mark.parametrize("indent", [False, True])
def test_to_json_writes_what_json_dumps_writes(indent: bool) -> None:
    checked = 0
    for text in gold_texts("gold*")[::3]:  # (a third of every set: each output has every shape of value)
        result = extract_bytes(text.encode("utf-8"), "t.txt", "2024-07-15")
        expected = json.dumps(result.data, ensure_ascii=False, indent=2 if indent else None,
                              separators=None if indent else (",", ":"))
        assert result.to_json(indent=indent) == expected.encode("utf-8")
        checked += 1
    assert checked > 30


def test_non_ascii_and_floats_are_kept_exactly() -> None:
    result = extract_bytes("Denmark pledged DKK 1.3 billion – about €174 million – on 5 March 2024.".encode(),
                           "t.txt", "2024-07-15")
    out = result.to_json()
    assert "– about €174".encode() in out  # UTF-8, not \u escapes
    assert json.loads(out) == result.data
    assert any(isinstance(c["amount"], float) for c in result.data["commitments"])
