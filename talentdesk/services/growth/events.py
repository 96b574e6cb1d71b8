"""Growth events on a talent's career (成长事件): listing, adding, changing, removing.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.enums import (
    AppraisalGrade,
    GrowthKind,
)
from talentdesk.domain.errors import NotFound, RuleViolation, ValidationError
from talentdesk.domain.labels import label
from talentdesk.domain.models import (
    GrowthEvent,
    Talent,
)
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Permission, operation, refuse_stale
from talentdesk.services.common.paging import Page


@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    talent_id: int
    talent_name: str
    kind: str
    event_date: dt.date
    title: str
    detail: str
    appraisal_grade: str | None
    version: int = 1  # what an editor saves against (services/base.refuse_stale)




EVENT_SORT = {"event_date": GrowthEvent.event_date, "kind": GrowthEvent.kind, "talent": Talent.name_pinyin,
              "id": GrowthEvent.id, "title": GrowthEvent.title}


@operation(Permission.GROWTH_READ)
def list_events(session: Session, *, talent_id: int | None = None, kind: str | None = None, year: int | None = None,
                sort: str = "event_date", descending: bool = True, offset: int = 0, limit: int = 500) -> Page:
    stmt = select(GrowthEvent.id, GrowthEvent.talent_id, Talent.name, GrowthEvent.kind, GrowthEvent.event_date,
                  GrowthEvent.title, GrowthEvent.detail, GrowthEvent.appraisal_grade, GrowthEvent.version).join(Talent, Talent.id == GrowthEvent.talent_id)
    count = select(func.count()).select_from(GrowthEvent)
    conds = []
    if talent_id:
        conds.append(GrowthEvent.talent_id == talent_id)
    if kind:
        conds.append(GrowthEvent.kind == kind)
    if year:
        conds.append(GrowthEvent.event_date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if conds:
        stmt, count = stmt.where(*conds), count.where(*conds)
    col = EVENT_SORT.get(sort, GrowthEvent.event_date)
    stmt = stmt.order_by(col.desc() if descending else col.asc(), GrowthEvent.id.desc()).offset(offset).limit(limit)
    return Page(rows=[EventRow(*r) for r in session.execute(stmt)], total=session.scalar(count) or 0, offset=offset)


@dataclass(frozen=True, slots=True)
class EventInput:
    talent_id: int
    kind: str
    event_date: dt.date | None
    title: str = ""
    detail: str = ""
    appraisal_grade: str | None = None


def _validated(session: Session, data: EventInput, today: dt.date) -> Talent:
    talent = session.get(Talent, data.talent_id)
    if talent is None:
        raise NotFound(translate("Growth", "Talent {id} does not exist.").format(id=data.talent_id))
    if data.kind not in E.values(GrowthKind):
        raise ValidationError(translate("Growth", "Choose the kind of event."), field="kind")
    if data.kind in (GrowthKind.ARRIVAL.value, GrowthKind.DEPARTURE.value):
        raise ValidationError(translate("Growth", "Arrival and departure are recorded on the talent's record, "
                                                  "not as separate events."), field="kind")
    if data.event_date is None:
        raise ValidationError(translate("Growth", "Enter the date of the event."), field="event_date")
    if data.event_date > today:
        raise ValidationError(translate("Growth", "An event cannot be dated in the future."), field="event_date")
    if data.event_date < talent.arrival_date:
        raise ValidationError(
            translate("Growth", "The event is dated before the talent arrived ({arrival}).").format(
                arrival=talent.arrival_date.isoformat()), field="event_date")
    if talent.departure_date and data.event_date > talent.departure_date:
        raise ValidationError(
            translate("Growth", "The event is dated after the talent left ({departure}).").format(
                departure=talent.departure_date.isoformat()), field="event_date")
    if data.kind == GrowthKind.APPRAISAL.value:
        if data.appraisal_grade not in E.values(AppraisalGrade):
            raise ValidationError(translate("Growth", "An annual appraisal needs its grade."), field="appraisal_grade")
    elif data.appraisal_grade:
        raise ValidationError(translate("Growth", "Only an annual appraisal has a grade."), field="appraisal_grade")
    if not data.title.strip() and data.kind == GrowthKind.OTHER.value:
        raise ValidationError(translate("Growth", "Say in the title what happened."), field="title")
    if len(data.title.strip()) > 120:
        raise ValidationError(translate("Growth", "The title is longer than 120 characters."), field="title")
    return talent


@operation(Permission.GROWTH_WRITE, writes=True, changes=(Change.GROWTH,))
def add_event(session: Session, *, data: EventInput, today: dt.date) -> int:
    """Record one growth event; an appraisal's year is the year before the one it is held in unless given."""
    _validated(session, data, today)
    ev = GrowthEvent(talent_id=data.talent_id, kind=data.kind, event_date=data.event_date, title=data.title.strip(),
                     detail=data.detail.strip(), appraisal_grade=data.appraisal_grade or None,
                     appraisal_year=(data.event_date.year - 1) if data.kind == GrowthKind.APPRAISAL.value else None)
    session.add(ev)
    session.flush()
    return ev.id


