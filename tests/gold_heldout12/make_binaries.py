"""Build the PDF (1205) of gold set 12 from its source text in src/.

Run with the dev venv: `.venv/bin/python tests/gold_heldout12/make_binaries.py`. reportlab's
invariant mode makes a rebuild give the same bytes. The layout is tests/gold_build.py's
build_note_pdf (first line the title, second the byline, lines in HEADINGS level-2 headings, every
other line its own paragraph), which suits an infographic: every short line stays on one line.
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # (tests/gold_build.py)
from gold_build import build_note_pdf  # noqa: E402

HEADINGS = {"At a glance", "Estonia", "Lithuania", "Notes"}


if __name__ == "__main__":
    build_note_pdf(HERE / "src" / "1205_baltic_infographic.txt", HERE / "1205_baltic_infographic.pdf",
                   "Baltic Desk Infographics", HEADINGS)
