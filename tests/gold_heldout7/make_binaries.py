"""Build the DOCX (707) and the PDF (708) of gold set 7 from their source text in src/.

Run with the dev venv: `.venv/bin/python tests/gold_heldout7/make_binaries.py`. The PDF is
built with reportlab's invariant mode and the DOCX archive gets fixed entry times, so that
rebuilding gives the same bytes.
"""
import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # (tests/gold_build.py)
from gold_build import build_docx as build_docx_from  # noqa: E402


def build_docx() -> None:
    build_docx_from(HERE / "src" / "707_romania_memo.txt", HERE / "707_romania_memo.docx", "Security Cooperation Unit", (2024, 7, 16, 9, 0, 0))



def build_pdf() -> None:
    lines = (HERE / "src" / "708_japan_factsheet.txt").read_text(encoding="utf-8").splitlines()
    styles = getSampleStyleSheet()
    headings = {"The 2024 accord", "Earlier steps", "The G7 loan", "Recent items"}
    body = ParagraphStyle("Body9", parent=styles["BodyText"], fontSize=9, leading=11)
    story = []
    for i, line in enumerate(lines[1:]):
        style = styles["Title"] if i == 0 else styles["Heading2"] if line in headings else body
        story.append(Paragraph(line, style))
        story.append(Spacer(1, 4))
    pdf = SimpleDocTemplate(str(HERE / "708_japan_factsheet.pdf"), pagesize=A4, title=lines[0],
                            author="Pacific Rim Security Forum", invariant=True)
    pdf.build(story)


if __name__ == "__main__":
    build_docx()
    build_pdf()
