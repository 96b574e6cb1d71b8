"""Numbered series (certificate serials, payment batch numbers): one counter row per prefix and year."""
from __future__ import annotations

from sqlalchemy.orm import Session

from talentdesk.domain.models import SerialCounter


def next_in_series(session: Session, prefix: str, year: int) -> int:
    """The next number of `prefix`'s series in `year` (1 for the first), counted in this unit of work."""
    counter = session.get(SerialCounter, (prefix, year))
    if counter is None:
        counter = SerialCounter(prefix=prefix, year=year, last=0)
        session.add(counter)
    counter.last += 1
    return counter.last
