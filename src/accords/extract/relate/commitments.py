"""Commitments: an amount of money a donor pledged, allocated, provided or expects to give.

Sentences never become facts by keyword alone: the status comes from the verb nearest the amount
in its own clause, and a clause that is negated ("has not pledged") or hedged ("is considering",
"could") yields no commitment. "of which" before an amount marks it as part of the previous one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import pairwise
from typing import Any, Final

from accords.extract.prefilter import Gate, fold, word_char
from accords.extract.relate.context import RECIPIENT, Ctx
from accords.extract.rx import rx
from accords.extract.types import Mention
from accords.extract.withdrawn import possible as withdrawal_possible
from accords.extract.withdrawn import withdrawn

# (each pattern opens with a look-ahead naming the initials of its words, case and all: the engine
# rejects most positions at once, same matches)
_STATUS: Final = [
    ("pledged_and_provided", rx(r"(?=[cp])\b(?:pledged|committed|promised) and (?:provided|delivered|disbursed)\b")),
    ("allocated", rx(r"(?=[BFPabefps])\b(?:allocat\w*|earmark\w*|approv\w*|appropriat\w*|set aside|sets aside|"
                     r"setting aside|"
                     r"(?:[Ff]und|[Pp]rogramme|[Pp]rogram|[Bb]udget|[Ff]acility) of)\b")),
    ("expected", rx(r"(?=[adeit])\b(?:expected|is set to|are set to|due to be|"
                    r"to be (?:disbursed|delivered|provided|paid))\b")),
    ("provided", rx(r"(?=[cdghoprstw])\b(?:provided|delivered|disbursed|sent|transferred|supplied|donated|gave|given|"
                    r"spent|paid|contributed|handed over|went to|(?:has|have|had)\s+(?:already\s+)?gone\s+to|"
                    r"received|obtained)\b")),
    # ("presented its 23rd defence package, worth ...": a package laid out is offered, like one unveiled)
    # ("For 2024 the EU foresees EUR 5 billion": a sum a plan or a text provides for)
    ("pledged", rx(r"(?=[abcdefgioprstuvw])"
                   r"\b(?:pledg\w*|commit(?:s|ted|ting|ment)?|promis\w*|announc\w*|unveil\w*|offer\w*|goes to|foresees|"
                   r"present(?:s|ed)\s+(?:its|their|a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:package|programme|tranche)|"
                   r"(?:is|are)\s+(?:also\s+)?(?:providing|giving|contributing|sending|committing|granting)|"
                   r"(?:rais|increas|expand|boost)(?:ed|es|e)\s+(?:[\w']+\s+){0,4}?to|"
                   r"(?:will|would|shall|is\s+to|is\s+set\s+to|is\s+due\s+to)\s+(?:\w+\s+){0,2}?receive|"
                   r"(?:will|would|shall)\s+(?:\w+\s+){0,2}?(?:provide|allocate|give|deliver|send|contribute|make|"
                   r"supply|disburse|spend|invest|make available|fund|finance|increase|raise|put|lend|go|"
                   r"add|commit|pay|donate|grant)|to (?:provide|contribute|allocate)|undertak\w*|"
                   r"(?:intends?|intended|plans?|planned|aims?|vow(?:s|ed)?|agree[sd]?|decided?|decides|"
                   r"undert(?:akes?|ook)|is set|are set|is ready|are ready)\s+to\s+(?:\w+\s+)?"
                   r"(?:provide|give|allocate|add|contribute|send|deliver|spend|invest|make available|lend|"
                   r"transfer|fund|finance|donate))\b")),
]
# "may" in lower case only: "May" is far more often the month ("signed on 31 May, promised ...").
# ("a rumour that Luxembourg would put ...": hearsay, no pledge)
_HEDGE: Final = rx(r"(?=[cmwdhrpeiausn])"
                   r"\b(?:consider\w*|mull\w*|weigh\w*|discuss\w*|debat\w*|could|might|(?-i:may)|propos\w*|"
                   r"hop\w*|reportedly|rumou?r\w*|possibl\w*|explor\w*|if|whether|ask\w*|request\w*|call\w* for|"
                   r"urg\w*|demand\w*|seek\w*|estimat\w*|worth of (?:damage|losses)|need\w*)\b", re.I)
_ESTIMATE: Final = rx(r"\bestimat\w*", re.I)
# ((?=[...]) before a pattern names the initials of its words: the engine rejects most positions at once, same matches)
_NEGATION: Final = rx(r"(?=[ndrwy])(?:\b(?:not|never|no|neither|nor|declined to|refused to|without|yet to)\b|n't\b)",
                              re.I)
_OF_WHICH: Final = rx(r"(?=[io])\b(?:of which|of this|including|of that|out of which|of the total|"
                      r"out of (?:this|that|the) (?:total|sum|amount))\s*(?:amount\s*)?,?\s*"
                      r"(?:(?:some|about|around|roughly|nearly|almost|at least|more than|over|approx\.|approximately|"
                      r"ca\.|c\.)\s+)?\Z", re.I)
# "Of this, ...", "Of that total, ...", "Of the same total, ...": a share of the sum just told
_OF_THIS_LEAD: Final = rx(r"\s*(?:(?:Out )?[Oo]f (?:this|that|which|the total|the same (?:total|sum|amount))"
                          r"(?: total| amount| sum| package)?,?)", re.I)
_TOTAL: Final = rx(r"(?=[cat])\b(?:comes? to|came to|amounts? to|amounted to|totals?|totalled|totaled|adds? up to|"
                   r"added up to)\b")
_PAST_TOTAL: Final = rx(r"(?=[acerst])"
                        r"\b(?:totall?ed|amounted\s+to|came\s+to|added\s+up\s+to|reached|exceeded|surpassed|topped)\s+"
                        r"(?:(?:about|around|some|roughly|nearly|almost|over|more\s+than)\s+)?\Z")
_SINCE: Final = rx(r"(?=s)\bsince\b", re.I)
_PRICE = rx(r"\b(?:costs?|costing|priced\s+at)\s+(?:(?:up\s+to|about|around|some|roughly|nearly|over|more\s+than|"
            r"less\s+than|between|at\s+least|at\s+most)\s+)?\Z")
# ("the United States committed USD 20 billion and the European Union up to EUR 35 billion": a second
# giver named right before its sum, the verb left out, shares the first one's status)
_AND_ONLY: Final = rx(r"\A[^.;:]*?\b(?:and|plus|as well as|with|next to|alongside|besides|together with)\s+"
                      r"(?:(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+)?"
                      r"(?:(?:about|around|some|roughly|nearly|almost|another|a further|up to|at least|more than)"
                      r"\s+)?\Z")
_AFTER: Final = rx(r"(?=[afio])\b(?:after|following|on top of|in addition to)\s+(?:\w+\s+){0,2}\Z")
_CATEGORIES: Final = [
    ("military", rx(r"(?=[ademsw])\b(?:military|defen[cs]e|weapons?|arms|ammunition|artillery|air defen[cs]e|"
                    r"security assistance|equipment|drones?)\b", re.I)),
    ("financial", rx(r"(?=[bflm])\b(?:financial(?! year)|budget\w*|macro-financial|fiscal|loans?)\b", re.I)),
    ("humanitarian", rx(r"(?=h)\b(?:humanitarian)\b", re.I)),
    ("reconstruction", rx(r"(?=[er])\b(?:reconstruction|recovery|rebuild\w*|energy)\b", re.I)),
]
_INSTRUMENT: Final = rx(r"(?=[gli])\b(?P<i>grants?|loans?|guarantees?|in-kind)\b", re.I)
_RECEIVED: Final = rx(r"(?=[ro])\b(?:received|obtained|receive)\b")
# "Ukraine would receive CAD 3 billion from Canada": the recipient is the subject of a promise whose giver
# is named after the sum ("from Canada"); _donor finds it there, and without it there is no commitment.
_RECEIVE_CUE: Final = rx(r"(?=r)\breceive\b")
_EACH: Final = rx(r"(?=e)\beach\b")
_OTHER: Final = rx(r"(?=o)\bother\b")
# (each alternative opens with its own character and checks the word start after it: the engine then skips by
# that set of characters the places where none opens, where "\b" first would have it try every one)
_CLAUSE_BREAK: Final = rx(r";|:|but(?<!\wbut)\b|while(?<!\wwhile)\b|whereas(?<!\wwhereas)\b")
_NEXT_PART: Final = rx(r",?\s*\b(?:of which|including|out of which)\b|,\s+(?:and|but|while)\s+(?=[a-z])|,\s+which\b")
# Verbs that name a sum without saying what it is for ("sets out", "comes with", "provides for");
# they pledge only when the words after the amount say it is aid or give its period ("CAD 3
# billion in military support", "EUR 5 million for 2024"), not for "USD 486 billion of damage".
_WEAK: Final = rx(r"(?=[cps])\b(?:sets? out|setting out|comes? with|came with|provides? for)\s+\Z")
_AID_AFTER: Final = rx(r"[^.;]{0,40}?\b(?:aid|support|assistance|funding|help|package|contribution|"
                       r"for\s+(?:20\d\d|the\s+year|this\s+year|next\s+year))\b")
# A verb of giving or containing in the present tense right before the sum ("It contains EUR 5
# million", "Its text provides EUR 128 million", "Spain adds EUR 15 million", "grants Ukraine EUR
# 2 billion"): what a text or donor puts forward is pledged. Only next to the amount (a few words
# between at most), since these verbs are common in other senses further away; "adds up to" is a
# total and "provides for" is weak (above).
# ("The text carries a modest figure, EUR 5 million": the sum in apposition to "figure" is the one carried;
# "the headline figure was EUR 1 billion in military aid": the sum an agreement is known by)
_GIVES: Final = rx(r"(?=[acdefghilmps])"
                   r"\b(?P<v>provides(?!\s+for\b)|gives|lends|contains|includes|adds(?!\s+up\b)|grants|contributes|"
                   r"makes available|foresees|envisages|envisions|devotes|dedicates|mobili[sz]es|invests|holds|"
                   r"carries|carried|(?:figure|sum|amount)\s+(?:was|is))\s+"
                   r"(?:(?:Ukraine|Kyiv)\s+(?:with\s+)?)?(?:[a-z][\w-]*\s+){0,3}?"
                   r"(?:(?:figure|sum|amount|total),\s+)?\Z")
# These verbs are common outside aid ("the defence budget contains EUR 52 billion for the army"):
# they give a commitment only in a sentence about support - the words after the sum say what
# it is for, or the subject is the agreement, a fund or Ukraine's name.
_SUPPORT: Final = rx(r"(?=[adefhkmprstuw])"
                     r"\b(?:aid|support|assistance|help|humanitarian|recovery|reconstruction|rebuild\w*|military|"
                     r"weapons|ammunition|package|demining|energy|Ukrain\w*|Kyiv|fund|agreement|text|accord|deal|"
                     r"for\s+(?:20\d\d|the\s+years?|this\s+year|next\s+year|each\s+year))\b", re.I)
# ... or when a state named in the sentence gives the sum for a year ("Germany signed on 16
# February; it provides EUR 7.1 billion in 2024", "Iceland contributes ISK 4 billion a year").
_YEARLY: Final = rx(r"[^.;]{0,30}?\b(?:in|for|during)\s+(?:20\d\d|the\s+years?)\b|\s*(?:a|per|each|every)\s+year\b"
                    r"|\s*annually\b")
# "This includes CAD 2.2 billion in financial assistance": the parts of the sum just named.
_PART_LEAD: Final = rx(r"\s*(?:This|That|It|The\s+(?:sum|total|package|amount|figure|money))\s+(?:also\s+)?"
                       r"(?:includes|contains|comprises|covers|consists\s+of)\b")
# "puts Luxembourg's defence aid for 2024 at EUR 80 million": the sum a text fixes for the aid.
_PUT_AT: Final = rx(r"(?=[fps])\b(?:puts?|sets?|fix(?:es)?|fixed)\s+[^.;:]{0,60}?\bat\s+\Z")
# "puts EUR 7 billion on the table" offers the money ("is on the table" only proposes it).
_NOTES: Final = rx(r"\bexchang(?:es|ed|e)\s+(?:diplomatic\s+)?notes\b")
_MAKES: Final = rx(r"(?=m)\bmak(?:es|e|ing)\s+"
                   r"(?:(?:about|around|some|roughly|nearly|almost|another|a\s+further|over)\s+)?\Z")
_PUT: Final = rx(r"(?=[lp])\b(?:puts?|putting|lays?|laid)\s+\Z")
_ON_TABLE: Final = rx(r"\s*on the table\b")
# A fact-sheet or timeline line "Sweden: SEK 75 billion of military aid ...": the label is the
# donor and the amount is what it pledged (a status verb elsewhere in the line still wins).
_LABEL: Final = rx(r"[ \t]*(?:[-*•+][ \t]+)?(?:\*\*)?(?P<who>[A-Z][\w .'-]{1,40}?)(?:\*\*)?:(?:\*\*)?[ \t]*\Z")
_PARENS: Final = rx(r"\([^()]*\)")
# "EUR 200 million more than last year" is a difference between two sums, not a sum given.
_DIFFERENCE: Final = rx(r"\s*(?:more|less|fewer|higher|lower)\s+than\b")
_FROM: Final = rx(r"\b(?:from|(?:provided|given|paid|pledged|committed|promised|offered|granted|donated|contributed|"
                  r"earmarked|allocated) by)\s+(?:the\s+)?\Z")
_TO: Final = rx(r"\b(?:to|for|with|from|against|of|by|than)\s+(?:the\s+)?\Z")


# Keyword tests run on the lower-cased text first: most clauses lack every word a pattern needs,
# and a substring test costs far less than a regex scan (the "...\Z" patterns try every position).
_G_STATUS: Final = [Gate(p) for _, p in _STATUS]
_G_WEAK, _G_GIVES, _G_PUT_AT, _G_PUT = Gate(_WEAK), Gate(_GIVES), Gate(_PUT_AT), Gate(_PUT)
_G_PAST_TOTAL, _G_AFTER, _G_OF_WHICH = Gate(_PAST_TOTAL), Gate(_AFTER), Gate(_OF_WHICH)
_G_HEDGE: Final = Gate(_HEDGE)
_G_CATEGORIES: Final = [Gate(p) for _, p in _CATEGORIES]
_G_NEGATION, _G_INSTRUMENT, _G_TOTAL = Gate(_NEGATION), Gate(_INSTRUMENT), Gate(_TOTAL)
# (_CLAUSE_BREAK and _NEXT_PART are case-sensitive: a plain substring test on the text will do)
_CLAUSE_KEYS: Final = (";", ":", "but", "while", "whereas")
# (every match of _NEXT_PART holds "which" or "including", or a comma and one of these: most clauses have a
# comma, few the words after it)
_NEXT_PART_WORDS: Final = ("and", "but", "while")


def _has_any(text: str, keys: tuple[str, ...]) -> bool:
    return any(k in text for k in keys)


def _next_part_possible(text: str) -> bool:
    return "which" in text or "including" in text or ("," in text and _has_any(text, _NEXT_PART_WORDS))


def _since(text: str) -> bool:
    """``_SINCE.search(text)``, after the substring test (every match, lower-cased, is "since")."""
    return "since" in fold(text) and bool(_SINCE.search(text))


def _since_in(ctx: Ctx, start: int, end: int) -> bool:
    """``_since(ctx.text[start:end])``, the keyword looked up in the folded document (no copy of the sentence
    to fold: most sentences hold no "since")."""
    return ctx.low.find("since", start, end) >= 0 and bool(_SINCE.search(ctx.text[start:end]))


def relate_commitments(ctx: Ctx) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    last_donor: str | None = None
    previous: dict[str, Any] | None = None
    para_starts = [p for p, _ in ctx.doc.paragraphs]
    last_para = -1
    corrections = withdrawal_possible(ctx.text)
    anywhere: bool | None = None  # whether the text names Ukraine, aid, an agreement or a signing at all
    about: dict[int, bool] = {}  # sentence -> whether _FOR_UKRAINE is in it (asked of several sums' neighbours)
    # Only sentences with an amount yield anything; "previous" is reset at the first of them in a
    # new paragraph, as it would be at the paragraph's first sentence (nothing sets it in between).
    for idx in sorted(ctx.by_sentence.get("money", {})):
        s, e = ctx.sentences[idx]
        money = ctx.in_sentence("money", idx)
        if money and ((corrections and withdrawn(ctx.text, ctx.sentences, idx))
                      or ctx.text[s:e].rstrip().endswith("?")):
            continue  # a withdrawn figure, or a question ("Will Norway give NOK 5 billion?") asserts nothing
        prev_end = s
        last_item: dict[str, Any] | None = None
        para = bisect_right(para_starts, s)
        if para != last_para:
            # (a share that opens the next paragraph, "Of this, CAD 2.4 billion are loans", is still of it)
            if not (previous is not None and para == last_para + 1 and _OF_THIS_LEAD.match(ctx.text, s)):
                previous = None
            last_para = para
        for i, mention in enumerate(money):
            seg_end = money[i + 1].start if i + 1 < len(money) else e
            item = _commitment(ctx, idx, mention, prev_end, seg_end, previous, last_donor, last_item)
            prev_end = mention.end
            if item is None:
                continue
            # (a share of a sum already taken is about what that sum was about)
            if not item.get("part_of_previous") and not _near(ctx, idx, about):
                if anywhere is None:  # (the first match ends the search: early in any text about Ukraine)
                    anywhere = _FOR_UKRAINE.search(ctx.text) is not None
                if anywhere:
                    continue  # "Germany's special fund of EUR 100 billion": a national budget, not about Ukraine
            key = (item["donor"], item["amount"], item["currency"], item["status"])
            if key in seen:
                continue
            seen.add(key)
            for other in item.pop("_also", []):
                out.append({**item, "donor": other})
                seen.add((other, item["amount"], item["currency"], item["status"]))
            out.append(item)
            last_item = item
            if not item.get("part_of_previous"):
                previous = item
            last_donor = item["donor"]
    return out


def _status(left: str, right: str, low: str | None = None) -> tuple[str | None, int]:
    """The status named nearest the amount: the last cue on its left, else the first on its right.
    (``low``: ``left`` folded, when the caller has it.)"""
    best: tuple[str | None, int, int] = (None, -1, 0)
    low = fold(left) if low is None else low
    for (status, pattern), gate in zip(_STATUS, _G_STATUS, strict=True):
        if not gate.may(low):
            continue
        for m in pattern.finditer(left):
            if m.end() > best[1]:
                best = (status, m.end(), m.start())
    if best[0] is not None:
        return best[0], best[2]
    first: tuple[str | None, int] = (None, 10**9)
    near = right[:80]
    low = fold(near)
    for (status, pattern), gate in zip(_STATUS, _G_STATUS, strict=True):
        hit = pattern.search(near) if gate.may(low) else None
        if hit and hit.start() < first[1]:
            first = (status, hit.start())
    return first[0], -1


def _commitment(ctx: Ctx, idx: int, m: Mention, seg_start: int, seg_end: int,
                previous: dict[str, Any] | None, last_donor: str | None,
                sibling_of: dict[str, Any] | None = None) -> dict[str, Any] | None:
    text = ctx.text
    s, _e = ctx.sentences[idx]
    left = text[seg_start:m.start]
    breaks = list(_CLAUSE_BREAK.finditer(left)) if _has_any(left, _CLAUSE_KEYS) else []
    before_colon = ""  # "confirmed the pledge in its agreement: at least EUR 126 million": the sum the colon opens
    if breaks:
        if breaks[-1].group() == ":" and _QUALIFIED.fullmatch(left, breaks[-1].end()):
            before_colon = left[breaks[-2].end() if len(breaks) > 1 else 0:breaks[-1].start()]
        left = left[breaks[-1].end():]
    low_left = ctx.low[m.start - len(left):m.start]  # (fold(left): the document was folded once, offsets kept)
    right = text[m.end:seg_end]
    cut = ((_CLAUSE_BREAK.search(right) if _has_any(right, _CLAUSE_KEYS) else None)
           or (_NEXT_PART.search(right) if _next_part_possible(right) else None))
    if cut:
        right = right[:cut.start()]
    opening = text[max(0, m.start - 9):m.start].rstrip()
    if text[m.start - 1:m.start] == "(" or opening.endswith(("(about", "(around", "(some", "(or", "(roughly")):
        return _bracketed(ctx, idx, m)  # a conversion "(about $3 billion)", or a donor's sum "Sweden (SEK 75 billion)"
    around = left + right[:40]  # (the words either side of the amount)
    part_of = previous is not None and ((_G_OF_WHICH.may(ctx.low[seg_start:m.start])
                                         and bool(_OF_WHICH.search(text[seg_start:m.start])))
                                        or (seg_start == s and _OF_THIS_LEAD.match(text, s) is not None))
    if "than" in right and _DIFFERENCE.match(right):  # (every match holds "than")
        return None
    if ("cost" in left[-40:] or "priced" in left[-40:]) and _PRICE.search(left[-40:]):
        return None  # "The tour is expected to cost up to CAD 400,000": a price, not money given
    status: str | None
    # nearest the amount, so it is the verb that governs it
    weak = _WEAK.search(left) if _G_WEAK.may(low_left) else None
    if weak and _AID_AFTER.match(right):
        status, cue_at = "pledged", weak.start()
    else:
        status, cue_at = _status(left, right, low_left)
    if status is None and before_colon and _G_NOUN_CUE.may(fold(before_colon)) and _NOUN_CUE.search(before_colon):
        status, cue_at = _status(before_colon, "")[0], -1
    if status is None and before_colon and seg_start == s and ("20" in before_colon or "19" in before_colon):
        label = _SUM_LABEL.match(before_colon)  # a fact box's "- **Money for 2024:** CAD 3 billion"
        if label is not None:
            status, cue_at = ("provided" if label["past"] else "pledged"), -1
    if status is None and previous is not None and _PART_LEAD.match(text, s) and seg_start == s:
        status, cue_at, part_of = previous["status"], -1, True  # "This includes CAD 2.2 billion ...": a part
    gives = ((_G_GIVES.may(low_left) and _GIVES.search(left)) or (_G_PUT_AT.may(low_left) and _PUT_AT.search(left))
             if status is None else None)
    if gives and (_SUPPORT.search(right[:80]) or _SUPPORT.search(left)
                  or (_YEARLY.match(right) and _named_giver(ctx, idx, m.start))):
        status, cue_at = "allocated" if gives.groupdict().get("v") == "holds" else "pledged", gives.start()
    if status is None and right.startswith(" available") and "mak" in low_left[-20:]:
        made = _MAKES.search(left)  # "makes EUR 2 billion available": the verb's two halves around the sum
        if made is not None:
            status, cue_at = "pledged", made.start()
    if status is None and "notes" in low_left:
        notes = _NOTES.search(left)  # "exchanged notes on a loan of JPY ...": the notes conclude the loan
        if notes is not None:
            status, cue_at = "pledged", notes.start()
    put = _PUT.search(left) if status is None and _G_PUT.may(low_left) else None
    if put and _ON_TABLE.match(right):
        status, cue_at = "pledged", put.start()
    if status is None and seg_start == s and _label(ctx, idx, m):
        status, cue_at = "pledged", 0
    share = False
    if status is None and ((_G_MEANS.may(low_left) and _MEANS.search(left))
                           or (", " in left[-16:] and _APPOSED.search(left[-16:]))) and _gdp_share(ctx, idx):
        status, cue_at = "pledged", -1  # "0.25 percent of GDP ... which means more than EUR 100 million"
        share = True  # ("is estimated at": the estimate is of what the share comes to, not a hedge)
    if status is None and _since_in(ctx, s, _e) and _G_TOTAL.may(fold(around)) \
            and _TOTAL.search(around):
        status, cue_at = "provided", -1  # "aid since 2022 comes to EUR 2 billion"
    if status is None and _since(around):
        status, cue_at = "provided", -1
    if status is None and _G_PAST_TOTAL.may(low_left[-40:]) and _PAST_TOTAL.search(left[-40:]):
        status, cue_at = "provided", -1  # "support in 2023 totalled EUR 100 million": a past sum
    sibling = sibling_of if sibling_of is not None and _AND_ONLY.search(text[seg_start:m.start]) else None
    if status is None and previous is not None and (part_of or sibling is not None):
        status, cue_at = (sibling or previous)["status"], -1  # "of which ...", "and at least EUR 40 million"
        part_of = part_of or bool(sibling and sibling.get("part_of_previous"))
    if status == "allocated" and part_of and previous is not None and previous["status"] == "pledged":
        # "Of that total, GBP 200 million is earmarked for drones": what a share of the pledge is for, still
        # pledged (an allocation is a budget's own step, not a use named for part of a promise)
        status = "pledged"
    if _G_AFTER.may(low_left) and _AFTER.search(left) and _since_in(ctx, s, _e):
        status, cue_at = "provided", -1  # "after more than EUR 2 billion since 2022": already given
    if status is None:
        return None
    scope = left + " " + right[:60]
    if status == "expected" or share:
        # "by our estimates it is expected to add up to": the estimate is the expectation itself
        scope = _ESTIMATE.sub(" ", scope)
    near = left[max(0, cue_at - 40):] if cue_at >= 0 else right[:60]
    if (_G_HEDGE.may(fold(scope)) and _HEDGE.search(scope)) or (_G_NEGATION.may(fold(near)) and _NEGATION.search(near)):
        return None
    if cue_at >= 0 and not ("receive" in left and _RECEIVE_CUE.search(left, cue_at)) \
            and _recipient_subject(ctx, idx, seg_start + (len(text[seg_start:m.start]) - len(left)) + cue_at):
        return None  # "Ukraine's budget includes UAH 1.7 trillion", "Kyiv will spend ...": its own money
    donor = _donor(ctx, idx, m, seg_start)
    if donor is None and ("receive" in around or "obtained" in around) \
            and _RECEIVED.search(around):  # (case-sensitive: every match holds one of the two)
        return None  # "Ukraine received $100 billion": from whom, the sentence does not say
    if donor is None:
        if not part_of and sibling is None and _off_subject(ctx, idx):
            return None  # "The town's budget sets aside EUR 2.3 million for road repairs": not the donor's aid
        donor = previous["donor"] if part_of and previous else (_topic_donor(ctx, idx) or last_donor)
    if donor is None or donor == RECIPIENT:
        return None
    if cue_at >= 0 and _SPENT.match(left, cue_at) and not _FOR_UKRAINE.search(text, s, _e):
        return None  # "In 2023 Latvia spent EUR 30 million on new border fences": its own spending
    item: dict[str, Any] = {
        "donor": donor,
        "recipient": RECIPIENT,
        "amount": m.value,
        "currency": m.extra["currency"],
        "status": status,
        "period": _period(ctx, idx, m, seg_start, seg_end),
        "category": _category_near(right[:80], left[-40:]),
    }
    if m.extra.get("qualifier"):
        item["qualifier"] = m.extra["qualifier"]
    inst = _INSTRUMENT.search(right[:60]) if _G_INSTRUMENT.may(fold(right[:60])) else None
    if inst:
        item["instrument"] = inst["i"].lower().rstrip("s")
    if part_of:
        item["part_of_previous"] = True
    others = _co_donors(ctx, idx, m, donor) if "each" in left and _EACH.search(left) else []
    if others:
        item["_also"] = others  # "Norway and Denmark each pledged ...": one commitment per donor
    start = m.start if part_of or cue_at < 0 else seg_start + (len(text[seg_start:m.start]) - len(left)) + cue_at
    start = _subject_start(ctx, idx, start, m.start) if not part_of and cue_at >= 0 else start
    end = m.end + len(right.rstrip(" ,."))
    item["_span"] = (max(s, start), end)
    return item


def _bracketed(ctx: Ctx, idx: int, m: Mention) -> dict[str, Any] | None:
    """"Sweden (SEK 75 billion), Norway (NOK 75 billion) and Denmark (EUR 8.5 billion) have committed
    multi-year funds": a sum in brackets right after a donor's name is that donor's, with the
    status of the sentence's verb. After anything else the brackets hold a conversion."""
    s, e = ctx.sentences[idx]
    text = ctx.text
    opening = text.rfind("(", s, m.start)
    owner = [p for p in ctx.parties_in(idx, start=max(s, opening - 40), end=opening)
             if p.value not in (RECIPIENT, "RUS") and not text[p.end:opening].strip()]
    close = text.find(")", m.end, e)
    if not owner or close < 0 or text[m.end:close].strip(" ,.;"):
        return None
    outside = _PARENS.sub(lambda x: " " * len(x.group()), text[s:e])  # the sentence without its brackets
    status, _at = _status(outside, "")
    if status is None or _HEDGE.search(outside) or _NEGATION.search(outside):
        return None
    return {"donor": str(owner[-1].value), "recipient": RECIPIENT, "amount": m.value,
            "currency": m.extra["currency"], "status": status, "period": None,
            "category": _category(outside), "_span": (owner[-1].start, close + 1)}


