"""What the relation rules share: mentions grouped by sentence and the document's focus."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Final

from accords.extract import prefilter
from accords.extract.prefilter import Gate, fold
from accords.extract.relate import candidates
from accords.extract.rx import Pattern, rx
from accords.extract.types import Doc, Mention

RECIPIENT: Final = "UKR"
ORGS_AS_DONORS: Final = {"EUU"}
# The agreement words the focus counts: the sentences where one starts are those the candidate scan marks
# HAS_AGREEMENT_WORD (candidates.scan, read once for the focus and the agreement rules; the tests compare them)
_AGREEMENT_WORD: Final = rx(r"(?=[atpsbd])\b(?:agreements?|accords?|treaty|pact|security commitments"
                            r"|(?:security|bilateral|defen[cs]e)\s+deals?)\b", re.I)


@cache
def _state_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def is_state(code: str) -> bool:
    return code in _state_codes() or code in ORGS_AS_DONORS


@dataclass
class Ctx:
    doc: Doc
    text: str
    sentences: list[tuple[int, int]]
    starts: list[int]
    by_sentence: dict[str, dict[int, list[Mention]]] = field(default_factory=dict)
    focus: tuple[str, ...] = ()
    # per sentence: the pair it is about (named in it, or carried from the previous sentences
    # of its paragraph, or the document's focus)
    topic: list[tuple[str, ...]] = field(default_factory=list)
    explicit: list[bool] = field(default_factory=list)
    _parties: dict[int, list[Mention]] = field(default_factory=dict)
    _para_starts: list[int] = field(default_factory=list)
    _party_starts: dict[int, list[int]] = field(default_factory=dict)
    # (start, end, country) of every mention of a person whose country is known
    person_countries: list[tuple[int, int, str]] = field(default_factory=list)
    # ranges of text a correction withdraws ("the article said that ... five years"): not facts
    withdrawn: list[tuple[int, int]] = field(default_factory=list)
    # sentence -> the partners the agreement rules read in it (relate.agreements._partners), found once
    agreement_partners: dict[int, frozenset[str]] = field(default_factory=dict)
    # the text lower-cased (prefilter.fold: same length, same offsets), for keyword tests over all of it
    low: str = ""
    _candidates: dict[int, int] | None = None

    def candidate_sentences(self) -> dict[int, int]:
        """Sentence -> what its agreement words and signing verbs say (candidates.scan, made once)."""
        if self._candidates is None:
            self._candidates = candidates.scan(self.text, self.low, self.starts, self.sentences)
        return self._candidates

    def is_withdrawn(self, start: int, end: int | None = None) -> bool:
        """Whether ``[start, end)`` (or the position ``start``) lies inside withdrawn text."""
        end = start + 1 if end is None else end
        return any(a <= start and end <= b for a, b in self.withdrawn)

    def people_countries(self, start: int, end: int) -> list[tuple[int, str]]:
        """(position, country) of the people named in ``[start, end)``."""
        found = self.person_countries  # (sorted: from the first one at or after start, to the last before end)
        out: list[tuple[int, str]] = []
        for i in range(bisect_left(found, (start,)), len(found)):
            a, b, c = found[i]
            if a > end:
                break
            if b <= end:
                out.append((a, c))
        return out

    def sentences_matching(self, pattern: Pattern) -> list[int]:
        """Indices of the sentences where ``pattern`` matches: one scan of the whole text."""
        out: list[int] = []
        starts = self.starts
        following = -1  # where the sentence after the last one found starts
        for m in prefilter.finditer(pattern, self.text):  # (same matches, found faster)
            at = m.start()
            if at < following:
                continue  # (matches come in order: one before it is in the sentence found last)
            idx = max(0, bisect_right(starts, at) - 1)  # (sentence_of)
            if not out or out[-1] != idx:
                out.append(idx)
            following = starts[idx + 1] if idx + 1 < len(starts) else len(self.text) + 1
        return out

    def paragraph_of(self, idx: int) -> int:
        if not self._para_starts:
            self._para_starts = [p for p, _ in self.doc.paragraphs] or [0]
        return bisect_right(self._para_starts, self.sentences[idx][0])

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def in_sentence(self, kind: str, idx: int) -> list[Mention]:
        groups = self.by_sentence.get(kind)
        found = groups.get(idx) if groups else None
        return found if found is not None else []

    def sent_text(self, idx: int) -> str:
        s, e = self.sentences[idx]
        return self.text[s:e]

    def parties_in(self, idx: int, start: int | None = None, end: int | None = None) -> list[Mention]:
        """State (or EU) party mentions in a sentence that stand for a party, optionally in a range."""
        found = self._parties.get(idx)  # (worked out for every sentence in build)
        if found is None:
            return []
        if start is None and end is None:
            return found
        starts = self._party_starts[idx]
        lo = bisect_left(starts, start) if start is not None else 0
        hi = bisect_left(starts, end) if end is not None else len(found)
        return [m for m in found[lo:hi] if end is None or m.end <= end]

    def donor(self, idx: int | None = None) -> str | None:
        pair = self.topic[idx] if idx is not None and self.topic else self.focus
        return next((p for p in pair if p != RECIPIENT), None)


def build(doc: Doc) -> Ctx:
    ctx = Ctx(doc=doc, text=doc.norm, sentences=doc.sentences, starts=[s for s, _ in doc.sentences],
              low=fold(doc.norm))
    people = sorted((m.start, m.end) for m in doc.mentions.get("person", []) if " " in m.text)
    if people:  # "Luís Montenegro" is a person, not Montenegro
        starts = [a for a, _ in people]

        def inside_person(pos: int) -> bool:
            i = bisect_right(starts, pos) - 1
            return i >= 0 and people[i][0] <= pos < people[i][1]

        doc.mentions["party"] = [p for p in doc.mentions.get("party", []) if not inside_person(p.start)]
    sentence_starts = ctx.starts
    for kind, mentions in doc.mentions.items():
        groups: dict[int, list[Mention]] = {}
        for m in mentions:  # (ctx.sentence_of, inlined: tens of thousands of mentions)
            idx = bisect_right(sentence_starts, m.start) - 1
            groups.setdefault(idx if idx > 0 else 0, []).append(m)
        ctx.by_sentence[kind] = groups
    missions = "mission" in ctx.text  # (every match of _MISSION_AFTER holds the word: most texts lack it)
    for idx, found in ctx.by_sentence.get("party", {}).items():  # (what parties_in answers, once)
        kept = [m for m in found if not m.extra.get("in_name") and is_state(m.value)
                and not _hosting(ctx.text, m.start, m.end) and not (missions and _MISSION_AFTER.match(ctx.text, m.end))]
        if kept:
            ctx._parties[idx] = kept
            ctx._party_starts[idx] = [m.start for m in kept]
    ctx.focus = _focus(ctx)
    _topics(ctx)
    ctx.withdrawn = withdrawn(ctx.text, ctx.sentences)
    return ctx


# A correction notice says so; only then does "the article said ..." report a withdrawn claim.
_CORRECTION: Final = rx(r"\b(?:corrections?|corrected|corrects|correcting|clarifications?|errat(?:um|a)|"
                        r"incorrectly|wrongly|"
                        r"mistakenly|erroneously|misstated|misprint|should\s+have\s+(?:read|said|stated))\b", re.I)
_CORRECTION_KEYS: Final = ("orrect", "larif", "rrat", "rongly", "istak", "rroneous", "isstat", "isprint", "hould have")
# the earlier text's claim, told in the past tense: the whole sentence is withdrawn
_EARLIER_SAID: Final = rx(r"\b(?:the|our|an?|this|that)\s+(?:(?:earlier|original|previous|first|initial|"
                          r"printed|online|old)\s+)?(?:article|version|report|story|notice|piece|post|edition|"
                          r"bulletin|item|summary|headline|caption|update)\b(?:\s+[\w-]+){0,4}?\s+(?:said|stated|"
                          r"reported|claimed|gave|put|read|described|suggested|wrote|listed|called|"
                          r"(?:incorrectly|wrongly|mistakenly|erroneously)\s+\w+)\b"
                          r"|\b(?:incorrectly|wrongly|mistakenly|erroneously)\s+(?:said|stated|reported|gave|given|put|"
                   r"described|claimed|referred|listed|called|dated|named|shown|printed|written)\b|\bmisstated\b",
                                  re.I)
# where the correct value begins after a withdrawn claim: "...; it should have read ten years", "...; the
# agreement runs for ten years"
_CORRECT_FROM: Final = rx(r";|\s[-\u2013\u2014]\s|\bshould\s+have\s+(?:read|said|stated|been)\b|\bbut\b", re.I)
# "..., which should have read ...", "The five-year figure was our mistake": the text before is withdrawn
_WAS_WRONG: Final = rx(r"\bshould\s+have\s+(?:read|said|stated|been)\b|\b(?:was|were)\s+(?:our\s+|an?\s+)?"
                       r"(?:mistake|wrong|incorrect|error|in error|mistaken|misprint|typo)\b", re.I)


# "signed on 31 May, not 1 June", "ten years rather than five": the value after is the wrong one
_NOT_THAT: Final = rx(r"(?:,\s*not|\brather\s+than|\binstead\s+of|\bnot,\s+as\s+(?:we\s+|it\s+)?"
                      r"(?:said|stated|reported)(?:\s+earlier)?,)\s+(?P<x>[^,.;:()]{1,40})")
# Keyword tests per sentence before the scans (most sentences of a corrected text hold none of the words).
_G_EARLIER_SAID, _G_WAS_WRONG, _G_NOT_THAT = Gate(_EARLIER_SAID), Gate(_WAS_WRONG), Gate(_NOT_THAT)


def withdrawn(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Text a correction notice withdraws: the earlier version's claims, and what a sentence
    calls wrong before saying so. Only in a text that speaks of a correction (one scan)."""
    # (prefilter.search: the same match, tried only where a word of the pattern starts)
    if not any(k in text for k in _CORRECTION_KEYS) or not prefilter.search(_CORRECTION, text):
        return []
    out: list[tuple[int, int]] = []
    for s, e in sentences:
        sent = text[s:e]
        low = fold(sent)
        said = _EARLIER_SAID.search(text, s, e) if _G_EARLIER_SAID.may(low) else None
        if said:
            fix = _CORRECT_FROM.search(text, said.end(), e)
            out.append((s, fix.start() if fix else e))
            continue
        m = _WAS_WRONG.search(text, s, e) if _G_WAS_WRONG.may(low) else None
        if m:
            out.append((s, m.start()))
        if _G_NOT_THAT.may(low):
            out.extend((n.start("x"), n.end("x")) for n in _NOT_THAT.finditer(text, s, e))
    return out


