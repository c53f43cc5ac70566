"""The load stage's shortcuts read exactly what the plain computation they replace reads."""

from __future__ import annotations

import io
import zipfile

import pytest

from accords.extract import load
from tests.extract.helpers import TESTS, gold_texts

_DOCX_FILES = sorted(TESTS.glob("gold*/*.docx"))
_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _parts(data: bytes) -> tuple[bytes, bytes | None]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return load._docx_parts(zf)


@pytest.mark.parametrize("path", _DOCX_FILES, ids=lambda p: p.name)
def test_docx_lxml_reading_matches_python_docx_on_gold(path) -> None:  # type: ignore[no-untyped-def]
    body, core = _parts(path.read_bytes())
    assert load._docx_text(body, core) == load._docx_text_python_docx(body, core)


def test_docx_gold_files_are_there() -> None:
    assert len(_DOCX_FILES) >= 4


# Run content of every kind python-docx gives a text to, in plain runs and in a hyperlink, and
# content it gives none to (properties, a field code, a page break, a comment, a wrapper).
_BODY = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {_W_NS}><w:body>
<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">  Bold  </w:t></w:r>
<w:r><w:t>one</w:t><w:tab/><w:t>two</w:t><w:br/><w:t>three</w:t><w:br w:type="page"/><w:t>four</w:t></w:r>
<w:r><w:br w:type="textWrapping"/><w:cr/><w:noBreakHyphen/><w:ptab w:relativeTo="margin" w:alignment="left"
 w:leader="none"/><w:t/><w:br w:type="column"/><w:instrText>PAGE</w:instrText></w:r></w:p>
