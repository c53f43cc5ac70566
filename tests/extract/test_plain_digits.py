"""prefilter.plain_digits: only 0-9 as decimal digits, whatever else the text holds."""

from accords.extract.prefilter import plain_digits


def _by_hand(text: str) -> bool:
    return all(ch in "0123456789" for ch in text if ch.isdecimal())


def test_plain_digits_agrees_with_a_character_check() -> None:
    samples = ["Budget 2024: 5 billion", "Kyiv — €3 billion, 15 ‰", "Arabic ٣ digits",
               "Devanagari \u0966", "superscript ² and ½ are no decimals", "wide \U0001d7ce",
               "a lone surrogate \udcff then 7", "\udcff\u0660", "Łódź, Vilnius, Tallinn 1991", ""]
    for text in samples:
        assert plain_digits(text) == _by_hand(text), text
