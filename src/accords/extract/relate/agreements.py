"""Agreements: who signed what, when, where, for how long, on what basis.

A sentence about signing ("the two leaders signed a bilateral security agreement") makes or
enriches the agreement of the parties it names, or of the document's focus pair when it names
none. An enumeration ("agreements that Ukraine has concluded with the U.S., the United Kingdom,
Germany") makes one ``mentioned_only`` agreement per listed party.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from heapq import heappop, heappush
from itertools import pairwise
from typing import Any, Final

from accords.extract.prefilter import Gate
from accords.extract.relate.candidates import CANDIDATE as _CANDIDATE  # noqa: F401 (the tests scan it)
from accords.extract.relate.candidates import HAS_DOC_NOUN as _HAS_DOC_NOUN
from accords.extract.relate.candidates import HAS_NOUN as _HAS_NOUN
from accords.extract.relate.candidates import HAS_SIGN as _HAS_SIGN
from accords.extract.relate.candidates import UNSURE as _UNSURE
from accords.extract.relate.context import JOINED_BEFORE, ORGS_AS_DONORS, RECIPIENT, Ctx
from accords.extract.rx import Rx, rx
from accords.extract.types import Mention

# ("security deal", "ten-year deal": news prose; a bare "deal" is as often a contract or a purchase)
_NOUN: Final = (r"(?:agreements?|accords?|treaty|treaties|pact|security commitments"
                r"|(?:security|defen[cs]e|bilateral|long-term|ten-year|10-year)\s+deals?)")
_AGREEMENT: Final = rx(rf"(?=[atpsdbl1])\b{_NOUN}\b", re.I)
# (the look-ahead names the initials of the words: it rejects most positions at once, same matches)
_SIGN: Final = rx(r"^\s*Done at\b|(?=[scip])\b(?:sign(?:ed|s|ing)?|conclud(?:ed|es|ing)|ink(?:ed|s)|concluded|penned"
           r"|signature\s+of|seal(?:ed|s)|put\s+(?:his|her|their|its)\s+(?:signatures?|names?)\s+to|put\s+pen\s+to\s+paper)\b",
                          re.I)
# "Sweden, Norway and Iceland sign", "Joe Biden and Fumio Kishida sign during the summit": a
# signing verb right after the states or people who sign reports a signing without any
# agreement noun (timelines and headlines drop it). "signs of fatigue" is the noun.
# "The summit in Stockholm produced three agreements": a meeting that yields texts is where they were signed
# (a pattern of its own, tried only where "produced" or "yielded" is: the meeting words are common letters)
_PRODUCED: Final = rx(r"(?=[cmstv])"
                      r"\b(?:summit|meeting|visit|talks|conference|ceremony)\b[^.;:]{0,60}?\b(?:produced|yielded)\b",
                              re.I)


# "the United States and Japan added their texts", "Iceland added its signature": a signing told as an addition
# (written "added(?<!\wadded)", as are other patterns below: the word first, then the word start checked
# behind it, so the engine looks for the word's letters alone where a "\b" first had it try every position)
_ADDED: Final = rx(r"added(?<!\wadded)\s+(?:their|its|his|her)\s+(?:own\s+)?"
                   r"(?:texts?|agreements?|accords?|signatures?|names?)\b")


def _signs(sent: str, low: str) -> bool:
    """The sentence reports a signing by a verb (or a meeting that produced texts, or texts "added")."""
    if _G_SIGN.may(low) and _SIGN.search(sent):
        return True
    if "added" in low and _ADDED.search(sent):
        return True
    return ("produced" in low or "yielded" in low) and bool(_PRODUCED.search(sent))


_BARE_SIGN: Final = rx(r"sign(?<!\wsign)(?:s|ed)?\b(?!\s+(?:of|that|up|off|language|posts?|boards?)\b)")
# ("Ireland, a militarily neutral state, signed": an apposition may stand between them)
_SUBJECT_GAP: Final = rx(r"(?:,\s+(?:a|an|the|its|whose)\s+[^,.;:()]{1,50},)?"
                         r"(?:\s+(?:and|as well as)\s+(?:several|many|some|a few|a number of|various|numerous|"
                         r"other|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+others?)?"
                         r"(?:\s+(?:also|both|all|each|jointly|formally|then|now|finally|themselves"
                         r"|had|has|have|already"
                                 # "The UK was the first to sign", "Canada became the fifth country to sign"
                          r"|(?:was|were|is|became|becomes)\s+(?:also\s+)?(?:among\s+)?the\s+(?:first|second|third|"
                          r"fourth|fifth|last|latest|next|\d+(?:st|nd|rd|th)|\w+th)(?:\s+(?:[\w-]+\s+){0,2}(?:country|"
                          r"countries|state|states|nation|nations|partner|partners|member|members|ally|allies))?\s+to"
                                 r"))*\s+\Z")
_AFTER_SIGN: Final = rx(r"\s*(?:[.,;:!?)]|\Z)|\s+(?:(?:its|their|his|her)\s+own|theirs|in|on|at|during|for|"
                        r"with\s+(?:Ukraine|Kyiv)|yesterday|today|it(?!\s+into)|"
                        r"last|this|too|also|together|separately|jointly|first|later|earlier|shortly|alongside)\b")
# an item that names the partner, then says "signed" after a dash or colon
_ITEM_SIGNED: Final = rx(r"(?:[-:]|\))\s+\Z")
_ITEM_HEAD: Final = 60
_FOR_PARTY: Final = rx(r"\s+(?:for|on behalf of)\s+(?:the\s+)?")
# "Finland, Latvia, Belgium and several others also signed": a list that says it is incomplete
# names agreements without reporting them.
_OTHERS: Final = rx(r"(?=a)\b(?:and|as well as|among)\s+(?:several|many|some|a few|a number of|various|numerous|"
                    r"\d+|two|three|four|five|six|seven|eight|nine|ten|other)\s+others?\b", re.I)
# "the G7 declaration agreed in Vilnius last July": the date and place of the declaration an
# agreement rests on are not the agreement's own.
_DECLARED: Final = r"\b[^.;,()]{0,60}(?:,\s+(?:agreed|adopted|issued|signed|made|endorsed|launched)\b[^.;,()]{0,60})?"
# "the accords that Western governments promised Kyiv at the NATO summit in Vilnius last July"
_PROMISED_AT: Final = r"\s+(?:[\w-]+\s+){0,3}?at\s+the\s+[^.;,()]{0,60}"
_DECLARATION: Final = rx("|".join([*(f"{w}(?<!\\w{w}){_DECLARED}" for w in ("Declaration", "declaration")),
                            *(f"{w}(?<!\\w{w}){_PROMISED_AT}" for w in ("promised", "pledged", "adopted", "issued"))]))
_G_DECLARATION: Final = Gate(_DECLARATION)
# A collective report of signings: "After yesterday's signings in Brussels, every Baltic state ...".
_SIGNINGS: Final = rx(r"\bsignings\b|\bsigning\s+ceremon(?:y|ies)\b", re.I)
_BATCH_PARAGRAPHS: Final = 1  # how far (in paragraphs) such a report dates the signings told after it
_EARLIER: Final = rx(r"(?:had(?<!\whad)|earlier(?<!\wearlier)|before(?<!\wbefore)|previously(?<!\wpreviously)"
                     r"|already(?<!\walready))\b")
# Nested bullets under a dated item ("- **16 February 2024** - two signings" / "  - Berlin: Olaf Scholz.")
_CHILD_ITEM: Final = rx(r"\n([ \t]+)(?:[-*+]|\d{1,2}[.)])[ \t]")
_ITEM: Final = rx(r"([ \t]*)(?:[-*+]|\d{1,2}[.)])[ \t]")
_SIGN_WORD: Final = rx(r"\bsign(?:s|ed|ings?)?\b", re.I)
# The place a timeline item opens with: "- **31 May 2024, Stockholm** - ...", "- Berlin: ..."
_ITEM_PLACE: Final = rx(r"[ \t]*(?:[-*+]|\d{1,2}[.)])[ \t]+(?:\*\*|__)?(?:[^*_\n,:]{4,30}?,[ \t]*)?"
                        r"(?P<c>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?:\*\*|__)?[ \t]*[:-][ \t]")
_COUNTED: Final = rx(r"(?=[\dtfsmd])\b(?:\d+|two|three|four|five|six|several|many|dozens of|\d+ new)\s+(?:\w+\s+)?"
                     r"(?:agreements|accords|deals|memoranda)\b", re.I)
# (a friendship or trade treaty is a text of another kind: its date and place are not the security agreement's)
_OTHER_SUBJECT = (r"(?:trade|free[- ]trade|grain|gas|loan|grant|investment|purchase|friendship|good[- ]neighbou?rliness"
                  r"|energy|nuclear|visa|aviation|air\s+transport|customs|tax|taxation|double\s+taxation|cultural"
                  r"|education|scientific|health|roaming|transit|fisheries|agricultural|readmission|extradition)")
_NOT_SECURITY: Final = rx(rf"\b{_OTHER_SUBJECT}\s+(?:agreements?|deals?|accords?|treat(?:y|ies))\b"
                          rf"|\b(?:agreements?|accords?|treat(?:y|ies))\s+(?:on|of|for)\s+{_OTHER_SUBJECT}\b", re.I)
_ENUM: Final = rx(rf"(?=[atpsdbl1])\b{_NOUN}\s+(?:that|which)?\s*(?:(?P<subj>[A-Z][\w.]*(?: [A-Z][\w.]*)?)\s+)?"
                         r"(?:has|have|had)?\s*(?:already\s+)?(?:concluded|signed|reached|struck)\s+with\s+", re.I)
_ENUM_SHORT: Final = rx(r"agreements(?<!\wagreements)\s+with\s+")
_TITLE_LEAD: Final = rx(
    r"(?:formally|officially)\s+(?:known\s+as|called|titled|entitled|named)\s+(?:the\s+)?"
    r"|\b(?:titled|entitled)\s+(?:the\s+)?\"?")
_TITLE_HEAD: Final = rx(r"(?:the\s+)?(?P<t>(?:Accord|Agreement|Treaty|Memorandum|Joint Security Commitments)"
                        r"\s+(?:on|between|of|for|concerning)\s+[A-Z])")
# _TITLE_HEAD from its title word on: tried where str.find finds one (see _title_head)
_TITLE_TAIL: Final = rx(r"(?:Accord|Agreement|Treaty|Memorandum|Joint Security Commitments)"
                        r"\s+(?:on|between|of|for|concerning)\s+[A-Z]")
_TITLE_CAPS: Final = ("Accord", "Agreement", "Treaty", "Memorandum", "Joint Security Commitments")
_TITLE_WORD: Final = rx(r"[ ]*(?:[A-Z][\w'-]*|of|on|and|for|between|the|in|to|-|&)(?=[ ,.;:\"')]|$)")
_PLACE: Final = rx(r"(?=[adioID])"
                   r"(?:\b(?:at|on the sidelines of|on the margins of|during|in the margins of)\s+(?:the\s+)?"
                   r"(?P<p>(?:[A-Z0-9][\w-]*\s+){0,4}summit(?:\s+in\s+[A-Z][\w-]+)?)"
                   r"|\b(?:in|In|Done at|done at)\s+(?P<c>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?=[\s,.;]))")
# _PLACE's second branch alone, for a sentence without "summit" (the word its first branch needs: there the
# two find the same matches). Each lead word comes first and checks the word start after it, so the
# engine skips by the set of their first letters the positions where none starts ("\b" first would
# have it try every position: about three times the instructions, measured on the sentences _place reads).
_CITY: Final = rx(r"(?:in(?<!\win)|In(?<!\wIn)|Done at(?<!\wDone at)|done at(?<!\wdone at))"
                  r"\s+(?P<c>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?=[\s,.;])")
_BASIS: Final = rx(r"(?=[ouipw])"
                   r"\b(?:on the basis of|under|in line with|in accordance with|pursuant to|within the framework of)"
                   r"\s+(?:the\s+)?(?P<b>(?:G7|Joint|joint)[^.;,()]{3,80}?)(?=[.;,(]|\s+(?:and|which|signed)\b|$)")
_NOT_PLACE: Final = frozenset(["January", "February", "March", "April", "May", "June", "July", "August",
                               "September", "October", "November", "December", "This", "That", "The", "It",
                               "Congress"])
HEAD_ROLES: Final = ("President", "Prime Minister", "Chancellor", "Federal Chancellor", "Taoiseach", "Premier",
                     "President of the European Council", "President of the European Commission")


_DOC_NOUN: Final = rx(r"(?=[atpsd])\b(?:agreements?|accords?|treaty|pact|security commitments|texts?|documents?|"
                             r"arrangements?)\b", re.I)
# ("each signed a document": each of those just named)
_COLLECTIVE: Final = rx(r"(?=[bae])\b(?:both|all\s+(?:three|four|five|six|the)|each\s+of\s+the|every"
                        r"|each(?=\s+(?:also\s+)?sign))\b", re.I)
# ("Germany signed a contract", "Sweden signed with a shipyard" sign something else)
_SIGNED_LEAD: Final = rx(r"\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:(?:[\w,]+\s+){0,3}?(?:Signed|signed)\b"
                         r"(?!\s+(?:a|an|the|its|their|his|her|this|that|contracts?|deals?"
                         r"|with(?!\s+(?:Ukraine|Kyiv)\b))\b)"
                         r"|Done at\b"
                                 # a fact sheet's "Signing date: 13 June 2024"
                                 r"|(?:[-*+]\s+)?(?:\*\*|__)?(?:Signing\s+date|Date\s+of\s+signing)(?:\*\*|__)?\s*:)")
# ("at the same table": one signing)
_SAME_EVENT: Final = rx(r"\bsame\s+(?:summit|day|occasion|ceremony|meeting|table)\b", re.I)
# A state that "followed (suit)" or "did the same" right after a reported signing signed too
# ("followed with a package", "followed up" are other things).
# ("Romania followed a day later": "a" before a span of time is when, not what)
_FOLLOW: Final = rx(r"(?=[dfs])\b(?:followed(?:\s+suit)?(?!\s+(?:with|up|by|through|on|from|closely|in\s+\d"
                    r"|a(?!\s+(?:day|week|few\s+days|month)\s+later)|an|its|his|her"
                    r"|their|the\s+(?:debate|talks|news|story))\b)|did\s+(?:the\s+same|likewise|so)|so\s+did)\b",
                            re.I)
# a signing refused or not (yet) made: "Hungary has refused to sign any such agreement", "Poland has not yet signed"
_NO_SIGN: Final = rx(r"\b(?:refus\w*|declin\w*|not|never|yet)\s+(?:\w+\s+)?(?:to\s+)?sign\w*|n't\s+(?:\w+\s+)?sign\w*",
                             re.I)
# (every match of _NO_SIGN holds one of these, lower-cased: most signing sentences hold none)
_NO_SIGN_KEYS: Final = ("refus", "declin", "not", "never", "yet", "n't")
_PEN: Final = rx(r"\bput\s+pen\s+to\s+paper\b", re.I)
# ("the same day" may be elsewhere)
_SAME_PLACE: Final = rx(r"\bsame\s+(?:summit|occasion|ceremony|meeting|venue|table)\b", re.I)
# Keyword tests run on the lower-cased sentence first: most sentences lack the words these
# patterns need, and a substring test costs far less than a regex scan (same results).
_G_COUNTED, _G_NOT_SECURITY = Gate(_COUNTED), Gate(_NOT_SECURITY)  # (27 keywords: Gate tests them by automaton)
_G_ENUM, _G_ENUM_SHORT = Gate(_ENUM), Gate(_ENUM_SHORT)
_G_TITLE_LEAD, _G_TITLE_HEAD, _G_BASIS = Gate(_TITLE_LEAD), Gate(_TITLE_HEAD), Gate(_BASIS)
_G_AGREEMENT, _G_DOC_NOUN, _G_SIGN = Gate(_AGREEMENT), Gate(_DOC_NOUN), Gate(_SIGN)
_G_COLLECTIVE: Final = Gate(_COLLECTIVE)
_EARLIER_KEYS: Final = ("had", "earlier", "before", "previously", "already")


def _collective(sent: str, low: str) -> bool:
    """``_COLLECTIVE.search(sent)``, after a keyword test on ``low``."""
    return _G_COLLECTIVE.may(low) and bool(_COLLECTIVE.search(sent))


def _earlier(sent: str) -> bool:
    """``_EARLIER.search(sent)`` (case-sensitive: every match holds one of its words)."""
    return any(k in sent for k in _EARLIER_KEYS) and bool(_EARLIER.search(sent))


def _doc_noun(sent: str, low: str) -> bool:
    """``_DOC_NOUN.search(sent)``, after a keyword test on ``low`` (the sentence lower-cased)."""
    return _G_DOC_NOUN.may(low) and bool(_DOC_NOUN.search(sent))


def _signed_lead(sent: str) -> bool:
    """``_SIGNED_LEAD.match(sent)`` (case-sensitive: every match holds "igned", "igning" or "Done at", which
    most sentences read here lack: they were read for "sign" or "signs")."""
    return ("igned" in sent or "igning" in sent or "Done at" in sent) and bool(_SIGNED_LEAD.match(sent))


def _one(sent: str) -> bool:
    """``_ONE.search(sent)`` (case-sensitive: every match holds "one")."""
    return "one" in sent and bool(_ONE.search(sent))


def _other_kind(sent: str, low: str, flags: int) -> bool:
    """A count of texts that says no security (``_COUNTED``), or a trade, grain ... agreement
    (``_NOT_SECURITY``). Each match holds an agreement noun as a whole word, or "deals" or
    "memoranda": where the candidate scan is sure of the sentence and saw no noun there (a third of
    the sentences read), a text without those two words matches neither, and no keyword test is made."""
    if not flags & (_HAS_NOUN | _UNSURE) and "deal" not in low and "memoranda" not in low:
        return False
    return bool((_G_COUNTED.may(low) and _COUNTED.search(sent) and not re.search(r"\b(?:security|bilateral)\b", sent))
                or (_G_NOT_SECURITY.may(low) and _NOT_SECURITY.search(sent)))


def _basis_possible(low: str) -> bool:
    """Whether ``_BASIS`` can match the sentence ``low`` is the fold of: every match names "G7",
    "Joint" or "joint" (rare) after its lead words (common: "under"), so those are looked up first."""
    return ("joint" in low or "g7" in low) and _G_BASIS.may(low)


def relate_agreements(ctx: Ctx, people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: dict[tuple[str, ...], dict[str, Any]] = {}
    last_date: str | None = None
    batch_date: str | None = None  # the day a collective report of signings gives
    batch_para = -1
    default_duration: float | None = None
    terms: dict[tuple[str, ...], float] = {}  # a term told of the pair a passage is about
    untils: dict[tuple[str, ...], int] = {}  # the year a term ends ("runs until 2034")
    last_place: str | None = None
    children = _child_signings(ctx)
    said = ctx.candidate_sentences()  # (the focus read the same scan)
    worded = sorted(said)
    more = set(ctx.sentences_matching(_MORE)) if any(k in ctx.text for k in _MORE_KEYS) else set()
    durations = ctx.by_sentence.get("duration", {})  # (most sentences have none: no generator for them)
    order = sorted(set(worded) | set(durations) | set(children) | more)
    queued = set(order)
    last_signing = -2  # the sentence of the last signing reported
    tied: set[str] | None = None  # partners the text ties to an agreement (computed when first needed)
    counted: _Counted | None = None  # "the summit produced three agreements": their partners come next
    while order:
        idx = heappop(order)
        s, e = ctx.sentences[idx]
        if ctx.withdrawn and ctx.is_withdrawn(s, e):
            continue  # "the article said that the agreement runs for five years": a correction withdrew it
        sent = ctx.text[s:e]
        low = ctx.low[s:e]  # (fold(sent): the document was folded once, offsets kept)
        if "signing" in low and _SIGNINGS.search(sent) and not _partners(ctx, idx):
            when = _sign_date(ctx, idx)
            if when and len(when) == 10:  # "after yesterday's signings in Brussels, every Baltic state ..."
                batch_date, batch_para = when, ctx.paragraph_of(idx)
        if "former" in low and "latter" in low and _SIGN.search(sent):
            paired = _former_latter(ctx, idx, s, sent)
            if paired:  # "Greece and Albania ... The former signed on 17 October 2024 and the latter on 21 January"
                for key, day in paired.items():
                    item = found.setdefault(key, {"parties": list(key), "mentioned_only": False, "_span": (s, e)})
                    item["mentioned_only"] = False
                    if len(day) >= len(item.get("date_signed") or ""):
                        item["date_signed"], item["_explicit"], item["_span"] = day, True, (s, e)
                last_signing = idx
                continue
        flags = said.get(idx, _UNSURE)  # (a sentence without a match of _CANDIDATE is read on its own)
        if flags & _UNSURE:
            noun = _G_AGREEMENT.may(low) and bool(_AGREEMENT.search(sent))
            doc_noun = noun or _doc_noun(sent, low)
        else:
            noun, doc_noun = bool(flags & _HAS_NOUN), bool(flags & _HAS_DOC_NOUN)
        # ("sign", "signs" or "signed" where the scan's bounds are the sentence's: _SIGN matches, unscanned)
        signing_verb = flags & (_HAS_SIGN | _UNSURE) == _HAS_SIGN
        duration = next((m.value for m in durations[idx] if m.extra["unit"] == "year"
                         and not ctx.is_withdrawn(m.start)), None) if idx in durations else None
        if duration and any(k in low for k in _NO_TERM_KEYS) and _no_term(ctx, idx, sent):
            duration = None
        parent = children.get(idx)
        bare = follows = False
        member = counted is not None and _counted_member(ctx, idx, s, e, counted)
        if not noun and not doc_noun and not _signed_lead(sent) and not _one(sent):
            bare = parent is None and "sign" in low and _bare_signing(ctx, idx, s, sent)
            # "Luxembourg signed on 10 July. Romania followed the next day." / "France did the same."
            follows = last_signing == idx - 1 and ("followed" in low or "did" in low) and bool(_FOLLOW.search(sent)) \
                and bool(_partners(ctx, idx))
            bare = bare or follows
            bare = bare or ("pen" in low and bool(_PEN.search(sent)))  # "... put pen to paper in Kyiv"
            bare = bare or member
            # "Croatia's Andrej Plenkovic hosted a signing in Dubrovnik on 9 October": the host signed
            bare = bare or ("hosted" in low and bool(_HOSTED_SIGNING.search(sent)) and bool(
                _partners(ctx, idx) or ctx.people_countries(s, e)))
            if parent is None and not bare:
                if duration and _collective(sent, low):
                    default_duration = default_duration or duration
                elif duration and _is_term(ctx, idx, s, sent):  # "It is concluded for ten years."
                    if _THEY.search(sent):  # "They each run for ten years."
                        default_duration = default_duration or duration
                    elif ctx.topic and ctx.topic[idx]:
                        terms.setdefault(ctx.topic[idx], duration)
                elif "until" in low and ctx.topic and ctx.topic[idx] and _IT.match(sent):
                    end = _until(sent)  # "It runs until 2034."
                    if end:
                        untils.setdefault(ctx.topic[idx], end)
                continue
        if noun and _enumeration(ctx, idx, s, sent, low, found):
            continue
        if not member and any(w in low for w in _NUMBER_WORDS):
            found_count = _counted_signings(ctx, idx, sent, low)
            if found_count is not None:
                counted = found_count
                for nxt in range(idx + 1, min(idx + 1 + _COUNT_SPAN, len(ctx.sentences))):
                    if nxt not in queued:  # (the members' sentences may hold no agreement word)
                        queued.add(nxt)
                        heappush(order, nxt)
        if _other_kind(sent, low, flags):
            continue
        if " " not in sent.strip():
            continue  # a lone column header "Signed" reports nothing
        # (a sentence that names no agreement, no lead "Signed" and no "one" got here only as bare,
        # member or a parent's child: those tests were made above)
        signed = parent is not None or bare or member or signing_verb or _signs(sent, low)
        if not signed and parent is None and ctx.in_sentence("date", idx) and _noun_dated(ctx, idx, s, sent):
            signed = True  # "its agreement of 28 May", "Its October agreement": the date dates its signing
        if signed and not member and parent is None and any(k in low for k in _NO_SIGN_KEYS) and _NO_SIGN.search(sent) \
                and not _SIGN_AFFIRMED.search(sent):
            signed = False  # "Hungary has refused to sign any such agreement": no signing, no date
        if signed and sent.rstrip().endswith("?"):  # (the cheap test first: few sentences ask)
            if _YES_NO.match(sent):
                signed = False  # "Did Spain sign?" asks; "When did Portugal sign?" takes the signing as given
            elif _MODAL_SIGN.search(sent):
                signed = False  # "How can a neutral country sign a security accord?" asks about any signing
        partners = set(_partners(ctx, idx))  # (a copy: signatories and venues change it)
        if signed:  # "Chancellor Olaf Scholz ... signed": a signatory names the partner
            partners |= {c for _, c in ctx.people_countries(s, e) if c not in (RECIPIENT, "RUS")}
            if len(partners) > 1 and " in " in sent:
                partners -= _venues(ctx, idx, s, e)
        if parent is not None and not partners:
            continue
        # the date and place of the declaration an agreement rests on (or of a promise made at a summit) are not its own
        declared = ([(s + m.start(), s + m.end()) for m in _DECLARATION.finditer(sent)]
                    if _G_DECLARATION.may(low) else [])
        if signed and " that " in low:
            declared += _speech_frame(ctx, s, sent)
        if signed and partners and "other" in low and _OTHERS.search(sent) and not _sign_date(ctx, idx, declared):
            for partner in sorted(partners):  # "Finland, Latvia and several others also signed": named only
                key = tuple(sorted({partner, RECIPIENT}))
                found.setdefault(key, {"parties": list(key), "mentioned_only": True, "_span": (s, e)})
            continue
        if partners and not signed and sent[:1] in "IT -*+" and _IT.match(sent) and _MODEL.search(sent):
            # "It is the second agreement of its kind after the British one, and it is to run for ten years":
            # the text in context is the subject; the British one is only named as the one before it
            models = {p.value for m in _MODEL.finditer(sent) for p in ctx.parties_in(idx, start=s + m.start(),
                                                                                     end=s + m.end())}
            for partner in sorted(partners & models):
                key = tuple(sorted({partner, RECIPIENT}))
                found.setdefault(key, {"parties": list(key), "mentioned_only": True, "_span": (s, e)})
            partners -= models
        explicit = bool(partners)
        collective = not partners and _collective(sent, low)  # (asked below only when no partner is named)
        if duration and not partners and (collective or re.search(r"\bagreements\b", sent)):
            default_duration = default_duration or duration  # "each concluded for ten years"
        if partners:
            keys = [tuple(sorted({p, RECIPIENT})) for p in sorted(partners)]
        else:
            if tied is None:
                tied = _tied_partners(ctx, worded)
            if collective:
                keys = [k for k, v in found.items() if not v["mentioned_only"]] or [ctx.topic[idx]]
            else:
                keys = [ctx.topic[idx]] if ctx.topic and ctx.topic[idx] else []
            # a pair carried from elsewhere counts only when the text ties its partner to an agreement,
            # or names it just before ("Latvia set the pattern. Its agreement was signed ...")
            near = _partners(ctx, idx - 1) if idx and ctx.paragraph_of(idx - 1) == ctx.paragraph_of(idx) \
                else frozenset()
            keys = [k for k in keys if k in found or set(k) - {RECIPIENT} <= tied | near]
            if signed and collective:  # "Nausėda went first ... Kallas followed. Each signed ...":
                keys += [k for k in _leaders_before(ctx, idx, s) if k not in keys]  # the leaders just named
        keys = [k for k in keys if len(k) == 2]
        if signed and _sign_word(sent) and _FUTURE_SIGN.search(sent):
            ahead = _future_signers(ctx, idx, s, e, keys)  # "Poland is expected to sign next week": not yet
            for key in [k for k in keys if k in ahead]:
                found.setdefault(key, {"parties": list(key), "mentioned_only": True, "_span": (s, e)})
                keys.remove(key)
            signed = bool(keys)
        if not keys:
            continue
        title = _title(sent, low) if len(keys) == 1 else None
        basis = _basis(sent) if _basis_possible(low) else None
        if not (signed or title or duration or basis or _compound(sent)):
            if partners and not (signing_verb or (_G_SIGN.may(low) and _SIGN.search(sent))):
                for key in _named_only(ctx, idx, s, e, partners):
                    found.setdefault(key, {"parties": list(key), "mentioned_only": True, "_span": (s, e)})
            continue
        date = _sign_date(ctx, idx, declared) if signed else None
        if parent is not None and date is None:
            date = _sign_date(ctx, parent)  # the dated item the nested one belongs to
        if member and counted is not None:
            date = counted.date  # (the money's "for 2024" in a member's sentence dates nothing)
            counted.left -= len(keys)
            if counted.left <= 0:
                counted = None
        entry = False  # dated by the liveblog entry it stands in (no date mention: the event is made here)
        answer = _answer(ctx, idx, sent) if signed and date is None else None
        if answer is not None:  # "When did Portugal sign?" / "On 28 May 2024, in Lisbon."
            date = _sign_date(ctx, answer)
        if signed and date is None and collective:
            date = _told_before(ctx, idx)  # "... two leaders came to sign." / "Each signed ...": that day
        if signed and date is None and not collective:
            # ("Spain had already signed its own" takes no date from the sentence before)
            # (nor does "France followed suit": later, on a day the text does not give)
            date = ((_previous_date(ctx, idx) if not (_earlier(sent) or follows) else None)
                    or (last_date if "same" in low and _SAME_EVENT.search(sent) else None)
                    or (batch_date if (explicit or (title if len(keys) == 1 else _title(sent, low)))
                        and not _earlier(sent)
                        and ctx.paragraph_of(idx) - batch_para <= _BATCH_PARAGRAPHS else None)
                    or _ceremony_date(ctx, idx)
                    or (_list_head_date(ctx, s) if ctx.text[s:s + 1] in "-*+" else None))
            if date is None and not _earlier(sent):
                date = _entry_day(ctx, s)
                entry = date is not None
        elif date and len(date) == 10 and date != batch_date:
            batch_date = None  # a signing dated on its own: the collective report no longer applies
        if date:
            last_date = date
        if signed:
            last_signing = idx
            if idx + 1 < len(ctx.sentences) and idx + 1 not in queued:  # "Romania followed the next day."
                queued.add(idx + 1)
                heappush(order, idx + 1)
        if signed and date and len(keys) > 1:
            earlier = _signed_earlier(ctx, idx, s, e)
            for key in [k for k in keys if set(k) & earlier]:  # "..., and Denmark had signed earlier"
                found.setdefault(key, {"parties": list(key), "mentioned_only": True, "_span": (s, e)})
                keys.remove(key)
        place = (_item_place(ctx, idx, s) or _place(sent, s, declared)) if signed else None
        if answer is not None and not place:
            a, b = ctx.sentences[answer]
            place = _place(ctx.text[a:b], a)
        if signed and not place and "same" in low and _SAME_PLACE.search(sent):
            place = last_place  # "Norway and Iceland signed their own agreements at the same summit"
        if place:
            last_place = place
        if place and len(keys) > 1 and (sum(1 for p in _place_pattern(sent).finditer(sent) if p["c"]) > 1
                                        or re.search(rf"\b{re.escape(place)},?\s+and\s+[A-Z]", sent)):
            place = None  # "signed in Berlin; ... in Paris", "in Berlin and Paris": which city is whose is unclear
        own = _own_dates(ctx, idx, keys) if signed and len(keys) > 1 else {}
        for key in keys:
            item = found.setdefault(key, {"parties": list(key), "mentioned_only": False, "_span": (s, e)})
            item["mentioned_only"] = False
            if signed:
                when = own.get(key, date)
                better = not item.get("date_signed") or len(when or "") > len(item["date_signed"]) or (
                    explicit and not item.get("_explicit"))
                if when and better:
                    item["date_signed"] = when
                    item["_explicit"] = explicit
                    item["_span"] = (s, e)
                    if entry:
                        item["_entry_event"] = True
                if place and not item.get("place"):
                    item["place"] = place
                signers = _signatories(ctx, idx, key, people, own=len(keys) > 1 and not collective)
                if signers and collective:  # "every agreement was signed by President Zelensky"
                    item["signatories"] = list(dict.fromkeys([*item.get("signatories", []), *signers]))
                elif signers and not item.get("signatories"):
                    item["signatories"] = signers
            if title and not item.get("title"):
                item["title"] = title
            if duration and not item.get("duration_years"):
                item["duration_years"] = int(duration) if float(duration).is_integer() else duration
            if not duration and len(keys) == 1 and "until" in low:
                end = _until(sent)
                if end:
                    untils.setdefault(key, end)
            if basis and not item.get("basis"):
                item["basis"] = basis
    for key, years in terms.items():
        told = found.get(key)
        if told and not told["mentioned_only"] and not told.get("duration_years"):
            told["duration_years"] = int(years) if float(years).is_integer() else years
    for key, end in untils.items():  # signed in 2024, runs until 2034: ten years
        told = found.get(key)
        if told and not told.get("duration_years") and told.get("date_signed"):
            span = end - int(told["date_signed"][:4])
            if 1 <= span <= 30:
                told["duration_years"] = span
    if default_duration:
        for item in found.values():
            if not item["mentioned_only"] and not item.get("duration_years"):
                item["duration_years"] = int(default_duration)
    return list(found.values())


# A duration is the agreement's term after a verb or noun of validity ("It is concluded for ten years",
# "runs for ten years", "valid for a decade"), or as the whole answer to "How long does it run?";
# not "for the three years 2024 to 2026" (a funding period).
_TERM_BEFORE: Final = rx(r"(?=[acdeilrtv])"
                         r"\b(?:runs?|running|ran|valid|concluded|lasts?|lasting|in\s+force|term|duration|expires?|"
                         r"applies|apply)\b[^.;:!?]{0,30}\Z", re.I)
_TERM_QUESTION: Final = rx(r"(?=[dehlrtv])\b(?:how\s+long|duration|term|valid|validity|run|runs|last|expire)\b", re.I)
_YEARS_AFTER: Final = rx(r"\s*(?:\(|,)?\s*(?:from\s+|in\s+|of\s+)?(?:19|20)\d\d\b")
# (or a table's row: "| Term | Ten years")
_TERM_LABEL = rx(r"\s*(?:\|\s*)?(?:[-*+]\s+)?(?:\*\*|__)?(?:Term|Duration|Validity|Valid\s+for|Length)(?:\*\*|__)?"
                 r"\s*[:\u2013\u2014|-]\s*(?:\*\*|__)?\s*\Z")
# who speaks, before an answer in a transcript or an FAQ: "GUEST: ", "A: ", "Minister of State: "
_SPEAKER: Final = rx(r"\s*[A-Z][\w.'()-]*(?:\s+[\w.'()-]+){0,4}:\s+")
# another text named as the one the text in context follows or resembles: "after the British one", "like the
# French text"
_MODEL: Final = rx(r"\b(?:after|before|like|unlike)\s+(?:the\s+)?[A-Z][\w-]+\s+(?:one|text|agreement|accord)\b")
# the agreement just told of (in a list item too: "- It runs for ten years.")
_IT: Final = rx(r"\s*(?:[-*+][ \t]+)?(?:It|This|That|(?:Its|The)\s+(?:term|validity|duration))\b")
_THEY: Final = rx(r"(?=[teab])\b(?:they|each|all|both|these|those)\b", re.I)


_UNTIL: Final = rx(r"\b(?:runs?|running|valid|remains?\s+in\s+(?:force|effect)|in\s+(?:force|effect)|lasts?|expires?"
                   r"|applies|covers\s+the\s+(?:period|years))\s+(?:(?:up\s+)?until|till|to|through|in)\s+"
                   r"(?:the\s+end\s+of\s+)?(?P<y>20\d\d)\b(?!\s*(?:-|to)\s*20\d\d)", re.I)


# sentences with no agreement word that may still report a signing or a term (one scan finds them,
# and only in a text holding one of the keys: substring tests cost far less than the scan); the
# sentence after a signing is read too ("Romania followed the next day")
_MORE: Final = rx(f"{_PEN.pattern}|{_UNTIL.pattern}", re.I)
_MORE_KEYS: Final = ("pen to paper", "until", "Until", "till ", "xpire")


def _until(sent: str) -> int | None:
    m = _UNTIL.search(sent)
    return int(m["y"]) if m else None


def _is_term(ctx: Ctx, idx: int, s: int, sent: str) -> bool:
    for m in ctx.in_sentence("duration", idx):
        if m.extra["unit"] != "year" or _YEARS_AFTER.match(ctx.text, m.end):
            continue
        if _TERM_BEFORE.search(ctx.text, s, m.start) and (_IT.match(sent) or _THEY.search(sent)):
            return True  # (not "The fund runs for three years")
        if _TERM_LABEL.match(ctx.text, s, m.start):
            return True  # a fact sheet's "Term: 10 years"
        if idx and _answers_with(ctx, s, sent, m) and _TERM_QUESTION.search(ctx.sent_text(idx - 1)) \
                and ctx.sent_text(idx - 1).rstrip().endswith("?"):
            return True  # "How long does it run?" / "Ten years." (or "GUEST: Ten years, and it can be extended.")
        if len(sent.strip(" .!")) <= len(m.text) + 6 and idx and _TERM_QUESTION.search(ctx.sent_text(idx - 1)):
            return True  # "How long does it run?" / "Ten years."
    return False


def _answers_with(ctx: Ctx, s: int, sent: str, m: Mention) -> bool:
    """The sentence opens with the duration, after a speaker's label if any: an answer to a question."""
    label = _SPEAKER.match(sent) if ":" in sent[:40] else None
    return bool(m.start - s - (label.end() if label else len(sent) - len(sent.lstrip())) == 0)


