"""The span invariant on every item of every output: ``text[start:end] == quote``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accords.extract.pipeline import extract_bytes, extract_path

from .helpers import assert_spans

GOLD = Path(__file__).resolve().parents[1] / "gold"
SEED = Path("/work/shared/corpus/000_e695dc1c15014f9b.txt")


def _documents() -> list[Path]:
    return sorted(p for p in GOLD.glob("*.*") if p.suffix in {".txt", ".md", ".html", ".pdf", ".docx"}
                  and p.name != "README.md")


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.name)
def test_every_item_of_every_gold_document(path: Path) -> None:
    gold = json.loads(path.with_name(path.name.split(".")[0] + ".gold.json").read_text())
    res = extract_path(path, gold.get("published"))
    count = assert_spans(res.text, res.data)
    assert count > 0 or not (gold.get("agreements") or gold.get("commitments") or gold.get("events"))


def test_seed_document() -> None:
    if not SEED.exists():
        pytest.skip("shared seed corpus not available")
    res = extract_path(SEED, "2024-07-15")
    assert assert_spans(res.text, res.data) > 20


def test_markup_heavy_text() -> None:
    text = ("Head\n\n[Japan](#) has pledged \\$1 billion, of which \\$200 million is expected by the end of "
            "this year, to [Ukraine](https://x.y/(z)) and will consult within 24 hours in the event of\n\n"
            "an attack.\r\n\r\n\u201cKyiv\u201d \u2013 Tokyo pledged \\$5 billion.")
    res = extract_bytes(text.encode(), "m.md", "2024-07-15", limit=10**6)
    assert assert_spans(res.text, res.data) >= 4
    assert res.data["commitments"][0]["quote"].startswith("[Japan](#) has pledged \\$1 billion")
