"""Operate commands: trigger, consultations (+ convene), calendar, notify run|log.

Thin: parse, call accords.operate, render. The wall clock is read here, at the edge, and
handed down as ``now`` (``--now`` overrides it for rehearsals and tests).
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Optional
from zoneinfo import ZoneInfo

import typer

from accords.cli.common import (
    Format,
    console,
    format_option,
    open_session,
    parse_date,
    parse_when,
    render,
    state,
)
from accords.errors import InputError
from accords.operate import consultations as cons
from accords.operate import deliver, present, service
from accords.operate import events as ev
from accords.operate.calendar import to_ics

BOARD_COLUMNS = ("agreement", "status", "countdown", "deadline", "limit_hours", "event", "notes")
LOG_COLUMNS = ("at", "delivery_id", "kind", "subject", "attempt", "status_code", "error", "done")


def _now(text: str | None) -> datetime:
    return parse_when(text, "--now") if text else datetime.now(UTC)


def _tz(ctx: typer.Context, name: str | None) -> ZoneInfo:
    return present.zone(name or state(ctx).settings.timezone)


def _now_option() -> Any:
    return typer.Option(None, "--now", help="Compute statuses as if it were this ISO time (default: now).")


def _tz_option() -> Any:
    return typer.Option(None, "--tz", help="Show times in this IANA zone (default: settings.timezone).")


def _show_board(ctx: typer.Context, event: str | None, status: str | None, fmt: Format,
                tz_name: str | None, now_text: str | None) -> None:
    st = state(ctx)
    now, tz = _now(now_text), _tz(ctx, tz_name)
    with open_session(st) as session:
        rows = cons.board(session, now, event_id=event, status=status, as_of=st.as_of)
    events = sorted({c.event_id for c in rows})
    # One event: name it in the title rather than repeating it on every row.
    columns = [c for c in BOARD_COLUMNS if c != "event" or len(events) > 1]
    title = f"Consultations at {present.local(now, tz)}" + (f" - {events[0]}" if len(events) == 1 else "")
    render([present.consultation_row(c, now, tz) for c in rows], fmt,
           columns if fmt == Format.table else None, title=title)


def _show_events(ctx: typer.Context, tz_name: str | None, fmt: Format) -> None:
    st = state(ctx)
    tz = _tz(ctx, tz_name)
    with open_session(st) as session:
        rows = [{"id": t.id, "kind": t.kind, "against": t.against, "by": t.by,
                 "at": present.local(t.at, tz), "at_utc": t.at.isoformat(), "note": t.note,
                 "source": t.source} for t in ev.load_triggers(session, st.as_of)]
    render(rows, fmt)


def register(app: typer.Typer) -> None:
    @app.command("trigger")
    def trigger(
        ctx: typer.Context,
        kind: Optional[str] = typer.Option(None, "--kind", help="Kind of event, e.g. armed-attack."),  # noqa: UP045
        against: Optional[str] = typer.Option(None, "--against", help="Party attacked (ISO3, e.g. UKR)."),  # noqa: UP045
        by: Optional[str] = typer.Option(None, "--by", help="Attacking party (ISO3, e.g. RUS)."),  # noqa: UP045
        at: Optional[str] = typer.Option(None, "--at", help="When it happened, ISO time with offset."),  # noqa: UP045
        note: Optional[str] = typer.Option(None, "--note", help="What happened, in a sentence."),  # noqa: UP045
        source: Optional[str] = typer.Option(None, "--source", help="Document id or URL it is known from."),  # noqa: UP045
        from_event: Optional[str] = typer.Option(None, "--from-event", help="An accepted event to trigger from."),  # noqa: UP045
        tz_name: Optional[str] = _tz_option(),  # noqa: UP045
        now_text: Optional[str] = _now_option(),  # noqa: UP045
        fmt: Format = format_option(),
    ) -> None:
        """Record a triggering event (idempotent) and show the consultation clocks it starts."""
        st = state(ctx)
        now = _now(now_text)
        when = parse_when(at, "--at") if at else None
        if at and len(at.strip()) == 10:
            raise InputError("--at needs an exact time, not a date", "e.g. --at 2026-12-01T04:30+02:00")
        with open_session(st) as session:
            if from_event:
                event, created = ev.trigger_from_event(session, from_event, who=st.settings.user, now=now,
                                                       kind=kind, against=against, by=by, at=when)
            else:
                missing = [n for n, v in (("--kind", kind), ("--against", against), ("--at", when)) if not v]
                if missing:
                    raise InputError(f"missing {', '.join(missing)}",
                                     "e.g. accords trigger --kind armed-attack --against UKR --by RUS "
                                     "--at 2026-12-01T04:30+02:00 (or --from-event ID)")
                assert kind and against and when
                event, created = ev.record_trigger(session, kind=kind, against=against, by=by, at=when,
                                                   who=st.settings.user, now=now, note=note, source=source)
        sys.stderr.write(f"{'recorded' if created else 'already recorded'}: {event.id}\n")
        _show_board(ctx, event.id, None, fmt, tz_name, now_text)

    group = typer.Typer(help="Consultation clocks started by triggering events.", no_args_is_help=False)
    app.add_typer(group, name="consultations")

    @group.callback(invoke_without_command=True)
    def consultations(
        ctx: typer.Context,
        event: Optional[str] = typer.Option(None, "--event", help="Only this triggering event."),  # noqa: UP045
        status: Optional[str] = typer.Option(None, "--status", help="pending, convened or overdue."),  # noqa: UP045
        excluded: bool = typer.Option(False, "--excluded", help="List agreements left out, with why."),
        events: bool = typer.Option(False, "--events", help="List the recorded triggering events."),
        tz_name: Optional[str] = _tz_option(),  # noqa: UP045
        now_text: Optional[str] = _now_option(),  # noqa: UP045
        fmt: Format = format_option(),
    ) -> None:
        """The board: every consultation, overdue first, then by time left."""
        if ctx.invoked_subcommand is not None:
            return
        if events:
            _show_events(ctx, tz_name, fmt)
            return
        if excluded:
            with open_session(state(ctx)) as session:
                rows = service.excluded(session, event_id=event, as_of=state(ctx).as_of)
            render([present.exclusion_row(x) for x in rows], fmt)
            return
        _show_board(ctx, event, status, fmt, tz_name, now_text)

    @group.command("convene")
    def convene(
        ctx: typer.Context,
        consultation: str = typer.Argument(..., help="Consultation id (EVENT/AGREEMENT) or agreement id."),
        at: str = typer.Option(..., "--at", help="When it was convened (ISO time with offset)."),
        level: Optional[str] = typer.Option(None, "--level", help="e.g. leaders, ministers, NSAs."),  # noqa: UP045
        meeting_format: Optional[str] = typer.Option(None, "--format", help="e.g. video call, in person."),  # noqa: UP045
        note: Optional[str] = typer.Option(None, "--note"),  # noqa: UP045
        source: Optional[str] = typer.Option(None, "--source", help="URL or document id of the record."),  # noqa: UP045
        tz_name: Optional[str] = _tz_option(),  # noqa: UP045
        now_text: Optional[str] = _now_option(),  # noqa: UP045
    ) -> None:
        """Record that a consultation was convened."""
        st = state(ctx)
        now, tz = _now(now_text), _tz(ctx, tz_name)
        with open_session(st) as session:
            c = cons.convene(session, consultation, at=parse_when(at, "--at"), who=st.settings.user,
                             now=now, level=level, format=meeting_format, note=note, source=source)
        console().print(f"{c.id}: {present.countdown(c, now)} "
                        f"(at {present.local(c.convened.at if c.convened else None, tz)})")

    @app.command("calendar")
    def calendar(
        ctx: typer.Context,
        start: Optional[str] = typer.Option(None, "--from", help="First due date (YYYY-MM-DD)."),  # noqa: UP045
        end: Optional[str] = typer.Option(None, "--to", help="Last due date (YYYY-MM-DD)."),  # noqa: UP045
        ics: Optional[Path] = typer.Option(None, "--ics", help="Also write an iCalendar file here."),  # noqa: UP045
        now_text: Optional[str] = _now_option(),  # noqa: UP045
        fmt: Format = format_option(),
    ) -> None:
        """Expiries, review clauses and yearly pledge renewals, with due dates."""
        st = state(ctx)
        now = _now(now_text)
        lo = parse_date(start, "--from") if start else None
        hi = parse_date(end, "--to") if end else None
        if lo and hi and lo > hi:
            raise InputError("--from is after --to", "swap the dates")
        with open_session(st) as session:
            items = service.terms(session, start=lo, end=hi, as_of=st.as_of)
            board = [c for c in cons.board(session, now, as_of=st.as_of)
                     if c.deadline and (lo is None or c.deadline.date() >= lo)
                     and (hi is None or c.deadline.date() <= hi)]
        if ics is not None:
            try:
                ics.write_bytes(to_ics(items, board, now=now))
            except OSError as exc:
                raise InputError(f"cannot write {ics}: {exc.strerror}", "check the folder exists") from None
            sys.stderr.write(f"wrote {ics}\n")
        render([present.obligation_row(o) for o in items], fmt,
               ("due", "agreement", "kind", "title", "basis", "note") if fmt == Format.table else None)

    notify_app = typer.Typer(help="Webhook notifications: run the notifier, read its log.",
                             no_args_is_help=True)
    app.add_typer(notify_app, name="notify")

    @notify_app.command("run")
    def notify_run(
        ctx: typer.Context,
        once: bool = typer.Option(False, "--once", help="One pass and exit (for cron)."),
        interval: float = typer.Option(60.0, "--interval", min=1.0, help="Seconds between passes."),
        max_attempts: int = typer.Option(5, "--max-attempts", min=1, help="Tries per notification per pass."),
        now_text: Optional[str] = _now_option(),  # noqa: UP045
    ) -> None:
        """Send what is due: new consultations, approaching/overdue deadlines, expiries."""
        st = state(ctx)
        out = console(stderr=True)
        while True:
            now = _now(now_text)
            with open_session(st) as session:
                notes = service.due_notifications(session, st.settings, now)
                report = deliver.run_once(session, notes, st.settings.webhooks, now=now,
                                          clock=lambda: datetime.now(UTC), sleep=time.sleep,
                                          max_attempts=max_attempts)
            out.print(f"{present.local(now, present.zone(st.settings.timezone))}: "
                      f"{len(notes)} due, {report.enqueued} new, {report.delivered} delivered, "
                      f"{report.failed} failed, {report.attempts} attempts")
            if once:
                if report.failed:
                    raise typer.Exit(1)
                return
            time.sleep(interval)

    @notify_app.command("log")
    def notify_log(
        ctx: typer.Context,
        delivery: Optional[str] = typer.Option(None, "--delivery", help="Only this delivery id (prefix)."),  # noqa: UP045
        limit: int = typer.Option(200, "--limit", min=1),
        fmt: Format = format_option(),
    ) -> None:
        """Every delivery attempt, newest first."""
        with open_session(state(ctx)) as session:
            rows = deliver.log(session, delivery=delivery, limit=limit)
        render(rows, fmt, LOG_COLUMNS if fmt == Format.table else None)
