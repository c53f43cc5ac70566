"""The relate stage's shortcuts find what the plain scans they stand for find."""

from __future__ import annotations

import copy
import re
from bisect import bisect_right
from collections import Counter

import pytest

from accords.extract.prefilter import fold
from accords.extract.relate import agreements, candidates, commitments, context, mechanisms

from .helpers import BEFORE_RELATE, gold_texts, staged

# made-up lines that put the label words, title words and agreement words where the shortcuts must look
EDGES = [
    "Parties: Ukraine and Japan.\n- **Partners**: Norway\n  * __Signatory states__ : Latvia. Counterpart: X",
    "x.\nParties: A; y.\rPartner: B; z. \t- Signatories: C; CoParties: D; .Parties: E\n\n  -\tCounterpart :F",
    "Parties:\nPartner:\n.\nSignatories:.Partners: Partnership Agreement on Security between them",
    "the Agreement on Security Cooperation, Treaty of Friendship; the  Accord between Kyiv, Accords on X; "
    "theAgreement on Y, Memorandum concerning Z, Joint Security Commitments for Ukraine, Agreement on a",
    "Security deals, a bilateral  deal, DEFENCE DEALS, long-term deals; the ten-year deal; treaties, a treaty."
    " Signed. They sign; it signs; SIGNED texts; the pact and the accords; security commitments; ſigned.",
    "",
]


