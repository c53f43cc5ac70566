"""Events (dated things that happened or are scheduled) and channels.

A date is not an event when it is a deadline ("by the end of this year"), when it dates the
document itself (a dateline "KYIV, Jan 12 (Newswire) -", a byline or "Updated 3 June 2024"), or
when it is a bare year that neither opens its sentence ("In 2022, ...") nor dates a signing: a
year alone is more often a period than an event. A relative year ("next year") is an event only
beside a conference, summit or visit.
"""

from __future__ import annotations

import re
from typing import Any, Final

from accords.extract import prefilter
from accords.extract.prefilter import Gate, fold
from accords.extract.recognize.channels import COALITIONS, UDCG
from accords.extract.relate.agreements import date_names_text, wire_dateline
from accords.extract.relate.context import Ctx
from accords.extract.rx import rx

_YEAR_EVENT: Final = rx(r"\b(?:signed|held|launched|adopted|invaded|annexed|established|founded|took place|"
                        r"host\w*)\s+(?:[\w-]+\s+){0,5}in\s+\Z")
_STAMP: Final = rx(r"(?=[acilpu])"
                   r"\b(?:Updated?|Posted|Published|Compiled|Last updated|Last modified|Issued|As of)\s*[:,]?\s*"
                   r"(?:on\s+)?(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?,?\s+)?\Z",
                           re.I)
# "today" (or "this morning") dates an event only beside something that happens: "signed today",
# "the talks today"; not "that is all for today", "I am not announcing anything today".
_NOW: Final = frozenset(["today", "earlier today", "this morning", "this afternoon", "this evening"])
_HAPPENS: Final = rx(r"\b(?:signed|met|held|visited|announced|opened|launched|adopted|agreed|arrived|began|"
                     r"hosted|approved|initialled|took place|put\s+(?:their|his|her|its)\s+names?|ceremony|summit|"
                     r"meeting|visit|talks|conference|session)\b", re.I)
# ((?=[...]) before a pattern names the initials of its words: the engine rejects most positions at once, same matches)
_NOT_HAPPENED: Final = rx(r"(?=[nwcmi])\b(?:not|no|never|nothing|would|could|might|if)\b", re.I)
# "Four agreements signed within a week in late May, and a fifth in October": a count of signings
# at coarse dates sums up what the document tells one by one; it is not an event of its own.
_SUMMARY: Final = rx(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[\w-]+\s+)?"
                     r"(?:agreements|accords|signings|texts|documents)\s+(?:were\s+)?(?:signed|concluded)\b", re.I)
# The date of a comparison's starting figure ("fell to two days from five in July", "up from 3% in May"):
# when a quantity stood at another value, not something that happened.
_BASELINE = rx(r"\bfrom\s+(?:about\s+|around\s+|some\s+|roughly\s+)?(?:\d[\d.,]*\s?%?|one|two|three|four|five|six|"
               r"seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a\s+hundred)"
               r"(?:\s+(?:per\s*cent|percent|days|weeks|hours|tonnes|million|billion))?\s+(?:in|at\s+the\s+end\s+of)\s+\Z",
               re.I)
# The date of an occasion the line names ("the G7 Joint Declaration of July 2023"): no masthead's stamp.
_OCCASION_OF: Final = rx(r"\b(?:declarations?|summits?|conferences?|meetings?|agreements?|accords?|treat(?:y|ies)|"
                         r"memorand(?:um|a)|communiqu\w+)\s+(?:of|in)\s+\Z", re.I)
# A plan the sentence says did not come about (read after the date: "planned for June but slipped").
_UNREALISED: Final = rx(r"[^.;]{0,80}?\b(?:but|and)\s+(?:was\s+|were\s+|had\s+to\s+be\s+)?(?:slipped|postponed|delayed|"
                 r"cancell?ed|called\s+off|put\s+off|fell\s+through|moved|did\s+not\s+(?:happen|take\s+place))\b", re.I)
