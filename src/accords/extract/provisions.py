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
from bisect import bisect_left
from collections.abc import Iterator
from itertools import pairwise
from typing import Any, Final

import ahocorasick

from accords.codebook import ABSENT, PRESENT, Code, Codebook, load_codebook
from accords.extract.cues import RESTRICTION, Gates, Rule, possible
from accords.extract.cues import gates as compile_gates
from accords.extract.cues import rules as compile_rules
from accords.extract.prefilter import (
    ASCII_WORD_CHARS,
    Gate,
    Occurrences,
    finditer,
    fold,
    keywords,
    mark,
)
from accords.extract.prefilter import search as first_match
from accords.extract.recognize.trie import trie_pattern
from accords.extract.relate.context import ASIDE
from accords.extract.rx import Rx, rx
from accords.extract.withdrawn import possible as withdrawal_possible
from accords.extract.withdrawn import withdrawn

METHOD: Final = "rules:provisions"

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
_NAME_TO_ISO: Final = {n.lower(): iso for iso, names in _PARTNERS.items() for n in names}
_ACRONYMS: Final = frozenset({"uk", "u.k.", "us", "u.s.", "eu"})
# Names of states (not their adjectives: "German officials" is no subject standing for Germany).
_STATE_NAMES: Final = {n.lower(): iso for iso, names in _PARTNERS.items() for n in names
                if n == names[0] or n in {"UK", "U.K.", "Britain", "US", "U.S.", "America", "EU", "Czech Republic"}}
# Capitals stand for their governments only as the subject of a sentence ("Riga promises ...");
# elsewhere they are places ("signed in Vilnius").
_CAPITALS: dict[str, str] = {
    "London": "GBR", "Berlin": "DEU", "Paris": "FRA", "Copenhagen": "DNK", "Ottawa": "CAN", "Rome": "ITA",
    "The Hague": "NLD", "Helsinki": "FIN", "Riga": "LVA", "Madrid": "ESP", "Lisbon": "PRT", "Stockholm": "SWE",
    "Reykjavik": "ISL", "Oslo": "NOR", "Tokyo": "JPN", "Washington": "USA", "Vilnius": "LTU", "Tallinn": "EST",
    "Warsaw": "POL", "Bucharest": "ROU", "Prague": "CZE", "Ljubljana": "SVN", "Dublin": "IRL", "Zagreb": "HRV",
    "Athens": "GRC", "Tirana": "ALB",
}
# As a prefix tree: the same matches as the longest-first alternation of the names (at any
# position the longest name that lets the rest match wins), but the engine rejects a position
# on its first character instead of trying every name there.
_NAMES: Final = trie_pattern(_NAME_TO_ISO)
# Every name a pattern below finds (its (?P<...>{_NAMES}) part) is one of the names, whole, with
# neither a word character nor "." right before it nor a word character right after it (or it
# starts or ends the text searched). In the document as prefilter.mark writes it (ASCII letters
# lower-cased, every other character a space) such a name reads " name " with its own "." and
# spaces as spaces: this automaton finds those places in one pass (see _may_name), and a sentence
# with none is not searched for names ("uk" of every "Ukraine" is no place).


def _name_finder() -> Any:
    finder = ahocorasick.Automaton()
    for name in _NAME_TO_ISO:  # (value: from the end of its key back to the name's start)
        finder.add_word(" " + "".join(c if c.isalnum() else " " for c in name) + " ", len(name) + 1)
    finder.make_automaton()
    return finder


_NAME_FINDER: Final = _name_finder()
_BEFORE_NAME = ASCII_WORD_CHARS | {"."}  # (ASCII: characters that \w takes under either rule)
_DEAL: Final = r"(?:agreement|accord|deal|pact)\b"
_TEXT: Final = r"(?:agreement|accord|deal|pact|text|document|arrangement)\b"
_PARTNER: Final = rx(rf"(?<![\w.])(?:{_NAMES})(?![\w])", re.IGNORECASE)
# A sentence about several agreements at once ("agreements with Lithuania and with Estonia",
# "Italy and Canada each signed", "Both texts provide ...").
_MULTI: Final = rx(r"\b(?:agreements|accords|texts|documents|deals|pacts|each|both|all\s+(?:two|three|four|five))\b",
                           re.IGNORECASE)
_NAMED_REF: Final = rx(
    rf"(?<![\w.])(?P<a>{_NAMES})[-–]Ukrain(?:e|ian)\s+(?:[\w-]+\s+){{0,2}}?{_DEAL}"
    rf"|\bUkrain(?:e|ian)[-–](?P<b>{_NAMES})\s+(?:[\w-]+\s+){{0,2}}?{_DEAL}"
    rf"|\bthe\s+(?P<c>{_NAMES})\s+(?:security\s+)?{_DEAL}"
    rf"|\b{_DEAL}\s+(?:with|between\s+Ukraine\s+and)\s+(?:the\s+)?(?P<d>{_NAMES})(?![\w.])"
    rf"|\b{_DEAL}\s+(?:on\s+[\w\s,-]{{0,80}}?)?between\s+(?:the\s+)?(?:Government\s+of\s+)?(?P<e>{_NAMES})"
    rf"\s+and\s+Ukraine\b"
    rf"|\b{_DEAL}\s+(?:on\s+[\w\s,-]{{0,80}}?)?between\s+Ukraine\s+and\s+(?:the\s+)?(?:(?:Republic|Kingdom|"
    rf"Government)\s+of\s+(?:the\s+)?)?(?P<f>{_NAMES})(?![\w.])",
    re.IGNORECASE)
# "the French text", "Romania's agreement", "Greece's security agreement": also a named agreement
# (a pattern of its own, run only on sentences with a possessive or a word for a text).
_NAMED_TEXT: Final = rx(
    rf"\bthe\s+(?P<c>{_NAMES})\s+(?:security\s+)?(?:text|document|arrangement)\b"
    rf"|(?<![\w.])(?P<g>{_NAMES})(?:'s|’s)\s+(?:own\s+|new\s+|ten-year\s+|security\s+|bilateral\s+)*{_TEXT}",
    re.IGNORECASE)
# A reference to "the" agreement (singular: "56 agreements were signed" is not one).
# (A look-ahead of the initials of its words before a searched pattern: the engine rejects most
# positions at once instead of trying every alternative there; same matches.)
_GENERIC_REF: Final = rx(
    rf"(?=[tiab])(?:\b(?:the|this|that|its|their|a|an)\s+(?:[\w-]+\s+){{0,3}}?{_TEXT}"
    r"|\b(?:the|both)\s+(?:parties|participants|signatories|sides)\b"
    r"|\bthe\s+two\s+(?:governments|sides|countries)\b)", re.IGNORECASE)
# A main party as the subject of a commitment ("Ireland has not pledged ...", "Unlike most
# partners, Poland did not name an amount"): a clause of the main agreement in a document about it.
_SUBJECT_VERB: Final = rx(
    r"\W*(?:[\w'-]+\W+){0,10}?(?:The\s+)?(?P<who>[A-Z][\w.]*(?:\s+[A-Z]\w+)?)(?:\s+(?:government|cabinet))?\s+(?:also\s+)?"
    r"(?:will|would|shall|commits?|pledges?|pledged|undertakes|has\s+not|did\s+not|does\s+not|intends"
    r"|promises|aims\s+to|plans\s+to|agrees\s+to|offers\s+to|vows\s+to"
    # a package or a year's aid made public by the partner: "The same day Berlin announced a new package"
    r"|announce[sd]\s+(?:a|an|its)\s+(?:new\s+|further\s+|additional\s+)?(?:package|tranche)"
    r"|is\s+providing"
    # money put aside for the year: "For 2024 the EU has set aside EUR 5 billion ..."
    r"|has\s+(?:set\s+aside|earmarked|allocated)|sets\s+aside|earmarks|allocates)\b")
_PLURAL_GENERIC: Final = rx(
    r"[^.;]*\b(?:(?:two|three|four|five|\d)\s+(?:\w+\s+){0,3}?(?:agreements|accords|texts|documents)"
    r"|(?:\d{1,2}|ten)[- ]year\s+(?:\w+\s+){0,2}?(?:agreements|accords)\b"
    r"|(?:agreements|accords)\b[^.;]*\beach\b|both\s+(?:texts|agreements|accords|run))", re.IGNORECASE)
# A partner (or its capital) as the subject of a sentence: "Latvia had set the pattern",
# "Slovenia signed its agreement", "Iceland, which signed in May, promised", "Riga promises".
_ANSWER: Final = rx(r"(?:Answer|Reply|Response)(?:\s+(?:to\s+(?:question\s+)?)?\d{1,2})?\s*[.:]?\s*\Z")
# Two texts named by their partners' possessives as the joint subject: "Sweden's agreement and Latvia's ..."
_JOINT_TEXTS: Final = rx(rf"\W*(?:{_NAMES})'s\s+(?:[\w-]+\s+)?(?:{_TEXT})\s+and\s+(?:the\s+)?(?:{_NAMES})'s\b",
                                re.IGNORECASE)
