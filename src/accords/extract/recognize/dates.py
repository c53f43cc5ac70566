"""Dates: absolute ("13 June 2024", "June 13, 2024", "2024-06-13"), partial ("June 2024",
"in 2022"), and relative ("last December", "13 June of this year", "by the end of this year",
"next year", "in April this year", "on Thursday"), resolved against a reference date.

dateparser cannot resolve "last December" against a reference date, so the relative part is ours.
Impossible dates ("31 February 2024") are dropped, never raised.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any, Final

from accords.extract.prefilter import Gate, finditer_led, fold, matches_at, plain_digits
from accords.extract.recognize.starts import marked_starts
from accords.extract.recognize.windows import chosen
from accords.extract.rx import Pattern, rx
from accords.extract.types import Mention

MONTHS: Final = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH: Final = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                 r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_MONTH_D: Final = _MONTH.replace(r"\.", r"\.?")  # abbreviations need no dot before a day number
_DAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAY_NAMES: Final = tuple(d.lower() for d in _DAYS)
_REL_YEAR: Final = r"(?P<{0}>this|last|next|the same|that) year"
# The alternatives that start with a digit and those that start with a letter are apart, each
# behind a look-ahead (the two sets have no first character in common, so no match changes): a
# digit then never tries the word alternatives, nor a word the digit ones (a third of the cost of
# the tries). The digit look-ahead reads what every digit-led date has after its first number
# (a month, a range, a dot or slash and a number, or four digits), which most numbers lack
# ("5 billion"); the letter one lists the initials of month, weekday and relative words.
_DATES: Final = rx(
    r"(?<![\w-])(?:"
    r"(?=\d{1,2}(?:st|nd|rd|th)?(?:\s+(?:of\s+)?[JFMASOND]|\s?[-\u2013]\s?\d|\s+and\s+\d|[./]\d)|\d{4})(?:"
    r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))(?!\d)"
    r"|(?P<dotted>(?P<ed>\d{1,2})\.(?P<em>\d{1,2})\.(?P<ey>\d{4}))(?!\d)"
    r"|(?P<slashed>(?P<sd>\d{1,2})/(?P<sm>\d{1,2})/(?P<sy>\d{4}))(?!\d)"
    rf"|(?P<dd>\d{{1,2}})(?:st|nd|rd|th)?(?:\s?[-\u2013]\s?\d{{1,2}}(?:st|nd|rd|th)?|\s+and\s+\d{{1,2}}(?:st|nd|rd|th)?)?"
    rf"\s+(?:of\s+)?(?P<dm>{_MONTH_D})"
    rf"(?:,?\s+(?:of\s+)?(?P<dy>\d{{4}})(?!\d)|\s+(?:of\s+)?{_REL_YEAR.format('drel')})?"
    r"|(?P<year>(?:19[4-9]\d|20\d\d))(?![\d]|[.,]\d)"
    r")|(?=[JFMASONDLTEWYlntembyo])(?:"
    rf"(?P<mm>{_MONTH_D})\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?(?![\d,.]\d)(?:,?\s+(?P<my>\d{{4}})(?!\d))?"
    rf"|(?:(?P<mrel0>(?i:last|next|this|early|late|mid-?|earlier this|later this))\s+)?(?P<mo>{_MONTH})('s)?"
    rf"(?:,?\s+(?:of\s+)?(?P<yy>\d{{4}})(?!\d)|\s+(?:of\s+)?{_REL_YEAR.format('mrel')})?"
    r"|(?P<rel>(?:by\s+)?(?:the\s+)?end\s+of\s+(?:this|the|next|last)\s+year|(?:earlier|later)\s+this\s+year"
    r"|(?:[Tt]his|[Ll]ast|[Nn]ext)\s+(?:year|month)|[Yy]esterday|[Tt]oday|[Tt]omorrow"
    # what happened moments before the writing: the reference day ("signed ... a few minutes ago")
    r"|(?:[Ee]arlier\s+today"
    r"|[Tt]his\s+(?:morning|afternoon|evening))"
    r"|(?:on\s+)?the\s+same\s+day|(?:later\s+)?that\s+same\s+day|later\s+(?:that|the\s+same)\s+day"
    r"|(?<=[Oo]n )that\s+day|that\s+(?:evening|afternoon)|the\s+same\s+(?:evening|afternoon)"
    # a day counted from the date told just before ("signed the following day", "a week later")
    r"|(?:on\s+)?the\s+(?:following|next|previous)\s+day|the\s+day\s+(?:before|after)(?!\s+(?:the|a|an|its|his|her)\b)"
    # "(on) Thursday last week": that weekday in the calendar week before (read whole, before the bare weekday)
    rf"|(?:{'|'.join(_DAYS)})\s+(?:last|next)\s+week"
    rf"|(?<=on |On )(?:{'|'.join(_DAYS)})(?!s\b|\s+(?:evenings|mornings|afternoons|nights))"
    rf"|[Tt]his\s+(?:{'|'.join(_DAYS)})(?!s\b)"  # "signed this Monday": that day of the week written in
    rf"|(?:[Ll]ast|[Nn]ext)\s+(?:week(?:,\s*|\s+on\s+|\s+)(?={'|'.join(_DAYS)}))?(?:{'|'.join(_DAYS)})(?!s\b)"
    rf"|(?:{'|'.join(_DAYS)})(?='s\s+(?:signing|ceremony|meeting|summit|talks|visit|session|vote|decision)))"
    r"))(?![\w])"
)
# Leading words of _DATES far more common than the dates they start: every match that starts
# where the text (in any case) has one of them goes on as its gate says (read off the alternatives
# of _DATES above: "the same day", "on the following day", "that evening", "by the end of ...").
# The gate fails in a tenth of the time the whole pattern takes to fail there. (Each gate is the
# Unicode pattern itself, not its Rx: it holds wherever a date starts under either rules, and ten
# thousand gate tests a pass then skip Rx's choice of twin.)
_GATES: Final[dict[str, Pattern]] = {
    "the": rx(r"the\s+(?:end|same|following|next|previous|day)").u,
    "on": rx(r"on\s+the\s+(?:same|following|next|previous)").u,
    "that": rx(r"that\s+(?:same|day|evening|afternoon)").u,
    "by": rx(r"by\s+(?:the\s+)?end").u,
    # Words that start months or relative dates far more often than they start one ("market",
    # "decided", "may", "this agreement", "later in", "last but"): what the date would need next.
    "mar": rx(r"Mar(?:ch|\.|\s)").u,
    "may": rx("May").u,
    "sep": rx(r"Sep(?:tember|t?[.\s])").u,
    "dec": rx(r"Dec(?:ember|\.|\s)").u,
    "this": rx(r"(?i:this)\s+(?:[JFMASONDTW][a-z]|year|month|morning|afternoon|evening)").u,
    "last": rx(r"(?i:last)\s+(?:[JFMASONDTW][a-z]|year|month|week)").u,
    "next": rx(r"(?i:next)\s+(?:[JFMASONDTW][a-z]|year|month|week)").u,
    "late": rx(r"(?i:later?)\s+(?:[JFMASOND][a-z]|(?i:th))").u,
    "earlie": rx(r"(?i:earlier\s+t)").u,
    "end": rx(r"end\s+of\s").u,
}
# What the gates of the commonest of those words read, each run of whitespace written as one space:
# the shared pass (:mod:`accords.extract.recognize.starts`) looks for these phrases instead of the
# bare word ("the" is a fifth of its hits), and for the word followed by two spaces or more, so it
# still finds every place where the gate holds (and tests the gate there, as before).
GATE_PHRASES: Final[dict[str, tuple[str, ...]]] = {
    "the": ("the end", "the same", "the following", "the next", "the previous", "the day"),
    "on": ("on the same", "on the following", "on the next", "on the previous"),
    "that": ("that same", "that day", "that evening", "that afternoon"),
    "by": ("by the end", "by end"),
}
_BARE_WORDS: Final = frozenset([
    "in", "since", "by", "until", "till", "from", "of", "during", "through", "before", "after", "early", "late",
    "mid", "end", "between", "and", "to", "on", "as", "For", "for", "year", "the", "In", "Since", "By", "Until",
    "From", "During", "Before", "After"])
# (what _bare_context answers; kept as its definition, and for the tests)
_BARE_CONTEXT: Final = rx(r"(?:\b(?:" + "|".join(sorted(_BARE_WORDS)) + r")\s+)\Z")
_LONGEST_BARE: Final = max(map(len, _BARE_WORDS))


def _bare_context(before: str) -> bool:
    """Exactly ``_BARE_CONTEXT.search(before) is not None``: ``before`` ends with whitespace, and the
    run of word characters right before it is one of the words (``\\b`` before a word of letters
    means no word character precedes it). A search of the pattern tries the alternation at every
    position of ``before``; this reads its last word alone. (str.rstrip strips what ``\\s`` matches
    under the rules the pattern runs under: Unicode ones, or ASCII ones on a text that rx.plain
    allows, which holds none of the separators where the two differ.)"""
    head = before.rstrip()
    end = len(head)
    if end == len(before):
        return False  # (no whitespace at the end)
    at = end
    while at > 0 and end - at <= _LONGEST_BARE and (head[at - 1].isalnum() or head[at - 1] == "_"):
        at -= 1
    return head[at:end] in _BARE_WORDS
_MONTH_ON_NOUN: Final = rx(r"\s+(?:(?:security|bilateral|defen[cs]e)\s+)?(?:agreement|accord|pact|text|treaty|summit|"
                           r"signing|deal)s?\b")
_DETERMINER: Final = rx(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]his|[Ll]ast)\s+\Z")
_DEADLINE: Final = rx(r"(?:\b(?:by|until|till|through|before|no later than|up to)\s+(?:the\s+)?(?:end\s+of\s+)?)\Z",
                              re.I)


# Counted from a point in time: "a few minutes ago" (the reference day), "a week later", "two days
# before" (from the date told before). Found from the unit word, which is rare, then the count
# before it is read back (a scan from every "a", "two" or "several" would cost far more).
_UNIT_SHIFT: Final = rx(r"(?=[mhdw])\b(?:(?P<now>minutes?|hours?)\s+ago|(?:days?|weeks?)\s+(?:later|earlier|before)"
                        r"(?!\s+(?:the|a|an)\b))(?![\w])")
_COUNT_BEFORE: Final = rx(r"(?<![\w-])(?i:a\s+few|several|an?|one|two|three|four|five|six|\d{1,2})\s+\Z")


# Every match of _UNIT_SHIFT starts with one of these (in lower case, as the pattern has them):
# ``str.find`` goes to them at memory speed, where a scan of the pattern, which opens with
# look-arounds, is tried at every position of the text.
_UNIT_HEADS: Final = ("minute", "hour", "day", "week")


def _unit_shifts(text: str) -> Iterator[re.Match[str]]:
    """Exactly ``_UNIT_SHIFT.finditer(text)``: every match starts with one of ``_UNIT_HEADS``."""
    starts: list[int] = []
    for head in _UNIT_HEADS:
        at = text.find(head)
        while at >= 0:
            starts.append(at)
            at = text.find(head, at + 1)
    starts.sort()
    last = 0
    match = chosen(_UNIT_SHIFT, text).match
    for at in starts:
        if at < last:
            continue  # inside the previous match: finditer resumes after it
        m = match(text, at)
        if m is not None:
            last = max(m.end(), at + 1)
            yield m


def _counted(text: str) -> list[Mention]:
    out: list[Mention] = []
    for m in _unit_shifts(text):
        count = _COUNT_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if not count:
            continue
        raw = {"y": None, "m": None, "d": None, "rel": " ".join(text[count.start():m.end()].lower().split()),
               "kind": "relative"}
        out.append(Mention("date", count.start(), m.end(), text[count.start():m.end()], None, raw))
    return out


def _date_matches(text: str) -> Iterator[re.Match[str]]:
    """Exactly ``finditer_led(_DATES, text, _GATES)``, from the starts that the one pass of
    :func:`accords.extract.recognize.starts.marked_starts` over the document found for both
    recognizers (on a text with no marked form, or with decimal digits other than 0-9,
    finditer_led's own way)."""
    found = marked_starts(text)
    if found is None or not plain_digits(text):
        yield from finditer_led(_DATES, text, _GATES)
        return
    gate_at = found[2]
    yield from matches_at(chosen(_DATES, text), text, sorted(gate_at), gate_at)


def _branches() -> dict[int, str]:
    """The alternative of _DATES (named by its outer group) that every group of it belongs to: the
    last group a match closes (``lastindex``) says which alternative matched, with no lookup of
    the groups of the others."""
    members = {"iso": ("iso", "iy", "im", "id"), "dotted": ("dotted", "ed", "em", "ey"),
               "slashed": ("slashed", "sd", "sm", "sy"), "dm": ("dd", "dm", "dy", "drel"),
               "mm": ("mm", "md", "my"), "mo": ("mrel0", "mo", "yy", "mrel"), "rel": ("rel",), "year": ("year",)}
    index = _DATES.u.groupindex
    out = {index[name]: branch for branch, names in members.items() for name in names}
    unnamed = [i for i in range(1, _DATES.groups + 1) if i not in out]
    assert len(unnamed) == 1 and index["mo"] < unnamed[0] < index["yy"], "_DATES's groups changed"
    out[unnamed[0]] = "mo"  # ("'s" after a month)
    return out


_BRANCH: Final = _branches()


def recognize_dates(text: str) -> list[Mention]:
    """Raw date mentions; call :func:`resolve` with a reference date to get ISO values."""
    out: list[Mention] = []
    counted = _counted(text)
    # (tried only where a date's leading word or digit starts: the same matches, see prefilter)
    for m in _date_matches(text):
        start = m.start()
        before = text[max(0, start - 30):start]
        branch = _BRANCH[m.lastindex or 0]
        y: int | None = None
        month: int | None = None
        d: int | None = None
        rel: str | None = None
        kind = "date"
        begin = start  # (an ordinal weekday before a month opens the mention earlier)
        nth_pair: tuple[int, int] | None = None
        if branch == "iso":
            y, month, d = int(m["iy"]), int(m["im"]), int(m["id"])
        elif branch == "dotted":  # day.month.year, as most of Europe writes it
            y, month, d = int(m["ey"]), int(m["em"]), int(m["ed"])
        elif branch == "slashed":  # day/month/year too, unless the second number cannot be a month (06/13/2024)
            first, second = int(m["sd"]), int(m["sm"])
            d, month = (second, first) if second > 12 >= first else (first, second)
            y = int(m["sy"])
        elif branch == "dm":
            dy = m["dy"]
            d, month, y, rel = int(m["dd"]), _month(m["dm"]), int(dy) if dy else None, m["drel"]
        elif branch == "mm":
            my = m["my"]
            d, month, y = int(m["md"]), _month(m["mm"]), int(my) if my else None
        elif branch == "mo":
            rel0 = (m["mrel0"] or "").lower()
            yy, mrel, mo = m["yy"], m["mrel"], m["mo"]
            if not (yy or mrel or rel0):
                # ("Its October agreement", "the February summit": a month naming an occasion is its context)
                on_noun = _MONTH_ON_NOUN.match(text, m.end()) is not None
                if not on_noun and not _bare_context(before):
                    continue  # a bare month needs context: "March" at a sentence start may be the verb
                if mo == "May" and not (on_noun and _DETERMINER.search(before)):
                    continue  # "may" is far more often the verb
            month, y = _month(mo), int(yy) if yy else None
            rel = mrel or ({"last": "last_month", "next": "next_month"}.get(rel0))
            nth = _NTH_WEEKDAY.search(before) if not rel0 and before.endswith(" of ") else None
            if nth is not None:  # "the last Thursday of June": a day of that month
                nth_pair = (_NTH[nth["n"].lower()], _DAY_NAMES.index(nth["wd"].lower()))
                begin = start - len(before) + nth.start()
                if out and out[-1].start >= begin:
                    out.pop()  # ("last Thursday" alone was read as the Thursday before the writing)
        elif branch == "rel":
            rel, kind = " ".join(m["rel"].lower().split()), "relative"
        else:
            if not _bare_context(before) and not before.endswith(("(", "-", "/")):
                continue
            y = int(m["year"])
        if y is not None and not 1900 <= y <= 2100:
            continue
        raw: dict[str, Any] = {"y": y, "m": month, "d": d, "rel": rel, "kind": kind}
        if nth_pair is not None:
            raw["nth"] = nth_pair
        low = fold(before)  # (the keyword gates skip the two searches before most dates)
        if (_DEADLINE_GATE.may(low) and _DEADLINE.search(before)) or (rel or "").startswith("by "):
            raw["deadline"] = True
        if _SINCE_GATE.may(low) and _SINCE.search(before):
            raw["since"] = True
        if y is None and rel is None and month is not None and _reported_past(text, start):
            raw["past"] = True
        if d and out and out[-1].extra["kind"] == "relative" and _WEEKDAY_GAP.fullmatch(
                text, out[-1].end, start) and str(out[-1].extra["rel"]).split()[-1] in _DAY_NAMES:
            out.pop()  # "On Friday 31 May 2024": the explicit date says which Friday
        if d and y is None and out and "month" in str(out[-1].extra["rel"] or ""):
            _anchor(out, text, start, raw)
        out.append(Mention("date", begin, m.end(), text[begin:m.end()], None, raw))
    if counted:
        out = sorted(out + counted, key=lambda x: x.start)
    return out


_SINCE: Final = rx(r"\bsince\s+(?:the\s+)?\Z", re.I)
# "the first Monday of March", "the last Thursday of June" (read before the month; see resolve)
_NTH_WEEKDAY: Final = rx(rf"\b(?P<n>first|second|third|fourth|last)\s+(?P<wd>{'|'.join(_DAYS)})\s+of\s+\Z", re.I)
_NTH: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}
_DEADLINE_GATE: Final = Gate(_DEADLINE)
_SINCE_GATE: Final = Gate(_SINCE)
_WEEKDAY_GAP: Final = rx(r",?[ ]?(?:the[ ])?")
# "last month, on 21 January", "earlier this month (on 3 May)": the day refines the month told just before it
_ANCHOR_GAP: Final = rx(r"\s*[,(]\s*(?:on\s+)?(?:the\s+)?")


