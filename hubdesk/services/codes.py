"""Handing out the next human code inside the caller's transaction."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hubdesk.db.models import CodeCounter
from hubdesk.domain.codes import format_code


def next_code(session: Session, site: str, year: int, kind: str = "beneficiary") -> str:
    counter = session.scalar(
        select(CodeCounter)
        .where(CodeCounter.site == site, CodeCounter.year == year, CodeCounter.kind == kind)
        .with_for_update()
    )
    if counter is None:
        counter = CodeCounter(site=site, year=year, kind=kind, last_value=0)
        session.add(counter)
    counter.last_value += 1
    return format_code(site, year, counter.last_value, kind)
