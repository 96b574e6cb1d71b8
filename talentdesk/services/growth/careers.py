"""Growth: events on each talent's career and the annual training plan."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.enums import AppraisalGrade, CareKind, EnrolmentStatus, EntryKind, GrowthKind, TalentStatus
from talentdesk.domain.errors import Conflict, NotFound, RuleViolation, ValidationError
from talentdesk.domain.labels import label
from talentdesk.domain.models import (
    CareCase,
    Employer,
    GrowthEvent,
    LedgerEntry,
    Mentor,
    MentorRole,
    Pairing,
    SubsidyGrant,
    Talent,
    Tier,
    TrainingEnrolment,
    TrainingProgram,
)
from talentdesk.domain.values import format_yuan
from talentdesk.i18n import current_language, translate
from talentdesk.services.base import Change, Permission, operation
from talentdesk.services.common.settings import get_setting
from talentdesk.services.talents.registry import Page


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


# big reads are fetched in batches: each batch is converted to rows in one go without yielding the GIL, so
# small batches keep the window responsive while a background job reads 100,000 rows
STREAM = {"yield_per": 2000}

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


# ------------------------------------------------------------------ the timeline of one talent

MONEY, CARE, CAREER, MILESTONE = "money", "care", "career", "milestone"
PILLARS = (MONEY, CARE, CAREER, MILESTONE)


def pillar_label(pillar: str) -> str:
    return {
        MONEY: translate("Growth", "Money"),
        CARE: translate("Growth", "Care"),
        CAREER: translate("Growth", "Career"),
        MILESTONE: translate("Growth", "Arrival and departure"),
    }.get(pillar, pillar)


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One mark on the timeline. `end_date` is set for spans (a pairing, a care case)."""

    date: dt.date
    end_date: dt.date | None
    pillar: str
    kind: str           # a GrowthKind value, or 'pairing', 'care', 'payment', 'clawback', 'refund'
    title: str
    detail: str
    record_table: str
    record_id: int


@dataclass(frozen=True, slots=True)
class Timeline:
    talent_id: int
    name: str
    tier_name: str
    employer_name: str
    post: str
    arrival_date: dt.date
    service_end_date: dt.date | None
    departure_date: dt.date | None
    status: str
    today: dt.date
    items: tuple[TimelineItem, ...]


@operation(Permission.GROWTH_READ)
def timeline(session: Session, *, talent_id: int, today: dt.date) -> Timeline:
    """Everything on one talent's career line: growth events, pairings, care cases and money paid or owed."""
    en = current_language() == "en"
    t = session.execute(
        select(Talent.id, Talent.name, Tier.name, Tier.name_en, Employer.name, Talent.post, Talent.arrival_date,
               Talent.service_end_date, Talent.departure_date, Talent.status)
        .join(Tier, Tier.code == Talent.tier_code).outerjoin(Employer, Employer.id == Talent.employer_id)
        .where(Talent.id == talent_id)
    ).first()
    if t is None:
        raise NotFound(translate("Growth", "Talent {id} does not exist.").format(id=talent_id))
    items: list[TimelineItem] = []
    for eid, kind, on, title, detail, grade in session.execute(
        select(GrowthEvent.id, GrowthEvent.kind, GrowthEvent.event_date, GrowthEvent.title, GrowthEvent.detail,
               GrowthEvent.appraisal_grade).where(GrowthEvent.talent_id == talent_id)
    ):
        pillar = MILESTONE if kind in (GrowthKind.ARRIVAL.value, GrowthKind.DEPARTURE.value) else CAREER
        text = title or label(GrowthKind, kind)
        if grade:
            text = f"{text} · {label(AppraisalGrade, grade)}"
        items.append(TimelineItem(on, None, pillar, kind, text, detail, "growth_events", eid))
    for pid, start, planned, end, mentor, role, role_en in session.execute(
        select(Pairing.id, Pairing.start_date, Pairing.planned_end_date, Pairing.end_date, Mentor.name,
               MentorRole.name, MentorRole.name_en)
        .join(Mentor, Mentor.id == Pairing.mentor_id).join(MentorRole, MentorRole.id == Pairing.role_id)
        .where(Pairing.talent_id == talent_id)
    ):
        role_name = role_en if en and role_en else role
        title = translate("Growth", "Paired with {mentor} ({role})").format(mentor=mentor, role=role_name)
        items.append(TimelineItem(start, end or min(planned or today, today), CARE, "pairing", title,
                                  "", "pairings", pid))
    for cid, kind, title, opened, closed in session.execute(
        select(CareCase.id, CareCase.kind, CareCase.title, CareCase.opened_on, CareCase.closed_on)
        .where(CareCase.talent_id == talent_id)
    ):
        items.append(TimelineItem(opened, closed or today, CARE, "care", f"{label(CareKind, kind)} {title}".strip(),
                                  "", "care_cases", cid))
    reversed_ids = select(LedgerEntry.reverses_id).where(LedgerEntry.talent_id == talent_id,
                                                         LedgerEntry.reverses_id.is_not(None))
    for lid, kind, amount, on, policy, seq in session.execute(
        select(LedgerEntry.id, LedgerEntry.kind, LedgerEntry.amount_fen, LedgerEntry.entry_date,
               SubsidyGrant.policy_name, LedgerEntry.instalment_seq)
        .join(SubsidyGrant, SubsidyGrant.id == LedgerEntry.grant_id)
        .where(LedgerEntry.talent_id == talent_id,
               LedgerEntry.kind.in_((EntryKind.PAYMENT.value, EntryKind.CLAWBACK.value, EntryKind.REFUND.value)),
               LedgerEntry.id.not_in(reversed_ids))
    ):
        what = label(EntryKind, kind)
        detail = translate("Growth", "Instalment {seq}").format(seq=seq) if seq else ""
        items.append(TimelineItem(on, None, MONEY, kind, f"{what} {format_yuan(abs(amount))} · {policy}",
                                  detail, "ledger_entries", lid))
    items.sort(key=lambda i: (i.date, i.record_table, i.record_id))
    return Timeline(t[0], t[1], (t[3] if en and t[3] else t[2]), t[4] or "", t[5], t[6], t[7], t[8], t[9], today,
                    tuple(items))