_BLANK_CELL: Final = rx(r"\W*(?:not\s+(?:stated|specified|known|given|public|disclosed)|unknown|n/?a|none\s+stated"
                        r"|no\s+(?:data|information)|tbc|tbd|\?+)?\W*", re.IGNORECASE)
_LIST_ITEM: Final = rx(r"(?:^|\n)\d{1,2}[.)]\s+\Z")
_SUBJECT: Final = rx(
    # (a numbered note may open with its partner in bold: "3. **Croatia** adds no money")
    r"\W*(?:\d{1,2}[.)]\W*)?"
    # (a report of the partner's own words before it: "What they have published says Iceland will provide ...")
    r"(?:What\s+(?:[\w']+\s+){1,4}?(?:says|said|shows|states)\s+(?:that\s+)?)?"
    r"(?:The\s+)?(?P<who>(?i:" + trie_pattern(_STATE_NAMES) + ")|"  # ("The Netherlands, ...")
    + "|".join(re.escape(c) for c in _CAPITALS)
    # (an aside between subject and verb: "Norway, which signed first, will ...", "Norway, in its text, commits")
    + r")(?![\w.])(?:\*\*|__)?(?:,\s+(?:which|who|an?|the|one|like|as|in|under)\b[^,;.]{0,80},)?"
    r"\s+(?P<aux>(?:(?:also|now|then|has|have|had|already|does|did|not|never)\s+)*)"
    r"(?P<verb>[a-z][\w']*)\b")
# A list line labelled with a signed partner ("- Latvia: EUR 5 million a year ...", "- **Latvia** (row 9): signed
# ..."): a tracker's or a fact sheet's entry, about that partner's text as a sentence with it as subject is.
_PARTNER_LABEL: Final = rx(r"[ \t]*(?:[-*+•][ \t]+)?(?:\*\*|__)?(?P<who>(?i:" + trie_pattern(_STATE_NAMES) + r"))"
                           r"(?:\*\*|__)?(?:[ \t]+\([^()\n]{1,24}\))?:(?:\*\*|__)?[ \t]")
# Two signed partners as the joint subject of a role or a promise: "Germany and France lead the coalition for
# integrated air and missile defence", "Latvia and Estonia will train pilots". Each speaks for its own
# agreement; partners that did not sign ("Denmark and Sweden lead the drone coalition" beside Portugal's
# text) stay facts about countries.
_JOINT_SUBJECT: Final = rx(
    r"\W*(?P<a>(?i:" + trie_pattern(_STATE_NAMES) + r"))\s+and\s+(?P<b>(?i:" + trie_pattern(_STATE_NAMES) + r"))"
    r"\s+(?:also\s+|jointly\s+|together\s+)?(?:(?:co-?)?(?:lead|chair)|join|take\s+part|participate|"
    r"will|shall|commit|pledge|promise|undertake|agree|provide|contribute)\b")
# A correction's report of what an earlier version claimed: "- An earlier version said in paragraph 2 that the
# two agreements ran for 15 years." (the claim is withdrawn, whatever word the notice uses for it)
_EARLIER_CLAIM = rx(r"\W*(?:An?|The|Our)\s+(?:earlier|original|previous)\s+(?:version|article|report|story|edition|"
                    r"draft)\b[^.;]{0,60}?\b(?:said|stated|reported|gave|wrote|claimed)\b")
# The word after the subject must look like a verb: "Washington summit" is no subject.
_VERBISH: Final = rx(r"(?:\w+(?:s|ed)|also|now|then|already|will|would|shall|can|must|has|have|had|is|was|are|were|"
                     r"did|does|set|put|gave|took|made|led|paid|sent|spent|kept|held|met)\Z")
# Verbs that make a subject sentence about the partner's own agreement or commitments.
_COMMIT_VERB: Final = rx(r"(?:sign\w*|conclud\w*|promis\w*|pledg\w*|commit\w*|undert\w+|will|shall|would|"
                         r"devot\w*|offer\w*|agree\w*|provid\w*|contribut\w*|earmark\w*|allocat\w*|"
                         r"restrict\w*|limit\w*|confin\w*)\Z")
# What a sentence about several partners needs to be about their agreements rather than about
# the countries ("Each of the three also leads a coalition: Estonia ..., Lithuania ...").
_CONTENT = rx(r"(?=[atdpswuc])\b(?:agreements?|accords?|texts?|documents?|deals?|pacts?|sign\w*|will|shall|would|"
              r"undert\w+|commit\w*|pledg\w*|promis\w*|provid\w*|contribut\w*|devot\w*)\b", re.I)
# "every Baltic state now has an agreement": a clause about all the agreements of the document.
_EVERY: Final = rx(r"(?=e)\b(?:every|each)\s+(?:[\w-]+\s+){0,2}?(?:state|country|government|partner|signatory|ally)\b"
                   r"[^.;]*\b(?:agreement|accord)\b", re.I)
# A cue in the second term of a comparison is not what the sentence says the party does
# ("more comfortable with bulldozers than with howitzers").
# ("more than EUR 2 billion" is a quantity, not a comparison.)
_COMPARED: Final = rx(r"(?=[tri])(?:(?<!more )(?<!less )(?<!fewer )(?<!greater )(?<!higher )(?<!lower )(?<!other )"
                      r"(?<!no )\bthan(?:\s+with)?|\brather\s+than|\binstead\s+of)\s+(?:[\w-]+\s+){0,2}\Z", re.I)
# "already" inside a relative clause ("..., which our forces already carry out") describes the
# background of one item, not the whole sentence.
_RELATIVE: Final = rx(r",\s+(?:which|who|whom)\b[^,;]*")
_COLLECTIVE_START: Final = rx(
    r"\W*(?:(?:in|for|under|across)\s+)?(?:(?:both|all\s+\w+|each\s+of\s+the)\s+(?:texts|agreements|accords|"
    r"documents|deals)\b|(?:all|each\s+of|both\s+of)\s+(?:the\s+|these\s+)?(?:two|three|four|five|six)\s*[,:]"
    # "The agreements are political commitments": the plural subject is the agreements told so far (not
    # "The agreements of the Baltic states", "The agreements with Japan", which name their own)
    r"|(?:the|these)\s+(?:two\s+|three\s+|four\s+)?(?:texts|agreements|accords|pacts)\s+(?:are|were|will|do|run|remain)\b)",
    re.IGNORECASE)
# A sentence opening with "Its text"/"Its agreement" speaks of the agreement of the partner the
# sentence before was about.
_ITS: Final = rx(r"\W*(?:Its|Their)\s+(?:[\w-]+\s+){0,2}?(?:text|agreement|accord|deal|document|pact)\b")
# A sentence that joins what a country does to what the text says: ", and the text says ...".
_TEXT_SAYS: Final = rx(r",?\s+(?:and|but|while|whereas)\s+(?P<said>(?:the|its|their)\s+(?:text|agreement|accord|deal)"
                       r"\s+(?:also\s+)?(?:says|states|notes|stresses|adds|provides|declares|affirms|commits|confirms|"
                       r"recognises|recognizes|records)\b)")
# "Danish support includes lethal weapons, and the agreement confirms that this will continue": what the
# text says points back at the first clause, which it makes the agreement's content.
_SAYS_THIS: Final = rx(r"\s+(?:that\s+)?(?:this|these|those|it|such\s+\w+)\b(?!\s+(?:is|was)\s+not\b)")
_REFERS_BEFORE: Final = rx(r"\b(?:under|in|by|through|with)\s+(?:the|this|its|their)\s+(?:[\w-]+\s+)?"
                           r"(?:agreement|text|accord|deal)\b|\b(?:agreement|text|accord|deal)\s+"
                           r"(?:says|states|commits|provides|obliges)\b", re.IGNORECASE)
_AID_SUBJECT: Final = rx(
    r"\W*(?P<who>[A-Z][\w.-]+)(?:'s|’s)?\s+(?:military\s+|defen[cs]e\s+|security\s+|national\s+)?(?:aid|support|assistance|"
    r"deliveries|help|supplies)\s+(?:also\s+|now\s+)?(?:includes?|is|are|covers?|comprises?|consists?|spans?)\b")
# A clause that turns to another partner: ", while the United States supplies weapons", ", whereas
# the Lithuanian one stresses energy".
_CONTRAST: Final = rx(rf",?\s+(?:while|whereas|but)\s+(?P<rest>(?:the\s+)?(?P<who>{_NAMES})(?![\w]))", re.IGNORECASE)
_PAIR_BEFORE: Final = rx(r"(?P<who>[A-Z][\w.]*)\s+and\s+\Z")
_ANAPHORIC_START: Final = rx(r"(?:the|both)\s+(?:parties|participants|sides)\b|they\b|it\s+also\b",
                                     re.IGNORECASE)
_ASKS_TEXT: Final = rx(r"\b(?:[Dd]oes|[Dd]id|[Ii]s|[Ww]ill)\s+(?:the|this|its)\s+(?:text|agreement|accord)\b")
_IT_NEXT: Final = rx(r"\s*(?:It|Its|This\s+(?:text|agreement|accord)|The\s+(?:text|agreement|accord))\b")
_MONTHS: Final = ("january|february|march|april|may|june|july|august|september|october|november|december")
_BACKGROUND: Final = rx(
    rf"\W*(?:since|to\s+date|so\s+far|until\s+now|despite|before|previously|earlier|historically"
    rf"|by\s+contrast|in\s+contrast"
    rf"|last\s+(?:year|month|week|{_MONTHS})"
    rf"|in\s+(?:early\s+|late\s+|mid-)?(?:{_MONTHS}|\d{{4}}\b|the\s+past)"
    rf"|on\s+\d{{1,2}}\s+\w+|at\s+the\s+[\w\s]{{0,30}}summit)\b", re.IGNORECASE)
