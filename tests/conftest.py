"""Shared fixtures: a fresh SQLite store per test, the CLI run in-process, fixed clocks."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from accords.settings import Settings, get_settings
from accords.store.db import connect, session_scope

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "corpus" / "000_e695dc1c15014f9b.txt"
SEED_GOLD = SHARED / "corpus" / "000_e695dc1c15014f9b.gold.json"

DAY1 = datetime(2024, 7, 1, 9, 0, tzinfo=UTC)
DAY2 = datetime(2024, 7, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/accords.db"


@pytest.fixture
def settings(db_url: str) -> Settings:
    return get_settings(database_url=db_url)


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    eng = connect(settings)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with session_scope(engine) as s:
        yield s


@pytest.fixture
def cli(db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run ``accords ARGS`` in-process against the test's store: returns (exit code, stdout, stderr)."""
    from accords.cli.main import run

    monkeypatch.setenv("ACCORDS_DATABASE_URL", db_url)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("ACCORDS_DEBUG", raising=False)

    def invoke(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            run(list(args))
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0) if not isinstance(exc.code, str) else 1
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def need_seed() -> Path:
    if not SEED.exists():
        pytest.skip("the seed brief in ../shared/corpus is not available")
    return SEED


@pytest.fixture(autouse=True)
def _no_stray_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(os.environ):
        if key.startswith("ACCORDS_") and key not in {"ACCORDS_REGEN_GOLDEN", "ACCORDS_EXPECT_COMPILED"}:
            monkeypatch.delenv(key, raising=False)
