"""The ``accords`` command: builds the Typer app from the command modules and maps errors.

Each module in ``COMMAND_MODULES`` exposes ``register(app)``; adding a command group is adding
a module name here. Errors that accords raises on purpose become one line on stderr and the
error's exit code; anything else is reported as an internal error without a traceback unless
``ACCORDS_DEBUG=1``.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from typing import Optional

import typer

from accords import __version__
from accords.cli.common import State, parse_when
from accords.errors import AccordsError

COMMAND_MODULES = (
    "store_cmds",
    "eval_cmds",
    "extract_cmds",
    "dataset_cmds",
    "compare_cmds",
    "ledger_cmds",
    "operate_cmds",
    "timeline_cmds",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"accords {__version__}")
        raise typer.Exit()


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="accords",
        help="Security agreements and support pledges as source-linked, comparable, operable data.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=False,
    )

    @app.callback()
    def root(
        ctx: typer.Context,
        as_of: Optional[str] = typer.Option(  # noqa: UP045 - typer needs Optional on 3.11
            None, "--as-of", help="Reading commands show the store as it was at this date or time."
        ),
        version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                     help="Print the version and exit."),
    ) -> None:
        ctx.obj = State(as_of=parse_when(as_of, "--as-of") if as_of else None)

    for name in COMMAND_MODULES:
        module = importlib.import_module(f"accords.cli.{name}")
        module.register(app)
    return app


def _fail(message: str, code: int) -> None:
    sys.stderr.write(f"error: {message}\n")
    sys.exit(code)


def _quiet_libraries() -> None:
    # Parsers such as pypdf log warnings ("EOF marker not found") on their own; the CLI
    # reports every failure as one line, so their chatter stays out of stderr.
    for name in ("pypdf", "pypdfium2", "docx", "charset_normalizer", "alembic", "matplotlib", "fontTools"):
        logging.getLogger(name).setLevel(logging.ERROR)


def run(argv: list[str] | None = None) -> None:
    """Entry point of the console script."""
    _quiet_libraries()
    app = build_app()
    try:
        # standalone mode: Typer itself reports usage errors and exits with their codes.
        app(args=argv, prog_name="accords", standalone_mode=True)
    except AccordsError as exc:
        _fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        _fail("interrupted; nothing half-written was kept", 130)
    except Exception as exc:
        if os.environ.get("ACCORDS_DEBUG"):
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} "
              "(rerun with ACCORDS_DEBUG=1 for the traceback and report it)", 70)


if __name__ == "__main__":
    run()
