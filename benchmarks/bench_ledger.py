"""Benchmark: ledger aggregations over 1,000,000 entries, SQLite store beside DuckDB.

    .venv/bin/python benchmarks/bench_ledger.py [--rows 1000000] [--runs 5] [--keep DIR]

Builds a throw-away store (schema by the Alembic migrations), bulk-inserts synthetic rows into
``ledger_entries`` (amounts pre-converted to EUR and USD at insert, as ``rebuild_ledger`` does),
then times the main aggregations three ways over the same rows:

- ``sqlite scan``: ``totals_sql`` -- one GROUP BY over the covering index of the dimension;
- ``sqlite rollup``: ``totals_rollup`` -- the per-dimension totals the rebuild materializes
  (what ``accords ledger`` reads);
- ``duckdb``: the same GROUP BY in DuckDB over an in-memory table of the same rows (the
  baseline a data engineer would reach for).

Each figure is the median of ``--runs`` warm runs. Targets: every SQLite figure the CLI uses
under 1 s and within 3x of DuckDB.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from accords.analyze import ledger_store
from accords.analyze import ledger_totals as lt
from accords.settings import Settings
from accords.store.db import connect, session_scope

DONORS = ("GBR", "DEU", "FRA", "DNK", "CAN", "ITA", "NLD", "FIN", "LVA", "ESP", "BEL", "PRT", "SWE", "ISL",
          "NOR", "JPN", "USA", "EUU", "LTU", "EST", "POL", "LUX", "ROU", "CZE", "SVN", "IRL", "HRV", "GRC",
          "ALB", "AUS")
STAGES = ("pledged", "allocated", "delivered", "expected")
CATEGORIES = ("military", "financial", "humanitarian", "reconstruction", "unspecified")
CURRENCIES = {"EUR": (1.0, 1.08), "USD": (0.926, 1.0), "GBP": (1.16, 1.26), "JPY": (0.0062, 0.0067)}
COLUMNS = ("id", "donor", "recipient", "stage", "counted", "amount", "currency", "date", "period", "ref_day",
           "year", "category", "instrument", "channel", "agreement", "parent", "fx_date", "eur_rate",
           "usd_rate", "amount_eur", "amount_usd", "members", "sources", "n_sources", "description",
           "source_tid", "built_at")
QUERIES = (("by donor", "donor", "EUR"), ("by stage", "stage", "EUR"), ("by year", "year", "EUR"),
           ("by category", "category", "EUR"), ("by donor, USD", "donor", "USD"))


def rows(n: int, seed: int = 11) -> list[tuple[Any, ...]]:
    rng = random.Random(seed)
    start = date(2022, 2, 24)
    built = datetime(2026, 11, 28).isoformat(sep=" ")
    out = []
    for i in range(n):
        cur = rng.choice(tuple(CURRENCIES))
        eur_rate, usd_rate = CURRENCIES[cur]
        amount = round(rng.lognormvariate(17, 2), 2)
        day = start + timedelta(days=rng.randrange(0, 1700))
        fx_day = day - timedelta(days=max(0, day.weekday() - 4))
        counted = rng.random() > 0.1
        out.append((
            f"S{i:07d}", rng.choice(DONORS), "UKR", rng.choice(STAGES), int(counted), amount, cur,
            day.isoformat(), str(day.year), day.isoformat(), day.year, rng.choice(CATEGORIES), "grant",
            None, None, None, fx_day.isoformat(), eur_rate, usd_rate, amount * eur_rate, amount * usd_rate,
            "[]", "[]", 1, None, 0, built))
    return out


def build(path: Path, n: int) -> tuple[float, list[tuple[Any, ...]]]:
    """Create the store, bulk-insert ``n`` rows and the rollup; returns (seconds, rows)."""
    engine = connect(Settings(database_url=f"sqlite:///{path}"))
    engine.dispose()
    data = rows(n)
    t0 = time.perf_counter()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    # Bulk load: drop the secondary indexes, insert, recreate them once (standard practice).
    indexes = con.execute("SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='ledger_entries' "
                          "AND sql IS NOT NULL").fetchall()
    for name, _ in indexes:
        con.execute(f"DROP INDEX {name}")
    marks = ",".join("?" * len(COLUMNS))
    con.executemany(f"INSERT INTO ledger_entries ({','.join(COLUMNS)}) VALUES ({marks})", data)
    for _, sql in indexes:
        con.execute(sql)
    con.execute("ANALYZE")
    con.commit()
    con.close()
    engine = connect(Settings(database_url=f"sqlite:///{path}"), migrate_schema=False)
    with session_scope(engine) as session:
        ledger_store.refresh_totals(session, source_tid=0)  # no statements: the build is current
    engine.dispose()
    return time.perf_counter() - t0, data


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    fn()  # warm caches once
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def duckdb_table(data: list[tuple[Any, ...]]) -> Any:
    import duckdb
    import pyarrow as pa

    con = duckdb.connect()
    cols = {name: [r[i] for r in data] for i, name in enumerate(COLUMNS)
            if name in ("donor", "stage", "counted", "year", "category", "amount_eur", "amount_usd", "fx_date")}
    cols["counted"] = [bool(v) for v in cols["counted"]]
    cols["fx_date"] = [date.fromisoformat(v) for v in cols["fx_date"]]
    con.register("bench_rows", pa.table(cols))
    con.execute("CREATE TABLE ledger_entries AS SELECT * FROM bench_rows")
    con.unregister("bench_rows")
    return con


def duck_query(con: Any, dim: str, currency: str) -> list[Any]:
    amount = "amount_usd" if currency == "USD" else "amount_eur"
    return con.execute(
        f"SELECT {dim}, stage, count(*), coalesce(sum({amount}), 0), count(*) - count({amount}), "
        f"min(fx_date), max(fx_date) FROM ledger_entries WHERE counted GROUP BY {dim}, stage").fetchall()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, default=None, help="Write the SQLite file here and keep it.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = (args.keep or Path(tmp)) / "ledger-bench.db"
        if path.exists():
            path.unlink()
        t0 = time.perf_counter()
        build_s, data = build(path, args.rows)
        print(f"{args.rows:,} ledger entries: generated + inserted + indexed + rollup in "
              f"{time.perf_counter() - t0:.1f} s (store part {build_s:.1f} s); file {path.stat().st_size / 1e6:.0f} MB")
        t0 = time.perf_counter()
        duck = duckdb_table(data)
        print(f"duckdb in-memory table of the same rows loaded in {time.perf_counter() - t0:.1f} s")
        engine = connect(Settings(database_url=f"sqlite:///{path}"), migrate_schema=False)
        results = []
        with session_scope(engine) as session:
            for label, dim, cur in QUERIES:
                scan_s, scan = timed(lambda d=dim, c=cur: lt.totals_sql(session, d, c), args.runs)  # type: ignore[misc]
                roll_s, roll = timed(lambda d=dim, c=cur: lt.totals_rollup(session, d, c), args.runs)  # type: ignore[misc]
                duck_s, dres = timed(lambda d=dim, c=cur: duck_query(duck, d, c), args.runs)  # type: ignore[misc]
                same = (len(scan) == len(roll) == len(dres)
                        and abs(sum(t.amount for t in scan) - sum(float(r[3]) for r in dres)) < 1e-6 * max(
                            1.0, sum(t.amount for t in scan))
                        and abs(sum(t.amount for t in roll) - sum(t.amount for t in scan)) < 1e-6 * max(
                            1.0, sum(t.amount for t in scan)))
                results.append({"query": label, "sqlite_scan_ms": round(scan_s * 1000, 1),
                                "sqlite_rollup_ms": round(roll_s * 1000, 2), "duckdb_ms": round(duck_s * 1000, 1),
                                "scan_vs_duckdb": round(scan_s / duck_s, 1),
                                "rollup_vs_duckdb": round(roll_s / duck_s, 2), "same_totals": same})
        engine.dispose()
    print(f"\n{'query':<16}{'sqlite scan':>14}{'sqlite rollup':>16}{'duckdb':>10}{'scan/duck':>11}"
          f"{'rollup/duck':>13}  same")
    for r in results:
        print(f"{r['query']:<16}{r['sqlite_scan_ms']:>11} ms{r['sqlite_rollup_ms']:>13} ms{r['duckdb_ms']:>7} ms"
              f"{r['scan_vs_duckdb']:>10}x{r['rollup_vs_duckdb']:>12}x  {r['same_totals']}")
    print("\n" + json.dumps(results))


if __name__ == "__main__":
    main()
