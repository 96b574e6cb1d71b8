"""The overview (首页): what needs attention today, each item pointing at its record."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Integer, String, bindparam, select, text
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.enums import CaseStatus, TalentStatus
from talentdesk.domain.labels import label
from talentdesk.domain.models import CareCase, Talent
from talentdesk.domain.values import format_yuan
from talentdesk.i18n import translate
from talentdesk.services.base import Permission, operation
from talentdesk.services.growth import risk
from talentdesk.services.growth.attention import (  # noqa: F401 - the overview's vocabulary, read by the window
    CATEGORIES, LOAD_ORDER, PER_CATEGORY, AttentionItem, SERVICE_END_SQL, category_label, service_end_items,
    service_end_params)
from talentdesk.services.ledger import eligibility, journal
from talentdesk.services.mentors import pairings


@operation(Permission.TALENT_READ)
def attention_items(session: Session, *, today: dt.date, per_category: int = PER_CATEGORY,
                    categories: tuple[str, ...] | None = None) -> list[AttentionItem]:
    """The items of every category (or of the named `categories` only), in the order of CATEGORIES."""
    wanted = set(CATEGORIES if categories is None else categories)
    unknown = wanted - set(CATEGORIES)
    if unknown:
        raise ValueError(f"unknown overview categories: {sorted(unknown)}")
    items: list[AttentionItem] = []
    if "due" in wanted:
        items += _dues(session, today, per_category)
    if "checkin" in wanted:
        items += _checkins(session, today, per_category)
    if "care" in wanted:
        items += _care(session, per_category)
    if "service_end" in wanted:
        items += _service_end(session, today, per_category)
    if "departure" in wanted:
        items += _departures(session, today, per_category)
    if "entitlement" in wanted:
        items += _entitlements(session, today, per_category)
    return items


def _dues(session: Session, today: dt.date, per_category: int) -> list[AttentionItem]:
    from talentdesk.services.payments.verification import needs_verification

    items: list[AttentionItem] = []
    dues = journal.outstanding_dues(session, as_of=today, limit=per_category)
    waiting = needs_verification(session, [d.instalment_id for d in dues], today)  # 待核验: not payable yet
    for d in dues:
        late = (today - d.due_date).days
        when = (translate("Overview", "overdue by {days} days").format(days=late) if late > 0
                else translate("Overview", "due today"))
        if d.instalment_id in waiting:
            when += " · " + translate("Overview", "waiting for in-post confirmation")
        items.append(AttentionItem("due", d.talent_id, d.talent_name,
                                   f"{d.policy_name} {d.seq}/{d.count} {format_yuan(d.amount_fen)} · {when}",
                                   d.due_date, "instalments", d.instalment_id))
    return items


def _checkins(session: Session, today: dt.date, per_category: int) -> list[AttentionItem]:
    return [AttentionItem("checkin", p.talent_id, p.talent_name, f"{p.mentor_name} ({p.role_name})",
                          p.last_checkin_date or p.start_date, "pairings", p.id)
            for p in pairings.list_pairings(session, overdue_only=True, today=today, limit=per_category)]


def _care(session: Session, per_category: int) -> list[AttentionItem]:
    rows = session.execute(
        select(CareCase.id, CareCase.talent_id, Talent.name, CareCase.kind, CareCase.title, CareCase.opened_on)
        .join(Talent, Talent.id == CareCase.talent_id)
        .where(CareCase.status == CaseStatus.OPEN.value)
        .order_by(CareCase.opened_on).limit(per_category)
    ).all()
    return [AttentionItem("care", tid, name, f"{label(E.CareKind, kind)} {title}".strip(), opened, "care_cases", cid)
            for cid, tid, name, kind, title, opened in rows]


def _service_end(session: Session, today: dt.date, per_category: int) -> list[AttentionItem]:
    """SERVICE_END_SQL (attention.py), the query the window's early read runs too, typed for any database."""
    query = (text(SERVICE_END_SQL).bindparams(bindparam("start", type_=Date), bindparam("until", type_=Date))
             .columns(id=Integer, name=String, service_end_date=Date))
    return service_end_items(session.execute(
        query, service_end_params(today, risk.notice_days(session), per_category)).all())


def _departures(session: Session, today: dt.date, per_category: int) -> list[AttentionItem]:
    rows = session.execute(
        select(Talent.id, Talent.name, Talent.departure_date, Talent.departure_reason)
        .where(Talent.status == TalentStatus.DEPARTED.value, Talent.departure_date >= dt.date(today.year, 1, 1))
        .order_by(Talent.departure_date.desc()).limit(per_category)
    ).all()
    return [AttentionItem("departure", tid, name, reason, when, "talents", tid) for tid, name, when, reason in rows]


def _entitlements(session: Session, today: dt.date, per_category: int) -> list[AttentionItem]:
    return [AttentionItem("entitlement", c.talent_id, c.talent_name, eligibility.overview_detail(c), c.start_date,
                          "talents", c.talent_id)
            for c in eligibility.sweep(session, on=today, limit_per_policy=per_category).candidates[:per_category]]
