"""Build the PDF (906) and the DOCX (907) of gold set 9 from their source text in src/.

Run with the dev venv: `.venv/bin/python tests/gold_heldout9/make_binaries.py`. reportlab's
invariant mode and fixed DOCX entry times make a rebuild give the same bytes. In the PDF source,
the first line is the title, the second the byline, and the lines in HEADINGS are section
headings; in the DOCX source, the first line is the title and lines starting with "## " are
level-2 headings.
"""
import sys
from datetime import datetime
from pathlib import Path

from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # (tests/gold_build.py)
from gold_build import fix_zip_times  # noqa: E402

STAMP = (2024, 6, 3, 8, 30, 0)
HEADINGS = {"Signed and summarised", "Money", "Legal character", "Assessment"}


def build_pdf() -> None:
    lines = (HERE / "src" / "906_slovenia_note.txt").read_text(encoding="utf-8").splitlines()
    styles = getSampleStyleSheet()
    body = ParagraphStyle("Body10", parent=styles["BodyText"], fontSize=10, leading=12)
    story: list = [Paragraph(lines[0], styles["Title"]), Paragraph(lines[1], body), Spacer(1, 6)]
    for line in lines[2:]:
        story.append(Paragraph(line, styles["Heading2"] if line in HEADINGS else body))
        story.append(Spacer(1, 4))
    pdf = SimpleDocTemplate(str(HERE / "906_slovenia_note.pdf"), pagesize=A4, title=lines[0],
                            author="Julian Alps Policy Notes", invariant=True)
    pdf.build(story)


def build_docx() -> None:
    lines = (HERE / "src" / "907_belgium_memo.txt").read_text(encoding="utf-8").splitlines()
    doc = Document()
    doc.core_properties.title = lines[0]
    doc.core_properties.author = "Scheldt Advisory"
    doc.core_properties.created = doc.core_properties.modified = datetime(*STAMP)
    doc.add_heading(lines[0], level=1)
    for line in lines[1:]:
        if line.startswith("## "):
            doc.add_heading(line[3:], level=2)
        else:
            doc.add_paragraph(line)
    out = HERE / "907_belgium_memo.docx"
    doc.save(str(out))
    fix_zip_times(out, STAMP)


if __name__ == "__main__":
    build_pdf()
    build_docx()
