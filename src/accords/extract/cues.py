"""The codebook's cue patterns compiled for the provision classifier, behind keyword gates.

A gate is a set of lower-case keywords one of which every match of a pattern contains
(:mod:`accords.extract.prefilter`); one :class:`~accords.extract.prefilter.KeywordIndex` scan
per document tells which gates each sentence passes, and only the cues (and restrictions) whose
gates pass are run. Skipping a cue that cannot match changes no result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from accords.codebook import Code, Codebook
from accords.extract.prefilter import Gate, KeywordIndex, any_keywords, compile_analysed, requirements
from accords.extract.prefilter import search as first_match


@dataclass(frozen=True, slots=True)
class Rule:
    """The compiled cues of one code.

    All cues of the code run as one alternation: one scan per sentence. Each cue has keyword
    gate (lower-case strings one of which any match of the cue contains, see prefilter), and so
    do the restrictions together. A cue whose keywords a sentence lacks cannot match anywhere
    in it, so the alternation of the remaining cues finds exactly the same matches; a code whose
    cues and restrictions are all gated out is skipped - most sentences name only a few topics.
    """

    code: Code
    # per cue: keyword sets that a match needs one keyword of each (None: no gate)
    cue_gates: tuple[tuple[tuple[str, ...], ...] | None, ...]
    restriction_gate: tuple[str, ...] | None  # only used when the code has restrictions
    # per exclusion pattern: its keyword test (most sentences lack its keywords, and a search costs a
    # pass over the sentence)
    exclude_gates: tuple[Gate, ...]
    _alternations: dict[tuple[int, ...], re.Pattern[str]]

    def cues(self, which: tuple[int, ...]) -> re.Pattern[str]:
        """The alternation of the cues ``which`` (indexes, in codebook order), compiled once."""
        pattern = self._alternations.get(which)
        if pattern is None:
            # (its twin and its parse for the finders come from the one parse of the compile)
            pattern = compile_analysed("|".join(f"(?:{self.code.cues[i].pattern})" for i in which), re.IGNORECASE)
            self._alternations[which] = pattern
        return pattern

    def excluded(self, sentence: str, low: str) -> bool:
        """Whether one of the code's exclusion patterns matches ``sentence`` (``low``: its fold)."""
        return any(gate.may(low) and first_match(pattern, sentence)
                   for pattern, gate in zip(self.code.exclude, self.exclude_gates, strict=True))


# Keywords that a further gate should not hold: one of the gold texts' most frequent keyword hits
# per 30k words ("ation" 313, "not" 321, "one" 196, "erm" 121, each the only user of its entry).
# Every hit costs the document scan and the sweep over the sentences, and these filter so few
# sentences after the cue's first gate that the regex tries they save cost less than the hits.
# (Dropping a further gate only lets more sentences through: the cue's matches stay the same.)
_FREQUENT: Final = frozenset(["ation", "not", "one", "erm"])


def _cue_gate(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...] | None:
    found = requirements(pattern)
    if found is None:
        return None
    kept = (found[0], *[c for c in found[1:] if not c & _FREQUENT])
    return tuple(tuple(sorted(c)) for c in kept)


def _rule(code: Code) -> Rule:
    restriction = any_keywords(r.pattern for r in code.restrictions)
    return Rule(code, tuple(_cue_gate(p) for p in code.cues),
                 tuple(sorted(restriction)) if restriction is not None else None,
                 tuple(Gate(p) for p in code.exclude), {})


@lru_cache(maxsize=4)
def rules(codebook: Codebook) -> tuple[Rule, ...]:
    return tuple(_rule(c) for c in codebook.codes)


RESTRICTION = -1  # the cue index that stands for a rule's restrictions


@dataclass(frozen=True, slots=True)
class Gates:
    index: KeywordIndex
    # the first gate of every cue (and of the restrictions) -> (rule index, cue index, the further
    # gates the cue also needs): one lookup per gate a sentence passes, no key tuple to hash
    first: dict[int, tuple[int, int, tuple[int, ...]]]
    # the keys of ``first``: a sentence's hits are intersected with them (in C) before the loop
    first_ids: frozenset[int]


@lru_cache(maxsize=4)
def gates(codebook: Codebook, leading: tuple[tuple[str, ...] | None, ...]) -> Gates:
    """Gates of every cue of ``codebook``, numbered after the ``leading`` groups (cached;
    the codebook hashes by identity)."""
    groups: list[tuple[str, ...] | None] = list(leading)
    first: dict[int, tuple[int, int, tuple[int, ...]]] = {}

    def add(ri: int, ci: int, sets: tuple[tuple[str, ...] | None, ...]) -> None:
        at = len(groups)
        groups.extend(sets)
        first[at] = (ri, ci, tuple(range(at + 1, len(groups))))

    for ri, rule in enumerate(rules(codebook)):
        for ci, gate in enumerate(rule.cue_gates):
            add(ri, ci, gate if gate is not None else (None,))
        if rule.code.restrictions:
            add(ri, RESTRICTION, (rule.restriction_gate,))
    return Gates(KeywordIndex(groups), first, frozenset(first))


def possible(hits: set[int], compiled: Gates) -> dict[int, list[int]]:
    """Rule index -> the cue indexes (and RESTRICTION) whose gates the sentence passes."""
    out: dict[int, list[int]] = {}
    first = compiled.first
    for g in sorted(hits & compiled.first_ids):  # (most hits are no cue's first gate)
        ri, ci, more = first[g]
        # (membership tests, not set.issuperset: a method call costs more than the one or two
        # tests compiled, and a generator for all() costs more interpreted)
        for i in more:
            if i not in hits:
                break
        else:
            cues = out.get(ri)
            if cues is None:  # (not setdefault: that makes a list for every cue, kept or not)
                out[ri] = [ci]
            else:
                cues.append(ci)
    return out

