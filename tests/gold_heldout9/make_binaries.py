"""Build the PDF (906) and the DOCX (907) of gold set 9 from their source text in src/.

Run with the dev venv: `.venv/bin/python tests/gold_heldout9/make_binaries.py`. reportlab's
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

STAMP = (2024, 6, 3, 8, 30, 0)
HEADINGS = {"Signed and summarised", "Money", "Legal character", "Assessment"}

if __name__ == "__main__":
    build_note_pdf(HERE / "src" / "906_slovenia_note.txt", HERE / "906_slovenia_note.pdf", "Julian Alps Policy Notes", HEADINGS)
    build_docx(HERE / "src" / "907_belgium_memo.txt", HERE / "907_belgium_memo.docx", "Scheldt Advisory", STAMP)
