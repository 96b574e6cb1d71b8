"""导师结对: the mentor pool, pairings (several roles per newcomer), reassignment with history, check-ins with
follow-up care cases, cadence and overdue rules, and the board's data as plain rows.

Rules held here (tests prove each):
- capacity counts the DISTINCT newcomers a mentor currently looks after (two roles for one newcomer count once);
- one current pairing per newcomer and role (also a partial unique index in the schema);
- a reassignment ends the old pairing with a reason and starts a new one on the same day: history is kept;
- a pairing is overdue when its last check-in (or its start, if none yet) is more than `cadence_days` ago;
- a check-in that needs the office to follow up opens a care case on the talent, linked by `source_checkin_id`.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.enums import CaseStatus, TalentStatus
from talentdesk.domain.errors import Conflict, NotFound, RuleViolation, ValidationError
from talentdesk.domain.labels import label
from talentdesk.domain.models import CareCase, CheckIn, Employer, Mentor, MentorRole, Pairing, Talent, Tier
from talentdesk.domain.pinyin import pinyin_keys
from talentdesk.domain.values import add_months, months_between, parse_phone
from talentdesk.i18n import current_language, translate
from talentdesk.services.base import Change, Permission, operation
from talentdesk.services.common.settings import get_setting

MAX_CADENCE_DAYS = 366
MAX_CAPACITY = 50


# ------------------------------------------------------------------ rows handed to the UI and the CLI

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
    employer_id: int | None = None
    talent_id: int | None = None
    notes: str = ""

    @property
    def full(self) -> bool:
        return self.load >= self.capacity


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


@dataclass(frozen=True, slots=True)
class RoleRow:
    id: int
    name: str
    name_en: str
    sort_order: int
    in_use: int = 0

    @property
    def display(self) -> str:
        return self.name_en if current_language() == "en" and self.name_en else self.name


@dataclass(frozen=True, slots=True)
class CheckInRow:
    id: int
    pairing_id: int
    date: dt.date
    mode: str
    mode_label: str
    notes: str
    issue_tags: tuple[str, ...]
    issues: str
    follow_up: bool
    care_case_id: int | None = None
    care_case_open: bool = False


@dataclass(frozen=True, slots=True)
class CheckInResult:
    checkin_id: int
    pairing_id: int
    care_case_id: int | None


@dataclass(frozen=True, slots=True)
class CardRole:
    pairing_id: int
    role_id: int
    role_name: str
    start_date: dt.date
    last_checkin_date: dt.date | None
    cadence_days: int
    overdue: bool


@dataclass(frozen=True, slots=True)
class OtherRole:
    role_name: str
    mentor_name: str


@dataclass(frozen=True, slots=True)
class BoardCard:
    """One newcomer under one mentor (all the roles this mentor holds for them), or under "no mentor yet"."""

    talent_id: int
    talent_name: str
    employer_name: str
    tier_code: str
    mentor_id: int | None                 # None: the "no mentor yet" column
    months_paired: int
    last_checkin_date: dt.date | None
    overdue: bool
    roles: tuple[CardRole, ...] = ()      # with this mentor
    other_roles: tuple[OtherRole, ...] = ()  # with other mentors
    arrival_date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class BoardColumn:
    mentor_id: int
    name: str
    employer_name: str
    title: str
    capacity: int
    load: int                              # distinct current mentees (whatever the filter)
    cards: tuple[BoardCard, ...]
    overdue: int = 0

    @property
    def full(self) -> bool:
        return self.load >= self.capacity


@dataclass(frozen=True, slots=True)
class BoardData:
    columns: tuple[BoardColumn, ...]
    unpaired: tuple[BoardCard, ...]
    unpaired_total: int
    overdue_total: int
    today: dt.date
    filtered: bool = False


@dataclass(frozen=True, slots=True)
class AgreementData:
    pairing_id: int
    office_name: str
    mentor_name: str
    mentor_employer: str
    mentor_title: str
    mentor_expertise: str
    mentor_phone: str
    talent_name: str
    talent_employer: str
    talent_post: str
    talent_title: str
    talent_phone: str
    talent_tier: str
    role_name: str
    start_date: dt.date
    planned_end_date: dt.date | None
    goals: str
    cadence_days: int
    other_roles: tuple[OtherRole, ...] = field(default_factory=tuple)


# ------------------------------------------------------------------ small helpers

def is_overdue(last: dt.date | None, start: dt.date, cadence_days: int, today: dt.date) -> bool:
    """A pairing is overdue when no check-in happened within its cadence (counting from the start if none yet)."""
    return (today - (last or start)).days > cadence_days


def _role_display(name: str, name_en: str | None) -> str:
    return name_en if current_language() == "en" and name_en else name


def _clean(text: str | None, *, limit: int, field_name: str, what: str) -> str:
    value = (text or "").strip()
    if len(value) > limit:
        raise ValidationError(translate("Mentors", "{what} may have at most {n} characters.").format(what=what, n=limit), field=field_name)
    return value


def _get(session: Session, model, ident: int | None, what: str):
    obj = session.get(model, ident) if ident is not None else None
    if obj is None:
        raise NotFound(translate("Mentors", "{what} {id} was not found.").format(what=what, id=ident))
    return obj


def _mentor(session: Session, mentor_id: int) -> Mentor:
    return _get(session, Mentor, mentor_id, translate("Mentors", "Mentor"))


def _pairing(session: Session, pairing_id: int) -> Pairing:
    return _get(session, Pairing, pairing_id, translate("Mentors", "Pairing"))


def _capacity_value(capacity) -> int:
    try:
        value = int(str(capacity).strip()) if not isinstance(capacity, bool) else 0
    except (TypeError, ValueError):
        value = 0
    if value < 1 or value > MAX_CAPACITY:
        raise ValidationError(translate("Mentors", "Capacity must be a whole number from 1 to {max}.").format(max=MAX_CAPACITY),
                              field="capacity")
    return value


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


def mentor_load(session: Session, mentor_id: int) -> int:
    """Distinct newcomers this mentor currently looks after."""
    return session.scalar(
        select(func.count(func.distinct(Pairing.talent_id)))
        .where(Pairing.mentor_id == mentor_id, Pairing.end_date.is_(None))
    ) or 0


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


def _mentor_row(session: Session, m: Mentor) -> MentorRow:
    emp = session.get(Employer, m.employer_id) if m.employer_id else None
    return MentorRow(m.id, m.name, emp.name if emp else "", m.title, m.expertise, m.phone, m.capacity,
                     mentor_load(session, m.id), bool(m.active), m.employer_id, m.talent_id, m.notes)


def _pairing_row(session: Session, pairing_id: int, today: dt.date | None = None) -> PairingRow:
    rows = list_pairings(session, current_only=False, pairing_id=pairing_id, today=today)
    return rows[0]


# ------------------------------------------------------------------ the mentor pool

def _load_subquery():
    return (
        select(Pairing.mentor_id, func.count(func.distinct(Pairing.talent_id)).label("load"))
        .where(Pairing.end_date.is_(None))
        .group_by(Pairing.mentor_id)
        .subquery()
    )


@operation(Permission.MENTOR_READ)
def list_mentors(session: Session, *, include_retired: bool = False, search: str = "") -> list[MentorRow]:
    load = _load_subquery()
    stmt = (
        select(Mentor.id, Mentor.name, Employer.name, Mentor.title, Mentor.expertise, Mentor.phone, Mentor.capacity,
               func.coalesce(load.c.load, 0), Mentor.active, Mentor.employer_id, Mentor.talent_id, Mentor.notes)
        .outerjoin(Employer, Employer.id == Mentor.employer_id)
        .outerjoin(load, load.c.mentor_id == Mentor.id)
        .order_by(Mentor.active.desc(), Mentor.name_pinyin, Mentor.id)
    )
    if not include_retired:
        stmt = stmt.where(Mentor.active.is_(True))
    s = (search or "").strip()
    if s:
        like = f"%{s.lower()}%"
        stmt = stmt.where(func.lower(Mentor.name).like(like) | Mentor.name_pinyin.like(like)
                          | Mentor.name_initials.like(like) | func.lower(Mentor.expertise).like(like))
    return [MentorRow(r[0], r[1], r[2] or "", r[3], r[4], r[5], r[6], r[7], bool(r[8]), r[9], r[10], r[11] or "")
            for r in session.execute(stmt)]


def _apply_mentor_fields(session: Session, m: Mentor, *, name: str, employer_id: int | None, title: str,
                         expertise: str, phone: str, capacity, talent_id: int | None, notes: str) -> None:
    if talent_id is not None:
        t = _get(session, Talent, talent_id, translate("Mentors", "Talent"))
        other = session.scalar(select(Mentor.id).where(Mentor.talent_id == talent_id, Mentor.id != (m.id or 0)))
        if other:
            raise Conflict(translate("Mentors", "{name} is already in the mentor pool.").format(name=t.name), field="talent_id")
        name = name or t.name
        if employer_id is None:
            employer_id = t.employer_id
        phone = phone or t.phone
        title = title or t.professional_title
    name = _clean(name, limit=40, field_name="name", what=translate("Mentors", "The name"))
    if not name:
        raise ValidationError(translate("Mentors", "Enter the mentor's name."), field="name")
    if employer_id is not None:
        _get(session, Employer, employer_id, translate("Mentors", "Employer"))
    m.name = name
    m.name_pinyin, m.name_initials = pinyin_keys(name)
    m.employer_id = employer_id
    m.title = _clean(title, limit=60, field_name="title", what=translate("Mentors", "The title"))
    m.expertise = _clean(expertise, limit=200, field_name="expertise", what=translate("Mentors", "The expertise"))
    m.phone = parse_phone(phone or "")
    m.capacity = _capacity_value(capacity)
    m.talent_id = talent_id
    m.notes = (notes or "").strip()


@operation(Permission.MENTOR_WRITE, writes=True, changes=(Change.MENTORS,))
def create_mentor(session: Session, *, name: str = "", employer_id: int | None = None, title: str = "",
                  expertise: str = "", phone: str = "", capacity: int = 3, talent_id: int | None = None,
                  notes: str = "") -> MentorRow:
    """Add a mentor to the pool. With `talent_id` (a talent who mentors), name/employer/phone default to theirs."""
    m = Mentor(active=True)
    _apply_mentor_fields(session, m, name=name, employer_id=employer_id, title=title, expertise=expertise,
                         phone=phone, capacity=capacity, talent_id=talent_id, notes=notes)
    session.add(m)
    session.flush()
    return _mentor_row(session, m)


@operation(Permission.MENTOR_WRITE, writes=True, changes=(Change.MENTORS,))
def update_mentor(session: Session, *, mentor_id: int, name: str, employer_id: int | None = None, title: str = "",
                  expertise: str = "", phone: str = "", capacity: int = 3, talent_id: int | None = None,
                  notes: str = "") -> MentorRow:
    """Change a mentor's details. Capacity cannot drop below the newcomers the mentor looks after now."""
    m = _mentor(session, mentor_id)
    _apply_mentor_fields(session, m, name=name, employer_id=employer_id, title=title, expertise=expertise,
                         phone=phone, capacity=capacity, talent_id=talent_id, notes=notes)
    load = mentor_load(session, m.id)
    if m.capacity < load:
        raise RuleViolation(
            translate("Mentors", "{mentor} looks after {load} newcomers now, so the capacity cannot be lower than {load}.").format(
                mentor=m.name, load=load), field="capacity")
    session.flush()
    return _mentor_row(session, m)