def _texts() -> list[str]:
    out = list(EDGES)
    out += gold_texts()
    return out


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentences cut after each ". " and line break: bounds enough to try the flags at."""
    bounds, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\n" or (ch == " " and text[i - 1:i] == "."):
            bounds.append((start, i + 1))
            start = i + 1
    bounds.append((start, len(text)))
    return bounds


@pytest.mark.parametrize("text", _texts())
def test_party_labels_are_where_the_label_scan_starts(text: str) -> None:
    assert agreements._party_labels(text) == {m.start() for m in agreements._PARTY_LABEL.finditer(text)}


@pytest.mark.parametrize("text", _texts())
def test_title_head_is_the_title_scans_title_word(text: str) -> None:
    for part in [text, *text.split(". ")]:
        head = agreements._TITLE_HEAD.search(part)
        assert agreements._title_head(part) == (head.start("t") if head else None)


# lead words at a text's start, after a word character, with a line break after, and before lower case
_PLACE_EDGES = [
    "In Berlin, done at Paris; Done at\nRiga. within Rome, xin Oslo, in berlin, in New-York. In Vilnius",
    "signed in Kyiv on 1 March at the NATO summit in Vilnius; in the margins of the G7 summit",
    "Done at Brussels", "in", "begin Madrid. Plain in Lisbon", "",
]


@pytest.mark.parametrize("text", [*_PLACE_EDGES, *_texts()])
def test_city_scan_finds_what_the_place_scan_finds_without_a_summit(text: str) -> None:
    for part in [text, *text.split(". ")]:
        want = [(m.span(), m["c"]) for m in agreements._PLACE.finditer(part)]
        got = [(m.span(), m["c"]) for m in agreements._place_pattern(part).finditer(part)]
        assert got == want


_LETHAL_EDGES = ["Non-lethal and lethal aid; nonlethal, NON-LETHAL, non lethal, lethality, unlethal, non-nonlethal",
                 "lethal", "nonlethal", "-lethal. Lethal. xnon-lethal lethal_ (non-lethal)", "Non-Lethal\nLethal", ""]


@pytest.mark.parametrize("text", [*_LETHAL_EDGES, *_texts()])
def test_lethal_words_are_matched_where_the_scans_find_them(text: str) -> None:
    low = fold(text)
    for s, e in [(0, len(text)), *_sentences(text)]:
        sent = text[s:e]
        for pattern in (mechanisms._NON_LETHAL, mechanisms._LETHAL):
            want = [m.span() for m in pattern.finditer(sent)]
            assert [m.span() for m in mechanisms._lethal_matches(pattern, sent, low, s, e)] == want


_CONSULT_EDGES = ["Consultations; CONVENE, meeting, meet_, talks, talkshow, confer, conference, reconvene, xmeet",
                  "consult", "talks", "confer", "meets. Talks\nConfer_ consultative", ""]


@pytest.mark.parametrize("text", [*_CONSULT_EDGES, *_texts()])
def test_consultation_words_are_where_the_scan_finds_them(text: str) -> None:
    low = fold(text)
    for s, e in [(0, len(text)), *_sentences(text), (1, len(text)), (3, max(3, len(text) - 2))]:
        want = [m.start() for m in mechanisms._CONSULT.finditer(text, s, e)]
        assert mechanisms._consult_starts(text, low, s, e, False) == want
        alone = [s + m.start() for m in mechanisms._CONSULT.finditer(text[s:e])]
        assert mechanisms._consult_starts(text, low, s, e, True) == alone


@pytest.mark.parametrize("text", [*_CONSULT_EDGES, *_texts()])
def test_clause_breaks_are_where_the_word_bounded_scan_finds_them(text: str) -> None:
    bounded = re.compile(r"[;:]|\bbut\b|\bwhile\b|\bwhereas\b")
    for part in [text, "but", "abut; butter: while_ whereas, but.", "whereas"]:
        assert [m.span() for m in commitments._CLAUSE_BREAK.finditer(part)] == [m.span() for m in bounded.finditer(part)]


# the agreement rules' patterns that check the word start after their first letters, each beside its spelling
# with "\b" first (the look-ahead of initials left out: it changes no match)
_WORD_LED = {
    "_ENUM_SHORT": r"\bagreements\s+with\s+",
    "_EARLIER": r"\b(?:had|earlier|before|previously|already)\b",
    "_WERE_SIGNED": r"\b(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?signed\b",
    "_BARE_SIGN": r"\b(?:sign|signs|signed)\b(?!\s+(?:of|that|up|off|language|posts?|boards?)\b)",
    "_ADDED": r"\badded\s+(?:their|its|his|her)\s+(?:own\s+)?(?:texts?|agreements?|accords?|signatures?|names?)\b",
    "_DECLARATION": r"\b[Dd]eclaration\b[^.;,()]{0,60}(?:,\s+(?:agreed|adopted|issued|signed|made|endorsed|launched)\b"
                    r"[^.;,()]{0,60})?|\b(?:promised|pledged|adopted|issued)\s+(?:[\w-]+\s+){0,3}?at\s+the\s+[^.;,()]{0,60}",
}
_WORD_LED_EDGES = ["had, earlier before; xhad already_ previously. Had", "Declaration of X, agreed in Y; the declaration,"
                   " adopted by Z. promised Kyiv at the summit", "sign, signs of, signed up, signs. xsign signature signedx",
                   "agreements with A; Xagreements  with B", "were signed, have been also signed; had been  signed",
                   "added their own texts; Xadded its signature", ""]


@pytest.mark.parametrize("text", [*_WORD_LED_EDGES, *_texts()])
def test_word_led_patterns_match_as_their_word_bounded_spellings(text: str) -> None:
    for name, bounded in _WORD_LED.items():
        pattern = getattr(agreements, name)
        plain = re.compile(bounded, pattern.flags)
        for part in (text, text.lower(), text.upper()):
            assert [m.span() for m in pattern.finditer(part)] == [m.span() for m in plain.finditer(part)], name


@pytest.mark.parametrize("text", [*_WORD_LED_EDGES, *_texts()])
def test_signed_lead_answers_as_its_match(text: str) -> None:
    for part in [text, *text.split(". "), *text.split("\n"), "Signed", "- **Signing date:** 1 May", "Done at Kyiv"]:
        assert agreements._signed_lead(part) == bool(agreements._SIGNED_LEAD.match(part))


_UKRAINE_EDGES = ["Ukraine", "xUkraine, UKRAINIAN aid; _ukrain ... pro-Ukrainian", "EUkraine", "Ukrai", ""]


@pytest.mark.parametrize("text", [*_UKRAINE_EDGES, *_texts()])
def test_a_word_opening_with_ukrain_is_a_match_of_the_aid_scan(text: str) -> None:
    low = fold(text)
    for s, e in [(0, len(text)), *_sentences(text)]:
        if commitments._names_ukraine(text, low, s, e):
            assert commitments._FOR_UKRAINE.search(text, s, e) is not None
    assert commitments._names_ukraine(text, low, 0, len(text)) == bool(re.search(r"(?i)\bukrain", text))


@pytest.mark.parametrize("text", _texts())
def test_candidate_flags_are_what_the_sentences_own_scans_find(text: str) -> None:
    sentences = _sentences(text)
    starts = [s for s, _ in sentences]
    found = candidates.scan(text, fold(text), starts, sentences)
    words = {max(0, bisect_right(starts, m.start()) - 1) for m in context._AGREEMENT_WORD.finditer(text)}
    assert {i for i, says in found.items() if says & candidates.HAS_AGREEMENT_WORD} == words
    for idx, says in found.items():
        if says & candidates.UNSURE:
            continue
        s, e = sentences[idx]
        sent = text[s:e]
        if says & candidates.HAS_SIGN:
            assert agreements._SIGN.search(sent), sent
        assert bool(says & candidates.HAS_NOUN) == bool(agreements._AGREEMENT.search(sent)), sent
        assert bool(says & candidates.HAS_DOC_NOUN) == bool(agreements._DOC_NOUN.search(sent)), sent


def _stamp_words(sentence: str) -> int:
    """Words with a letter in them, all counted at once (what _is_stamp_line counts a few at a time)."""
    return sum(1 for w in sentence.split() if any(c.isalpha() for c in w))


@pytest.mark.parametrize("text", _texts())
def test_stamp_lines_are_counted_as_whole_lines(text: str) -> None:
    from accords.extract.relate import events

    lines = [*text.splitlines(), "Regional Security Monitor, 9 July 2024", " a b c d e f g h i  j ", "1 2 3 - | x",
             "\u00e9t\u00e9 a b c d e f g h", "a b c d e f g h i j k l m n o p q r s t u v w x y z"]
    for line in lines:
        expected = len(line) <= 200 and _stamp_words(line) <= 9 and not events._VERBISH.search(line.replace("'s", ""))
        assert events._is_stamp_line(line, -1) == expected, line


@pytest.mark.parametrize("text", _texts())
def test_the_comma_test_passes_every_place_in_apposition(text: str) -> None:
    tails = [text[max(0, i - 50):i] for i in range(0, len(text), 7)]
    tails += ["talks in Vilnius, ", "in Apulia, southern ", "at the Summit, south-east\t", "in Rome,\n", "Kyiv, and "]
    for before in tails:
        if context._PLACE_OF.search(before):
            assert context._after_comma(before), before


# letters whose lower case is longer, or that fold to ASCII ones: a slice of the folded document must still be the
# fold of the slice
_FOLD_EDGES = ["\u0130stanbul signed; \u0131n Kyiv, \u017figned on 3 May. \u00c9T\u00c9 and ALL-CAPS AGREEMENT SINCE 2022.",
               "Die Stra\u00dfe \u1e9e. \u01c5 \u0130\u0130\u0130 x. Since 2022 \u0131 \u017f ."]


@pytest.mark.parametrize("text", [*_FOLD_EDGES, *_texts()])
def test_slices_of_the_folded_document_are_the_folded_slices(text: str) -> None:
    # (relate reads ctx.low[a:b] where it folded text[a:b]: sentences, the 80 characters before a date,
    # the words before an amount)
    low = fold(text)
    assert len(low) == len(text)
    spans = _sentences(text) + [(max(0, i - 80), i) for i in range(0, len(text) + 1, 11)]
    for a, b in spans:
        assert low[a:b] == fold(text[a:b]), text[a:b]


# made-up sentences for the agreement rules' noun shortcuts: counts and other kinds of text, with the
# nouns and the words around them in the cases and spellings the patterns accept
_KIND_EDGES = [
    "Two new agreements were signed. Three trade deals, no security. Five MEMORANDA on gas. Dozens of accords.",
    "The grain agreement; an agreement on taxation; a TREATY of friendship; free-trade treaties; a deal.",
    "Signed under the Joint Declaration. Pursuant to G7 rules, it runs. Under the joint statement of 2023;",
    "in line with the G7 Joint Declaration, signed. Under the framework. The text was signed under joint",
    "Agreementſ on grain. A gas dealer signed; three texts signed; they sign two deals on energy.",
]


@pytest.mark.parametrize("text", [*_KIND_EDGES, *_texts()])
def test_other_kind_answers_as_the_two_scans_it_may_skip(text: str) -> None:
    # (relate_agreements reads the scan's flags, or UNSURE for a sentence the scan has no match in)
    sentences = _sentences(text)
    starts = [s for s, _ in sentences]
    low_text = fold(text)
    found = candidates.scan(text, low_text, starts, sentences)
    for idx, (s, e) in enumerate(sentences):
        sent, low = text[s:e], low_text[s:e]
        plain = bool((agreements._COUNTED.search(sent) and not re.search(r"\b(?:security|bilateral)\b", sent))
                     or agreements._NOT_SECURITY.search(sent))
        assert agreements._other_kind(sent, low, found.get(idx, candidates.UNSURE)) == plain, sent


@pytest.mark.parametrize("text", [*_KIND_EDGES, *_texts()])
def test_basis_is_looked_for_wherever_it_matches(text: str) -> None:
    for s, e in _sentences(text):
        sent = text[s:e]
        if agreements._BASIS.search(sent):
            assert agreements._basis_possible(fold(sent)), sent
        assert (agreements._basis(sent) if agreements._basis_possible(fold(sent)) else None) == agreements._basis(sent)


def _focus_by_counters(ctx: context.Ctx) -> tuple[str, ...]:
    """The document's focus as two Counters added give it (what context._focus counts in one dict)."""
    if not ctx._parties:
        return ()
    found = ctx.candidate_sentences()
    about = {idx for idx, says in found.items() if says & candidates.HAS_AGREEMENT_WORD}
    near: Counter[str] = Counter()
    overall: Counter[str] = Counter()
    first: dict[str, int] = {}
    for idx in sorted(ctx._parties):
        parties = [m.value for m in ctx._parties[idx] if m.value not in context._NOT_PARTNERS]
        for p in parties:
            first.setdefault(p, idx)
        for p in dict.fromkeys(parties):
            overall[p] += 1
            if idx in about:
                near[p] += 1
    counts = near + overall
    if not counts:
        return ()
    partner = min(counts, key=lambda p: (-counts[p], first[p]))
    return tuple(sorted({partner, context.RECIPIENT}))