_NOT_PARTNERS: Final = {RECIPIENT, "RUS", "BLR", "PRK", "IRN"}
# "the summit, which this year was hosted by Lithuania": a host or chair of a meeting is no party to what
# is signed or given there
_HOST_BY: Final = rx(r"(?=[cho])\b(?:hosted|co-hosted|organi[sz]ed|chaired|convened)\s+by\s+(?:the\s+)?\Z", re.I)


# "President Rinkevics signed the Latvian text": a demonym on an agreement noun names the pair a passage is about
_TEXT_AFTER: Final = rx(r"\s+(?:[\w-]+\s+)?(?:agreement|accord|text)\b")


def _on_text(text: str, end: int) -> bool:
    return bool(_TEXT_AFTER.match(text, end, end + 40))


# "at the G7 summit in Apulia, southern Italy", "talks in Vilnius, Lithuania": a country in apposition to the
# city or region where something happened is its place, not a party
_PLACE_OF: Final = rx(r"(?=[ia])\b(?:in|at)\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?,\s+"
                      r"(?:(?:southern|northern|eastern|western|central|south-\w+|north-\w+)\s+)?\Z")


# (and the phrase ends there: "In Kyiv, Canada and Ukraine signed" names the signers after a fronted place)
_PLACE_END: Final = rx(r"\s*(?:[.,;:)]|$)|\s+(?:on|in|at|during|last|this|that|when|where|which|while)\b")