@operation(Permission.MENTOR_WRITE, writes=True, changes=(Change.MENTORS,))
def set_mentor_active(session: Session, *, mentor_id: int, active: bool) -> MentorRow:
    """Retire a mentor from the pool (only once nobody is paired with them) or bring them back."""
    m = _mentor(session, mentor_id)
    if not active:
        load = mentor_load(session, m.id)
        if load:
            raise RuleViolation(
                translate("Mentors", "{mentor} still looks after {load} newcomers. Reassign or end those pairings before retiring the "
                   "mentor.").format(mentor=m.name, load=load))
    m.active = bool(active)
    session.flush()
    return _mentor_row(session, m)


# ------------------------------------------------------------------ roles (the office's to edit)

@operation(Permission.MENTOR_READ)
def list_roles(session: Session) -> list[RoleRow]:
    used = dict(session.execute(
        select(Pairing.role_id, func.count()).where(Pairing.end_date.is_(None)).group_by(Pairing.role_id)).all())
    return [RoleRow(r.id, r.name, r.name_en, r.sort_order, used.get(r.id, 0))
            for r in session.scalars(select(MentorRole).order_by(MentorRole.sort_order, MentorRole.id))]


def _role_fields(session: Session, role: MentorRole, name: str, name_en: str) -> None:
    name = _clean(name, limit=40, field_name="name", what=translate("Mentors", "The role name"))
    if not name:
        raise ValidationError(translate("Mentors", "Enter the role's name."), field="name")
    clash = session.scalar(select(MentorRole.id).where(MentorRole.name == name, MentorRole.id != (role.id or 0)))
    if clash:
        raise Conflict(translate("Mentors", "There is already a role named {name}.").format(name=name), field="name")
    role.name = name
    role.name_en = _clean(name_en, limit=60, field_name="name_en", what=translate("Mentors", "The English name"))