<w:p><w:hyperlink><w:r><w:t>linked</w:t></w:r><!-- a comment --><w:r><w:t xml:space="preserve"> text</w:t></w:r>
</w:hyperlink><w:ins><w:r><w:t>inserted</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> end </w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>
<w:p/>
<w:sdt><w:sdtContent><w:p><w:r><w:t>in a content control</w:t></w:r></w:p></w:sdtContent></w:sdt>
<w:p><w:r><w:t>caf\u00e9 \u2013 last</w:t></w:r></w:p>
<w:sectPr/></w:body></w:document>""".encode()


def test_docx_lxml_reading_matches_python_docx_on_every_run_content() -> None:
    fast = load._docx_text(_BODY, None)
    assert fast == load._docx_text_python_docx(_BODY, None)
    assert fast[0][0] == "Bold  one\ttwo\nthreefour\n\n-"  # (the trailing tab stripped)


def test_docx_with_a_table_is_read_by_python_docx() -> None:
    body = _BODY.replace(b"<w:sectPr/>", b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
                         b"<w:sectPr/>")
    assert load._docx_text(body, None) == load._docx_text_python_docx(body, None)
    assert "cell" in load._docx_text(body, None)[0]


def test_docx_core_properties_read_the_same() -> None:
    core = (b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
            b' xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title> A memo </dc:title>'
            b"<dc:creator>Ann Lee; Bo Park</dc:creator></cp:coreProperties>")
    assert load._docx_text(_BODY, core) == load._docx_text_python_docx(_BODY, core)
    assert load._docx_text(_BODY, core)[1:] == ("A memo", "Ann Lee; Bo Park")


def test_docx_without_a_body_is_refused() -> None:
    with pytest.raises(ValueError):
        load._docx_text(f"<w:document {_W_NS}/>".encode(), None)


def test_odd_spaces_are_the_split_whitespace_squash_does_not_replace() -> None:
    split_space = {chr(c) for c in range(0x110000) if chr(c).isspace()}
    replaced = set(" \t\r\f\v\u00a0\n")
    assert replaced <= split_space
    odd = {c for c in split_space if load._ODD_SPACE.fullmatch(c)}
    assert odd == split_space - replaced
    assert not any(load._ODD_SPACE.fullmatch(chr(c)) for c in range(0x110000) if not chr(c).isspace())


_SPACES = " \t\r\f\v\u00a0\n\x1c\x1f\x85\u2003\u3000\u200b"


def _squash_samples() -> list[str]:
    samples = gold_texts("gold*")
    samples += [line for text in samples for line in text.split("\n")]
    samples += [f"{a}x{b}y{a}{b}z{b}" for a in _SPACES for b in _SPACES]
    samples += [f"caf\u00e9{a}\u20ac 5{b}" for a in _SPACES for b in _SPACES] + ["", " ", "\n\n", "\u00a0"]
    return samples


def test_squash_matches_the_substitution_it_replaces() -> None:
    samples = _squash_samples()
    assert len(samples) > 1000
    for text in samples:
        assert load._squash(text) == load._squash_plain(text), repr(text)


@pytest.mark.parametrize("path", _DOCX_FILES, ids=lambda p: p.name)
def test_plain_lxml_parse_keeps_python_docx_tree(path) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml.parser import parse_xml
    from lxml import etree

    with zipfile.ZipFile(path) as zf:
        parts = [zf.read(name) for name in zf.namelist() if name.endswith((".xml", ".rels"))]
    assert len(parts) >= 4
    for data in parts:
        assert etree.tostring(load._xml(data)) == etree.tostring(parse_xml(data))


# The emptiness tests of load_bytes use isspace() where they used strip(): the same answer, without
# a copy of the document. Samples: every single byte or character that either may treat as space,
# runs of them around text, and the gold documents (raw and loaded).
_SPACE_CHARS = [chr(c) for c in range(0x3001) if chr(c).isspace() or not chr(c).strip()]
_GOLD_FILES = sorted(p for p in TESTS.glob("gold*/*") if p.suffix in (".txt", ".md", ".html", ".pdf", ".docx"))


def _byte_samples() -> list[bytes]:
    singles = [bytes([b]) for b in range(256)]
    runs = [b" \t\r\n\x0b\x0c" * 3, b"\x1c\x1d", b"\x85", b"\xa0", b"  x  ", b"\n\nword\n"]
    return [b"", *singles, *runs, *(p.read_bytes() for p in _GOLD_FILES)]


def test_bytes_isspace_answers_as_strip_does() -> None:
    samples = _byte_samples()
    assert len(samples) > 300
    for data in samples:
        assert (not data or data.isspace()) == (not data.strip()), data[:40]


def test_str_isspace_answers_as_strip_does() -> None:
    samples = ["", *_SPACE_CHARS, "".join(_SPACE_CHARS), " \u3000\u2028 ", " a ", *gold_texts("gold*")]
    for text in samples:
        assert (not text or text.isspace()) == (not text.strip()), text[:40]


def test_nul_search_in_the_head_matches_the_slice() -> None:
    for data in [b"", b"\x00", b"a" * 8191 + b"\x00", b"a" * 8192 + b"\x00", b"\x00" + b"a" * 9000,
                 *(p.read_bytes() for p in _GOLD_FILES)]:
        assert (data.find(b"\x00", 0, 8192) >= 0) == (b"\x00" in data[:8192])


def test_whitespace_only_documents_are_still_refused() -> None:
    for data in (b" \n\t\r\x0b\x0c ", "\u3000\u00a0\n".encode()):
        with pytest.raises(load.InputError):
            load.load_bytes(data, "x.txt")


def _decoded(decode, data: bytes) -> str | type:  # type: ignore[no-untyped-def]
    try:
        return str(decode(data))
    except UnicodeDecodeError as exc:
        return type(exc)


def test_utf8_sig_decoding_matches_the_codec() -> None:
    bom = b"\xef\xbb\xbf"
    samples = [b"", bom, bom + bom, bom + b"x", b"\xef\xbb", b"\xef\xbbx", "caf\u00e9".encode(), bom + "\u20ac".encode(),
               b"\xff\xfe", b"abc\xb7", bom + b"\xb7", b"\xe2\x82", *(p.read_bytes() for p in _GOLD_FILES)]
    for data in samples:
        assert _decoded(load.decode_utf8_sig, data) == _decoded(lambda d: d.decode("utf-8-sig"), data), data[:20]