_PARTY_LABEL_KEYS: Final = ("Parties", "Partner", "Counterpart", "Signator")
_PARTY_LABEL: Final = rx(r"(?:^|\n|\.\s)[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:Parties|Partners?|Counterpart|"
                         r"Signatories|Signatory\s+states?)(?:\*\*|__)?[ \t]*:")


def _tied_partners(ctx: Ctx, worded: list[int]) -> set[str]:
    """Partners named in a sentence with an agreement word or a signing (or by a person named
    there): "researchers from Ukraine and Moldova" elsewhere does not make a Moldovan agreement."""
    out: set[str] = set()
    for idx in worded:
        out |= _partners(ctx, idx)
    chosen = set(worded)
    out.update(c for a, _, c in ctx.person_countries if ctx.sentence_of(a) in chosen)  # one pass over people
    for section in ctx.doc.sections:  # a fact sheet's heading "Spain" or "Ukraine - Spain" over its facts
        if section.title and len(section.title.split()) <= 4:
            first = ctx.sentence_of(section.start)
            out |= _partners(ctx, first)
            line_end = ctx.text.find("\n", section.start)
            # ("## Slide 2. Canada" is two sentences: the partner is in the second)
            if first + 1 < len(ctx.starts) and ctx.starts[first + 1] < (line_end if line_end >= 0 else len(ctx.text)):
                out |= _partners(ctx, first + 1)
    for at in _party_labels(ctx.text):  # "Parties: Ukraine and Japan"
        out |= _partners(ctx, ctx.sentence_of(at))
    return out


