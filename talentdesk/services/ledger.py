"""The subsidy ledger: reading entries and balances, posting instalments as they fall due, departures' clawback.

Sign convention (see EntryKind): a grant's balance = sum of its entries = what the county owes the talent
(negative when the talent owes the county). Entries are never changed or deleted; the database enforces it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, case, func, select, update
from sqlalchemy.orm import Session

from talentdesk.domain.enums import EntryKind, GrantStatus, TalentStatus
from talentdesk.domain.ledger_rules import clawback_amount
from talentdesk.domain.models import Employer, Instalment, LedgerEntry, SubsidyGrant, Talent
from talentdesk.services.base import Permission, actor_of, operation
from talentdesk.services.talents import Page


@dataclass(frozen=True, slots=True)
class EntryRow:
    id: int
    entry_date: dt.date
    kind: str
    amount_fen: int
    talent_id: int
    talent_name: str
    employer_name: str
    grant_id: int
    policy_name: str
    policy_kind: str
    instalment_seq: int | None
    voucher_no: str
    reverses_id: int | None
    memo: str


@dataclass(frozen=True)
class EntryQuery:
    year: int | None = None
    policy_id: int | None = None
    policy_kind: str | None = None
    talent_id: int | None = None
    employer_id: int | None = None
    kind: str | None = None
    sort: str = "id"
    descending: bool = True


SORT = {
    "id": LedgerEntry.id,
    "entry_date": LedgerEntry.entry_date,
    "kind": LedgerEntry.kind,
    "amount": LedgerEntry.amount_fen,
    "talent": Talent.name_pinyin,
    "policy": SubsidyGrant.policy_name,
}


def _entry_filters(stmt, q: EntryQuery):
    if q.year:
        stmt = stmt.where(LedgerEntry.fiscal_year == q.year)
    if q.policy_id:
        stmt = stmt.where(SubsidyGrant.policy_id == q.policy_id)
    if q.policy_kind:
        stmt = stmt.where(SubsidyGrant.policy_kind == q.policy_kind)
    if q.talent_id:
        stmt = stmt.where(LedgerEntry.talent_id == q.talent_id)
    if q.employer_id:
        stmt = stmt.where(Talent.employer_id == q.employer_id)
    if q.kind:
        stmt = stmt.where(LedgerEntry.kind == q.kind)
    return stmt


@operation(Permission.LEDGER_READ)
def list_entries(session: Session, *, query: EntryQuery = EntryQuery(), offset: int = 0, limit: int = 500) -> Page:
    stmt = (
        select(
            LedgerEntry.id, LedgerEntry.entry_date, LedgerEntry.kind, LedgerEntry.amount_fen, LedgerEntry.talent_id,
            Talent.name, Employer.name, LedgerEntry.grant_id, SubsidyGrant.policy_name, SubsidyGrant.policy_kind,
            LedgerEntry.instalment_seq, LedgerEntry.voucher_no, LedgerEntry.reverses_id, LedgerEntry.memo,
        )
        .join(SubsidyGrant, SubsidyGrant.id == LedgerEntry.grant_id)
        .join(Talent, Talent.id == LedgerEntry.talent_id)
        .outerjoin(Employer, Employer.id == Talent.employer_id)
    )
    stmt = _entry_filters(stmt, query)
    col = SORT.get(query.sort, LedgerEntry.id)
    order = [col.desc() if query.descending else col.asc()]
    if col is not LedgerEntry.id:
        order.append(LedgerEntry.id.desc())
    rows = [EntryRow(*(r[:6]), r[6] or "", *(r[7:])) for r in session.execute(stmt.order_by(*order).offset(offset).limit(limit))]
    count_stmt = _entry_filters(
        select(func.count()).select_from(LedgerEntry)
        .join(SubsidyGrant, SubsidyGrant.id == LedgerEntry.grant_id)
        .join(Talent, Talent.id == LedgerEntry.talent_id),
        query,
    )
    return Page(rows=rows, total=session.scalar(count_stmt) or 0, offset=offset)


@dataclass(frozen=True, slots=True)
class Totals:
    due_fen: int
    paid_fen: int
    clawback_fen: int
    refund_fen: int
    balance_fen: int


@operation(Permission.LEDGER_READ)
def entry_totals(session: Session, *, query: EntryQuery = EntryQuery()) -> Totals:
    """Totals by kind for the filtered entries; reversals count against the kind they reverse."""
    target = LedgerEntry.__table__.alias("target")
    eff_kind = func.coalesce(target.c.kind, LedgerEntry.kind)
    stmt = (
        select(eff_kind, func.sum(LedgerEntry.amount_fen))
        .select_from(LedgerEntry)
        .outerjoin(target, target.c.id == LedgerEntry.reverses_id)
        .join(SubsidyGrant, SubsidyGrant.id == LedgerEntry.grant_id)
        .join(Talent, Talent.id == LedgerEntry.talent_id)
        .group_by(eff_kind)
    )
    sums = dict(session.execute(_entry_filters(stmt, query)).all())
    return Totals(
        due_fen=sums.get("due", 0) or 0,
        paid_fen=-(sums.get("payment", 0) or 0),
        clawback_fen=-(sums.get("clawback", 0) or 0),
        refund_fen=sums.get("refund", 0) or 0,
        balance_fen=sum(v or 0 for v in sums.values()),
    )


def grant_balance(session: Session, grant_id: int) -> int:
    return session.scalar(select(func.coalesce(func.sum(LedgerEntry.amount_fen), 0)).where(LedgerEntry.grant_id == grant_id))


def paid_on_grant(session: Session, grant_id: int) -> int:
    """Net money paid out on a grant (payments less their reversals), positive fen."""
    target = LedgerEntry.__table__.alias("target")
    stmt = (
        select(func.coalesce(func.sum(LedgerEntry.amount_fen), 0))
        .select_from(LedgerEntry)
        .outerjoin(target, target.c.id == LedgerEntry.reverses_id)
        .where(LedgerEntry.grant_id == grant_id, func.coalesce(target.c.kind, LedgerEntry.kind) == "payment")
    )
    return -(session.scalar(stmt) or 0)


def _post(session: Session, *, grant: SubsidyGrant, kind: EntryKind, amount_fen: int, on: dt.date,
          seq: int | None = None, memo: str = "", reverses_id: int | None = None) -> LedgerEntry:
    entry = LedgerEntry(
        grant_id=grant.id, talent_id=grant.talent_id, kind=kind.value, amount_fen=amount_fen, entry_date=on,
        fiscal_year=on.year, instalment_seq=seq, memo=memo, reverses_id=reverses_id,
        created_by=actor_of(session).username,
    )
    session.add(entry)
    return entry


@operation(Permission.LEDGER_RECORD, changes=("ledger",))
def post_due_instalments(session: Session, *, as_of: dt.date) -> int:
    """Post a `due` entry for every scheduled instalment that has fallen due — only for active grants of talents
    still active in the county (instalments are gated). Idempotent; returns how many were posted."""
    rows = session.execute(
        select(Instalment, SubsidyGrant)
        .join(SubsidyGrant, SubsidyGrant.id == Instalment.grant_id)
        .join(Talent, Talent.id == SubsidyGrant.talent_id)
        .where(
            Instalment.due_date <= as_of, Instalment.posted.is_(False), Instalment.cancelled.is_(False),
            SubsidyGrant.status == GrantStatus.ACTIVE.value, Talent.status == TalentStatus.ACTIVE.value,
        )
        .order_by(Instalment.due_date, Instalment.id)
    ).all()
    for inst, grant in rows:
        _post(session, grant=grant, kind=EntryKind.DUE, amount_fen=inst.amount_fen, on=inst.due_date, seq=inst.seq)
        inst.posted = True
    session.flush()
    return len(rows)


@dataclass(frozen=True, slots=True)
class ClawbackLine:
    grant_id: int
    policy_name: str
    rule: str
    paid_fen: int
    owed_fen: int


@operation(Permission.LEDGER_RECORD, changes=("ledger",))
def apply_departure(session: Session, *, talent_id: int) -> list[ClawbackLine]:
    """Called when a talent departs: future instalments are cancelled, unpaid dues are waived, and each grant's
    clawback obligation (per its rule, unless the talent has a waiver reason) is posted as a ledger entry."""
    talent = session.get(Talent, talent_id)
    if talent is None or talent.departure_date is None:
        raise ValueError("apply_departure needs a departed talent")
    when = talent.departure_date
    waived = bool(talent.clawback_waiver_reason.strip())
    lines = []
    grants = session.scalars(select(SubsidyGrant).where(SubsidyGrant.talent_id == talent_id)).all()
    for grant in grants:
        session.execute(
            update(Instalment)
            .where(Instalment.grant_id == grant.id, Instalment.posted.is_(False))
            .values(cancelled=True)
        )
        paid = paid_on_grant(session, grant.id)
        balance = grant_balance(session, grant.id)
        if balance > 0:  # dues that were never paid are not owed to someone who has left
            _post(session, grant=grant, kind=EntryKind.WAIVER, amount_fen=-balance, on=when,
                  memo="unpaid instalments lapse on departure")
        owed = clawback_amount(
            rule=grant.clawback_rule, total_fen=grant.approved_total_fen, paid_fen=paid,
            arrival=talent.arrival_date, departure=when, service_years=talent.service_years, waived=waived,
        )
        if owed > 0:
            _post(session, grant=grant, kind=EntryKind.CLAWBACK, amount_fen=-owed, on=when,
                  memo=f"early departure ({grant.clawback_rule})")
        if grant.status == GrantStatus.ACTIVE.value:
            grant.status = GrantStatus.TERMINATED.value
            grant.status_reason = "talent departed"
        lines.append(ClawbackLine(grant.id, grant.policy_name, grant.clawback_rule, paid, owed))
    session.flush()
    return lines


@dataclass(frozen=True, slots=True)
class DueRow:
    instalment_id: int
    grant_id: int
    talent_id: int
    talent_name: str
    policy_name: str
    seq: int
    count: int
    due_date: dt.date
    amount_fen: int


def _unpaid_instalment_condition():
    """An instalment with no payment entry for it that still stands (payments that were reversed don't count)."""
    pay = LedgerEntry.__table__.alias("pay")
    rev = LedgerEntry.__table__.alias("rev")
    paid = (
        select(pay.c.id)
        .where(pay.c.grant_id == Instalment.grant_id, pay.c.instalment_seq == Instalment.seq, pay.c.kind == "payment",
               ~select(rev.c.id).where(rev.c.reverses_id == pay.c.id).exists())
        .exists()
    )
    return ~paid


@operation(Permission.LEDGER_READ)
def outstanding_dues(session: Session, *, as_of: dt.date, limit: int = 1000) -> list[DueRow]:
    """Instalments that have fallen due (posted) for active talents and are not yet paid: money owed now."""
    stmt = (
        select(Instalment.id, SubsidyGrant.id, Talent.id, Talent.name, SubsidyGrant.policy_name, Instalment.seq,
               SubsidyGrant.instalment_count, Instalment.due_date, Instalment.amount_fen)
        .join(SubsidyGrant, SubsidyGrant.id == Instalment.grant_id)
        .join(Talent, Talent.id == SubsidyGrant.talent_id)
        .where(Instalment.posted.is_(True), Instalment.due_date <= as_of, Talent.status == TalentStatus.ACTIVE.value,
               SubsidyGrant.status == GrantStatus.ACTIVE.value, _unpaid_instalment_condition())
        .order_by(Instalment.due_date)
        .limit(limit)
    )
    return [DueRow(*r) for r in session.execute(stmt)]
