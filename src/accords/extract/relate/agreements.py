"""Agreements: who signed what, when, where, for how long, on what basis.

A sentence about signing ("the two leaders signed a bilateral security agreement") makes or
enriches the agreement of the parties it names, or of the document's focus pair when it names
none. An enumeration ("agreements that Ukraine has concluded with the U.S., the United Kingdom,
Germany") makes one ``mentioned_only`` agreement per listed party.
"""

from __future__ import annotations

import re
from typing import Any

from accords.extract.prefilter import Gate, fold
from accords.extract.relate.context import RECIPIENT, Ctx

_NOUN = r"(?:agreements?|accords?|treaty|treaties|pact|security commitments)"
_AGREEMENT = re.compile(rf"\b{_NOUN}\b", re.I)
_SIGN = re.compile(r"\b(?:sign(?:ed|s|ing)?|conclud(?:ed|es|ing)|ink(?:ed|s)|concluded)\b|^\s*Done at\b", re.I)
_COUNTED = re.compile(r"\b(?:\d+|two|three|four|five|six|several|many|dozens of|\d+ new)\s+(?:\w+\s+)?"
                      r"(?:agreements|accords|deals|memoranda)\b", re.I)
_NOT_SECURITY = re.compile(r"\b(?:trade|free-trade|grain|gas|loan|grant|investment|purchase)\s+"
                           r"(?:agreements?|deals?|accords?)\b", re.I)
_ENUM = re.compile(rf"\b{_NOUN}\s+(?:that|which)?\s*(?:(?P<subj>[A-Z][\w.]*(?: [A-Z][\w.]*)?)\s+)?"
                   r"(?:has|have|had)?\s*(?:already\s+)?(?:concluded|signed|reached|struck)\s+with\s+", re.I)
_ENUM_SHORT = re.compile(r"\bagreements\s+with\s+")
_TITLE_LEAD = re.compile(
    r"(?:formally|officially)\s+(?:known\s+as|called|titled|entitled|named)\s+(?:the\s+)?"
    r"|\b(?:titled|entitled)\s+(?:the\s+)?\"?")
_TITLE_HEAD = re.compile(r"(?:the\s+)?(?P<t>(?:Accord|Agreement|Treaty|Memorandum|Joint Security Commitments)"
                         r"\s+(?:on|between|of|for|concerning)\s+[A-Z])")
_TITLE_WORD = re.compile(r"[ ]*(?:[A-Z][\w'-]*|of|on|and|for|between|the|in|to|-|&)(?=[ ,.;:\"')]|$)")
_PLACE = re.compile(r"\b(?:at|on the sidelines of|on the margins of|during|in the margins of)\s+(?:the\s+)?"
                    r"(?P<p>(?:[A-Z0-9][\w-]*\s+){0,4}summit(?:\s+in\s+[A-Z][\w-]+)?)"
                    r"|\b(?:in|Done at|done at)\s+(?P<c>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?=[\s,.;])")
_BASIS = re.compile(r"\b(?:on the basis of|under|in line with|in accordance with|pursuant to|within the framework of)"
                    r"\s+(?:the\s+)?(?P<b>(?:G7|Joint|joint)[^.;,()]{3,80}?)(?=[.;,(]|\s+(?:and|which|signed)\b|$)")
_NOT_PLACE = frozenset(["January", "February", "March", "April", "May", "June", "July", "August",
                        "September", "October", "November", "December", "This", "That", "The", "It",
                        "Congress"])
HEAD_ROLES = ("President", "Prime Minister", "Chancellor", "Federal Chancellor", "Taoiseach", "Premier",
              "President of the European Council", "President of the European Commission")


_DOC_NOUN = re.compile(r"\b(?:agreements?|accords?|treaty|pact|security commitments|texts?|documents?|"
                      r"arrangements?)\b", re.I)
# Sentences that can say anything about an agreement contain one of these (one scan finds them).
# (the look-ahead names the initials of the words: it rejects most positions at once, same matches)
_CANDIDATE = re.compile(r"(?=[atpsd])\b(?:agreements?|accords?|treaty|treaties|pact|security commitments|texts?"
                        r"|documents?|arrangements?|[Ss]igned|Done at)\b", re.I)
_COLLECTIVE = re.compile(r"\b(?:both|all\s+(?:three|four|five|six|the)|each\s+of\s+the|every)\b", re.I)
_SIGNED_LEAD = re.compile(r"\s*(?:(?:[\w,]+\s+){0,3}?(?:Signed|signed)\b|Done at\b)")
_SAME_EVENT = re.compile(r"\bsame\s+(?:summit|day|occasion|ceremony|meeting)\b", re.I)
# Keyword tests run on the lower-cased sentence first: most sentences lack the words these
# patterns need, and a substring test costs far less than a regex scan (same results).
_G_COUNTED, _G_NOT_SECURITY = Gate(_COUNTED), Gate(_NOT_SECURITY)
_G_ENUM, _G_ENUM_SHORT = Gate(_ENUM), Gate(_ENUM_SHORT)
_G_TITLE_LEAD, _G_TITLE_HEAD, _G_BASIS = Gate(_TITLE_LEAD), Gate(_TITLE_HEAD), Gate(_BASIS)