def _anchor(out: list[Mention], text: str, start: int, raw: dict[str, Any]) -> None:
    """Drop a relative month right before an appositive day and let it mark the day as past ("last ...")."""
    prev = out[-1]
    if prev.extra["kind"] != "relative" or not _ANCHOR_GAP.fullmatch(text, prev.end, start):
        return
    out.pop()
    if str(prev.extra["rel"]).startswith(("last", "earlier")):
        raw["past"] = True  # "last month, on 21 December", written in January: the December before


# A clause reporting what happened: "had first floated that figure ... in December". Past-tense
# forms of the verbs briefs use for events; "-ed" alone would also catch "scheduled", "expected".
_PAST: Final = rx(r"\b(?:had|was|were|did|signed|announced|floated|held|met|agreed|pledged|promised|visited|"
                  r"launched|adopted|concluded|decided|said|stated|declared|approved|hosted|delivered|provided|"
                  r"unveiled|took place|came)\b")
_FUTURE: Final = rx(r"\b(?:will|would|shall|going to|to be|is to|are to|plans?|planned|scheduled|expected|due|"
                    r"next|upcoming|intends?)\b", re.I)


def _reported_past(text: str, start: int) -> bool:
    """Whether the clause before a year-less date reports a past event (bounded look-back)."""
    before = text[max(0, start - 120):start]
    before = before[max(before.rfind(c) for c in ".;!?\n") + 1:]
    return bool(_PAST.search(before)) and not _FUTURE.search(before)


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def resolve(raw: dict[str, Any], ref: date | None) -> str | None:
    """ISO date at the precision the text supports, or None (unresolvable or impossible)."""
    y, m, d, rel = raw["y"], raw["m"], raw["d"], raw["rel"]
    if raw["kind"] == "relative":
        return _relative(rel, ref)
    if m is not None and not 1 <= m <= 12:
        return None
    if y is None:
        if ref is None:
            return None
        if rel in ("this", "the same", "that", None):
            y = ref.year
        elif rel == "last":
            y = ref.year - 1
        elif rel == "next":
            y = ref.year + 1
        elif rel == "last_month":
            y = ref.year if m < ref.month else ref.year - 1
        elif rel == "next_month":
            y = ref.year if m > ref.month else ref.year + 1
        if raw.get("past") and (m, d or 1) > (ref.month, ref.day):
            y -= 1  # "had announced it in December", written in August: last December
    if m is None:
        return f"{y:04d}"
    if d is None and raw.get("nth"):
        d = _nth_day(y, m, *raw["nth"])
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _nth_day(year: int, month: int, nth: int, weekday: int) -> int:
    """The day of the month of its ``nth`` ``weekday`` (-1: the last one)."""
    days = [d for d, wd in calendar.Calendar().itermonthdays2(year, month) if d and wd == weekday]
    return days[nth if nth < 0 else nth - 1]


