"""The fast scans give exactly the matches of the plain regex scans they replace."""

from __future__ import annotations

import itertools

import pytest

from accords.extract import prefilter
from accords.extract.recognize import dates, people

from .helpers import gold_texts

SAMPLES = [
    "Signed on 13 June 2024 in Apulia; last December, on Thursday, by the end of this year.",
    "Le 13.06.2024 ; ١٣ June ٢٠٢٤ (Arabic-Indic digits) and 2024-06-13, mid-March 2023.",
    "Prime Minister Fumio Kishida, Japan's prime minister, met Olaf Scholz, the German Chancellor.",
    "McDonald, President of France; Ursula von der Leyen, President of the European Commission.",
    "Sweden's Prime Minister Ulf Kristersson and the United Kingdom's Defence Secretary Grant Shapps.",
    "SIGNED ON 13 JUNE 2024; x-13 June 2024, _5 May 2023, a1 March 2022; (12.06.2024) [Jan. 5, 2024]",
    "later this year, earlier this month, Later This Year; on Friday, On Monday; 2024-06-13T10:00",
    "The agreement was \u017figned on 13 June 2024 in \u0130stanbul; \u212aiev, Zürich and Kraków agreements, 5 May.",
    "Les accords de Tōkyō et de Genève: « agreement » signé le 5 mai, déjà 12 June 2024.",
    "in Dubrovnik, Prime Minister Andrej Plenković met Portuguese premier Luís Montenegro and Japan's prime "
    "minister Fumio Kishida; the PRESIDENT of France, Emmanuel Macron, president of the Republic, said.",
    "",
]


def _texts() -> list[str]:
    out = list(SAMPLES)
    out += gold_texts()
    return out


RELATIVE = ("On the same day, the same evening; on  the following day, the day after; THE SAME DAY, by\nthe end "
            "of next year, by end of this year, The End of the year; that evening, That same day, later that day; on "
            "that day, thereafter, these, then; on the\tprevious day, the next day, ſince the same day. One, by, tHe")


@pytest.mark.parametrize("text", [*_texts(), RELATIVE, RELATIVE.replace("ſ", "s")])
def test_date_scan_is_the_plain_scan(text: str) -> None:
    plain = [m.span() for m in dates._DATES.finditer(text)]
    assert [m.span() for m in prefilter.finditer_led(dates._DATES, text)] == plain
    assert [m.span() for m in prefilter.finditer_led(dates._DATES, text, dates._GATES)] == plain


@pytest.mark.parametrize("text", [*_texts(), RELATIVE])
def test_the_last_group_of_a_date_match_names_its_alternative(text: str) -> None:
    for m in dates._DATES.finditer(text):
        want = next((name for name in ("iso", "dotted", "slashed", "dm", "mm", "mo", "rel") if m[name]), "year")
        assert dates._BRANCH[m.lastindex or 0] == want, m.group()


def test_date_gates_are_leading_literals_of_the_date_pattern() -> None:
    finder, _ = prefilter.led_finder(dates._DATES)
    assert set(dates._GATES) <= set(finder.keys())


@pytest.mark.parametrize("text", [*_texts(), "two days later; 3 weeks before the end, minutes ago, a day later, Sunday"])
def test_unit_shift_scan_is_the_plain_scan(text: str) -> None:
    assert [m.span() for m in dates._unit_shifts(text)] == [m.span() for m in dates._UNIT_SHIFT.finditer(text)]


@pytest.mark.parametrize("text", _texts())
def test_role_scans_are_the_plain_scans(text: str) -> None:
    sc = people._patterns()
    plain = itertools.chain(sc.lead.finditer(text), sc.trail.finditer(text), sc.owner.finditer(text))
    assert [m.span() for m in people._role_matches(text)] == [m.span() for m in plain]
    _forms, known = people._known()
    starts = people._anchors(text)[1]
    assert [m.span() for m in people._matches_at(known, text, starts)] == [m.span() for m in known.finditer(text)]


