"""The operate functions every face calls: they read the store (session passed in) and compose
the pure parts. ``now`` is always given by the caller."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from accords.operate import consultations as cons
from accords.operate import notify
from accords.operate.terms import Obligation, in_window, obligations
from accords.settings import Settings
from accords.store import views


def due_notifications(session: Session, settings: Settings, now: datetime) -> list[notify.Notification]:
    board = cons.board(session, now)
    return notify.due(board, views.agreements(session), now,
                      thresholds_hours=settings.notify_thresholds_hours,
                      expiry_notice_days=settings.expiry_notice_days)


def excluded(session: Session, *, event_id: str | None = None,
             as_of: datetime | None = None) -> list[cons.Exclusion]:
    return [x for a in cons.assessments(session, event_id=event_id, as_of=as_of) for x in a.excluded]


def terms(session: Session, *, start: date | None = None, end: date | None = None,
          as_of: datetime | None = None) -> list[Obligation]:
    return in_window(obligations(views.agreements(session, as_of), views.provisions(session, as_of)),
                     start, end)
