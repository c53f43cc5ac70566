"""Mechanisms: consultation time limits with their trigger, and the military scope of aid
(lethal / non-lethal, including limits phrased as restrictions)."""

from __future__ import annotations

import re
from typing import Any, Final

from accords.extract.prefilter import word_char
from accords.extract.relate.context import RECIPIENT, Ctx
from accords.extract.rx import Rx, rx

_CONSULT: Final = rx(r"(?=[cmt])(?:\bconsult\w*|\bconvene\w*|\bmeet\w*\b|\btalks\b|\bconfer\b)", re.I)
_TRIGGER: Final = rx(r"\b(?:in the event of|in case of|in the case of|following|after|upon|if there is|"
                     r"if there were|should there be|if|should(?=\s+[A-Z])|in the event that|in case)\s+"
                     r"(?:an?\s+|the\s+|any\s+)?(?P<t>[^.;()]{3,120})")
# The condition before the clause: at the start of the sentence or after "that,"/"but,".
_IF: Final = rx(r"(?:[^.;]*?\b(?:that|but|and|then|so),)?\s*(?:[Ii]f|[Ss]hould|[Ii]n the event that|"
                r"[Ii]n the event of|[Ii]n (?:the )?case of|[Ii]n case)\s+(?:an?\s+|the\s+)?(?P<t>[^,;]{3,120}),")
# "Finland uses the same 24-hour clock": a limit said to be the one just told, which was a consultation's
# (the recogniser finds an "N-hour clock/clause/rule" only as such a limit, never a bare hour count)
_SAME_LIMIT: Final = rx(r"\bsame\s+\w+-(?:hour|day)\s+(?:clock|clause|rule|deadline|window|limit)\b", re.I)
_NON_LETHAL: Final = rx(r"\bnon-?lethal\b", re.I)
_LETHAL: Final = rx(r"(?<!non-)(?<!non)\blethal\b", re.I)
# ((?=[...]) before a pattern names the initials of its words: the engine rejects most positions at once, same matches)
_SUPPLY: Final = rx(r"(?=[psdtgfbwaerlh])"
                    r"\b(?:provid\w*|suppl\w*|deliver\w*|send\w*|sent|transfer\w*|pledg\w*|give|gave|fund|funds|"
                    r"funding|financ\w*|pay|pays|paying|buy|buys|procur\w*|"
                    r"weapons?|arms|aid|assistance|help|support|equipment|restrict\w*|limit\w*|focus\w*)\b", re.I)
_NEGATED: Final = rx(r"(?=[nrdbpweicm])"
                     r"(?:\b(?:not|never|no|refus\w*|declin\w*|ban\w*|prohibit\w*|without|except|rather than|"
                     r"instead of|neither|nor|consider\w*|could|might|(?-i:may))\b|n't\b)", re.I)  # ("May": a month)
_HEDGED: Final = rx(r"(?=[cmpr])\b(?:could|might|(?-i:may)|consider\w*|possibl\w*|reportedly)\b", re.I)
# the aid as the subject of "is not": "But its help is not lethal" (not "weapons ... are not lethal")
_AID_NOT: Final = rx(r"\b(?:aid|help|support|assistance)\s+(?:is|are|was|has\s+been|remains)\s+not\s+\Z", re.I)
_NOT_ONLY: Final = rx(r"\bnot\s+(?:only|just|merely|limited\s+to|restricted\s+to)\b", re.I)


_SOME: Final = rx(r"(?=[smof])\b(?:some|many|most|several|other|few)\s+(?:of\s+the\s+)?(?:[\w-]+\s+)?"
                  r"(?:agreements|texts|accords|partners|countries|allies|states)\b", re.I)