# A sum whose giver the sentence does not name is the donor's aid only in a sentence about aid: a word of
# support or defence, an agreement, a year the money is for, or a verb only donors use ("pledged").
# ("Ukrainian" is no such word: "EUR 18,000 goes to a film programme by young Ukrainian directors".)
_ABOUT_AID: Final = rx(r"(?=[abcdefghlmprstw])"
                        r"\b(?:aid|support\w*|assist\w*|help|humanitarian|recovery|reconstruction|rebuild\w*|"
                       r"military|defen[cs]e|weapons|arms|ammunition|artillery|air|drones?|package|demining|energy|"
                       r"fund|funds|agreement|text|accord|deal|pact|loan|grant|budget support|"
                       r"pledg\w*|commit\w*|promis\w*|donat\w*|deliver\w*|disburs\w*|provid\w*|"
                       r"for\s+(?:20\d\d|the\s+years?|this\s+year|next\s+year|each\s+year))\b", re.I)
_G_ABOUT_AID: Final = Gate(_ABOUT_AID)


# a clause that names the commitment itself before the colon that opens its sum (not a label: "Money:")
_NOUN_CUE: Final = rx(r"(?=[acdp])"
                      r"\b(?:pledge|commitment|promise|allocation|contribution|disbursement|delivery)s?\b[^:;]*\Z",
                              re.I)
