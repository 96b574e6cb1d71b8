"""The subsidy ledger: reading entries and balances, posting instalments as they fall due, departures' clawback.

Sign convention (see EntryKind): a grant's balance = sum of its entries = what the county owes the talent
(negative when the talent owes the county). Entries are never changed or deleted; the database enforces it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from talentdesk.domain.enums import ClawbackRule, EntryKind, GrantStatus, TalentStatus
from talentdesk.domain.errors import NotFound, RuleViolation
from talentdesk.domain.labels import label
from talentdesk.domain.ledger_rules import clawback_amount
from talentdesk.domain.models import (
    Employer,
    Instalment,
    LedgerEntry,
    Payment,
    SubsidyGrant,
    SubsidyPolicy,
    Talent,
)
from talentdesk.domain.values import format_yuan
from talentdesk.i18n import translate
from talentdesk.services.common.filters import where_given
from talentdesk.services.base import Change, Permission, actor_of, operation
from talentdesk.services.common.paging import Page
from talentdesk.services.watch_signals import unpaid_instalment_condition as _unpaid_instalment_condition


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
    grant_status: str | None = None
    talent_text: str = ""        # name, or pinyin initials / full pinyin (prefix)
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
    stmt = where_given(stmt, (LedgerEntry.fiscal_year, q.year), (SubsidyGrant.policy_id, q.policy_id),
                       (SubsidyGrant.policy_kind, q.policy_kind), (LedgerEntry.talent_id, q.talent_id),
                       (Talent.employer_id, q.employer_id), (LedgerEntry.kind, q.kind),
                       (SubsidyGrant.status, q.grant_status))
    text = (q.talent_text or "").strip()
    if text:
        low = text.lower().replace(" ", "")
        stmt = stmt.where(or_(Talent.name.like(f"%{text}%"), Talent.name_initials.like(f"{low}%"),
                              Talent.name_pinyin.like(f"{low}%")))
    return stmt


@operation(Permission.LEDGER_READ)
def list_entries(session: Session, *, query: EntryQuery = EntryQuery(), offset: int = 0, limit: int = 500,
                 entry_ids: tuple[int, ...] | None = None) -> Page:
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
    if entry_ids is not None:
        stmt = stmt.where(LedgerEntry.id.in_(entry_ids))
    col = SORT.get(query.sort, LedgerEntry.id)
    order = [col.desc() if query.descending else col.asc()]
    if col is not LedgerEntry.id:
        order.append(LedgerEntry.id.desc())
    rows = [EntryRow(*(r[:6]), r[6] or "", *(r[7:])) for r in session.execute(stmt.order_by(*order).offset(offset).limit(limit))]
    count_stmt = _entry_filters(_with_needed_joins(select(func.count()).select_from(LedgerEntry), query), query)
    if entry_ids is not None:
        count_stmt = count_stmt.where(LedgerEntry.id.in_(entry_ids))
    return Page(rows=rows, total=session.scalar(count_stmt) or 0, offset=offset)


def _with_needed_joins(stmt, q: EntryQuery):
    """Join grants and talents only when a filter reads them: the joins follow NOT NULL foreign keys and never drop
    an entry, so counts and sums stay the same while the work shrinks to the entries alone."""
    if q.policy_id or q.policy_kind or q.grant_status:
        stmt = stmt.join(SubsidyGrant, SubsidyGrant.id == LedgerEntry.grant_id)
    if q.employer_id or (q.talent_text or "").strip():
        stmt = stmt.join(Talent, Talent.id == LedgerEntry.talent_id)
    return stmt


@dataclass(frozen=True, slots=True)
class Totals:
    due_fen: int
    paid_fen: int
    clawback_fen: int
    refund_fen: int
    balance_fen: int
    waiver_fen: int = 0  # signed as stored: + an obligation forgiven, − dues that lapsed at departure

    def adds_up(self) -> bool:
        """应付 − 已付 − 追回 + 已退回 + 免除 = 余额, always."""
        return self.due_fen - self.paid_fen - self.clawback_fen + self.refund_fen + self.waiver_fen == self.balance_fen


@operation(Permission.LEDGER_READ)
def entry_totals(session: Session, *, query: EntryQuery = EntryQuery()) -> Totals:
    """Totals by kind for the filtered entries; reversals count against the kind they reverse."""
    target = LedgerEntry.__table__.alias("target")
    eff_kind = func.coalesce(target.c.kind, LedgerEntry.kind)
    stmt = (
        select(eff_kind, func.sum(LedgerEntry.amount_fen))
        .select_from(LedgerEntry)
        .outerjoin(target, target.c.id == LedgerEntry.reverses_id)
        .group_by(eff_kind)
    )
    sums = dict(session.execute(_entry_filters(_with_needed_joins(stmt, query), query)).all())
    return Totals(
        due_fen=sums.get("due", 0) or 0,
        paid_fen=-(sums.get("payment", 0) or 0),
        clawback_fen=-(sums.get("clawback", 0) or 0),
        refund_fen=sums.get("refund", 0) or 0,
        balance_fen=sum(v or 0 for v in sums.values()),
        waiver_fen=sums.get("waiver", 0) or 0,
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


def _post_due(session: Session, *, as_of: dt.date, grant_id: int | None = None) -> int:
    stmt = (
        select(Instalment, SubsidyGrant)
        .join(SubsidyGrant, SubsidyGrant.id == Instalment.grant_id)
        .join(Talent, Talent.id == SubsidyGrant.talent_id)
        .where(
            Instalment.due_date <= as_of, Instalment.posted.is_(False), Instalment.cancelled.is_(False),
            SubsidyGrant.status == GrantStatus.ACTIVE.value, Talent.status == TalentStatus.ACTIVE.value,
        )
        .order_by(Instalment.due_date, Instalment.id)
    )
    if grant_id is not None:
        stmt = stmt.where(Instalment.grant_id == grant_id)
    rows = session.execute(stmt).all()
    for inst, grant in rows:
        _post(session, grant=grant, kind=EntryKind.DUE, amount_fen=inst.amount_fen, on=inst.due_date, seq=inst.seq)
        inst.posted = True
    session.flush()
    return len(rows)


@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.LEDGER,))
def post_due_instalments(session: Session, *, as_of: dt.date) -> int:
    """Post a `due` entry for every scheduled instalment that has fallen due — only for active grants of talents
    still active in the county (instalments are gated). Idempotent; returns how many were posted."""
    return _post_due(session, as_of=as_of)


def post_due_for_grant(session: Session, *, grant_id: int, as_of: dt.date) -> int:
    """The same for one grant (used right after granting and on resuming; the caller's operation is checked)."""
    return _post_due(session, as_of=as_of, grant_id=grant_id)


@dataclass(frozen=True, slots=True)
class ClawbackLine:
    grant_id: int
    policy_name: str
    rule: str
    paid_fen: int
    owed_fen: int


def net_of_kind(session: Session, grant_id: int, kind: EntryKind) -> int:
    """Sum of a grant's entries of one kind, less their reversals (signed fen, as stored)."""
    target = LedgerEntry.__table__.alias("target")
    stmt = (
        select(func.coalesce(func.sum(LedgerEntry.amount_fen), 0))
        .select_from(LedgerEntry)
        .outerjoin(target, target.c.id == LedgerEntry.reverses_id)
        .where(LedgerEntry.grant_id == grant_id, func.coalesce(target.c.kind, LedgerEntry.kind) == kind.value)
    )
    return session.scalar(stmt) or 0


@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.LEDGER,))
def apply_departure(session: Session, *, talent_id: int) -> list[ClawbackLine]:
    """Called when a talent departs: future instalments are cancelled, payment orders not yet paid are cancelled,
    unpaid dues lapse (waiver entry), and each grant's clawback obligation (per its rule, unless the talent has a
    waiver reason) is posted as a ledger entry. Idempotent: calling it again posts only what is still missing."""
    talent = session.get(Talent, talent_id)
    if talent is None:
        raise NotFound(translate("Ledger", "Talent {id} does not exist.").format(id=talent_id))
    if talent.departure_date is None:
        raise RuleViolation(translate("Ledger", "{talent} has not left the county; no clawback applies.").format(
            talent=talent.name))
    when = talent.departure_date
    departed_text = translate("Ledger", "The talent left the county on {date}").format(date=when.isoformat())
    waived = bool(talent.clawback_waiver_reason.strip())
    lines = []
    grants = session.scalars(select(SubsidyGrant).where(SubsidyGrant.talent_id == talent_id).order_by(SubsidyGrant.id)).all()
    for grant in grants:
        for inst in session.scalars(select(Instalment).where(
                Instalment.grant_id == grant.id, Instalment.posted.is_(False), Instalment.cancelled.is_(False))):
            inst.cancelled = True
        for pay in session.scalars(select(Payment).where(
                Payment.grant_id == grant.id, Payment.status.in_(("recorded", "approved")))):
            pay.status = "cancelled"
            pay.memo = ((pay.memo + " " if pay.memo else "") + departed_text)[:200]
        paid = paid_on_grant(session, grant.id)
        balance = grant_balance(session, grant.id)
        already = -net_of_kind(session, grant.id, EntryKind.CLAWBACK)
        if balance > 0 and already == 0:  # dues that were never paid are not owed to someone who has left
            _post(session, grant=grant, kind=EntryKind.WAIVER, amount_fen=-balance, on=when,
                  memo=translate("Ledger", "Unpaid instalments lapse on departure"))
        policy_years = session.scalar(select(SubsidyPolicy.service_years).where(SubsidyPolicy.id == grant.policy_id))
        owed = clawback_amount(  # the commitment the policy asks (服务期) when it sets one, else the talent's own
            rule=grant.clawback_rule, total_fen=grant.approved_total_fen, paid_fen=paid,
            arrival=talent.arrival_date, departure=when, service_years=policy_years or talent.service_years,
            waived=waived,
        )
        if owed - already > 0:
            _post(session, grant=grant, kind=EntryKind.CLAWBACK, amount_fen=-(owed - already), on=when,
                  memo=translate("Ledger", "Left before the service commitment ended ({rule})").format(
                      rule=label(ClawbackRule, grant.clawback_rule)))
        if grant.status in (GrantStatus.ACTIVE.value, GrantStatus.SUSPENDED.value):
            grant.status = GrantStatus.TERMINATED.value
            grant.status_reason = departed_text
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


