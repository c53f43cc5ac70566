"""Keyword gates for patterns with dozens of keywords: one automaton pass instead of a test per keyword."""

from __future__ import annotations

import re
from typing import Any

import ahocorasick

from accords.extract.prefilter import Gate, requirements


class ManyKeyGate:
    """The test of :class:`accords.extract.prefilter.Gate` (``may(folded)`` is False only when the
    pattern cannot match the text ``folded`` is the lower case of), found by one Aho-Corasick pass
    per required keyword set. For a set of dozens of keywords ("pledged", "committed", "will
    provide" ...) that is several times faster than a substring test per keyword; for a few it is not."""

    __slots__ = ("_automata",)

    def __init__(self, pattern: re.Pattern[str]) -> None:
        automata = []
        for keys in requirements(pattern) or ():
            automaton = ahocorasick.Automaton()
            for key in keys:
                automaton.add_word(key, len(key))
            automaton.make_automaton()
            automata.append(automaton)
        self._automata: tuple[Any, ...] = tuple(automata)

    def may(self, folded: str) -> bool:
        for automaton in self._automata:
            for _found in automaton.iter(folded):
                break  # one keyword of the set is enough
            else:
                return False
        return True


_MANY = 12  # keywords in a set from which the automaton is the faster test (measured on the gold texts)


def gate(pattern: re.Pattern[str]) -> Gate | ManyKeyGate:
    """The faster of the two keyword tests for ``pattern`` (both give the same answers)."""
    found = requirements(pattern)
    return ManyKeyGate(pattern) if found and max(len(keys) for keys in found) >= _MANY else Gate(pattern)
