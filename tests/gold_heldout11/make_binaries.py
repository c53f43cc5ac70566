"""Build the PDF (1106) and the DOCX (1107) of gold set 11 from their source text in src/.

Run with the dev venv: `.venv/bin/python tests/gold_heldout11/make_binaries.py`. reportlab's
invariant mode and fixed DOCX entry times make a rebuild give the same bytes. The DOCX comes from
tests/gold_build.py's builder (first line the title, "## " lines level-2 headings). The PDF is built
here rather than with gold_build.build_note_pdf because this briefing must run to two pages: the same
layout (title, byline, Heading2 for the lines in HEADINGS, 10 pt body), plus a page break where the
source has a line "[PAGE]".
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # (tests/gold_build.py)
from gold_build import build_docx  # noqa: E402

STAMP = (2024, 3, 4, 12, 0, 0)
HEADINGS = {"Key points", "Ireland", "Greece", "Albania", "Assessment"}
PAGE = "[PAGE]"


def build_briefing_pdf(source: Path, out: Path, author: str) -> None:
    """The two-page briefing: build_note_pdf's layout with a page break at each "[PAGE]" line."""
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
        story.append(Paragraph(line, styles["Heading2"] if line in HEADINGS else body))
        story.append(Spacer(1, 4))
    SimpleDocTemplate(str(out), pagesize=A4, title=lines[0], author=author, invariant=True).build(story)


if __name__ == "__main__":
    build_briefing_pdf(HERE / "src" / "1106_late_agreements_briefing.txt", HERE / "1106_late_agreements_briefing.pdf", "Westbrook Security Briefings")
    build_docx(HERE / "src" / "1107_italy_meeting_minutes.txt", HERE / "1107_italy_meeting_minutes.docx", "Ukraine Monitoring Group", STAMP)
