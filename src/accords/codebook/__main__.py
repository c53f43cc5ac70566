"""`python -m accords.codebook > docs/codebook.md` regenerates the codebook page."""

import sys

from accords.codebook import load_codebook, render_markdown

sys.stdout.write(render_markdown(load_codebook()))
