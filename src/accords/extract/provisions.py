"""Stage ``provisions``: sentences -> coded provisions of the agreement they speak of.

Rules first, from the codebook's cue patterns. Three things decide whether a cue counts:

* scope - only sentences about an agreement or its parties' commitments are coded. A sentence
  that names an agreement ("Under the security agreement", "the deal", "the parties", "the
  UK-Ukraine agreement") opens an agreement context; later sentences of the same paragraph
  stay in it until a background sentence (a dated past event, "Since ...", "Despite ...") or a
  hedged one ("may", "could", "has the potential") closes it. A paragraph that continues a
  broken sentence (starts lower-case, or the previous one ended without a full stop) or opens
  with "The parties"/"They" inherits the context. An agreement text itself (its first line is
  a title such as "Agreement on ...") is in scope throughout.
* negation - a negation word in the same clause before the cue ("makes no reference to",
  "has not pledged", "without") or a negated predicate after it codes the provision absent.
* restriction - a codebook restriction ("restricts ... to non-lethal") codes its code present
  and the codes it excludes absent.

Each result is ``{"agreement", "code", "value", "quote", "span"}`` with
``text[span[0]:span[1]] == quote``; one item per (agreement, code, value), first quote kept.
"""

from __future__ import annotations

import re
from typing import Any

from accords.codebook import ABSENT, PRESENT, Code, Codebook, load_codebook
from accords.extract.cues import RESTRICTION, Gates, Rule, possible
from accords.extract.cues import gates as compile_gates
from accords.extract.cues import rules as compile_rules
from accords.extract.prefilter import Gate, Occurrences, finditer, fold, keywords
from accords.extract.recognize.trie import trie_pattern

METHOD = "rules:provisions"

# Counterparts of Ukraine's agreements: names, short forms and demonyms -> ISO3.
_PARTNERS: dict[str, tuple[str, ...]] = {
    "GBR": ("United Kingdom", "UK", "U.K.", "Britain", "British"),
    "DEU": ("Germany", "German"),
    "FRA": ("France", "French"),
    "DNK": ("Denmark", "Danish"),
    "CAN": ("Canada", "Canadian"),
    "ITA": ("Italy", "Italian"),
    "NLD": ("Netherlands", "Dutch"),
    "FIN": ("Finland", "Finnish"),
    "LVA": ("Latvia", "Latvian"),
    "ESP": ("Spain", "Spanish"),
    "BEL": ("Belgium", "Belgian"),
    "PRT": ("Portugal", "Portuguese"),
    "SWE": ("Sweden", "Swedish"),
    "ISL": ("Iceland", "Icelandic"),
    "NOR": ("Norway", "Norwegian"),
    "JPN": ("Japan", "Japanese"),
    "USA": ("United States", "U.S.", "US", "America", "American"),
    "EUU": ("European Union", "EU"),
    "LTU": ("Lithuania", "Lithuanian"),
    "EST": ("Estonia", "Estonian"),
    "POL": ("Poland", "Polish"),
    "LUX": ("Luxembourg",),
    "ROU": ("Romania", "Romanian"),
    "CZE": ("Czechia", "Czech Republic", "Czech"),
    "SVN": ("Slovenia", "Slovenian"),
    "IRL": ("Ireland", "Irish"),
    "HRV": ("Croatia", "Croatian"),
    "GRC": ("Greece", "Greek"),
    "ALB": ("Albania", "Albanian"),
}
_NAME_TO_ISO = {n.lower(): iso for iso, names in _PARTNERS.items() for n in names}
# As a prefix tree: the same matches as the longest-first alternation of the names (at any
# position the longest name that lets the rest match wins), but the engine rejects a position
# on its first character instead of trying every name there.
_NAMES = trie_pattern(_NAME_TO_ISO)
_DEAL = r"(?:agreement|accord|deal|pact)\b"
_TEXT = r"(?:agreement|accord|deal|pact|text|document|arrangement)\b"
_PARTNER = re.compile(rf"(?<![\w.])(?:{_NAMES})(?![\w])", re.IGNORECASE)
# A sentence about several agreements at once ("agreements with Lithuania and with Estonia",
# "Italy and Canada each signed", "Both texts provide ...").
_MULTI = re.compile(r"\b(?:agreements|accords|texts|documents|deals|pacts|each|both|all\s+(?:two|three|four|five))\b",
                    re.IGNORECASE)
