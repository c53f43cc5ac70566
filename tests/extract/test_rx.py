"""Patterns run under re.ASCII on plain texts find exactly what they find under Unicode rules."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import accords.extract
from accords.extract import pipeline, rx
from accords.extract.load import load_bytes
from accords.extract.types import Doc

ROOT = Path(__file__).resolve().parents[2]
EDGES = ("Kiev k K s S i I _x 5_ a\x0bb a\x0cb a\tb x\x1bz; 13 June 2024, USD 4.5bn, $12 billion - "
         "the U.S.-Ukraine deal; Japan's 10-year accord; NOT lethal, non-lethal; e.g. 24 hours.")


def _patterns() -> list[re.Pattern[str]]:
    """Every compiled pattern at module level in accords.extract (in Rx objects too)."""
    found: dict[int, re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(accords.extract.__path__, "accords.extract."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            for item in value if isinstance(value, (list, tuple)) else (value,):
                pattern = item.u if isinstance(item, rx.Rx) else item
                if isinstance(pattern, re.Pattern) and isinstance(pattern.pattern, str):
                    found[id(pattern)] = pattern
    return list(found.values())


def _plain_texts() -> list[str]:
    """The normalized text of every dev gold document that is plain, and the edge cases."""
    out = [EDGES]
    for path in sorted((ROOT / "tests" / "gold").glob("*.*")):
        if path.suffix in {".txt", ".md", ".html", ".pdf", ".docx"}:
            doc = pipeline.REGISTRY["normalize"].fn(Doc(loaded=load_bytes(path.read_bytes(), path.name)))
            if rx.plain(doc.norm):
                out.append(doc.norm)
    return out


def test_plain_texts_are_ascii_without_separators() -> None:
    assert rx.plain("The agreement was signed in Kyiv.")
    assert not rx.plain("Plenković signed it.")
    assert not rx.plain("€7 billion")
    for sep in "\x1c\x1d\x1e\x1f":
        assert not rx.plain(f"a{sep}b")


def test_most_dev_gold_texts_are_plain_once_normalized() -> None:
    assert len(_plain_texts()) >= 10  # (what makes the twins worth having)


TEXTS = _plain_texts()


@pytest.mark.parametrize("pattern", _patterns(), ids=lambda p: p.pattern[:40])
def test_the_ascii_twin_finds_the_same_matches_on_plain_texts(pattern: re.Pattern[str]) -> None:
    twin = rx.ascii_twin(pattern)
    for text in TEXTS:
        want = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in twin.finditer(text)] == want


def test_twins_are_ascii_and_refused_where_they_could_differ() -> None:
    assert rx.ascii_twin(re.compile(r"\bagreements?\b", re.I)).flags & re.ASCII
    # under IGNORECASE the long s, the dotless and dotted i and the Kelvin sign match ASCII letters
    for source in ("\u017fign", "[\u0100-\u017f]x", "(?i:\u212aiev)", "[^\u0131]"):
        pattern = re.compile(source, re.I)
        assert rx.ascii_twin(pattern) is pattern
    assert re.compile("\u017fign", re.I).search("sign") and not re.compile("\u017fign", re.I | re.A).search("sign")
    assert rx.ascii_twin(re.compile("\u017fign")).flags & re.ASCII  # (case-sensitive: only itself)
    # a range can take a twin letter without naming it ("\u00c0-\u017e" holds the dotted and
    # dotless i); one that ends below U+0130 cannot, and is twinned without parsing the pattern
    ranged = re.compile("[\u00c0-\u017e]stanbul", re.I)
    assert rx.ascii_twin(ranged) is ranged and ranged.search("Istanbul")
    assert rx.ascii_twin(re.compile("[\u00e0-\u00ff]x", re.I)).flags & re.ASCII
    unicode_inline = re.compile(r"(?u)\w+")
    assert rx.ascii_twin(unicode_inline) is unicode_inline


def test_separators_keep_the_unicode_pattern() -> None:
    pattern = rx.rx(r"a\sb")
    assert pattern.search("a\x1cb") is not None  # (Unicode \s takes it; ASCII \s does not)
    assert re.compile(r"a\sb", re.ASCII).search("a\x1cb") is None


@pytest.mark.parametrize("text", ["The Japan-Ukraine accord, signed 13 June 2024.", "Plenković: €7 billion, ſigned"])
def test_rx_methods_answer_as_the_pattern_does(text: str) -> None:
    source, flags = r"(\w+)\s+(?:accord|signed|billion)", re.I
    ours, theirs = rx.rx(source, flags), re.compile(source, flags)
    assert (ours.pattern, ours.flags, ours.groups) == (theirs.pattern, theirs.flags, theirs.groups)
    for method in ("search", "match", "fullmatch"):
        a, b = getattr(ours, method)(text, 4), getattr(theirs, method)(text, 4)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
    assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]
    assert ours.findall(text) == theirs.findall(text)
    assert ours.split(text, 1) == theirs.split(text, 1)
    assert ours.sub(r"<\1>", text) == theirs.sub(r"<\1>", text)
    assert ours.subn(lambda m: m.group(1).upper(), text) == theirs.subn(lambda m: m.group(1).upper(), text)
