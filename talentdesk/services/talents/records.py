"""The talent file (人才档案): reading one talent, adding and changing one, with the database's own rules
(the ID number is not on file already, the tier and the employer exist).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import NotFound, ValidationError
from talentdesk.domain.models import Employer, Talent, Tier
from talentdesk.domain.pinyin import pinyin_keys
from talentdesk.domain.talent_fields import (
    TALENT_FIELDS,
    clean_talent_fields,
    field_label,
    service_end,
)
from talentdesk.domain.values import (
    mask_id_number,
    mask_phone,
)
from talentdesk.i18n import translate
from talentdesk.services.base import (
    Change,
    Permission,
    actor_of,
    operation,
    refuse_stale,
)


@dataclass(frozen=True, slots=True)
class TalentDetail:
    """Every field of one talent. `id_number`/`phone` are full only when `sensitive_visible`."""

    id: int
    name: str
    gender: str
    id_number: str
    birth_date: dt.date | None
    ethnicity: str
    native_place: str
    phone: str
    email: str
    education: str
    degree: str
    school: str
    major: str
    professional_title: str
    tier_code: str
    intro_mode: str
    employer_id: int | None
    employer_name: str
    post: str
    important_post: bool
    arrival_date: dt.date
    service_years: int
    service_end_date: dt.date | None
    status: str
    departure_date: dt.date | None
    departure_reason: str
    departure_destination: str
    clawback_waiver_reason: str
    notes: str
    sensitive_visible: bool
    version: int = 1  # the stored version this detail was read at (a save names it: services/talents/records.py)

    def editable_values(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in TALENT_FIELDS}


def talent_detail(session: Session, t: Talent) -> TalentDetail:
    sensitive = actor_of(session).can(Permission.TALENT_SENSITIVE)
    employer_name = session.scalar(select(Employer.name).where(Employer.id == t.employer_id)) if t.employer_id else ""
    return TalentDetail(
        id=t.id, name=t.name, gender=t.gender,
        id_number=(t.id_number or "") if sensitive else mask_id_number(t.id_number),
        birth_date=t.birth_date, ethnicity=t.ethnicity, native_place=t.native_place,
        phone=t.phone if sensitive else mask_phone(t.phone), email=t.email, education=t.education,
        degree=t.degree, school=t.school, major=t.major, professional_title=t.professional_title,
        tier_code=t.tier_code, intro_mode=t.intro_mode, employer_id=t.employer_id, employer_name=employer_name or "",
        post=t.post, important_post=bool(t.important_post), arrival_date=t.arrival_date,
        service_years=t.service_years, service_end_date=t.service_end_date, status=t.status,
        departure_date=t.departure_date, departure_reason=t.departure_reason,
        departure_destination=t.departure_destination, clawback_waiver_reason=t.clawback_waiver_reason,
        notes=t.notes, sensitive_visible=sensitive, version=t.version or 1,
    )


def find_talent(session: Session, talent_id: int) -> Talent:
    t = session.get(Talent, talent_id)
    if t is None:
        raise NotFound(translate("TalentEdit", "This talent no longer exists (it may have been removed by someone else)."))
    return t


@operation(Permission.TALENT_READ)
def get_talent(session: Session, *, talent_id: int) -> TalentDetail:
    return talent_detail(session, find_talent(session, talent_id))


@operation(Permission.TALENT_READ)
def id_number_owner(session: Session, *, id_number: str, exclude_talent_id: int | None = None) -> str | None:
    """A message naming the talent who already has this ID number, or None (for the editor's live check)."""
    return _duplicate_message(session, id_number, exclude_talent_id)


def _duplicate_message(session: Session, id_number: str | None, exclude: int | None) -> str | None:
    if not id_number:
        return None
    stmt = select(Talent.id, Talent.name).where(Talent.id_number == id_number.strip().upper())
    if exclude:
        stmt = stmt.where(Talent.id != exclude)
    row = session.execute(stmt).first()
    if row is None:
        return None
    return translate("TalentEdit", "This ID number is already on file for {name} (record {id}).").format(name=row[1], id=row[0])


def tier_spellings(session: Session) -> dict[str, str]:
    """Tier code or name (Chinese or English) -> code."""
    out = {}
    for code, name, name_en in session.execute(select(Tier.code, Tier.name, Tier.name_en)).all():
        out[code] = code
        out[code.upper()] = code
        if name:
            out[name] = code
        if name_en:
            out[name_en] = code
            out[name_en.lower()] = code
    return out


def _validated(session: Session, values: Mapping[str, Any], exclude: int | None) -> dict[str, Any]:
    clean, errors = clean_talent_fields(values, tiers=tier_spellings(session))
    if "id_number" not in errors and clean.get("id_number"):
        dup = _duplicate_message(session, clean["id_number"], exclude)
        if dup:
            errors["id_number"] = dup
    if clean.get("employer_id") and session.get(Employer, clean["employer_id"]) is None:
        errors["employer_id"] = translate("TalentEdit", "This employer no longer exists.")
    if errors:
        first = next(f for f in TALENT_FIELDS if f in errors)
        raise ValidationError(
            errors[first], field=first, details=[f"{field_label(f)}: {errors[f]}" for f in TALENT_FIELDS if f in errors]
        )
    return clean


def _apply(t: Talent, clean: Mapping[str, Any]) -> None:
    for f in TALENT_FIELDS:
        if f in clean:
            setattr(t, f, clean[f])
    t.name_pinyin, t.name_initials = pinyin_keys(t.name)
    t.service_end_date = service_end(t.arrival_date, t.service_years)


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS,))
def create_talent(session: Session, *, values: Mapping[str, Any]) -> TalentDetail:
    """Add a talent after checking every field and that the ID number is not on file already."""
    clean = _validated(session, values, None)
    t = Talent(status=E.TalentStatus.ACTIVE.value)
    _apply(t, clean)
    session.add(t)
    session.flush()
    return talent_detail(session, t)


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS,))
def update_talent(session: Session, *, talent_id: int, values: Mapping[str, Any],
                  expected_version: int | None = None) -> TalentDetail:
    """Change a talent's fields. A masked ID or phone (the actor may not see them) is kept as it was.

    `expected_version` is the version the editor read: when someone else saved the record since, nothing is saved
    and an EditConflict carries both versions of every field that differs (the editor lets the clerk choose; saving
    again with `theirs_version` keeps mine, over theirs, knowingly)."""
    t = find_talent(session, talent_id)
    if expected_version is not None and t.version != expected_version:
        _conflict(session, t, values, expected_version)
    values = dict(values)
    if not actor_of(session).can(Permission.TALENT_SENSITIVE):
        # the editor showed masked values; an unchanged masked value means "keep"
        if values.get("id_number") == mask_id_number(t.id_number):
            values["id_number"] = t.id_number
        if values.get("phone") == mask_phone(t.phone):
            values["phone"] = t.phone
    clean = _validated(session, values, talent_id)
    _apply(t, clean)
    session.flush()
    return talent_detail(session, t)


def _conflict(session: Session, t: Talent, values: Mapping[str, Any], expected_version: int) -> None:
    """Refuse a save over a newer version with both values of every field that differs (services/base.py)."""
    theirs_detail = talent_detail(session, t)
    clean, _errors = clean_talent_fields(values, tiers=tier_spellings(session))  # 2023/7/1 is 2023-07-01
    refuse_stale(session, t, expected_version, mine=values, stored=theirs_detail.editable_values(), name=t.name,
                 fields=[f for f in TALENT_FIELDS if f in values], compare={**values, **clean},
                 theirs_record=theirs_detail)