_LABEL_LEAD: Final = frozenset(" \t*_+-")  # what may stand between a label's line start and its word


def _party_labels(text: str) -> set[int]:
    """The starts of the matches of ``_PARTY_LABEL.finditer(text)``, found from the label words instead of
    by a scan of every position. A match runs from its start (the text's, a line's, or ". ") over spaces,
    a bullet and bold marks to its word: so it starts at one of the two places before that run, or at
    its start, and the first of those where the pattern matches is where the scan finds it."""
    out: set[int] = set()
    for key in _PARTY_LABEL_KEYS:
        at = text.find(key)
        while at >= 0:
            lead = at
            while lead and text[lead - 1] in _LABEL_LEAD:
                lead -= 1
            for start in range(max(0, lead - 2), lead + 1):
                if _PARTY_LABEL.match(text, start):
                    out.add(start)
                    break
            at = text.find(key, at + 1)
    return out


def _bare_signing(ctx: Ctx, idx: int, s: int, sent: str) -> bool:
    """A signing verb right after the states or people who sign ("Sweden, Norway and Iceland sign"),
    or followed by the state signed for ("signs for Denmark"); not "Germany signed a contract"."""
    for m in _BARE_SIGN.finditer(sent):
        pos, after = s + m.start(), s + m.end()
        if m.start() <= _ITEM_HEAD and _ITEM_SIGNED.search(sent, 0, m.start()) and ctx.parties_in(idx, end=pos):
            return True  # "1. Germany (16 February 2024) - signed in Berlin by Olaf Scholz"
        f = _FOR_PARTY.match(ctx.text, after)
        if f and any(p.start == f.end() for p in ctx.parties_in(idx)):
            return True
        if not _AFTER_SIGN.match(ctx.text, after, s + len(sent)) and not any(
                d.start == after + 1 for d in ctx.in_sentence("date", idx)):  # "signed a week later"
            continue
        ends = [p.end for p in ctx.parties_in(idx)] + [p.end for p in ctx.in_sentence("person", idx)]
        if any(end <= pos and _SUBJECT_GAP.fullmatch(ctx.text, end, pos) for end in ends):
            return True
    return False


