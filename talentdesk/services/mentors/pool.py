"""导师库: the mentor pool (who may mentor, their capacity and current load) and the mentor roles the office keeps.

Capacity counts the DISTINCT newcomers a mentor currently looks after (two roles for one newcomer count once).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.domain.errors import Conflict, NotFound, RuleViolation, ValidationError
from talentdesk.domain.models import Employer, Mentor, MentorRole, Pairing, Talent
from talentdesk.domain.pinyin import pinyin_keys
from talentdesk.domain.values import parse_phone
from talentdesk.i18n import Bilingual, bilingual, translate
from talentdesk.services.base import Change, Permission, operation, refuse_stale

MAX_CAPACITY = 50


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
    version: int = 1  # what an editor saves against (services/base.refuse_stale)

    @property
    def full(self) -> bool:
        return self.load >= self.capacity


@dataclass(frozen=True, slots=True)
class RoleRow(Bilingual):
    id: int
    name: str
    name_en: str
    sort_order: int
    in_use: int = 0


def role_display(name: str, name_en: str | None) -> str:
    return bilingual(name, name_en)


def limited_text(text: str | None, *, limit: int, field_name: str, what: str) -> str:
    value = (text or "").strip()
    if len(value) > limit:
        raise ValidationError(translate("Mentors", "{what} may have at most {n} characters.").format(what=what, n=limit), field=field_name)
    return value


def find_or_missing(session: Session, model, ident: int | None, what: str):
    obj = session.get(model, ident) if ident is not None else None
    if obj is None:
        raise NotFound(translate("Mentors", "{what} {id} was not found.").format(what=what, id=ident))
    return obj


def find_mentor(session: Session, mentor_id: int) -> Mentor:
    return find_or_missing(session, Mentor, mentor_id, translate("Mentors", "Mentor"))


def _capacity_value(capacity) -> int:
    try:
        value = int(str(capacity).strip()) if not isinstance(capacity, bool) else 0
    except (TypeError, ValueError):
        value = 0
    if value < 1 or value > MAX_CAPACITY:
        raise ValidationError(translate("Mentors", "Capacity must be a whole number from 1 to {max}.").format(max=MAX_CAPACITY),
                              field="capacity")
    return value


def mentor_load(session: Session, mentor_id: int) -> int:
    """Distinct newcomers this mentor currently looks after."""
    return session.scalar(
        select(func.count(func.distinct(Pairing.talent_id)))
        .where(Pairing.mentor_id == mentor_id, Pairing.end_date.is_(None))
    ) or 0


def _mentor_row(session: Session, m: Mentor) -> MentorRow:
    emp = session.get(Employer, m.employer_id) if m.employer_id else None
    return MentorRow(m.id, m.name, emp.name if emp else "", m.title, m.expertise, m.phone, m.capacity,
                     mentor_load(session, m.id), bool(m.active), m.employer_id, m.talent_id, m.notes, m.version or 1)


def current_loads():
    return (
        select(Pairing.mentor_id, func.count(func.distinct(Pairing.talent_id)).label("load"))
        .where(Pairing.end_date.is_(None))
        .group_by(Pairing.mentor_id)
        .subquery()
    )


@operation(Permission.MENTOR_READ)
def list_mentors(session: Session, *, include_retired: bool = False, search: str = "") -> list[MentorRow]:
    load = current_loads()
    stmt = (
        select(Mentor.id, Mentor.name, Employer.name, Mentor.title, Mentor.expertise, Mentor.phone, Mentor.capacity,
               func.coalesce(load.c.load, 0), Mentor.active, Mentor.employer_id, Mentor.talent_id, Mentor.notes,
               Mentor.version)
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
    return [MentorRow(r[0], r[1], r[2] or "", r[3], r[4], r[5], r[6], r[7], bool(r[8]), r[9], r[10], r[11] or "",
                      r[12] or 1)
            for r in session.execute(stmt)]


def _apply_mentor_fields(session: Session, m: Mentor, *, name: str, employer_id: int | None, title: str,
                         expertise: str, phone: str, capacity, talent_id: int | None, notes: str) -> None:
    if talent_id is not None:
        t = find_or_missing(session, Talent, talent_id, translate("Mentors", "Talent"))
        other = session.scalar(select(Mentor.id).where(Mentor.talent_id == talent_id, Mentor.id != (m.id or 0)))
        if other:
            raise Conflict(translate("Mentors", "{name} is already in the mentor pool.").format(name=t.name), field="talent_id")
        name = name or t.name
        if employer_id is None:
            employer_id = t.employer_id
        phone = phone or t.phone
        title = title or t.professional_title
    name = limited_text(name, limit=40, field_name="name", what=translate("Mentors", "The name"))
    if not name:
        raise ValidationError(translate("Mentors", "Enter the mentor's name."), field="name")
    if employer_id is not None:
        find_or_missing(session, Employer, employer_id, translate("Mentors", "Employer"))
    m.name = name
    m.name_pinyin, m.name_initials = pinyin_keys(name)
    m.employer_id = employer_id
    m.title = limited_text(title, limit=60, field_name="title", what=translate("Mentors", "The title"))
    m.expertise = limited_text(expertise, limit=200, field_name="expertise", what=translate("Mentors", "The expertise"))
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
                  notes: str = "", expected_version: int | None = None) -> MentorRow:
    """Change a mentor's details. Capacity cannot drop below the newcomers the mentor looks after now. Saving over
    a newer version than `expected_version` (another clerk's) is an EditConflict with both versions."""
    m = find_mentor(session, mentor_id)
    if expected_version is not None and m.version != expected_version:
        mine = dict(name=name, employer_id=employer_id, title=title, expertise=expertise, phone=phone,
                    capacity=capacity, notes=notes)
        stored = {f: getattr(m, f) for f in mine}
        ids = {i for i in (employer_id, m.employer_id) if i is not None}
        employers = dict(session.execute(select(Employer.id, Employer.name).where(Employer.id.in_(ids))).all()) if ids else {}
        refuse_stale(session, m, expected_version, mine=mine, stored=stored, name=m.name,
                     names={"employer_id": employers})
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
    m = find_mentor(session, mentor_id)
    if not active:
        load = mentor_load(session, m.id)
        if load:
            raise RuleViolation(
                translate("Mentors", "{mentor} still looks after {load} newcomers. Reassign or end those pairings before retiring the "
                   "mentor.").format(mentor=m.name, load=load))
    m.active = bool(active)
    session.flush()
    return _mentor_row(session, m)


@operation(Permission.MENTOR_READ)
def list_roles(session: Session) -> list[RoleRow]:
    used = dict(session.execute(
        select(Pairing.role_id, func.count()).where(Pairing.end_date.is_(None)).group_by(Pairing.role_id)).all())
    return [RoleRow(r.id, r.name, r.name_en, r.sort_order, used.get(r.id, 0))
            for r in session.scalars(select(MentorRole).order_by(MentorRole.sort_order, MentorRole.id))]


def _role_fields(session: Session, role: MentorRole, name: str, name_en: str) -> None:
    name = limited_text(name, limit=40, field_name="name", what=translate("Mentors", "The role name"))
    if not name:
        raise ValidationError(translate("Mentors", "Enter the role's name."), field="name")
    clash = session.scalar(select(MentorRole.id).where(MentorRole.name == name, MentorRole.id != (role.id or 0)))
    if clash:
        raise Conflict(translate("Mentors", "There is already a role named {name}.").format(name=name), field="name")
    role.name = name
    role.name_en = limited_text(name_en, limit=60, field_name="name_en", what=translate("Mentors", "The English name"))


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
    role = find_or_missing(session, MentorRole, role_id, translate("Mentors", "Role"))
    _role_fields(session, role, name, name_en)
    session.flush()
    return RoleRow(role.id, role.name, role.name_en, role.sort_order)
