"""Stage load: type by content, decoding, HTML/PDF/DOCX text, and bad input."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfWriter

from accords.errors import InputError, UnsupportedFormatError
from accords.extract import load


def _pdf(pages: list[str], password: str | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=True)
    for text in pages:
        c.drawString(72, 750, text)
        c.showPage()
    c.save()
    data = buf.getvalue()
    if password is None:
        return data
    from pypdf import PdfReader

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = "A test memo"
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_sniff_by_content_not_extension() -> None:
    assert load.sniff(b"%PDF-1.7 ...", "notes.txt") == load.PDF
    assert load.sniff(b"<!DOCTYPE html><html><body>x</body></html>", "page.txt") == load.HTML
    assert load.sniff(b"  <html><p>x</p></html>", None) == load.HTML
    assert load.sniff(b"plain words", "a.md") == load.MARKDOWN
    assert load.sniff(b"plain words", None) == load.PLAIN


def test_latin1_text_is_decoded() -> None:
    raw = "Prime Minister Luís Montenegro signed in Lisbon; São Paulo café".encode("latin-1")
    loaded = load.load_bytes(raw, "x.txt")
    assert "Luís Montenegro" in loaded.text and "café" in loaded.text


def test_crlf_becomes_lf_and_title_found() -> None:
    loaded = load.load_bytes(b"Title Line\r\n\r\nBody text here.\r\n", "x.txt")
    assert "\r" not in loaded.text
    assert loaded.title == "Title Line"


def test_html_drops_scripts_navigation_and_keeps_blocks() -> None:
    html = (b"<!doctype html><html><head><title>T</title>"
            b"<meta name='author' content='Ann Smith'><meta property='article:published_time' content='2024-07-12'>"
            b"<script>alert('EUR 40 billion')</script></head><body><nav>Home</nav><header>Site</header>"
            b"<main><h1>Headline</h1><p>First <b>bold</b> paragraph.</p><p>Second one.</p>"
            b"<script>var x = 'USD 9 billion';</script></main><footer>(c)</footer></body></html>")
    loaded = load.load_bytes(html, "page.html")
    assert loaded.text == "Headline\n\nFirst bold paragraph.\n\nSecond one."
    assert loaded.authors == ["Ann Smith"]
    assert str(loaded.published) == "2024-07-12"


def test_pdf_pages_are_kept() -> None:
    loaded = load.load_bytes(_pdf(["First page words.", "Second page words."]), None)
    assert loaded.media_type == load.PDF
    assert [p[2] for p in loaded.pages] == [1, 2]
    start, end, _ = loaded.pages[1]
    assert loaded.text[start:end].startswith("Second page")


def test_docx_paragraphs_and_tables() -> None:
    data = _docx(["Memo heading", "Body paragraph."], [["Partner", "Signed"], ["Italy", "2024-02-24"]])
    loaded = load.load_bytes(data, "memo.docx")
    assert loaded.media_type == load.DOCX
    assert loaded.title == "A test memo"
    assert "Body paragraph." in loaded.text and "Italy | 2024-02-24" in loaded.text


def test_docx_table_cells_stay_under_their_headers() -> None:
    import docx

    document = docx.Document()
    t = document.add_table(rows=3, cols=3)
    for c, head in enumerate(["Partner", "Signed", "Money"]):
        t.cell(0, c).text = head
    t.cell(1, 0).text, t.cell(1, 2).text = "Italy", "EUR 1 billion"  # no date: an empty cell
    t.cell(2, 0).merge(t.cell(2, 1)).text = "Total"  # one cell across two columns
    t.cell(2, 2).text = "EUR 1 billion"  # the same text as the row above: not a repeat
    buf = io.BytesIO()
    document.save(buf)
    text = load.load_bytes(buf.getvalue(), "table.docx").text
    assert text.splitlines() == ["Partner | Signed | Money", "Italy |  | EUR 1 billion", "Total |  | EUR 1 billion"]


@pytest.mark.parametrize("data", [b"", b"   \n\n  "])
def test_empty_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="empty"):
        load.load_bytes(data)


def test_binary_is_refused() -> None:
    with pytest.raises(UnsupportedFormatError, match="binary"):
        load.load_bytes(bytes(range(256)) * 20)


def test_corrupt_pdf_is_refused() -> None:
    data = _pdf(["hello"])
    with pytest.raises(UnsupportedFormatError):
        load.load_bytes(data[: len(data) // 3] + b"garbage" * 50)


def test_encrypted_pdf_is_refused() -> None:
    with pytest.raises(UnsupportedFormatError, match="encrypted"):
        load.load_bytes(_pdf(["secret words"], password="s3cret"))


def test_renamed_zip_is_not_a_docx() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("data.csv", "a,b\n1,2\n")
    with pytest.raises(UnsupportedFormatError, match="not a Word document"):
        load.load_bytes(buf.getvalue(), "report.docx")


def test_huge_file_refused_fast_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.truncate(200_000_000)
    t0 = time.perf_counter()
    with pytest.raises(InputError, match="over the limit"):
        load.read_path(big, 50_000_000)
    assert time.perf_counter() - t0 < 1.0


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load.read_path(tmp_path / "nope.txt")


def test_control_bytes_are_the_control_pattern() -> None:
    from accords.extract import load

    assert set(load._CONTROL_BYTES) == {c for c in range(128) if load._CONTROL.match(chr(c))}
    for text in ("plain\ttext\r\nwith\x0cbreaks", "a\x01b\x02" * 10, "\x01" * 30 + "x" * 570, "\x01" * 31 + "x" * 569, "é\x01" * 5):
        head = text[:8192]
        expected = len(load._CONTROL.findall(text, 0, 8192))
        if expected > 0.05 * min(len(text), 8192):
            with pytest.raises(UnsupportedFormatError):
                load.decode_text(text.encode("utf-8"))
        else:
            assert load.decode_text(text.encode("utf-8")) == head.replace("\r\n", "\n").replace("\r", "\n")