def _month_bounds(d: dt.date) -> tuple[dt.date, dt.date]:
    first = d.replace(day=1)
    nxt = (first + dt.timedelta(days=32)).replace(day=1)
    return first, nxt - dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    """An instalment owed to an active talent and not yet paid, with the payment order in progress if any."""

    instalment_id: int
    grant_id: int
    talent_id: int
    talent_name: str
    employer_name: str
    policy_name: str
    seq: int
    count: int
    due_date: dt.date
    amount_fen: int
    posted: bool
    payment_id: int | None
    payment_status: str


def _owed_instalments():
    """(grant, seq) of instalments of active grants of active talents whose own entries (due, payment, and the
    reversals of either, which carry the instalment's number) add up to more than zero: fallen due, not paid."""
    active = (select(SubsidyGrant.id).join(Talent, Talent.id == SubsidyGrant.talent_id)
              .where(SubsidyGrant.status == GrantStatus.ACTIVE.value, Talent.status == TalentStatus.ACTIVE.value))
    return (
        select(LedgerEntry.grant_id, LedgerEntry.instalment_seq)
        .where(LedgerEntry.grant_id.in_(active), LedgerEntry.instalment_seq.is_not(None),
               LedgerEntry.kind.in_((EntryKind.DUE.value, EntryKind.PAYMENT.value, EntryKind.REVERSAL.value)))
        .group_by(LedgerEntry.grant_id, LedgerEntry.instalment_seq)
        .having(func.sum(LedgerEntry.amount_fen) > 0)
        .subquery()
    )