_G_NOUN_CUE: Final = Gate(_NOUN_CUE)


# Nothing but a qualifier between a colon and the sum it opens (": about EUR 2 billion").
_QUALIFIED: Final = rx(r"[ *]*(?:(?:about|around|some|roughly|approx\.|approximately|over|nearly|almost|more\s+than"
                       r"|at\s+least|up\s+to)[ ]+)?")
# The sum a share of national output comes to, in the sentence that states the share or the one after it.
_MEANS: Final = rx(r"\b(?:means?|meaning|estimated\s+at|equals?|equal\s+to|works?\s+out\s+at|translates?\s+in(?:to)?)\b"
                   r"[^.;:]{0,20}\Z", re.I)
_G_MEANS: Final = Gate(_MEANS)
# ... or set beside the share after a comma: "0.25% of GDP a year, about EUR 112 million in 2024"
_APPOSED: Final = rx(r",\s+(?:(?:about|around|some|roughly|approximately|nearly|almost|or)\s+)?\Z")
_GDP_SHARE: Final = rx(r"\b(?:per\s*cent|percent|%)\s+of\s+(?:its\s+|their\s+|the\s+|national\s+)?"
                       r"(?:GDP|gross\s+domestic\s+product)\b", re.I)


def _gdp_share(ctx: Ctx, idx: int) -> bool:
    for j in (idx, idx - 1):
        if j >= 0 and ("GDP" in ctx.sent_text(j) or "domestic product" in ctx.sent_text(j)) \
                and _GDP_SHARE.search(ctx.sent_text(j)):
            return True
    return False


