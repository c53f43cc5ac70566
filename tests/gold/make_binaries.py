"""Build the PDF and DOCX gold documents from their source text in ``src/``.

Run from anywhere: ``.venv/bin/python tests/gold/make_binaries.py``. The binaries are
committed; rerun this only when a source text changes, then check the gold quotes again
(``tests/extract/test_gold.py`` does so). Source format: the first line is the title, the
second the date line; blank lines separate paragraphs; a line ``<<PAGE>>`` starts a new PDF
page. Output is deterministic (reportlab ``invariant``) so rebuilding does not churn git.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
AUTHOR = "accords project (test corpus)"
PDF_SOURCES = ("007_eu_joint_commitments",)
DOCX_SOURCES = ("008_italy_canada_memo",)


def _blocks(text: str) -> list[str]:
    return [" ".join(b.split("\n")).strip() for b in text.split("\n\n") if b.strip()]


def build_pdf(stem: str, out_dir: Path = HERE) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    text = (HERE / "src" / f"{stem}.txt").read_text(encoding="utf-8")
    title = text.split("\n", 1)[0].strip()
    out = out_dir / f"{stem}.pdf"
    pdf = canvas.Canvas(str(out), pagesize=A4, invariant=True)
    pdf.setTitle(title)
    pdf.setAuthor(AUTHOR)
    pdf.setSubject("accords gold document")
    width, height = A4
    margin, leading = 60.0, 15.0
    for page_no, page in enumerate(text.split("<<PAGE>>\n")):
        y = height - margin
        for i, block in enumerate(_blocks(page)):
            bold = page_no == 0 and i == 0
            font, size = ("Helvetica-Bold", 14.0) if bold else ("Helvetica", 10.5)
            pdf.setFont(font, size)
            for line in simpleSplit(block, font, size, width - 2 * margin):
                pdf.drawString(margin, y, line)
                y -= leading
            y -= leading / 2
        pdf.setFont("Helvetica", 8.0)
        pdf.drawString(margin, margin / 2, f"page {page_no + 1}")
        pdf.showPage()
    pdf.save()
    return out


def build_docx(stem: str, out_dir: Path = HERE) -> Path:
    import docx

    text = (HERE / "src" / f"{stem}.txt").read_text(encoding="utf-8")
    blocks = _blocks(text)
    document = docx.Document()
    document.core_properties.title = blocks[0]
    document.core_properties.author = AUTHOR
    fixed = dt.datetime(2024, 2, 26, 12, 0, 0)
    document.core_properties.created = fixed
    document.core_properties.modified = fixed
    document.core_properties.last_modified_by = AUTHOR
    document.add_heading(blocks[0], level=1)
    for block in blocks[1:]:
        document.add_paragraph(block)
    out = out_dir / f"{stem}.docx"
    buf = io.BytesIO()
    document.save(buf)
    out.write_bytes(_fixed_zip(buf.getvalue()))
    return out


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a ZIP with fixed entry times so a rebuilt DOCX is byte-identical."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def main() -> None:
    for stem in PDF_SOURCES:
        print(build_pdf(stem))
    for stem in DOCX_SOURCES:
        print(build_docx(stem))


if __name__ == "__main__":
    main()