@operation(Permission.MENTOR_WRITE, writes=True, changes=(Change.MENTORS,))
def create_role(session: Session, *, name: str, name_en: str = "") -> RoleRow:
    role = MentorRole()
    _role_fields(session, role, name, name_en)
    role.sort_order = (session.scalar(select(func.max(MentorRole.sort_order))) or 0) + 1
    session.add(role)
    session.flush()
    return RoleRow(role.id, role.name, role.name_en, role.sort_order, 0)


@operation(Permission.MENTOR_WRITE, writes=True, changes=(Change.MENTORS,))
def rename_role(session: Session, *, role_id: int, name: str, name_en: str = "") -> RoleRow:
    role = _get(session, MentorRole, role_id, translate("Mentors", "Role"))
    _role_fields(session, role, name, name_en)
    session.flush()
    return RoleRow(role.id, role.name, role.name_en, role.sort_order)


# ------------------------------------------------------------------ pairing, reassigning, ending

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
    mentor = _mentor(session, mentor_id)
    talent = _get(session, Talent, talent_id, translate("Mentors", "Talent"))
    role = _get(session, MentorRole, role_id, translate("Mentors", "Role"))
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
    goals = _clean(goals, limit=2000, field_name="goals", what=translate("Mentors", "The goals"))
    current = _current_in_role(session, talent.id, role.id)
    if current is not None:
        holder = session.get(Mentor, current.mentor_id)
        raise Conflict(
            translate("Mentors", "{talent} already has {mentor} as {role}. Drag the card to reassign instead.").format(
                talent=talent.name, mentor=holder.name if holder else "?", role=_role_display(role.name, role.name_en)),
            field="role_id")
    _check_capacity(session, mentor, talent.id)
    p = Pairing(mentor_id=mentor.id, talent_id=talent.id, role_id=role.id, start_date=start_date,
                planned_end_date=planned_end_date, goals=goals, cadence_days=cadence)
    session.add(p)
    session.flush()
    return _pairing_row(session, p.id)