def _relative(rel: str, ref: date | None) -> str | None:
    if ref is None:
        return None
    if _SAME.search(rel) or _SHIFT.match(rel):
        return None  # filled in from the date mentioned before it (see same_day)
    if rel.endswith((" ago", "today", "morning", "afternoon", "evening")):
        return ref.isoformat()
    if rel in ("yesterday", "today", "tomorrow"):
        return (ref + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[rel])).isoformat()
    if rel in _DAY_NAMES:  # "on Tuesday" in a report: the latest such day up to the reference date
        back = (ref.weekday() - _DAY_NAMES.index(rel)) % 7
        return (ref - timedelta(days=back)).isoformat()
    word, _, day = rel.partition(" ")
    if day.startswith("week ") or day in ("last week", "next week"):
        # "last week Thursday", "Thursday last week": that weekday in the calendar week before (or after)
        weekday, before = (day.split()[-1], word == "last") if day.startswith("week ") else (word, day == "last week")
        monday = ref - timedelta(days=ref.weekday())
        return (monday + timedelta(days=(-7 if before else 7) + _DAY_NAMES.index(weekday))).isoformat()
    if word == "this" and day in _DAY_NAMES:  # "this Monday": that day in the reference day's own week
        return (ref - timedelta(days=ref.weekday() - _DAY_NAMES.index(day))).isoformat()
    if day in _DAY_NAMES:  # "last Friday" is never the reference day itself, nor is "next Friday"
        if word == "last":
            return (ref - timedelta(days=(ref.weekday() - _DAY_NAMES.index(day)) % 7 or 7)).isoformat()
        return (ref + timedelta(days=(_DAY_NAMES.index(day) - ref.weekday()) % 7 or 7)).isoformat()
    if rel.endswith("month"):
        shift = {"this": 0, "last": -1, "next": 1}[rel.split()[0]]
        month = ref.month + shift
        year = ref.year + (month - 1) // 12
        return f"{year:04d}-{(month - 1) % 12 + 1:02d}"
    if "last year" in rel:
        return f"{ref.year - 1:04d}"
    if "next year" in rel:
        return f"{ref.year + 1:04d}"
    return f"{ref.year:04d}"