# What a party already did is background, not a clause of the agreement.
# So is what was announced beside it or agreed in a separate format.
# ("a new package announced with the signing" is the agreement's own)
_PAST: Final = rx(r"\balready\b|\b(?:has|have|had)\s+been\s+(?:providing|supplying)\b"
                  r"|\bannounced\b(?!\s+(?:with|at|alongside|together\s+with|in|under)\s+(?:the\s+)?"
                  r"(?:signing|agreement|text|accord|deal)\b)"
                  r"|\ba\s+separate\b|\bseparately\b|\b(?:outside|independently\s+of|apart\s+from)\s+(?:of\s+)?the\s+"
                  r"(?:agreement|text|accord|deal)\b", re.IGNORECASE)
# So is a sentence whose subject has given aid since some date: "Croatia has provided EUR 300
# million since 2022" is the partner's record (matched at the start, on sentences with "since").
_RECORD: Final = rx(r"\W*(?:[\w'-]+\s+){1,3}(?:has|have|had)\s+(?:already\s+)?(?:provided|delivered|given|sent|"
                    r"supplied|spent|contributed|donated|disbursed)\b(?=[^.;]*\bsince\b)", re.IGNORECASE)
# "The agreement formalises what Zagreb already does: ...": existing practice made agreement content.
# ("It gathers into one framework the cooperation we already have: ...": the same, put another way)
_FORMALISES: Final = rx(r"\b(?:formali[sz]\w*|codif\w*|enshrin\w*|anchors?|cements?|gathers|bundles|brings\s+together"
                        r"|consolidates)\b", re.IGNORECASE)
# "may" in lower case only: "signed on 31 May" is the month.
_HEDGE: Final = rx(r"\b(?:(?-i:may)|might|could|possibly|potential(?:ly)?|possibility|likely|perhaps"
            r"|reportedly|(?:is|are|was|were)\s+(?:said\s+to\s+be\s+|still\s+)?considering"  # a plan not yet made
                   r"|expects?\s+(?:the|this|that|its)\s+(?:agreement|text|deal|accord)\s+to)\b",
                           re.IGNORECASE)
_AGREEMENT_TITLE: Final = rx(r"\s*#*\s*(?:[\w-]+\s+){0,4}?(?:agreement|accord|memorandum|treaty)\b",
                                     re.IGNORECASE)
_NEGATION: Final = rx(
    r"\b(?:no|not|never|neither|nor|nobody|no\s+one|nothing|none|without|exclud\w*|omit\w*|lacks?|lacking|absence\s+of"
    r"|silent\s+(?:on|about)|refrain\w*\s+from|rul\w+\s+out)\b|n't\b", re.IGNORECASE)
_UNFOUND: Final = rx(r"\b(?:found\s+no|(?:could|can|did)\s*(?:not|n't)\s+find)\b")
_NOT_NEGATION: Final = rx(
    r"(?=[nw])\b(?:not\s+only|not\s+least|no\s+later\s+than|not\s+later\s+than|no\s+less\s+than|not\s+less\s+than"
    r"|no\s+fewer\s+than|not\s+fewer\s+than|not\s+below|not\s+under"
    r"|no\s+longer\s+than|without\s+delay|not\s+(?:stand|be)\s+in\s+the\s+way"
    r"|not\s+(?:hinder|prevent|preclude|prejudice|affect|replace|substitute\s+for)|no\s+substitute\s+for)\b",
    re.IGNORECASE)
_NEGATED_AFTER: Final = rx(
    r"[^.;,]{0,30}?\b(?:is|are|was|were)\s+(?:not\s+(?:mentioned|included|covered|part|written|stated|specified"
    r"|set\s+out|fixed)|absent|excluded"
    r"|missing)\b", re.IGNORECASE)
_CLAUSE_BREAK: Final = rx(r"[;:()]|—|\b(?:although|though|but|however|whereas|while|yet)\b",
                                  re.IGNORECASE)
# A clause the cue opens after a subordinator or a closing quote: a negation before it is another clause's.
_SUBORDINATE: Final = rx(r"[\"”]\s|\b(?:after|before|when|once|because|until)\b", re.IGNORECASE)
_SUM_PAST = rx(r"(?=[sh])(?:\bsince\s+(?:(?:early|late|mid-|the\s+start\s+of)\s*)?(?:19|20)\d\d\b|\bsince\s+the\s+"
               r"(?:full-scale\s+)?invasion\b|\b(?:has|have|had)\s+(?:already\s+)?(?:provided|given|delivered|"
               r"sent|spent|contributed|disbursed|donated)\b)", re.IGNORECASE)
_G_SUM_PAST: Final = Gate(_SUM_PAST)
_G_TEXT_SAYS: Final = Gate(_TEXT_SAYS)
_SUM_BREAK: Final = rx(r"[;:]|,\s+(?:and|but|while|whereas)\b|\.\s")
_LABEL_GAP: Final = rx(r"[ *_]*(?:(?:about|around|some|roughly|approx\.|approximately|over|nearly|almost|more\s+than"
                       r"|at\s+least|up\s+to)\s+)?")
# What a question is about is not what the text says: "Asked about weapons, a diplomat said ...".
# ("Asked whether Ireland would ever send weapons, Harris said ...": the question may run a few words)
_ASKED: Final = rx(r"(?=[aq])\b(?:asked|asking|asks|questions?|questioned)\s+(?:\w+\s+){0,2}?(?:about|on|whether|if)\s+"
                   r"(?:[\w-]+\s+){0,5}\Z", re.IGNORECASE)
_BLANK_LINE: Final = rx(r"\n\s*\n")
_TERMINAL: Final = (".", "!", "?", ":", '"', "'", ")", "]", "”", "’")
_WORDS: Final = {"ten": 10, "twelve": 12, "twenty-four": 24, "five": 5}


def _gate(pattern: Rx) -> tuple[str, ...] | None:
    found = keywords(pattern)
    return tuple(sorted(found)) if found is not None else None


# Every branch of _NAMED_REF ends in _DEAL, a rarer word than the "with"/"between" the
# automatic analysis would pick for one of them.
_G_NAMED: Final = ("accord", "agreement", "deal", "pact")
_G_GENERIC: Final = _gate(_GENERIC_REF)
_G_MULTI: Final = _gate(_MULTI)
_G_HEDGE: Final = _gate(_HEDGE)
_G_PAST: Final = _gate(_PAST)
_G_PLURAL: Final = _gate(_PLURAL_GENERIC)
_G_SUBJECT: Final = _gate(_SUBJECT_VERB)
# Keyword groups indexed in one KeywordIndex: these gates first, then the cue gates of every
# rule followed by its restriction gate (when it has restrictions).
_G_EVERY: Final = _gate(_EVERY)
_G_CONTENT: Final = _gate(_CONTENT)
_G_NAMED_TEXT: Final = ("accord", "agreement", "arrangement", "deal", "document", "pact", "text")  # (_TEXT)
_G_TEXT_WORD: Final = ("arrangement", "document", "text")  # (what _NAMED_TEXT's "the French text" needs)
# A capital that is _SUBJECT's subject is written as it is ("Riga promises"): the sentence holds it.
_G_CAPITAL: Final = tuple(sorted(c.lower() for c in _CAPITALS))
_GATES: Final = (_G_NAMED, _G_GENERIC, _G_MULTI, _G_HEDGE, _G_PAST, _G_PLURAL, _G_SUBJECT, _G_EVERY, _G_CONTENT,
                 _G_NAMED_TEXT, _G_TEXT_WORD, _G_CAPITAL)
(_NAMED_I, _GENERIC_I, _MULTI_I, _HEDGE_I, _PAST_I, _PLURAL_I, _SUBJECT_I, _EVERY_I,
 _CONTENT_I, _NAMED_TEXT_I, _TEXT_WORD_I, _CAPITAL_I) = range(len(_GATES))
_NG: Final = len(_GATES)
_G_NEGATION: Final = Gate(_NEGATION)
_G_NEGATED_AFTER: Final = Gate(_NEGATED_AFTER)


def agreement_key(*parties: str) -> str:
    """The extraction format's agreement key: sorted ISO3 parties joined by '-'."""
    return "-".join(sorted({p.upper() for p in parties}))


# The key of each partner's agreement with Ukraine, made once: the coder asks for one at every name.
_UKRAINE_KEYS: Final = {iso: agreement_key(iso, "UKR") for iso in _PARTNERS}


def _with_ukraine(iso: str) -> str:
    """``agreement_key(iso, "UKR")``."""
    key = _UKRAINE_KEYS.get(iso)
    return key if key is not None else agreement_key(iso, "UKR")