@operation(Permission.MENTOR_WRITE, writes=True, changes=(Change.MENTORS,))
def reassign(session: Session, *, pairing_id: int, to_mentor_id: int, on: dt.date, reason: str) -> PairingRow:
    """Move a current pairing to another mentor: the old one ends on `on` with `reason`, a new one starts that day
    with the same role, planned end, goals and cadence. Returns the new pairing."""
    old = _pairing(session, pairing_id)
    if old.end_date is not None:
        raise RuleViolation(translate("Mentors", "This pairing has already ended."))
    reason = _clean(reason, limit=200, field_name="reason", what=translate("Mentors", "The reason"))
    if not reason:
        raise ValidationError(translate("Mentors", "Say why the newcomer changes mentor."), field="reason")
    if not isinstance(on, dt.date):
        raise ValidationError(translate("Mentors", "Enter the date of the change."), field="on")
    if on < old.start_date:
        raise ValidationError(translate("Mentors", "The change cannot be before the pairing started ({date}).").format(
            date=old.start_date.isoformat()), field="on")
    if to_mentor_id == old.mentor_id:
        raise ValidationError(translate("Mentors", "The newcomer is already with this mentor."), field="to_mentor_id")
    target = _mentor(session, to_mentor_id)
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
    talents = set(session.scalars(select(Pairing.talent_id).where(Pairing.id.in_(list(pairing_ids)))))
    if len(talents) > 1:
        raise ValidationError(translate("Mentors", "Only the roles of one newcomer can be moved together."), field="pairing_ids")
    return [reassign(session, pairing_id=pid, to_mentor_id=to_mentor_id, on=on, reason=reason) for pid in pairing_ids]