# A list item's label that says what the sum after its colon is: money for a year (pledged) or what was
# delivered since a year (provided): "- **Money for 2024:** ...", "- delivered since 2022: ...".
_SUM_LABEL = rx(r"\s*(?:[-*•+]\s+)?(?:\*\*|__)?(?:(?:new\s+)?(?:money|funding|sums?|budget)\s+(?:for|in)\s+20\d\d"
                r"|(?P<past>(?:delivered|provided|given|disbursed|sent)\s+since\s+(?:19|20)\d\d))(?:\*\*|__)?\s*\Z",
                re.I)


# Money is given to Ukraine only in a passage that says so: Ukraine named, or aid, or an agreement. In a text
# that speaks of these, a paragraph without any of them speaks of something else (national budgets, a fee).
# ((?=[...]) names the initials of its words: the engine rejects most positions at once, same matches)
_FOR_UKRAINE: Final = rx(r"(?=[ukashpcdtlwi])\b(?:Ukrain\w*|Kyiv|Kiev|aid|support\w*|assistance|help|packages?|"
                  r"pledg\w*|contribut\w*|donat\w*|agreements?|accords?|texts?|documents?|deals?|pacts?|commit\w*|sign\w*|loans?|"
                         r"ammunition|artillery|weapons|arms|initiative|coalitions?)\b", re.I)