def _named(sentence: str, hits: set[int]) -> list[str]:
    keys: list[str] = []
    if _NAMED_I not in hits:
        return keys
    for m in finditer(_NAMED_REF, sentence):
        name = next(g for g in m.groups() if g)
        iso = _NAME_TO_ISO.get(name.lower())
        if iso and iso != "UKR":
            keys.append(_with_ukraine(iso))
    return keys


# The other term of a comparison: "unlike the British or French texts", "in contrast to Poland's accord"
_UNLIKE: Final = rx(r"\b(?:[Uu]nlike|in\s+contrast\s+(?:to|with)|[Cc]ompared\s+(?:with|to))\s+[^,;.]{0,60}")


def _uncompared(sentence: str, keys: list[str]) -> list[str]:
    """``keys`` without the partners named only as the other term of a comparison."""
    other = {k for m in _UNLIKE.finditer(sentence) for k in _partners(m.group())}
    rest = _UNLIKE.sub(" ", sentence)
    kept = set(_partners(rest)) if other else set()
    return [k for k in keys if k not in other or k in kept]


# A likeness: "Consultations within 24 hours, as in the British text" says the text in context does
# what the named one does; the sentence is about the one in context.
_AS_IN: Final = rx(r"\b(?:[Jj]ust\s+)?[Aa]s\s+(?:in|with)\s+[^,;.]{0,60}")


def _unlikened(sentence: str, keys: list[str]) -> list[str]:
    """``keys`` without the partners named only as the model of a likeness ("as in the British text")."""
    other = {k for m in _AS_IN.finditer(sentence) for k in _partners(m.group())}
    if not other:
        return keys
    kept = set(_partners(_AS_IN.sub(" ", sentence)))
    return [k for k in keys if k not in other or k in kept]


def _named_text(sentence: str, hits: set[int]) -> list[str]:
    """Agreements named as "the French text" or "Romania's agreement" (see _NAMED_TEXT)."""
    if _NAMED_TEXT_I not in hits or not ("'s " in sentence or "’s " in sentence or "the " in sentence):
        return []
    if _TEXT_WORD_I not in hits and "'s" not in sentence and "’s" not in sentence:
        return []  # (a match is "the French text" or "Romania's agreement")
    keys: list[str] = []
    for m in finditer(_NAMED_TEXT, sentence):  # (same matches, found faster)
        iso = _NAME_TO_ISO.get((m["c"] or m["g"]).lower())
        if iso and iso != "UKR" and _with_ukraine(iso) not in keys:
            keys.append(_with_ukraine(iso))
    return keys


def _refers_to(sentence: str, hits: set[int], named: list[str], main: str | None,
               current: str | None) -> str | None:
    """The agreement a sentence explicitly speaks of, or None when it names none."""
    if named:
        return main if main in named else named[0]
    if (current or main) and _GENERIC_I in hits and _GENERIC_REF.search(sentence):
        return current or main  # (without either, the answer is None whether it matches or not)
    return None


# An advertisement's label ("Advertisement: Weekend in Potsdam, from EUR 189") is no fact box's
_AD_LABELS: Final = ("Advertisement", "Sponsored", "Ad:", "Promoted")
_ROW: Final = rx(r"\|[ \t]*[A-Z][\w' -]{0,30}\|[ \t]*\S")  # "| Term | Ten years": a label, then its value
_LABEL_VALUE: Final = rx(r"\s*(?:[-*+•]\s+)?(?:\*\*|__)?[A-Z][\w' -]{0,30}:(?:\*\*|__)?[ \t]*\S")


def _is_heading(sentence: str) -> bool:
    """A Markdown heading, a run-in heading ("Security and Defence.") or a short title line."""
    if sentence.startswith("#"):
        return True
    if _over_eight_words(sentence):
        return False  # (what the word count below says, first: every test between says False or goes on)
    if ":" in sentence[:40] and _LABEL_VALUE.match(sentence):
        return False  # a fact box's "- **Term:** ten years" states a fact under its label
    if sentence.startswith("|") and sentence.count("|") >= 2 and not sentence.rstrip().endswith("|"):
        return False  # so does a table row without an end pipe, "| Term | Ten years" (the loaded DOCX/PDF form)
    words = sentence.rstrip(".").split(None, 8)  # (a ninth piece: over eight words)
    if not 0 < len(words) <= 8:
        return False
    if not sentence.endswith(_TERMINAL) and "\n" not in sentence:
        return True
    return sentence.endswith(".") and len(words) <= 6 and all(
        w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words)


_TITLE_SMALL_WORDS: Final = frozenset({"and", "of", "the", "for", "in", "on", "&"})


def _over_eight_words(sentence: str) -> bool:
    """Whether ``sentence.rstrip(".")`` has more than eight words, without that copy of nearly every
    sentence (most end with a full stop): a ninth piece of the sentence itself that is not full stops
    alone keeps a character of its own after the strip, so the stripped sentence has a ninth word too.
    (A count, not the piece stripped: that would copy most of the sentence again.)"""
    pieces = sentence.split(None, 8)
    return len(pieces) > 8 and pieces[8].count(".") < len(pieces[8])


def _name_spots(text: str) -> list[tuple[int, int]] | None:
    """Where the marked document holds a partner's name with a space on either side, in order:
    for a name in ``text[at:stop]``, (stop + 1, stop + 1 - at) as the automaton reports it (the
    marked text opens with a space). None: the text cannot be marked (see prefilter.mark)."""
    marked = mark(text)
    return list(_NAME_FINDER.iter(marked + " ")) if marked is not None else None


def _cuts_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` begins or ends inside a word: its ends then bound a name that the
    document's marks do not show, and the spots cannot answer for it."""
    return (start > 0 and text[start - 1] in _BEFORE_NAME) or (end < len(text) and text[end] in ASCII_WORD_CHARS)


def _names_within(spots: list[tuple[int, int]], i: int, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``(at, stop)`` of each name of ``spots``, from index ``i`` on (none before it ends after
    ``start``), that lies in ``text[start:end]``: the name is ``text[at:stop]``."""
    size = len(spots)
    while i < size:
        last, back = spots[i]
        if last > end + 1:
            return
        if last - back >= start:
            yield last - back, last - 1
        i += 1


def _spot_within(spots: list[tuple[int, int]], i: int, start: int, end: int) -> bool:
    """Whether a name of ``spots``, from index ``i`` on (none before it ends after ``start``), lies
    in ``text[start:end]``: ``any(_names_within(...))`` written out, as it runs for every sentence
    of every document (the generator costs a fifth more there)."""
    size = len(spots)
    while i < size:
        last, back = spots[i]
        if last > end + 1:
            return False
        if last - back >= start:
            return True
        i += 1
    return False


def _may_name(text: str, spots: list[tuple[int, int]] | None, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` may hold a name that _PARTNER, _NAMED_REF or _NAMED_TEXT find
    (False: it holds none)."""
    if spots is None or _cuts_word(text, start, end):
        return True
    return _spot_within(spots, bisect_left(spots, (start + 1,)), start, end)


def _may_names(text: str, spots: list[tuple[int, int]] | None, ranges: list[tuple[int, int]]) -> list[bool]:
    """``[_may_name(text, spots, s, e) for s, e in ranges]``, in one sweep over the spots when the
    ranges are sorted and do not overlap (sentences): each spot is then looked at once."""
    if spots is None or any(a[1] > b[0] or a[0] > a[1] for a, b in pairwise(ranges)):
        return [_may_name(text, spots, s, e) for s, e in ranges]
    out: list[bool] = []
    count = len(spots)
    i = 0
    for start, end in ranges:
        while i < count and spots[i][0] < start + 1:
            i += 1  # (a spot before this range lies before every later one too)
        out.append(_cuts_word(text, start, end) or _spot_within(spots, i, start, end))
    return out


# Where a name stands in each match of _NAMED_REF and of _NAMED_TEXT: (what may follow the name, what may come
# right before it, the words of which one may come before it and white space). _NAMED_REF: "UK-Ukraine ...",
# "Ukraine-UK ...", "the UK ...", "... with (the) UK", "... between Ukraine and (the) UK", "... between (the)
# (Government of) UK and Ukraine", "... and (the) (Kingdom of) (the) UK"; _NAMED_TEXT: "the French text", "Romania's
# agreement".
_REF_PLACES: Final = ("-", "-", ("the", "with", "and", "between", "of"))
_TEXT_PLACES: Final = ("'", "", ("the",))


def _names_placed(text: str, spots: list[tuple[int, int]] | None, start: int, end: int, sentence: str,
                  places: tuple[str, str, tuple[str, ...]]) -> bool:
    """Whether ``sentence`` (``text[start:end]``) holds a name of the document's ``spots`` placed as a match of
    _NAMED_REF or _NAMED_TEXT places it (``places``: _REF_PLACES, _TEXT_PLACES); False: the pattern finds
    nothing in it. (Most sentences with a name and the word "agreement" name no agreement: "Germany has
    delivered ... under the agreement".) Told only for an ASCII sentence (where IGNORECASE and \\s mean what
    ``lower`` and ``isspace`` do) that the spots can answer for (see _may_name); True for any other."""
    if spots is None or not sentence.isascii() or _cuts_word(text, start, end):
        return True
    after, right_before, words = places
    for name_at, name_stop in _names_within(spots, bisect_left(spots, (start + 1,)), start, end):
        at, stop = name_at - start, name_stop - start  # (the name is sentence[at:stop])
        if sentence.startswith(after, stop) or (right_before and sentence.endswith(right_before, 0, at)):
            return True
        k = at
        while k > 0 and sentence[k - 1].isspace():
            k -= 1
        if k < at and sentence[max(0, k - 7):k].lower().endswith(words):
            return True
    return False


def _partners(sentence: str) -> list[str]:
    """Agreement keys of the partners a sentence names, in order, without repeats."""
    return _keys_of(finditer(_PARTNER, sentence))


def _partners_in(text: str, spots: list[tuple[int, int]] | None, start: int, end: int) -> list[str]:
    """``_partners(text[start:end])``, the pattern matched only where a name of the document's
    ``spots`` starts (see _may_name: every name _PARTNER finds is one of them), not at every word
    that a name's first letters begin ("uk" of each "Ukraine", "eu" of each "European")."""
    if spots is None or _cuts_word(text, start, end):
        return _partners(text[start:end])
    sentence = ""
    found: list[re.Match[str]] = []
    resume = start  # (finditer's rule: the next match starts after the last one)
    i = bisect_left(spots, (start + 1,))
    size = len(spots)
    while i < size:
        last, back = spots[i]
        i += 1
        if last > end + 1:
            break
        at = last - back  # (where the name starts in the text)
        if at < resume:
            continue
        sentence = sentence or text[start:end]
        m = _PARTNER.match(sentence, at - start)
        resume = at + 1
        if m is not None:
            found.append(m)
            resume = max(start + m.end(), resume)
    return _keys_of(found)