@operation(Permission.MENTOR_WRITE, writes=True, changes=(Change.MENTORS,))
def end_pairing(session: Session, *, pairing_id: int, on: dt.date, reason: str) -> PairingRow:
    """End one pairing (goals reached, mentor left …). The row stays as history."""
    p = _pairing(session, pairing_id)
    if p.end_date is not None:
        raise RuleViolation(translate("Mentors", "This pairing has already ended."))
    reason = _clean(reason, limit=200, field_name="reason", what=translate("Mentors", "The reason"))
    if not reason:
        raise ValidationError(translate("Mentors", "Say why the pairing ends."), field="reason")
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


# ------------------------------------------------------------------ reading pairings, overdue rules

@operation(Permission.MENTOR_READ)
def list_pairings(session: Session, *, current_only: bool = True, mentor_id: int | None = None,
                  talent_id: int | None = None, overdue_only: bool = False, today: dt.date | None = None,
                  pairing_id: int | None = None) -> list[PairingRow]:
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
    for r in session.execute(stmt):
        overdue = r[10] is None and is_overdue(r[11], r[8], r[12], today)
        if overdue_only and not overdue:
            continue
        since = (today - (r[11] or r[8])).days
        out.append(PairingRow(r[0], r[1], r[2], r[3], r[4], r[5] or "", _role_display(r[6], r[7]),
                              r[8], r[9], r[10], r[11], r[12], overdue, r[13], r[14] or "", r[15] or "", since,
                              r[16] or ""))
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


# ------------------------------------------------------------------ check-ins and follow-up care cases

def _tags(issue_tags: Iterable[str] | str | None) -> list[str]:
    if issue_tags is None:
        return []
    raw = issue_tags.split(",") if isinstance(issue_tags, str) else list(issue_tags)
    out: list[str] = []
    allowed = E.values(E.IssueTag)
    for t in raw:
        t = str(t).strip()
        if not t:
            continue
        if t not in allowed:
            raise ValidationError(translate("Mentors", "Unknown issue tag: {tag}.").format(tag=t), field="issue_tags")
        if t not in out:
            out.append(t)
    return sorted(out, key=allowed.index)


_CARE_KIND_FOR_TAG = {"housing": E.CareKind.HOUSING.value}