# Spending and paying are what a state does with its own money unless the sentence says it went to Ukraine.
_SPENT: Final = rx(r"(?:spent|paid)\b")


def _near(ctx: Ctx, idx: int, about: dict[int, bool]) -> bool:
    """The sentence, or one close to it in its paragraph, names Ukraine, aid, an agreement or a signing. (The
    caller asks it only of a text that does so somewhere: a text that never does gives no way to tell.)"""
    if _about(ctx, idx, about):
        return True
    para = ctx.paragraph_of(idx)
    return any(0 <= j < len(ctx.sentences) and ctx.paragraph_of(j) == para and _about(ctx, j, about)
               for j in (idx - 1, idx - 2, idx + 1))


def _about(ctx: Ctx, idx: int, about: dict[int, bool]) -> bool:
    """Whether _FOR_UKRAINE is in sentence ``idx`` (each sentence scanned once: ``about`` keeps the answers)."""
    found = about.get(idx)
    if found is None:
        s, e = ctx.sentences[idx]
        # (a sum "for reconstruction" is aid too: found by str.find, the pattern's look-ahead stays short)
        found = about[idx] = (_names_ukraine(ctx.text, ctx.low, s, e) or _FOR_UKRAINE.search(ctx.text, s, e) is not None
                              or ctx.low.find("reconstruction", s, e) >= 0
                              or ctx.low.find("recovery", s, e) >= 0)  # ("EUR 15 million goes to recovery")
    return found


