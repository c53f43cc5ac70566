"""Store commands: init, ingest, list, show, review, history."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from accords import services
from accords.cli.common import (
    Format,
    as_of_option,
    console,
    format_option,
    now,
    open_session,
    open_store,
    parse_date,
    render,
    render_json,
    resolve_as_of,
    state,
    transaction,
)
from accords.errors import AccordsError
from accords.ingest import extract_file, ingest_extraction


class Kind(StrEnum):
    agreements = "agreements"
    commitments = "commitments"
    provisions = "provisions"
    people = "people"
    events = "events"
    channels = "channels"
    documents = "documents"
    candidates = "candidates"


COLUMNS = {
    "agreements": ["id", "parties", "date_signed", "duration_years", "consultation_hours", "military_scope",
                   "commitments", "conflicts"],
    "commitments": ["id", "donor", "recipient", "amount", "currency", "status", "period", "category", "agreement"],
    "candidates": ["id", "entity", "prop", "value", "source", "quote"],
    "documents": ["id", "title", "media_type", "published", "size", "statements", "recorded_at"],
}


def _read_stdin(published: date | None, limit: int) -> object:
    from accords.extract.pipeline import extract_bytes

    return extract_bytes(sys.stdin.buffer.read(), filename=None, published=published, limit=limit)


def register(app: typer.Typer) -> None:
    review_app = typer.Typer(help="Accept, reject or correct candidate statements.", no_args_is_help=True)
    app.add_typer(review_app, name="review")

    @app.command()
    def init(ctx: typer.Context,
             dataset: bool = typer.Option(True, "--dataset/--no-dataset",
                                          help="Load the shipped reference dataset.")) -> None:
        """Create (or upgrade) the store and load the reference dataset."""
        st_ = state(ctx)
        out = console()
        with open_session(st_) as session:
            report = services.load_dataset(session, who=st_.settings.user, now=now()) if dataset else None
        out.print(f"store ready: [bold]{st_.settings.database_url}[/bold]")
        if report is not None:
            out.print("reference dataset: " + ", ".join(f"{k}={v}" for k, v in report.items()
                                                        if not isinstance(v, dict | list)))
        elif dataset:
            out.print("[yellow]no reference dataset in this build[/yellow]")

    @app.command()
    def ingest(ctx: typer.Context,
               paths: list[Path] = typer.Argument(..., help="Files (txt, md, html, pdf, docx); - is stdin."),
               published: Optional[str] = typer.Option(  # noqa: UP045
                   None, "--published", help="Publication date YYYY-MM-DD (resolves relative dates)."),
               url: Optional[str] = typer.Option(None, "--url", help="Where the document came from."),  # noqa: UP045
               ) -> None:
        """Extract candidate facts from documents and store them (each document whole or not at all)."""
        st_ = state(ctx)
        pub = parse_date(published, "--published") if published else None
        out, err = console(), console(stderr=True)
        failures = 0
        with open_store(st_) as engine, \
                Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                         console=err, transient=True, disable=len(paths) < 2) as progress:
            task = progress.add_task("ingesting", total=len(paths))
            limit = st_.settings.max_document_bytes
            for path in paths:
                progress.update(task, description=f"ingesting {path.name}")
                try:
                    extraction = _read_stdin(pub, limit) if str(path) == "-" else extract_file(path, pub, limit=limit)
                    with transaction(engine) as session:  # (each document whole or not at all)
                        report = ingest_extraction(session, extraction, who=st_.settings.user, now=now(), url=url)
                except AccordsError as exc:
                    if len(paths) == 1:
                        raise
                    failures += 1
                    err.print(f"error: {path}: {exc}", highlight=False, markup=False)
                else:
                    if report.created:
                        out.print(f"{path}: stored as {report.document_id} with {report.statements} candidate "
                                  f"statements; review them with `accords list candidates`")
                    else:
                        out.print(f"{path}: already stored as {report.document_id}; nothing added")
                progress.advance(task)
        if failures:
            raise typer.Exit(2)

    @app.command("list")
    def list_(ctx: typer.Context, kind: Kind = typer.Argument(..., help="What to list."),
              fmt: Format = format_option(),
              as_of: Optional[str] = as_of_option(),  # noqa: UP045
              ) -> None:
        """List agreements, commitments, provisions, people, events, channels, documents or candidates."""
        st_ = state(ctx)
        when = resolve_as_of(st_, as_of)
        with open_session(st_) as session:
            rows = services.list_rows(session, kind.value, when)
        render(rows, fmt, COLUMNS.get(kind.value), title=f"{kind.value}" + (f" as of {when:%Y-%m-%d %H:%M}"
                                                                            if when else ""))

    @app.command()
    def show(ctx: typer.Context, ident: str = typer.Argument(..., metavar="ID"),
             fmt: Format = format_option(),
             as_of: Optional[str] = as_of_option(),  # noqa: UP045
             ) -> None:
        """Show an agreement, commitment, person, document or statement with every fact and its source."""
        st_ = state(ctx)
        with open_session(st_) as session:
            data = services.show(session, ident, resolve_as_of(st_, as_of))
        if fmt == Format.json:
            render_json(data)
            return
        out = console()
        out.print(f"[bold]{data['id']}[/bold] ({data['kind']})")
        for key, value in data.items():
            if key not in ("id", "kind", "statements", "props", "history", "conflicts") and value not in (None, ""):
                out.print(f"  {key}: {value}", highlight=False)
        for prop, values in (data.get("props") or {}).items():
            out.print(f"  {prop}: {', '.join(str(v) for v in values)}", highlight=False)
        if data.get("conflicts"):
            out.print(f"  [yellow]conflicting sources on: {', '.join(data['conflicts'])}[/yellow]")
        if data.get("statements"):
            render(data["statements"], fmt, ["id", "prop", "value", "status", "source", "source_url", "quote"],
                   title="statements and sources")
        if data.get("history"):
            render(data["history"], fmt, title="history")

    @app.command()
    def history(ctx: typer.Context, ident: str = typer.Argument(..., metavar="ID"),
                fmt: Format = format_option()) -> None:
        """Every review transition of a statement, or of all statements of an entity."""
        from accords.store import statements as st
        from accords.store import views

        st_ = state(ctx)
        with open_session(st_) as session:
            try:
                sids = [s.id for s in views.entity(session, ident).statements]
                sids += [s.id for s in st.find(session, entity_id=ident, status=("rejected", "superseded"))]
            except AccordsError:
                sids = [ident]
            rows: list[dict[str, Any]] = [
                {"statement": t.statement_id, "from": t.from_status, "to": t.to_status, "who": t.who,
                 "at": t.at, "why": t.why}
                for sid in sids for t in st.history(session, sid)]
        rows.sort(key=lambda r: r["at"])
        render(rows, fmt, ["at", "statement", "from", "to", "who", "why"], title=f"history of {ident}")

    def _review(ctx: typer.Context, ids: list[str], document: str | None, to: str, why: str | None) -> None:
        st_ = state(ctx)
        with open_session(st_) as session:
            n = services.review_many(session, ids, to, who=st_.settings.user, now=now(), why=why)
            if document:
                n += services.review_document(session, document, to, who=st_.settings.user, now=now(), why=why)
        console().print(f"{n} statement(s) {to}")

    @review_app.command("accept")
    def accept(ctx: typer.Context, ids: list[str] = typer.Argument(None, metavar="ID..."),
               document: Optional[str] = typer.Option(None, "--document", help="All candidates of a document."),  # noqa: UP045
               why: Optional[str] = typer.Option(None, "--why")) -> None:  # noqa: UP045
        """Accept candidate statements."""
        _review(ctx, ids or [], document, "accepted", why)

    @review_app.command("reject")
    def reject(ctx: typer.Context, ids: list[str] = typer.Argument(None, metavar="ID..."),
               document: Optional[str] = typer.Option(None, "--document", help="All candidates of a document."),  # noqa: UP045
               why: Optional[str] = typer.Option(None, "--why")) -> None:  # noqa: UP045
        """Reject statements (they stay in the store and in history)."""
        _review(ctx, ids or [], document, "rejected", why)

    @review_app.command("correct")
    def correct(ctx: typer.Context, ident: str = typer.Argument(..., metavar="ID"),
                value: str = typer.Argument(..., help="The right value."),
                why: Optional[str] = typer.Option(None, "--why")) -> None:  # noqa: UP045
        """Correct a statement: the old value is rejected, yours is recorded and accepted."""
        st_ = state(ctx)
        with open_session(st_) as session:
            new = services.correct(session, ident, services.parse_value(value), who=st_.settings.user,
                                   now=now(), why=why)
        console().print(f"recorded {new.id} ({new.prop} = {new.value!r}); {ident} rejected")
