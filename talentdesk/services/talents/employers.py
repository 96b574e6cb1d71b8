"""用人单位: the employers talents work for (their own small dialog).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.domain.errors import NotFound, RuleViolation, ValidationError
from talentdesk.domain.models import Employer, Talent
from talentdesk.domain.parsing import cell_text
from talentdesk.domain.pinyin import pinyin_keys
from talentdesk.domain.values import (
    parse_phone,
    parse_uscc,
)
from talentdesk.i18n import translate
from talentdesk.services.common.records import new_or_stored
from talentdesk.services.base import (
    Change,
    Permission,
    operation,
    refuse_stale,
)


EMPLOYER_FIELDS = ("name", "uscc", "kind", "address", "contact", "phone")
"""What the employers editor changes."""


@dataclass(frozen=True, slots=True)
class EmployerDetail:
    id: int
    name: str
    uscc: str
    kind: str
    address: str
    contact: str
    phone: str
    talent_count: int
    version: int = 1  # what an editor saves against (services/base.refuse_stale)


def _employer_clean(session: Session, values: Mapping[str, Any], exclude: int | None) -> dict[str, Any]:
    name = re.sub(r"\s+", " ", cell_text(values.get("name")))
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = translate("TalentEdit", "The employer's name is required.")
    elif len(name) > 120:
        errors["name"] = translate("TalentEdit", "At most {n} characters.").format(n=120)
    code = None
    try:
        code = parse_uscc(cell_text(values.get("uscc")))
    except ValidationError as exc:
        errors["uscc"] = exc.message
    phone = ""
    try:
        phone = parse_phone(cell_text(values.get("phone")))
    except ValidationError as exc:
        errors["phone"] = exc.message
    if name and "name" not in errors:
        stmt = select(Employer.id).where(Employer.name == name)
        if exclude:
            stmt = stmt.where(Employer.id != exclude)
        if session.scalar(stmt) is not None:
            errors["name"] = translate("TalentEdit", "An employer with this name exists already.")
    if code:
        stmt = select(Employer.name).where(Employer.uscc == code)
        if exclude:
            stmt = stmt.where(Employer.id != exclude)
        other = session.scalar(stmt)
        if other is not None:
            errors["uscc"] = translate("TalentEdit", "This credit code already belongs to {name}.").format(name=other)
    if errors:
        first = next(iter(errors))
        raise ValidationError(errors[first], field=first, details=list(errors.values()))
    return {"name": name, "uscc": code, "kind": cell_text(values.get("kind"))[:40],
            "address": cell_text(values.get("address"))[:200], "contact": cell_text(values.get("contact"))[:40],
            "phone": phone}


def _employer_detail(session: Session, e: Employer) -> EmployerDetail:
    n = session.scalar(select(func.count()).select_from(Talent).where(Talent.employer_id == e.id)) or 0
    return EmployerDetail(e.id, e.name, e.uscc or "", e.kind, e.address, e.contact, e.phone, n, e.version or 1)


@operation(Permission.TALENT_READ)
def get_employer(session: Session, *, employer_id: int) -> EmployerDetail:
    e = session.get(Employer, employer_id)
    if e is None:
        raise NotFound(translate("TalentEdit", "This employer no longer exists."))
    return _employer_detail(session, e)


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS, Change.EMPLOYERS))
def save_employer(session: Session, *, values: Mapping[str, Any], employer_id: int | None = None,
                  expected_version: int | None = None) -> EmployerDetail:
    """Create (employer_id None) or change an employer. The USCC is optional but must be valid when given. Saving
    over a newer version than `expected_version` (another clerk's) is an EditConflict with both versions."""
    if employer_id is not None and expected_version is not None:
        e = session.get(Employer, employer_id)
        if e is not None:
            stored = _employer_detail(session, e)
            refuse_stale(session, e, expected_version, mine=values, stored=stored, name=e.name,
                         fields=EMPLOYER_FIELDS)
    clean = _employer_clean(session, values, employer_id)
    e = new_or_stored(session, Employer, employer_id, translate("TalentEdit", "This employer no longer exists."))
    for k, v in clean.items():
        setattr(e, k, v)
    e.name_pinyin, e.name_initials = pinyin_keys(e.name)
    session.flush()
    return _employer_detail(session, e)


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS, Change.EMPLOYERS))
def delete_employer(session: Session, *, employer_id: int) -> None:
    e = session.get(Employer, employer_id)
    if e is None:
        raise NotFound(translate("TalentEdit", "This employer no longer exists."))
    n = session.scalar(select(func.count()).select_from(Talent).where(Talent.employer_id == employer_id)) or 0
    if n:
        raise RuleViolation(translate("TalentEdit", "{name} still employs {n} talents on file; it cannot be removed.").format(
            name=e.name, n=n))
    session.delete(e)
    session.flush()