_TO_MONTH: Final = rx(r"\s+(?:to|until|till|through)\s+[A-Z][a-z]{2}")
_FROM_MONTH_TO: Final = rx(r"\bfrom\s+[A-Z][a-z]+\s+(?:to|until|till|through)\s+\Z")
# A short line near the top (or the foot) that says how the document came about ("Transcript prepared by the
# clerks, 17 January 2024", "Working paper 7/2024 - ... - 20 March 2024", "Sent to participants on
# ..."): its date is the publication date, which is not an event (project convention).
_PUBLICATION: Final = rx(r"(?=[tpscdwbon])"
                         r"\b(?:transcript|prepared by|sent to|circulated|distributed|published|compiled|written by|"
                         r"(?:working|policy|discussion|briefing|occasional) paper|press release|newsletter)\b",
                                 re.I)
_HEAD: Final = 600  # characters from either end: where mastheads, publication lines and footers sit
_HEAD_LINE: Final = 160
# A year after an occasion ("host an international conference on mine action in Ukraine in 2025")
_YEAR_OCCASION: Final = rx(r"(?=[cefs])"
                           r"\b(?:conference|summit|forum|election|ceremony)s?\b(?:\s+[\w-]+){0,6}\s+in\s+\Z",
                                   re.I)
_EVENT_NOUN: Final = rx(r"(?=[csmvehtf])"
                        r"\b(?:conference|summit|meeting|visit|election|host\w*|ceremony|talks|session|forum)\b",
                                re.I)
# Keyword tests first: most texts before a date lack every word these patterns need (same results).
_G_STAMP, _G_YEAR_EVENT = Gate(_STAMP), Gate(_YEAR_EVENT)
_G_YEAR_OCCASION, _G_SUMMARY = Gate(_YEAR_OCCASION), Gate(_SUMMARY)
_G_PUBLICATION: Final = Gate(_PUBLICATION)
_YEAR_BUDGET: Final = rx(r",?\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w-]*)?\s+will\s+(?:also\s+)?"
                         r"(?:provide|give|allocate|spend|contribute|deliver|send|disburse)\b")
_VERBISH: Final = rx(r"\b(?:\w+ed|is|are|was|were|will|has|have|held|met|signed|took|begins?|began|"
              r"opens?|closes?|closed|starts?|signs?|meets?|visits?|holds?|hosts?|joins?|adopts?|launch(?:es)?)\b")


