"""Reference lists the tabs filter by: tiers and employers."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.domain.models import Employer, Talent, Tier
from talentdesk.i18n import Bilingual, current_language
from talentdesk.services.base import operation


@dataclass(frozen=True, slots=True)
class TierRow(Bilingual):
    code: str
    name: str
    name_en: str


@dataclass(frozen=True, slots=True)
class EmployerRow:
    id: int
    name: str
    uscc: str | None
    kind: str
    talent_count: int = 0



@operation(None)
def list_tiers(session: Session) -> list[TierRow]:
    return [TierRow(t.code, t.name, t.name_en) for t in session.scalars(select(Tier).order_by(Tier.sort_order, Tier.code))]


@operation(None)
def list_employers(session: Session, *, with_counts: bool = False) -> list[EmployerRow]:
    if with_counts:
        counts = dict(session.execute(select(Talent.employer_id, func.count()).group_by(Talent.employer_id)).all())
    else:
        counts = {}
    return [
        EmployerRow(e.id, e.name, e.uscc, e.kind, counts.get(e.id, 0))
        for e in session.scalars(select(Employer).order_by(Employer.name_pinyin, Employer.name))
    ]


@operation(None)
def tiers_and_employers(session: Session) -> tuple[list[TierRow], list[EmployerRow]]:
    """The choices of the tier and employer boxes (filters, editors)."""
    return list_tiers(session), list_employers(session)


def tier_names(session: Session) -> dict[str, str]:
    """code -> the tier's name in the reader's language (for pages and exports that show a talent's tier)."""
    en = current_language() == "en"
    return {code: (name_en if en and name_en else name)
            for code, name, name_en in session.execute(select(Tier.code, Tier.name, Tier.name_en))}
