"""The ledger on a real SQLite store: dedup across sources, parts and wholes, stages, as-of."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from accords.analyze import ledger_store as ls
from accords.analyze import ledger_totals as lt
from accords.analyze.ledger_edit import ManualEntry, add_entry, link, merge, split
from accords.analyze.ledger_report import fulfilment
from accords.store import statements as st
from accords.store.db import session_scope
from tests.analyze.ledger_helpers import T0, add, commitment, store

USD_20240613 = 1.0784  # ECB: 1 EUR = 1.0784 USD on 13 June 2024
BASE = {"donor": "JPN", "recipient": "UKR", "currency": "USD", "period": "2024"}


def _eur(total: list[lt.Total], key: str, stage: str) -> float:
    return sum(t.amount for t in total if t.key == key and t.stage == stage)


def test_one_claim_from_three_sources_is_one_entry(tmp_path: Path) -> None:
    with session_scope(store(tmp_path)) as s:
        add(s, commitment("A", source="https://one", **BASE, status="pledged", amount=4.5e9, date="2024-06-13"),
            commitment("B", source="https://two", **BASE, status="pledged", amount=4.49e9),  # 0.2 % off
            commitment("C", source="https://three", **BASE, status="pledged", amount=4.5e9, date="2024-06-14"),
            commitment("D", source="https://four", **BASE, status="pledged", amount=4.4e9))  # 2.2 % off: other
        entries = ls.entries_as_of(s)
        assert [e.members for e in entries] == [("A", "B", "C"), ("D",)]
        assert set(entries[0].sources) == {"https://one", "https://two", "https://three"}
        total = lt.totals(entries, "donor", "USD")
        assert _eur(total, "JPN", "pledged") == pytest.approx(4.5e9 + 4.4e9)


def test_different_stage_or_period_is_not_merged(tmp_path: Path) -> None:
    with session_scope(store(tmp_path)) as s:
        add(s, commitment("A", source="https://one", **BASE, status="pledged", amount=1e9),
            commitment("B", source="https://one", **{**BASE, "period": "2023"}, status="pledged", amount=1e9),
            commitment("C", source="https://one", **BASE, status="delivered", amount=1e9))
        assert len(ls.entries_as_of(s)) == 3


def test_parts_never_add_to_their_whole_and_stages_stay_apart(tmp_path: Path) -> None:
    with session_scope(store(tmp_path)) as s:
        add(s, commitment("W", source="https://w", **BASE, status="pledged", amount=1000.0, date="2024-06-13",
                          category="military"),
            commitment("P1", source="https://p", **BASE, status="pledged", amount=300.0, parent="W"),
            commitment("P2", source="https://p", **BASE, status="pledged", amount=200.0, parent="P1"),
            commitment("A1", source="https://a", **BASE, status="allocated", amount=600.0, parent="W"),
            commitment("D1", source="https://d", **BASE, status="delivered", amount=250.0, parent="A1"),
            commitment("D2", source="https://d", **BASE, status="provided", amount=100.0, parent="W"),
            commitment("D3", source="https://d", **BASE, status="disbursed", amount=50.0, parent="D2"))
        entries = ls.entries_as_of(s)
        counted = {e.id: e.counted for e in entries}
        assert counted == {"W": True, "P1": False, "P2": False, "A1": True, "D1": True, "D2": True, "D3": False}
        by_stage = {t.key: t.amount for t in lt.totals(entries, "stage", "USD")}
        assert by_stage == {"pledged": 1000.0, "allocated": 600.0, "delivered": 350.0}
        # The same numbers from the materialized table and from its rollup.
        ls.rebuild_ledger(s, T0)
        for by in lt.DIMENSIONS:
            for cur in ("EUR", "USD"):
                py = lt.totals(entries, by, cur)
                sql = lt.totals_sql(s, by, cur)
                rolled = lt.totals_rollup(s, by, cur)
                assert [(t.key, t.stage, t.entries) for t in py] == [(t.key, t.stage, t.entries) for t in sql]
                assert [t.amount for t in sql] == pytest.approx([t.amount for t in py])
                assert [t.amount for t in rolled] == pytest.approx([t.amount for t in py])
        rows = fulfilment(entries, "none", "USD")
        assert rows == []


def test_converted_totals_use_each_entrys_fixing(tmp_path: Path) -> None:
    with session_scope(store(tmp_path)) as s:
        add(s, commitment("J", source="https://j", **BASE, status="pledged", amount=4.5e9, date="2024-06-13"),
            commitment("G", source="https://g", donor="GBR", recipient="UKR", currency="GBP", status="pledged",
                       amount=2.5e9, date="2024-01-12", period="FY2024/25"),
            commitment("E", source="https://e", donor="DEU", recipient="UKR", currency="EUR", status="pledged",
                       amount=7.1e9, date="2024-02-16"))
        ls.rebuild_ledger(s, T0)
        total = {t.key: t for t in lt.totals_rollup(s, "donor", "EUR")}
        assert total["JPN"].amount == pytest.approx(4.5e9 / USD_20240613)
        assert total["GBR"].amount == pytest.approx(2.5e9 / 0.8595)
        assert total["DEU"].amount == pytest.approx(7.1e9)
        assert total["JPN"].fx_first == total["JPN"].fx_last == datetime(2024, 6, 13).date()
        usd = {t.key: t.amount for t in lt.totals_rollup(s, "donor", "USD")}
        assert usd["JPN"] == pytest.approx(4.5e9)


def test_as_of_ignores_later_entries_and_later_reviews(tmp_path: Path) -> None:
    t1, t2 = T0 + timedelta(days=10), T0 + timedelta(days=20)
    with session_scope(store(tmp_path)) as s:
        add(s, commitment("A", source="https://a", **BASE, status="pledged", amount=100.0, when=T0), now=T0)
        add(s, commitment("B", source="https://b", **BASE, status="pledged", amount=50.0, when=t1), now=t1)
        amount_stmt = next(x for x in st.find(s, entity_id="A") if x.prop == "amount")
        st.review(s, amount_stmt.id, "rejected", who="test", now=t2)

        def pledged(as_of: datetime | None) -> float:
            return sum(t.amount for t in lt.totals(ls.entries_as_of(s, as_of), "stage", "USD")
                       if t.key == "pledged")

        assert pledged(T0 + timedelta(days=1)) == 100.0
        assert pledged(t1 + timedelta(days=1)) == 150.0
        assert pledged(None) == 50.0  # A's amount was rejected later: no amount, nothing to add


def test_pledged_and_provided_counts_once_per_stage(tmp_path: Path) -> None:
    with session_scope(store(tmp_path)) as s:
        add(s, commitment("X", source="https://x", **BASE, status="pledged_and_provided", amount=80.0,
                          agreement="UKR-JPN-2024"),
            commitment("Y", source="https://y", **BASE, status="pledged", amount=80.0))  # same pledge elsewhere
        entries = ls.entries_as_of(s)
        ids = {e.id: (e.stage, e.members, e.parent) for e in entries}
        assert ids == {"X": ("delivered", ("X",), "X#pledged"), "X#pledged": ("pledged", ("X#pledged", "Y"), None)}
        by_stage = {t.key: t.amount for t in lt.totals(entries, "stage", "USD")}
        assert by_stage == {"pledged": 80.0, "delivered": 80.0}


def test_merge_and_split_overrides_have_history(tmp_path: Path) -> None:
    t1, t2, t3 = (T0 + timedelta(hours=h) for h in (1, 2, 3))
    with session_scope(store(tmp_path)) as s:
        add(s, commitment("A", source="https://a", **BASE, status="pledged", amount=100.0),
            commitment("B", source="https://b", **BASE, status="pledged", amount=100.2),
            commitment("C", source="https://c", **BASE, status="pledged", amount=140.0))
        assert [e.members for e in ls.entries_as_of(s)] == [("A", "B"), ("C",)]
        split(s, "A", "B", who="ana", now=t1, why="two tranches")
        assert [e.members for e in ls.entries_as_of(s)] == [("A",), ("B",), ("C",)]
        merge(s, "C", "A", who="ana", now=t2)
        assert [e.members for e in ls.entries_as_of(s)] == [("A", "C"), ("B",)]
        merge(s, "A", "B", who="ana", now=t3)  # undoes the split; the split stays in history
        assert [e.members for e in ls.entries_as_of(s)] == [("A", "B", "C")]
        assert [e.members for e in ls.entries_as_of(s, t1)] == [("A",), ("B",), ("C",)]
        split_stmt = next(x for x in st.find(s, entity_id="A") if x.prop == "not_same_as")
        assert [h.to_status for h in st.history(s, split_stmt.id)] == ["accepted", "rejected"]


def test_manual_entries_links_and_fulfilment(tmp_path: Path) -> None:
    now = datetime(2025, 3, 1, tzinfo=UTC)
    with session_scope(store(tmp_path)) as s:
        add(s, commitment("PLEDGE", source="https://p", **BASE, status="pledged", amount=4.5e9,
                          date="2024-06-13", agreement="UKR-JPN-2024"))
        entry = ManualEntry(donor="jpn", amount=1.0e9, currency="USD", stage="delivered", date="2024-09-02",
                            agreement="UKR-JPN-2024", parent="PLEDGE", source_url="https://mofa.example/x")
        eid = add_entry(s, entry, who="ana", now=now)
        assert add_entry(s, entry, who="ana", now=now) == eid  # typed twice: one entry
        loose = add_entry(s, ManualEntry(donor="JPN", amount=2.0e8, currency="USD", stage="allocated",
                                         date="2024-10-01", agreement="UKR-JPN-2024"), who="ana", now=now)
        rows = fulfilment(ls.entries_as_of(s), "UKR-JPN-2024", "USD")
        assert rows[0]["commitment"] == "PLEDGE"
        assert rows[0]["delivered_usd"] == pytest.approx(1.0e9)
        assert rows[0]["gap_usd"] == pytest.approx(3.5e9)
        assert rows[0]["delivered_pct"] == pytest.approx(22.2)
        assert rows[1]["commitment"] == "(not linked to a commitment)" and rows[1]["allocated_usd"] == 2.0e8
        link(s, loose, "PLEDGE", who="ana", now=now + timedelta(minutes=1))
        rows = fulfilment(ls.entries_as_of(s), "UKR-JPN-2024", "USD")
        assert len(rows) == 1 and rows[0]["allocated_usd"] == pytest.approx(2.0e8)
        manual = next(e for e in ls.entries_as_of(s) if e.id == eid)
        assert manual.sources == ("https://mofa.example/x",)


def test_materialized_ledger_refreshes_when_statements_change(tmp_path: Path) -> None:
    with session_scope(store(tmp_path)) as s:
        add(s, commitment("A", source="https://a", **BASE, status="pledged", amount=100.0))
        assert ls.ensure_fresh(s, T0) is True
        assert ls.ensure_fresh(s, T0) is False
        add(s, commitment("B", source="https://b", **BASE, status="pledged", amount=500.0))
        assert ls.ensure_fresh(s, T0) is True
        assert {e.id for e in ls.load_entries(s)} == {"A", "B"}
        # Totals never list the bookkeeping row, under any dimension.
        assert all(t.key != ls.RULES_VERSION for by in lt.DIMENSIONS for t in lt.totals_rollup(s, by))


def test_a_parent_reported_as_the_same_money_merges_and_running_totals_are_suggested(tmp_path: Path) -> None:
    from accords.analyze.ledger_report import possible_parts

    with session_scope(store(tmp_path)) as s:
        # Dec 2023: USD 4.5bn for 2024; June 2024: the accord restates it and names it as parent.
        add(s, commitment("DEC", source="https://d", **BASE, status="pledged", amount=4.5e9, date="2023-12-06"),
            commitment("ACC", source="https://a", **BASE, status="pledged", amount=4.5e9, date="2024-06-13",
                       agreement="UKR-JPN-2024", parent="DEC", part_of_previous=True),
            commitment("CUM1", source="https://c", **{**BASE, "period": "2022-02/2023-04"}, status="pledged",
                       amount=7.6e9),
            commitment("CUM2", source="https://c", **{**BASE, "period": "2022-02/2024-06"}, status="pledged",
                       amount=12.1e9))
        entries = ls.entries_as_of(s)
        merged = next(e for e in entries if "ACC" in e.members)
        assert merged.members == ("ACC", "DEC") and merged.parent is None and merged.counted
        assert merged.agreement == "UKR-JPN-2024"
        assert [(r["part"], r["whole"]) for r in possible_parts(entries)] == [("CUM1", "CUM2")]
        link(s, "CUM1", "CUM2", who="ana", now=T0 + timedelta(hours=1))
        entries = ls.entries_as_of(s)
        assert possible_parts(entries) == []
        pledged = sum(t.amount for t in lt.totals(entries, "stage", "USD") if t.key == "pledged")
        assert pledged == pytest.approx(4.5e9 + 12.1e9)


def test_a_merged_pair_keeps_the_running_total_one_of_them_belongs_to(tmp_path: Path) -> None:
    with session_scope(store(tmp_path)) as s:
        # DEC sits inside the June running total; ACC restates DEC (same money) and names DEC as parent.
        add(s, commitment("CUM", source="https://c", **{**BASE, "period": "2022-02/2024-06"}, status="pledged",
                          amount=12.1e9),
            commitment("DEC", source="https://d", **BASE, status="pledged", amount=4.5e9, date="2023-12-06",
                       parent="CUM"),
            commitment("ACC", source="https://a", **BASE, status="pledged", amount=4.5e9, date="2024-06-13",
                       agreement="UKR-JPN-2024", parent="DEC"))
        entries = ls.entries_as_of(s)
        merged = next(e for e in entries if "ACC" in e.members)
        assert merged.members == ("ACC", "DEC") and merged.parent == "CUM" and not merged.counted
        pledged = sum(t.amount for t in lt.totals(entries, "stage", "USD") if t.key == "pledged")
        assert pledged == pytest.approx(12.1e9)
