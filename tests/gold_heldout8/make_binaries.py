"""Build the DOCX (807) and the PDF (808) of gold set 8 from their source text in src/.

Run with the dev venv: `.venv/bin/python tests/gold_heldout8/make_binaries.py`. The PDF is
built with reportlab's invariant mode and the DOCX archive gets fixed entry times, so that
rebuilding gives the same bytes. In the DOCX source, lines starting with "## " become level-2
headings; in the PDF source, lines starting with "| " become rows of one table.
"""
import sys
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # (tests/gold_build.py)
from gold_build import build_docx as build_docx_from  # noqa: E402

STAMP = (2024, 2, 27, 9, 0, 0)


def build_docx() -> None:
    build_docx_from(HERE / "src" / "807_canada_briefing.txt", HERE / "807_canada_briefing.docx", "North Shore Policy Group", STAMP)



def build_pdf() -> None:
    lines = (HERE / "src" / "808_italy_paper.txt").read_text(encoding="utf-8").splitlines()
    styles = getSampleStyleSheet()
    headings = {"Signed and summarised", "The agreement at a glance", "Money", "Security and recovery", "Status"}
    body = ParagraphStyle("Body9", parent=styles["BodyText"], fontSize=9, leading=11)
    story: list = [Paragraph(lines[0], styles["Title"]), Paragraph(lines[1], body), Spacer(1, 6)]
    rows: list[list[str]] = []
    for line in lines[2:]:
        if line.startswith("| "):
            rows.append(line[2:].split(" | "))
            continue
        if rows:
            story += [table(rows), Spacer(1, 6)]
            rows = []
        story.append(Paragraph(line, styles["Heading2"] if line in headings else body))
        story.append(Spacer(1, 4))
    if rows:
        story.append(table(rows))
    pdf = SimpleDocTemplate(str(HERE / "808_italy_paper.pdf"), pagesize=A4, title=lines[0],
                            author="Adriatic-Ionian Policy Papers", invariant=True)
    pdf.build(story)


def table(rows: list[list[str]]) -> Table:
    """A two-column table with a shaded header row, 9 pt text."""
    out = Table(rows, colWidths=[120, 330])
    out.setStyle(TableStyle([
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return out


if __name__ == "__main__":
    build_docx()
    build_pdf()
