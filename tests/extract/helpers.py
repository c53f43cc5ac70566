"""Shared checks for the extraction tests."""

from __future__ import annotations

from typing import Any

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