def relate_events(ctx: Ctx, agreements: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, int]] = set()
    told: set[str] = set()  # the dates of the events so far

    for idx, dates in sorted(ctx.by_sentence.get("date", {}).items()):
        s, e = ctx.sentences[idx]
        sentence = ctx.text[s:e]
        coarser = {v[:n] for v in (d.value for d in dates if d.value) for n in (4, 7) if len(v) > n}
        offtopic: bool | None = None  # (worked out only for a date that passes the cheaper tests)
        stamp_line: bool | None = None  # (likewise)
        summary: bool | None = None  # (likewise: only a month or a year asks)
        for m in dates:
            value = m.value
            if value in coarser:
                continue  # "earlier this month, on 3 April": the precise date stands for both
            if not value or m.extra.get("deadline") or (ctx.withdrawn and ctx.is_withdrawn(m.start, m.end)):
                continue
            before = ctx.text[max(s, m.start - 80):m.start]  # bounded: sentences can be huge
            # (fold(before), for the keyword tests before the "...\Z" scans: the document was folded once)
            low_before = ctx.low[max(s, m.start - 80):m.start]
            after_party = m.start < 300 and any(p.end in (m.start - 2, m.start - 3) for p in ctx.parties_in(idx))
            if (_G_STAMP.may(low_before) and _STAMP.search(before)) or _is_dateline(ctx.text, s, m.start, m.end,
                                                                                     after_party):
                continue
            if stamp_line is None:
                stamp_line = _stamp_sentence(ctx, idx, sentence)
            if ((stamp_line and not _is_listing(sentence, m.start - s) and not _occasion_of(before)
                 and not (m.start == s and _heads_items(ctx.text, e)))
                    or ((m.start < _HEAD or m.start > len(ctx.text) - _HEAD)
                        and _publication_line(ctx.text, m.start) and not _occasion_of(before))):
                continue
            if m.extra["kind"] == "relative" and len(value) == 4 and not _EVENT_NOUN.search(sentence):
                continue
            if m.extra.get("rel") in _NOW and (not prefilter.search(_HAPPENS, sentence) or _NOT_HAPPENED.search(
                    before[max(before.rfind(c) for c in ",;:") + 1:])):
                continue
            if len(value) < 10:
                if summary is None:
                    summary = _G_SUMMARY.may(ctx.low[s:e]) and bool(_SUMMARY.search(sentence)) and not any(
                        p.extra.get("kind") != "demonym" and p.value not in ("UKR", "RUS") for p in ctx.parties_in(idx))
                if summary:
                    continue
            if "from" in low_before:
                if _BASELINE.search(before):
                    continue  # "queues shortened to two days from five in July": the figure a change is measured from
                if m.extra.get("d") is None and ((low_before.endswith("from ") and _TO_MONTH.match(ctx.text, m.end))
                                                 or _FROM_MONTH_TO.search(before)):
                    continue  # "the financial year runs from April to March": the bounds of a period, not two events
            if ("planned" in low_before or "scheduled" in low_before) and _UNREALISED.search(sentence, m.start - s):
                continue  # "The signing had been planned for Kyiv in June but slipped": it did not happen then
            if len(value) == 4 and " will " in ctx.text[m.end:m.end + 40] and _YEAR_BUDGET.match(ctx.text, m.end):
                continue  # "In 2024 Canada will provide CAD 3 billion": the year the money is for, a period
            if (len(value) == 4 and m.extra["kind"] != "relative"
                    and not (m.start - s < 8 and ctx.text[s:m.start].strip() in {"In", "in", ""})
                    and not (_G_YEAR_EVENT.may(low_before) and _YEAR_EVENT.search(before))
                    and not (_G_YEAR_OCCASION.may(low_before) and _YEAR_OCCASION.search(before))):
                continue
            if _not_new(ctx, told, m, value) or (value in told and _names_a_text(ctx, m.start, m.end, s)):
                continue
            group = -1 - para_of(ctx, idx) if sentence.startswith("|") else idx  # a table is one group
            if (value, group) in seen:
                continue
            seen.add((value, group))
            if offtopic is None:
                offtopic = _off_topic(ctx, idx, sentence, m.start - s)
            if offtopic and not (len(value) == 10 and ctx.low.find("meeting", s, e) >= 0
                                 and not _own_date(ctx, m.start, value)):
                continue  # (a meeting on a given day is a happening: "the next meeting will take place on 18 March")
            # One event per date a sentence tells, however many signings share it ("Czechia and Slovenia
            # signed on 18 July"): the gold conventions require one and leave the others optional.
            out.append({"date": value, "what": _what(sentence), "_span": (s, e)})
            told.add(value)
    out = _drop_months_of_told_signings(ctx, out)
    for item in agreements or []:  # a signing in a liveblog entry, dated by the blog's day
        if item.get("_entry_event"):
            s, e = item["_span"]
            para = ctx.paragraph_of(ctx.sentence_of(s))
            if not any(ev["date"] == item["date_signed"] and ctx.paragraph_of(ctx.sentence_of(ev["_span"][0])) == para
                       for ev in out):  # (unless the entry dates it itself: "... a few minutes ago")
                out.append({"date": item["date_signed"], "what": _what(ctx.text[s:e]), "_span": (s, e)})
    return out