# ties: partners first named in the same sentence, with and without an agreement word there or later
_FOCUS_EDGES = [
    "Norway and Sweden met. Sweden and Norway signed an agreement. Denmark spoke.",
    "France and Germany talked. Germany and France met again. Italy signed an accord with Germany.",
    "Spain, Portugal. Portugal and Spain and Greece signed a treaty. Greece and Spain signed a pact.",
    "Nothing here names a state.",
    "Japan. Canada.",
]


def test_focus_counts_as_the_two_counters_did() -> None:
    # (called directly, not by patching context._focus: a compiled build calls its own function)
    checked = 0
    for text in [*_FOCUS_EDGES, *gold_texts()]:
        ctx = context.build(staged(text, BEFORE_RELATE))
        assert context._focus(ctx) == _focus_by_counters(ctx), text[:200]
        checked += 1
    assert checked == len(_FOCUS_EDGES) + len(gold_texts())


_STATUS_EDGES = ["Pledged and provided; pledged and provided. Fund of, fund of; Budget of; set aside; sets aside.",
                 "It is set to, are set to, due to be paid; Will provide, will provide; vowed to send; gave, Gave.",
                 "\u017fupport for \u212ayiv, KYIV and UKRAINE; Humanitarian, ENERGY and Loans; it provides aid, "
                 "Adds EUR 5 million; Military aid, \u017fecurity assistance; rebuilding and \u0130nvestment."]


