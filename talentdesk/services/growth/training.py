"""The annual training plan (年度培训计划): programmes, enrolment, completion and coverage.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from talentdesk.store.db import ids_in
from talentdesk.domain.enums import EnrolmentStatus, GrowthKind, TalentStatus
from talentdesk.domain.errors import Conflict, NotFound, RuleViolation, ValidationError
from talentdesk.domain.models import Employer, GrowthEvent, Talent, Tier, TrainingEnrolment, TrainingProgram
from talentdesk.i18n import current_language, translate
from talentdesk.services.common import reference
from talentdesk.services.base import Change, Permission, operation, refuse_stale
from talentdesk.domain.labels import join_list


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
    version: int = 1  # what an editor saves against (services/base.refuse_stale)


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
               func.coalesce(enrolled.c.n, 0), func.coalesce(enrolled.c.done, 0), TrainingProgram.version)
        .outerjoin(enrolled, enrolled.c.program_id == TrainingProgram.id)
        .order_by(TrainingProgram.year.desc(), TrainingProgram.start_date, TrainingProgram.id)
    )
    if year:
        stmt = stmt.where(TrainingProgram.year == year)
    return [ProgramRow(*r) for r in session.execute(stmt)]


@dataclass(frozen=True, slots=True)
class ProgramInput:
    year: int
    name: str
    level: str = ""
    category: str = ""
    hours: float = 0.0
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    organizer: str = ""
    notes: str = ""


def _check_program(data: ProgramInput) -> None:
    if not data.name.strip():
        raise ValidationError(translate("Growth", "Enter the programme's name."), field="name")
    if len(data.name.strip()) > 120:
        raise ValidationError(translate("Growth", "The name is longer than 120 characters."), field="name")
    if not 2000 <= data.year <= 2100:
        raise ValidationError(translate("Growth", "The plan year must be between 2000 and 2100."), field="year")
    if data.hours is None or data.hours < 0 or data.hours > 2000:
        raise ValidationError(translate("Growth", "Hours must be between 0 and 2000."), field="hours")
    if data.start_date and data.end_date and data.end_date < data.start_date:
        raise ValidationError(translate("Growth", "The programme ends before it starts."), field="end_date")
    if data.start_date and data.start_date.year != data.year:
        raise ValidationError(translate("Growth", "The programme starts outside its plan year."), field="start_date")


@operation(Permission.GROWTH_WRITE, writes=True, changes=(Change.GROWTH,))
def create_program(session: Session, *, data: ProgramInput) -> int:
    _check_program(data)
    p = TrainingProgram(year=data.year, name=data.name.strip(), level=data.level.strip(),
                        category=data.category.strip(), hours=float(data.hours), start_date=data.start_date,
                        end_date=data.end_date, organizer=data.organizer.strip(), notes=data.notes.strip())
    session.add(p)
    session.flush()
    return p.id


@operation(Permission.GROWTH_WRITE, writes=True, changes=(Change.GROWTH,))
def update_program(session: Session, *, program_id: int, data: ProgramInput,
                   expected_version: int | None = None) -> None:
    """Change a programme. Saving over a newer version than `expected_version` (another clerk's) is an
    EditConflict with both versions of the fields the editor shows."""
    p = session.get(TrainingProgram, program_id)
    if p is None:
        raise NotFound(translate("Growth", "This programme no longer exists."))
    refuse_stale(session, p, expected_version, mine=data, name=p.name,
                 stored=ProgramInput(year=p.year, name=p.name, level=p.level, category=p.category, hours=p.hours,
                                     start_date=p.start_date, end_date=p.end_date, organizer=p.organizer,
                                     notes=p.notes),
                 fields=("year", "name", "level", "category", "hours", "start_date", "end_date"))
    _check_program(data)
    p.year, p.name, p.level, p.category = data.year, data.name.strip(), data.level.strip(), data.category.strip()
    p.hours, p.start_date, p.end_date = float(data.hours), data.start_date, data.end_date
    p.organizer, p.notes = data.organizer.strip(), data.notes.strip()
    session.flush()


@dataclass(frozen=True, slots=True)
class EnrolFilter:
    """Which active talents to enrol. Empty fields match everyone."""

    tier_code: str | None = None
    employer_id: int | None = None
    not_trained_this_year: bool = False


def _not_trained_in(year: int):
    """Talent ids with an enrolment (not dropped) in a programme of `year`."""
    return (select(TrainingEnrolment.talent_id)
            .join(TrainingProgram, TrainingProgram.id == TrainingEnrolment.program_id)
            .where(TrainingProgram.year == year, TrainingEnrolment.status != EnrolmentStatus.DROPPED.value))


def _filter_condition(program: TrainingProgram, f: EnrolFilter):
    conds = [Talent.status == TalentStatus.ACTIVE.value]
    if f.tier_code:
        conds.append(Talent.tier_code == f.tier_code)
    if f.employer_id:
        conds.append(Talent.employer_id == f.employer_id)
    if f.not_trained_this_year:
        conds.append(Talent.id.not_in(_not_trained_in(program.year)))
    already = select(TrainingEnrolment.talent_id).where(TrainingEnrolment.program_id == program.id)
    conds.append(Talent.id.not_in(already))
    return conds


@operation(Permission.GROWTH_READ)
def count_enrol_filter(session: Session, *, program_id: int, filter: EnrolFilter) -> int:
    """How many active talents the filter would newly enrol (for the dialog's preview)."""
    p = session.get(TrainingProgram, program_id)
    if p is None:
        raise NotFound(translate("Growth", "This programme no longer exists."))
    return session.scalar(select(func.count()).select_from(Talent).where(*_filter_condition(p, filter))) or 0


def _enrol(session: Session, program: TrainingProgram, talent_ids: list[int], on: dt.date) -> int:
    for tid in talent_ids:
        session.add(TrainingEnrolment(program_id=program.id, talent_id=tid, enrolled_on=on,
                                      status=EnrolmentStatus.ENROLLED.value, hours=0.0))
    session.flush()
    return len(talent_ids)


@operation(Permission.GROWTH_WRITE, writes=True, changes=(Change.GROWTH,))
def enrol_talents(session: Session, *, program_id: int, talent_ids: list[int], on: dt.date) -> int:
    """Enrol the given talents one by one. Departed or already enrolled talents are refused with their names."""
    p = session.get(TrainingProgram, program_id)
    if p is None:
        raise NotFound(translate("Growth", "This programme no longer exists."))
    if not talent_ids:
        raise ValidationError(translate("Growth", "Choose at least one talent to enrol."))
    rows = session.execute(select(Talent.id, Talent.name, Talent.status).where(ids_in(Talent.id, talent_ids))).all()
    found = {r[0]: r for r in rows}
    missing = [i for i in talent_ids if i not in found]
    if missing:
        raise NotFound(translate("Growth", "Talent {id} does not exist.").format(id=missing[0]))
    departed = [r[1] for r in rows if r[2] != TalentStatus.ACTIVE.value]
    if departed:
        raise RuleViolation(translate("Growth", "Only active talents can be enrolled: {names} have left.").format(
            names=join_list(departed)))
    already = set(session.scalars(select(TrainingEnrolment.talent_id).where(
        TrainingEnrolment.program_id == program_id, ids_in(TrainingEnrolment.talent_id, talent_ids))))
    if already:
        names = join_list(found[i][1] for i in talent_ids if i in already)
        raise Conflict(translate("Growth", "Already enrolled in this programme: {names}.").format(names=names))
    return _enrol(session, p, list(dict.fromkeys(talent_ids)), on)


@operation(Permission.GROWTH_WRITE, writes=True, changes=(Change.GROWTH,))
def enrol_by_filter(session: Session, *, program_id: int, filter: EnrolFilter, on: dt.date) -> int:
    """Enrol every active talent matching the filter who is not yet in the programme. Returns how many."""
    p = session.get(TrainingProgram, program_id)
    if p is None:
        raise NotFound(translate("Growth", "This programme no longer exists."))
    ids = list(session.scalars(select(Talent.id).where(*_filter_condition(p, filter)).order_by(Talent.id)))
    return _enrol(session, p, ids, on)


@dataclass(frozen=True, slots=True)
class EnrolmentRow:
    id: int
    talent_id: int
    talent_name: str
    employer_name: str
    tier_code: str
    enrolled_on: dt.date
    status: str
    completed_on: dt.date | None
    hours: float
    tier_name: str = ""


@operation(Permission.GROWTH_READ)
def list_enrolments(session: Session, *, program_id: int) -> list[EnrolmentRow]:
    stmt = (
        select(TrainingEnrolment.id, Talent.id, Talent.name, Employer.name, Talent.tier_code,
               TrainingEnrolment.enrolled_on, TrainingEnrolment.status, TrainingEnrolment.completed_on,
               TrainingEnrolment.hours)
        .join(Talent, Talent.id == TrainingEnrolment.talent_id)
        .outerjoin(Employer, Employer.id == Talent.employer_id)
        .where(TrainingEnrolment.program_id == program_id)
        .order_by(Talent.name_pinyin, Talent.id)
    )
    tiers = reference.tier_names(session)
    return [EnrolmentRow(r[0], r[1], r[2], r[3] or "", *r[4:], tier_name=tiers.get(r[4], r[4]))
            for r in session.execute(stmt)]


@operation(Permission.GROWTH_WRITE, writes=True, changes=(Change.GROWTH,))
def record_completion(session: Session, *, enrolment_ids: list[int], completed_on: dt.date,
                      hours: float | None = None, today: dt.date) -> int:
    """Mark enrolments completed with their hours (the programme's hours unless given) and put a training event
    on each talent's timeline. Returns how many were completed."""
    if not enrolment_ids:
        raise ValidationError(translate("Growth", "Choose the enrolments to complete."))
    if completed_on > today:
        raise ValidationError(translate("Growth", "Completion cannot be dated in the future."), field="completed_on")
    if hours is not None and not 0 <= hours <= 2000:
        raise ValidationError(translate("Growth", "Hours must be between 0 and 2000."), field="hours")
    rows = session.scalars(select(TrainingEnrolment).where(ids_in(TrainingEnrolment.id, enrolment_ids))).all()
    if len(rows) != len(set(enrolment_ids)):
        raise NotFound(translate("Growth", "Some of these enrolments no longer exist."))
    programs = {p.id: p for p in session.scalars(
        select(TrainingProgram).where(TrainingProgram.id.in_({r.program_id for r in rows})))}
    n = 0
    for e in rows:
        if e.status == EnrolmentStatus.COMPLETED.value:
            continue
        p = programs[e.program_id]
        if p.start_date and completed_on < p.start_date:
            raise ValidationError(translate("Growth", "Completion is dated before the programme starts ({start}).")
                                  .format(start=p.start_date.isoformat()), field="completed_on")
        e.status = EnrolmentStatus.COMPLETED.value
        e.completed_on = completed_on
        e.hours = float(p.hours if hours is None else hours)
        session.add(GrowthEvent(talent_id=e.talent_id, kind=GrowthKind.TRAINING.value, event_date=completed_on,
                                title=p.name[:120], detail=translate("Growth", "{hours} hours").format(
                                    hours=f"{e.hours:g}")))
        n += 1
    session.flush()
    return n


@operation(Permission.GROWTH_WRITE, writes=True, changes=(Change.GROWTH,))
def drop_enrolments(session: Session, *, enrolment_ids: list[int]) -> int:
    rows = session.scalars(select(TrainingEnrolment).where(ids_in(TrainingEnrolment.id, enrolment_ids))).all()
    n = 0
    for e in rows:
        if e.status == EnrolmentStatus.COMPLETED.value:
            raise RuleViolation(translate("Growth", "A completed training cannot be marked as dropped."))
        if e.status != EnrolmentStatus.DROPPED.value:
            e.status = EnrolmentStatus.DROPPED.value
            n += 1
    session.flush()
    return n


@dataclass(frozen=True, slots=True)
class CoverageLine:
    key: str            # tier code or employer id as text ('' = no employer)
    name: str
    active: int
    in_plan: int
    completed: int

    @property
    def share(self) -> float:
        return self.in_plan / self.active if self.active else 0.0


@dataclass(frozen=True, slots=True)
class Coverage:
    year: int
    total: CoverageLine
    by_tier: tuple[CoverageLine, ...]
    by_employer: tuple[CoverageLine, ...]


@operation(Permission.GROWTH_READ)
def coverage(session: Session, *, year: int) -> Coverage:
    """How many active talents are in this year's plan (enrolled or completed, not dropped), by tier and employer."""
    en = current_language() == "en"
    in_plan = _not_trained_in(year).distinct().subquery()
    done = (select(TrainingEnrolment.talent_id)
            .join(TrainingProgram, TrainingProgram.id == TrainingEnrolment.program_id)
            .where(TrainingProgram.year == year, TrainingEnrolment.status == EnrolmentStatus.COMPLETED.value)
            .distinct().subquery())
    active = Talent.status == TalentStatus.ACTIVE.value

    def grouped(*keys):
        stmt = (select(*keys, func.count(), func.count(in_plan.c.talent_id), func.count(done.c.talent_id))
                .select_from(Talent)
                .outerjoin(in_plan, in_plan.c.talent_id == Talent.id)
                .outerjoin(done, done.c.talent_id == Talent.id)
                .where(active))
        return stmt.group_by(*keys) if keys else stmt

    n, p, c = session.execute(grouped()).one()
    total = CoverageLine("", translate("Growth", "All active talents"), n, p, c)
    tiers = {code: (nm_en if en and nm_en else nm) for code, nm, nm_en, _ in session.execute(
        select(Tier.code, Tier.name, Tier.name_en, Tier.sort_order))}
    order = {code: i for i, (code,) in enumerate(session.execute(select(Tier.code).order_by(Tier.sort_order, Tier.code)))}
    by_tier = sorted((CoverageLine(code, tiers.get(code, code), n, p, c)
                      for code, n, p, c in session.execute(grouped(Talent.tier_code))),
                     key=lambda line: order.get(line.key, 999))
    emp_names = dict(session.execute(select(Employer.id, Employer.name)).all())
    by_emp = sorted((CoverageLine(str(eid or ""), emp_names.get(eid, translate("Growth", "(no employer)")), n, p, c)
                     for eid, n, p, c in session.execute(grouped(Talent.employer_id))),
                    key=lambda line: (line.share, -line.active))
    return Coverage(year, total, tuple(by_tier), tuple(by_emp))