_SIGNING_LABEL: Final = rx(r"(?=[DSds])\b(?:[Ss]igning\s+date|[Dd]ate\s+of\s+signing|[Dd]ate\s+signed)\b")
_TO_SIGN: Final = rx(r"(?=[wt])\b(?:will|would|to)\s+(?:\w+\s+)?sign\b")
_SIGNED: Final = rx(r"(?=[sci])\b(?:signed|concluded|inked|signs?(?!\s+(?:of|that)\b))\b")


# things counted over a period: "the agreements concluded since January", "aid delivered since 2022"
_COUNTED_SINCE: Final = rx(r"\b\w+(?:ed|en|ne)\s+since\s+(?:the\s+)?\Z")


def _occasion_of(before: str) -> bool:
    """The date names an occasion ("the agreement of 21 January 2025"), on a stamp or publication line too:
    a title that joins the next line's "Published 3 February" still dates the agreement it names."""
    return (" of " in before or " in " in before) and bool(_OCCASION_OF.search(before))


def _not_new(ctx: Ctx, told: set[str], m: Any, value: str) -> bool:
    """Dates that add no event: the publication date on a short masthead line ("*Policy Desk | 20 June
    2024*", "A weekly note - Friday, 7 June 2024"); the start of a period ("concluded since January");
    and a date the text returns to without stating it anew: "yesterday", "on Saturday", "the same day"
    or "this year" for a day or year already told, "last December" for a month already told."""
    ref = ctx.doc.reference
    if ref is not None and value == ref.isoformat() and m.start < _HEAD and _masthead(ctx.text, m.start):
        return True
    if m.extra.get("since") and len(value) < 10 and _COUNTED_SINCE.search(ctx.text, max(0, m.start - 40), m.start):
        return True  # (but "Since March 2023, Japan and Ukraine have been partners" dates how that began)
    if not told:
        return False
    if m.extra["kind"] == "relative":
        return value in told or (len(value) == 4 and any(t.startswith(value) for t in told))
    return m.extra.get("y") is None and len(value) == 7 and value in told


def _own_date(ctx: Ctx, start: int, value: str) -> bool:
    """The document's own date at its head ("Minutes: ... group, meeting of 4 March 2024" is the minutes' date)."""
    ref = ctx.doc.reference
    return ref is not None and start < _HEAD and value == ref.isoformat()


def _names_a_text(ctx: Ctx, start: int, end: int, sentence_start: int) -> bool:
    """A date that names a text already dated ("the agreement of 28 May", "the 13 June text") tells no new event."""
    return date_names_text(ctx.text, start, end, sentence_start)