def relate_agreements(ctx: Ctx, people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: dict[tuple[str, ...], dict[str, Any]] = {}
    last_date: str | None = None
    default_duration: float | None = None
    candidates = set(ctx.sentences_matching(_CANDIDATE)) | set(ctx.by_sentence.get("duration", {}))
    for idx in sorted(candidates):
        s, e = ctx.sentences[idx]
        sent = ctx.text[s:e]
        low = fold(sent)
        noun = _AGREEMENT.search(sent)
        duration = next((m.value for m in ctx.in_sentence("duration", idx) if m.extra["unit"] == "year"), None)
        if not noun and not _DOC_NOUN.search(sent) and not _SIGNED_LEAD.match(sent):
            if duration and _COLLECTIVE.search(sent):
                default_duration = default_duration or duration
            continue
        if noun and _enumeration(ctx, idx, s, sent, low, found):
            continue
        if (_G_COUNTED.may(low) and _COUNTED.search(sent) and not re.search(r"\b(?:security|bilateral)\b", sent)) \
                or (_G_NOT_SECURITY.may(low) and _NOT_SECURITY.search(sent)):
            continue
        signed = bool(_SIGN.search(sent)) and bool(noun or _SIGNED_LEAD.match(sent) or _DOC_NOUN.search(sent))
        partners = _partners(ctx, idx)
        if signed:  # "Chancellor Olaf Scholz ... signed": a signatory names the partner
            partners |= {c for _, c in ctx.people_countries(s, e) if c not in (RECIPIENT, "RUS")}
        explicit = bool(partners)
        if duration and not partners and (_COLLECTIVE.search(sent) or re.search(r"\bagreements\b", sent)):
            default_duration = default_duration or duration  # "each concluded for ten years"
        if partners:
            keys = [tuple(sorted({p, RECIPIENT})) for p in sorted(partners)]
        elif _COLLECTIVE.search(sent):
            keys = [k for k, v in found.items() if not v["mentioned_only"]] or [ctx.topic[idx]]
        else:
            keys = [ctx.topic[idx]] if ctx.topic and ctx.topic[idx] else []
        keys = [k for k in keys if len(k) == 2]
        if not keys:
            continue
        title = _title(sent, low) if len(keys) == 1 else None
        basis = _basis(sent) if _G_BASIS.may(low) else None
        if not (signed or title or duration or basis or _compound(sent)):
            if partners and not _SIGN.search(sent):
                for p in ctx.parties_in(idx):  # "the pattern set by the United Kingdom": named only
                    if p.value in partners and (_BY_WITH.search(ctx.text, max(s, p.start - 25), p.start)
                                                or ctx.text.startswith("'s", p.end)):
                        key = tuple(sorted({p.value, RECIPIENT}))
                        found.setdefault(key, {"parties": list(key), "mentioned_only": True, "_span": (s, e)})
            continue
        collective = not partners and bool(_COLLECTIVE.search(sent))
        date = _sign_date(ctx, idx) if signed else None
        if signed and date is None and not collective:
            date = _previous_date(ctx, idx) or (last_date if _SAME_EVENT.search(sent) else None)
        if date:
            last_date = date
        for key in keys:
            item = found.setdefault(key, {"parties": list(key), "mentioned_only": False, "_span": (s, e)})
            item["mentioned_only"] = False
            if signed:
                better = not item.get("date_signed") or len(date or "") > len(item["date_signed"]) or (
                    explicit and not item.get("_explicit"))
                if date and better:
                    item["date_signed"] = date
                    item["_explicit"] = explicit
                    item["_span"] = (s, e)
                place = _place(sent)
                if len(keys) > 1 and sum(1 for p in _PLACE.finditer(sent) if p["c"]) > 1:
                    place = None  # "signed in Berlin; ... in Paris": which city is whose is unclear
                if place and not item.get("place"):
                    item["place"] = place
                signers = _signatories(ctx, idx, key, people) if len(keys) == 1 or collective else []
                if signers and collective:  # "every agreement was signed by President Zelensky"
                    item["signatories"] = list(dict.fromkeys([*item.get("signatories", []), *signers]))
                elif signers and not item.get("signatories"):
                    item["signatories"] = signers
            if title and not item.get("title"):
                item["title"] = title
            if duration and not item.get("duration_years"):
                item["duration_years"] = int(duration) if float(duration).is_integer() else duration
            if basis and not item.get("basis"):
                item["basis"] = basis
    if default_duration:
        for item in found.values():
            if not item["mentioned_only"] and not item.get("duration_years"):
                item["duration_years"] = int(default_duration)
    return list(found.values())


_BY_WITH = re.compile(r"\b(?:by|with|like|as)\s+(?:the\s+)?\Z")


def _previous_date(ctx: Ctx, idx: int) -> str | None:
    """A signing sentence without a date takes the one its paragraph gave just before."""
    if idx == 0 or ctx.paragraph_of(idx - 1) != ctx.paragraph_of(idx):
        return None
    return _sign_date(ctx, idx - 1)


def _named(ctx: Ctx, idx: int) -> list[str]:
    return [m.value for m in ctx.parties_in(idx)]


_NOUN_AFTER = re.compile(r"(?:'s)?\s+(?:[\w-]+\s+)?(?:agreement|accord|text|document)\b")


def _partners(ctx: Ctx, idx: int) -> set[str]:
    """Partners a sentence names; a demonym counts only on an agreement ("the Finnish agreement")."""
    out = set()
    for m in ctx.parties_in(idx):
        if m.extra.get("kind") == "demonym" and not _NOUN_AFTER.match(ctx.text, m.end):
            continue
        out.add(m.value)
    return out - {RECIPIENT, "RUS"}


def _parties(ctx: Ctx, idx: int) -> tuple[str, ...]:
    partners = _partners(ctx, idx)
    if len(partners) == 1:
        return tuple(sorted(partners | {RECIPIENT}))
    if not partners:
        return ctx.topic[idx] if ctx.topic else ctx.focus
    return ()


def _compound(sent: str) -> bool:
    return bool(re.search(r"[A-Z][a-z]+-[A-Z][a-z]+\s+(?:security\s+)?(?:agreement|accord)", sent))


def _enumeration(ctx: Ctx, idx: int, s: int, sent: str, low: str,
                 found: dict[tuple[str, ...], dict[str, Any]]) -> bool:
    m = _ENUM.search(sent) if _G_ENUM.may(low) else None
    if not m:
        m = _ENUM_SHORT.search(sent) if _G_ENUM_SHORT.may(low) else None
        if not m or _SIGN.search(sent, 0, m.start()):
            return False  # "Ukraine concluded agreements with A and B" reports signings
    list_start = s + m.end()
    parties = [p for p in ctx.parties_in(idx, start=list_start) if p.value not in {RECIPIENT, "RUS"}]
    if len(parties) < 2:
        return False
    subject = RECIPIENT
    for p in ctx.parties_in(idx, start=s + m.start(), end=list_start):
        if p.value not in {RECIPIENT, "RUS"}:
            subject = p.value
    for p in parties:
        key = tuple(sorted({p.value, subject}))
        if key in found or len(key) < 2:
            continue
        found[key] = {"parties": list(key), "mentioned_only": True, "_span": (p.start, p.end)}
    return True


def _title(sent: str, low: str) -> str | None:
    lead = _TITLE_LEAD.search(sent) if _G_TITLE_LEAD.may(low) else None
    pos = lead.end() if lead else None
    if pos is None:
        head = _TITLE_HEAD.search(sent) if _G_TITLE_HEAD.may(low) else None
        if not head:
            return None
        pos = head.start("t")
    words = []
    for m in _TITLE_WORD.finditer(sent, pos):
        if m.start() != pos:
            break
        words.append(m.group())
        pos = m.end()
    title = "".join(words).strip().strip('"')
    while title.split() and title.split()[-1] in {"of", "on", "and", "for", "between", "the", "in", "to"}:
        title = title.rsplit(" ", 1)[0]
    return title if len(title.split()) >= 3 else None


def _basis(sent: str) -> str | None:
    m = _BASIS.search(sent)
    return m["b"].strip() if m else None


def _place(sent: str) -> str | None:
    for m in _PLACE.finditer(sent):
        if m["p"]:
            return m["p"].strip()
        if m["c"] and m["c"].split()[0] not in _NOT_PLACE:
            return m["c"]
    return None


def _sign_date(ctx: Ctx, idx: int) -> str | None:
    best: str | None = None
    for m in ctx.in_sentence("date", idx):
        value = m.value
        if not value or m.extra.get("deadline") or m.extra.get("since"):
            continue
        if best is None or len(value) > len(best):
            best = value
    return best


def _signatories(ctx: Ctx, idx: int, parties: tuple[str, ...], people: list[dict[str, Any]]) -> list[str]:
    s, e = ctx.sentences[idx]
    named = [p["name"] for p in people if any(s <= a < e for a, _ in p["_mentions"])]
    if named:
        return named
    if re.search(r"\b(?:two|both) leaders\b|\bleaders\b", ctx.text[s:e]):
        return [p["name"] for p in people if p.get("_country") in parties and p.get("_role") in HEAD_ROLES]
    return []
