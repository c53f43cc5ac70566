"""The store commands, run in-process against a real SQLite file; error paths give one line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "briefing_nordic_accords.md"


def one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ") and "Traceback" not in err
    return lines[0]


def test_init_creates_the_store(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("init", "--no-dataset")
    assert code == 0 and "store ready" in out
    assert (tmp_path / "accords.db").exists()


def test_ingest_then_duplicate_is_a_no_op(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli("ingest", str(SAMPLE), "--published", "2024-07-01")
    assert code == 0, err
    assert "stored as D-" in out
    code, docs_json, _ = cli("list", "documents", "--format", "json")
    first = json.loads(docs_json)
    assert len(first) == 1
    code, out, _ = cli("ingest", str(SAMPLE), "--published", "2024-07-01")
    assert code == 0 and "nothing added" in out
    assert json.loads(cli("list", "documents", "--format", "json")[1]) == first


def test_review_accept_shows_in_views_and_history(cli) -> None:  # type: ignore[no-untyped-def]
    cli("ingest", str(SAMPLE), "--published", "2024-07-01")
    cands = json.loads(cli("list", "candidates", "--format", "json")[1])
    assert cands, "the sample produced no candidates"
    target = next(c for c in cands if c["prop"] == "parties")
    code, out, _ = cli("review", "accept", target["id"], "--why", "read it")
    assert code == 0 and "1 statement(s) accepted" in out
    rows = json.loads(cli("list", "agreements", "--format", "json")[1])
    assert target["entity"] in {r["id"] for r in rows}
    hist = json.loads(cli("history", target["id"], "--format", "json")[1])
    assert [h["to"] for h in hist] == ["candidate", "accepted"] and hist[1]["why"] == "read it"
    # as of before the review, the agreement does not exist yet
    assert json.loads(cli("--as-of", "2000-01-01", "list", "agreements", "--format", "json")[1]) == []


def test_correct_rejects_the_old_value_and_keeps_both(cli) -> None:  # type: ignore[no-untyped-def]
    cli("ingest", str(SAMPLE), "--published", "2024-07-01")
    cands = json.loads(cli("list", "candidates", "--format", "json")[1])
    target = cands[0]
    code, _, err = cli("review", "correct", target["id"], "42", "--why", "typo")
    assert code == 0, err
    shown = json.loads(cli("show", target["entity"], "--format", "json")[1])
    values = {s["value"] for s in shown["statements"]}
    assert 42 in values
    old = json.loads(cli("show", target["id"], "--format", "json")[1])
    assert old["status"] == "rejected" and "corrected by" in old["history"][-1]["why"]


def test_csv_output(cli) -> None:  # type: ignore[no-untyped-def]
    cli("ingest", str(SAMPLE), "--published", "2024-07-01")
    code, out, _ = cli("list", "candidates", "--format", "csv")
    assert code == 0 and out.splitlines()[0] == "id,entity,prop,value,source,quote"


@pytest.mark.parametrize("args,needle", [
    (("ingest", "/no/such/file.txt"), "no such file"),
    (("ingest", str(SAMPLE), "--published", "2024-02-31"), "bad --published"),
    (("--as-of", "31.12.2024", "list", "agreements"), "bad --as-of"),
    (("show", "UKR-XXX-1999"), "nothing with id"),
    (("review", "accept", "deadbeef"), "no statement"),
])
def test_error_paths_give_one_line_and_non_zero_exit(cli, args, needle) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli(*args)
    assert code != 0
    assert needle in one_line_error(err)


def test_a_folder_and_an_unreadable_file_are_refused(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli("ingest", str(tmp_path))
    assert code != 0 and "folder" in one_line_error(err)
    locked = tmp_path / "locked.txt"
    locked.write_text("Japan pledged $1 billion.")
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # root reads anything; a FIFO-free stand-in is a dangling link
        locked.chmod(0o644)
        locked.unlink()
        locked.symlink_to(tmp_path / "gone.txt")
    code, _, err = cli("ingest", str(locked))
    assert code != 0
    one_line_error(err)
    code, out, _ = cli("list", "documents", "--format", "json")
    assert json.loads(out) == []