def _child_signings(ctx: Ctx) -> dict[int, int]:
    """Nested bullets under an item that reports signings without naming who signed
    ("- 16 February 2024 - two signings on one day" / "  - Berlin: Olaf Scholz."): sentence -> parent."""
    out: dict[int, int] = {}
    text = ctx.text
    if "\n " not in text and "\n\t" not in text:
        return out
    for m in _CHILD_ITEM.finditer(text):
        indent = len(m.group(1))
        line_end = m.start()
        parent = None
        for _ in range(20):  # up the list to the item it is nested in
            start = text.rfind("\n", 0, line_end) + 1
            if not text[start:line_end].strip():
                break  # a blank line ends the list
            item = _ITEM.match(text, start, line_end)
            if item and len(item.group(1)) < indent:
                parent = ctx.sentence_of(item.end())
                break
            if start == 0:
                break
            line_end = start - 1
        if parent is None:
            continue
        ps, pe = ctx.sentences[parent]
        if (_SIGN_WORD.search(text, ps, pe) and not _partners(ctx, parent)
                and not ctx.people_countries(ps, pe)):
            out[ctx.sentence_of(m.end())] = parent
    return out


def _item_place(ctx: Ctx, idx: int, s: int) -> str | None:
    """The place a list item opens with, when the sentence opens the item."""
    line_start = ctx.text.rfind("\n", 0, s + 1) + 1
    m = _ITEM_PLACE.match(ctx.text, line_start)
    if not m or s > m.start("c") or m["c"].split()[0] in _NOT_PLACE:  # (the sentence opens the item)
        return None
    if any(p.start == m.start("c") for p in ctx.in_sentence("party", idx)):
        return None  # "- Sweden: SEK 75 billion" names a state, not a place
    return m["c"]


