"""Build the PDF (1008) and the DOCX (1009) of gold set 10 from their source text in src/.

Run with the dev venv: `.venv/bin/python tests/gold_heldout10/make_binaries.py`. reportlab's
invariant mode and fixed DOCX entry times make a rebuild give the same bytes. In the PDF source,
the first line is the title, the second the byline, and the lines in HEADINGS are section
headings; in the DOCX source, the first line is the title and lines starting with "## " are
level-2 headings.
"""
import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # (tests/gold_build.py)
from gold_build import build_docx as build_docx_from  # noqa: E402

STAMP = (2024, 6, 10, 9, 15, 0)
HEADINGS = {"What was signed", "What it contains", "What it leaves out", "Assessment"}


def build_pdf() -> None:
    lines = (HERE / "src" / "1008_eu_commitments_note.txt").read_text(encoding="utf-8").splitlines()
    styles = getSampleStyleSheet()
    body = ParagraphStyle("Body10", parent=styles["BodyText"], fontSize=10, leading=12)
    story: list = [Paragraph(lines[0], styles["Title"]), Paragraph(lines[1], body), Spacer(1, 6)]
    for line in lines[2:]:
        story.append(Paragraph(line, styles["Heading2"] if line in HEADINGS else body))
        story.append(Spacer(1, 4))
    pdf = SimpleDocTemplate(str(HERE / "1008_eu_commitments_note.pdf"), pagesize=A4, title=lines[0],
                            author="Rhine-Danube Policy Notes", invariant=True)
    pdf.build(story)


def build_docx() -> None:
    build_docx_from(HERE / "src" / "1009_spain_memo.txt", HERE / "1009_spain_memo.docx", "Tagus Risk Partners", STAMP)


if __name__ == "__main__":
    build_pdf()
    build_docx()
