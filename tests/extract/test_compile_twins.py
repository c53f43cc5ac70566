"""Patterns compiled from one parse equal those compiled from their source (source, flags, code)."""

from __future__ import annotations

import re

import pytest

from accords.codebook import load_codebook
from accords.extract import prefilter, rx
from accords.extract.cues import rules


def _sources() -> list[str]:
    out: list[str] = []
    for rule in rules(load_codebook()):
        cues = [f"(?:{c.pattern})" for c in rule.code.cues]
        out.extend(cues)
        out.append("|".join(cues))
    return out


@pytest.mark.parametrize("flags", [re.IGNORECASE, 0])
def test_twins_from_one_parse_equal_the_compiled_source(flags: int) -> None:
    for source in _sources():
        pattern, parsed = rx.compile_twins(source, flags)
        assert pattern == re.compile(source, flags)
        twin = rx.ascii_twin(pattern)
        assert type(pattern.flags) is int and type(twin.flags) is int  # (a RegexFlag slows the code generator)
        if parsed is not None:
            assert twin == re.compile(source, (pattern.flags & ~re.UNICODE) | re.ASCII)
        # the parse is left as it was: compiled again, it gives the same pattern
        if parsed is not None:
            assert rx._from_parse(source, parsed, parsed.state.flags) == pattern


def test_twin_letters_and_inline_flags_keep_the_unicode_pattern_or_the_source() -> None:
    kelvin, _ = rx.compile_twins("\u212a|x", re.IGNORECASE)  # (the Kelvin sign matches "k" only under Unicode)
    assert rx.ascii_twin(kelvin) is kelvin
    inline, parsed = rx.compile_twins("(?u)a|b")  # (an inline flag: compiled from source)
    assert parsed is None and inline == re.compile("(?u)a|b")


def test_analysed_pattern_finds_what_the_source_finds() -> None:
    text = "Under the agreement, Japan will provide ten-year support; 10-year training and no new money."
    for source in _sources():
        pattern = prefilter.compile_analysed(source, re.IGNORECASE)
        plain = re.compile(source, re.IGNORECASE)
        assert [m.span() for m in prefilter.finditer(pattern, text)] == [m.span() for m in plain.finditer(text)]


def test_every_module_pattern_has_the_twin_its_source_compiles_to() -> None:
    import importlib
    import pkgutil

    import accords.extract as extract

    seen = 0
    for info in pkgutil.walk_packages(extract.__path__, "accords.extract."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, rx.Rx) and value.a is not None:
                seen += 1
                if value.a is not value.u:
                    assert value.a == re.compile(value.pattern, (value.flags & ~re.UNICODE) | re.ASCII)
    assert seen > 100
