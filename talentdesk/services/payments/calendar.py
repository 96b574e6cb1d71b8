"""The working-day calendar: weekends are off, except the weekend days the State Council's arrangement makes working
days (调休上班); public holidays on weekdays are off. The days that differ from their weekday are data the office
edits (`calendar_days`); 2025–2026 and the statutory days of 2027 are built in."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import NotFound, ValidationError
from talentdesk.domain.models import CalendarDay
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Permission, operation


@dataclass(frozen=True, slots=True)
class DayRow:
    day: dt.date
    kind: str
    name: str
    builtin: bool


def _special(session: Session, first: dt.date, last: dt.date) -> dict[dt.date, str]:
    return dict(session.execute(select(CalendarDay.day, CalendarDay.kind).where(
        CalendarDay.day >= first, CalendarDay.day <= last)).all())


def _known_years(session: Session) -> set[int]:
    return {d.year for d in session.scalars(select(CalendarDay.day).where(CalendarDay.kind == E.DayKind.HOLIDAY.value))}


def is_working_day(day: dt.date, special: dict[dt.date, str]) -> bool:
    kind = special.get(day)
    if kind == E.DayKind.HOLIDAY.value:
        return False
    if kind == E.DayKind.WORKDAY.value:
        return True
    return day.weekday() < 5


def _require_year(session: Session, day: dt.date) -> None:
    if day.year not in _known_years(session):
        raise ValidationError(translate(
            "PaymentCalendar", "The calendar has no public holidays for {year}, so working days cannot be counted. "
                               "Enter that year's holidays (and weekend working days) first.").format(year=day.year),
            field="calendar")


def next_working_day(session: Session, day: dt.date) -> dt.date:
    special = _special(session, day, day + dt.timedelta(days=40))
    while not is_working_day(day, special):
        day += dt.timedelta(days=1)
    return day


def working_days_end(session: Session, start: dt.date, days: int) -> dt.date:
    """The last day of a period of `days` working days beginning on `start` (itself a working day)."""
    _require_year(session, start)
    special = _special(session, start, start + dt.timedelta(days=days * 3 + 40))
    d, counted = start, 0
    while True:
        if is_working_day(d, special):
            counted += 1
            if counted == days:
                _require_year(session, d)
                return d
        d += dt.timedelta(days=1)


def working_days_between(session: Session, first: dt.date, last: dt.date) -> int:
    """How many working days from `first` to `last`, both included (0 when last < first)."""
    if last < first:
        return 0
    special = _special(session, first, last)
    return sum(1 for i in range((last - first).days + 1) if is_working_day(first + dt.timedelta(days=i), special))


@operation(Permission.LEDGER_READ)
def list_days(session: Session, *, year: int) -> list[DayRow]:
    rows = session.scalars(select(CalendarDay).where(
        CalendarDay.day >= dt.date(year, 1, 1), CalendarDay.day <= dt.date(year, 12, 31)).order_by(CalendarDay.day))
    return [DayRow(r.day, r.kind, r.name, r.builtin) for r in rows]


@operation(Permission.POLICY_MANAGE, writes=True, changes=(Change.SETTINGS,))
def set_day(session: Session, *, day: dt.date, kind: str, name: str = "") -> DayRow:
    """Mark a day a public holiday or a (weekend) working day; a built-in day may be changed too (audited)."""
    if kind not in E.values(E.DayKind):
        raise ValidationError(translate("PaymentCalendar", "Choose holiday or working day."), field="kind")
    name = (name or "").strip()[:40]
    row = session.get(CalendarDay, day)
    if row is None:
        row = CalendarDay(day=day, kind=kind, name=name, builtin=False)
        session.add(row)
    else:
        row.kind, row.name, row.builtin = kind, name or row.name, False
    session.flush()
    return DayRow(row.day, row.kind, row.name, row.builtin)


@operation(Permission.POLICY_MANAGE, writes=True, changes=(Change.SETTINGS,))
def clear_day(session: Session, *, day: dt.date) -> None:
    """The day is again what its weekday says."""
    row = session.get(CalendarDay, day)
    if row is None:
        raise NotFound(translate("PaymentCalendar", "{day} is an ordinary day already.").format(day=day.isoformat()))
    session.delete(row)
    session.flush()


def calendar_years(session: Session) -> list[int]:
    return sorted(_known_years(session))


__all__ = ["DayRow", "is_working_day", "next_working_day", "working_days_end", "working_days_between", "list_days",
           "set_day", "clear_day", "calendar_years"]