# ------------------------------------------------------------------ growth events: add, change, remove

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
def update_event(session: Session, *, event_id: int, data: EventInput, today: dt.date) -> None:
    ev = session.get(GrowthEvent, event_id)
    if ev is None:
        raise NotFound(translate("Growth", "This event no longer exists."))
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
               GrowthEvent.title, GrowthEvent.detail, GrowthEvent.appraisal_grade)
        .join(Talent, Talent.id == GrowthEvent.talent_id).where(GrowthEvent.id == event_id)
    ).first()
    if r is None:
        raise NotFound(translate("Growth", "This event no longer exists."))
    return EventRow(*r)


# ------------------------------------------------------------------ the annual training plan

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
def update_program(session: Session, *, program_id: int, data: ProgramInput) -> None:
    p = session.get(TrainingProgram, program_id)
    if p is None:
        raise NotFound(translate("Growth", "This programme no longer exists."))
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
    rows = session.execute(select(Talent.id, Talent.name, Talent.status).where(Talent.id.in_(talent_ids))).all()
    found = {r[0]: r for r in rows}
    missing = [i for i in talent_ids if i not in found]
    if missing:
        raise NotFound(translate("Growth", "Talent {id} does not exist.").format(id=missing[0]))
    departed = [r[1] for r in rows if r[2] != TalentStatus.ACTIVE.value]
    if departed:
        raise RuleViolation(translate("Growth", "Only active talents can be enrolled: {names} have left.").format(
            names="、".join(departed)))
    already = set(session.scalars(select(TrainingEnrolment.talent_id).where(
        TrainingEnrolment.program_id == program_id, TrainingEnrolment.talent_id.in_(talent_ids))))
    if already:
        names = "、".join(found[i][1] for i in talent_ids if i in already)
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
    return [EnrolmentRow(r[0], r[1], r[2], r[3] or "", *r[4:]) for r in session.execute(stmt)]


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
    rows = session.scalars(select(TrainingEnrolment).where(TrainingEnrolment.id.in_(enrolment_ids))).all()
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
    rows = session.scalars(select(TrainingEnrolment).where(TrainingEnrolment.id.in_(enrolment_ids))).all()
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


# ------------------------------------------------------------------ promotion readiness

@dataclass(frozen=True, slots=True)
class ReadyRow:
    talent_id: int
    name: str
    employer_name: str
    tier_code: str
    post: str
    professional_title: str
    in_post_since: dt.date
    years_in_post: float
    training_hours: float
    recent_grades: tuple[str, ...]   # newest first
    excellent: int