_TEXT_AFTER: Final = rx(r"\s+(?:[\w-]+\s+)?(?:text|agreement|accord|deal|pact|document)s?\b")
_LIST_GAP: Final = rx(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_LIKENESS: Final = rx(r"\b[Aa]s\s+(?:in|with)\s+(?:the\s+)?\Z")


def _text_demonyms(ctx: Ctx, idx: int) -> list[str]:
    """Partners named by adjectives before a word for a text: "the French text", "the Spanish,
    Belgian and Portuguese texts"."""
    found: set[str] = set()
    chain: list[str] = []
    last_end = -1
    for p in ctx.parties_in(idx):
        if p.extra.get("kind") != "demonym":
            chain, last_end = [], -1
            continue
        gap = _LIST_GAP.fullmatch(ctx.text, last_end, p.start) if last_end >= 0 else None
        chain = [*chain, str(p.value)] if gap else [str(p.value)]
        last_end = p.end
        if _TEXT_AFTER.match(ctx.text, p.end) and not _LIKENESS.search(ctx.text, max(0, p.start - 12), p.start):
            found.update(chain)  # (not "..., as in the British text": the model the text in context follows)
    return sorted(found - {"RUS", RECIPIENT})


_COUNT: Final = r"two|three|four|five|six|seven|eight|nine|ten"
# "both texts", "all three agreements", "each of the three texts", and without the noun when a
# count stands for it: "In each of the three, the parties ...", "for all three:".
_COLLECTIVE: Final = rx(
    rf"(?=[baeifu])(?:\b(?:both|all\s+(?:{_COUNT}|the)|each\s+of\s+(?:the|these|those)(?:\s+(?P<n>{_COUNT}))?|every)\s+"
    rf"(?:[\w-]+\s+)?(?:texts|agreements|documents|accords|of them)\b"
    rf"|\b(?:in|for|under|across)\s+(?:all|each\s+of|both\s+of)?\s*(?:the\s+|these\s+|those\s+)?"
    rf"(?P<m>{_COUNT})\s*[,:])", re.I)
_COUNTS: Final = {w: i for i, w in enumerate(_COUNT.split("|"), start=2)}


def relate_consultations(ctx: Ctx, agreements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Time limits for consultations; "both texts"/"all three texts" apply to every agreement."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    for idx in sorted(ctx.by_sentence.get("timelimit", {})):  # (a sentence without a time limit gives none)
        s, e = ctx.sentences[idx]
        limits = ctx.in_sentence("timelimit", idx)
        if not limits or not (_consult_starts(ctx.text, ctx.low, s, e, True) or _SAME_LIMIT.search(ctx.text, s, e)):
            continue
        if ctx.text[s:e].rstrip().rstrip("\"'”’)»").endswith("?"):
            continue  # "(b) whether Norway will consult Ukraine within 24 hours ...?": asked, not stated
        partners = sorted({p.value for p in ctx.parties_in(idx) if p.extra.get("kind") != "demonym"}
                          - {"RUS", RECIPIENT})
        if not partners:  # "The French text carries the same 24-hour clause": the adjective names the text
            partners = _text_demonyms(ctx, idx)
        if not partners and _SOME.search(ctx.text, s, e):
            continue  # "Some agreements promise talks within 24 hours": not this document's agreement
        if not partners and not ctx.explicit[idx] and tuple(ctx.topic[idx]) == tuple(ctx.focus):
            # (a partner named earlier in the paragraph wins; the document's focus does not)
            headed = _section_partner(ctx, s)  # "## Netherlands" ... "The agreement provides for ..."
            partners = [headed] if headed else []
        collective = _COLLECTIVE.search(ctx.text[s:e])
        groups = [sorted(a["parties"]) for a in agreements if not a.get("mentioned_only")] if collective else []
        count = (collective["n"] or collective["m"]) if collective else None
        if not count and collective and collective.group().lower().startswith("both") and len(groups) > 2:
            # "In both texts ..." where a third agreement is told later ("Britain signed the first such
            # agreement last month"): both are the two told before the sentence
            groups = [sorted(a["parties"]) for a in agreements if not a.get("mentioned_only")
                      and _told_at(a) < s]
            count = "two"
        if count and len(groups) != _COUNTS[count.lower()]:
            groups = []  # "all three" but the document signs some other number: who is meant is unclear
        if groups:
            pass
        elif partners:
            groups = [sorted({p, RECIPIENT}) for p in partners]
        else:
            groups = [list(ctx.topic[idx])] if ctx.topic[idx] else []
        for parties, limit in ((g, lim) for g in groups for lim in limits):
            key = (tuple(sorted(parties)), limit.value)
            if key in seen or len(parties) != 2:
                continue
            seen.add(key)
            trig = _TRIGGER.search(ctx.text, limit.end, e)
            trigger = trig["t"].strip().rstrip(",") if trig else None
            if trigger is None:
                cond = _IF.match(ctx.text, s, limit.start)
                trigger = cond["t"].strip() if cond else None
            start = _clause_start(ctx.text, ctx.low, s, limit.start)
            end = trig.end() if trig else limit.end
            out.append({"parties": sorted(parties), "hours": limit.value, "trigger": trigger,
                        "_span": (start, end)})
    return out


def _told_at(agreement: dict[str, Any]) -> int:
    """Where the text first tells ``agreement`` (its span's start; the end of time when it has none)."""
    span = agreement.get("_span") or agreement.get("span")
    return int(span[0]) if span else 1 << 62


def _section_partner(ctx: Ctx, pos: int) -> str | None:
    """The one partner the heading of the section around ``pos`` names, if any."""
    sections = [sec for sec in ctx.doc.sections if sec.title and sec.start <= pos < sec.end]
    if not sections:
        return None
    start = sections[-1].start
    end = ctx.text.find("\n", start)
    end = len(ctx.text) if end < 0 else end
    if pos < end:
        return None  # the sentence is the heading itself
    idx = ctx.sentence_of(start)
    named = {p.value for p in ctx.parties_in(idx, start=start, end=end)} - {"RUS", RECIPIENT}
    return str(named.pop()) if len(named) == 1 else None


def _clause_start(text: str, low: str, sentence_start: int, pos: int) -> int:
    """Back up to the consultation word before the limit, so the quote reads as a phrase."""
    starts = _consult_starts(text, low, sentence_start, pos, False)
    return starts[-1] if starts else sentence_start


# _CONSULT's words, and whether a word must end where the key does (the others match whatever follows)
_CONSULT_KEYS: Final = (("consult", False), ("convene", False), ("meet", False), ("talks", True), ("confer", True))


def _consult_starts(text: str, low: str, start: int, end: int, alone: bool) -> list[int]:
    """The starts of the matches of ``_CONSULT.finditer(text, start, end)`` (with ``alone``: of
    ``_CONSULT.finditer(text[start:end])``, which sees no character before ``start``); ``low`` is ``text``
    folded. Every match is a word that opens with one of its keys, so each is found by str.find (a scan
    under IGNORECASE tries every position), and a word start holds one match at most."""
    out: list[int] = []
    for key, whole in _CONSULT_KEYS:
        at = low.find(key, start, end)
        while at >= 0:
            stop = at + len(key)
            if ((at == start and alone) or at == 0 or not word_char(text[at - 1])) \
                    and (not whole or stop == end or not word_char(text[stop])):
                out.append(at)
            at = low.find(key, at + 1, end)
    out.sort()
    return out


# Lethal by what is given: a donor that provides, supplies or pledges weapons or ammunition
# gives lethal aid even when the word "lethal" is absent ("Denmark shall provide military
# support ..., including weapons and ammunition"). Only the category words count: an inventory
# of a package ("36 howitzers, 120,000 rounds of ammunition") lists its contents and says
# nothing of the scope, and an "ammunition initiative" or "coalition" is a channel.
_LETHAL_ITEMS: Final = rx(r"(?=[wamsl])"
                          r"(?<![\d,] )(?<!rounds of )(?<!rounds of artillery )\b(?:weapons|weaponry|ammunition|"
                          r"munitions|small\s+arms|arms\s+(?:deliveries|supplies)|long-range\s+(?:systems|missiles|"
                          r"strike\s+systems))\b"
                          r"(?!\s+(?:initiative|coalition|programme|program|production|factory|plant|industry|"
                          r"purchases|procurement))", re.I)
_GIVING: Final = rx(r"(?=[psdtgic])"
                    r"\b(?:provid\w*|suppl\w*|deliver\w*|send\w*|sent|transfer\w*|pledg\w*|donat\w*|gives?|"
                    r"gave|given|includ\w*|contribut\w*|promis\w*)\b", re.I)
_UNSURE: Final = rx(r"(?=[nwiaqehrcbp])"
                    r"\b(?:nobody|no\s+one|none|nothing|whether|if|asked|ask\w*|question\w*|expect\w*|"
                    r"would|hop\w*|want\w*|request\w*|call\w*\s+for|need\w*|buy\w*|bought|purchas\w*)\b",
                            re.I)
_REFERS: Final = rx(r"\b(?:refers?|referring|mentions?|mentioning|names?)\s+to\b|\bmentions?\b", re.I)
_ITEM_GATE: Final = ("weapon", "ammunition", "munitions", "arms", "long-range")
# ... or when the items are what a package is for: "a defence package worth EUR 188 million for air defence and
# heavy-calibre ammunition", "aid for weapons" (the money's purpose is the aid's scope)
_PACKAGE_FOR = rx(r"\b(?:package|tranche|aid|assistance)\b[^.;:]{0,60}?\bfor\s+(?:[\w-]+(?:\s+and)?\s+){0,5}\Z", re.I)
_ITEM_CLAUSE: Final = rx(r"[;:]|,\s+(?:but|while|whereas)\b|\bnot\s+only\b")


def relate_scope(ctx: Ctx) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    folded = ctx.low  # (fold(ctx.text), found once)
    items, funded = _item_gates(folded)
    if "lethal" not in folded:  # both patterns need the word: nothing to find (most documents)
        if items:
            _lethal_items(ctx, folded, out, seen)
        if funded:
            _funded_items(ctx, folded, out, seen)
        return out
    for idx, (s, e) in enumerate(ctx.sentences):
        if folded.find("lethal", s, e) < 0:  # ("lethal" not in folded[s:e], without the copy)
            continue
        sent = ctx.text[s:e]
        for pattern, scope0 in ((_NON_LETHAL, "non-lethal"), (_LETHAL, "lethal")):
            for m in _lethal_matches(pattern, sent, folded, s, e):
                before = sent[:m.start()]
                scope = scope0
                if scope == "lethal" and "not " in before[-8:] and _AID_NOT.search(before[-60:]):
                    scope = "non-lethal"  # "its help is not lethal": what the aid is, said the other way round
                clause = re.split(r"[;:]|,\s+(?:but|while|whereas)\b", before)[-1]
                if scope == "non-lethal" and _NOT_ONLY.search(clause[-40:]):
                    continue
                if scope == "lethal" and (_NEGATED.search(clause) or not _SUPPLY.search(sent)):
                    continue
                if scope == "non-lethal" and not _SUPPLY.search(sent):
                    continue
                if m.group()[0] == "L" and _TITLE_CASE.match(sent, m.end()) and m.start() > 0:
                    continue  # "... Consultations and Lethal Aid": a headline's topic, not a donor's aid
                donors = _listed_texts(ctx, idx, s + m.start())
                if not donors:
                    donor = _donor(ctx, idx, s + m.start())
                    donors = [donor] if donor else []
                start, end = _phrase(sent, m.start(), m.end())
                for donor in donors:
                    if (donor, scope) in seen:
                        continue
                    seen.add((donor, scope))
                    out.append({"donor": donor, "scope": scope, "_span": (s + start, s + end)})
    if items:
        _lethal_items(ctx, folded, out, seen)
    if funded:
        _funded_items(ctx, folded, out, seen)
    return out


def _lethal_matches(pattern: Rx, sent: str, folded: str, s: int, e: int) -> list[re.Match[str]]:
    """``list(pattern.finditer(sent))`` for ``_NON_LETHAL`` or ``_LETHAL`` (``sent`` is the text's ``[s:e]``,
    ``folded`` the text folded). Each of their matches ends in the word "lethal" and holds only one, so
    each is tried where str.find finds the word (a scan under IGNORECASE tries every position): a
    "lethal" match starts there, a "non-lethal" one four or three characters before."""
    out: list[re.Match[str]] = []
    at = folded.find("lethal", s, e)
    while at >= 0:
        q = at - s
        if pattern is _LETHAL:
            m = pattern.match(sent, q)
        else:
            m = (pattern.match(sent, q - 4) if q >= 4 else None) or (pattern.match(sent, q - 3) if q >= 3 else None)
        if m is not None:
            out.append(m)
        at = folded.find("lethal", at + 6, e)
    return out


_FUNDED_ONLY: Final = ("missiles", "rounds", "shells")  # (_FUNDED_GATE's words not in _ITEM_GATE)


def _item_gates(folded: str) -> tuple[bool, bool]:
    """(whether a word of _ITEM_GATE is in ``folded``, whether one of _FUNDED_GATE is), in fewer scans of
    the text: the first three words are in both, and the first found of _ITEM_GATE is one of them unless
    it is "arms" or "long-range" (tested last)."""
    hit = next((k for k in _ITEM_GATE if k in folded), None)
    if hit is not None and hit not in ("arms", "long-range"):
        return True, True
    return hit is not None, any(k in folded for k in _FUNDED_ONLY)


def _lethal_items(ctx: Ctx, folded: str, out: list[dict[str, Any]], seen: set[tuple[str, str]]) -> None:
    """Lethal scope from the items a donor gives, in sentences that do not speak of lethality."""
    candidates: set[int] = set()
    for key in _ITEM_GATE:  # only the sentences with an item word (str.find is cheap)
        pos = folded.find(key)
        while pos >= 0:
            candidates.add(ctx.sentence_of(pos))
            pos = folded.find(key, pos + 1)
    for idx in sorted(candidates):
        s, e = ctx.sentences[idx]
        if "lethal" in folded[s:e] or ctx.text[s:e].rstrip().endswith("?"):
            continue
        sent = ctx.text[s:e]
        for m in _LETHAL_ITEMS.finditer(sent):
            clause = _ITEM_CLAUSE.split(sent[:m.start()])[-1]
            verbs = list(_GIVING.finditer(clause))
            verb = verbs[-1] if verbs else None  # the giving verb nearest the items
            if verb is None and "for " in clause and ("package" in clause or "aid" in clause
                                                      or "assistance" in clause or "tranche" in clause):
                verb = _PACKAGE_FOR.search(clause)
            if verb is None or _NEGATED.search(clause) or _UNSURE.search(clause) or _HEDGED.search(sent):
                continue
            if _REFERS.search(clause):
                continue  # ("The text refers to supplies including ...": what the text names, not aid given)
            donor = _giver(ctx, idx, s + verb.start())
            if donor is None or (donor, "lethal") in seen or (donor, "non-lethal") in seen:
                continue
            seen.add((donor, "lethal"))
            start, end = (verb.start(), m.end()) if m.end() - verb.start() <= 100 else _phrase(sent, m.start(), m.end())
            out.append({"donor": donor, "scope": "lethal", "_span": (s + start, s + end)})
            break


# Lethal by what a donor pays for: "an initiative which buys large-calibre artillery rounds for Ukrainian
# units", "funds 155 mm shells for Kyiv", "artillery, naval and long-range weapons are named as priorities"
# (of the donor's aid). Buying counts only for Ukraine (Kyiv buying weapons is no donor's scope), and a
# priority only when it is not Ukraine's own wish list.
_FUNDED_ITEMS: Final = rx(r"(?=[waml\d])\b(?:weapons|weaponry|ammunition|munitions|missiles|"
                          r"(?:artillery|large-calib(?:re|er)|\d{2,3}\s?mm)\s+(?:rounds|shells|ammunition))\b"
                          r"(?!\s+(?:initiative|coalition|programme|program|production|factory|plant|industry))", re.I)
_FUNDING: Final = rx(r"(?=[bpf])\b(?:buy|buys|buying|bought|purchas\w*|procur\w*|funds?|funding|funded|financ\w*|"
                     r"pay(?:s|ing)?\s+for|paid\s+for)\b", re.I)
_FOR_UKRAINE: Final = rx(r"(?=[ft])\b(?:for|to)\s+(?:the\s+)?(?:Ukrain\w*|Kyiv)\b")
_PRIORITY: Final = rx(r"\bpriorit(?:y|ies)\b", re.I)
_FUNDED_GATE: Final = ("weapon", "ammunition", "munitions", "missiles", "rounds", "shells")
_LED: Final = rx(r"-(?:led|run|based)\b")


def _funded_items(ctx: Ctx, folded: str, out: list[dict[str, Any]], seen: set[tuple[str, str]]) -> None:
    candidates: set[int] = set()
    for key in _FUNDED_GATE:  # only the sentences with an item word (str.find is cheap)
        pos = folded.find(key)
        while pos >= 0:
            idx = ctx.sentence_of(pos)
            candidates.add(idx)
            pos = folded.find(key, max(pos + 1, ctx.sentences[idx][1]))
    for idx in sorted(candidates):
        s, e = ctx.sentences[idx]
        low = folded[s:e]
        if "lethal" in low or low.rstrip().endswith("?"):
            continue
        sent = ctx.text[s:e]
        item = _FUNDED_ITEMS.search(sent)
        if not item:
            continue
        verb = _FUNDING.search(sent, 0, item.start())
        paid = verb is not None and _FOR_UKRAINE.search(sent, verb.end()) is not None
        listed = not paid and "priorit" in low and bool(_PRIORITY.search(sent, item.end())) \
            and not re.search(r"Ukrain|Kyiv", sent)
        # (the whole-sentence scans for a negation or a hedge last: most sentences pay for nothing)
        if not (paid or listed) or _NEGATED.search(sent) or _HEDGED.search(sent):
            continue
        if paid and verb is not None:
            donor = _payer(ctx, idx, s + verb.start())
            start = verb.start()
        else:
            donor, start = ctx.donor(idx), (0 if item.end() <= 100 else item.start())  # (the list of priorities)
        if donor is None or (donor, "lethal") in seen or (donor, "non-lethal") in seen:
            continue
        seen.add((donor, "lethal"))
        end = item.end() if item.end() - start <= 100 else start + 100
        out.append({"donor": donor, "scope": "lethal", "_span": (s + start, s + end)})


def _payer(ctx: Ctx, idx: int, pos: int) -> str | None:
    """The party that pays: the nearest ungoverned one before the verb (not "the Czech-led initiative"), a
    person's country ("Rutte announced EUR 150 million"), else the passage's partner."""
    s, _e = ctx.sentences[idx]
    for p in reversed(ctx.parties_in(idx, end=pos)):
        if p.value in (RECIPIENT, "RUS") or _LED.match(ctx.text, p.end):
            continue
        if not _GOVERNED.search(ctx.text, max(s, p.start - 20), p.start):
            return str(p.value)
    people = [c for a, c in ctx.people_countries(s, pos) if c not in (RECIPIENT, "RUS")]
    return people[-1] if people else ctx.donor(idx)


def _donor(ctx: Ctx, idx: int, pos: int) -> str | None:
    for p in reversed(ctx.parties_in(idx, end=pos)):
        if p.value not in (RECIPIENT, "RUS"):
            return str(p.value)
    _s, e = ctx.sentences[idx]
    other = _OTHER_CLAUSE.search(ctx.text, pos, e)  # "..., while the United States supplies weapons"
    for p in ctx.parties_in(idx, start=pos, end=other.start() if other else None):
        if p.value not in (RECIPIENT, "RUS"):
            return str(p.value)
    if other and ctx.explicit[idx] and idx > 0:
        return ctx.donor(idx - 1)  # the sentence's own partner is the contrasting clause's: the one before holds
    return ctx.donor(idx)


# "The Dutch, Belgian and American agreements all cover lethal aid": the adjectives name whose texts
# carry the scope, each of them (the nearest party alone would be the last adjective's).
def _listed_texts(ctx: Ctx, idx: int, pos: int) -> list[str]:
    if not any(p.extra.get("kind") == "demonym" for p in ctx.parties_in(idx, end=pos)):
        return []  # (the common case: no adjective before the word, nothing to chain)
    named = [p for p in ctx.parties_in(idx, end=pos) if p.extra.get("kind") != "demonym"
             and p.value not in (RECIPIENT, "RUS")]
    if named:
        return []  # a partner named by its own name leads the clause
    found = _text_demonyms(ctx, idx)
    return found if len(found) > 1 else []


# a capitalised word right after the keyword: the keyword sits in a title-case heading
_TITLE_CASE: Final = rx(r"\s+[A-Z][a-z]+\b(?:\s*$|\s*\n|\s+[A-Z])")


_OTHER_CLAUSE: Final = rx(r"[;:]|,?\s+(?:while|whereas|but|unlike|as\s+opposed\s+to)\b", re.I)


_GOVERNED: Final = rx(r"\b(?:with|to|for|from|by|of|alongside|than|like|and|including|between|against)\s+"
                      r"(?:the\s+)?\Z", re.I)


def _giver(ctx: Ctx, idx: int, pos: int) -> str | None:
    """Who gives what the verb at ``pos`` gives: the nearest party before it that no preposition
    governs ("The Netherlands leads the coalition together with Denmark and supplies ..." is the
    Netherlands), else as :func:`_donor`."""
    s, _e = ctx.sentences[idx]
    for p in reversed(ctx.parties_in(idx, end=pos)):
        if p.value in (RECIPIENT, "RUS"):
            continue
        if not _GOVERNED.search(ctx.text, max(s, p.start - 20), p.start):
            return str(p.value)
    return _donor(ctx, idx, pos)


def _phrase(sent: str, start: int, end: int) -> tuple[int, int]:
    """A few words either side of the keyword, within the clause."""
    left = sent.rfind(",", 0, start) + 1
    words_before = sent[left:start].split()
    take = " ".join(words_before[-3:])
    begin = start - len(take) - (1 if take else 0) if take else start
    stop = end
    for _ in range(2):
        nxt = re.match(r"\s+[\w-]+", sent[stop:])
        if not nxt or "," in nxt.group():
            break
        stop += nxt.end()
    return max(0, begin), stop