@operation(Permission.MENTOR_WRITE, writes=True, changes=(Change.MENTORS, Change.TALENTS))
def record_checkin(session: Session, *, pairing_id: int, date: dt.date, mode: str, notes: str = "",
                   issue_tags: Sequence[str] | str = (), issues: str = "", follow_up: bool = False,
                   today: dt.date | None = None) -> CheckInResult:
    """Log one conversation (帮带记录). If the office must follow up, an open care case is created on the talent,
    linked to this check-in, and stays open until it is closed in the talent's care cases."""
    today = today or dt.date.today()
    p = _pairing(session, pairing_id)
    if not isinstance(date, dt.date):
        raise ValidationError(translate("Mentors", "Enter the date of the check-in."), field="date")
    if date > today:
        raise ValidationError(translate("Mentors", "A check-in cannot be dated in the future."), field="date")
    if date < p.start_date:
        raise ValidationError(translate("Mentors", "The check-in is before the pairing started ({date}).").format(
            date=p.start_date.isoformat()), field="date")
    if p.end_date is not None and date > p.end_date:
        raise ValidationError(translate("Mentors", "The pairing ended on {date}; a later check-in cannot be recorded.").format(
            date=p.end_date.isoformat()), field="date")
    if mode not in E.values(E.CheckInMode):
        raise ValidationError(translate("Mentors", "Choose how the check-in took place."), field="mode")
    tags = _tags(issue_tags)
    notes = (notes or "").strip()
    issues = (issues or "").strip()
    if follow_up and not (issues or tags):
        raise ValidationError(translate("Mentors", "Describe the issue the office must follow up."), field="issues")
    c = CheckIn(pairing_id=p.id, date=date, mode=mode, notes=notes, issue_tags=",".join(tags), issues=issues,
                follow_up=bool(follow_up))
    session.add(c)
    if p.last_checkin_date is None or date > p.last_checkin_date:
        p.last_checkin_date = date
    session.flush()
    case_id = None
    if follow_up:
        kind = next((_CARE_KIND_FOR_TAG[t] for t in tags if t in _CARE_KIND_FOR_TAG), E.CareKind.OTHER.value)
        tag_names = "、".join(label(E.IssueTag, t) for t in tags) if current_language() != "en" else \
            ", ".join(label(E.IssueTag, t) for t in tags)
        title = translate("Mentors", "Follow-up from a check-in: {tags}").format(tags=tag_names) if tags else \
            translate("Mentors", "Follow-up from a check-in")
        cc = CareCase(talent_id=p.talent_id, kind=kind, title=title[:120], opened_on=date,
                      status=CaseStatus.OPEN.value, notes=issues, source_checkin_id=c.id)
        session.add(cc)
        session.flush()
        case_id = cc.id
    return CheckInResult(c.id, p.id, case_id)


@operation(Permission.MENTOR_READ)
def list_checkins(session: Session, *, pairing_id: int | None = None, talent_id: int | None = None) -> list[CheckInRow]:
    stmt = (
        select(CheckIn.id, CheckIn.pairing_id, CheckIn.date, CheckIn.mode, CheckIn.notes, CheckIn.issue_tags,
               CheckIn.issues, CheckIn.follow_up, CareCase.id, CareCase.status)
        .outerjoin(CareCase, CareCase.source_checkin_id == CheckIn.id)
        .order_by(CheckIn.date.desc(), CheckIn.id.desc())
    )
    if pairing_id is not None:
        stmt = stmt.where(CheckIn.pairing_id == pairing_id)
    if talent_id is not None:
        stmt = stmt.join(Pairing, Pairing.id == CheckIn.pairing_id).where(Pairing.talent_id == talent_id)
    return [CheckInRow(r[0], r[1], r[2], r[3], label(E.CheckInMode, r[3]), r[4] or "",
                       tuple(t for t in (r[5] or "").split(",") if t), r[6] or "", bool(r[7]), r[8],
                       r[9] == CaseStatus.OPEN.value)
            for r in session.execute(stmt)]


# ------------------------------------------------------------------ the board

