"""Tables of the operate area: what humans and the notifier add (deadlines are recomputed).

- ``convenings``: a consultation was convened (one row per record; the latest counts).
- ``notification_outbox``: a notification that became due, per webhook, with its frozen
  payload; ``done_at`` is set only after a 2xx, so an interrupted run resends it.
- ``deliveries``: every HTTP attempt, successful or not.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, Integer, String, Table, Text

from accords.store.tables import UTCDateTime, metadata

convenings = Table(
    "convenings", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("consultation_id", String(300), nullable=False, index=True),
    Column("convened_at", UTCDateTime(), nullable=False),
    Column("format", String(120)),
    Column("level", String(120)),
    Column("note", Text),
    Column("source", Text),
    Column("who", String(120), nullable=False),
    Column("recorded_at", UTCDateTime(), nullable=False),
)

notification_outbox = Table(
    "notification_outbox", metadata,
    # delivery id + a short hash of the webhook url: one row per notification and endpoint.
    Column("id", String(100), primary_key=True),
    Column("delivery_id", String(64), nullable=False, index=True),
    Column("url", Text, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("subject", String(300), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("payload_hash", String(64), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("done_at", UTCDateTime()),
)

deliveries = Table(
    "deliveries", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("delivery_id", String(64), nullable=False, index=True),
    Column("url", Text, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("payload_hash", String(64), nullable=False),
    Column("attempt", Integer, nullable=False),
    Column("status_code", Integer),
    Column("error", Text),
    Column("at", UTCDateTime(), nullable=False, index=True),
)