def _names_ukraine(text: str, low: str, start: int, end: int) -> bool:
    """Whether a word in ``text[start:end]`` opens with "Ukrain" (any case; ``low`` is ``text`` folded): then
    ``_FOR_UKRAINE`` matches there. Most sentences about aid say it, often far into the sentence, where
    the scan would try every position before it; str.find looks it up at memory speed."""
    at = low.find("ukrain", start, end)
    while at >= 0:
        if at == 0 or not word_char(text[at - 1]):  # (\b before it)
            return True
        at = low.find("ukrain", at + 1, end)
    return False


def _off_subject(ctx: Ctx, idx: int) -> bool:
    sent = ctx.sent_text(idx)
    return not (_G_ABOUT_AID.may(fold(sent)) and _ABOUT_AID.search(sent))


def _topic_donor(ctx: Ctx, idx: int) -> str | None:
    """The partner the sentence is about, unless it is named only inside a channel's name ("EUR 100
    million goes to the Czech ammunition initiative"): then the one the sentence before was about."""
    channels = ctx.in_sentence("channel", idx)
    if idx > 0 and ctx.explicit[idx] and channels and all(
            any(c.start <= p.start < c.end for c in channels) for p in ctx.parties_in(idx)
            if p.value not in (RECIPIENT, "RUS")):
        return ctx.donor(idx - 1)
    return ctx.donor(idx)


