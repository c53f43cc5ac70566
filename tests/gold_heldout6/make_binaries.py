"""Build the DOCX (608) and the PDF (610) of gold set 6 from their source text in src/.

Run with the dev venv: `.venv/bin/python tests/gold_heldout6/make_binaries.py`. The PDF is
built with reportlab's invariant mode so that rebuilding gives the same bytes.
"""
from pathlib import Path

from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

HERE = Path(__file__).resolve().parent


def build_docx() -> None:
    lines = (HERE / "src" / "608_latvia_memo.txt").read_text(encoding="utf-8").splitlines()
    doc = Document()
    doc.core_properties.title = lines[0]
    doc.core_properties.author = "Eastern Partnerships Desk"
    doc.add_heading(lines[0], level=1)
    for line in lines[1:]:
        doc.add_paragraph(line)
    doc.save(str(HERE / "608_latvia_memo.docx"))


def build_pdf() -> None:
    lines = (HERE / "src" / "610_club_accounts.txt").read_text(encoding="utf-8").splitlines()
    styles = getSampleStyleSheet()
    headings = {"Headline figures", "Stadium and security", "Partnerships and community", "Outlook"}
    story = []
    for i, line in enumerate(lines[1:]):
        style = styles["Title"] if i == 0 else styles["Heading2"] if line in headings else styles["BodyText"]
        story.append(Paragraph(line, style))
        story.append(Spacer(1, 4))
    pdf = SimpleDocTemplate(str(HERE / "610_club_accounts.pdf"), pagesize=A4, title=lines[0],
                            author="Riverside Athletic FC finance office", invariant=True)
    pdf.build(story)


if __name__ == "__main__":
    build_docx()
    build_pdf()
