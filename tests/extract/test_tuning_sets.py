"""The gold sets the rules were tuned on after the development set, held at a floor so a later
change cannot quietly undo what they taught; and every output span, on every gold set, points at
its quote.

tests/gold_heldout (set 1) and tests/gold_heldout3 (set 3) became tuning sets in session 2 and are
held at the issue's bar, F1 0.9 on every key; set 4 (tuned on in rounds 3 and 4) reached that bar
in round 4 and is held there too. Set 5 became a tuning set in round 4 and is held at 0.8 on every
key (its provisions are at 0.85; most extras there are codebook ids its authors could not use). Set 6
became a tuning set in session 5 (overall 0.76 -> 0.95, every key but channels at 0.9 or above; its
channels, 0.87, differ from the dev gold's convention on coalitions named with the Contact Group): it
is held at 0.8 on every key. Set 7 became a tuning set in session 6 (overall 0.86 -> 0.93; its weakest
key, military_scope, is 0.8: one lethal scope its gold reads off a package inventory, which the dev gold
does not): it is held at 0.8 on every key. Set 8 became a tuning set in session 7 (overall 0.85 -> 0.94; its
weakest keys, military_scope and provisions, are at 0.86 and 0.88): it is held at 0.8 on every key. Set 9 became
a tuning set in session 8 (overall 0.79 -> 0.85; every key but provisions at 0.88 or above; its provisions,
0.77, stay low mostly where its gold codes defence-industry cooperation as manufacturing_industry, which the
codebook and the other sets code defence_industrial_base): it is held at 0.77 on every key. Set 10 became a
tuning set in session 9 (overall 0.84 -> 0.95; its weakest key, provisions, is at 0.91, mostly capabilities its
gold leaves out where the text names a coalition of that capability): it is held at 0.9 on every key. Set 11
became a tuning set in session 11 (overall 0.86 -> 0.92; its weakest key, military_scope, stays at 0.67: its
gold reads lethal scope off a counted jet delivery, a text that "mentions weapons supplies" and a donor joining
an ammunition purchase, which the dev gold and set 7 code as no scope, and off "delivery of the fighter jets",
left out for speed): it is held at 0.66 on every key.
The sets never tuned on (2, 12, and those written after; two general fixes of session 12 came from set 12's
misses) are not scored here: they are the honest measurement (``accords eval tests/gold_heldout2``); only their spans are checked.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from accords.extract.evaluate import score_corpus

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = (".txt", ".md", ".html", ".pdf", ".docx")
FLOORS = {"gold_heldout": 0.9, "gold_heldout3": 0.9, "gold_heldout4": 0.9, "gold_heldout5": 0.8,
          "gold_heldout6": 0.8, "gold_heldout7": 0.8, "gold_heldout8": 0.8, "gold_heldout9": 0.77,
          "gold_heldout10": 0.9, "gold_heldout11": 0.66}  # set -> min F1 per key


def _cases(folder: str) -> list[tuple[str, Path, Path, str | None]]:
    out = []
    for gold_path in sorted((ROOT / folder).glob("*.gold.json")):
        stem = gold_path.name.removesuffix(".gold.json")
        doc = next(gold_path.with_name(stem + s) for s in SUFFIXES if gold_path.with_name(stem + s).exists())
        out.append((stem, gold_path, doc, json.loads(gold_path.read_text(encoding="utf-8")).get("published")))
    return out


@cache
def _extract(doc: Path, published: str | None) -> tuple[str, dict[str, Any]]:
    from accords.extract.pipeline import extract_path

    result = extract_path(doc, published=published)
    return result.text, result.data


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_tuning_set_holds_its_floor_on_every_key(folder: str) -> None:
    cases = _cases(folder)
    assert len(cases) >= 8
    report = score_corpus((stem, json.loads(g.read_text(encoding="utf-8")), _extract(doc, pub)[1])
                          for stem, g, doc, pub in cases)
    low = {s.key: round(s.f1, 3) for s in report.below(FLOORS[folder])}
    assert not low, f"{folder}: F1 below {FLOORS[folder]}: {json.dumps(low)}"


@pytest.mark.parametrize("folder", [f"gold_heldout{n}" for n in ("", 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)])
def test_every_span_points_at_its_quote(folder: str) -> None:
    checked = 0
    for _stem, _gold, doc, published in _cases(folder):
        text, data = _extract(doc, published)
        for items in data.values():
            for it in items if isinstance(items, list) else []:
                if isinstance(it, dict) and "quote" in it:
                    start, end = it["span"]
                    assert text[start:end] == it["quote"], (doc.name, it)
                    checked += 1
    assert checked