def _named_giver(ctx: Ctx, idx: int, pos: int) -> bool:
    """A state other than Ukraine is named by its name (not an adjective) before ``pos``."""
    s, _e = ctx.sentences[idx]
    return any(p.value not in (RECIPIENT, "RUS") and p.extra.get("kind") != "demonym"
               for p in ctx.parties_in(idx, start=s, end=pos))


def _recipient_subject(ctx: Ctx, idx: int, cue: int) -> bool:
    """Ukraine (or Kyiv), or Russia, is the subject right before the status verb."""
    before = ctx.parties_in(idx, start=max(ctx.sentences[idx][0], cue - 40), end=cue)
    return bool(before) and before[-1].value in (RECIPIENT, "RUS") and not _TO.search(
        ctx.text, max(0, before[-1].start - 12), before[-1].start)


def _label(ctx: Ctx, idx: int, m: Mention) -> bool:
    """The amount opens a line after a party's name and a colon ("- Sweden: SEK 75 billion")."""
    s, _e = ctx.sentences[idx]
    line = max(s, ctx.text.rfind("\n", 0, m.start) + 1)
    if m.start - line > 60 or ":" not in ctx.text[line:m.start]:
        return False
    label = _LABEL.match(ctx.text, line, m.start)
    if label is None:
        return False
    parties = [p for p in ctx.parties_in(idx, start=label.start("who"), end=label.end("who"))
               if p.value not in (RECIPIENT, "RUS")]
    return len(parties) == 1 and (parties[0].start, parties[0].end) == (label.start("who"), label.end("who"))


