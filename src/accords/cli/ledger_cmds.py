"""`accords ledger ...` (totals, entries, fulfilment, add, merge, split, link) and `accords chart`.

Reading commands refresh the materialized ledger when statements changed since it was built;
with --as-of they rebuild the ledger from the statements as they stood then (slower, exact).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Optional

import typer

from accords.cli.common import (
    Format,
    as_of_option,
    console,
    format_option,
    now,
    open_session,
    render,
    resolve_as_of,
    state,
)

RULES = ("Converted at the ECB reference rate of each entry's date (latest fixing on or before it; "
         "a month, year or period uses its mid-point). Parts of a larger commitment are not added to it; "
         "stages are never summed together.")


class By(StrEnum):
    donor = "donor"
    category = "category"
    stage = "stage"
    year = "year"
    channel = "channel"
    agreement = "agreement"


class Stage(StrEnum):
    pledged = "pledged"
    allocated = "allocated"
    delivered = "delivered"
    expected = "expected"


def _entries(session: Any, as_of: datetime | None) -> list[Any]:
    from accords.analyze import ledger_store

    if as_of is not None:
        return ledger_store.entries_as_of(session, as_of)
    ledger_store.ensure_fresh(session, now())
    return ledger_store.load_entries(session)


def _note(fmt: Format, text: str) -> None:
    if fmt == Format.table:
        console(stderr=True).print(f"[dim]{text}[/dim]")


def register(app: typer.Typer) -> None:
    """Add `ledger` (a group) and `chart` to the root app."""
    ledger = typer.Typer(help="Pledged, allocated and delivered support, in one currency.",
                         invoke_without_command=True, no_args_is_help=False)
    app.add_typer(ledger, name="ledger")

    @ledger.callback(invoke_without_command=True)
    def totals_cmd(
        ctx: typer.Context,
        by: By = typer.Option(By.donor, "--by", help="Group totals by this dimension."),
        currency: str = typer.Option("EUR", "--currency", help="EUR or USD."),
        stage: Optional[Stage] = typer.Option(None, "--stage", help="Only this stage."),  # noqa: UP045
        as_of: Optional[str] = as_of_option(),  # noqa: UP045
        fmt: Format = format_option(),
    ) -> None:
        """Totals per stage, grouped by donor, category, stage, year, channel or agreement."""
        if ctx.invoked_subcommand:
            return
        from accords.analyze import fx, ledger_store
        from accords.analyze import ledger_totals as lt
        from accords.analyze.ledger_report import total_rows

        cur = fx.check_target(currency)
        when = resolve_as_of(state(ctx), as_of)
        stage_name = stage.value if stage else None
        with open_session(state(ctx)) as session:
            if when is not None:
                entries = ledger_store.entries_as_of(session, when)
                rows = lt.totals(entries, by.value, cur, stage_name)
                usd = lt.totals(entries, by.value, "USD", stage_name)
            else:
                ledger_store.ensure_fresh(session, now())
                rows = lt.totals_rollup(session, by.value, cur, stage_name)
                usd = lt.totals_rollup(session, by.value, "USD", stage_name)
        out = total_rows(rows, by.value, cur, usd)
        render(out, fmt, title=f"Ledger by {by.value}, {cur}" + (f" as of {when:%Y-%m-%d %H:%M}" if when else ""))
        _note(fmt, RULES + (" GDP shares: World Bank 2023 GDP, current US$ (USD totals)." if by == By.donor else ""))

    @ledger.command("entries")
    def entries_cmd(
        ctx: typer.Context,
        currency: str = typer.Option("EUR", "--currency", help="EUR or USD."),
        stage: Optional[Stage] = typer.Option(None, "--stage", help="Only this stage."),  # noqa: UP045
        donor: Optional[str] = typer.Option(None, "--donor", help="Only this donor (ISO3)."),  # noqa: UP045
        as_of: Optional[str] = as_of_option(),  # noqa: UP045
        fmt: Format = format_option(),
    ) -> None:
        """Every ledger entry with its reported and converted amount, rate, rate date and sources."""
        from accords.analyze import fx
        from accords.analyze.ledger_report import entry_rows

        cur = fx.check_target(currency)
        with open_session(state(ctx)) as session:
            entries = _entries(session, resolve_as_of(state(ctx), as_of))
        entries = [e for e in entries if (not stage or e.stage == stage.value)
                   and (not donor or e.donor == donor.upper())]
        rows = entry_rows(entries, cur)
        cols = None if fmt != Format.table else ["id", "donor", "stage", "counted", "amount", "currency",
                                                  f"amount_{cur.lower()}", "rate", "ecb_rate_date", "date",
                                                  "period", "category", "agreement", "parent", "n_sources"]
        render(rows, fmt, cols, title=f"Ledger entries ({len(rows)})")
        _note(fmt, RULES + " counted=False: a part of a whole at the same stage.")

    @ledger.command("fulfilment")
    def fulfilment_cmd(
        ctx: typer.Context,
        agreement: str = typer.Argument(..., help="Agreement id, e.g. UKR-JPN-2024."),
        currency: str = typer.Option("EUR", "--currency", help="EUR or USD."),
        as_of: Optional[str] = as_of_option(),  # noqa: UP045
        fmt: Format = format_option(),
    ) -> None:
        """An agreement's commitments against the flows that fulfil them, with the gap."""
        from accords.analyze import fx
        from accords.analyze.ledger_report import fulfilment
        from accords.errors import NotFoundError

        cur = fx.check_target(currency)
        with open_session(state(ctx)) as session:
            entries = _entries(session, resolve_as_of(state(ctx), as_of))
        rows = fulfilment(entries, agreement, cur)
        if not rows:
            raise NotFoundError(f"no ledger entries for agreement {agreement!r}",
                                "see `accords ledger --by agreement` for the agreements with entries")
        render(rows, fmt, title=f"Fulfilment of {agreement}, {cur}")
        _note(fmt, RULES + " gap = pledged - delivered.")

    @ledger.command("add")
    def add_cmd(
        ctx: typer.Context,
        donor: str = typer.Option(..., "--donor", help="ISO 3166-1 alpha-3 (EUU for the EU)."),
        amount: float = typer.Option(..., "--amount", help="Amount as reported, e.g. 4.5e9."),
        currency: str = typer.Option(..., "--currency", help="ISO 4217 code as reported."),
        stage: Stage = typer.Option(..., "--stage", help="pledged, allocated, delivered or expected."),
        date: Optional[str] = typer.Option(None, "--date", help="YYYY-MM-DD (or YYYY-MM)."),  # noqa: UP045
        period: Optional[str] = typer.Option(None, "--period", help="e.g. 2024, 2024-2026, FY2024/25."),  # noqa: UP045
        recipient: str = typer.Option("UKR", "--recipient"),
        category: str = typer.Option("unspecified", "--category"),
        instrument: Optional[str] = typer.Option(None, "--instrument", help="grant, loan, guarantee, in-kind."),  # noqa: UP045
        channel: Optional[str] = typer.Option(None, "--channel"),  # noqa: UP045
        agreement: Optional[str] = typer.Option(None, "--agreement"),  # noqa: UP045
        parent: Optional[str] = typer.Option(None, "--parent", help="Entry it is part of or fulfils."),  # noqa: UP045
        source_url: Optional[str] = typer.Option(None, "--source-url"),  # noqa: UP045
        description: Optional[str] = typer.Option(None, "--description"),  # noqa: UP045
    ) -> None:
        """Record an entry by hand (statements with you as author)."""
        from accords.analyze.ledger_edit import ManualEntry, add_entry

        st_ = state(ctx)
        entry = ManualEntry(donor=donor, amount=amount, currency=currency, stage=stage.value, recipient=recipient,
                            date=date, period=period, category=category, instrument=instrument, channel=channel,
                            agreement=agreement, parent=parent, source_url=source_url, description=description)
        with open_session(st_) as session:
            eid = add_entry(session, entry, who=st_.settings.user, now=now())
        typer.echo(eid)

    def _pair_cmd(action: str) -> Any:
        def cmd(
            ctx: typer.Context,
            a: str = typer.Argument(..., help="A commitment or entry id."),
            b: str = typer.Argument(..., help="Another commitment or entry id."),
            why: Optional[str] = typer.Option(None, "--why", help="Recorded with the override."),  # noqa: UP045
        ) -> None:
            from accords.analyze import ledger_edit

            st_ = state(ctx)
            with open_session(st_) as session:
                getattr(ledger_edit, action)(session, a, b, who=st_.settings.user, now=now(), why=why)
            typer.echo(f"{action}: {a} {b}")
        return cmd

    ledger.command("merge", help="Say A and B report the same flow (one entry).")(_pair_cmd("merge"))
    ledger.command("split", help="Say A and B are different flows (two entries).")(_pair_cmd("split"))

    @ledger.command("link")
    def link_cmd(
        ctx: typer.Context,
        child: str = typer.Argument(..., help="The part, or the flow that fulfils."),
        parent: str = typer.Argument(..., help="The whole, or the commitment fulfilled."),
    ) -> None:
        """Make CHILD part of PARENT (same stage) or a flow fulfilling it (later stage)."""
        from accords.analyze.ledger_edit import link

        st_ = state(ctx)
        with open_session(st_) as session:
            link(session, child, parent, who=st_.settings.user, now=now())
        typer.echo(f"linked: {child} -> {parent}")

    @ledger.command("suggest")
    def suggest_cmd(
        ctx: typer.Context,
        as_of: Optional[str] = as_of_option(),  # noqa: UP045
        fmt: Format = format_option(),
    ) -> None:
        """Counted entries that may be parts of a larger one (running totals): link them if so."""
        from accords.analyze.ledger_report import possible_parts

        with open_session(state(ctx)) as session:
            entries = _entries(session, resolve_as_of(state(ctx), as_of))
        render(possible_parts(entries), fmt, title="Possible parts of a larger entry (review, then link)")

    @ledger.command("rebuild")
    def rebuild_cmd(ctx: typer.Context) -> None:
        """Rebuild the materialized ledger from the accepted statements now."""
        from accords.analyze.ledger_store import rebuild_ledger

        with open_session(state(ctx)) as session:
            n = rebuild_ledger(session, now())
        typer.echo(f"{n} ledger entries")

    @app.command("chart")
    def chart_cmd(
        ctx: typer.Context,
        kind: str = typer.Argument(..., help="donors, cumulative, pledged-vs-delivered or fulfilment."),
        out: Path = typer.Option(..., "--out", help="FILE.svg, FILE.png or FILE.html (interactive)."),
        currency: str = typer.Option("EUR", "--currency", help="EUR or USD."),
        agreement: Optional[str] = typer.Option(None, "--agreement", help="For the fulfilment chart."),  # noqa: UP045
        as_of: Optional[str] = as_of_option(),  # noqa: UP045
    ) -> None:
        """Draw a ledger chart; every chart states its unit, rate dates and sources."""
        from accords.analyze import charts, fx

        cur = fx.check_target(currency)
        when = resolve_as_of(state(ctx), as_of)
        with open_session(state(ctx)) as session:
            entries = _entries(session, when)
        data = charts.series(kind, entries, currency=cur, agreement=agreement, built=(when or now()).date())
        charts.render(data, out)
        typer.echo(str(out))
