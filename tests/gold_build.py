"""What the held-out sets' ``make_binaries.py`` scripts share: the DOCX built from its source text, rewritten with fixed entry
times, so that rebuilding a committed binary gives the same bytes."""

import zipfile
from pathlib import Path


def fix_zip_times(path: Path, stamp: tuple[int, int, int, int, int, int]) -> None:
    """Rewrite the archive at ``path`` with ``stamp`` as every entry's time (python-docx writes the clock's)."""
    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, data)


def build_docx(source: Path, out: Path, author: str, stamp: tuple[int, int, int, int, int, int]) -> None:
    """The DOCX of a gold set from its source text: the first line is the title (and a level-1
    heading), a line starting with "## " a level-2 heading, every other line a paragraph."""
    from datetime import datetime

    from docx import Document

    lines = source.read_text(encoding="utf-8").splitlines()
    doc = Document()
    doc.core_properties.title = lines[0]
    doc.core_properties.author = author
    doc.core_properties.created = doc.core_properties.modified = datetime(*stamp)
    doc.add_heading(lines[0], level=1)
    for line in lines[1:]:
        if line.startswith("## "):
            doc.add_heading(line[3:], level=2)
        else:
            doc.add_paragraph(line)
    doc.save(str(out))
    fix_zip_times(out, stamp)


PAGE = "[PAGE]"  # a source line that ends the page of a PDF note


def build_note_pdf(source: Path, out: Path, author: str, headings: set[str]) -> None:
    """The PDF note of a gold set from its source text: the first line is the title, the second the
    byline, a line in ``headings`` a section heading, a line :data:`PAGE` a page break, every other
    line a paragraph. reportlab's invariant mode keeps a rebuild byte-identical."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    lines = source.read_text(encoding="utf-8").splitlines()
    styles = getSampleStyleSheet()
    body = ParagraphStyle("Body10", parent=styles["BodyText"], fontSize=10, leading=12)
    story: list = [Paragraph(lines[0], styles["Title"]), Paragraph(lines[1], body), Spacer(1, 6)]
    for line in lines[2:]:
        if line == PAGE:
            story.append(PageBreak())
            continue
        story.append(Paragraph(line, styles["Heading2"] if line in headings else body))
        story.append(Spacer(1, 4))
    SimpleDocTemplate(str(out), pagesize=A4, title=lines[0], author=author, invariant=True).build(story)