@operation(Permission.GROWTH_WRITE, writes=True, changes=(Change.GROWTH,))
def update_event(session: Session, *, event_id: int, data: EventInput, today: dt.date,
                 expected_version: int | None = None) -> None:
    """Change one event. Saving over a newer version than `expected_version` (another clerk's) is an
    EditConflict with both versions."""
    ev = session.get(GrowthEvent, event_id)
    if ev is None:
        raise NotFound(translate("Growth", "This event no longer exists."))
    refuse_stale(session, ev, expected_version, mine=data, name=ev.title or label(GrowthKind, ev.kind),
                 stored=EventInput(talent_id=ev.talent_id, kind=ev.kind, event_date=ev.event_date, title=ev.title,
                                   detail=ev.detail, appraisal_grade=ev.appraisal_grade),
                 fields=("kind", "event_date", "title", "detail", "appraisal_grade"))
    if ev.kind in (GrowthKind.ARRIVAL.value, GrowthKind.DEPARTURE.value):
        raise RuleViolation(translate("Growth", "Arrival and departure are changed on the talent's record."))
    if data.talent_id != ev.talent_id:
        raise ValidationError(translate("Growth", "An event cannot be moved to another talent."))
    _validated(session, data, today)
    ev.kind, ev.event_date = data.kind, data.event_date
    ev.title, ev.detail = data.title.strip(), data.detail.strip()
    ev.appraisal_grade = data.appraisal_grade or None
    ev.appraisal_year = (data.event_date.year - 1) if data.kind == GrowthKind.APPRAISAL.value else None
    session.flush()


@operation(Permission.GROWTH_WRITE, writes=True, changes=(Change.GROWTH,))
def delete_event(session: Session, *, event_id: int) -> None:
    ev = session.get(GrowthEvent, event_id)
    if ev is None:
        raise NotFound(translate("Growth", "This event no longer exists."))
    if ev.kind in (GrowthKind.ARRIVAL.value, GrowthKind.DEPARTURE.value):
        raise RuleViolation(translate("Growth", "Arrival and departure are changed on the talent's record."))
    session.delete(ev)
    session.flush()


@operation(Permission.GROWTH_READ)
def get_event(session: Session, *, event_id: int) -> EventRow:
    r = session.execute(
        select(GrowthEvent.id, GrowthEvent.talent_id, Talent.name, GrowthEvent.kind, GrowthEvent.event_date,
               GrowthEvent.title, GrowthEvent.detail, GrowthEvent.appraisal_grade, GrowthEvent.version)
        .join(Talent, Talent.id == GrowthEvent.talent_id).where(GrowthEvent.id == event_id)
    ).first()
    if r is None:
        raise NotFound(translate("Growth", "This event no longer exists."))
    return EventRow(*r)
