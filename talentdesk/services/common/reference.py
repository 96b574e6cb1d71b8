"""Reference lists the tabs filter by: tiers, employers, mentor roles."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.domain.models import Employer, MentorRole, Talent, Tier
from talentdesk.i18n import current_language


@dataclass(frozen=True, slots=True)
class TierRow:
    code: str
    name: str
    name_en: str

    @property
    def display(self) -> str:
        return self.name_en if current_language() == "en" and self.name_en else self.name


@dataclass(frozen=True, slots=True)
class EmployerRow:
    id: int
    name: str
    uscc: str | None
    kind: str
    talent_count: int = 0


@dataclass(frozen=True, slots=True)
class RoleRow:
    id: int
    name: str
    name_en: str

    @property
    def display(self) -> str:
        return self.name_en if current_language() == "en" and self.name_en else self.name


def list_tiers(session: Session) -> list[TierRow]:
    return [TierRow(t.code, t.name, t.name_en) for t in session.scalars(select(Tier).order_by(Tier.sort_order, Tier.code))]


def list_employers(session: Session, *, with_counts: bool = False) -> list[EmployerRow]:
    if with_counts:
        counts = dict(session.execute(select(Talent.employer_id, func.count()).group_by(Talent.employer_id)).all())
    else:
        counts = {}
    return [
        EmployerRow(e.id, e.name, e.uscc, e.kind, counts.get(e.id, 0))
        for e in session.scalars(select(Employer).order_by(Employer.name_pinyin, Employer.name))
    ]


def list_mentor_roles(session: Session) -> list[RoleRow]:
    return [RoleRow(r.id, r.name, r.name_en) for r in session.scalars(select(MentorRole).order_by(MentorRole.sort_order))]