def _masthead(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    return line_end - line_start <= _HEAD_LINE and not _HAPPENS.search(text, line_start, line_end)


# Words that tie a sentence to the subject (states' security and support) when it names no state,
# channel or person: "the seminar on 6 March", "the summit opens on 9 July", "the invasion of 24 February".
_TOPICAL: Final = rx(r"\b(?:agreements?|accords?|treat(?:y|ies)|pacts?|declarations?|summits?|conferences?|"
                     r"seminars?|sessions?|forums?|invasion|invaded|annex\w*|war|ceasefire|aid|assistance|support|"
                     r"sanctions?|security|defen[cs]e|military|army|armed|weapons?|arms|sign\w*|minist\w+|"
                     r"president\w*|prime|governments?|parliament\w*|coalitions?|pledg\w*|memorandum|talks|"
                     r"visit\w*|ceremony|election|mission|troops|NATO|G7|EU|UN|"
                     # (a diplomatic act: "The final figure came on 18 April with an exchange of notes")
                     r"exchanges?\s+of\s+(?:diplomatic\s+)?notes)\b", re.I)
_G_TOPICAL: Final = Gate(_TOPICAL)


def _off_topic(ctx: Ctx, idx: int, sentence: str, at: int = 0) -> bool:
    """A date in a sentence that names no state, channel or person and no word of the subject is no event
    of the subject: a town's budget "adopted in December", a tram line that "will open in March", a team's
    "next home game on Saturday", a sector's order book "at the end of March" (decoys around the news)."""
    if _topical(ctx, idx, sentence):
        return False
    prev = idx - 1  # (an answer is about its question: "When did Portugal sign?" / "On 28 May 2024.")
    if prev >= 0 and ctx.sent_text(prev).rstrip().endswith("?") and _topical(ctx, prev, ctx.sent_text(prev)):
        return False
    # (a programme's line opens with its date and names its item; the next sentence says what it is about:
    # '20 March 2025 - "Mines and the harvest". A discussion of mine clearance in Ukraine.')
    nxt = idx + 1
    return not (at <= _LINE_LEAD and nxt < len(ctx.sentences) and ctx.paragraph_of(nxt) == ctx.paragraph_of(idx)
                and _topical(ctx, nxt, ctx.sent_text(nxt)))


_LINE_LEAD: Final = 6  # how far into its sentence a programme line's date may start ("- **6 March**")


def _topical(ctx: Ctx, idx: int, sentence: str) -> bool:
    if ctx.parties_in(idx) or ctx.in_sentence("channel", idx) or ctx.in_sentence("person", idx):
        return True
    # (prefilter.search: the same match, tried only where a word of the pattern starts)
    return _G_TOPICAL.may(fold(sentence)) and prefilter.search(_TOPICAL, sentence) is not None


def _drop_months_of_told_signings(ctx: Ctx, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A signing dated by its month ("the agreement signed in February") where the text also dates a
    signing on a day of that month ("signed in Lviv on 23 February 2024") is that signing told again,
    in whichever order the two come."""
    months = {ev["date"] for ev in events if len(ev["date"]) == 7}
    if not months:
        return events  # (no month-dated event: the signings on days need not be read)
    days: dict[str, set[str]] = {}  # month -> the partners of the signings told on a day of it
    for ev in events:
        if len(ev["date"]) == 10 and ev["date"][:7] in months:
            days.setdefault(ev["date"][:7], set()).update(_signing_partners(ctx, ev))
    if not days:
        return events
    # (the same partner: "Croatia signed earlier this month" is another signing than Greece's "last Thursday")
    return [ev for ev in events
            if not (len(ev["date"]) == 7 and ev["date"] in days and _signing_partners(ctx, ev) & days[ev["date"]])]


def _signing_partners(ctx: Ctx, ev: dict[str, Any]) -> set[str]:
    """Ukraine's partners in a sentence that reports a signing (none when it reports none)."""
    s, e = ev["_span"]
    sentence = ctx.text[s:e]
    if not ("sign" in sentence or "concluded" in sentence) or not _SIGNED.search(sentence) \
            or _TO_SIGN.search(sentence):
        return set()
    return {p.value for p in ctx.parties_in(ctx.sentence_of(s))} - {"UKR", "RUS"}


def para_of(ctx: Ctx, idx: int) -> int:
    return ctx.paragraph_of(idx)


def _is_dateline(text: str, sentence_start: int, start: int, end: int, after_party: bool = False) -> bool:
    if start < 300 and text[start - 1:start] == "(" and text[end:end + 1] == ")" and not after_party:
        return True  # "(20 February 2024)" in the header: when the text was written (not "Spain (27 May)")
    return wire_dateline(text, start, end)


_LIST_LEAD: Final = rx(r"\s*(?:(?:[-*+]|\d{1,2}[.)])\s+)?(?:\*\*|__)?\Z")
_LISTING: Final = rx(r"(?:(?:[-*+]|\d{1,2}[.)])\s+)?(?:\*\*|__)?[^-:*_]{4,20}(?:\*\*|__)?(?:\s[-:–—]|:)\s")


def _is_listing(sentence: str, offset: int) -> bool:
    """A programme or timeline line that opens with its date: "6 March 2025 - Counting the pledges",
    "- **16 February 2024** - two signings on one day" (a bullet, bold)."""
    return bool(_LIST_LEAD.match(sentence[:offset])) and bool(_LISTING.match(sentence))


def _heads_items(text: str, end: int) -> bool:
    """A short line that opens with its date and has list items under it is a timeline's entry
    ("12 January 2024, Kyiv" over "- X and Y sign ..."), not a masthead's stamp."""
    return bool(_ITEM_NEXT.match(text, end))


_ITEM_NEXT: Final = rx(r"[ \t]*\n[ \t]*[-*+•][ \t]")


def _publication_line(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    return line_end - line_start <= _HEAD_LINE and _G_PUBLICATION.may(fold(text[line_start:line_end])) \
        and bool(_PUBLICATION.search(text, line_start, line_end))


def _stamp_sentence(ctx: Ctx, idx: int, sentence: str) -> bool:
    """The sentence is a masthead or byline line whose dates are the document's own."""
    # (a short answer to a question is no masthead: "When did Portugal sign?" / "On 28 May 2024.")
    return _is_stamp_line(sentence, -1) and not (idx and ctx.sent_text(idx - 1).rstrip().endswith("?")) \
        and not _SIGNING_LABEL.search(sentence)  # (a fact sheet's "Date of signing: 27 May 2024")


def _is_stamp_line(sentence: str, offset: int) -> bool:
    """A masthead or byline line such as "Regional Security Monitor, 9 July 2024"."""
    if len(sentence) > 200:
        return False
    ascii = sentence.isascii()  # (then a word has a letter when it has a case: two calls, no generator)
    words = 0  # words with a letter in them, counted only until there are too many
    for w in sentence.split():
        if w.isalpha() or (w.upper() != w.lower() if ascii else any(c.isalpha() for c in w)):
            words += 1
            if words > 9:
                return False
    return not _VERBISH.search(sentence.replace("'s", ""))


def _what(sentence: str) -> str:
    text = " ".join(sentence.split())
    return text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + "..."


_COALITION_TYPE: Final = rx(r"\b(IT|[Dd]rone|[Dd]emining|[Aa]ir [Ff]orce|[Aa]rtillery|[Aa]rmou?r|[Mm]aritime|IAMD)\b")


def relate_channels(ctx: Ctx) -> list[dict[str, Any]]:
    """Channels, one per name. A named coalition keeps its own name; coalitions in the plural,
    and named ones, said to belong to the Contact Group in the same sentence are part of that
    channel."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    headings = {(s.start, s.start + len(s.title or "")) for s in ctx.doc.sections if s.title}
    for m in ctx.doc.mentions.get("channel", []):
        if any(a <= m.start < b for a, b in headings):
            continue  # a heading ("4. Capability coalitions.") names a topic, not a channel
        name = m.value
        if name == COALITIONS:
            idx = ctx.sentence_of(m.start)
            plural = m.extra.get("plural", m.text.rstrip().endswith("s") or "coalitions" in m.text)
            named = m.extra.get("kind")  # the recognizer's reading of a loosely named coalition
            if (plural or named) and "head" not in m.extra \
                    and any(c.value == UDCG for c in ctx.in_sentence("channel", idx)):
                continue
            kind = _COALITION_TYPE.search(m.text)
            if kind is None and not named and any(c.value == COALITIONS and (c.extra.get("kind")
                                                  or _COALITION_TYPE.search(c.text))
                                                  for c in ctx.in_sentence("channel", idx)):
                continue  # "a capability coalition: Estonia in the IT coalition": the named ones say it
            if named or kind:
                label = named or f"{kind.group(1)[:1].upper()}{kind.group(1)[1:]}"  # type: ignore[union-attr]
                name = f"{label} capability coalition (UDCG)"
        if name in seen:
            continue
        seen.add(name)
        out.append({"name": name, "_span": (m.start, m.end)})
    return out