@pytest.mark.parametrize("text", [*_STATUS_EDGES, *_texts()])
def test_initials_change_no_match(text: str) -> None:
    # these patterns open with a look-ahead naming their words' initials: without it, the same matches
    from accords.extract.relate import commitments

    patterns = [p for _, p in [*commitments._STATUS, *commitments._CATEGORIES]]
    for pattern in [*patterns, commitments._GIVES, commitments._SUPPORT, commitments._ABOUT_AID]:
        bare = re.compile(re.sub(r"^\(\?=(?:\[[^\]]+\]|\w)\)", "", pattern.pattern), pattern.flags)
        assert bare.pattern != pattern.pattern
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in bare.finditer(text)]


def test_a_mention_made_without_extra_gets_a_dict_of_its_own() -> None:
    from accords.extract.types import Mention

    given = {"kind": "name"}
    first, second = Mention("party", 0, 3, "USA", "USA"), Mention("party", 4, 7, "USA", "USA")
    assert first.extra == {} and first.extra is not second.extra
    assert Mention("party", 0, 3, "USA", "USA", given).extra is given
    assert Mention(kind="date", start=1, end=2, text="x", value=None, extra=given) == \
        Mention("date", 1, 2, "x", None, {"kind": "name"})


def test_a_mention_survives_deepcopy_and_pickle() -> None:
    """Batch ingest across processes pickles documents and tests deep-copy them; the compiled class,
    created through its own __init__, must rebuild from its fields in both builds."""
    import pickle

    from accords.extract.types import Mention

    mention = Mention("money", 5, 17, "$4.5 billion", 4_500_000_000, {"currency": "USD"})
    for copied in (copy.deepcopy(mention), pickle.loads(pickle.dumps(mention))):
        assert copied == mention and copied is not mention
        assert copied.extra == {"currency": "USD"} and copied.extra is not mention.extra