_PASSIVE: Final = frozenset(["were", "was", "are", "is", "been", "being", "got"])
_BY_WITH: Final = rx(r"\b(?<!together )(?<!along )(?<!jointly )(?:by|with|like|as)\s+(?:the\s+)?\Z")


_CLAUSE: Final = rx(r"[;:]\s+|,\s+(?=(?:and|but|while|whereas|so|although)\b)")


# a signing still to come: "will sign", "is expected to sign", "plans to sign", "is to be signed"
_FUTURE_SIGN: Final = rx(r"(?=[wsiaphe])"
                         r"\b(?:will|would|shall|(?:is|are)\s+(?:expected|due|set|scheduled|planning|going|about|"
                         r"poised|likely|ready|hoping)|plans?|planned|intends?|hopes?|aims?|wants?|expects?|"
                         r"(?:is|are)(?=\s+to\s+(?:sign|be\s+signed)))\s+(?:to\s+)?(?:\w+\s+)?(?:sign|be\s+signed)\b")


def _sign_word(sent: str) -> bool:
    """Whether ``sent`` has the word "sign", or "signed" after whitespace and "be": every match of
    _FUTURE_SIGN ends in one (most signings say "signed", "signing": the scan is spared)."""
    at = sent.find("sign")
    while at >= 0:
        nxt = at + 4
        if nxt == len(sent) or not (sent[nxt].isalnum() or sent[nxt] == "_"):  # (\b after "sign")
            return True
        if at and sent[at - 1].isspace() and sent.startswith("signed", at) and sent[:at].rstrip().endswith("be"):
            return True
        at = sent.find("sign", nxt)
    return False


