"""Build the PDF (1008) and the DOCX (1009) of gold set 10 from their source text in src/.

Run with the dev venv: `.venv/bin/python tests/gold_heldout10/make_binaries.py`. reportlab's
invariant mode and fixed DOCX entry times make a rebuild give the same bytes (tests/gold_build.py has
the two builders: in the PDF source, the first line is the title, the second the byline, and the lines
in HEADINGS are section headings; in the DOCX source, the first line is the title and lines starting
with "## " are level-2 headings).
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # (tests/gold_build.py)
from gold_build import build_docx, build_note_pdf  # noqa: E402

STAMP = (2024, 6, 10, 9, 15, 0)
HEADINGS = {"What was signed", "What it contains", "What it leaves out", "Assessment"}

if __name__ == "__main__":
    build_note_pdf(HERE / "src" / "1008_eu_commitments_note.txt", HERE / "1008_eu_commitments_note.pdf", "Rhine-Danube Policy Notes", HEADINGS)
    build_docx(HERE / "src" / "1009_spain_memo.txt", HERE / "1009_spain_memo.docx", "Tagus Risk Partners", STAMP)
