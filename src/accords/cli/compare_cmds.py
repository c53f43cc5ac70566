"""`accords compare` and `accords codebook`: thin faces over accords.analyze.compare."""

from __future__ import annotations

import io
import sys
from enum import StrEnum
from pathlib import Path
from typing import Optional

import typer

from accords.cli.common import Format, as_of_option, console, format_option, open_session, render, resolve_as_of, state
from accords.errors import InputError


class CompareFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    html = "html"


def _write(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror}", "choose a writable --out path") from None
    console(stderr=True).print(f"wrote {out}")


def _table(cmp: object, all_codes: bool) -> str:
    from rich.console import Console
    from rich.table import Table

    from accords.analyze.compare import Comparison
    from accords.analyze.compare_render import visible_codes

    assert isinstance(cmp, Comparison)
    out = Console(record=True, width=max(100, 24 + 16 * len(cmp.agreements)), file=io.StringIO())
    out.print(cmp.paragraph, soft_wrap=False)
    table = Table(show_lines=False)
    table.add_column("provision")
    for a in cmp.agreements:
        table.add_column(cmp.labels[a], overflow="fold")
    colours = {"present": "green", "value": "cyan", "absent": "red", "conflict": "yellow", "unknown": "dim"}
    by_id = {c.id: c for c in cmp.codes}
    for cid in visible_codes(cmp, all_codes):
        cells = [cmp.cells[(a, cid)] for a in cmp.agreements]
        table.add_row(by_id[cid].label, *[f"[{colours[c.state]}]{c.display}[/]" for c in cells])
    out.print(table)
    sims = Table(title="similarity (agreement rate over codes known in both; Jaccard of present)")
    for col in ("a", "b", "rate", "jaccard", "agree/known"):
        sims.add_column(col)
    for p in cmp.pairs:
        sims.add_row(cmp.labels[p.a], cmp.labels[p.b], "" if p.score is None else f"{p.score:.2f}",
                     "" if p.jaccard is None else f"{p.jaccard:.2f}", f"{p.agree}/{p.known_both}")
    out.print(sims)
    for a, ds in cmp.distinctive.items():
        if ds:
            out.print(f"[bold]{cmp.labels[a]}[/bold] distinctive: "
                      + "; ".join(f"{d.code} {d.kind} ({d.cell.display})" for d in ds))
    return out.export_text(styles=sys.stdout.isatty())


def register(app: typer.Typer) -> None:
    """Add `compare` and `codebook` to the root app."""

    @app.command("compare")
    def compare_cmd(
        ctx: typer.Context,
        agreements: Optional[list[str]] = typer.Argument(  # noqa: UP045 - typer needs Optional
            None, help="Agreements by id (UKR-JPN-2024), ISO3 (JPN) or name (Japan); none = all."),
        pillar: Optional[str] = typer.Option(None, "--pillar", "-p", help="Only codes of this pillar."),  # noqa: UP045
        fmt: CompareFormat = typer.Option(CompareFormat.table, "--format", "-f", case_sensitive=False,
                                          help="table, csv, json or html (a self-contained page)."),
        out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write to this file."),  # noqa: UP045
        as_of: Optional[str] = as_of_option(),  # noqa: UP045
        include_candidates: bool = typer.Option(
            False, "--include-candidates", help="Also count unreviewed (candidate) statements."),
        all_codes: bool = typer.Option(False, "--all-codes", help="Show codes unknown everywhere too."),
    ) -> None:
        """Compare agreements provision by provision: matrix, similarity, distinctive provisions."""
        from accords.analyze import compare_render
        from accords.analyze.compare import compare_from_store

        st = state(ctx)
        when = resolve_as_of(st, as_of)
        with open_session(st) as session:
            cmp = compare_from_store(session, list(agreements or []), pillar=pillar, as_of=when,
                                     include_candidates=include_candidates)
        if len(cmp.agreements) < 2:
            raise InputError("need at least two agreements to compare",
                             "name two or more, or load the reference dataset first")
        if fmt == CompareFormat.json:
            text = compare_render.to_json(cmp, all_codes)
        elif fmt == CompareFormat.csv:
            text = compare_render.to_csv(cmp, all_codes)
        elif fmt == CompareFormat.html:
            text = compare_render.to_html(cmp, all_codes)
        else:
            text = _table(cmp, all_codes)
        _write(text, out)

    @app.command("codebook")
    def codebook_cmd(
        pillar: Optional[str] = typer.Option(None, "--pillar", "-p", help="Only codes of this pillar."),  # noqa: UP045
        fmt: Format = format_option(),
    ) -> None:
        """List the provision codes of the codebook."""
        from accords.codebook import load_codebook

        cb = load_codebook()
        rows = [{"id": c.id, "pillar": c.pillar, "label": c.label,
                 "value": c.value_type + (f" ({c.unit})" if c.unit else ""), "definition": c.definition}
                for c in cb.in_pillar(pillar)]
        render(rows, fmt, ["id", "pillar", "label", "value", "definition"],
               title=f"codebook {cb.version} ({len(rows)} codes)")
