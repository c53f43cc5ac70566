"""Validate a held-out gold set: JSON parses, quotes are exact one-line substrings, provision ids are known.

Run: `.venv/bin/python tests/check_gold.py tests/gold_heldout6` (the set's folder). The allowed
provision ids are those used in the seed gold and tests/gold/*.gold.json (the only codebook ids a
held-out set may use).
"""
import json
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = Path("/work/shared/corpus/000_e695dc1c15014f9b.gold.json")
QUOTED = ("agreements", "commitments", "consultation_hours", "military_scope", "events", "channels")
DROP = {"script", "style", "header", "nav", "aside", "footer"}


class Visible(HTMLParser):
    """Text nodes outside script, style, header, nav, aside and footer."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = 0
        self.nodes: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in DROP:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in DROP:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth == 0 and data.strip():
            self.nodes.append(data)


def texts(doc: Path) -> list[str]:
    """The units a quote must lie inside: the whole text, or each visible HTML text node."""
    if doc.suffix == ".html":
        parser = Visible()
        parser.feed(doc.read_text(encoding="utf-8"))
        return parser.nodes
    if doc.suffix == ".pdf":
        from pypdf import PdfReader
        return ["\n".join(page.extract_text() for page in PdfReader(str(doc)).pages)]
    if doc.suffix == ".docx":
        import docx
        return ["\n".join(p.text for p in docx.Document(str(doc)).paragraphs)]
    return [doc.read_text(encoding="utf-8")]


def allowed_codes() -> set[str]:
    codes: set[str] = set()
    for path in [SEED, *sorted((ROOT / "tests" / "gold").glob("*.gold.json"))]:
        gold = json.loads(path.read_text(encoding="utf-8"))
        for key in ("provisions_present", "provisions_absent"):
            for listed in (gold.get(key) or {}).values():
                codes.update(listed)
    return codes


def main(here: Path) -> int:
    codes = allowed_codes()
    problems = []
    golds = sorted(here.glob("*.gold.json"))
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        stem = gold_path.name[: -len(".gold.json")]
        docs = [p for p in here.glob(stem + ".*") if not p.name.endswith(".gold.json")]
        if len(docs) != 1:
            problems.append(f"{stem}: {len(docs)} documents")
            continue
        units = texts(docs[0])
        if "published" not in gold:
            problems.append(f"{stem}: no published")
        for key in QUOTED:
            for item in gold.get(key, []):
                quote = item.get("quote", "")
                if not quote or "\n" in quote or not any(quote in unit for unit in units):
                    problems.append(f"{stem} {key}: quote not found: {quote!r}")
                if docs[0].suffix == ".html" and "&" in quote:
                    problems.append(f"{stem} {key}: entity in quote {quote!r}")
        for key in ("provisions_present", "provisions_absent"):
            for agreement, listed in (gold.get(key) or {}).items():
                for code in listed:
                    if code not in codes:
                        problems.append(f"{stem} {key} {agreement}: unknown code {code}")
    for problem in problems:
        print(problem)
    print(f"{len(golds)} gold files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_dir():
        sys.exit("usage: check_gold.py SET_FOLDER (e.g. tests/gold_heldout7)")
    sys.exit(main(Path(sys.argv[1]).resolve()))
