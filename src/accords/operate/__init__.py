"""Operate: triggering events start consultation clocks, terms come due, people are told.

Nothing here reads the clock or opens the store: callers pass ``now`` and a session.
Deadlines are never stored; they are recomputed from accepted event and agreement
statements, so a restart loses nothing and a recompute is idempotent. The tables of
:mod:`accords.operate.tables` only hold what people and the notifier add.
"""