def _keys_of(matches: list[re.Match[str]]) -> list[str]:
    keys: list[str] = []
    for m in matches:
        if m.group().lower() in _ACRONYMS and not m.group().isupper():
            continue  # "raised with us" names no one
        iso = _NAME_TO_ISO.get(m.group().lower())
        key = _with_ukraine(iso) if iso else None
        if key and key not in keys:
            keys.append(key)
    return keys


def _negated(sentence: str, start: int, end: int, low: str) -> bool:
    """``low``: the sentence lower-cased (:func:`fold`, same offsets), for the keyword tests."""
    # The clause is looked for only when the 90 characters before the cue hold a negation
    # keyword: the text read for a negation is a part of them, so without one it holds none.
    # (The substitution only blanks text out, so without a keyword there is no match after it.)
    if _G_NEGATION.may(low[max(0, start - 90):start]):
        clause_start = 0
        for m in finditer(_CLAUSE_BREAK, sentence, 0, start):
            clause_start = m.end()
        for m in finditer(_SUBORDINATE, sentence, max(clause_start, start - 90), start):
            clause_start = m.end()  # ("relieved, not euphoric" after Belgium signed a ten-year agreement)
        before = sentence[max(clause_start, start - 90):start]
        if _G_NEGATION.may(fold(before)) and first_match(_NEGATION, _NOT_NEGATION.sub(" ", before)):
            return True
    # (a match after the cue lies in the rest of the sentence: it needs one of its keywords)
    return _G_NEGATED_AFTER.may(low[end:]) and bool(_NEGATED_AFTER.match(sentence, end))


def _past_sum(sentence: str, start: int, end: int) -> bool:
    """A sum the partner has already given ("Croatia has provided about EUR 300 million since
    2022") is its national record, not a financial commitment of the agreement."""
    clause_start = 0
    for m in _SUM_BREAK.finditer(sentence, 0, start):
        if m.group() == ":" and _LABEL_GAP.fullmatch(sentence, m.end(), start):
            continue  # "- delivered since 2022: over EUR 2 billion": the label before the colon is the sum's clause
        clause_start = m.end()
    stop = _SUM_BREAK.search(sentence, end)
    return bool(_SUM_PAST.search(sentence, clause_start, min(stop.start() if stop else len(sentence), end + 50)))


def _number(code: Code, sentence: str) -> float | int | None:
    if code.number is None:
        return None
    m = first_match(code.number, sentence)
    if not m:
        return None
    for raw in m.groups():
        if raw:
            value = _WORDS.get(raw.lower()) if not raw.isdigit() else int(raw)
            return value
    return None


def _cue_matches(pattern: re.Pattern[str], sentence: str) -> list[re.Match[str]]:
    """``list(pattern.finditer(sentence))`` for a cue alternation (prefilter.finditer runs the
    ones that digits or optional words lead with its led finder, and keeps that choice with the
    pattern's other finders: one lookup a call)."""
    return finditer(pattern, sentence)


def _code_sentence(sentence: str, hits: set[int], rules: tuple[Rule, ...], gates: Gates,
                   codebook: Codebook) -> list[tuple[str, Any]]:
    """(code, value) pairs one sentence supports; a restriction's 'absent' wins over a cue.

    ``hits`` are the keyword gates the sentence passes: only the cues and restrictions that can
    match are run (codebook order is kept)."""
    found: dict[str, Any] = {}
    forced_absent: set[str] = set()
    low: str | None = None  # the sentence lower-cased, when a keyword test needs it
    for ri, cues in possible(hits, gates).items():  # rules in codebook order, cues in cue order
        rule = rules[ri]
        code = rule.code
        which = tuple(cues) if RESTRICTION not in cues else tuple(ci for ci in cues if ci != RESTRICTION)
        if not code.restrictions:
            matches = _cue_matches(rule.cues(which), sentence)
            if not matches or (code.exclude and rule.excluded(sentence, low := low or fold(sentence))):
                continue
        else:
            if code.exclude and rule.excluded(sentence, low := low or fold(sentence)):
                continue
            restricted = None
            if RESTRICTION in cues:
                restricted = next((r for r in code.restrictions if first_match(r.pattern, sentence)), None)
            if restricted is not None:
                found[code.id] = PRESENT
                forced_absent.update(restricted.absent)
                continue
            matches = _cue_matches(rule.cues(which), sentence) if which else []
            if not matches:
                continue
        if "than" in sentence or "nstead" in sentence:  # (every comparison has one of them)
            matches = [m for m in matches if not _COMPARED.search(sentence, max(0, m.start() - 40), m.start())]
            if not matches:
                continue
        if "sk" in sentence or "uestion" in sentence:  # (every "asked about" or "question on" has one of them)
            matches = [m for m in matches if not _ASKED.search(sentence, max(0, m.start() - 50), m.start())]
            if not matches:
                continue
        if code.id == "financial_commitment" and ('"' in sentence or "“" in sentence):
            # a sum alone in quotation marks is a figure cited (printing "EUR 80m"), not one committed
            matches = [m for m in matches if not (sentence[m.start() - 1:m.start()] in ('"', "“")
                                                  and sentence[m.end():m.end() + 1] in ('"', "”"))]
            if not matches:
                continue
        if code.id == "financial_commitment" and _G_SUM_PAST.may(low := low or fold(sentence)):
            matches = [m for m in matches if not _past_sum(sentence, m.start(), m.end())]
            if not matches:
                continue
        low = low or fold(sentence)
        if code.value_type != "text" and all(_negated(sentence, m.start(), m.end(), low) for m in matches):
            found[code.id] = ABSENT  # a text code's value says it ("not legally binding" is non-binding)
            continue
        if code.value_type == "number":
            num = _number(code, sentence)
            found[code.id] = num if num is not None else PRESENT
        elif code.value_type == "text":
            found[code.id] = next((v for v, p in code.values if first_match(p, sentence)), PRESENT)
        else:
            found[code.id] = PRESENT
    for cid in forced_absent:
        if cid in codebook.by_id:
            found[cid] = ABSENT
    return list(found.items())


def _first_line(text: str) -> str:
    """``text.lstrip().split("\\n", 1)[0][:200]``, without the copies of the whole document that makes."""
    start = len(text) - len(text.lstrip()) if text[:1].isspace() else 0
    stop = text.find("\n", start)
    return text[start:min(stop if stop >= 0 else len(text), start + 200)]


_BETWEEN: Final = rx(r"\bbetween\b", re.IGNORECASE)
_PARTIES_WORD: Final = rx(r"\b(?:participants|parties|sides|shall)\b", re.IGNORECASE)


def _is_agreement_text(text: str, sentences: list[tuple[int, int]]) -> bool:
    first_line = _first_line(text)
    return bool(_AGREEMENT_TITLE.match(first_line)) and bool(
        _BETWEEN.search(first_line) or first_match(_PARTIES_WORD, text))


