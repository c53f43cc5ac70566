"""Dataset and export commands: dataset validate|load|info|schema|import, and export."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from accords.cli.common import console, now, open_session, resolve_as_of, state


class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"
    json = "json"
    parquet = "parquet"


def register(app: typer.Typer) -> None:
    ds = typer.Typer(help="The shipped reference dataset: validate, load, describe.", no_args_is_help=True)
    app.add_typer(ds, name="dataset")

    @ds.command("validate")
    def validate_cmd(path: Optional[Path] = typer.Argument(  # noqa: UP045 - typer needs Optional
            None, help="Dataset directory (default: the shipped one).")) -> None:
        """Check schema, ISO codes, dates, currencies, references and sources; one line per problem."""
        from accords.dataset import info, validate

        problems = validate(path)
        if problems:
            for line in problems:
                typer.echo(line)
            console(stderr=True).print(f"[red]{len(problems)} problem(s)[/red]")
            raise typer.Exit(7)
        about = info(path)
        typer.echo(f"ok: {about.name}@{about.version}: {sum(about.records.values())} records, "
                   f"{about.facts} facts, {about.sources} source URLs")

    @ds.command("load")
    def load_cmd(ctx: typer.Context, path: Optional[Path] = typer.Argument(  # noqa: UP045
            None, help="Dataset directory (default: the shipped one).")) -> None:
        """Load the dataset into the store (idempotent; a newer version supersedes the older)."""
        from accords.dataset import load_reference

        st_ = state(ctx)
        with Progress(TextColumn("loading {task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=console(stderr=True), transient=True) as progress:
            task = progress.add_task("statements", total=None)

            def tick(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            with open_session(st_) as session:
                report = load_reference(session, who=st_.settings.user, now=now(), data_dir=path, progress=tick)
        out = console()
        out.print(f"{report.dataset}@{report.version}: {report.statements} statements, {report.added} new, "
                  f"{report.superseded} superseded")
        out.print("entities: " + ", ".join(f"{k}={v}" for k, v in report.entities.items()))

    @ds.command("info")
    def info_cmd(ctx: typer.Context, path: Optional[Path] = typer.Argument(  # noqa: UP045
            None, help="Dataset directory (default: the shipped one)."),
            store: bool = typer.Option(True, "--store/--no-store",
                                       help="Also say which versions the store holds.")) -> None:
        """Version, records per file, facts, sources and access dates (and what the store holds)."""
        from accords.dataset import info

        about = info(path)
        out = console()
        out.print(f"[bold]{about.name}[/bold] version {about.version}  ({about.path})")
        for key, n in about.records.items():
            out.print(f"  {key:<13} {n:>5} records")
        out.print(f"  facts {about.facts}, distinct source URLs {about.sources}")
        out.print(f"  sources accessed: {', '.join(about.accessed) or 'unknown'}")
        st_ = state(ctx)
        path_ = st_.settings.sqlite_path()
        if store and (path_ is None or path_.exists()):
            from accords.dataset.store_info import loaded_versions

            with open_session(st_) as session:
                rows = loaded_versions(session, about.name)
            if not rows:
                out.print("  store: not loaded (run `accords dataset load`)")
            for method, counts in rows.items():
                out.print(f"  store: {method}: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))

    @ds.command("schema")
    def schema_cmd(out_dir: Path = typer.Argument(..., help="Directory for the JSON Schema files.")) -> None:
        """Write a JSON Schema for each dataset file."""
        from accords.dataset.schema import FILES, json_schema_text

        out_dir.mkdir(parents=True, exist_ok=True)
        for spec in FILES:
            (out_dir / spec.file.replace(".yaml", ".schema.json")).write_text(json_schema_text(spec), "utf-8")
        typer.echo(f"wrote {len(FILES)} schemas to {out_dir}")

    @app.command("export")
    def export_cmd(ctx: typer.Context,
                   out: Path = typer.Argument(..., help="Directory (csv, json, parquet) or .xlsx file."),
                   fmt: ExportFormat = typer.Option(ExportFormat.csv, "--format", "-f", case_sensitive=False,
                                                    help="Output format."),
                   as_of: Optional[str] = typer.Option(  # noqa: UP045
                       None, "--as-of", help="Export the store as it was at this date or ISO time.")) -> None:
        """Export one table per entity kind plus statements, with a Frictionless datapackage.json."""
        from accords.export import export

        st_ = state(ctx)
        when = resolve_as_of(st_, as_of)
        with open_session(st_) as session:
            files = export(session, fmt.value, out, now=now(), as_of=when)
        console().print(f"wrote {len(files)} files; descriptor: {files[-1]}")

    @ds.command("import")
    def import_cmd(ctx: typer.Context,
                   path: Path = typer.Argument(..., help="An export directory or .xlsx file.")) -> None:
        """Read the statements (and documents) of an export into the store; existing ones are skipped."""
        from accords.export import import_export

        st_ = state(ctx)
        with open_session(st_) as session:
            added, added_docs = import_export(session, path, who=st_.settings.user, now=now())
        console().print(f"{added} statements and {added_docs} documents added")