def _schedule_rows(session: Session, cond, limit: int, owed=None, *, by_date: bool = False) -> list[ScheduleRow]:
    pending = (
        select(Payment.id, Payment.status, Payment.grant_id, Payment.instalment_seq)
        .where(Payment.status.in_(("recorded", "approved")))
        .subquery()
    )
    # by_date: a short date range, so let the instalments' due-date index drive the query (`status || ''` keeps
    # the planner from starting at the talents' status index, which would visit every active talent instead)
    talent_status = Talent.status.op("||")("") if by_date else Talent.status
    stmt = select(Instalment.id, SubsidyGrant.id, Talent.id, Talent.name, Employer.name, SubsidyGrant.policy_name,
                  Instalment.seq, SubsidyGrant.instalment_count, Instalment.due_date, Instalment.amount_fen,
                  Instalment.posted, pending.c.id, pending.c.status).select_from(Instalment)
    if owed is not None:
        stmt = stmt.join(owed, and_(owed.c.grant_id == Instalment.grant_id, owed.c.instalment_seq == Instalment.seq))
    stmt = (
        stmt.join(SubsidyGrant, SubsidyGrant.id == Instalment.grant_id)
        .join(Talent, Talent.id == SubsidyGrant.talent_id)
        .outerjoin(Employer, Employer.id == Talent.employer_id)
        .outerjoin(pending, and_(pending.c.grant_id == Instalment.grant_id, pending.c.instalment_seq == Instalment.seq))
        .where(talent_status == TalentStatus.ACTIVE.value, Instalment.cancelled.is_(False),
               SubsidyGrant.status == GrantStatus.ACTIVE.value, cond)
        .order_by(Instalment.due_date, Talent.name_pinyin, Instalment.id)
        .limit(limit)
    )
    return [ScheduleRow(r[0], r[1], r[2], r[3], r[4] or "", r[5], r[6], r[7], r[8], r[9], bool(r[10]), r[11], r[12] or "")
            for r in session.execute(stmt)]


