"""Which versions of a dataset a store holds, with statement counts per status."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accords.store.tables import statements


def loaded_versions(session: Session, dataset: str) -> dict[str, dict[str, int]]:
    rows = session.execute(
        select(statements.c.method, statements.c.status, func.count())
        .where(statements.c.dataset == dataset)
        .group_by(statements.c.method, statements.c.status)).all()
    out: dict[str, dict[str, int]] = {}
    for method, status, n in rows:
        out.setdefault(str(method), {})[str(status)] = int(n)
    return dict(sorted(out.items()))