def code_provisions(text: str, sentences: list[tuple[int, int]], default_agreement: str | None,
                    codebook: Codebook | None = None, signed: list[str] | None = None) -> list[dict[str, Any]]:
    """Provision codes the sentences of ``text`` support, each with its quote and span.

    ``default_agreement`` is the key of the document's main agreement ("JPN-UKR"); sentences
    that speak of "the agreement" are coded for it, sentences that name another agreement for
    that one. Without it only explicitly named agreements are coded. ``signed`` are the keys of
    the agreements the document reports as concluded: a sentence whose subject is one of those
    partners ("Slovenia signed its agreement ...", "Riga promises ...") speaks of its agreement.
    """
    cb = codebook or load_codebook()
    rules = compile_rules(cb)
    gates = compile_gates(cb, _GATES)
    occ = gates.index.scan(fold(text))  # which keyword gates each sentence passes
    spots = _name_spots(text)
    whole_text = _is_agreement_text(text, sentences)
    if default_agreement is None:
        default_agreement = _guess_main(text, occ, sentences, spots)
    main_names = _names_of(default_agreement)
    main_capitals = _capitals_of(main_names)
    items: list[dict[str, Any]] = []
    section: str | None = default_agreement if whole_text else None  # set by headings naming a partner
    context: list[str] = [section] if section else []
    seen: list[str] = []  # agreements coded so far, for "all three texts"
    pending: list[tuple[str, int, int, tuple[str, Any]]] = []
    prev: tuple[int, int] | None = None
    before: tuple[int, int] | None = None  # the previous sentence that is not a heading
    all_hits = occ.per_range(sentences)
    naming = _may_names(text, spots, sentences)  # (per sentence: whether it may name a partner)
    corrections = withdrawal_possible(text)
    tables: dict[int, list[str | None]] = {}  # first line of a table -> the partner of each column
    tops: dict[int, int] = {}  # a table line's start -> its table's first line
    last_coded: list[tuple[str, Any]] = []  # what the last sentence coded for the agreement in context
    for si, (start, end) in enumerate(sentences):
        sentence = text[start:end]
        if not sentence or sentence.isspace():  # (not sentence.strip(), without the copy)
            continue
        hits = all_hits[si]
        if "|" in sentence and sentence.count("|") >= 2:
            columns = _columns(text, start, tables, tops)
            if columns:  # a row of a table with one partner per column: each cell is its partner's
                items += _code_row(text, start, end, columns, hits, rules, gates, cb)
                seen.extend(k for k in dict.fromkeys(columns) if k and k not in seen)
                prev = (start, end)
                continue
        if last_coded and ("either" in sentence or "too" in sentence or "likewise" in sentence):
            same = _LIKEWISE.match(sentence)  # "Poland's, signed in Warsaw, does not either."
            iso = _NAME_TO_ISO.get(same["who"].lower()) if same else None
            if iso and iso != "UKR":
                items += [{"agreement": _with_ukraine(iso), "code": code_id, "value": value,
                           "quote": sentence, "span": [start, end]} for code_id, value in last_coded]
                prev = (start, end)
                continue
        first = prev is None
        gap = text[prev[1]:start] if prev is not None else ""
        broken = "\n" in gap
        # (a blank line needs two line breaks; between them only white space, which a gap of white
        # space alone has: the pattern runs only on a gap with other characters)
        if broken and prev is not None and gap.count("\n") >= 2 and (gap.isspace() or _BLANK_LINE.search(gap)):
            last = text[prev[0]:prev[1]].rstrip()
            # (an answer is about the text its question asks of: "HOST: Does the text say anything about NATO?" /
            # "GUEST: It does. It refers to ...")
            continues = (not last.endswith(_TERMINAL) or (last.endswith("?") and bool(_ASKS_TEXT.search(last)))
                         or sentence[:1].islower() or bool(_ANAPHORIC_START.match(sentence)))
            if not continues:
                context = [section] if section else []
        # (an item of a numbered list opens its own topic too: "3. **Croatia** adds no money.", the
        # number left before the sentence)
        # (after ". " or ") " a match of _LIST_ITEM has its digit right before them)
        para_start = first or broken or (text[start - 2:start] in (". ", ") ") and text[start - 3:start - 2].isdigit()
                                         and bool(_LIST_ITEM.search(text, max(0, start - 6), start)))
        prev = (start, end)
        if _is_heading(sentence) or (para_start and sentence[:1].isupper() and sentence.endswith(".")
                                     and len(sentence.split(None, 3)) <= 3):
            if default_agreement and sentence[:1] in "AR" and _ANSWER.match(sentence):
                # "Answer 4" in a record of questions put about one agreement: the answer speaks of it
                # even where it never names it ("Air defence, artillery and the air force.")
                context = [default_agreement]
                continue
            heading = _partners_in(text, spots, start, end)
            if first and heading == [default_agreement] and "year" in sentence:
                # "Spain and Ukraine sign ten-year security pact": the title gives the main text's term
                terms = [v for cid, v in _code_sentence(sentence, hits, rules, gates, cb) if cid == "duration"]
                items += [{"agreement": heading[0], "code": "duration", "value": v, "quote": sentence,
                           "span": [start, end]} for v in terms]
            if not first and len(heading) == 1:  # the document title does not open a section
                section = heading[0]
                context = [section]
            elif not first and section is not None and not whole_text:
                section, context = None, []  # a topic heading after partner sections ends them
            continue
        current = context[0] if len(context) == 1 else section
        # The partners named (but "EU", see _others) are counted only where they matter:
        # here for a sentence about several agreements, below for one that codes something.
        multi = _MULTI_I in hits and bool(first_match(_MULTI, sentence))
        every = _partners_in(text, spots, start, end) if multi else None
        if every and ("nlike " in sentence or "ontrast" in sentence or "ompared" in sentence):
            every = _uncompared(sentence, every)  # "unlike the British or French texts": the other term
        named: list[str] | None = [k for k in every if k != "EUU-UKR"] if every is not None else None  # _others
        # (the keyword tests first: they pass on few sentences, the name test on a third)
        explicit = ((_named(sentence, hits) if _names_placed(text, spots, start, end, sentence, _REF_PLACES) else [])
                    or (_named_text(sentence, hits)
                        if _names_placed(text, spots, start, end, sentence, _TEXT_PLACES) else [])) \
            if (_NAMED_I in hits or _NAMED_TEXT_I in hits) and naming[si] else []
        if explicit and ("as in " in sentence or "as with " in sentence):
            explicit = _unlikened(sentence, explicit)  # "..., as in the British text": the other term
        joint = _joint_subject(sentence, signed) if not explicit else None
        if named and len(named) >= 2 and not explicit and not joint and not _content(sentence, hits):
            continue  # facts about several countries, not about their agreements
        hedged = _HEDGE_I in hits and bool(first_match(_HEDGE, sentence))
        past = _PAST_I in hits and bool(first_match(_PAST, sentence)) \
            and bool(first_match(_PAST, _RELATIVE.sub("", sentence)))
        past = (past or ("since" in sentence and bool(_RECORD.match(sentence)))) \
            and not first_match(_FORMALISES, sentence)
        # (_SUBJECT's subject is a state's name, which the name test sees, or a capital: a sentence with
        # neither, nearly every one, is not matched)
        subject, commits = _subject(sentence, signed) \
            if signed and (naming[si] or _CAPITAL_I in hits) else (None, False)
        if subject is None and naming[si] and signed and sentence[:1] in "-*+•":  # (a list line only)
            subject, commits = _labelled(sentence, signed), True
        if joint and (hedged or past or _BACKGROUND.match(sentence)):
            joint = None
        if subject and (hedged or past or _BACKGROUND.match(sentence) or not (commits or para_start)):
            subject = None  # a paragraph opening with a partner is about it; later, only signing or committing says so
        if subject is None and before is not None and ("Its " in sentence[:6] or "Their " in sentence[:8]) \
                and _ITS.match(sentence):
            # "Ireland signed ... Its text provides ..."
            subject = _antecedent(text[before[0]:before[1]], _may_name(text, spots, *before))
        before = (start, end)
        targets = joint or ([subject] if subject and not explicit else
                            _targets(sentence, hits, explicit, default_agreement, current, seen, multi, every))
        if signed and len(signed) >= 2 and _EVERY_I in hits and _EVERY.search(sentence) \
                and not (named if named is not None else _others_in(text, spots, start, end)):
            pending.extend((sentence, start, end, cv) for cv in _code_sentence(sentence, hits, rules, gates, cb))
            continue
        if not targets and len(seen) < 2 and _PLURAL_I in hits and _PLURAL_GENERIC.match(sentence):
            # "three new agreements, each concluded for ten years": about agreements named later
            pending.extend((sentence, start, end, cv) for cv in _code_sentence(sentence, hits, rules, gates, cb))
            continue
        if not targets and default_agreement and (_main_subject(sentence, hits, main_names, main_capitals)
                                                  or (naming[si] and _main_aid(sentence, main_names))
                                                  or _main_role(sentence, main_names)) \
                and not _BACKGROUND.match(sentence) and not hedged:
            targets = [default_agreement]
        if not targets and not context and default_agreement and not hedged and (
                (":" in sentence[:40] and _LABEL_VALUE.match(sentence) and not sentence.startswith(_AD_LABELS))
                or (sentence[:1] == "|" and _ROW.match(sentence))):
            # a fact box's "- **Term:** ten years" (or a table's "| Term | Ten years") is about the text it sums up
            targets = [default_agreement]
        restore: list[str] | None = None
        # ("Canada signed its own agreement the same day": a partner told in passing beside the main one;
        # the sentence is its, the ones after return to the agreement before it)
        # (and "Lithuania and Estonia signed their own agreements the same day", the partners named as the texts')
        if targets and (subject or joint or (context and len(targets) > 1)) and " own " in sentence \
                and ASIDE.search(sentence):
            restore = context  # "Canada signed its own agreement the same day": said in passing
        if targets:
            context = targets
        elif not whole_text and (_BACKGROUND.match(sentence) or past or hedged):
            # (a hedged remark about the text in context keeps it for an "It ..." after it: "A future president
            # could withdraw from it. It names no dollar figure.")
            if not (hedged and context and si + 1 < len(sentences)
                    and _IT_NEXT.match(text, sentences[si + 1][0])) and not (
                    # (the first partner it names is the record's subject)
                    not hedged and len(context) == 1 and _partners_in(text, spots, start, end)[:1] == context):
                # (the record of the partner in context, "So far Lithuania has provided EUR 80 million",
                # keeps it for what follows: "The text leaves open a training mission")
                context = [section] if section and whole_text else []
            continue
        if not context or (not whole_text and past):
            continue  # an explicit reference still sets the context for what follows
        if not targets:
            named = _others_in(text, spots, start, end) if named is None else named
            if named and not any(k in context for k in named):
                continue  # "By contrast, the United Kingdom supplies lethal aid": another party's business
        coded = _code_sentence(sentence, hits, rules, gates, cb)
        other: list[tuple[str, str, int]] = []  # (agreement, clause, start) of a contrasting clause
        if coded:  # (the readings below only narrow what a sentence codes: skipped when it codes nothing)
            if sentence.rstrip().endswith("?") or (corrections and withdrawn(text, sentences, si)) \
                    or (("earlier" in sentence or "original" in sentence or "previous" in sentence)
                        and _EARLIER_CLAIM.match(sentence)):
                coded = []  # a question or a withdrawn claim asserts nothing about the text
            elif ("ound no" in sentence or " find " in sentence) and _UNFOUND.search(sentence):
                # "We found no term of validity in the reporting": the writer's gap, not the text saying none
                coded = [(cid, value) for cid, value in coded if value != ABSENT]
            else:
                narrowed = _narrow(sentence, start, end, context, signed)
                if narrowed is not None:
                    sentence, start, end, other = narrowed
                    coded = _code_sentence(sentence, hits, rules, gates, cb)
        if coded and not explicit and not subject and not joint and not _content(sentence, hits):
            named = _others_in(text, spots, start, end) if named is None else named
            if len(named) >= 2 and not (" with " in sentence and _partner_and_ally(sentence, context)):
                coded = []  # facts about several countries, not about their agreements
        for key in context:
            if key not in seen:
                seen.append(key)
            for code_id, value in coded:
                items.append({"agreement": key, "code": code_id, "value": value,
                              "quote": sentence, "span": [start, end]})
        last_coded = coded if context else []
        if restore is not None:
            context = restore
        for key, clause, at in other:
            span = [at, at + len(clause)]
            items += [{"agreement": key, "code": code_id, "value": value, "quote": clause, "span": span}
                      for code_id, value in _code_sentence(clause, hits, rules, gates, cb)]
    if len(seen) >= 2:
        items += [{"agreement": key, "code": cid, "value": value, "quote": q, "span": [s, e]}
                  for q, s, e, (cid, value) in pending for key in seen]
    return _tidy(items, cb)


