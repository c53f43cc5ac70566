"""Stage ``segment``: sections, paragraphs and sentences of the normalized text.

Headings are standalone short lines without final punctuation, Markdown ``#`` lines, or run-in
headings: a paragraph that opens with a short Title-Case phrase ending in a full stop
("Security and Defence. In the agreement, ...").
"""

from __future__ import annotations

from typing import Final

from accords.extract.rx import rx
from accords.extract.types import Section

_PARA: Final = rx(r"\n[ ]*\n\s*")
# A stop (then closing quotes or brackets, spaces and a capital or digit), or newlines. The one
# leading character class lets the engine skip to candidates (three times faster than the plain
# alternation "[.!?]...|\n+", same matches): the look-behinds tell which kind it consumed.
# (Markdown emphasis closes after the stop too: "**Does Japan send weapons?** No. Japan's help ...")
_BOUNDARY: Final = rx(r"[.!?\n](?:(?<=[.!?])[\"')\]*_]*[ ]+(?=[\"'(\[*_]{0,3}[A-Z0-9$€£])|(?<=\n)\n*)")
# _BOUNDARY on a paragraph without "!", "?" or a newline: only its full-stop branch can match, and a
# pattern that opens with one literal character lets the engine run its tight single-character scan
# to each candidate instead of testing a character class at every position.
_STOP = rx(r"\.[\"')\]*_]*[ ]+(?=[\"'(\[*_]{0,3}[A-Z0-9$€£])")
_ABBREV: Final = frozenset(
    ["mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "maj", "sgt", "capt", "adm", "prof", "sen",
     "rep", "gov", "jr", "sr", "no", "nos", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "jan",
     "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co",
     "corp", "approx", "art", "para", "fig", "p", "pp", "ca", "cf", "al"])
_SMALL: Final = frozenset(["and", "of", "the", "for", "in", "on", "to", "a", "an", "with", "&"])
# (Possessive repeats: what follows each repeat, a space or the stop, is never a character it takes,
# so giving characters back never makes a match; without them a paragraph that opens with a capital
# but is no heading was retried at every shorter split of its first words before failing.)
_RUN_IN: Final = rx(r"[A-Z][\w'’-]*+(?:[ ][\w'’&-]++){0,6}+\.[ ]+(?=[A-Z\"'])")
_MD_HEADING: Final = rx(r"#{1,6}[ ]+")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty paragraph ranges, stripped of surrounding whitespace."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _PARA.finditer(text):
        _add_stripped(text, pos, m.start(), out)
        pos = m.end()
    _add_stripped(text, pos, len(text), out)
    return out


def _add_stripped(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def is_title_case(phrase: str) -> bool:
    # (the words between runs of spaces: str.split and dropping the empty ones needs no regex call)
    words = [w for w in phrase.strip().split(" ") if w]
    if not words or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL or w[:1].isdigit() for w in words)


def run_in_heading(text: str, start: int, end: int) -> int | None:
    """End offset of a run-in heading at the start of a paragraph, or None."""
    if start >= end or not "A" <= text[start] <= "Z":
        return None  # (what _RUN_IN opens with: most paragraphs that fail it fail here, with no regex call)
    m = _RUN_IN.match(text, start, end)
    if not m:
        return None
    phrase = text[start:m.end()].strip().rstrip(".")
    words = phrase.split()
    if len(words) < 2 and not phrase.isupper():
        return None  # one word followed by a stop is a sentence ("Yes."), not a heading
    if words[-1].lower().rstrip(".") in _ABBREV or not is_title_case(phrase):
        return None
    return start + len(phrase) + 1


def is_heading_paragraph(text: str, start: int, end: int) -> bool:
    if start < end and text[start] == "#" and _MD_HEADING.match(text, start, end):  # (a regex call only on "#")
        return True
    if end - start > 120:
        return False  # (before copying a long paragraph out)
    para = text[start:end]
    if "\n" in para or para.rstrip().endswith((".", ",", ";", ":", "?", "!")):
        return False
    return len(para.split()) <= 14 and (is_title_case(para) or para.isupper())


def run_in_headings(text: str, paras: list[tuple[int, int]]) -> list[int | None]:
    """:func:`run_in_heading` of every paragraph (sentences and sections both need them)."""
    return [run_in_heading(text, start, end) for start, end in paras]


def sentences(text: str, paras: list[tuple[int, int]],
              heads: list[int | None] | None = None) -> list[tuple[int, int]]:
    """Sentence ranges; a run-in heading is a sentence of its own (``heads``: see run_in_headings)."""
    out: list[tuple[int, int]] = []
    if heads is None:
        heads = run_in_headings(text, paras)
    for (start, end), head in zip(paras, heads, strict=True):
        pos = start
        if head is not None:
            out.append((start, head))
            pos = head
            while pos < end and text[pos] == " ":
                pos += 1
        boundary = _BOUNDARY if _other_breaks(text, pos, end) else _STOP
        for m in boundary.finditer(text, pos, end):
            at = m.start()
            if text[at] != "\n":
                space = text.rfind(" ", pos, at)
                word = text[space + 1 if space >= 0 else pos:at].lower().lstrip("(\"'")
                if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                    continue
                cut = at + len(m.group().rstrip())
            else:
                cut = at
            if cut > pos:
                if text[pos].isspace() or text[cut - 1].isspace():
                    _add_stripped(text, pos, cut, out)
                else:  # (the usual case: nothing to strip)
                    out.append((pos, cut))
            pos = m.end()
        if pos < end:
            _add_stripped(text, pos, end, out)
    return out


def _other_breaks(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a break _STOP does not look for (three fast substring scans)."""
    part = text[start:end]  # (one copy, then three "in" tests: cheaper than three find calls' argument parsing)
    return "\n" in part or "?" in part or "!" in part


def sections(text: str, paras: list[tuple[int, int]], heads: list[int | None] | None = None) -> list[Section]:
    """Sections from headings; text before the first heading is a section without a title."""
    out: list[Section] = []
    current = Section(title=None, start=0, end=len(text))
    if heads is None:
        heads = run_in_headings(text, paras)
    for (start, end), head in zip(paras, heads, strict=True):
        title: str | None = None
        if is_heading_paragraph(text, start, end):
            # (a Markdown heading's paragraph runs on into a list written right under it, "### Added\n- ...":
            # the title is the heading's line, not the list)
            line = text.find("\n", start, end)
            title = _MD_HEADING.sub("", text[start:line if line >= 0 else end]).strip()
        else:
            if head is not None:
                title = text[start:head - 1].strip()
        if title is not None:
            current.end = start
            if current.end > current.start or current.title:
                out.append(current)
            current = Section(title=title, start=start, end=len(text))
    out.append(current)
    return out