def _co_donors(ctx: Ctx, idx: int, m: Mention, donor: str) -> list[str]:
    """The other donors listed with ``donor`` before the amount ("Norway and Denmark each ...")."""
    s, _e = ctx.sentences[idx]
    before = [p for p in ctx.parties_in(idx, start=max(s, m.start - 300), end=m.start)
              if p.value not in (RECIPIENT, "RUS")]
    chain: list[str] = []
    for a, b in pairwise(before):
        if re.fullmatch(r"\s*(?:,|and|, and)\s*", ctx.text[a.end:b.start]):
            chain.extend(x for x in (str(a.value), str(b.value)) if x not in chain)
    return [c for c in chain if c != donor]


def _subject_start(ctx: Ctx, idx: int, cue: int, money_start: int) -> int:
    """Start the quote at the donor's name when it stands right before the verb."""
    for p in reversed(ctx.parties_in(idx, end=cue)):
        if cue - p.end <= 25:
            return p.start
    return cue


def _donor(ctx: Ctx, idx: int, m: Mention, seg_start: int) -> str | None:
    """The nearest party before the amount that is not governed by a preposition ("to Ukraine");
    an organisation counts too ("the European Investment Bank approved ..."), so that its money
    is never credited to a state named earlier; else "from X" after the amount."""
    s, _e = ctx.sentences[idx]
    s = max(s, m.start - 300)  # the donor is named near its verb; bounded for huge sentences
    text = ctx.text
    # Only the parties from 300 before to 300 after the amount can answer: found by bisection
    # (mentions come in text order), so a huge sentence of amounts and parties is not quadratic.
    parties = ctx.in_sentence("party", idx)
    lo, hi = bisect_left(parties, s, key=_start), bisect_left(parties, m.end + 300, key=_start)
    named = [p for p in parties[lo:hi] if not p.extra.get("in_name")]
    for p in [p for p in named if m.end <= p.start < m.end + 25]:
        if p.value not in (RECIPIENT, "RUS") and _FROM.search(text[m.end:p.start]):
            return str(p.value)  # "EUR 300 million from the EIB": the source is named with the sum
    for p in reversed([p for p in named if s <= p.start and p.end <= m.start]):
        if p.value in (RECIPIENT, "RUS"):
            continue
        if _TO.search(text[max(s, p.start - 12):p.start]):
            continue
        return str(p.value)
    for p in [p for p in named if m.end <= p.start < m.end + 300]:
        if p.value != RECIPIENT and _FROM.search(text[max(s, p.start - 12):p.start]):
            return str(p.value)
    people = [c for _, c in ctx.people_countries(s, m.start) if c not in (RECIPIENT, "RUS")]
    return people[-1] if people else None  # "Macron announced EUR 3 billion"


def _start(mention: Mention) -> int:
    return mention.start


def category(phrase: str) -> str:
    return _category(phrase)


def _category_near(right: str, left: str) -> str:
    """The words right after the amount ("EUR 5 million of military support") name what it is
    for; the words before it count only when those are silent ("In the financial year we will
    provide £2.5 billion in military aid" is military)."""
    found = _categories(right)
    if len(found) == 1 and not ("other" in right and _OTHER.search(right)):
        return found.pop()
    return _category(right + " " + left) if not found else "unspecified"


def _categories(phrase: str) -> set[str]:
    """The categories whose words ``phrase`` holds (a keyword test first: most phrases hold one or none)."""
    low = fold(phrase)
    return {name for (name, pattern), gate in zip(_CATEGORIES, _G_CATEGORIES, strict=True)
            if gate.may(low) and pattern.search(phrase)}


def _category(phrase: str) -> str:
    found = _categories(phrase)
    if len(found) == 1 and not ("other" in phrase and _OTHER.search(phrase)):
        return found.pop()
    return "unspecified"


def _period(ctx: Ctx, idx: int, m: Mention, seg_start: int, seg_end: int) -> str | None:
    since = None
    year = None
    for d in ctx.in_sentence("date", idx):
        if not d.value:
            continue
        if d.extra.get("since"):
            since = d.value
        elif seg_start <= d.start < seg_end and year is None:
            year = d.value[:4]
    ref = ctx.doc.reference
    if since:
        return f"{since}/{ref.year}" if ref else since
    return year
