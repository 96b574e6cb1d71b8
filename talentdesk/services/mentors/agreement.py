"""结对协议书: the pairing agreement's data and its PDF.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain.models import (
    Employer,
    Mentor,
    MentorRole,
    Pairing,
    Talent,
    Tier,
)
from talentdesk.domain.enums import AuditAction
from talentdesk.services.base import Change, Permission, file_at_commit, operation, record_event
from talentdesk.services.common.printing import check_names
from talentdesk.services.common.settings import get_setting
from talentdesk.services.mentors.board import OtherRole
from talentdesk.services.mentors.pairings import find_pairing
from talentdesk.services.mentors.pool import role_display


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


@operation(Permission.MENTOR_READ)
def agreement_data(session: Session, *, pairing_id: int) -> AgreementData:
    p = find_pairing(session, pairing_id)
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
        talent_tier=(role_display(tier.name, tier.name_en) if tier else t.tier_code),
        role_name=role_display(role.name, role.name_en), start_date=p.start_date,
        planned_end_date=p.planned_end_date, goals=p.goals, cadence_days=p.cadence_days,
        other_roles=tuple(OtherRole(role_display(n, ne), mn) for n, ne, mn in others),
    )


@operation(Permission.MENTOR_READ, writes=True, changes=(Change.AUDIT,))
def write_agreement(session: Session, *, pairing_id: int, path: str | Path, accept_missing_glyphs: bool = False) -> Path:
    """Build the pairing agreement PDF for one pairing at `path` (fonts embedded). Returns the path.

    The agreement names the talent and the mentor, so it is personal data leaving the program: the export is
    recorded in the audit trail, and the PDF gets its name as that record commits."""
    from talentdesk.reports.agreement import build_agreement

    data = agreement_data(session, pairing_id=pairing_id)
    font = get_setting(session, "certificate_font") or None
    check_names(session, [data.mentor_name, data.talent_name, *(o.mentor_name for o in data.other_roles)],
                document="pairing agreement", accept=accept_missing_glyphs)
    out = Path(path)
    with file_at_commit(session, out) as tmp:  # named as the audit entry below commits
        build_agreement(data, tmp, font_path=font)
    record_event(session, AuditAction.EXPORT, table="pairings", record_id=str(pairing_id),
                 summary=f"pairing agreement {pairing_id} → {out.name}")
    return out