def latest_evidence(mentions: list[Mention]) -> date | None:
    """The latest date the text states outright (not deadlines): evidence for the writing date."""
    best: date | None = None
    for mention in mentions:
        raw = mention.extra
        if raw["y"] is None or raw.get("deadline"):
            continue
        m = raw["m"] or 1
        d = raw["d"] or 1
        try:
            value = date(raw["y"], m, d)
        except ValueError:
            continue
        if best is None or value > best:
            best = value
    return best


# (any case: a fact box's "Signed: 28 May 2024" dates a signing too)
_SIGNED_BEFORE: Final = rx(r"\b(?:signed|concluded|signing)\b", re.I)
_SIGNED_GATE: Final = Gate(_SIGNED_BEFORE)


def _signed(span: str) -> bool:
    """Whether ``_SIGNED_BEFORE`` is in ``span``: its keyword gate first (three substring tests of the
    folded span, where the pattern, which opens with a word boundary under IGNORECASE, is tried at
    every position), as most spans around a date hold none of its words."""
    return _SIGNED_GATE.may(fold(span)) and _SIGNED_BEFORE.search(span) is not None
# A day counted from the date told before it: "(on) the following day", "the day before", "a week later"
_SHIFT: Final = rx(r"(?:on )?the (?P<w>following|next|previous) day|the day (?P<w2>before|after)"
                   r"|(?P<n>\S+) (?P<u>day|week)s? (?P<d>later|earlier|before)")
