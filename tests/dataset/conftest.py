"""A store with the shipped dataset loaded once per session and copied for each test that needs it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from accords.dataset import load_reference
from accords.settings import get_settings
from accords.store.db import connect, session_scope

LOADED = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def loaded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "loaded.db"
    engine = connect(get_settings(database_url=f"sqlite:///{path}"))
    with session_scope(engine) as s:
        load_reference(s, who="test", now=LOADED)
    engine.dispose()  # closes the WAL so the file alone holds everything
    return path


@pytest.fixture
def loaded(loaded_template: Path, tmp_path: Path) -> Iterator[Session]:
    path = tmp_path / "loaded.db"
    shutil.copy(loaded_template, path)
    engine = connect(get_settings(database_url=f"sqlite:///{path}"))
    with session_scope(engine) as s:
        yield s
    engine.dispose()
