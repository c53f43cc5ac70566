"""Benchmark: the full comparison matrix of 30 agreements x all codebook codes, from a SQLite store.

    .venv/bin/python benchmarks/bench_compare.py [--agreements 30] [--runs 5]

Builds a throw-away store in a temp directory (accepted statements for 30 agreements and one
provision per agreement and code, each with a quote), then times
``compare_from_store(session, [])`` end to end: reading the views, building the matrix, pair
similarities, distinctive provisions and the paragraph. Target: under 100 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from accords.analyze.compare import compare_from_store
from accords.codebook import load_codebook
from accords.model import make_statement
from accords.settings import Settings
from accords.store import statements as st
from accords.store.db import connect, session_scope

PARTNERS = (
    "GBR", "DEU", "FRA", "DNK", "CAN", "ITA", "NLD", "FIN", "LVA", "ESP", "BEL", "PRT",
    "SWE", "ISL", "NOR", "JPN", "USA", "EUU", "LTU", "EST", "POL", "LUX", "ROU", "CZE",
    "SVN", "IRL", "HRV", "GRC", "ALB", "AUS", "BGR", "MNE",
)


def build(path: Path, n_agreements: int, seed: int = 7) -> int:
    """Fill a store at ``path``; returns the number of statements written."""
    rng = random.Random(seed)
    cb = load_codebook()
    now = datetime(2024, 7, 15, tzinfo=UTC)
    stmts = []
    for iso in PARTNERS[:n_agreements]:
        aid = f"UKR-{iso}-2024"
        url = f"https://example.org/agreements/{iso.lower()}"
        for prop, value in (("title", f"Agreement between Ukraine and {iso}"), ("parties", "UKR"),
                            ("parties", iso), ("date_signed", "2024-06-13"), ("duration_years", 10)):
            stmts.append(make_statement(aid, "agreement", prop, value, method="bench", dataset="bench",
                                        source_url=url, status="accepted"))
        for code in cb.codes:
            pid = f"{aid}:{code.id}"
            roll = rng.random()
            if code.value_type == "number":
                value: object = rng.choice((24, 24, 72)) if code.unit == "hours" else 10
            elif roll < 0.55:
                value = "present"
            elif roll < 0.8:
                value = "absent"
            else:
                continue  # unknown
            for prop, v in (("agreement", aid), ("code", code.id), ("pillar", code.pillar), ("value", value)):
                stmts.append(make_statement(pid, "provision", prop, v, method="bench", dataset="bench",
                                            source_url=url, quote=f"{iso} text on {code.label}",
                                            status="accepted"))
    settings = Settings(database_url=f"sqlite:///{path}")
    engine = connect(settings)
    with session_scope(engine) as session:
        n = st.add_statements(session, stmts, who="bench", now=now)
    engine.dispose()
    return n


def run(n_agreements: int, runs: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        n = build(path, n_agreements)
        engine = connect(Settings(database_url=f"sqlite:///{path}"))
        timings = []
        cmp = None
        for _ in range(runs):
            with session_scope(engine) as session:
                t0 = time.perf_counter()
                cmp = compare_from_store(session, [])
                timings.append((time.perf_counter() - t0) * 1000)
        engine.dispose()
        assert cmp is not None
        best, median = min(timings), statistics.median(timings)
        print(f"store: {n} statements; matrix {len(cmp.agreements)} agreements x {len(cmp.codes)} codes "
              f"= {len(cmp.cells)} cells, {len(cmp.pairs)} pairs")
        print(f"compare_from_store: median {median:.1f} ms, best {best:.1f} ms over {runs} runs "
              f"(target < 100 ms) -> {'OK' if median < 100 else 'SLOW'}")
        return median


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--agreements", type=int, default=30)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    run(args.agreements, args.runs)


if __name__ == "__main__":
    main()