_NAMED_REF = re.compile(
    rf"(?<![\w.])(?P<a>{_NAMES})[-–]Ukrain(?:e|ian)\s+(?:[\w-]+\s+){{0,2}}?{_DEAL}"
    rf"|\bUkrain(?:e|ian)[-–](?P<b>{_NAMES})\s+(?:[\w-]+\s+){{0,2}}?{_DEAL}"
    rf"|\bthe\s+(?P<c>{_NAMES})\s+(?:security\s+)?{_DEAL}"
    rf"|\b{_DEAL}\s+(?:with|between\s+Ukraine\s+and)\s+(?:the\s+)?(?P<d>{_NAMES})(?![\w.])"
    rf"|\b{_DEAL}\s+(?:on\s+[\w\s,-]{{0,80}}?)?between\s+(?:the\s+)?(?:Government\s+of\s+)?(?P<e>{_NAMES})"
    rf"\s+and\s+Ukraine\b"
    rf"|\b{_DEAL}\s+(?:on\s+[\w\s,-]{{0,80}}?)?between\s+Ukraine\s+and\s+(?:the\s+)?(?:(?:Republic|Kingdom|"
    rf"Government)\s+of\s+(?:the\s+)?)?(?P<f>{_NAMES})(?![\w.])",
    re.IGNORECASE)
# A reference to "the" agreement (singular: "56 agreements were signed" is not one).
_GENERIC_REF = re.compile(
    rf"\b(?:the|this|that|its|their|a|an)\s+(?:[\w-]+\s+){{0,3}}?{_TEXT}"
    r"|\b(?:the|both)\s+(?:parties|participants|signatories|sides)\b"
    r"|\bthe\s+two\s+(?:governments|sides|countries)\b", re.IGNORECASE)
# A main party as the subject of a commitment ("Ireland has not pledged ...", "Unlike most
# partners, Poland did not name an amount"): a clause of the main agreement in a document about it.
_SUBJECT_VERB = re.compile(
    r"\W*(?:[\w'-]+\W+){0,6}?(?P<who>[A-Z][\w.]*(?:\s+[A-Z]\w+)?)\s+(?:also\s+)?"
    r"(?:will|would|shall|commits?|pledges?|pledged|undertakes|has\s+not|did\s+not|does\s+not|intends"
    r"|promises)\b")
_PLURAL_GENERIC = re.compile(
    r"[^.;]*\b(?:(?:two|three|four|five|\d)\s+(?:\w+\s+){0,3}?(?:agreements|accords|texts|documents)"
    r"|(?:\d{1,2}|ten)[- ]year\s+(?:\w+\s+){0,2}?(?:agreements|accords)\b"
    r"|(?:agreements|accords)\b[^.;]*\beach\b|both\s+(?:texts|agreements|accords|run))", re.IGNORECASE)
_ANAPHORIC_START = re.compile(r"(?:the|both)\s+(?:parties|participants|sides)\b|they\b|it\s+also\b",
                              re.IGNORECASE)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december")
_BACKGROUND = re.compile(
    rf"\W*(?:since|to\s+date|so\s+far|until\s+now|despite|before|previously|earlier|historically"
    rf"|by\s+contrast|in\s+contrast"
    rf"|last\s+(?:year|month|week|{_MONTHS})"
    rf"|in\s+(?:early\s+|late\s+|mid-)?(?:{_MONTHS}|\d{{4}}\b|the\s+past)"
    rf"|on\s+\d{{1,2}}\s+\w+|at\s+the\s+[\w\s]{{0,30}}summit)\b", re.IGNORECASE)
# What a party already did is background, not a clause of the agreement.
# So is what was announced beside it or agreed in a separate format.
_PAST = re.compile(r"\balready\b|\b(?:has|have|had)\s+been\s+(?:providing|supplying)\b|\bannounced\b"
                   r"|\ba\s+separate\b", re.IGNORECASE)
_HEDGE = re.compile(r"\b(?:may|might|could|possibly|potential(?:ly)?|possibility|likely|perhaps"
                    r"|reportedly)\b", re.IGNORECASE)
_AGREEMENT_TITLE = re.compile(r"\s*#*\s*(?:[\w-]+\s+){0,4}?(?:agreement|accord|memorandum|treaty)\b",
                              re.IGNORECASE)
_NEGATION = re.compile(
    r"\b(?:no|not|never|neither|nor|without|exclud\w*|omit\w*|lacks?|lacking|absence\s+of"
    r"|silent\s+(?:on|about)|refrain\w*\s+from|rul\w+\s+out)\b|n't\b", re.IGNORECASE)
