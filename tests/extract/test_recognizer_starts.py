"""The recognizers' own scans (one pass for dates and people, money's window pass) find exactly
the matches of the plain scans they replace."""

from __future__ import annotations

import random

import pytest

from accords.extract.recognize import channels, dates, money, people, starts
from accords.extract.recognize.windows import scan

from .helpers import gold_texts

SAMPLES = [
    "In 2024 at EUR 80 million, up to $4-5 billion, between €1 and €2 billion; 2.5 billion pounds.",
    "2024, the European Commission; strong country industry; 10 years | SEK 75 billion | 2024-05-31",
    "EUR5bn and USD 4.5bn; eur 5; 5 euros; 300 millions of dollars; 1.000 million; 400 mio. EUR",
    "Decided in March, Mar. 5, Dec 3; the market may move; May 2024; Sept. 9, Sep 9, September",
    "this agreement, This March, THIS Monday, later in, LATER THIS June, later that day, Earlier today",
    "last but not least, Last week Friday, next year, NEXT month, end of the year, end of this year",
    "Prime Minister Fumio Kishida met Theresa May on 5 May; the PRESIDENT said, Japan's prime minister",
    "Le 13.06.2024 ; \u0663 June 2024 and \u017figned in \u0130stanbul on 5 May, EUR 5 billion",
    "",
]
WORDS = tuple(["this", "This", "THIS", "last", "Last", "next", "late", "later", "LATER", "earlier", "Earlier", "early", "end", "End", "of", "the", "The", "same", "day", "following", "year", "month", "week", "morning", "evening", "today", "March", "Mar.", "Mar", "May", "may", "Sep", "Sept.", "September", "Dec", "Dec.", "December", "decided", "market", "Monday", "Thursday", "on", "On", "that", "by", "in", "5", "12", "2024", "1.5", "1,000", "EUR", "eur", "USD", "$", "€", "euros", "euro", "European", "pounds", "sterling", "strong", "country", "billion", "bn", "m", "to", "and", "-", "up", "at", "least", "over", "between", "Prime", "Minister", "President", "Japan", "Japan's", "Kishida", "(", ")", ",", ".", "\n", "|", "ı", "ſ"])


def _texts() -> list[str]:
    out = list(SAMPLES)
    out += gold_texts()
    rnd = random.Random(11)
    for _ in range(300):
        out.append("".join(rnd.choice(WORDS) + rnd.choice([" ", " ", "", "  ", ", "]) for _ in range(rnd.randint(3, 40))))
    return out


@pytest.mark.parametrize("text", _texts())
def test_money_scan_is_the_window_scan(text: str) -> None:
    want = [m.span() for m in scan(money._MONEY, text, money._DIGIT, 32, 40, money._TAILS)]
    assert [m.span() for m in money._amounts(text)] == want


@pytest.mark.parametrize("text", _texts())
def test_date_scan_from_the_shared_pass_is_the_plain_scan(text: str) -> None:
    assert [m.span() for m in dates._date_matches(text)] == [m.span() for m in dates._DATES.finditer(text)]


@pytest.mark.parametrize("text", _texts())
def test_known_people_from_the_shared_pass_are_the_plain_scan(text: str) -> None:
    _forms, known = people._known()
    starts = people._anchors(text)[1]
    assert [m.span() for m in people._matches_at(known, text, starts)] == [m.span() for m in known.finditer(text)]


def test_the_shared_pass_is_kept_for_one_document_only() -> None:
    first, second = "Prime Minister Kishida, 5 May", "President Biden on 6 June"
    assert starts.marked_starts(first) is starts.marked_starts(first)
    starts.marked_starts(second)
    assert starts._last_starts[0] is second


@pytest.mark.parametrize("text", _texts())
def test_the_shared_pass_finds_every_place_a_narrowed_gate_holds(text: str) -> None:
    # the plain computation: every word start where the gate of a narrowed word matches the text
    found = starts.marked_starts(text)
    if found is None:
        return
    want = {at for word in dates.GATE_PHRASES for at in range(len(text))
            if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_"))
            and dates._GATES[word].match(text, at)}
    assert want <= set(found[2])



CHANNEL_WORDS = ("ERA", "era", "federal", "FEDERAL", "Coalition", "coalition", "coalitions", "anti-coalition",
                 "Trust Fund", "trust fund", "Trust", "Fund", "Grain From Ukraine", "Grain from Ukraine",
                 "Group of Seven's loan", "Seven’s loan", "CAP", "capability", "Czech", "czech", "IP4", "ip4",
                 "UDCG", "willing", "Willing", "profits", "URC", "sources", "EPF", "\n", "-", "'s", "é", "ſ")


def _channel_texts() -> list[str]:
    out = [*SAMPLES, *gold_texts()]
    rnd = random.Random(5)
    for _ in range(300):
        out.append("".join(rnd.choice(CHANNEL_WORDS) + rnd.choice([" ", "", "  ", ", ", "-"])
                           for _ in range(rnd.randint(3, 40))))
    return out


@pytest.mark.parametrize("text", _channel_texts())
def test_channel_keys_from_the_shared_pass_are_their_own_pass(text: str) -> None:
    assert channels._key_positions(text) == channels._own_key_positions(text)