@operation(Permission.LEDGER_READ)
def due_this_month(session: Session, *, as_of: dt.date, limit: int = 5000) -> list[ScheduleRow]:
    """Instalments falling due in `as_of`'s month that are not paid yet (posted or still to fall due)."""
    first, last = _month_bounds(as_of)
    cond = and_(Instalment.due_date >= first, Instalment.due_date <= last,
                or_(Instalment.posted.is_(False), _unpaid_instalment_condition()))
    return _schedule_rows(session, cond, limit, by_date=True)


@operation(Permission.LEDGER_READ)
def overdue(session: Session, *, as_of: dt.date, limit: int = 5000) -> list[ScheduleRow]:
    """Instalments that fell due before `as_of`'s month and are still unpaid: the office is late."""
    first, _ = _month_bounds(as_of)
    cond = and_(Instalment.due_date < first, Instalment.posted.is_(True))
    return _schedule_rows(session, cond, limit, _owed_instalments())


@dataclass(frozen=True, slots=True)
class StatementLine:
    entry_id: int
    entry_date: dt.date
    kind: str
    policy_name: str
    instalment_seq: int | None
    amount_fen: int
    balance_fen: int
    voucher_no: str
    reverses_id: int | None
    reversed: bool
    memo: str


@dataclass(frozen=True)
class Statement:
    talent_id: int
    talent_name: str
    employer_name: str
    status: str
    lines: tuple[StatementLine, ...]
    due_fen: int
    paid_fen: int
    clawback_fen: int
    refund_fen: int
    waiver_fen: int
    balance_fen: int            # what the county owes the talent now (negative: the talent owes the county)
    obligation_open_fen: int    # clawback still to be refunded or waived


