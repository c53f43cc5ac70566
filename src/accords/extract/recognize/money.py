"""Money: "$12 billion", "USD 4.5bn", "€7 billion", "2.5 billion pounds", "SEK 75 billion",
"¥520 billion", ranges ("$4-5 billion", "between €1 and €2 billion") and qualifiers ("up to",
"at least", "more than"). The value is a number in units (4.5e9) with an ISO 4217 code.
"""

from __future__ import annotations

import re
from typing import Any, Final

import ahocorasick

from accords.extract.prefilter import fold, led_finder, mark, plain_digits, word_char
from accords.extract.recognize.trie import trie_pattern
from accords.extract.recognize.windows import chosen, scan, windows
from accords.extract.rx import rx
from accords.extract.types import Mention

_SYMBOLS: Final = {"US$": "USD", "$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD",
                   "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH", "zł": "PLN"}
_CODES: Final = ["USD", "EUR", "GBP", "JPY", "SEK", "NOK", "DKK", "CAD", "AUD", "NZD", "CHF", "PLN", "CZK",
                 "UAH", "KRW", "HUF", "RON", "BGN", "ISK", "CNY", "TRY", "EURO"]
_WORDS: Final = {
    "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "pounds": "GBP", "sterling": "GBP", "yen": "JPY",
    "swedish kronor": "SEK", "kronor": "SEK", "krona": "SEK", "norwegian kroner": "NOK",
    "danish kroner": "DKK", "kroner": "NOK", "hryvnias": "UAH", "hryvnia": "UAH", "zlotys": "PLN",
    "zloty": "PLN", "canadian dollars": "CAD", "australian dollars": "AUD", "swiss francs": "CHF",
    "czech crowns": "CZK", "koruna": "CZK",
}
_SCALES: Final = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
                  "milliard": 1e9, "mlrd": 1e9, "mld": 1e9, "million": 1e6, "mn": 1e6, "mln": 1e6,
                  "mil": 1e6, "mio": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3}

_SYM: Final = r"(?:US\$|CA\$|AU\$|NZ\$|C\$|A\$|\$|€|£|¥|₴)"
_CODE: Final = "(?:" + "|".join(_CODES) + ")"
_NUM: Final = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
# ("mil." and "mio." are how many writers abbreviate million: "EUR 5 mil.", "400 mio. EUR")
_SCALE = (r"(?:trillions?|billions?|millions?|thousands?|milliards?|mlrd|mld|bln|mln|mil\.?|mio\.?|tn|bn|mn|b|m|k)"
          r"(?![\w])")
_WORD: Final = "(?:" + "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True)) + ")"
_QUAL: Final = (r"(?P<qual>up to|at least|no less than|not less than|a minimum of|more than|over|nearly|almost|about|"
                r"around|some|approximately|roughly|under|less than)\s+")
# Floors phrased with a negation word name the same thing as "at least" (and keep the "no" of
# "no less than" out of the clause a negation test reads).
_FLOORS: Final = {"no less than": "at least", "not less than": "at least", "a minimum of": "at least"}

_PREFIX: Final = (rf"(?P<cur>{_SYM}|{_CODE}\s?)(?P<n1>{_NUM})(?:\s?(?P<s1>{_SCALE}))?"
                  rf"(?:\s?(?:-|to|and)\s?(?:{_SYM}|{_CODE}\s?)?(?P<n2>{_NUM})(?:\s?(?P<s2>{_SCALE}))?)?")
_SUFFIX: Final = (rf"(?P<m1>{_NUM})(?:\s?(?P<t1>{_SCALE}))?(?:\s?(?:-|to|and)\s?(?P<m2>{_NUM}))?"
                  rf"(?:\s?(?P<t2>{_SCALE}))?\s(?:of\s)?(?P<word>{_WORD}|{_CODE})(?![\w])")
# The lookahead rejects most positions on their first character before the alternation runs.
_START: Final = r"(?=[\d$€£¥₴uaonsrlbmUCANEGJSDKPRTHBIZ])"
_MONEY: Final = rx(rf"(?<![\w.$€£¥]){_START}(?:{_QUAL})?(?:between\s+)?(?:{_PREFIX}|{_SUFFIX})", re.I)