# the day told just before: "the same day", "later that day", "that evening"
_SAME: Final = rx(r"same day|that day|(?:that|same) (?:evening|afternoon)")
_NUMBERS: Final = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _shifted(rel: str, base: str | None) -> str | None:
    """The day ``rel`` ("the following day", "two weeks later") names, counted from ``base``."""
    m = _SHIFT.match(rel)
    if not m or not base or len(base) != 10:
        return None
    if m["n"]:
        n = _NUMBERS.get(m["n"]) or (int(m["n"]) if m["n"].isdigit() else 0)
        days = n * (7 if m["u"] == "week" else 1) * (1 if m["d"] == "later" else -1)
    else:
        days = -1 if (m["w"] or m["w2"]) in ("previous", "before") else 1
    return (date.fromisoformat(base) + timedelta(days=days)).isoformat()


def _apposed(mentions: list[Mention], i: int, text: str) -> str | None:
    """The full date set beside "the same day" in apposition ("on the same day, 16 February"): the
    day it names is that one, not the day told before."""
    if i + 1 >= len(mentions):
        return None
    m, nxt = mentions[i], mentions[i + 1]
    if nxt.value and len(nxt.value) == 10 and text[m.end:nxt.start] in (", ", " (", " - ", " – ", " — "):
        return str(nxt.value)
    return None


