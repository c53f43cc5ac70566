"""``accords extract FILE|- [--published YYYY-MM-DD] [--format json|table]``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from accords.cli.common import Format, console, parse_date, state


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""

    @app.command("extract")
    def extract(
        ctx: typer.Context,
        file: str = typer.Argument(..., help="A .txt, .md, .html, .pdf or .docx document; '-' reads stdin."),
        published: str | None = typer.Option(
            None, "--published", help="Publication date (YYYY-MM-DD) that relative dates are resolved against."),
        fmt: Format = typer.Option(Format.json, "--format", "-f", help="json (the extraction object) or table.",
                                   case_sensitive=False),
    ) -> None:
        """Extract candidate facts from one document, each with its exact passage."""
        from accords.extract.load import check_size
        from accords.extract.pipeline import extract_bytes, extract_path

        limit = state(ctx).settings.max_document_bytes
        when = parse_date(published, "--published") if published else None
        if file == "-":
            data = sys.stdin.buffer.read(limit + 1)
            check_size(len(data), limit)
            result = extract_bytes(data, None, when, limit=limit)
        else:
            result = extract_path(Path(file), when, limit=limit)
        if fmt == Format.table:
            _tables(result.data)
        else:
            sys.stdout.flush()  # (bytes go under the text layer: anything it holds goes first)
            sys.stdout.buffer.write(result.to_json(indent=True) + b"\n")


_COLUMNS: dict[str, tuple[str, ...]] = {
    "agreements": ("parties", "date_signed", "place", "duration_years", "mentioned_only", "title"),
    "commitments": ("donor", "amount", "currency", "status", "period", "category", "part_of_previous"),
    "consultation_hours": ("parties", "hours", "trigger"),
    "military_scope": ("donor", "scope", "quote"),
    "people": ("name", "role"),
    "events": ("date", "what"),
    "channels": ("name", "quote"),
    "provisions": ("agreement", "code", "value"),
}


def _tables(data: dict[str, Any]) -> None:
    from rich.table import Table

    out = console()
    doc = data.get("document", {})
    head = Table(title="document", show_header=False)
    for key, value in doc.items():
        head.add_row(key, _cell(value))
    out.print(head)
    for key, columns in _COLUMNS.items():
        items = data.get(key) or []
        table = Table(title=f"{key} ({len(items)})")
        for c in (*columns, "span"):
            table.add_column(c, overflow="fold")
        for item in items:
            table.add_row(*[_cell(item.get(c)) for c in (*columns, "span")])
        out.print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:,.0f}"
    return str(value)