def test_keyword_ranges_agree_with_substring_tests() -> None:
    groups: list[tuple[str, ...] | None] = [("sign", "signed"), ("agreement",), None, ("of the", "the")]
    text = "They signed the agreement. Then nothing. Of the three, the agreements of the signatories."
    ranges = [(0, 26), (27, 40), (41, len(text))]
    folded = prefilter.fold(text)
    occ = prefilter.KeywordIndex(groups).scan(folded)
    expected = [{gi for gi, g in enumerate(groups) if g is None or any(k in folded[s:e] for k in g)}
                for s, e in ranges]
    assert occ.per_range(ranges) == expected
    assert [occ.groups_in(s, e) for s, e in ranges] == expected
    assert occ.groups_in(5, 12) == {0, 2}


@pytest.mark.parametrize("text", _texts())
def test_window_scans_are_the_plain_window_scans(text: str) -> None:
    from accords.extract.recognize import money, quantities, windows

    for pattern in (money._MONEY, quantities._DURATION, quantities._LIMIT, dates._DATES):
        for size in (7, 40, 200):
            for a in range(0, len(text), size):
                b = min(len(text), a + size + 13)
                assert [m.span() for m in windows.finditer_spans(pattern, text, [(a, b)])] == \
                    [m.span() for m in pattern.finditer(text, a, b)]
            spans = [(a, min(len(text), a + size)) for a in range(0, len(text), size + 5)]
            assert [m.span() for m in windows.finditer_spans(pattern, text, spans)] == \
                [m.span() for a, b in spans for m in pattern.finditer(text, a, b)]
    plain = []
    last = -1
    for a, b in windows.windows(text, money._DIGIT, 32, 40):
        for m in money._MONEY.finditer(text, max(a, last), b):
            last = m.end()
            plain.append(m.span())
    assert [m.span() for m in windows.scan(money._MONEY, text, money._DIGIT, 32, 40)] == plain
    # (the digits after the last currency word are skipped: the same matches)
    assert [m.span() for m in windows.scan(money._MONEY, text, money._DIGIT, 32, 40, money._TAILS)] == plain


@pytest.mark.parametrize("text", [*SAMPLES, "12 345 ٣٤ 6", "a1b22c333 4444", "1 x 2 yy 3 zzzzzzzz 4", "9"])
def test_digit_windows_are_the_regex_windows(text: str) -> None:
    import re

    from accords.extract.recognize import windows

    for before, after in ((3, 4), (0, 0), (1, 0), (32, 40)):
        # ("(?:\d)+" is not the pattern the fast path knows: the windows of the regex's matches)
        assert windows.windows(text, re.compile(r"\d+"), before, after) == \
            windows.windows(text, re.compile(r"(?:\d)+"), before, after)


@pytest.mark.parametrize("text", [*_texts(), "within 24 h, 48-hours, 3\u2009days, HOURS, hourly, dayside, a 10-year decade-long yearyear"])
def test_unit_windows_are_the_regex_windows(text: str) -> None:
    from accords.extract.recognize import quantities

    def plain(unit: object, before: int, after: int) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for m in unit.finditer(text):  # type: ignore[attr-defined]
            a, b = max(0, m.start() - before), min(len(text), m.end() + after)
            if spans and a <= spans[-1][1]:
                spans[-1] = (spans[-1][0], b)
            else:
                spans.append((a, b))
        return spans

    for unit in (quantities._DURATION_UNIT, quantities._LIMIT_UNIT):
        assert quantities._windows(text, unit, 20, 40) == plain(unit, 20, 40)


def test_ascii_twins_are_all_the_non_ascii_letters_ignorecase_matches_with_ascii() -> None:
    import re

    letters = re.compile("[a-zA-Z]", re.I)
    twins = {c for c in range(128, 0x110000) if letters.fullmatch(chr(c))}
    assert {chr(c) for c in twins} == set("\u0130\u0131\u017f\u212a")
    assert all(prefilter._ASCII_TWINS.search(chr(c)) for c in twins)


@pytest.mark.parametrize("text", _texts())
def test_cue_and_name_scans_are_the_plain_scans(text: str) -> None:
    from accords.extract import provisions
    from accords.extract.relate import agreements, context

    for pattern in (provisions._NAMED_REF, provisions._PARTNER, provisions._CLAUSE_BREAK, agreements._CANDIDATE,
                    context._AGREEMENT_WORD):
        assert [m.span() for m in prefilter.finditer(pattern, text)] == [m.span() for m in pattern.finditer(text)]
        for a in range(0, len(text), 97):
            b = min(len(text), a + 150)
            assert [m.span() for m in prefilter.finditer(pattern, text, a, b)] == \
                [m.span() for m in pattern.finditer(text, a, b)]


