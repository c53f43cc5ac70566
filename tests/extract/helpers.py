"""Shared checks for the extraction tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from accords.extract.load import load_bytes

TESTS = Path(__file__).resolve().parents[1]
DOC_SUFFIXES = (".txt", ".md", ".html", ".pdf", ".docx")

LIST_KEYS = ("agreements", "commitments", "consultation_hours", "military_scope", "people", "events",
             "channels", "provisions")


def assert_spans(text: str, data: dict[str, Any]) -> int:
    """Every item taken from the text indexes the loaded text exactly; returns the item count."""
    count = 0
    for key in LIST_KEYS:
        for item in data[key]:
            start, end = item["span"]
            assert 0 <= start < end <= len(text), (key, item)
            assert text[start:end] == item["quote"], (key, item["quote"], text[start:end])
            count += 1
    return count


def run(text: str, published: str | None = "2024-07-15", name: str = "t.txt") -> dict[str, Any]:
    """Extract from ``text`` (as a file called ``name``), check every span, return the JSON data."""
    from accords.extract.pipeline import extract_bytes

    res = extract_bytes(text.encode(), name, published, limit=10**6)
    assert_spans(res.text, res.data)
    return res.data


BEFORE_RELATE = ["normalize", "segment", "recognize", "reference"]


def staged(text: str, stages: list[str]) -> Any:
    """The pipeline's ``Doc`` for ``text`` (as a .txt file, no publication date) after ``stages``."""
    from accords.extract import pipeline
    from accords.extract.types import Doc

    return pipeline.run_chain(Doc(loaded=load_bytes(text.encode(), "t.txt")), stages)


def agreements_by_parties(data: dict[str, Any]) -> dict[tuple[str, ...], dict[str, Any]]:
    return {tuple(a["parties"]): a for a in data["agreements"]}


def money(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    """(donor, amount, currency, status) of every commitment, in order."""
    return [(c["donor"], c["amount"], c["currency"], c["status"]) for c in data["commitments"]]


def coded(data: dict[str, Any]) -> set[tuple[str, str, Any]]:
    """(agreement, code, "present" or "absent") of every provision; a number or text value counts as present."""
    return {(p["agreement"], p["code"], p["value"] if p["value"] in ("present", "absent") else "present")
            for p in data["provisions"]}


def channel_names(data: dict[str, Any]) -> set[str]:
    return {c["name"] for c in data["channels"]}


def gold_texts(pattern: str = "gold") -> list[str]:
    """The loaded text of every file with a document suffix (a set's README.md too: one more text to
    check on) in the gold folders under tests/ whose names match ``pattern`` ("gold": the development
    set; "gold*": every set), in name order."""
    folders = sorted(p for p in TESTS.glob(pattern) if p.is_dir())
    return [load_bytes(path.read_bytes(), path.name).text for folder in folders for path in sorted(folder.iterdir())
            if path.suffix in DOC_SUFFIXES]
