"""The per-text answers that rx.plain and prefilter.mark keep (one entry for a whole document, one for
a sentence) stay the answers for the text asked about, whatever was asked in between."""

from __future__ import annotations

from accords.extract import prefilter, rx


def _fresh_mark(text: str) -> str | None:
    """What prefilter.mark computes for ``text`` (the cached entries emptied first)."""
    prefilter._MARKED[:] = [("", " "), ("", " ")]
    return prefilter.mark(text)


def test_plain_answers_survive_asks_in_between() -> None:
    doc = "The agreement was signed in Kyiv. " * 60  # (a whole document: over a thousand characters)
    other_doc = "Plenković signed it. " * 80
    sentence, other_sentence = "It was signed.", "a\x1cb"
    for _ in range(2):  # (the second round reads the entries the first one left)
        assert rx.plain(doc)
        assert not rx.plain(other_sentence)
        assert rx.plain(sentence)
        assert rx.plain(doc)
        assert not rx.plain(other_doc)
        assert rx.plain(sentence)
        assert not rx.plain(other_doc)


def test_mark_answers_survive_asks_in_between() -> None:
    doc = "Japan and Ukraine signed the accord on 13 June 2024. " * 30
    twin_doc = "Kiev \u212a " * 300  # (holds an ASCII twin letter: no marked form)
    sentences = ["It was signed.", "The U.S.-Ukraine deal.", "Plenković signed it."]
    expected = {text: _fresh_mark(text) for text in [doc, twin_doc, *sentences]}
    assert expected[twin_doc] is None and expected[doc] is not None
    for text in [doc, *sentences, doc, twin_doc, sentences[0], twin_doc, doc, sentences[2]]:
        assert prefilter.mark(text) == expected[text]