@operation(Permission.LEDGER_READ)
def talent_statement(session: Session, *, talent_id: int) -> Statement:
    """Every entry of one talent in date order with the running balance, and the totals by kind."""
    talent = session.get(Talent, talent_id)
    if talent is None:
        raise NotFound(translate("Ledger", "Talent {id} does not exist.").format(id=talent_id))
    employer = session.get(Employer, talent.employer_id) if talent.employer_id else None
    reversed_ids = set(session.scalars(
        select(LedgerEntry.reverses_id).where(LedgerEntry.talent_id == talent_id, LedgerEntry.reverses_id.is_not(None))))
    rows = session.execute(
        select(LedgerEntry.id, LedgerEntry.entry_date, LedgerEntry.kind, SubsidyGrant.policy_name,
               LedgerEntry.instalment_seq, LedgerEntry.amount_fen, LedgerEntry.voucher_no, LedgerEntry.reverses_id,
               LedgerEntry.memo)
        .join(SubsidyGrant, SubsidyGrant.id == LedgerEntry.grant_id)
        .where(LedgerEntry.talent_id == talent_id)
        .order_by(LedgerEntry.entry_date, LedgerEntry.id)
    ).all()
    kinds = {r[0]: r[2] for r in rows}
    sums: dict[str, int] = {}
    balance = 0
    lines = []
    for eid, on, kind, pname, seq, amount, voucher, rev, memo in rows:
        balance += amount
        eff = kinds.get(rev, kind) if kind == "reversal" else kind
        sums[eff] = sums.get(eff, 0) + amount
        lines.append(StatementLine(eid, on, kind, pname, seq, amount, balance, voucher, rev, eid in reversed_ids, memo))
    claw = -sums.get("clawback", 0)
    refund = sums.get("refund", 0)
    # waivers of an obligation are positive; negative waivers are lapsed dues
    waiver_pos = sum(ln.amount_fen for ln in lines if ln.kind == "waiver" and ln.amount_fen > 0)
    return Statement(
        talent_id=talent.id, talent_name=talent.name, employer_name=employer.name if employer else "",
        status=talent.status, lines=tuple(lines), due_fen=sums.get("due", 0), paid_fen=-sums.get("payment", 0),
        clawback_fen=claw, refund_fen=refund, waiver_fen=sums.get("waiver", 0), balance_fen=balance,
        obligation_open_fen=max(0, claw - refund - waiver_pos),
    )


@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.LEDGER,))
def reverse_entry(session: Session, *, entry_id: int, reason: str, on: dt.date | None = None) -> EntryRow:
    """Correct a wrong entry the only way an append-only ledger allows: a reversal entry of the opposite amount.
    A reversed payment leaves its instalment unpaid again (a new payment order can be recorded)."""
    reason = (reason or "").strip()
    if not reason:
        raise RuleViolation(translate("Ledger", "Say why the entry is reversed; the reason stays in the ledger."))
    entry = session.get(LedgerEntry, entry_id)
    if entry is None:
        raise NotFound(translate("Ledger", "Ledger entry {id} does not exist.").format(id=entry_id))
    if entry.kind == EntryKind.REVERSAL.value:
        raise RuleViolation(translate("Ledger", "A reversal cannot itself be reversed; record a new entry instead."))
    if session.scalar(select(LedgerEntry.id).where(LedgerEntry.reverses_id == entry_id)) is not None:
        raise RuleViolation(translate("Ledger", "Entry {id} has already been reversed.").format(id=entry_id))
    on = on or dt.date.today()
    if on < entry.entry_date:
        raise RuleViolation(translate("Ledger", "A reversal cannot be dated before the entry it reverses."))
    from talentdesk.services.ledger.approvals import four_eyes

    pending = four_eyes(session, "reverse_entry", dict(entry_id=entry_id, reason=reason, on=on), summary=translate(
        "Approvals", "reverse entry {id} ({kind}, {amount}): {reason}").format(
        id=entry.id, kind=entry.kind, amount=format_yuan(entry.amount_fen), reason=reason[:200]),
        amount_fen=entry.amount_fen)
    if pending:
        return pending
    grant = session.get(SubsidyGrant, entry.grant_id)
    new = _post(session, grant=grant, kind=EntryKind.REVERSAL, amount_fen=-entry.amount_fen, on=on,
                seq=entry.instalment_seq, memo=reason[:200], reverses_id=entry.id)
    session.flush()
    if grant.status == GrantStatus.COMPLETED.value and grant_balance(session, grant.id) > 0:
        grant.status = GrantStatus.ACTIVE.value  # a reversed payment is owed again
        session.flush()
    return get_entry(session, entry_id=new.id)


@operation(Permission.LEDGER_READ)
def get_entry(session: Session, *, entry_id: int) -> EntryRow:
    page = list_entries(session, query=EntryQuery(), entry_ids=(entry_id,))
    if not page.rows:
        raise NotFound(translate("Ledger", "Ledger entry {id} does not exist.").format(id=entry_id))
    return page.rows[0]