def test_a_gate_of_many_keywords_answers_as_the_pattern_does() -> None:
    # (a set of 12+ keywords is tested by automaton, a small one by substring: both must only say
    # "cannot match" where the pattern indeed finds nothing)
    import re

    words = ["apple", "banana", "cherry", "damson", "elder", "fig", "grape", "hazel", "iris", "juniper", "kiwi", "lemon", "mango", "nutmeg", "olive"]
    many = re.compile(r"\b(?:" + "|".join(words) + r")\b.*\b(?:approved|granted)\b", re.I)
    gate = prefilter.Gate(many)
    texts = ["nothing here", "MANGO then approved", "olive but refused", "granted before fig", "Kiwi, granted", ""]
    for text in texts:
        if many.search(text):
            assert gate.may(prefilter.fold(text)), text
    assert not gate.may(prefilter.fold("nothing here"))
    assert not gate.may(prefilter.fold("olive but refused"))  # (a fruit, but neither "approved" nor "granted")
    assert not gate.may(prefilter.fold("approved, no fruit"))  # (the large set fails)
    assert gate.may(prefilter.fold("MANGO then approved"))


@pytest.mark.parametrize("text", [*_texts(), "the Netherlands and the Kremlin; the States, the State of Palestine",
                                  "the Netherlandsx Netherlands, tthe Kremlin: other States, the States"])
def test_party_scanners_are_the_one_pattern(text: str) -> None:
    import re

    from accords.extract.recognize import parties
    from accords.extract.recognize.trie import trie_pattern

    union = re.compile("(?:" + trie_pattern(parties.gazetteer()) + r")(?![\w])")
    assert [m.span() for m in parties._matches(text)] == [m.span() for m in union.finditer(text)]


SPEAKERS = "PRESIDENT BIDEN: Thank you: all.\n  Q: yes\nMR X:\n:\nAB:CD: e\r\nPM KISHIDA :\tno\n\nZELENSKY:"


@pytest.mark.parametrize("text", [*_texts(), SPEAKERS, "", ":"])
def test_speaker_label_scan_is_the_plain_scan(text: str) -> None:
    want = [(m.span(), m["label"]) for m in people._SPEAKER.finditer(text)]
    assert [(m.span(), m["label"]) for m in people._speaker_labels(text)] == want


COALITIONS = ("the F-16 and maritime coalitions, the integrated air and missile defence coalition; the IT coalition, "
              "the coalition for integrated air defense, Air  Defence\ncoalition, air defence (IAMD) coalition, "
              "the mine-action and demining coalitions; it coalitions for drones")


@pytest.mark.parametrize("text", [*_texts(), COALITIONS])
def test_coalition_scan_is_the_plain_scan(text: str) -> None:
    from accords.extract.recognize import channels

    for a in range(0, len(text), 150):
        b = min(len(text), a + 200)
        want = [(m.span(), m.groupdict()) for m in channels._COALITION_LIST.finditer(text, a, b)]
        assert [(m.span(), m.groupdict()) for m in prefilter.finditer(channels._COALITION_LIST, text, a, b)] == want


UNIT_PIECES = ("24", " ", "-", "\u00a0", "\u2009", "h", "H", "hour", "hours", "Hours", "hourly", "day", "days", "Day",
               "daylight", "d", "_", ".", "é", "\u0130", "within", "x", "\n", "7-day", "48h")


def _unit_texts() -> list[str]:
    import random

    rnd = random.Random(5)
    out = [*_texts(), "24 h", "h", " h", "-h", "day", " days", "within 24 h.", "48 H", "\u0130 24 h"]
    for _ in range(400):
        out.append("".join(rnd.choice(UNIT_PIECES) for _ in range(rnd.randint(1, 12))))
    return out


@pytest.mark.parametrize("text", _unit_texts())
def test_limit_units_are_the_matches_of_the_two_unit_scans(text: str) -> None:
    from accords.extract.recognize import quantities

    plain = sorted([m.span() for m in quantities._HOURS.finditer(text)]
                   + [m.span() for m in quantities._DAYS.finditer(text)])
    assert quantities._limit_units(text) == plain
    assert plain == [m.span() for m in quantities._LIMIT_UNIT.finditer(text)]