@operation(Permission.MENTOR_READ)
def board(session: Session, *, today: dt.date | None = None, employer_id: int | None = None,
          tier_code: str | None = None, role_id: int | None = None, search: str = "",
          unpaired_limit: int | None = None) -> BoardData:
    """Everything the board shows, as plain rows, in three queries whatever the size.

    Filters (employer, tier, role, name/pinyin search) narrow the cards; with a filter on, mentors without a
    matching card are left out (except mentors of the filtered employer, who may take newcomers). With a role
    filter, "no mentor yet" lists active talents with no current mentor in that role.
    """
    today = today or dt.date.today()
    en = current_language() == "en"
    load = _load_subquery()
    mentors = session.execute(
        select(Mentor.id, Mentor.name, Employer.name, Mentor.title, Mentor.capacity, func.coalesce(load.c.load, 0),
               Mentor.employer_id)
        .outerjoin(Employer, Employer.id == Mentor.employer_id)
        .outerjoin(load, load.c.mentor_id == Mentor.id)
        .where(Mentor.active.is_(True) | (func.coalesce(load.c.load, 0) > 0))
        .order_by(Mentor.name_pinyin, Mentor.id)
    ).all()
    rows = session.execute(
        select(Pairing.id, Pairing.mentor_id, Pairing.talent_id, Pairing.role_id, MentorRole.name, MentorRole.name_en,
               MentorRole.sort_order, Pairing.start_date, Pairing.last_checkin_date, Pairing.cadence_days,
               Talent.name, Employer.name, Talent.tier_code, Talent.employer_id, Talent.name_pinyin,
               Talent.name_initials, Talent.arrival_date)
        .join(Talent, Talent.id == Pairing.talent_id)
        .join(MentorRole, MentorRole.id == Pairing.role_id)
        .outerjoin(Employer, Employer.id == Talent.employer_id)
        .where(Pairing.end_date.is_(None))
        .order_by(Talent.name_pinyin, Talent.id, MentorRole.sort_order)
    ).all()
    mentor_names = {m[0]: m[1] for m in mentors}
    needle = (search or "").strip().lower()

    def matches(name: str, py: str, ini: str, emp_id, tier: str) -> bool:
        if employer_id is not None and emp_id != employer_id:
            return False
        if tier_code and tier != tier_code:
            return False
        if needle and needle not in name.lower() and needle not in (py or "") and not (ini or "").startswith(needle):
            return False
        return True

    by_talent: dict[int, list] = {}
    for r in rows:
        by_talent.setdefault(r[2], []).append(r)
    # group (mentor, talent) -> card
    cards_by_mentor: dict[int, list[BoardCard]] = {}
    overdue_by_mentor: dict[int, int] = {}
    overdue_total = 0
    for tid, prs in by_talent.items():
        first = prs[0]
        if not matches(first[10], first[14], first[15], first[13], first[12]):
            continue
        if role_id is not None and not any(p[3] == role_id for p in prs):
            continue
        per_mentor: dict[int, list] = {}
        for p in prs:
            per_mentor.setdefault(p[1], []).append(p)
        for mid, mine in per_mentor.items():
            if role_id is not None and not any(p[3] == role_id for p in mine):
                continue
            roles = tuple(CardRole(p[0], p[3], p[5] if en and p[5] else p[4], p[7], p[8], p[9],
                                   is_overdue(p[8], p[7], p[9], today)) for p in mine)
            others = tuple(OtherRole(p[5] if en and p[5] else p[4], mentor_names.get(p[1], ""))
                           for p in prs if p[1] != mid)
            start = min(p[7] for p in mine)
            lasts = [p[8] for p in mine if p[8] is not None]
            overdue = any(r.overdue for r in roles)
            card = BoardCard(tid, first[10], first[11] or "", first[12], mid, months_between(start, today),
                             max(lasts) if lasts else None, overdue, roles, others, first[16])
            cards_by_mentor.setdefault(mid, []).append(card)
            if overdue:
                overdue_by_mentor[mid] = overdue_by_mentor.get(mid, 0) + 1
                overdue_total += 1
    filtered = bool(employer_id is not None or tier_code or role_id is not None or needle)
    columns = []
    for m in mentors:
        cards = cards_by_mentor.get(m[0], [])
        if filtered and not cards and not (employer_id is not None and m[6] == employer_id and not needle):
            continue
        # overdue newcomers first: they need the office's attention
        cards.sort(key=lambda c: (not c.overdue, c.last_checkin_date or dt.date.min))
        columns.append(BoardColumn(m[0], m[1], m[2] or "", m[3] or "", m[4], m[5], tuple(cards),
                                   overdue_by_mentor.get(m[0], 0)))
    # "no mentor yet": active talents without a current pairing (in the filtered role, when there is one)
    paired = select(Pairing.talent_id).where(Pairing.end_date.is_(None))
    if role_id is not None:
        paired = paired.where(Pairing.role_id == role_id)
    ustmt = (
        select(Talent.id, Talent.name, Employer.name, Talent.tier_code, Talent.arrival_date)
        .outerjoin(Employer, Employer.id == Talent.employer_id)
        .where(Talent.status == TalentStatus.ACTIVE.value, Talent.id.not_in(paired))
    )
    if employer_id is not None:
        ustmt = ustmt.where(Talent.employer_id == employer_id)
    if tier_code:
        ustmt = ustmt.where(Talent.tier_code == tier_code)
    if needle:
        like = f"%{needle}%"
        ustmt = ustmt.where(func.lower(Talent.name).like(like) | Talent.name_pinyin.like(like)
                            | Talent.name_initials.like(f"{needle}%"))
    total = session.scalar(select(func.count()).select_from(ustmt.subquery())) or 0
    ustmt = ustmt.order_by(Talent.arrival_date.desc(), Talent.name_pinyin)  # newest arrivals first
    if unpaired_limit is not None:
        ustmt = ustmt.limit(unpaired_limit)
    unpaired = tuple(BoardCard(r[0], r[1], r[2] or "", r[3], None, 0, None, False, (), (), r[4])
                     for r in session.execute(ustmt))
    return BoardData(tuple(columns), unpaired, total, overdue_total, today, filtered)