def _future_signers(ctx: Ctx, idx: int, s: int, e: int, keys: list[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The pairs of the clauses that tell of a signing to come (all of them when no clause names one)."""
    text = ctx.text
    out: set[tuple[str, ...]] = set()
    pos = s
    for cut in [*(s + m.start() for m in _CLAUSE.finditer(text[s:e])), e]:
        here = {tuple(sorted({p.value, RECIPIENT})) for p in ctx.parties_in(idx, start=pos, end=cut)}
        here |= {tuple(sorted({c, RECIPIENT})) for _, c in ctx.people_countries(pos, cut)}
        if _FUTURE_SIGN.search(text, pos, cut):
            out |= here or (set(keys) if pos == s and cut == e else set())  # (one clause: the pairs it is about)
        pos = cut
    return out


def _signed_earlier(ctx: Ctx, idx: int, s: int, e: int) -> set[str]:
    """Partners named in a clause of their own that says they signed before, without a date of its own
    ("Norway signed at the same summit, and Denmark and Finland had signed theirs earlier in the year")."""
    out: set[str] = set()
    dates = [m.start for m in ctx.in_sentence("date", idx) if m.value and len(m.value) == 10]
    pos = s
    for cut in [*(s + m.start() for m in _CLAUSE.finditer(ctx.text[s:e])), e]:
        if _EARLIER.search(ctx.text, pos, cut) and not any(pos <= d < cut for d in dates):
            out.update(p.value for p in ctx.parties_in(idx, start=pos, end=cut))
        pos = cut
    return out


_WERE_SIGNED: Final = rx(r"(?:were(?<!\wwere)|have(?<!\whave)\s+been|had(?<!\whad)\s+been)\s+(?:\w+\s+)?signed\b")


def _own_dates(ctx: Ctx, idx: int, keys: list[tuple[str, ...]]) -> dict[tuple[str, ...], str]:
    """Each partner's own date when the sentence gives several: the first date after the partner
    with no other partner in between, or else the next partner's ("Spain signed on 27 May and
    Belgium on 28 May", "Spain (27 May), Belgium (28 May)", "Germany and France on 16 February,
    Italy on 24 February")."""
    dates = sorted((m.start, m.value) for m in ctx.in_sentence("date", idx)
                   if m.value and not m.extra.get("deadline") and not ctx.is_withdrawn(m.start, m.end))
    if len({v for _, v in dates}) < 2:
        return {}
    named = [p for p in ctx.parties_in(idx) if tuple(sorted({p.value, RECIPIENT})) in keys]
    out: dict[tuple[str, ...], str] = {}
    s, e = ctx.sentences[idx]
    cuts = [s, *(s + m.end() for m in _CLAUSE.finditer(ctx.text[s:e])), e]
    for a, b in pairwise(cuts):  # "On 16 February A and B signed, and on 24 February C did": one date a clause
        here = [p for p in named if a <= p.start < b]
        days = {v for d, v in dates if a <= d < b}
        if here and len(days) == 1:
            out.update((tuple(sorted({p.value, RECIPIENT})), next(iter(days))) for p in here)
    if len(out) == len(keys) and len(set(out.values())) > 1:
        return out
    out = {}
    carry: str | None = None
    for i in range(len(named) - 1, -1, -1):  # (from the last partner back: a bare one takes the next one's)
        p = named[i]
        limit = named[i + 1].start if i + 1 < len(named) else None
        mine = next((v for a, v in dates if a >= p.end and (limit is None or a < limit)), None)
        carry = mine or carry
        if carry:
            out.setdefault(tuple(sorted({p.value, RECIPIENT})), carry)
    return out if len(out) == len(keys) else {}


_YES_NO: Final = rx(r"\s*(?:Q\s*[:.]\s*)?(?:Did|Does|Do|Has|Have|Had|Will|Would|Could|Can|Should|Shall|Is|Are|"
                    r"Was|Were|"
                    r"Might|May)\b")
_MODAL_SIGN: Final = rx(r"(?=[cswm])\b(?:can|could|should|would|might|may|must)\b[^?.;]{0,60}?\bsign\b", re.I)
_CEREMONY: Final = rx(r"(?=[cs])\b(?:ceremony|signing)\b[^.;]{0,40}\b(?:took\s+place|was\s+held|happened|came)\b",
                              re.I)


def _answer(ctx: Ctx, idx: int, sent: str) -> int | None:
    """The sentence answering a question about a signing ("When did Portugal sign?" / "A: On 28 May")."""
    if not sent.rstrip().endswith("?") or idx + 1 >= len(ctx.sentences):
        return None
    a, b = ctx.sentences[idx + 1]
    return idx + 1 if b - a <= 200 and not ctx.text[a:b].rstrip().endswith("?") else None


# A liveblog entry: a clock time opens its line, or stands on the line before ("12:35" / "Breaking: ...")
# ("12.35" with a dot only before a separator or the line's end: "3.12 Denmark shall" numbers a clause)
_CLOCK: Final = rx(r"[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:[01]?\d|2[0-3])(?::[0-5]\d(?:\s*(?:[ap]\.?m\.?|CET|CEST|GMT|"
                   r"UTC|local))?(?:\*\*|__)?(?:[ \t]*[-\u2013\u2014:|]|[ \t]*$|[ \t]+(?=[A-Z]))"
                   r"|\.[0-5]\d(?:\*\*|__)?(?:[ \t]*[-\u2013\u2014:|]|[ \t]*$))", re.I | re.M)


def _entry_day(ctx: Ctx, s: int) -> str | None:
    """The day of a dated liveblog for a signing told in one of its timed entries without a date of its own
    ("18:05 Update: The United States and Ukraine have signed ..."): the entries are that day's news."""
    if ctx.doc.reference is None or ctx.doc.reference_source not in ("given", "text"):
        return None
    text = ctx.text
    line = text.rfind("\n", 0, s) + 1
    if _CLOCK.match(text, line):
        return ctx.doc.reference.isoformat()
    prev_end = line - 1
    while prev_end > 0 and text[prev_end - 1] in "\n \t":
        prev_end -= 1
    prev = text.rfind("\n", 0, prev_end) + 1
    m = _CLOCK.match(text, prev, prev_end)
    return ctx.doc.reference.isoformat() if m and m.end() >= prev_end - 1 else None


def _list_head_date(ctx: Ctx, s: int) -> str | None:
    """The date of the line a bulleted list hangs under, for a signing told in one of its items: a
    timeline's "16 February 2024, Paris" over "- Earlier in the day, ..." / "- In the evening, X and Y
    sign ..." (only a short line that opens with its date heads the items; up to 12 items above)."""
    text = ctx.text
    line_end = text.rfind("\n", 0, s)
    for _ in range(12):
        if line_end <= 0:
            return None
        start = text.rfind("\n", 0, line_end) + 1
        if not text[start:line_end].strip():
            return None  # a blank line ends the list
        if not _ITEM.match(text, start, line_end):
            if line_end - start > 60:
                return None
            idx = ctx.sentence_of(start)
            return _sign_date(ctx, idx) if any(m.start == start for m in ctx.in_sentence("date", idx)) else None
        line_end = start - 1
    return None


def _ceremony_date(ctx: Ctx, idx: int) -> str | None:
    """The date of the next sentence when it dates the ceremony ("The ceremony took place on 28 May")."""
    if idx + 1 >= len(ctx.sentences) or ctx.paragraph_of(idx + 1) != ctx.paragraph_of(idx):
        return None
    a, b = ctx.sentences[idx + 1]
    return _sign_date(ctx, idx + 1) if _CEREMONY.search(ctx.text, a, b) else None


def _named_only(ctx: Ctx, idx: int, s: int, e: int, partners: set[str]) -> list[tuple[str, ...]]:
    """Partners a sentence ties to an agreement without any signing: "the pattern set by the United
    Kingdom", "texts with France, Germany and Italy", "the British and German agreements",
    "Finland's text", "Finland and Denmark already have similar agreements"."""
    text = ctx.text
    out: list[tuple[str, ...]] = []
    named = [p for p in ctx.parties_in(idx) if p.value in partners]
    tied_before = False
    for i, p in enumerate(named):
        listed = i and tied_before and _NAMED_GAP.fullmatch(text, named[i - 1].end, p.start)
        tied = bool(listed or _BY_WITH.search(text, max(s, p.start - 25), p.start)
                    or (text.startswith("'s", p.end) and _NOUN_AFTER.match(text, p.end))
                    or p.extra.get("kind") == "demonym")
        tied_before = tied
        if tied:
            out.append(tuple(sorted({p.value, RECIPIENT})))
    if named and not out:  # "Finland and Denmark already have similar agreements"
        last = named[-1]
        if _HAVE_THEIRS.match(text, last.end) and all(
                _NAMED_GAP.fullmatch(text, a.end, b.start) for a, b in pairwise(named)):
            out = [tuple(sorted({p.value, RECIPIENT})) for p in named]
    return out


def _told_before(ctx: Ctx, idx: int) -> str | None:
    """The day of the signing the paragraph before tells in its last sentence, without naming who signed
    ("..., and two Baltic leaders came to sign."), for a collective signing told after it."""
    para = ctx.paragraph_of(idx)
    if para < 2 or not ctx.doc.paragraphs:
        return None
    last = ctx.sentence_of(ctx.doc.paragraphs[para - 1][0]) - 1  # (the sentence before this paragraph's first)
    if last < 0 or "sign" not in ctx.low[ctx.sentences[last][0]:ctx.sentences[last][1]] or _partners(ctx, last):
        return None
    day = _sign_date(ctx, last)
    return day if day and len(day) == 10 else None


def _leaders_before(ctx: Ctx, idx: int, s: int) -> list[tuple[str, ...]]:
    """The pairs of the partners whose leaders the paragraph names before ``s``."""
    para = ctx.doc.paragraphs[ctx.paragraph_of(idx) - 1][0] if ctx.doc.paragraphs else 0
    return list(dict.fromkeys(tuple(sorted({c, RECIPIENT})) for _, c in ctx.people_countries(para, s)
                              if c not in (RECIPIENT, "RUS")))


def _previous_date(ctx: Ctx, idx: int) -> str | None:
    """A signing sentence without a date takes the one its paragraph gave just before."""
    if idx == 0 or ctx.paragraph_of(idx - 1) != ctx.paragraph_of(idx):
        return None
    return _sign_date(ctx, idx - 1)


def _named(ctx: Ctx, idx: int) -> list[str]:
    return [m.value for m in ctx.parties_in(idx)]


_MEMBERS_AFTER: Final = rx(r"\s+(?:member\s+)?(?:states?|countries|members|capitals|governments|leaders)\b")
_NOUN_AFTER: Final = rx(r"(?:'s)?\s+(?:[\w-]+\s+)?(?:agreement|accord|text|document)s?\b"
                        r"|\s+ones?\b(?!-|\s+(?:billion|million|of|year|day)\b)")  # ("the Norwegian one was signed")
# an agreement told of by an adjective and "one": "The Norwegian one was signed the same day"
_ONE: Final = rx(r"\b(?:[A-Z][a-z]+|latest|first|last|new|other|earlier|previous)\s+ones?\b(?!-)"
                 r"(?!\s+(?:billion|million|of|year|day)\b)")
# partners who "have similar agreements", "already have their own texts"
_HAVE_THEIRS: Final = rx(r"\s+(?:(?:already|also|now|each|both|all)\s+)*(?:has|have|had)\s+"
                         r"(?:(?:already|also|now)\s+)?"
                         r"(?:(?:similar|such|comparable|equivalent|their\s+own|its\s+own|own|bilateral|security|"
                         r"long-term|ten-year|10-year|an?)\s+)*(?:agreements?|accords?|texts?|deals?)\b")
_NAMED_GAP: Final = rx(r",\s*(?:and\s+)?(?:the\s+)?|\s+(?:and|or)\s+(?:the\s+)?|,?\s+as\s+well\s+as\s+(?:the\s+)?")
# "The Spanish, Belgian and Norwegian agreements": every demonym of the list is on the noun
_LIST_GAP: Final = rx(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")


def _partners(ctx: Ctx, idx: int) -> frozenset[str]:
    """Partners a sentence names; a demonym counts only on an agreement ("the Finnish agreement").
    (Asked of the same sentence several times: found once per document.)"""
    known = ctx.agreement_partners.get(idx)
    if known is None:
        known = ctx.agreement_partners[idx] = frozenset(_find_partners(ctx, idx))
    return known


def _find_partners(ctx: Ctx, idx: int) -> set[str]:
    out = set()
    on_noun = -1  # start of the demonym after this one when that one is on the noun
    for m in reversed(ctx.parties_in(idx)):
        if m.extra.get("kind") == "demonym":
            if not (_NOUN_AFTER.match(ctx.text, m.end) or (on_noun > m.end and _LIST_GAP.fullmatch(
                    ctx.text, m.end, on_noun))):
                on_noun = -1
                continue
            on_noun = m.start
        else:
            on_noun = -1
        if m.value in ORGS_AS_DONORS and _MEMBERS_AFTER.match(ctx.text, m.end):
            continue  # "the 21st EU member state to sign such a text" is one of its members' agreements
        if m.value in ORGS_AS_DONORS and JOINED_BEFORE.search(ctx.text, max(0, m.start - 30), m.start):
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


_COMPOUND: Final = rx(r"[A-Z][a-z]+-[A-Z][a-z]+\s+(?:security\s+)?(?:agreement|accord)")


def _compound(sent: str) -> bool:
    return "-" in sent and bool(_COMPOUND.search(sent))


def _enumeration(ctx: Ctx, idx: int, s: int, sent: str, low: str,
                 found: dict[tuple[str, ...], dict[str, Any]]) -> bool:
    m = _ENUM.search(sent) if "with" in low and _G_ENUM.may(low) else None  # (every match ends "with ")
    if m and m["subj"] and m["subj"].lower() in _PASSIVE:
        return False  # "Agreements were signed with A and B on 31 May" reports signings
    if not m:
        m = _ENUM_SHORT.search(sent) if _G_ENUM_SHORT.may(low) else None
        if not m or _SIGN.search(sent, 0, m.start()):
            return False  # "Ukraine concluded agreements with A and B" reports signings
    if "signed" in low and _WERE_SIGNED.search(sent, m.end()):
        return False  # "the agreements with A (27 May) and B (28 May) were each signed in ..." reports signings
    list_start = s + m.end()
    if _own_signings(ctx, idx, m.group()):
        return False
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


# "Scholz and Zelensky signed in Germany": a country told as the place of a signing
_VENUE: Final = rx(r"\b(?:in|at)\s+(?:the\s+)?\Z")


def _venues(ctx: Ctx, idx: int, s: int, e: int) -> set[str]:
    """Countries a signing sentence names only as its place, when no signatory there is of that country."""
    signers = {c for _, c in ctx.people_countries(s, e)}
    named = ctx.parties_in(idx)
    starts = [p.start for p in named]
    # (not "signed agreements in Germany and France": a list of places may be a list of partners)
    return {p.value for p in named if p.value not in signers and _VENUE.search(ctx.text, max(s, p.start - 30), p.start)
            and not any(p.end < a <= p.end + 8 for a in starts)}


# Reported speech: "A minister told an audience in Winnipeg on Monday that the agreement Canada had signed
# in Kyiv two days earlier ...": the date and place before "that" are the speech's, not the signing's.
_SPEECH: Final = rx(r"(?=[aenrst])\b(?:said|says|told|tells|announced|explained|recalled|noted|stated|reported|added|"
                    r"stressed|reminded)\b[^.;:]{0,120}?\bthat\b")


def _speech_frame(ctx: Ctx, s: int, sent: str) -> list[tuple[int, int]]:
    m = _SPEECH.search(sent)
    if not m or not _SIGN.search(sent, m.end()):
        return []
    return [(s, s + m.end())]


# "the text has no fixed term; it is to be reviewed within ten years": a review date is no term, and a
# text said to have no term has none
_NO_TERM: Final = rx(r"\bno\s+(?:fixed\s+|set\s+|end\s+)?(?:term|end\s+date|expiry(?:\s+date)?|time\s+limit)\b"
                     r"|\b(?:indefinite(?:ly)?|open-ended|unlimited\s+(?:duration|period|time))\b", re.I)
_REVIEW_BEFORE: Final = rx(r"(?=[aer])\b(?:review\w*|revis\w*|evaluat\w*|assess\w*|renegotiat\w*)\b[^.;]{0,30}?"
                           r"\b(?:within|after|every|in)\s+(?:the\s+first\s+)?\Z", re.I)
_NO_TERM_KEYS = ("term", "expir", "indefinite", "open-ended", "unlimited", "review", "revis", "evaluat", "assess",
                 "renegotiat", "end date", "time limit")


def _no_term(ctx: Ctx, idx: int, sent: str) -> bool:
    """Whether the sentence's years are no term of the agreement: it says there is none, or every year
    count dates a review ("reviewed within ten years at the latest")."""
    if _NO_TERM.search(sent):
        return True
    years = [m for m in ctx.in_sentence("duration", idx) if m.extra["unit"] == "year"]
    return bool(years) and all(_REVIEW_BEFORE.search(ctx.text, max(0, m.start - 50), m.start) for m in years)


_FORMER: Final = rx(r"\bthe\s+former\b", re.I)
_LATTER: Final = rx(r"\bthe\s+latter\b", re.I)


def _former_latter(ctx: Ctx, idx: int, s: int, sent: str) -> dict[tuple[str, ...], str]:
    """Each of two partners' own signing dates when "the former" and "the latter" name them: the first
    and the last partner named before "the former" (in the sentence, else in the one before it, in the
    same paragraph); each takes the first date after its word."""
    former, latter = _FORMER.search(sent), _LATTER.search(sent)
    if not former or not latter:
        return {}
    named = [p.value for p in ctx.parties_in(idx, end=s + min(former.start(), latter.start()))]
    if len(set(named) - {RECIPIENT, "RUS"}) < 2 and idx and ctx.paragraph_of(idx - 1) == ctx.paragraph_of(idx):
        named = [p.value for p in ctx.parties_in(idx - 1)]
    named = [v for v in dict.fromkeys(named) if v not in (RECIPIENT, "RUS")]
    if len(named) != 2:
        return {}
    dates = sorted((m.start - s, m.value) for m in ctx.in_sentence("date", idx)
                   if m.value and not m.extra.get("deadline") and not m.extra.get("since"))
    out: dict[tuple[str, ...], str] = {}
    for word, partner, other in ((former, named[0], latter), (latter, named[1], former)):
        stop = other.start() if other.start() > word.end() else len(sent)
        day = next((v for a, v in dates if word.end() <= a < stop), None)
        if day:
            out[tuple(sorted({partner, RECIPIENT}))] = day
    return out


_PLURAL_NOUN: Final = rx(r"(?=[atpdc])\b(?:agreements|accords|treaties|pacts|deals|commitments)\b", re.I)


def _own_signings(ctx: Ctx, idx: int, head: str) -> bool:
    """Whether "the agreement signed with the Netherlands in Kharkiv on 1 March 2024 with the one
    signed with Latvia ..." reports signings rather than listing partners: a list needs a plural noun,
    and a day given in the sentence dates a signing, which a bare list of partners does not."""
    if not _PLURAL_NOUN.search(head):
        return True
    return any(m.value and len(m.value) == 10 and not m.extra.get("since") for m in ctx.in_sentence("date", idx))


def _title(sent: str, low: str) -> str | None:
    lead = _TITLE_LEAD.search(sent) if _G_TITLE_LEAD.may(low) else None
    pos = lead.end() if lead else None
    if pos is None:
        pos = _title_head(sent)
        if pos is None:
            return None
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


def _title_head(sent: str) -> int | None:
    """``_TITLE_HEAD.search(sent).start("t")``: the first title word that opens a title. (A match that
    opens with "the" has its title word right after, and no title word starts inside "the ", so the
    first match's is the first word where _TITLE_TAIL matches; str.find finds the capitalised words,
    where a scan would try every position.)"""
    best = -1
    for key in _TITLE_CAPS:
        at = sent.find(key)
        while at >= 0 and (best < 0 or at < best):
            if _TITLE_TAIL.match(sent, at):
                best = at
                break
            at = sent.find(key, at + 1)
    return best if best >= 0 else None


def _basis(sent: str) -> str | None:
    m = _BASIS.search(sent)
    return m["b"].strip() if m else None


def _place_pattern(sent: str) -> Rx:
    """``_PLACE``, or where it cannot match a summit, ``_CITY``: the same matches, found by a cheaper scan."""
    return _PLACE if "summit" in sent else _CITY


def _place(sent: str, s: int = 0, skip: list[tuple[int, int]] | None = None) -> str | None:
    pattern = _place_pattern(sent)
    for m in pattern.finditer(sent):
        if skip and any(a <= s + m.start() < b for a, b in skip):
            continue
        if pattern is _PLACE and m["p"]:
            return m["p"].strip()
        if m["c"] and m["c"].split()[0] not in _NOT_PLACE:
            return m["c"]
    return None


# (a signing told beside the refusal still stands: "Slovakia refused to sign, but Czechia signed on 18 July")
_SIGN_AFFIRMED: Final = rx(r"(?=[bwa])\b(?:but|while|whereas|and)\s+(?:[\w-]+\s+){0,4}?(?:signed|concluded|inked)\b")
_HOSTED_SIGNING: Final = rx(r"\bhosted\s+(?:a|the)\s+signing\b")


@dataclass
class _Counted:
    """A counted signing with no partner named: "The summit on 31 May produced three agreements"."""
    idx: int
    date: str
    left: int  # members still to come


_NUMBER_WORDS: Final = ("two", "three", "four", "five", "six")
_COUNT_SIGNED: Final = rx(r"(?=[tfs])\b(?P<n>two|three|four|five|six)\s+(?:[\w-]+\s+){0,2}"
                          r"(?:agreements|texts|accords|documents|deals)\b", re.I)
_G_COUNT_SIGNED: Final = Gate(_COUNT_SIGNED)
_COUNT_N: Final = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNT_SPAN: Final = 3  # sentences after the count that may name its members


def _counted_signings(ctx: Ctx, idx: int, sent: str, low: str) -> _Counted | None:
    """A sentence that reports a number of texts signed on a day without naming whose ("Start with the two
    texts signed at Blenheim Palace on 18 July."): the next sentences of its paragraph name them."""
    m = _COUNT_SIGNED.search(sent) if _G_COUNT_SIGNED.may(low) else None
    if m is None or not _signs(sent, low) or _partners(ctx, idx) or _FUTURE_SIGN.search(sent):
        return None
    when = _sign_date(ctx, idx)
    if not when or len(when) != 10:
        return None
    return _Counted(idx, when, _COUNT_N[m["n"].lower()])


def _counted_member(ctx: Ctx, idx: int, s: int, e: int, counted: _Counted) -> bool:
    """A sentence just after a counted signing, in its paragraph, that names a partner (a state, or a
    leader of one: "Czech Prime Minister Petr Fiala said his country's agreement ...") names a member."""
    if not (0 < idx - counted.idx <= _COUNT_SPAN) or ctx.paragraph_of(idx) != ctx.paragraph_of(counted.idx):
        return False
    return bool(_partners(ctx, idx)) or any(c not in (RECIPIENT, "RUS") for _, c in ctx.people_countries(s, e))


# a date that names the text it stands beside: "the agreement of 28 May", "Its October agreement",
# "the 13 June text"; a year alone ("the 2024 agreement") is too coarse to date a signing
_NOUN_BEFORE_DATE: Final = rx(r"\b(?i:agreements?|accords?|pacts?|treaty|texts?|documents?)"
                              r"(?:\s+with\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?\s+(?:of|dated|from)\s+"
                              r"(?:the\s+)?\Z")
_NOUN_AFTER_DATE: Final = rx(r"(?:'s)?\s+(?:(?:security|bilateral|defen[cs]e|ten-year)\s+)?"
                             r"(?:agreement|accord|pact|treaty|text|document)\b", re.I)


def date_names_text(text: str, start: int, end: int, floor: int = 0) -> bool:
    """The date at ``[start, end)`` is named with a text: "the agreement of 28 May", "Its October agreement"."""
    return bool(_NOUN_BEFORE_DATE.search(text, max(floor, start - 40), start) or _NOUN_AFTER_DATE.match(text, end))


def _noun_dated(ctx: Ctx, idx: int, s: int, sent: str) -> bool:
    for m in ctx.in_sentence("date", idx):
        if not m.value or len(m.value) < 7 or m.extra.get("deadline") or m.extra.get("since"):
            continue
        if date_names_text(ctx.text, m.start, m.end, s):
            return True
    return False


_FOR_PERIOD: Final = rx(r"(?=[bcfiot])\b(?:for|in\s+support\s+for|budget\s+for|over|through|covering)\s+(?:the\s+)?"
                        r"(?:(?:years?|period|financial\s+year|fiscal\s+year)\s+)?"
                        r"(?:(?:19|20)\d\d\s*(?:to|-|–|and|until)\s*)?\Z", re.I)  # ("for 2024 to 2026")


def _sign_date(ctx: Ctx, idx: int, skip: list[tuple[int, int]] | None = None) -> str | None:
    best: str | None = None
    stamp: str | None = None  # a wire dateline's date, taken only when the sentence gives no other
    for m in ctx.in_sentence("date", idx):
        value = m.value
        if not value or m.extra.get("deadline") or m.extra.get("since"):
            continue
        if m.start < 300 and wire_dateline(ctx.text, m.start, m.end):
            stamp = value  # "BRUSSELS, 29 May 2024 (CWS) - ... signed ... on Tuesday": the story's day
            continue
        if skip and any(a <= m.start < b for a, b in skip):
            continue
        if ctx.withdrawn and ctx.is_withdrawn(m.start, m.end):
            continue  # "signed on 31 May, not 1 June" (a correction)
        if len(value) == 4 and _FOR_PERIOD.search(ctx.text, max(0, m.start - 30), m.start):
            continue  # "sets out SEK 75 billion for 2024 to 2026": the years the money covers
        if best is None or len(value) > len(best):
            best = value
    return best or stamp


# A wire dateline ("BRUSSELS, 29 May 2024 (CWS) - "): the place in capitals at the line's start, the date,
# then a dash (events read a dated header line with it too).
_DATELINE_TAIL: Final = rx(r"\s*(?:\([A-Z][\w .&-]*\)\s*)?[-–—]\s")


def wire_dateline(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` is a wire dateline's."""
    line_start = text.rfind("\n", 0, start) + 1
    return start - line_start <= 40 and bool(_DATELINE_TAIL.match(text, end)) \
        and text[line_start:start].strip().rstrip(",").replace(" ", "").isupper()  # (the place, read last)


_LEADERS: Final = rx(r"\b(?:two|both) leaders\b|\bleaders\b")


def _signatories(ctx: Ctx, idx: int, parties: tuple[str, ...], people: list[dict[str, Any]],
                 own: bool = False) -> list[str]:
    """People named in the signing sentence; with ``own``, only those of the pair's partner
    ("Joe Biden and Fumio Kishida sign": each signs his country's agreement)."""
    s, e = ctx.sentences[idx]
    named = [p["name"] for p in people if any(s <= a < e for a, _ in p["_mentions"])
             and (not own or p.get("_country") in parties)]
    if named:
        return named
    sent = ctx.text[s:e]
    if "leaders" in sent and _LEADERS.search(sent):
        return [p["name"] for p in people if p.get("_country") in parties and p.get("_role") in HEAD_ROLES]
    return []
