"""People with roles: "Prime Minister Kishida Fumio", "Japanese Prime Minister Fumio Kishida",
"Fumio Kishida, Japan's prime minister", plus a small gazetteer of office holders so that a
surname alone ("Kishida") or either name order links to the same person.
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

from accords.extract.recognize.parties import gazetteer
from accords.extract.recognize.trie import trie_pattern
from accords.extract.recognize.windows import skipped, skipping
from accords.extract.types import Mention

ROLES = (
    "Prime Minister", "Deputy Prime Minister", "Vice President", "President", "Federal Chancellor",
    "Chancellor", "Foreign Minister", "Defence Minister", "Defense Minister", "Finance Minister",
    "Minister of Foreign Affairs", "Minister for Foreign Affairs", "Minister of Defence",
    "Minister of Defense", "Minister for Defence", "Minister of Finance", "Foreign Secretary",
    "Defence Secretary", "Defense Secretary", "Secretary of State", "Secretary of Defense",
    "Secretary General", "Secretary-General", "High Representative", "Ambassador", "Taoiseach",
    "King", "Queen", "Emperor", "Premier", "Speaker", "Minister", "PM",
)
_ROLE = "(?:" + "|".join(re.escape(r) for r in sorted(ROLES, key=len, reverse=True)) + ")"
_ROLE_I = "(?i:" + _ROLE[3:]
_TOKEN = r"[A-Z][a-zà-ÿāēīōūčćšžėęįųł'’-]+"
_NAME = rf"{_TOKEN}(?: (?:von der |van der |van |de |De |da ){_TOKEN}| {_TOKEN}){{0,2}}"


_STOP = frozenset(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
     "Sunday", "The", "On", "In", "At", "And", "As", "For", "A", "An", "Both", "This", "That", "Mr",
     "Mrs", "Ms", "Dr", "Government", "Ministry", "Parliament", "Council", "Agreement"])


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    # The capital-letter look-ahead comes before the look-behind: it rejects far more positions
    # at once (the two are both zero-width at the same position, so the order changes no match).
    party = "(?:" + trie_pattern(k for k, v in gazetteer().items() if v[1] != "capital") + ")"
    lead = re.compile(rf"(?=[A-Z])(?<![\w])(?:(?P<country>{party})(?:'s)? )?(?P<role>{_ROLE})"
                      rf"(?: of (?:the )?(?P<of>{party}))?,? (?P<name>{_NAME})")
    # (a role followed by a name introduces that name: "in Dubrovnik, Prime Minister Andrej Plenković")
    trail = re.compile(rf"(?P<name>{_NAME}), (?:the |a )?(?:(?P<country>{party})(?:'s)? )?"
                       rf"(?P<role>{_ROLE_I})(?: of (?:the )?(?P<of>{party}))?(?!,? {_TOKEN})")
    # ("Japan's prime minister Fumio Kishida", "Portuguese premier Luís Montenegro": a country or demonym
    # before it makes a lower-case role a title)
    owner = re.compile(rf"(?=[A-Z])(?<![\w])(?P<country>{party})(?:'s)? (?P<role>{_ROLE_I})"
                       rf"(?: (?:to|in) (?:the )?(?P<to>{party}))?,? "
                       rf"(?P<name>{_NAME})")
    # lead and owner start with a capital: scanned capital to capital (same matches, see skipping)
    return skipping(lead, "[A-Z]"), trail, skipping(owner, "[A-Z]")


@cache
def leaders() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = yaml.safe_load(
        resources.files("accords.extract").joinpath("data/people.yaml").read_text("utf-8"))
    return data


@cache
def _known() -> tuple[dict[str, int], re.Pattern[str]]:
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
    pattern = re.compile(look + r"(?<![\w])(?:" + trie_pattern(forms) + r")(?![\w])")
    return forms, skipping(pattern, f"[{first}]")  # (the shipped list is never empty)


def _party_code(word: str | None) -> str | None:
    if not word:
        return None
    word = word.removesuffix("'s")
    hit = gazetteer().get(word)
    return hit[0] if hit else None


def _clean_name(name: str) -> str:
    words = re.sub(r"['’]s\b", "", name).split()
    # a trailing party or role word is not part of the name ("Zelensky Ukraine")
    while len(words) > 1 and words[-1] in {"On", "In", "At", "And"}:
        words.pop()
    return " ".join(words)


def recognize_people(text: str) -> list[Mention]:
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    lead, trail, owner = _patterns()
    for m in itertools.chain(skipped(lead, text), trail.finditer(text), skipped(owner, text)):
        name = _clean_name(m["name"])
        if name in gazetteer() or len(name) < 3 or any(w in _STOP for w in name.split()):
            continue
        if m.re is trail and " " not in name and known_person(name) is None:
            continue  # one word before ", Prime Minister" is as often a place ("Oxfordshire") as a surname
        start = m.start("name")
        code = _party_code(m.groupdict().get("of")) or _party_code(m["country"])
        out.append(Mention("person", start, start + len(name), name, name,
                           {"role": _title(m["role"]), "country": code}))
        taken.append((start, start + len(name)))
    if ":" in text:
        out.extend(_speakers(text, taken))
    forms, scanner = _known()
    for m in skipped(scanner, text):
        if any(s <= m.start("_m") < e for s, e in taken):
            continue
        found = m["_m"]
        person = leaders()[forms[found]]
        out.append(Mention("person", m.start("_m"), m.end("_m"), found, found,
                           {"role": person["role"], "country": person["country"], "known": person["name"]}))
    out.sort(key=lambda x: x.start)
    return out


# A transcript's speaker label in capitals: "PRESIDENT BIDEN:", "PRIME MINISTER FUMIO KISHIDA:".
_SPEAKER = re.compile(r"^[ \t]*(?P<label>[A-Z][A-Z.'’ -]{2,60}?)[ \t]*:", re.M)
_ROLE_WORDS = sorted((r.upper() for r in ROLES), key=len, reverse=True)


def _speakers(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """People named by speaker labels: a known person, or a role and a name of two words or more
    ("MODERATOR:", "SPOKESPERSON:" or "Q:" name nobody)."""
    out: list[Mention] = []
    for m in _SPEAKER.finditer(text):
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
