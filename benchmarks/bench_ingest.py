"""Benchmark: batch ingest into a fresh SQLite store, the store's share beside extraction alone.

    .venv/bin/python benchmarks/bench_ingest.py [--docs 124] [--keep DIR]

Takes the project's gold documents (every tests/gold* set, every format) and runs them through what
``accords ingest FILE...`` does: one engine for the batch (schema created or upgraded once), then
per document the extraction and one transaction that stores the document, its entities and its
candidate statements. It prints documents and statements per second, and beside them the baseline:
the same documents extracted without storing them. The difference is what the store costs.

The extraction pipeline's own speed is measured by ``bench_extract.py``; this script is about
what sits around it when an analyst ingests a folder.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from accords.ingest import extract_file, ingest_extraction
from accords.settings import Settings
from accords.store.db import connect, session_scope

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = {".txt", ".md", ".html", ".pdf", ".docx"}
LIMIT = 50_000_000


def documents(most: int) -> list[Path]:
    found = sorted(p for folder in (ROOT / "tests").glob("gold*") if folder.is_dir()
                   for p in folder.iterdir() if p.suffix in SUFFIXES and p.name != "README.md")
    if not found:
        raise SystemExit("no gold documents under tests/gold*: run from a clone of the project")
    return found[:most]


def extract_only(paths: list[Path]) -> float:
    t0 = time.perf_counter()
    for path in paths:
        extract_file(path, None, limit=LIMIT)
    return time.perf_counter() - t0


def ingest_all(paths: list[Path], folder: Path) -> tuple[float, float, int]:
    """Seconds for the whole batch, of which seconds in the store, and statements stored."""
    engine = connect(Settings(database_url=f"sqlite:///{folder / 'bench.db'}"))
    stored = 0
    in_store = 0.0
    t0 = time.perf_counter()
    try:
        for path in paths:
            extraction = extract_file(path, None, limit=LIMIT)
            t1 = time.perf_counter()
            with session_scope(engine) as session:
                stored += ingest_extraction(session, extraction, who="bench", now=datetime.now(UTC)).statements
            in_store += time.perf_counter() - t1
    finally:
        engine.dispose()
    return time.perf_counter() - t0, in_store, stored


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000, help="at most this many gold documents (default: all)")
    ap.add_argument("--keep", type=Path, help="keep the store in this folder instead of a temporary one")
    args = ap.parse_args()
    paths = documents(args.docs)
    extract_only(paths)  # warm: the first document of a process compiles the patterns
    base = extract_only(paths)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        total, in_store, stored = ingest_all(paths, folder)
    n = len(paths)
    print(f"{n} documents, {stored:,} candidate statements stored")
    print(f"  extraction alone (baseline): {n / base:8.1f} documents/s ({base:.2f} s)")
    print(f"  ingest (extraction + store): {n / total:8.1f} documents/s ({total:.2f} s), "
          f"{stored / total:,.0f} statements/s")
    print(f"  of which the store:          {in_store:.2f} s, {in_store / n * 1000:.1f} ms a document, "
          f"{in_store / total:.0%} of the ingest")


if __name__ == "__main__":
    main()