# ------------------------------------------------------------------ the pairing agreement (结对协议书)

@operation(Permission.MENTOR_READ)
def agreement_data(session: Session, *, pairing_id: int) -> AgreementData:
    p = _pairing(session, pairing_id)
    m = session.get(Mentor, p.mentor_id)
    t = session.get(Talent, p.talent_id)
    role = session.get(MentorRole, p.role_id)
    memp = session.get(Employer, m.employer_id) if m.employer_id else None
    temp = session.get(Employer, t.employer_id) if t.employer_id else None
    tier = session.get(Tier, t.tier_code)
    others = session.execute(
        select(MentorRole.name, MentorRole.name_en, Mentor.name)
        .select_from(Pairing)
        .join(MentorRole, MentorRole.id == Pairing.role_id).join(Mentor, Mentor.id == Pairing.mentor_id)
        .where(Pairing.talent_id == t.id, Pairing.end_date.is_(None), Pairing.id != p.id)
        .order_by(MentorRole.sort_order)
    ).all()
    return AgreementData(
        pairing_id=p.id, office_name=str(get_setting(session, "office_name") or ""),
        mentor_name=m.name, mentor_employer=memp.name if memp else "", mentor_title=m.title,
        mentor_expertise=m.expertise, mentor_phone=m.phone,
        talent_name=t.name, talent_employer=temp.name if temp else "", talent_post=t.post,
        talent_title=t.professional_title, talent_phone=t.phone,
        talent_tier=(_role_display(tier.name, tier.name_en) if tier else t.tier_code),
        role_name=_role_display(role.name, role.name_en), start_date=p.start_date,
        planned_end_date=p.planned_end_date, goals=p.goals, cadence_days=p.cadence_days,
        other_roles=tuple(OtherRole(_role_display(n, ne), mn) for n, ne, mn in others),
    )


@operation(Permission.MENTOR_READ)
def write_agreement(session: Session, *, pairing_id: int, path: str | Path) -> Path:
    """Build the pairing agreement PDF for one pairing at `path` (fonts embedded). Returns the path."""
    from talentdesk.reports.agreement import build_agreement

    data = agreement_data(session, pairing_id=pairing_id)
    font = get_setting(session, "certificate_font") or None
    return build_agreement(data, Path(path), font_path=font)


def default_planned_end(start: dt.date, months: int = 24) -> dt.date:
    """The usual pairing period: two years."""
    return add_months(start, months)


__all__ = [
    "MentorRow", "PairingRow", "RoleRow", "CheckInRow", "CheckInResult", "BoardCard", "BoardColumn", "BoardData",
    "CardRole", "OtherRole", "AgreementData", "is_overdue", "list_mentors", "create_mentor", "update_mentor",
    "set_mentor_active", "list_roles", "create_role", "rename_role", "pair", "reassign", "reassign_many", "end_pairing",
    "end_current_pairings", "list_pairings", "count_overdue", "count_unpaired_active", "record_checkin",
    "list_checkins", "board", "agreement_data", "write_agreement", "default_planned_end", "mentor_load",
]