# The country of a place, in brackets after it: "at Blenheim Palace near Oxford (United Kingdom)" says where,
# not who (a country in brackets after a country, "Britain (United Kingdom)", is that country anyway).
_PLACE_PAREN: Final = rx(r"(?=[ianou])\b(?:in|at|near|outside)\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}\s*\(\Z")


# A party used as the label of a mission ("partly in the frame of the EU training mission EUMAM"): the
# mission is a channel of the sentence, its label no partner the sentence (or the next one) is about.
_MISSION_AFTER: Final = rx(r"[ ](?:(?:training|military|advisory|assistance|monitoring)[ ])?mission\b")


def _hosting(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 50):start]
    if before.endswith("(") and text.startswith(")", end) and _PLACE_PAREN.search(before):
        return True
    return ("by " in before and bool(_HOST_BY.search(before))) or (
        ", " in before[-20:] and _after_comma(before) and bool(_PLACE_OF.search(before))
        and bool(_PLACE_END.match(text, end)))


_REGIONS: Final = frozenset(["southern", "northern", "eastern", "western", "central"])


def _after_comma(before: str) -> bool:
    """Whether ``before`` ends as a match of _PLACE_OF must: a comma, maybe a region word, then spaces
    ("Ukraine, and " or "France, the " does not: no scan)."""
    tail = before.rstrip()
    if tail.endswith(","):
        return True
    words = tail.rsplit(None, 1)
    return bool(words) and (words[-1] in _REGIONS or words[-1].startswith(("south-", "north-")))


# "Canada signed its own agreement the same day": a partner told beside the one the text is about, in
# passing; the sentence is about it, the ones after go back to the pair before it.
ASIDE: Final = rx(r"\b(?:its|their)\s+own\s+(?:[\w-]+\s+){0,2}?(?:agreements?|accords?|deals?|pacts?|texts?)\b")


