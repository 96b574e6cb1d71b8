"""The mentor board: mentors with their load, current pairings, overdue check-ins."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.domain.enums import TalentStatus
from talentdesk.domain.models import Employer, Mentor, MentorRole, Pairing, Talent
from talentdesk.i18n import current_language
from talentdesk.services.base import Permission, operation


@dataclass(frozen=True, slots=True)
class MentorRow:
    id: int
    name: str
    employer_name: str
    title: str
    expertise: str
    phone: str
    capacity: int
    load: int
    active: bool


@dataclass(frozen=True, slots=True)
class PairingRow:
    id: int
    mentor_id: int
    mentor_name: str
    talent_id: int
    talent_name: str
    employer_name: str
    role_name: str
    start_date: dt.date
    planned_end_date: dt.date | None
    end_date: dt.date | None
    last_checkin_date: dt.date | None
    cadence_days: int
    overdue: bool


def _load_subquery():
    return (
        select(Pairing.mentor_id, func.count(func.distinct(Pairing.talent_id)).label("load"))
        .where(Pairing.end_date.is_(None))
        .group_by(Pairing.mentor_id)
        .subquery()
    )


@operation(Permission.MENTOR_READ)
def list_mentors(session: Session, *, include_retired: bool = False) -> list[MentorRow]:
    load = _load_subquery()
    stmt = (
        select(Mentor.id, Mentor.name, Employer.name, Mentor.title, Mentor.expertise, Mentor.phone, Mentor.capacity,
               func.coalesce(load.c.load, 0), Mentor.active)
        .outerjoin(Employer, Employer.id == Mentor.employer_id)
        .outerjoin(load, load.c.mentor_id == Mentor.id)
        .order_by(Mentor.name_pinyin)
    )
    if not include_retired:
        stmt = stmt.where(Mentor.active.is_(True))
    return [MentorRow(r[0], r[1], r[2] or "", *r[3:]) for r in session.execute(stmt)]


def is_overdue(last: dt.date | None, start: dt.date, cadence_days: int, today: dt.date) -> bool:
    """A pairing is overdue when no check-in happened within its cadence (counting from the start if none yet)."""
    return (today - (last or start)).days > cadence_days


@operation(Permission.MENTOR_READ)
def list_pairings(session: Session, *, current_only: bool = True, mentor_id: int | None = None,
                  talent_id: int | None = None, overdue_only: bool = False, today: dt.date | None = None) -> list[PairingRow]:
    today = today or dt.date.today()
    en = current_language() == "en"
    stmt = (
        select(Pairing.id, Pairing.mentor_id, Mentor.name, Pairing.talent_id, Talent.name, Employer.name,
               MentorRole.name, MentorRole.name_en, Pairing.start_date, Pairing.planned_end_date, Pairing.end_date,
               Pairing.last_checkin_date, Pairing.cadence_days)
        .join(Mentor, Mentor.id == Pairing.mentor_id)
        .join(Talent, Talent.id == Pairing.talent_id)
        .join(MentorRole, MentorRole.id == Pairing.role_id)
        .outerjoin(Employer, Employer.id == Talent.employer_id)
        .order_by(Mentor.name_pinyin, Talent.name_pinyin)
    )
    if current_only:
        stmt = stmt.where(Pairing.end_date.is_(None))
    if mentor_id:
        stmt = stmt.where(Pairing.mentor_id == mentor_id)
    if talent_id:
        stmt = stmt.where(Pairing.talent_id == talent_id)
    out = []
    for r in session.execute(stmt):
        overdue = r[10] is None and is_overdue(r[11], r[8], r[12], today)
        if overdue_only and not overdue:
            continue
        out.append(PairingRow(r[0], r[1], r[2], r[3], r[4], r[5] or "", (r[7] if en and r[7] else r[6]),
                              r[8], r[9], r[10], r[11], r[12], overdue))
    return out


@operation(Permission.MENTOR_READ)
def count_unpaired_active(session: Session) -> int:
    paired = select(Pairing.talent_id).where(Pairing.end_date.is_(None))
    return session.scalar(
        select(func.count()).select_from(Talent)
        .where(Talent.status == TalentStatus.ACTIVE.value, Talent.id.not_in(paired))
    ) or 0


@operation(Permission.MENTOR_WRITE, changes=("mentors",))
def end_current_pairings(session: Session, *, talent_id: int, on: dt.date, reason: str) -> int:
    """End every current pairing of a talent (e.g. on departure), keeping the rows as history. Returns how many."""
    rows = session.scalars(select(Pairing).where(Pairing.talent_id == talent_id, Pairing.end_date.is_(None))).all()
    for p in rows:
        p.end_date = max(on, p.start_date)
        p.end_reason = reason
    session.flush()
    return len(rows)
