"""The timeline of one talent (成长轨迹): money, care, career and milestones on one line.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain.enums import (
    AppraisalGrade,
    CareKind,
    EntryKind,
    GrowthKind,
)
from talentdesk.domain.errors import NotFound
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
)
from talentdesk.domain.values import format_yuan
from talentdesk.i18n import current_language, Labels, QT_TRANSLATE_NOOP, translate
from talentdesk.services.base import Permission, operation

MONEY, CARE, CAREER, MILESTONE = "money", "care", "career", "milestone"


PILLARS = (MONEY, CARE, CAREER, MILESTONE)


pillar_label = Labels("Growth", {
    MONEY: QT_TRANSLATE_NOOP("Growth", "Money"), CARE: QT_TRANSLATE_NOOP("Growth", "Care"),
    CAREER: QT_TRANSLATE_NOOP("Growth", "Career"), MILESTONE: QT_TRANSLATE_NOOP("Growth", "Arrival and departure"),
})


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
