"""Engines, sessions and schema migrations.

``connect`` brings the schema to the newest Alembic revision before handing out an engine,
so every face works on a current store without a separate migrate step.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from accords.errors import StoreError
from accords.settings import Settings


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    # Foreign keys are off by default in SQLite; WAL lets readers work during an ingest.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url`` without touching the schema."""
    try:
        engine = create_engine(url, future=True)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"cannot open store {url!r}: {exc}",
                         "check ACCORDS_DATABASE_URL (e.g. sqlite:///accords.db)") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(url: str) -> object:
    from alembic.config import Config

    cfg = Config()
    script_dir = resources.files("accords.store").joinpath("migrations")
    cfg.set_main_option("script_location", str(script_dir))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the newest revision (idempotent)."""
    from alembic import command

    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn  # type: ignore[attr-defined]
            command.upgrade(cfg, "heads")  # type: ignore[arg-type]
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot migrate the store: {exc.__class__.__name__}: {exc}".splitlines()[0],
                         "is the file writable and not a different database? run `accords init`") from None


def connect(settings: Settings, *, migrate_schema: bool = True) -> Engine:
    """An engine on the configured store, its schema upgraded to the newest revision."""
    path = settings.sqlite_path()
    if path is not None and path.parent and not path.parent.exists():
        raise StoreError(f"folder {str(path.parent)!r} of the store does not exist",
                         "create it or set ACCORDS_DATABASE_URL to a writable path")
    engine = make_engine(settings.database_url)
    if migrate_schema:
        migrate(engine)
    return engine


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back whole on any error."""
    session = Session(engine, future=True, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()

