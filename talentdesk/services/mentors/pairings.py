"""结对: pairing a newcomer with a mentor in a role, reassigning with history, ending, and the overdue rule.

Rules held here (tests prove each):
- one current pairing per newcomer and role (also a partial unique index in the schema);
- a reassignment ends the old pairing with a reason and starts a new one on the same day: history is kept;
- a pairing is overdue when its last check-in (or its start, if none yet) is more than `cadence_days` ago.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.store.db import ids_in
from talentdesk.domain.enums import TalentStatus
from talentdesk.domain.errors import Conflict, NotFound, RuleViolation, ValidationError
from talentdesk.domain.models import Employer, Mentor, MentorRole, Pairing, Talent
from talentdesk.domain.values import add_months
from talentdesk.i18n import translate
from talentdesk.services.base import STREAM, Change, Permission, operation
from talentdesk.services.common.settings import get_setting
from talentdesk.services.mentors.pool import find_mentor, find_or_missing, limited_text, mentor_load, role_display

MAX_CADENCE_DAYS = 366


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
    role_id: int = 0
    goals: str = ""
    end_reason: str = ""
    days_since_contact: int = 0
    mentor_phone: str = ""


def is_overdue(last: dt.date | None, start: dt.date, cadence_days: int, today: dt.date) -> bool:
    """A pairing is overdue when no check-in happened within its cadence (counting from the start if none yet)."""
    return (today - (last or start)).days > cadence_days


def find_pairing(session: Session, pairing_id: int) -> Pairing:
    return find_or_missing(session, Pairing, pairing_id, translate("Mentors", "Pairing"))


def _cadence_value(session: Session, cadence_days) -> int:
    if cadence_days is None:
        return int(get_setting(session, "checkin_cadence_days") or 30)
    try:
        value = int(cadence_days)
    except (TypeError, ValueError):
        value = 0
    if value < 1 or value > MAX_CADENCE_DAYS:
        raise ValidationError(translate("Mentors", "The check-in cadence must be from 1 to {max} days.").format(max=MAX_CADENCE_DAYS),
                              field="cadence_days")
    return value


def _check_capacity(session: Session, mentor: Mentor, talent_id: int) -> None:
    already = session.scalar(
        select(func.count()).select_from(Pairing)
        .where(Pairing.mentor_id == mentor.id, Pairing.talent_id == talent_id, Pairing.end_date.is_(None))
    )
    if already:
        return  # another role for a newcomer this mentor already looks after does not add to the load
    load = mentor_load(session, mentor.id)
    if load + 1 > mentor.capacity:
        raise RuleViolation(
            translate("Mentors", "{mentor} already looks after {load} of {capacity} newcomers and cannot take another. Raise the "
               "mentor's capacity or choose another mentor.").format(mentor=mentor.name, load=load,
                                                                     capacity=mentor.capacity),
            field="mentor_id",
        )


def _pairing_row(session: Session, pairing_id: int, today: dt.date | None = None) -> PairingRow:
    rows = list_pairings(session, current_only=False, pairing_id=pairing_id, today=today)
    return rows[0]


def _validate_period(start: dt.date, planned_end: dt.date | None) -> None:
    if not isinstance(start, dt.date):
        raise ValidationError(translate("Mentors", "Enter the start date."), field="start_date")
    if planned_end is not None and planned_end <= start:
        raise ValidationError(translate("Mentors", "The planned end must be after the start date."), field="planned_end_date")


def _current_in_role(session: Session, talent_id: int, role_id: int) -> Pairing | None:
    return session.scalar(select(Pairing).where(Pairing.talent_id == talent_id, Pairing.role_id == role_id,
                                                Pairing.end_date.is_(None)))


@operation(Permission.MENTOR_WRITE, writes=True, changes=(Change.MENTORS,))
def pair(session: Session, *, mentor_id: int, talent_id: int, role_id: int, start_date: dt.date,
         planned_end_date: dt.date | None = None, goals: str = "", cadence_days: int | None = None) -> PairingRow:
    """Pair a newcomer with a mentor in a role. A newcomer may have several mentors, one per role."""
    mentor = find_mentor(session, mentor_id)
    talent = find_or_missing(session, Talent, talent_id, translate("Mentors", "Talent"))
    role = find_or_missing(session, MentorRole, role_id, translate("Mentors", "Role"))
    if not mentor.active:
        raise RuleViolation(translate("Mentors", "{mentor} has retired from the mentor pool.").format(mentor=mentor.name),
                            field="mentor_id")
    if talent.status != TalentStatus.ACTIVE.value:
        raise RuleViolation(translate("Mentors", "{name} has left the county and cannot be paired.").format(name=talent.name),
                            field="talent_id")
    if mentor.talent_id == talent.id:
        raise RuleViolation(translate("Mentors", "{name} cannot be their own mentor.").format(name=talent.name), field="mentor_id")
    _validate_period(start_date, planned_end_date)
    cadence = _cadence_value(session, cadence_days)
    goals = limited_text(goals, limit=2000, field_name="goals", what=translate("Mentors", "The goals"))
    current = _current_in_role(session, talent.id, role.id)
    if current is not None:
        holder = session.get(Mentor, current.mentor_id)
        raise Conflict(
            translate("Mentors", "{talent} already has {mentor} as {role}. Drag the card to reassign instead.").format(
                talent=talent.name, mentor=holder.name if holder else "?", role=role_display(role.name, role.name_en)),
            field="role_id")
    _check_capacity(session, mentor, talent.id)
    p = Pairing(mentor_id=mentor.id, talent_id=talent.id, role_id=role.id, start_date=start_date,
                planned_end_date=planned_end_date, goals=goals, cadence_days=cadence)
    session.add(p)
    session.flush()
    return _pairing_row(session, p.id)


def _ending(session: Session, pairing_id: int, reason: str, say_why: str) -> tuple[Pairing, str]:
    """A current pairing about to end, and the reason given for it (refused when empty: `say_why`)."""
    pairing = find_pairing(session, pairing_id)
    if pairing.end_date is not None:
        raise RuleViolation(translate("Mentors", "This pairing has already ended."))
    reason = limited_text(reason, limit=200, field_name="reason", what=translate("Mentors", "The reason"))
    if not reason:
        raise ValidationError(say_why, field="reason")
    return pairing, reason


@operation(Permission.MENTOR_WRITE, writes=True, changes=(Change.MENTORS,))
def reassign(session: Session, *, pairing_id: int, to_mentor_id: int, on: dt.date, reason: str) -> PairingRow:
    """Move a current pairing to another mentor: the old one ends on `on` with `reason`, a new one starts that day
    with the same role, planned end, goals and cadence. Returns the new pairing."""
    old, reason = _ending(session, pairing_id, reason, translate("Mentors", "Say why the newcomer changes mentor."))
    if not isinstance(on, dt.date):
        raise ValidationError(translate("Mentors", "Enter the date of the change."), field="on")
    if on < old.start_date:
        raise ValidationError(translate("Mentors", "The change cannot be before the pairing started ({date}).").format(
            date=old.start_date.isoformat()), field="on")
    if to_mentor_id == old.mentor_id:
        raise ValidationError(translate("Mentors", "The newcomer is already with this mentor."), field="to_mentor_id")
    target = find_mentor(session, to_mentor_id)
    if not target.active:
        raise RuleViolation(translate("Mentors", "{mentor} has retired from the mentor pool.").format(mentor=target.name),
                            field="to_mentor_id")
    if target.talent_id == old.talent_id:
        talent = session.get(Talent, old.talent_id)
        raise RuleViolation(translate("Mentors", "{name} cannot be their own mentor.").format(name=talent.name), field="to_mentor_id")
    _check_capacity(session, target, old.talent_id)
    old.end_date = on
    old.end_reason = reason
    session.flush()  # the partial unique index needs the old row ended before the new one exists
    new = Pairing(mentor_id=target.id, talent_id=old.talent_id, role_id=old.role_id, start_date=on,
                  planned_end_date=old.planned_end_date if old.planned_end_date and old.planned_end_date > on else None,
                  goals=old.goals, cadence_days=old.cadence_days)
    session.add(new)
    session.flush()
    return _pairing_row(session, new.id)


@operation(Permission.MENTOR_WRITE, writes=True, changes=(Change.MENTORS,))
def reassign_many(session: Session, *, pairing_ids: Sequence[int], to_mentor_id: int, on: dt.date,
                  reason: str) -> list[PairingRow]:
    """Move several roles of one newcomer (a board card) to another mentor in one unit of work: all or nothing."""
    if not pairing_ids:
        raise ValidationError(translate("Mentors", "Choose at least one role to move."), field="pairing_ids")
    talents = set(session.scalars(select(Pairing.talent_id).where(ids_in(Pairing.id, list(pairing_ids)))))
    if len(talents) > 1:
        raise ValidationError(translate("Mentors", "Only the roles of one newcomer can be moved together."), field="pairing_ids")
    return [reassign(session, pairing_id=pid, to_mentor_id=to_mentor_id, on=on, reason=reason) for pid in pairing_ids]


@operation(Permission.MENTOR_WRITE, writes=True, changes=(Change.MENTORS,))
def end_pairing(session: Session, *, pairing_id: int, on: dt.date, reason: str) -> PairingRow:
    """End one pairing (goals reached, mentor left …). The row stays as history."""
    p, reason = _ending(session, pairing_id, reason, translate("Mentors", "Say why the pairing ends."))
    if on < p.start_date:
        raise ValidationError(translate("Mentors", "The end cannot be before the pairing started ({date}).").format(
            date=p.start_date.isoformat()), field="on")
    p.end_date = on
    p.end_reason = reason
    session.flush()
    return _pairing_row(session, p.id)


@operation(Permission.MENTOR_WRITE, writes=True, changes=(Change.MENTORS,))
def end_current_pairings(session: Session, *, talent_id: int, on: dt.date, reason: str) -> int:
    """End every current pairing of a talent (e.g. on departure), keeping the rows as history. Returns how many."""
    rows = session.scalars(select(Pairing).where(Pairing.talent_id == talent_id, Pairing.end_date.is_(None))).all()
    for p in rows:
        p.end_date = max(on, p.start_date)
        p.end_reason = reason
    session.flush()
    return len(rows)


@operation(Permission.MENTOR_READ)
def list_pairings(session: Session, *, current_only: bool = True, mentor_id: int | None = None,
                  talent_id: int | None = None, overdue_only: bool = False, today: dt.date | None = None,
                  pairing_id: int | None = None, limit: int | None = None) -> list[PairingRow]:
    """Pairings as rows, most overdue first with `overdue_only`; at most `limit` rows (the read stops there: a
    city's current pairings are never all held at once for the overview's first 500)."""
    today = today or dt.date.today()
    stmt = (
        select(Pairing.id, Pairing.mentor_id, Mentor.name, Pairing.talent_id, Talent.name, Employer.name,
               MentorRole.name, MentorRole.name_en, Pairing.start_date, Pairing.planned_end_date, Pairing.end_date,
               Pairing.last_checkin_date, Pairing.cadence_days, Pairing.role_id, Pairing.goals, Pairing.end_reason,
               Mentor.phone)
        .join(Mentor, Mentor.id == Pairing.mentor_id)
        .join(Talent, Talent.id == Pairing.talent_id)
        .join(MentorRole, MentorRole.id == Pairing.role_id)
        .outerjoin(Employer, Employer.id == Talent.employer_id)
    )
    if overdue_only:
        stmt = stmt.where(Pairing.end_date.is_(None))
        stmt = stmt.order_by(func.coalesce(Pairing.last_checkin_date, Pairing.start_date), Talent.name_pinyin)
    else:
        stmt = stmt.order_by(Mentor.name_pinyin, Talent.name_pinyin, Pairing.start_date, Pairing.id)
    if current_only:
        stmt = stmt.where(Pairing.end_date.is_(None))
    if mentor_id:
        stmt = stmt.where(Pairing.mentor_id == mentor_id)
    if talent_id:
        stmt = stmt.where(Pairing.talent_id == talent_id)
    if pairing_id:
        stmt = stmt.where(Pairing.id == pairing_id)
    out = []
    result = session.execute(stmt, execution_options=STREAM)
    for r in result:
        overdue = r[10] is None and is_overdue(r[11], r[8], r[12], today)
        if overdue_only and not overdue:
            continue
        since = (today - (r[11] or r[8])).days
        out.append(PairingRow(r[0], r[1], r[2], r[3], r[4], r[5] or "", role_display(r[6], r[7]),
                              r[8], r[9], r[10], r[11], r[12], overdue, r[13], r[14] or "", r[15] or "", since,
                              r[16] or ""))
        if limit is not None and len(out) >= limit:
            break
    result.close()
    if pairing_id and not out:
        raise NotFound(translate("Mentors", "{what} {id} was not found.").format(what=translate("Mentors", "Pairing"), id=pairing_id))
    return out


@operation(Permission.MENTOR_READ)
def count_overdue(session: Session, *, today: dt.date | None = None) -> int:
    """How many current pairings are overdue (the rule is `is_overdue`, applied to every current pairing)."""
    today = today or dt.date.today()
    rows = session.execute(select(Pairing.last_checkin_date, Pairing.start_date, Pairing.cadence_days)
                           .where(Pairing.end_date.is_(None)))
    return sum(1 for last, start, cadence in rows if is_overdue(last, start, cadence, today))


@operation(Permission.MENTOR_READ)
def count_unpaired_active(session: Session) -> int:
    paired = select(Pairing.talent_id).where(Pairing.end_date.is_(None))
    return session.scalar(
        select(func.count()).select_from(Talent)
        .where(Talent.status == TalentStatus.ACTIVE.value, Talent.id.not_in(paired))
    ) or 0


def default_planned_end(start: dt.date, months: int = 24) -> dt.date:
    """The usual pairing period: two years."""
    return add_months(start, months)
