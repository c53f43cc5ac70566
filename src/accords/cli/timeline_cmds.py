"""`accords timeline`: signatures, events and dated commitments in date order."""

from __future__ import annotations

from typing import Optional

import typer

from accords.analyze import timeline
from accords.cli.common import Format, format_option, open_session, render, resolve_as_of, state
from accords.store import views


def register(app: typer.Typer) -> None:
    @app.command("timeline")
    def timeline_cmd(
        ctx: typer.Context,
        party: Optional[str] = typer.Option(None, "--party", help="Only entries involving this ISO3 party."),  # noqa: UP045
        start: Optional[str] = typer.Option(None, "--from", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD)."),  # noqa: UP045
        end: Optional[str] = typer.Option(None, "--to", help="Up to this date (inclusive)."),  # noqa: UP045
        fmt: Format = format_option(),
        as_of: Optional[str] = typer.Option(None, "--as-of", help="As the store was then."),  # noqa: UP045
        include_candidates: bool = typer.Option(False, "--include-candidates",
                                                help="Also show unreviewed extracted facts."),
    ) -> None:
        """A dated timeline of the agreement system (signatures, events, dated commitments)."""
        st_ = state(ctx)
        when = resolve_as_of(st_, as_of)
        with open_session(st_) as session:
            entries = timeline.build(views.agreements(session, when, include_candidates),
                                     views.events(session, when, include_candidates),
                                     views.commitments(session, when, include_candidates),
                                     party=party, start=start, end=end)
        render(timeline.rows(entries), fmt, ["date", "kind", "what", "parties", "id"],
               title="timeline" + (f" of {party.upper()}" if party else ""))