_NOT_NEGATION = re.compile(
    r"\b(?:not\s+only|not\s+least|no\s+later\s+than|not\s+later\s+than|no\s+less\s+than"
    r"|no\s+longer\s+than|without\s+delay|not\s+(?:stand|be)\s+in\s+the\s+way"
    r"|not\s+(?:hinder|prevent|preclude|prejudice|affect))\b", re.IGNORECASE)
_NEGATED_AFTER = re.compile(
    r"[^.;,]{0,30}?\b(?:is|are|was|were)\s+(?:not\s+(?:mentioned|included|covered|part)|absent|excluded"
    r"|missing)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:()]|—|\b(?:although|though|but|however|whereas|while|yet)\b",
                           re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n\s*\n")
_TERMINAL = (".", "!", "?", ":", '"', "'", ")", "]", "”", "’")
_WORDS = {"ten": 10, "twelve": 12, "twenty-four": 24, "five": 5}


def _gate(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    found = keywords(pattern)
    return tuple(sorted(found)) if found is not None else None


# Every branch of _NAMED_REF ends in _DEAL, a rarer word than the "with"/"between" the
# automatic analysis would pick for one of them.
_G_NAMED = ("accord", "agreement", "deal", "pact")
_G_GENERIC = _gate(_GENERIC_REF)
_G_MULTI = _gate(_MULTI)
_G_HEDGE = _gate(_HEDGE)
_G_PAST = _gate(_PAST)
_G_PLURAL = _gate(_PLURAL_GENERIC)
_G_SUBJECT = _gate(_SUBJECT_VERB)
# Keyword groups indexed in one KeywordIndex: these gates first, then the cue gates of every
# rule followed by its restriction gate (when it has restrictions).
_GATES = (_G_NAMED, _G_GENERIC, _G_MULTI, _G_HEDGE, _G_PAST, _G_PLURAL, _G_SUBJECT)
_NAMED_I, _GENERIC_I, _MULTI_I, _HEDGE_I, _PAST_I, _PLURAL_I, _SUBJECT_I = range(len(_GATES))
_NG = len(_GATES)
_G_NEGATION = Gate(_NEGATION)


def agreement_key(*parties: str) -> str:
    """The extraction format's agreement key: sorted ISO3 parties joined by '-'."""
    return "-".join(sorted({p.upper() for p in parties}))


def _named(sentence: str, hits: set[int]) -> list[str]:
    keys: list[str] = []
    if _NAMED_I not in hits:
        return keys
    for m in finditer(_NAMED_REF, sentence):
        name = next(g for g in m.groups() if g)
        iso = _NAME_TO_ISO.get(name.lower())
        if iso and iso != "UKR":
            keys.append(agreement_key(iso, "UKR"))
    return keys


def _refers_to(sentence: str, hits: set[int], named: list[str], main: str | None,
               current: str | None) -> str | None:
    """The agreement a sentence explicitly speaks of, or None when it names none."""
    if named:
        return main if main in named else named[0]
    if _GENERIC_I in hits and _GENERIC_REF.search(sentence):
        return current or main
    return None


def _is_heading(sentence: str) -> bool:
    """A Markdown heading, a run-in heading ("Security and Defence.") or a short title line."""
    if sentence.startswith("#"):
        return True
    words = sentence.rstrip(".").split()
    if not 0 < len(words) <= 8:
        return False
    if not sentence.endswith(_TERMINAL) and "\n" not in sentence:
        return True
    return sentence.endswith(".") and len(words) <= 6 and all(
        w[:1].isupper() or w.lower() in {"and", "of", "the", "for", "in", "on", "&"} for w in words)


def _partners(sentence: str) -> list[str]:
    """Agreement keys of the partners a sentence names, in order, without repeats."""
    keys: list[str] = []
    for m in finditer(_PARTNER, sentence):
        iso = _NAME_TO_ISO.get(m.group().lower())
        key = agreement_key(iso, "UKR") if iso else None
        if key and key not in keys:
            keys.append(key)
    return keys


def _negated(sentence: str, start: int, end: int) -> bool:
    clause_start = 0
    for m in finditer(_CLAUSE_BREAK, sentence, 0, start):
        clause_start = m.end()
    before = sentence[max(clause_start, start - 90):start]
    # The substitution only blanks text out, so without a negation keyword before it there is
    # none after it either: skip both regexes then.
    if _G_NEGATION.may(fold(before)) and _NEGATION.search(_NOT_NEGATION.sub(" ", before)):
        return True
    return bool(_NEGATED_AFTER.match(sentence, end))


def _number(code: Code, sentence: str) -> float | int | None:
    if code.number is None:
        return None
    m = code.number.search(sentence)
    if not m:
        return None
    for raw in m.groups():
        if raw:
            value = _WORDS.get(raw.lower()) if not raw.isdigit() else int(raw)
            return value
    return None


def _code_sentence(sentence: str, hits: set[int], rules: tuple[Rule, ...], gates: Gates,
                   codebook: Codebook) -> list[tuple[str, Any]]:
    """(code, value) pairs one sentence supports; a restriction's 'absent' wins over a cue.

    ``hits`` are the keyword gates the sentence passes: only the cues and restrictions that can
    match are run (codebook order is kept)."""
    found: dict[str, Any] = {}
    forced_absent: set[str] = set()
    for ri, cues in possible(hits, gates).items():  # rules in codebook order, cues in cue order
        rule = rules[ri]
        code = rule.code
        which = tuple(ci for ci in cues if ci != RESTRICTION)
        if not code.restrictions:
            matches = list(rule.cues(which).finditer(sentence))
            if not matches or any(x.search(sentence) for x in code.exclude):
                continue
        else:
            if any(x.search(sentence) for x in code.exclude):
                continue
            restricted = None
            if RESTRICTION in cues:
                restricted = next((r for r in code.restrictions if r.pattern.search(sentence)), None)
            if restricted is not None:
                found[code.id] = PRESENT
                forced_absent.update(restricted.absent)
                continue
            matches = list(rule.cues(which).finditer(sentence)) if which else []
            if not matches:
                continue
        if all(_negated(sentence, m.start(), m.end()) for m in matches):
            found[code.id] = ABSENT
            continue
        if code.value_type == "number":
            num = _number(code, sentence)
            found[code.id] = num if num is not None else PRESENT
        elif code.value_type == "text":
            found[code.id] = next((v for v, p in code.values if p.search(sentence)), PRESENT)
        else:
            found[code.id] = PRESENT
    for cid in forced_absent:
        if cid in codebook.by_id:
            found[cid] = ABSENT
    return list(found.items())


def _is_agreement_text(text: str, sentences: list[tuple[int, int]]) -> bool:
    first_line = text.lstrip().split("\n", 1)[0][:200]
    return bool(_AGREEMENT_TITLE.match(first_line)) and bool(
        re.search(r"\bbetween\b", first_line, re.IGNORECASE)
        or re.search(r"\b(?:participants|parties|sides|shall)\b", text, re.IGNORECASE))


def code_provisions(text: str, sentences: list[tuple[int, int]], default_agreement: str | None,
                    codebook: Codebook | None = None) -> list[dict[str, Any]]:
    """Provision codes the sentences of ``text`` support, each with its quote and span.

    ``default_agreement`` is the key of the document's main agreement ("JPN-UKR"); sentences
    that speak of "the agreement" are coded for it, sentences that name another agreement for
    that one. Without it only explicitly named agreements are coded.
    """
    cb = codebook or load_codebook()
    rules = compile_rules(cb)
    gates = compile_gates(cb, _GATES)
    occ = gates.index.scan(fold(text))  # which keyword gates each sentence passes
    whole_text = _is_agreement_text(text, sentences)
    if default_agreement is None:
        default_agreement = _guess_main(text, occ, sentences)
    main_names = _names_of(default_agreement)
    items: list[dict[str, Any]] = []
    section: str | None = default_agreement if whole_text else None  # set by headings naming a partner
    context: list[str] = [section] if section else []
    seen: list[str] = []  # agreements coded so far, for "all three texts"
    pending: list[tuple[str, int, int, tuple[str, Any]]] = []
    prev: tuple[int, int] | None = None
    all_hits = occ.per_range(sentences)
    for si, (start, end) in enumerate(sentences):
        sentence = text[start:end]
        if not sentence.strip():
            continue
        hits = all_hits[si]
        if prev is not None and _BLANK_LINE.search(text, prev[1], start):
            continues = (not text[prev[0]:prev[1]].rstrip().endswith(_TERMINAL)
                         or sentence[:1].islower() or bool(_ANAPHORIC_START.match(sentence)))
            if not continues:
                context = [section] if section else []
        first = prev is None
        para_start = first or bool(prev and "\n" in text[prev[1]:start])
        prev = (start, end)
        if _is_heading(sentence) or (para_start and sentence[:1].isupper() and sentence.endswith(".")
                                     and len(sentence.split()) <= 3):
            named = _partners(sentence)
            if not first and len(named) == 1:  # the document title does not open a section
                section = named[0]
                context = [section]
            elif not first and section is not None and not whole_text:
                section, context = None, []  # a topic heading after partner sections ends them
            continue
        current = context[0] if len(context) == 1 else section
        targets = _targets(sentence, hits, default_agreement, current, seen)
        if not targets and len(seen) < 2 and _PLURAL_I in hits and _PLURAL_GENERIC.match(sentence):
            # "three new agreements, each concluded for ten years": about agreements named later
            pending.extend((sentence, start, end, cv) for cv in _code_sentence(sentence, hits, rules, gates, cb))
            continue
        hedged = _HEDGE_I in hits and bool(_HEDGE.search(sentence))
        past = _PAST_I in hits and bool(_PAST.search(sentence))
        if not targets and default_agreement and _main_subject(sentence, hits, main_names) \
                and not _BACKGROUND.match(sentence) and not hedged:
            targets = [default_agreement]
        if targets:
            context = targets
        elif not whole_text and (_BACKGROUND.match(sentence) or past or hedged):
            context = [section] if section and whole_text else []
            continue
        if not context or (not whole_text and past):
            continue  # an explicit reference still sets the context for what follows
        if not targets and _about_others(sentence, context):
            continue  # "By contrast, the United Kingdom supplies lethal aid": another party's business
        coded = _code_sentence(sentence, hits, rules, gates, cb)
        for key in context:
            if key not in seen:
                seen.append(key)
            for code_id, value in coded:
                items.append({"agreement": key, "code": code_id, "value": value,
                              "quote": sentence, "span": [start, end]})
    if len(seen) >= 2:
        items += [{"agreement": key, "code": cid, "value": value, "quote": q, "span": [s, e]}
                  for q, s, e, (cid, value) in pending for key in seen]
    return _tidy(items, cb)


def _about_others(sentence: str, context: list[str]) -> bool:
    # "EU" is skipped: "EU membership" speaks of Ukraine's accession, not of the EU's agreement.
    named = [k for k in _partners(sentence) if k != "EUU-UKR"]
    return bool(named) and not any(k in context for k in named)


def _names_of(key: str | None) -> set[str]:
    """Lower-case names of the non-Ukrainian parties of an agreement key."""
    parties = set(key.split("-")) - {"UKR"} if key else set()
    return {n.lower() for iso in parties for n in _PARTNERS.get(iso, ())}


def _main_subject(sentence: str, hits: set[int], names: set[str]) -> bool:
    if not names or _SUBJECT_I not in hits:
        return False
    m = _SUBJECT_VERB.match(sentence)
    return bool(m and names and m.group("who").lower() in names)


def _guess_main(text: str, occ: Occurrences, sentences: list[tuple[int, int]]) -> str | None:
    """Without a main agreement from the pipeline: the one partner the title names, else the
    first agreement a sentence names."""
    named = _partners(text.lstrip().split("\n", 1)[0][:200])
    if len(named) == 1:
        return named[0]
    for start, end in sentences:
        found = _named(text[start:end], occ.groups_in(start, end))
        if found:
            return found[0]
    return None


def _targets(sentence: str, hits: set[int], main: str | None, current: str | None,
             seen: list[str]) -> list[str]:
    """The agreements a sentence explicitly speaks of; empty when it names none."""
    explicit = _named(sentence, hits)
    if explicit:
        return [main] if main in explicit else explicit[:1]
    if _MULTI_I in hits and _MULTI.search(sentence):
        named = _partners(sentence)
        if len(named) >= 2:
            return named
        if not named and re.match(r"\W*(?:both|all\s+\w+|each\s+of\s+the)\s+(?:texts|agreements|accords|"
                                  r"documents|deals)\b", sentence, re.IGNORECASE) and len(seen) >= 2:
            return list(seen)
    one = _refers_to(sentence, hits, explicit, main, current)
    return [one] if one else []


def _tidy(items: list[dict[str, Any]], codebook: Codebook) -> list[dict[str, Any]]:
    """One item per (agreement, code, value); a number makes a bare 'present' redundant."""
    numbered = {(i["agreement"], i["code"]) for i in items
                if isinstance(i["value"], int | float) and not isinstance(i["value"], bool)}
    seen: set[tuple[str, str, str]] = set()
    out: list[dict[str, Any]] = []
    for item in items:
        if item["value"] == PRESENT and (item["agreement"], item["code"]) in numbered:
            continue
        key = (item["agreement"], item["code"], str(item["value"]))
        if key in seen:
            continue
        seen.add(key)
        out.append(item)
    return out
