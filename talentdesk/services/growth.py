"""Growth: events on each talent's career and the annual training plan."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from talentdesk.domain.models import GrowthEvent, Talent, TrainingEnrolment, TrainingProgram
from talentdesk.services.base import Permission, operation
from talentdesk.services.talents import Page


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


@dataclass(frozen=True, slots=True)
class ProgramRow:
    id: int
    year: int
    name: str
    level: str
    category: str
    hours: float
    start_date: dt.date | None
    end_date: dt.date | None
    enrolled: int
    completed: int


EVENT_SORT = {"event_date": GrowthEvent.event_date, "kind": GrowthEvent.kind, "talent": Talent.name_pinyin,
              "id": GrowthEvent.id, "title": GrowthEvent.title}


@operation(Permission.GROWTH_READ)
def list_events(session: Session, *, talent_id: int | None = None, kind: str | None = None, year: int | None = None,
                sort: str = "event_date", descending: bool = True, offset: int = 0, limit: int = 500) -> Page:
    stmt = select(GrowthEvent.id, GrowthEvent.talent_id, Talent.name, GrowthEvent.kind, GrowthEvent.event_date,
                  GrowthEvent.title, GrowthEvent.detail, GrowthEvent.appraisal_grade).join(Talent, Talent.id == GrowthEvent.talent_id)
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


@operation(Permission.GROWTH_READ)
def list_programs(session: Session, *, year: int | None = None) -> list[ProgramRow]:
    enrolled = (
        select(TrainingEnrolment.program_id, func.count().label("n"),
               func.sum(case((TrainingEnrolment.status == "completed", 1), else_=0)).label("done"))
        .group_by(TrainingEnrolment.program_id).subquery()
    )
    stmt = (
        select(TrainingProgram.id, TrainingProgram.year, TrainingProgram.name, TrainingProgram.level,
               TrainingProgram.category, TrainingProgram.hours, TrainingProgram.start_date, TrainingProgram.end_date,
               func.coalesce(enrolled.c.n, 0), func.coalesce(enrolled.c.done, 0))
        .outerjoin(enrolled, enrolled.c.program_id == TrainingProgram.id)
        .order_by(TrainingProgram.year.desc(), TrainingProgram.start_date, TrainingProgram.id)
    )
    if year:
        stmt = stmt.where(TrainingProgram.year == year)
    return [ProgramRow(*r) for r in session.execute(stmt)]
