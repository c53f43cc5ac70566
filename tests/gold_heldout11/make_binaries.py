"""Build the PDF (1106) and the DOCX (1107) of gold set 11 from their source text in src/.

Run with the dev venv: `.venv/bin/python tests/gold_heldout11/make_binaries.py`. reportlab's
invariant mode and fixed DOCX entry times make a rebuild give the same bytes. Both come from
tests/gold_build.py's builders (first line the title; for the PDF, the lines in HEADINGS level-2
headings and a "[PAGE]" line a page break, so that the briefing runs to two pages).
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # (tests/gold_build.py)
from gold_build import build_docx, build_note_pdf  # noqa: E402

STAMP = (2024, 3, 4, 12, 0, 0)
HEADINGS = {"Key points", "Ireland", "Greece", "Albania", "Assessment"}


if __name__ == "__main__":
    build_note_pdf(HERE / "src" / "1106_late_agreements_briefing.txt", HERE / "1106_late_agreements_briefing.pdf",
                   "Westbrook Security Briefings", HEADINGS)
    build_docx(HERE / "src" / "1107_italy_meeting_minutes.txt", HERE / "1107_italy_meeting_minutes.docx", "Ukraine Monitoring Group", STAMP)
