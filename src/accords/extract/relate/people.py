"""People: mentions merged into persons (surnames and both name orders link up), each with a
role such as "Prime Minister of Japan"."""

from __future__ import annotations

from functools import cache
from typing import Any

from accords.extract.recognize.people import known_person
from accords.extract.relate.context import Ctx


def party_name(code: str | None) -> str | None:
    if not code:
        return None
    return _party_name(code)


@cache  # (a pycountry look-up per role and per document otherwise: a few codes, asked again and again)
def _party_name(code: str) -> str:
    special = {"EUU": "the European Union", "NATO": "NATO", "USA": "the United States",
               "GBR": "the United Kingdom", "NLD": "the Netherlands", "UN": "the United Nations",
               "RUS": "Russia", "KOR": "South Korea", "CZE": "Czechia"}
    if code in special:
        return special[code]
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def relate_people(ctx: Ctx) -> list[dict[str, Any]]:
    persons: list[dict[str, Any]] = []
    for m in ctx.doc.mentions.get("person", []):
        known = m.extra.get("known") or (known_person(m.text) or {}).get("name")
        tokens = frozenset(m.text.lower().split())
        target = None
        for p in persons:
            if (known and p["_known"] == known) or tokens <= p["_tokens"] or p["_tokens"] <= tokens:
                target = p
                break
        if target is None:
            target = {"name": m.text, "_tokens": tokens, "_known": known, "_role": None, "_country": None,
                      "_mentions": [], "_span": (m.start, m.end), "_from_text": False}
            persons.append(target)
        target["_mentions"].append((m.start, m.end))
        if len(tokens) > len(target["_tokens"]):
            target["name"], target["_tokens"], target["_span"] = m.text, tokens, (m.start, m.end)
        from_text = "known" not in m.extra
        if m.extra.get("role") and (target["_role"] is None or (from_text and not target["_from_text"])):
            target["_role"] = m.extra["role"]
            target["_from_text"] = from_text
        if m.extra.get("country") and not target["_country"]:
            target["_country"] = m.extra["country"]
        if known and not target["_known"]:
            target["_known"] = known
    out = []
    for p in persons:
        if p["_known"] and (len(p["_tokens"]) < 2 or p["name"].isupper()):
            p["name"] = p["_known"]  # the text used a surname only (or a speaker label): give the full name
        if not p["_country"] and p["_known"]:
            p["_country"] = (known_person(p["_known"]) or {}).get("country")
        role = p["_role"]
        if role and " of " not in role and p["_country"]:
            role = f"{role} of {party_name(p['_country'])}"
        p["role"] = role
        if role:
            out.append(p)
        if p["_country"]:
            ctx.person_countries.extend((a, b, p["_country"]) for a, b in p["_mentions"])
    ctx.person_countries.sort()
    return out
