"""People with roles: "Prime Minister Kishida Fumio", "Japanese Prime Minister Fumio Kishida",
"Fumio Kishida, Japan's prime minister", plus a small gazetteer of office holders so that a
surname alone ("Kishida") or either name order links to the same person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Final

import ahocorasick

from accords import yamlio
from accords.extract.prefilter import fold
from accords.extract.recognize.parties import NAME, gazetteer
from accords.extract.recognize.starts import marked_starts, party_starts
from accords.extract.recognize.trie import trie_pattern
from accords.extract.recognize.windows import chosen
from accords.extract.rx import Pattern, rx
from accords.extract.types import Mention

ROLES: Final = (
    "Prime Minister", "Deputy Prime Minister", "Vice President", "President", "Federal Chancellor",
    "Chancellor", "Foreign Minister", "Defence Minister", "Defense Minister", "Finance Minister",
    "Minister of Foreign Affairs", "Minister for Foreign Affairs", "Minister of Defence",
    "Minister of Defense", "Minister for Defence", "Minister of Finance", "Foreign Secretary",
    "Defence Secretary", "Defense Secretary", "Secretary of State", "Secretary of Defense",
    "Secretary General", "Secretary-General", "High Representative", "Ambassador", "Taoiseach",
    "King", "Queen", "Emperor", "Premier", "Speaker", "Minister", "PM",
)
_ROLE: Final = "(?:" + "|".join(re.escape(r) for r in sorted(ROLES, key=len, reverse=True)) + ")"
_ROLE_I: Final = "(?i:" + _ROLE[3:]
_TOKEN: Final = r"[A-Z][a-zà-ÿāēīōūčćšžėęįųł'’-]+"
_NAME: Final = rf"{_TOKEN}(?: (?:von der |van der |van |de |De |da ){_TOKEN}| {_TOKEN}){{0,2}}"


_STOP: Final = frozenset(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
     "Sunday", "The", "On", "In", "At", "And", "As", "For", "A", "An", "Both", "This", "That", "Mr",
     "Mrs", "Ms", "Dr", "Government", "Ministry", "Parliament", "Council", "Agreement"])


@dataclass(frozen=True)
class _Scanners:
    lead: Pattern
    trail: Pattern
    owner: Pattern
    trail_tail: Pattern  # what follows the name in every match of ``trail``
    reach: int  # the longest party name before a role or "'s", with "'s "


@cache
def _patterns() -> _Scanners:
    # The capital-letter look-ahead comes before the look-behind: it rejects far more positions
    # at once (the two are both zero-width at the same position, so the order changes no match).
    names = [k for k, v in gazetteer().items() if v[1] != "capital"]
    party = "(?:" + trie_pattern(names) + ")"
    lead = rx(rf"(?=[A-Z])(?<![\w])(?:(?P<country>{party})(?:'s)? )?(?P<role>{_ROLE})"
              rf"(?: of (?:the )?(?P<of>{party}))?,? (?P<name>{_NAME})")
    # (a role followed by a name introduces that name: "in Dubrovnik, Prime Minister Andrej Plenković")
    tail = rf", (?:the |a )?(?:(?P<country>{party})(?:'s)? )?(?P<role>{_ROLE_I})"
    trail = rx(rf"(?P<name>{_NAME}){tail}(?: of (?:the )?(?P<of>{party}))?(?!,? {_TOKEN})")
    # ("Japan's prime minister Fumio Kishida", "Portuguese premier Luís Montenegro": a country or demonym
    # before it makes a lower-case role a title)
    owner = rx(rf"(?=[A-Z])(?<![\w])(?P<country>{party})(?:'s)? (?P<role>{_ROLE_I})"
               rf"(?: (?:to|in) (?:the )?(?P<to>{party}))?,? "
               rf"(?P<name>{_NAME})")
    return _Scanners(lead, trail, owner, rx(tail), max(map(len, names)) + 3)


_CAPITAL: Final = rx("[A-Z]")


def _capitals(text: str, ranges: list[tuple[int, int]]) -> list[int]:
    """Positions of the capital letters in ``ranges`` (sorted, without repeats)."""
    ranges.sort()
    out: list[int] = []
    done = 0
    capitals = chosen(_CAPITAL, text).finditer
    for a, b in ranges:
        a = max(a, done)
        if a < b:
            out.extend(m.start() for m in capitals(text, a, b))
            done = b
    return out


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted ranges, the overlapping ones merged (``ranges`` come sorted by start)."""
    out: list[tuple[int, int]] = []
    for a, b in ranges:
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _matches_at(pattern: Pattern, text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """Exactly ``pattern.finditer(text)``, given sorted positions among which every match starts."""
    last = 0
    match = chosen(pattern, text).match
    for at in starts:
        if at < last:
            continue  # inside the previous match: finditer resumes after it
        m = match(text, at)
        if m:
            last = max(m.end(), at + 1)
            yield m


def _lead_starts(text: str, roles: list[int]) -> list[int] | None:
    """Where a match of ``lead`` or ``owner`` may start (sorted, without repeats): at a role word
    that opens with a capital, or at a party name opening with one that " " or "'s " parts from a
    role word (the only ways either pattern reaches its role). None when the shared pass has no
    party spans (see :func:`accords.extract.recognize.starts.party_starts`). Every name that can
    start such a match is among those spans: it starts a word (the patterns' look-behind) and is
    followed by a space or an apostrophe, as a word-start key of the pass needs. These are about a
    third of the capitals within a party name's length before a role, where each was tried."""
    spans = party_starts(text)
    if spans is None:
        return None
    at_role = set(roles)
    out = [at for at in roles if "A" <= text[at] <= "Z"]  # (the patterns' look-ahead)
    for start, end in spans:
        if (end + 1 in at_role or end + 3 in at_role) and "A" <= text[start] <= "Z":
            out.append(start)
    return sorted(set(out))


def _role_matches(text: str, roles: list[int] | None = None) -> Iterator[re.Match[str]]:
    """The matches of the three role patterns, each scanned only where it can match.

    The regexes would be tried at every capital letter; but every match of ``lead`` and of
    ``owner`` holds a role word (in any case) at a word start at most a party name (and "'s ")
    after its start, and every match of ``trail`` ends its name at a ", " followed by a role
    (the name before it has at most six spaces). Positions found from those anchors are a
    superset of the match starts, and the pattern is matched there alone: the same matches.
    ``roles`` are the starts of the role words (see :func:`_anchors`).
    """
    sc = _patterns()
    reach = sc.reach
    if roles is None:
        roles = _anchors(text)[0]
    near_roles = _lead_starts(text, roles)
    if near_roles is None:
        near_roles = _capitals(text, [(max(0, at - reach), at + 1) for at in roles])
    yield from _matches_at(sc.lead, text, near_roles)
    near_commas: list[tuple[int, int]] = []
    # The role of a ``trail_tail`` match starts at most "the " and a party name with "'s " (reach)
    # after the ", ": only the commas that close before a role word need the pattern.
    tail = chosen(sc.trail_tail, text).match
    for a, b in _merged([(max(0, at - reach - 6), at) for at in roles]):
        at = text.find(", ", a, b)
        while at >= 0:
            if tail(text, at):
                start = at
                for _ in range(7):
                    start = text.rfind(" ", 0, start)
                    if start < 0:
                        break
                near_commas.append((start + 1, at))
            at = text.find(", ", at + 2, b)
    yield from _matches_at(sc.trail, text, _capitals(text, near_commas))
    yield from _matches_at(sc.owner, text, near_roles)


@cache
def leaders() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = yamlio.safe_load(
        resources.files("accords.extract").joinpath("data/people.yaml").read_text("utf-8"))
    return data


@cache
def _known() -> tuple[dict[str, int], Pattern]:
    """Every known surface form (full names, both orders, surnames) -> index in leaders()."""
    forms: dict[str, int] = {}
    for i, person in enumerate(leaders()):
        names = [person["name"], *person.get("also", [])]
        for n in names:
            forms.setdefault(n, i)
            parts = n.split()
            if len(parts) == 2:
                forms.setdefault(f"{parts[1]} {parts[0]}", i)
            forms.setdefault(parts[-1], i)
    # the look-ahead on the first letters rejects most positions at once (same matches)
    first = "".join(sorted({re.escape(f[0]) for f in forms if f}))
    look = f"(?=[{first}])" if first else ""
    pattern = rx(look + r"(?<![\w])(?:" + trie_pattern(forms) + r")(?![\w])")
    return forms, pattern


def _flags() -> dict[str, int]:
    """Role words (1) and known forms (2), as written."""
    flags: dict[str, int] = {}
    for role in ROLES:
        flags[role] = flags.get(role, 0) | 1
    for form in _known()[0]:
        flags[form] = flags.get(form, 0) | 2
    return flags


@cache
def _folded_finder() -> Any:
    """An Aho-Corasick automaton of the role words and the known surface forms, folded (any case),
    for a text that has no marked form (see :func:`accords.extract.prefilter.mark`)."""
    folded = ahocorasick.Automaton()
    by_fold: dict[str, int] = {}
    for word, flag in _flags().items():
        by_fold[fold(word)] = by_fold.get(fold(word), 0) | flag
    for key, flag in by_fold.items():
        folded.add_word(key, (flag, len(key)))
    folded.make_automaton()
    return folded


def _anchors(text: str) -> tuple[list[int], list[int]]:
    """Starts of the role words (any case) and of the known forms in ``text``: a superset of
    the places they start a word, sorted, without repeats."""
    shared = marked_starts(text)
    if shared is not None:
        return shared[0], shared[1]
    roles: list[int] = []
    forms: list[int] = []
    for end, (flag, n) in _folded_finder().iter(fold(text)):
        start = end + 1 - n
        if flag & 1:
            roles.append(start)
        if flag & 2:
            forms.append(start)
    return sorted(set(roles)), sorted(set(forms))


def _party_code(word: str | None) -> str | None:
    if not word:
        return None
    word = word.removesuffix("'s")
    hit = gazetteer().get(word)
    return hit[0] if hit else None


_POSSESSIVE: Final = rx(r"['’]s\b")


def _clean_name(name: str) -> str:
    # (the pattern needs an apostrophe: most names have none, and skip the substitution)
    words = (_POSSESSIVE.sub("", name) if "'" in name or "’" in name else name).split()
    # a trailing party or role word is not part of the name ("Zelensky Ukraine")
    while len(words) > 1 and words[-1] in {"On", "In", "At", "And"}:
        words.pop()
    return " ".join(words)


def recognize_people(text: str) -> list[Mention]:
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    roles, forms_at = _anchors(text)
    trail = _patterns().trail
    for m in _role_matches(text, roles):
        name = _clean_name(m["name"])
        if name in gazetteer() or len(name) < 3 or any(w in _STOP for w in name.split()):
            continue
        # (m.re is the Unicode pattern behind the Rx or its ASCII twin: compared by source)
        if m.re.pattern == trail.pattern and " " not in name and known_person(name) is None:
            continue  # one word before ", Prime Minister" is as often a place ("Oxfordshire") as a surname
        start = m.start("name")
        code = _party_code(m.groupdict().get("of")) or _party_code(m["country"])
        out.append(Mention("person", start, start + len(name), name, name,
                           {"role": _title(m["role"]), "country": code}))
        taken.append((start, start + len(name)))
    if ":" in text:
        out.extend(_speakers(text, taken))
    forms, scanner = _known()
    for m in _matches_at(scanner, text, forms_at):
        if any(s <= m.start() < e for s, e in taken):
            continue
        found = m.group()
        person = leaders()[forms[found]]
        out.append(Mention("person", m.start(), m.end(), found, found,
                           {"role": person["role"], "country": person["country"], "known": person["name"]}))
    if any(" " not in x.text and x.extra.get("known") for x in out):
        out = _not_states(out, text)
    out.sort(key=lambda x: x.start)
    return out


def _not_states(found: list[Mention], text: str) -> list[Mention]:
    """A surname alone that is also a state's name ("Montenegro opened talks") is the person only
    when the text names that person in full somewhere, or gives the role right before it."""
    full = {x.extra.get("known") for x in found if " " in x.text}
    states = gazetteer()
    return [x for x in found if " " in x.text or not x.extra.get("known") or x.extra["known"] in full
            or states.get(x.text, ("", ""))[1] != NAME
            or text[max(0, x.start - 40):x.start].rstrip().endswith(_ROLE_ENDS)]


_ROLE_ENDS: Final = (*ROLES, "PM")


# A transcript's speaker label in capitals: "PRESIDENT BIDEN:", "PRIME MINISTER FUMIO KISHIDA:".
_SPEAKER: Final = rx(r"^[ \t]*(?P<label>[A-Z][A-Z.'’ -]{2,60}?)[ \t]*:", re.M)
_ROLE_WORDS: Final = sorted((r.upper() for r in ROLES), key=len, reverse=True)


def _speaker_labels(text: str) -> list[re.Match[str]]:
    """Exactly ``_SPEAKER.finditer(text)``: a label opens a line and ends at the line's first colon
    (no match holds a newline), so the pattern is matched only at the starts of the lines that have
    a colon, found by ``str.find``, where the regex engine would test every position for a line start."""
    out: list[re.Match[str]] = []
    match = chosen(_SPEAKER, text).match
    tried = -1
    colon = text.find(":")
    while colon >= 0:
        line = text.rfind("\n", 0, colon) + 1
        if line > tried:  # (one try a line: the match there ends at its first colon)
            tried = line
            m = match(text, line)
            if m is not None:
                out.append(m)
        colon = text.find(":", colon + 1)
    return out


def _speakers(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """People named by speaker labels: a known person, or a role and a name of two words or more
    ("MODERATOR:", "SPOKESPERSON:" or "Q:" name nobody)."""
    out: list[Mention] = []
    for m in _speaker_labels(text):
        label = m["label"].strip()
        start = m.start("label")
        role = next((r for r in _ROLE_WORDS if label.startswith(r + " ")), None)
        name_start = start + (len(role) + 1 if role else 0)
        name = text[name_start:start + len(label)].strip()
        if not name or any(s <= name_start < e for s, e in taken):
            continue
        titled = " ".join(w[:1] + w[1:].lower() for w in name.split())
        person = known_person(titled)
        if person is None and not (role and len(titled.split()) >= 2):
            continue
        extra: dict[str, Any] = {"role": _title(role.title()) if role else person["role"] if person else None,
                                 "country": person["country"] if person else None}
        if person:
            extra["known"] = person["name"]
        out.append(Mention("person", name_start, name_start + len(name), name, titled, extra))
    return out


def _title(role: str) -> str:
    if role == "PM":
        return "Prime Minister"
    small = {"of", "for", "the"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in role.split())


def known_person(name: str) -> dict[str, Any] | None:
    forms, _ = _known()
    idx = forms.get(name)
    if idx is None:
        parts = name.split()
        idx = forms.get(" ".join(reversed(parts))) if len(parts) == 2 else None
    return leaders()[idx] if idx is not None else None
