"""Numbered series (certificate serials, payment batch numbers): one counter row per prefix, year and county (a
city's counties number their own series, as each did in its own file)."""
from __future__ import annotations

from sqlalchemy.orm import Session

from talentdesk.domain.models import SerialCounter


def next_in_series(session: Session, prefix: str, year: int) -> int:
    """The next number of `prefix`'s series in `year` (1 for the first) in this unit of work's county, counted in
    this unit of work."""
    from talentdesk.services.base import session_county

    county = session_county(session)
    counter = session.get(SerialCounter, (prefix, year, county))
    if counter is None:
        counter = SerialCounter(prefix=prefix, year=year, county_id=county, last=0)
        session.add(counter)
    counter.last += 1
    return counter.last