# A sentence that says another partner's text does the same as the one just told: "Poland's, signed in
# Warsaw, does not either.", "Spain's does too." (a possessive with no noun after it, then the verb alone).
_LIKEWISE: Final = rx(rf"\W*(?P<who>{_NAMES})(?:'s|’s)(?:\s+(?:text|agreement|one))?(?:,[^.;]{{0,80}},)?\s+"
               r"(?:does|did|has|is|was|will)(?:\s+not|n't)?\s+(?:either|too|as\s+well|likewise)\W*\Z", re.IGNORECASE)


def _row_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row, stripped; a row written with edge bars loses
    the empty cells outside them."""
    cells: list[tuple[int, int]] = []
    at = start
    while at <= end:
        bar = text.find("|", at, end)
        stop = bar if bar >= 0 else end
        a, b = at, stop
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        cells.append((a, b))
        if bar < 0:
            break
        at = bar + 1
    if text[start:end].lstrip().startswith("|") and cells and cells[0][0] == cells[0][1]:
        cells.pop(0)
    if text[start:end].rstrip().endswith("|") and cells and cells[-1][0] == cells[-1][1]:
        cells.pop()
    return cells


def _columns(text: str, start: int, tables: dict[int, list[str | None]], tops: dict[int, int]
             ) -> list[str | None] | None:
    """The partner of each column of the table the line at ``start`` belongs to, read from its
    first line ("| | Czechia | Slovenia |"), when at least two columns name one partner each;
    None for the first line itself, a separator line and any other table. (``tops``: line start ->
    its table's first line, so each row looks up only to the row before it.)"""
    line_start = text.rfind("\n", 0, start) + 1
    top = line_start
    while top > 0 and top not in tops:  # up to the table's first line
        above = text.rfind("\n", 0, top - 1) + 1
        if text.count("|", above, top - 1) < 2:
            break
        top = above
    top = tops.get(top, top)
    tops[line_start] = top
    if top not in tables:
        head_end = text.find("\n", top)
        head_end = len(text) if head_end < 0 else head_end
        keys: list[str | None] = []
        for a, b in _row_cells(text, top, head_end):
            named = _partners(text[a:b]) if b > a else []
            keys.append(named[0] if len(named) == 1 else None)
        tables[top] = keys if len({k for k in keys if k}) >= 2 else []
    columns = tables[top]
    if not columns or line_start == top or _SEPARATOR.match(text, line_start):
        return None
    return columns


_SEPARATOR: Final = rx(r"[ \t|:-]*\n")


def _code_row(text: str, start: int, end: int, columns: list[str | None], hits: set[int], rules: tuple[Rule, ...],
              gates: Gates, cb: Codebook) -> list[dict[str, Any]]:
    """Codes of each cell of a table row for its column's partner, the row's label (first cell)
    read before it: "Term | 10 years" is "Term: 10 years"."""
    cells = _row_cells(text, start, end)
    if len(cells) < 2:
        return []
    label = text[cells[0][0]:cells[0][1]]
    out: list[dict[str, Any]] = []
    for (a, b), key in zip(cells[1:], columns[1:], strict=False):
        if key is None or b <= a or _BLANK_CELL.fullmatch(text, a, b):
            continue  # ("| Term | not stated |": a gap in what the table knows, neither present nor absent)
        for code_id, value in _code_sentence(f"{label}: {text[a:b]}", hits, rules, gates, cb):
            out.append({"agreement": key, "code": code_id, "value": value, "quote": text[a:b], "span": [a, b]})
    return out


# A partner named as the one another acts with ("co-leads, with Estonia, the IT coalition").
_WITH_PARTNER: Final = rx(rf"\b(?:together\s+)?with\s+(?:the\s+)?(?:{_NAMES})(?![\w])", re.IGNORECASE)


def _partner_and_ally(sentence: str, context: list[str]) -> bool:
    """The sentence names one partner in context and the others only as those it acts with: it
    is about that partner ("Luxembourg co-leads, with Estonia, the IT coalition")."""
    named = _others(_WITH_PARTNER.sub(" ", sentence))
    return len(named) == 1 and named[0] in context


def _subject(sentence: str, signed: list[str] | None) -> tuple[str | None, bool]:
    """The agreement of a signed partner that is the sentence's subject, and whether the verb is
    one of signing or committing (else the sentence describes the country)."""
    m = _SUBJECT.match(sentence) if signed else None
    if m is None or signed is None:
        return None, False
    who = m.group("who")
    if who.lower() in _ACRONYMS and not who.isupper():
        return None, False
    iso = _CAPITALS.get(who) or _STATE_NAMES.get(who.lower())
    key = _with_ukraine(iso) if iso and iso != "UKR" else None
    # A partner that signs is a party to an agreement even when the pipeline missed it.
    if key is None or (key not in signed and not (m.group("verb").startswith("sign") and not m.group("aux"))):
        return None, False
    first = (m.group("aux") or m.group("verb")).split()[0]
    commits = bool(_COMMIT_VERB.match(m.group("verb")))
    if not _VERBISH.match(first) or (who in _CAPITALS and not commits):
        return None, False  # a capital is a government only when it signs or commits ("Riga promises")
    return key, commits


def _labelled(sentence: str, signed: list[str]) -> str | None:
    """The agreement of the signed partner whose name labels the line (see _PARTNER_LABEL)."""
    m = _PARTNER_LABEL.match(sentence)
    iso = _STATE_NAMES.get(m.group("who").lower()) if m else None
    key = _with_ukraine(iso) if iso and iso != "UKR" else None
    return key if key in signed else None


def _joint_subject(sentence: str, signed: list[str] | None) -> list[str] | None:
    """The agreements of two signed partners that are the sentence's joint subject (see _JOINT_SUBJECT)."""
    if not signed or len(signed) < 2 or " and " not in sentence[:60]:
        return None
    m = _JOINT_SUBJECT.match(sentence)
    if m is None:
        return None
    keys = [_with_ukraine(_STATE_NAMES[m.group(g).lower()]) for g in ("a", "b")]
    return keys if all(k in signed for k in keys) and keys[0] != keys[1] else None


def _narrow(sentence: str, start: int, end: int, context: list[str], signed: list[str] | None
            ) -> tuple[str, int, int, list[tuple[str, str, int]]] | None:
    """The part of a sentence that speaks of the agreement in context, when it is only a part:
    "Germany co-leads the IAMD coalition, and the text says ..." (the text's part), "The Latvian
    text refers to cyber security, while the Lithuanian one stresses energy" (the first clause;
    the second is the other partner's, coded for it when it signed one). None: the whole."""
    narrowed = False
    other: list[tuple[str, str, int]] = []
    said = _TEXT_SAYS.search(sentence) if ("text" in sentence or "agreement" in sentence) \
        and _G_TEXT_SAYS.may(fold(sentence)) else None  # (the verbs' keyword test: one in eight passes)
    if said and not first_match(_REFERS_BEFORE, sentence, 0, said.start()) \
            and not _SAYS_THIS.match(sentence, said.end()):
        start, sentence, narrowed = start + said.start(1), sentence[said.start(1):], True
    contrast = _CONTRAST.search(sentence) if ("while" in sentence or "whereas" in sentence
                                              or "but" in sentence) else None
    if contrast:
        iso = _NAME_TO_ISO.get(contrast.group("who").lower())
        key = _with_ukraine(iso) if iso and iso != "UKR" else None
        if key and key not in context:
            if signed and key in signed and (first_match(_CONTENT, sentence, contrast.end())
                                             or sentence.startswith((" one ", "'s one "), contrast.end())):
                other.append((key, sentence[contrast.start("rest"):], start + contrast.start("rest")))
            sentence, end, narrowed = sentence[:contrast.start()], start + contrast.start(), True
    return (sentence, start, end, other) if narrowed else None


def _antecedent(sentence: str, may_name: bool) -> str | None:
    """What "its" in the next sentence refers to: the one partner the sentence names, else its
    subject (a partner or its capital). ``may_name``: whether it may name one (_may_name)."""
    named = _others(sentence) if may_name else []
    if len(named) == 1:
        return named[0]
    m = _SUBJECT.match(sentence)
    if m is None:
        return None
    iso = _CAPITALS.get(m.group("who")) or _STATE_NAMES.get(m.group("who").lower())
    return _with_ukraine(iso) if iso and iso != "UKR" else None


def _content(sentence: str, hits: set[int]) -> bool:
    # (a plain search behind the look-ahead: most sentences that pass the gate match early, and the
    # search stops there; prefilter.search would first pass over the whole sentence)
    return _CONTENT_I in hits and bool(_CONTENT.search(sentence))


def _others(sentence: str) -> list[str]:
    # "EU" is skipped: "EU membership" speaks of Ukraine's accession, not of the EU's agreement.
    return [k for k in _partners(sentence) if k != "EUU-UKR"]


def _others_in(text: str, spots: list[tuple[int, int]] | None, start: int, end: int) -> list[str]:
    """``_others(text[start:end])`` (see _partners_in)."""
    return [k for k in _partners_in(text, spots, start, end) if k != "EUU-UKR"]


def _names_of(key: str | None) -> set[str]:
    """Lower-case names of the non-Ukrainian parties of an agreement key."""
    parties = set(key.split("-")) - {"UKR"} if key else set()
    return {n.lower() for iso in parties for n in _PARTNERS.get(iso, ())}


def _is_main(who: str, names: set[str]) -> bool:
    """``who`` is the main partner: one of its ``names`` or its capital."""
    return who.lower() in names or _CAPITALS.get(who, "") in {_NAME_TO_ISO.get(n) for n in names}


def _capitals_of(names: set[str]) -> tuple[str, ...]:
    """The capitals of the partners of ``names``."""
    isos = {_NAME_TO_ISO.get(n) for n in names}
    return tuple(c for c, iso in _CAPITALS.items() if iso in isos)


def _main_subject(sentence: str, hits: set[int], names: set[str], capitals: tuple[str, ...]) -> bool:
    if not names or _SUBJECT_I not in hits:
        return False
    # Every party this finds the main partner as (the subject, the giver "from ...", the one paired
    # with Ukraine) is written in the sentence as one of its ``names`` (any case) or its capital:
    # without one, the pattern need not run.
    low = sentence.lower()
    if not any(n in low for n in names) and not any(c in sentence for c in capitals):
        return False
    m = _SUBJECT_VERB.match(sentence)
    if m is None:
        return False
    who = m.group("who")
    if _is_main(who, names):
        return True
    # "Rome and Kyiv will consult ...", "Italy and Ukraine will ...": the pair as the subject
    pair = _PAIR_BEFORE.search(sentence, 0, m.start("who"))
    if who in ("Kyiv", "Ukraine") and "receive" in sentence:  # "Ukraine would receive CAD 3 billion from Canada"
        giver = _RECEIVE_FROM.search(sentence, m.end())
        if giver is not None and _is_main(giver.group("who").rstrip("."), names):
            return True
    return who in ("Kyiv", "Ukraine") and pair is not None and _is_main(pair.group("who"), names)


_RECEIVE_FROM: Final = rx(r"\breceive\b(?:[^.;]|\.(?=\d)){0,100}?\bfrom\s+(?:the\s+)?"
                          r"(?P<who>[A-Z][\w.]*(?:\s+[A-Z]\w+)?)")


# The main partner's part in a capability coalition, as the sentence's subject: "Denmark co-chairs the air
# force capability coalition, which trains pilots" (in a new paragraph too: the role is part of what a
# partner brings under its agreement; a clause joined to it about the text is narrowed as before).
_ROLE_SUBJECT: Final = rx(r"\W*(?:The\s+)?(?P<who>[A-Z][\w.]*(?:\s+[A-Z]\w+)?)\s+(?:also\s+|now\s+)?"
                          r"(?:(?:co-?)?(?:leads|chairs)|joins|takes\s+part\s+in|participates\s+in)\b"
                          r"[^.;]{0,60}?\bcoalition\b")


def _main_role(sentence: str, names: set[str]) -> bool:
    if "oalition" not in sentence or not names:
        return False
    m = _ROLE_SUBJECT.match(sentence)
    return bool(m and _is_main(m.group("who"), names))


def _main_aid(sentence: str, names: set[str]) -> bool:
    """"Swedish aid includes lethal systems": what the main partner's aid is, in a document about
    its agreement, describes what the agreement covers."""
    m = _AID_SUBJECT.match(sentence) if names and sentence[:1].isupper() else None
    return bool(m and m.group("who").lower() in names)


def _guess_main(text: str, occ: Occurrences, sentences: list[tuple[int, int]],
                spots: list[tuple[int, int]] | None) -> str | None:
    """Without a main agreement from the pipeline: the one partner the title names, else the
    first agreement a sentence names (``spots``: see _name_spots)."""
    named = _partners(_first_line(text))
    if len(named) == 1:
        return named[0]
    for start, end in sentences:
        found = _named(text[start:end], occ.groups_in(start, end)) if _may_name(text, spots, start, end) else None
        if found:
            return found[0]
    return None


def _targets(sentence: str, hits: set[int], explicit: list[str], main: str | None, current: str | None,
             seen: list[str], multi: bool | None = None, every: list[str] | None = None) -> list[str]:
    """The agreements a sentence explicitly speaks of (``explicit``: the agreements it names);
    empty when it names none. ``multi`` and ``every`` (the partners it names), when given, are
    what the caller found already."""
    if explicit:
        if len(explicit) >= 2 and "'s" in sentence[:40] and _JOINT_TEXTS.match(sentence):
            return explicit  # "Sweden's text and Latvia's text set up ...": each speaks for its own
        return [main] if main in explicit else explicit[:1]
    if multi if multi is not None else (_MULTI_I in hits and first_match(_MULTI, sentence)):
        named = every if every is not None else _partners(sentence)
        if len(named) >= 2:
            return named
        if not named and _COLLECTIVE_START.match(sentence) and len(seen) >= 2:
            return list(seen)
    one = _refers_to(sentence, hits, explicit, main, current)
    return [one] if one else []


def _tidy(items: list[dict[str, Any]], codebook: Codebook) -> list[dict[str, Any]]:
    """One item per (agreement, code, value); a number makes a bare 'present' redundant."""
    numbered = {(i["agreement"], i["code"]) for i in items
                if isinstance(i["value"], int | float) and not isinstance(i["value"], bool)}
    # A sum stated anywhere is a financial commitment; "names no figure for later years" only
    # says the commitment does not cover them.
    funded = {i["agreement"] for i in items if i["code"] == "financial_commitment" and i["value"] == PRESENT}
    seen: set[tuple[str, str, str]] = set()
    out: list[dict[str, Any]] = []
    for item in items:
        if item["value"] == PRESENT and (item["agreement"], item["code"]) in numbered:
            continue
        if item["value"] == ABSENT and item["code"] == "financial_commitment" and item["agreement"] in funded:
            continue
        key = (item["agreement"], item["code"], str(item["value"]))
        if key in seen:
            continue
        seen.add(key)
        out.append(item)
    return out