# "Ukraine's path to membership of the European Union", "accession to the EU": the union Ukraine would join
# is where it is going, not a party to the agreement the sentence tells of
JOINED_BEFORE: Final = rx(r"(?=[maji])\b(?:membership\s+(?:of|in)|accession\s+to|join(?:ing|s)?|integration\s+into)"
                          r"\s+(?:the\s+)?\Z", re.I)


# "..., as in the British text": the text named is the model the one in context follows, not its topic
_AS_IN_BEFORE: Final = rx(r"\b[Aa]s\s+(?:in|with)\s+(?:the\s+)?\Z")


def _likened(text: str, start: int) -> bool:
    return "s " in text[max(0, start - 12):start] and bool(_AS_IN_BEFORE.search(text, max(0, start - 12), start))


def _topics(ctx: Ctx) -> None:
    # A sentence naming one partner sets the pair for itself and the sentences after it, until the next
    # such sentence or the end of its paragraph; the others keep the pair before them (the document's
    # focus at a paragraph's start). Only sentences with a party can set it: the rest are filled in by
    # slices, without a Python step per sentence.
    n = len(ctx.sentences)
    topic: list[tuple[str, ...]] = [ctx.focus] * n
    explicit = [False] * n
    para_starts = [s for s, _ in ctx.doc.paragraphs]
    text = ctx.text
    setters: list[tuple[int, tuple[str, ...]]] = []
    for idx in sorted(ctx._parties):
        partners = {m.value for m in ctx._parties[idx]
                    if (m.extra.get("kind") != "demonym" or (_on_text(text, m.end) and not _likened(text, m.start)))
                    and not (m.value in ORGS_AS_DONORS and JOINED_BEFORE.search(text, max(0, m.start - 30), m.start))
                    } - _NOT_PARTNERS
        if len(partners) == 1:
            setters.append((idx, tuple(sorted(partners | {RECIPIENT}))))
    starts = ctx.starts
    # A heading that names one partner ("## Slide 2. Canada") sets the pair for its whole section:
    # the bullets under it ("- **Signed:** Kyiv, 24 Feb 2024") are that partner's facts.
    headed = {sec.start: sec.end for sec in ctx.doc.sections if sec.title} if setters else {}
    for i, (idx, pair) in enumerate(setters):
        p = bisect_right(para_starts, starts[idx])  # (the next paragraph's index)
        stop = bisect_left(starts, para_starts[p]) if p < len(para_starts) else n
        if headed and para_starts[p - 1] in headed:  # (the sentence lies in a heading's paragraph)
            stop = max(stop, bisect_left(starts, headed[para_starts[p - 1]]))
        if i + 1 < len(setters):
            stop = min(stop, setters[i + 1][0])
        before = topic[idx - 1] if idx and starts[idx - 1] >= para_starts[p - 1] else ctx.focus
        topic[idx:stop] = [pair] * (stop - idx)
        explicit[idx] = True
        end = ctx.sentences[idx][1]
        # (a paragraph that opens with the partner is about it: "Japan, which signed its own accord in June, ...")
        if starts[idx] != para_starts[p - 1] and text.find(" own ", starts[idx], end) >= 0 \
                and ASIDE.search(text, starts[idx], end):
            topic[idx + 1:stop] = [before] * (stop - idx - 1)
    ctx.topic = topic
    ctx.explicit = explicit


def _focus(ctx: Ctx) -> tuple[str, ...]:
    """The pair the document is about: Ukraine and the partner named most near agreement words."""
    if not ctx._parties:
        return ()  # (no party named: no scan for agreement words)
    found = ctx.candidate_sentences()  # (the agreement rules read the same scan)
    about_agreements = {idx for idx, says in found.items() if says & candidates.HAS_AGREEMENT_WORD}
    # A partner counts once for every sentence that names it, once more where that sentence has an
    # agreement word (plain dicts: a Counter's missing keys and sum cost far more than the counting)
    counts: dict[str, int] = {}
    near: dict[str, None] = {}  # the partners named with an agreement word, in the order first named so
    first: dict[str, int] = {}
    for idx in sorted(ctx._parties):  # (build kept every sentence with a party: the others count nothing)
        about = idx in about_agreements
        for p in dict.fromkeys([m.value for m in ctx._parties[idx] if m.value not in _NOT_PARTNERS]):
            if p not in first:
                first[p] = idx
            counts[p] = counts.get(p, 0) + (2 if about else 1)
            if about:
                near[p] = None
    if not counts:
        return ()
    # ties go to the partner named first, so the result never depends on set order; those named in the
    # same sentence go by who was named first with an agreement word, then first at all
    order = [*near, *(p for p in counts if p not in near)]
    partner = min(order, key=lambda p: (-counts[p], first[p]))
    return tuple(sorted({partner, RECIPIENT}))