def same_day(mentions: list[Mention], text: str) -> list[Mention]:
    """Give "the same day" the value of the last full date mentioned before it; when it dates a
    signing, the last full date that dated a signing."""
    out: list[Mention] = []
    last: str | None = None
    last_signed: str | None = None
    for i, m in enumerate(mentions):
        rel = str(m.extra.get("rel") or "")
        if m.extra["kind"] == "relative" and (_SAME.search(rel) or _SHIFT.match(rel)):
            around = text[max(0, m.start - 80):m.end + 20]
            value = last_signed if last_signed and _signed(around) else last
            value = _shifted(rel, value) if not _SAME.search(rel) else (_apposed(mentions, i, text) or value)
            m = Mention(m.kind, m.start, m.end, m.text, value, m.extra)
        elif m.value and len(m.value) == 10:
            last = m.value
            # bounded searches: an unbounded find per date is quadratic in a long table without full stops
            line_end = text.find(".", m.end, m.end + 200)
            # (a masthead's date, "Compiled ..., 4 June 2024", does not date a signing told in the next paragraph)
            newline = text.find("\n", m.end, line_end if line_end > 0 else m.end + 200)
            line_end = newline if newline > 0 else line_end
            floor = max(0, m.start - 120)
            begin = max(floor, text.rfind(". ", floor, m.start) + 1, text.rfind(".\n", floor, m.start) + 1)
            if _signed(text[begin:line_end if line_end > 0 else m.end + 200]):
                last_signed = m.value
        out.append(m)
    return out