_GROUPED: Final = rx(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


# "1.000 million", "2.500 millones": a dot before three digits ending "00" groups thousands, as
# continental writers put it; an English decimal never carries such trailing zeros before a scale word.
_DOT_GROUPED: Final = rx(r"\d{1,3}\.\d00")


def _number(text: str, scaled: bool = False) -> float:
    # (each pattern needs its comma or dot: most numbers have neither, and skip both)
    if "," in text and _GROUPED.fullmatch(text):
        return float(text.replace(",", ""))
    if scaled and "." in text and _DOT_GROUPED.fullmatch(text):
        return float(text.replace(".", ""))
    return float(text.replace(",", "."))  # "4,5" is a decimal comma


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    w = word.lower().rstrip(".")
    return _SCALES.get(w, _SCALES.get(w.rstrip("s"), 1.0))


def _currency(prefix: str | None, word: str | None) -> str | None:
    if prefix:
        p = prefix.strip()
        if p in _SYMBOLS:
            return _SYMBOLS[p]
        code = p.upper()
        return "EUR" if code == "EURO" else code
    if word:
        w = word.lower()
        if w in _WORDS:
            return _WORDS[w]
        code = word.upper()
        return "EUR" if code == "EURO" else code
    return None


_DIGIT: Final = rx(r"\d+")


def _tails() -> Any:
    """The currency words and codes that end every amount written number first ("5 billion
    euros"), after a whitespace character (``\\s`` before ``word`` in _SUFFIX): see :func:`scan`."""
    finder = ahocorasick.Automaton()
    for word in [*_WORDS, *(code.lower() for code in _CODES)]:
        finder.add_word(word, len(word))
    finder.make_automaton()
    return finder


# (a match starting with a digit is _SUFFIX: every other branch opens with a letter or a symbol)
_TAILS: Final = _tails()


# How a currency code or word of the automaton below names the currency: a code ("eur", "usd")
# or a word ("euros", "pounds sterling"; "euro" is both). Every other currency of _MONEY holds a sign.
_BY_CODE: Final = 1
_BY_WORD: Final = 2
_SIGN: Final = rx("[$€£¥₴]")


def _currencies() -> Any:
    """An automaton of the currency codes and words (folded), key -> (length, _BY_CODE | _BY_WORD)."""
    roles: dict[str, int] = {}
    for code in _CODES:
        roles[code.lower()] = roles.get(code.lower(), 0) | _BY_CODE
    for word in _WORDS:
        roles[word] = roles.get(word, 0) | _BY_WORD
    finder = ahocorasick.Automaton()
    for key, role in roles.items():
        finder.add_word(key, (len(key), role))
    finder.make_automaton()
    return finder


_CURRENCIES: Final = _currencies()


def _has_sign(text: str, a: int, b: int) -> bool:
    """Whether ``_SIGN`` matches in ``text[a:b]``: on an ASCII text only "$" can, and ``str.find``
    goes to it at memory speed, where the engine tests the character class at every position."""
    if text.isascii():
        return text.find("$", a, b) >= 0
    return _SIGN.search(text, a, b) is not None


# What every match from a digit (a _SUFFIX one) reads before its currency word, loosened: its
# numbers as digits between dots or commas, its scales as words starting with their letters. A
# digit where this fails ("2024, the", "2024 | Lisbon") starts no match, and the test costs a
# tenth of a failed try of _MONEY, which goes through every alternative of it first.
_NUMBER_RUN: Final = r"[0-9]+(?:[.,][0-9]+)*"
# numbers and scales up to where a currency word after them would start ("2.5 billion of ", "1-2 bn ")
_NUMBERS_HEAD: Final = (rf"{_NUMBER_RUN}(?:\s?[bkmt][a-z]*\.?)?(?:\s?(?:-|to|and)\s?{_NUMBER_RUN})?"
                        r"(?:\s?[bkmt][a-z]*\.?)?\s(?:of\s)?")
_SUFFIX_GATE: Final = rx(rf"{_NUMBERS_HEAD}[a-z]", re.I)
# The same, read to the end of its currency word as _SUFFIX reads it: where the first gate holds
# ("2024 to 2027 under", "5 years of"), a failed try of _MONEY goes down every way of splitting
# the numbers and scales before it fails at the word, tens of times the cost of this one. (Its
# words and codes as one prefix tree, in lower case, which IGNORECASE reads as any case: a fifth of
# the compile of the flat alternation, and one branch per character.)
_TAIL_WORDS: Final = trie_pattern(sorted({w.lower() for w in [*_WORDS, *_CODES]}))
_SUFFIX_WORD_GATE: Final = rx(rf"{_NUMBERS_HEAD}(?:{_TAIL_WORDS})(?![\w])", re.I)


def _amounts(text: str) -> list[re.Match[str]]:
    """Exactly ``scan(_MONEY, text, _DIGIT, 32, 40, _TAILS)``, with fewer passes and tries.

    Every match names its currency by a sign, or by a code or word that starts a word (the code
    of "EUR 5" follows the match's start or a space) and ends one (the word of "5 euros" follows
    a space and is followed by no word character; the code of "EUR5" by a digit at most). One
    pass over a window finds its codes and words: a window without such a currency, nor a sign,
    is skipped (scan reads "ron" in "strong" and "eur" in "European" as keywords, and then makes
    two more passes there), and a digit after the last such word, or where _SUFFIX_GATE fails,
    is not tried. Everything else is tried exactly as scan tries it."""
    lead, word_start = led_finder(_MONEY)
    if lead is None or not plain_digits(text):
        return scan(_MONEY, text, _DIGIT, 32, 40, _TAILS)
    match = chosen(_MONEY, text).match
    gate = chosen(_SUFFIX_GATE, text).match
    word_gate = chosen(_SUFFIX_WORD_GATE, text).match
    out: list[re.Match[str]] = []
    last_end = -1
    for a, b in windows(text, _DIGIT, 32, 40):
        pos = max(a, last_end)  # (a match from the window before may reach into this one)
        folded = fold(text[a:b])
        named = False
        last_tail = -1
        for stop, (n, role) in _CURRENCIES.iter(folded):
            at = a + stop - n + 1
            end = at + n
            ends_word = end == b or not word_char(text[end])
            if at and text[at - 1].isspace() and ends_word:  # (a word after a space, or a code)
                named = True
                if at >= pos:
                    last_tail = at
            elif role & _BY_CODE and (at == 0 or not word_char(text[at - 1])) and (
                    ends_word or "0" <= text[end] <= "9"):
                named = True
        if not named and not _has_sign(text, a, b):
            continue
        if pos > a:
            folded = folded[pos - a:]
        # starts of the leading literals wholly inside [pos, b), as scan finds them
        starts = [stop - n + 1 + pos for stop, n in lead.iter(folded)]
        if len(starts) > 1:
            starts = sorted(set(starts))
        last = pos
        for at in starts:
            if at < last:
                continue  # inside the previous match
            digit = "0" <= text[at] <= "9"
            if digit and at >= last_tail:
                continue  # a match from this digit would need a currency word after it
            if word_start and at and word_char(text[at - 1]):
                continue  # the look-behind fails here
            # (the word gate alone decides; the plain one first turns away most digits for less)
            if digit and (gate(text, at, b) is None or word_gate(text, at, b) is None):
                continue
            hit = match(text, at, b)
            if hit:
                last = max(hit.end(), at + 1)
                last_end = hit.end()
                out.append(hit)
    return out


# Qualifiers a sum's span keeps (they bound it); the others ("about", "nearly") stay outside the span.
_SPAN_QUALIFIERS: Final = frozenset(["up to", "at least", "more than", "over"])


def _qualified(m: re.Match[str], number: str) -> tuple[str | None, int]:
    """The qualifier of a match of _QUAL followed by a sum (a floor phrased with a negation read as "at least"),
    and where the sum's span starts: at the qualifier when it bounds the sum, else at group ``number``."""
    qualifier = (m["qual"] or "").lower() or None
    if qualifier is None:
        return None, m.start()
    qualifier = _FLOORS.get(qualifier, qualifier)
    return qualifier, (m.start() if qualifier in _SPAN_QUALIFIERS else m.start(number))


# Round amounts written in words: "one billion euros", "about two billion euros", "half a billion
# dollars" (newspapers spell out small numbers). Each is found from its scale word, which few
# sentences hold, back to the number before it: a string search a document, not another scan.
_UNIT_WORDS: Final = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                      "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TEN_WORDS: Final = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORD_VALUES: Final = {w: i + 1 for i, w in enumerate(_UNIT_WORDS)} | {w: 20 + 10 * i for i, w in enumerate(_TEN_WORDS)}
_NUMBER_WORD: Final = (rf"(?:{'|'.join(_TEN_WORDS)})(?:-(?:{'|'.join(_UNIT_WORDS[:9])}))?|{'|'.join(_UNIT_WORDS)}"
                       r"|half\s+a|a")
_WORDED_NUMBER: Final = rx(rf"(?<![\w-])(?:{_QUAL})?(?P<num>{_NUMBER_WORD})\s+\Z", re.I)
_WORDED_REST: Final = rx(rf"(?P<scale>trillion|billion|million)\s+(?P<word>{_WORD})(?![\w])", re.I)


def _word_number(words: str) -> float:
    """The value of a number word of _NUMBER_WORD ("twenty-five", "half a", "a")."""
    low = " ".join(words.lower().split())
    if low == "a":
        return 1.0
    if low == "half a":
        return 0.5
    tens, _, unit = low.partition("-")
    return float(_WORD_VALUES[tens] + (_WORD_VALUES[unit] if unit else 0))


def _worded(text: str) -> list[Mention]:
    """Amounts whose number is written in words, with their currency word."""
    # (the marked text of the document is made by the shared start pass already, one space ahead of the
    # text; a text it cannot mark is folded instead)
    marked = mark(text)
    low, ahead = (marked, 1) if marked is not None else (fold(text), 0)
    out: list[Mention] = []
    at = low.find("illion")
    while at >= 0:
        start = at - ahead - (2 if low[at - 2:at] == "tr" else 1)  # (where "billion", "trillion" start)
        # (a number word ends in a letter and a space comes before the scale: most scale words follow a digit)
        if start >= 2 and text[start - 1].isspace() and text[start - 2].isalpha():
            rest = _WORDED_REST.match(text, start)
            number = _WORDED_NUMBER.search(text, max(0, start - 40), start) if rest is not None else None
            if rest is not None and number is not None:
                qualifier, begin = _qualified(number, "num")
                amount = _word_number(number["num"]) * _SCALES[rest["scale"].lower()]
                out.append(Mention("money", begin, rest.end(), text[begin:rest.end()], amount,
                                   {"currency": _WORDS[" ".join(rest["word"].lower().split())], "low": amount,
                                    "high": None, "qualifier": qualifier}))
        at = low.find("illion", at + 6)
    return out


def recognize_money(text: str) -> list[Mention]:
    out: list[Mention] = []
    # every amount has a digit; the longest lead is "approximately EUR " (18 chars)
    for m in _amounts(text):
        if m["n1"] is not None:
            cur = _currency(m["cur"], None)
            if m["cur"].strip().isalpha() and not m["cur"].strip().isupper():
                continue  # "eur 5" in running text is not a currency code
            n1, n2 = m["n1"], m["n2"]
            s1, s2 = m["s1"], m["s2"]
        else:
            cur = _currency(None, m["word"])
            if m["word"].isalpha() and m["word"].upper() == m["word"] and m["word"].upper() not in _CODES:
                continue
            if m["word"].lower() not in _WORDS and m["word"] != m["word"].upper():
                continue
            n1, n2 = m["m1"], m["m2"]
            s1, s2 = m["t1"], m["t2"]
            if not (s1 or s2) and " of " in m.group():
                continue  # "5 of EUR ...": "of" only after a scale ("300 millions of dollars")
        if cur is None:
            continue
        scale_hi = _scale(s2 or s1)
        scale_lo = _scale(s1 or s2)
        try:
            low = _number(n1, bool(s1 or s2)) * scale_lo
            high = _number(n2, bool(s2 or s1)) * scale_hi if n2 else None
        except ValueError:
            continue
        if (s1 or s2 or "").lower() in {"m", "b", "k"} and not (m["cur"] or "").strip():
            continue  # "5 m" after a bare number: metres, not millions
        qualifier, start = _qualified(m, "cur" if m["n1"] is not None else "m1")
        amount = high if (high is not None and qualifier == "up to") else low
        out.append(Mention("money", start, m.end(), text[start:m.end()], amount,
                           {"currency": cur, "low": low, "high": high, "qualifier": qualifier}))
    worded = _worded(text)
    return sorted(out + worded, key=lambda m: m.start) if worded else out