POST_KINDS = (GrowthKind.POST_CHANGE.value, GrowthKind.PROMOTION.value, GrowthKind.IMPORTANT_POST.value)


@dataclass(frozen=True, slots=True)
class Thresholds:
    min_years_in_post: float
    min_training_hours: float
    min_good_appraisals: int
    require_title: bool


@operation(Permission.GROWTH_READ)
def promotion_thresholds(session: Session) -> Thresholds:
    return Thresholds(float(get_setting(session, "promotion_min_years_in_post")),
                      float(get_setting(session, "promotion_min_training_hours")),
                      int(get_setting(session, "promotion_min_good_appraisals")),
                      bool(get_setting(session, "promotion_require_title")))


@operation(Permission.GROWTH_READ)
def promotion_candidates(session: Session, *, today: dt.date, limit: int = 2000) -> list[ReadyRow]:
    """Active talents who meet every threshold in settings: years in the present post (since the last post change,
    promotion or important-post assignment, else since arrival), completed training hours, the latest appraisals
    all at least 合格 with none 基本合格/不合格, and (if required) a professional title. Best first."""
    years_min = float(get_setting(session, "promotion_min_years_in_post"))
    hours_min = float(get_setting(session, "promotion_min_training_hours"))
    n_appraisals = int(get_setting(session, "promotion_min_good_appraisals"))
    need_title = bool(get_setting(session, "promotion_require_title"))
    # four set-based queries combined by talent id (SQLite plans them badly as joined subqueries)
    last_post = {tid: d for tid, d in session.execute(
        select(GrowthEvent.talent_id, func.max(GrowthEvent.event_date))
        .join(Talent, Talent.id == GrowthEvent.talent_id)
        .where(GrowthEvent.kind.in_(POST_KINDS), Talent.status == TalentStatus.ACTIVE.value)
        .group_by(GrowthEvent.talent_id), execution_options=STREAM)}
    hours = {tid: h for tid, h in session.execute(
        select(TrainingEnrolment.talent_id, func.sum(TrainingEnrolment.hours))
        .where(TrainingEnrolment.status == EnrolmentStatus.COMPLETED.value)
        .group_by(TrainingEnrolment.talent_id)
        .having(func.sum(TrainingEnrolment.hours) >= hours_min), execution_options=STREAM)}
    ranked = (select(GrowthEvent.talent_id, GrowthEvent.appraisal_grade,
                     func.row_number().over(partition_by=GrowthEvent.talent_id,
                                            order_by=(GrowthEvent.event_date.desc(), GrowthEvent.id.desc())).label("rn"))
              .where(GrowthEvent.kind == GrowthKind.APPRAISAL.value, GrowthEvent.event_date <= today).subquery())
    grades: dict[int, list[str]] = {}
    for tid, grade in session.execute(select(ranked.c.talent_id, ranked.c.appraisal_grade)
                                      .where(ranked.c.rn <= max(n_appraisals, 1))
                                      .order_by(ranked.c.talent_id, ranked.c.rn), execution_options=STREAM):
        grades.setdefault(tid, []).append(grade)
    stmt = (select(Talent.id, Talent.name, Employer.name, Talent.tier_code, Talent.post, Talent.professional_title,
                   Talent.arrival_date)
            .outerjoin(Employer, Employer.id == Talent.employer_id)
            .where(Talent.status == TalentStatus.ACTIVE.value))
    if need_title:
        stmt = stmt.where(Talent.professional_title != "")
    good = {AppraisalGrade.EXCELLENT.value, AppraisalGrade.COMPETENT.value}
    out = []
    for tid, name, emp, tier, post, title, arrival in session.execute(stmt, execution_options=STREAM):
        hrs = hours.get(tid, 0.0)
        if hrs < hours_min:
            continue
        since_d = max(last_post.get(tid) or arrival, arrival)
        years = (today - since_d).days / 365.25
        if years < years_min:
            continue
        recent = grades.get(tid, [])
        if len(recent) < n_appraisals or any(g not in good for g in recent):
            continue
        out.append(ReadyRow(tid, name, emp or "", tier, post, title, since_d, round(years, 1), float(hrs),
                            tuple(recent), sum(1 for g in recent if g == AppraisalGrade.EXCELLENT.value)))
    out.sort(key=lambda r: (-r.excellent, -r.training_hours, -r.years_in_post, r.talent_id))
    return out[:limit]
