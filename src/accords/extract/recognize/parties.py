"""Parties: every ISO 3166 state (pycountry), the EU, NATO, G7, UN bodies; short forms,
demonyms and capitals used as metonyms, in one scan.

Guards: a capital stands for its government only in subject position ("Tokyo pledged",
"Tokyo's support"), never after a preposition ("in Tokyo") or before a noun ("Tokyo
conference"); a name followed by more capitalised words is part of an organisation's name
("Japan External Trade Organization") and is flagged ``in_name``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any, Final

from accords import yamlio
from accords.extract.prefilter import ASCII_WORD_CHARS
from accords.extract.recognize.starts import party_starts
from accords.extract.recognize.trie import trie_pattern
from accords.extract.recognize.windows import chosen
from accords.extract.rx import Pattern, rx
from accords.extract.types import Mention

NAME: Final = "name"
DEMONYM: Final = "demonym"
CAPITAL: Final = "capital"
_CAPITAL_VERB: Final = rx(
    r"(?:'s\b|\s+(?:has|have|had|will|would|is|was|says|said|pledged|pledges|announced|announces|"
    r"agreed|agrees|signed|signs|promised|promises|committed|commits|provided|provides|delivered|"
    r"sent|sends|wants|insists|must|should|can|could|may|also|intends|plans|approved|allocated|"
    r"decided|remains|continues|supports|backs|concluded|restricts|restricted|limits|limited|supplies|supplied|"
    r"gives|gave|offers|offered|adds|added|contributes|contributed|leads|led|co-leads|joins|joined|does|did|"
    r"keeps|kept|focuses|funds|funded|finances|financed|earmarks|earmarked|sets|set|puts|names|undertakes|"
    r"undertook|declined|refused|expects|hopes|aims|seeks|reported|reports|stated|states|confirmed|confirms|"
    r"recalled|noted|notes|told|tells|argues|argued|presented|presents|unveiled|unveils)\b|\s+and\s+[A-Z][a-z]+\s+(?:signed|concluded|agreed|"
    r"have|will|are|were)\b)")
_PREPOSITION_BEFORE: Final = rx(
    r"(?:\b(?:in|at|to|from|near|via|visit|visited|visiting|of|outside|around|into|toward|towards|"
    r"between|through)\s+)\Z", re.I)
_NAME_CONTINUES: Final = rx(r" (?!(?:and|or|The|A|An|In|On|At|As|It|This|That)\b)[A-Z][a-z]+")
_NAME_SURFACES: Final = frozenset(["US", "U.S.", "EU"])
_NAME_BEFORE: Final = rx(r"\b(?:Bank|University|Embassy|Ministry|Museum|Institute|Government) of (?:the )?\Z")


@cache
def gazetteer() -> dict[str, tuple[str, str]]:
    """Surface form -> (code, kind)."""
    import pycountry

    data: dict[str, Any] = yamlio.safe_load(
        resources.files("accords.extract").joinpath("data/parties.yaml").read_text("utf-8"))
    table: dict[str, tuple[str, str]] = {}
    for code, names in data["aliases"].items():
        for n in names:
            table.setdefault(n, (code, NAME))
    for country in pycountry.countries:
        code = country.alpha_3
        for attr in ("common_name", "name", "official_name"):
            value = getattr(country, attr, None)
            if not value:
                continue
            if ", " in value:
                head, tail = value.split(", ", 1)
                table.setdefault(f"{tail} {head}", (code, NAME))
                table.setdefault(head, (code, NAME))
            else:
                table.setdefault(value, (code, NAME))
                if value.startswith("the "):
                    table.setdefault(value[4:], (code, NAME))
    for name, (code, kind) in list(table.items()):
        if len(name) >= 4 and not name.isupper():
            table.setdefault(name.upper(), (code, kind))  # titles in capitals: "UKRAINE AND SPAIN"
    for code, names in data["demonyms"].items():
        for n in names:
            table.setdefault(n, (code, DEMONYM))
    for code, names in data["capitals"].items():
        for n in names:
            table.setdefault(n, (code, CAPITAL))
    return table


@cache
def _scanners() -> tuple[Pattern, Pattern | None]:
    """The scanner of the names that start with a capital, and that of the others ("the
    Netherlands", "the Kremlin"), or None. The two have no first letter in common, so where one of
    them matches, their union matches the same text: the union's matches are those of the first
    (found from the starts of words in capitals alone) unless the second matches somewhere.
    A lower-case first letter ("t") would make the engine try the names at every "t" of the text."""
    # No leading look-behind: the engine then skips quickly to the first letters of names; the
    # word-start check is done in Python (twice as fast overall).
    names = gazetteer()
    upper = [n for n in names if n[:1].isupper()]
    other = [n for n in names if not n[:1].isupper()]
    rest = rx("(?:" + trie_pattern(other) + r")(?![\w])") if other else None
    return rx("(?:" + trie_pattern(upper) + r")(?![\w])"), rest


def _matches(text: str) -> list[re.Match[str]]:
    """Exactly ``finditer`` of the pattern of every name (the union of :func:`_scanners`)."""
    first, second = _scanners()
    other = second.search(text) if second is not None else None
    if other is None or second is None:
        return list(first.finditer(text))
    out: list[re.Match[str]] = []
    one = first.search(text)
    while one is not None or other is not None:
        # the earlier of the two (they never start at the same place); finditer goes on at its end
        m = one if one is not None and (other is None or one.start() < other.start()) else other
        if m is None:  # (never: one of the two is not None)
            break
        out.append(m)
        end = m.end()
        if one is not None and one.start() < end:
            one = first.search(text, end)
        if other is not None and other.start() < end:
            other = second.search(text, end)
    return out


def _candidate_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """The spans of :func:`_matches` but for the matches after an ASCII word character (letter,
    digit, "_"), which :func:`recognize_parties` drops (not at a word start), from the spans of
    :func:`accords.extract.recognize.starts.party_starts`; None where that cannot be told.

    The pattern of every name matches at a place the longest name there that no word character
    follows; the scan goes on at its end. The spans hold every name of the text but those after an
    ASCII word character (see ``starts._party_keys``): a name of ASCII word characters alone is
    looked for at word starts only. Such a match, which the scan makes and the recognizer drops,
    could hide what starts within it. A name found within it starts after one of its characters;
    so a name here after an ASCII word character sends the text to the whole scan, and where there
    is none, nothing was hidden."""
    table = gazetteer()
    size = len(text)
    out: list[tuple[int, int]] = []
    reached = 0
    # (the longest name yet at the current start: the spans come by start, then by end)
    longest: tuple[int, int] | None = None
    for start, end in spans:
        if longest is not None and start != longest[0]:
            out.append(longest)
            reached = longest[1]
            longest = None
        if start < reached or text[start:end] not in table:
            continue
        if end < size and (text[end].isalnum() or text[end] == "_"):  # (the pattern's (?![\w]))
            continue
        if start and text[start - 1] in ASCII_WORD_CHARS:
            return None  # (rare: a name glued to a word, "theUnited States")
        longest = (start, end)
    if longest is not None:
        out.append(longest)
    return out


def recognize_parties(text: str) -> list[Mention]:
    table = gazetteer()
    out: list[Mention] = []
    append = out.append
    name_continues = chosen(_NAME_CONTINUES, text).match
    capital_verb = chosen(_CAPITAL_VERB, text).match
    size = len(text)
    candidates = party_starts(text)
    spans = _candidate_spans(text, candidates) if candidates is not None else None
    if spans is None:
        spans = [m.span() for m in _matches(text)]
    for start, end in spans:
        if start and (text[start - 1].isalnum() or text[start - 1] in "_."):
            continue  # not at the start of a word
        surface = text[start:end]
        hit = table.get(surface)
        if hit is None:  # (a name ending in a dot that the gazetteer only has without it)
            continue
        code, kind = hit
        if kind == DEMONYM and surface in _NAME_SURFACES:
            continue  # the same surface is already a name
        # (the verb test first: one try where the other is a search of 40 characters, and most capitals fail it)
        if kind == CAPITAL and (not capital_verb(text, end)
                                or _PREPOSITION_BEFORE.search(text[max(0, start - 40):start])):
            continue
        # (the name continues only with a space and a capital A-Z, which most names lack: tested before the
        # pattern; _NAME_BEFORE ends in "of " or "of the ": tested first too)
        in_name = (end + 1 < size and text[end] == " " and "A" <= text[end + 1] <= "Z"
                   and name_continues(text, end) is not None) or (
            text.endswith(("of ", "of the "), max(0, start - 40), start)
            and _NAME_BEFORE.search(text, max(0, start - 40), start) is not None)
        append(Mention("party", start, end, surface, code, {"kind": kind, "in_name": in_name}))
    return out
