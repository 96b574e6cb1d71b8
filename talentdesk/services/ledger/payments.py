"""Payment orders (recorded → approved → paid), refunds, waivers and clawback obligations.

Separation of duties: where accounts exist (Actor.user_id is set), the person who recorded a payment order cannot
approve it; the database holds the same rule (CHECK approver ≠ recorder). A single-user database has no second
person, so the rule cannot apply there. Marking an order paid posts the `payment` ledger entry.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.enums import EntryKind
from talentdesk.domain.errors import Conflict, NotFound, RuleViolation, ValidationError
from talentdesk.domain.models import Employer, Instalment, LedgerEntry, Payment, SubsidyGrant, Talent
from talentdesk.domain.values import format_yuan, parse_voucher_no
from talentdesk.i18n import translate
from talentdesk.services.ledger import journal
from talentdesk.services.base import Change, Permission, actor_of, operation

Progress = Callable[[int, int, str], None]
OPEN = (E.PaymentStatus.RECORDED.value, E.PaymentStatus.APPROVED.value)


@dataclass(frozen=True, slots=True)
class PaymentRow:
    id: int
    grant_id: int
    talent_id: int
    talent_name: str
    employer_name: str
    id_number: str
    policy_name: str
    doc_number: str
    instalment_seq: int | None
    instalment_count: int
    amount_fen: int
    status: str
    method: str
    voucher_no: str
    pay_date: dt.date | None
    recorded_by: str
    approved_by: str
    entry_id: int | None
    memo: str


@dataclass(frozen=True)
class BatchResult:
    """What a batch did: the ids it changed and, for the ones it refused, why (translated)."""

    done: tuple[int, ...] = ()
    refused: tuple[tuple[int, str], ...] = ()
    cancelled: bool = False
    extra: dict = field(default_factory=dict)


def _payment_select():
    return (
        select(Payment.id, Payment.grant_id, Payment.talent_id, Talent.name, Employer.name, Talent.id_number,
               SubsidyGrant.policy_name, SubsidyGrant.doc_number, Payment.instalment_seq,
               SubsidyGrant.instalment_count, Payment.amount_fen, Payment.status, Payment.method, Payment.voucher_no,
               Payment.pay_date, Payment.recorded_by, Payment.approved_by, Payment.entry_id, Payment.memo)
        .join(SubsidyGrant, SubsidyGrant.id == Payment.grant_id)
        .join(Talent, Talent.id == Payment.talent_id)
        .outerjoin(Employer, Employer.id == Talent.employer_id)
    )


def _prow(r) -> PaymentRow:
    r = list(r)
    r[4] = r[4] or ""
    r[5] = r[5] or ""
    return PaymentRow(*r)


@operation(Permission.LEDGER_READ)
def list_payments(session: Session, *, status: str | None = None, payment_ids: tuple[int, ...] | None = None,
                  talent_id: int | None = None, year: int | None = None, limit: int = 5000) -> list[PaymentRow]:
    stmt = _payment_select()
    if status:
        stmt = stmt.where(Payment.status == status)
    if payment_ids is not None:
        stmt = stmt.where(Payment.id.in_(payment_ids))
    if talent_id is not None:
        stmt = stmt.where(Payment.talent_id == talent_id)
    if year is not None:
        stmt = stmt.where(Payment.pay_date >= dt.date(year, 1, 1), Payment.pay_date <= dt.date(year, 12, 31))
    return [_prow(r) for r in session.execute(stmt.order_by(Payment.id.desc()).limit(limit))]


def _instalment_state(session: Session, grant_id: int, seq: int) -> str:
    """'missing', 'not_due', 'paid', 'pending' (an open order exists) or 'payable'."""
    inst = session.scalar(select(Instalment).where(Instalment.grant_id == grant_id, Instalment.seq == seq))
    if inst is None or inst.cancelled:
        return "missing"
    if not inst.posted:
        return "not_due"
    reversed_ids = select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
    due_standing = session.scalar(select(LedgerEntry.id).where(
        LedgerEntry.grant_id == grant_id, LedgerEntry.instalment_seq == seq, LedgerEntry.kind == "due",
        LedgerEntry.id.not_in(reversed_ids)))
    if due_standing is None:
        return "missing"
    paid = session.scalar(select(LedgerEntry.id).where(
        LedgerEntry.grant_id == grant_id, LedgerEntry.instalment_seq == seq, LedgerEntry.kind == "payment",
        LedgerEntry.id.not_in(reversed_ids)))
    if paid is not None:
        return "paid"
    if session.scalar(select(Payment.id).where(Payment.grant_id == grant_id, Payment.instalment_seq == seq,
                                               Payment.status.in_(OPEN))) is not None:
        return "pending"
    return "payable"


def _record_one(session: Session, instalment_id: int, method: str, memo: str) -> Payment | str:
    inst = session.get(Instalment, instalment_id)
    if inst is None:
        return translate("Payments", "Instalment {id} does not exist.").format(id=instalment_id)
    grant = session.get(SubsidyGrant, inst.grant_id)
    talent = session.get(Talent, grant.talent_id)
    if talent.status != E.TalentStatus.ACTIVE.value:
        return translate("Payments", "{talent} has left the county; instalments are no longer paid.").format(
            talent=talent.name)
    if grant.status != E.GrantStatus.ACTIVE.value:
        return translate("Payments", "The grant \"{policy}\" of {talent} is not active.").format(
            policy=grant.policy_name, talent=talent.name)
    state = _instalment_state(session, grant.id, inst.seq)
    text = {
        "missing": translate("Payments", "Instalment {seq} of \"{policy}\" ({talent}) is not owed."),
        "not_due": translate("Payments", "Instalment {seq} of \"{policy}\" ({talent}) has not fallen due yet."),
        "paid": translate("Payments", "Instalment {seq} of \"{policy}\" ({talent}) has already been paid."),
        "pending": translate("Payments", "Instalment {seq} of \"{policy}\" ({talent}) already has a payment order."),
    }.get(state)
    if text:
        return text.format(seq=inst.seq, policy=grant.policy_name, talent=talent.name)
    actor = actor_of(session)
    pay = Payment(grant_id=grant.id, talent_id=talent.id, instalment_seq=inst.seq, amount_fen=inst.amount_fen,
                  status=E.PaymentStatus.RECORDED.value, method=method, recorded_by_id=actor.user_id,
                  recorded_by=actor.username, memo=memo[:200])
    session.add(pay)
    return pay


@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.LEDGER, Change.PAYMENTS))
def record_payments(session: Session, *, instalment_ids: list[int] | tuple[int, ...],
                    method: str = E.PaymentMethod.BANK.value, memo: str = "") -> BatchResult:
    """Record a payment order for each instalment that has fallen due and is unpaid; the others are refused
    with their reason (nothing is half-done: each order is whole or absent)."""
    if method not in E.values(E.PaymentMethod):
        raise ValidationError(translate("Payments", "Choose how the money is paid (bank transfer or cash)."),
                              field="method")
    done, refused = [], []
    for iid in instalment_ids:
        res = _record_one(session, iid, method, memo)
        if isinstance(res, str):
            refused.append((iid, res))
        else:
            session.flush()
            done.append(res.id)
    session.flush()
    return BatchResult(tuple(done), tuple(refused))


def _separation_refusal(session: Session, pay: Payment) -> str | None:
    from talentdesk.services.ledger.approvals import creators_of

    actor = actor_of(session)
    if actor.user_id is not None and pay.recorded_by_id is not None and pay.recorded_by_id == actor.user_id:
        return translate("Payments", "Payment order {id}: you recorded it, so another person must approve it.").format(
            id=pay.id)
    if actor.user_id is not None and pay.recorded_by_id is not None and \
            pay.recorded_by_id in creators_of(session, actor.user_id):
        return translate("Payments", "Payment order {id}: your account was created by the person who recorded it, so "
                                     "another person must approve it.").format(id=pay.id)
    return None


@operation(Permission.LEDGER_APPROVE, writes=True, changes=(Change.LEDGER, Change.PAYMENTS), long=True)
def approve_payments(session: Session, *, payment_ids: list[int] | tuple[int, ...], progress: Progress | None = None,
                     abort: Callable[[], bool] | None = None) -> BatchResult:
    """Approve recorded payment orders. Orders the actor recorded are refused (separation of duties).
    Cancelling stops the batch and keeps nothing (the unit of work rolls back)."""
    actor = actor_of(session)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)

    def approve(pay: Payment) -> str | None:
        why = _separation_refusal(session, pay)
        if why:
            from talentdesk.services.base import record_event  # the refused attempt stays in the trail

            record_event(session, E.AuditAction.DENIED, table="payments", record_id=str(pay.id),
                         summary=f"approve own payment refused (separation of duties): {pay.id}")
            return why
        pay.status = E.PaymentStatus.APPROVED.value
        pay.approved_by_id = actor.user_id
        pay.approved_by = actor.username
        pay.approved_at = now
        return None

    return _each_order(session, payment_ids, E.PaymentStatus.RECORDED, approve, progress=progress, abort=abort,
                       other_status=translate("Payments", "Payment order {id} is not waiting for approval."))


def _each_order(session: Session, payment_ids: list[int] | tuple[int, ...], status: E.PaymentStatus,
                act: Callable[[Payment], str | None], *, other_status: str, progress: Progress | None,
                abort: Callable[[], bool] | None) -> BatchResult:
    """Act on each payment order in turn: one that does not exist or is not in `status` is refused (`other_status`
    says why, with its {id}); `act` does the rest and returns None, or the reason it refused. Cancelling stops the
    batch with an error (the unit of work keeps nothing)."""
    done, refused = [], []
    total = len(payment_ids)
    for i, pid in enumerate(payment_ids):
        if abort and abort():
            raise RuleViolation(translate("Payments", "The batch was cancelled; nothing was changed."))
        pay = session.get(Payment, pid)
        if pay is None:
            refused.append((pid, translate("Payments", "Payment order {id} does not exist.").format(id=pid)))
            continue
        if pay.status != status.value:
            refused.append((pid, other_status.format(id=pid)))
            continue
        why = act(pay)
        if why:
            refused.append((pid, why))
            continue
        done.append(pid)
        if progress and (i % 20 == 0 or i == total - 1):
            session.flush()
            progress(i + 1, total, "")
    session.flush()
    return BatchResult(tuple(done), tuple(refused))


def _check_voucher(session: Session, voucher_no: str, payment_ids) -> str:
    """A voucher number with a number in it that no other payment already carries (one voucher may pay a batch)."""
    voucher_no = parse_voucher_no(voucher_no)
    other = session.execute(
        select(Payment.id, Talent.name).join(Talent, Talent.id == Payment.talent_id)
        .where(Payment.voucher_no == voucher_no, Payment.id.not_in(list(payment_ids)))
        .order_by(Payment.id).limit(1)).first()
    if other is not None:
        raise Conflict(translate(
            "Payments", "Voucher number {voucher} already belongs to another payment ({talent}). "
                        "Check the voucher; each voucher number is used once.").format(
            voucher=voucher_no, talent=other[1]), field="voucher_no")
    return voucher_no


@operation(Permission.LEDGER_READ)
def check_voucher(session: Session, *, voucher_no: str, payment_ids: list[int] | tuple[int, ...]) -> str:
    """The voucher number as it will be stored, or the reason it cannot be used (for the 登记已付 dialog)."""
    return _check_voucher(session, voucher_no, payment_ids)


@operation(Permission.LEDGER_PAY, writes=True, changes=(Change.LEDGER, Change.PAYMENTS), long=True)
def mark_paid(session: Session, *, payment_ids: list[int] | tuple[int, ...], voucher_no: str, pay_date: dt.date,
              method: str | None = None, progress: Progress | None = None,
              abort: Callable[[], bool] | None = None) -> BatchResult:
    """Mark approved payment orders paid under one voucher number; each posts its `payment` ledger entry.
    An order whose talent has left or whose instalment was paid meanwhile is refused with the reason."""
    voucher_no = _check_voucher(session, voucher_no, payment_ids)
    if method is not None and method not in E.values(E.PaymentMethod):
        raise ValidationError(translate("Payments", "Choose how the money is paid (bank transfer or cash)."),
                              field="method")
    if pay_date > dt.date.today() + dt.timedelta(days=1):
        raise ValidationError(translate("Payments", "The payment date cannot be in the future."), field="pay_date")
    actor = actor_of(session)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)

    def pay_out(pay: Payment) -> str | None:
        talent = session.get(Talent, pay.talent_id)
        if talent.status != E.TalentStatus.ACTIVE.value:
            return translate("Payments", "{talent} has left the county; instalments are no longer paid.").format(
                talent=talent.name)
        if pay.instalment_seq is not None and _instalment_state(session, pay.grant_id, pay.instalment_seq) == "paid":
            return translate("Payments", "Payment order {id}: the instalment has already been paid.").format(
                id=pay.id)
        grant = session.get(SubsidyGrant, pay.grant_id)
        entry = LedgerEntry(
            grant_id=grant.id, talent_id=talent.id, kind=EntryKind.PAYMENT.value, amount_fen=-pay.amount_fen,
            entry_date=pay_date, fiscal_year=pay_date.year, instalment_seq=pay.instalment_seq, payment_id=pay.id,
            voucher_no=voucher_no, method=method or pay.method, memo=pay.memo, created_by=actor.username,
        )
        session.add(entry)
        session.flush()
        pay.status = E.PaymentStatus.PAID.value
        pay.voucher_no = voucher_no
        pay.pay_date = pay_date
        pay.paid_at = now
        pay.entry_id = entry.id
        if method:
            pay.method = method
        _complete_if_settled(session, grant)
        return None

    return _each_order(session, payment_ids, E.PaymentStatus.APPROVED, pay_out, progress=progress, abort=abort,
                       other_status=translate("Payments", "Payment order {id} has not been approved."))


def _complete_if_settled(session: Session, grant: SubsidyGrant) -> None:
    left = session.scalar(select(func.count()).select_from(Instalment).where(
        Instalment.grant_id == grant.id, Instalment.cancelled.is_(False), Instalment.posted.is_(False)))
    if grant.status == E.GrantStatus.ACTIVE.value and not left and journal.grant_balance(session, grant.id) <= 0:
        grant.status = E.GrantStatus.COMPLETED.value


@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.LEDGER, Change.PAYMENTS))
def cancel_payment(session: Session, *, payment_id: int, reason: str) -> PaymentRow:
    """Withdraw a payment order that has not been paid (a paid one is corrected by reversing its entry)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(translate("Payments", "Say why the payment order is withdrawn."), field="reason")
    pay = session.get(Payment, payment_id)
    if pay is None:
        raise NotFound(translate("Payments", "Payment order {id} does not exist.").format(id=payment_id))
    if pay.status not in OPEN:
        raise RuleViolation(translate("Payments", "Only a payment order that has not been paid can be withdrawn; "
                                                  "correct a paid one by reversing its ledger entry."))
    pay.status = E.PaymentStatus.CANCELLED.value
    pay.memo = (pay.memo + " " if pay.memo else "") + reason
    pay.memo = pay.memo[:200]
    session.flush()
    return list_payments(session, payment_ids=(pay.id,))[0]


# ------------------------------------------------------------------ clawback obligations, refunds, waivers

@dataclass(frozen=True, slots=True)
class ObligationRow:
    """A grant on which a departed talent owes money back: what was claimed, refunded, waived, and what is open."""

    grant_id: int
    talent_id: int
    talent_name: str
    policy_name: str
    clawback_rule: str
    departure_date: dt.date | None
    owed_fen: int
    refunded_fen: int
    waived_fen: int
    open_fen: int


def _obligation_sums(session: Session, grant_ids=None, talent_id: int | None = None) -> dict[int, tuple[int, int, int]]:
    """grant id -> (owed, refunded, waived) in one grouped query; reversals count against the kind they reverse."""
    target = LedgerEntry.__table__.alias("target")
    eff = func.coalesce(target.c.kind, LedgerEntry.kind)
    sign_base = func.coalesce(target.c.amount_fen, LedgerEntry.amount_fen)
    amount = LedgerEntry.amount_fen
    stmt = (
        select(LedgerEntry.grant_id,
               -func.sum(case((eff == "clawback", amount), else_=0)),
               func.sum(case((eff == "refund", amount), else_=0)),
               func.sum(case((and_(eff == "waiver", sign_base > 0), amount), else_=0)))
        .select_from(LedgerEntry)
        .outerjoin(target, target.c.id == LedgerEntry.reverses_id)
        .group_by(LedgerEntry.grant_id)
    )
    if grant_ids is not None:
        stmt = stmt.where(LedgerEntry.grant_id.in_(grant_ids))
    else:
        stmt = stmt.where(LedgerEntry.grant_id.in_(select(LedgerEntry.grant_id).where(LedgerEntry.kind == "clawback")))
    if talent_id is not None:
        stmt = stmt.where(LedgerEntry.talent_id == talent_id)
    return {gid: (int(o or 0), int(r or 0), int(w or 0)) for gid, o, r, w in session.execute(stmt)}


def _obligation(session: Session, grant: SubsidyGrant) -> tuple[int, int, int]:
    return _obligation_sums(session, [grant.id]).get(grant.id, (0, 0, 0))


@operation(Permission.LEDGER_READ)
def obligations(session: Session, *, talent_id: int | None = None, open_only: bool = True) -> list[ObligationRow]:
    """Clawback obligations per talent and grant, until settled (refunded or waived in full)."""
    sums = _obligation_sums(session, talent_id=talent_id)
    if not sums:
        return []
    stmt = (
        select(SubsidyGrant.id, SubsidyGrant.talent_id, Talent.name, SubsidyGrant.policy_name,
               SubsidyGrant.clawback_rule, Talent.departure_date)
        .join(Talent, Talent.id == SubsidyGrant.talent_id)
        .where(SubsidyGrant.id.in_(select(LedgerEntry.grant_id).where(LedgerEntry.kind == "clawback")))
        .order_by(Talent.name_pinyin, SubsidyGrant.id)
    )
    if talent_id is not None:
        stmt = stmt.where(SubsidyGrant.talent_id == talent_id)
    out = []
    for gid, tid, name, policy, rule, departed in session.execute(stmt):
        owed, refunded, waived = sums.get(gid, (0, 0, 0))
        if owed <= 0:
            continue
        open_fen = max(0, owed - refunded - waived)
        if open_only and open_fen == 0:
            continue
        out.append(ObligationRow(gid, tid, name, policy, rule, departed, owed, refunded, waived, open_fen))
    return out


def _open_obligation(session: Session, grant_id: int) -> tuple[SubsidyGrant, int]:
    grant = session.get(SubsidyGrant, grant_id)
    if grant is None:
        raise NotFound(translate("Grants", "Grant {id} does not exist.").format(id=grant_id))
    owed, refunded, waived = _obligation(session, grant)
    return grant, max(0, owed - refunded - waived)


@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.LEDGER,))
def record_refund(session: Session, *, grant_id: int, amount_fen: int, on: dt.date, voucher_no: str = "",
                  memo: str = "") -> journal.EntryRow:
    """Money paid back by a talent against a clawback obligation; never more than is still owed."""
    grant, open_fen = _open_obligation(session, grant_id)
    if not isinstance(amount_fen, int) or amount_fen <= 0:
        raise ValidationError(translate("Payments", "The refund must be greater than zero."), field="amount")
    if open_fen == 0:
        raise RuleViolation(translate("Payments", "Nothing is owed on this grant."))
    if amount_fen > open_fen:
        raise RuleViolation(translate("Payments", "The refund ({amount}) is more than is still owed ({open}).").format(
            amount=format_yuan(amount_fen), open=format_yuan(open_fen)))
    entry = journal._post(session, grant=grant, kind=EntryKind.REFUND, amount_fen=amount_fen, on=on, memo=memo[:200])
    entry.voucher_no = (voucher_no or "").strip()[:40]
    session.flush()
    return journal.get_entry(session, entry_id=entry.id)


@operation(Permission.LEDGER_APPROVE, writes=True, changes=(Change.LEDGER,))
def waive_obligation(session: Session, *, grant_id: int, reason: str, on: dt.date,
                     amount_fen: int | None = None) -> journal.EntryRow:
    """Forgive (part of) a clawback obligation with a recorded reason (official transfer, illness …).
    A decision for an approver, not the clerk who records refunds."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(translate("Payments", "A waiver needs a reason (official transfer, illness …)."),
                              field="reason")
    grant, open_fen = _open_obligation(session, grant_id)
    if open_fen == 0:
        raise RuleViolation(translate("Payments", "Nothing is owed on this grant."))
    amount = open_fen if amount_fen is None else amount_fen
    if not isinstance(amount, int) or amount <= 0 or amount > open_fen:
        raise ValidationError(translate("Payments", "The waived amount must be more than zero and at most {open}.").format(
            open=format_yuan(open_fen)), field="amount")
    from talentdesk.services.ledger.approvals import four_eyes

    pending = four_eyes(session, "waive_obligation", dict(grant_id=grant_id, reason=reason, on=on, amount_fen=amount),
                        summary=translate("Approvals", "waive {amount} owed on grant {grant}: {reason}").format(
                            amount=format_yuan(amount), grant=grant_id, reason=reason[:200]), amount_fen=amount)
    if pending:
        return pending
    entry = journal._post(session, grant=grant, kind=EntryKind.WAIVER, amount_fen=amount, on=on, memo=reason[:200])
    session.flush()
    return journal.get_entry(session, entry_id=entry.id)


__all__ = ["PaymentRow", "BatchResult", "list_payments", "record_payments", "approve_payments", "mark_paid",
           "cancel_payment", "ObligationRow", "obligations", "record_refund", "waive_obligation"]


# ------------------------------------------------------------------ the payment roster (代发清单)

@operation(Permission.PERSONAL_EXPORT, writes=True, changes=(Change.AUDIT,))
def export_roster(session: Session, *, payment_ids: list[int] | tuple[int, ...], out_path: str,
                  on: dt.date | None = None, accept_missing_glyphs: bool = False) -> int:
    """Write the chosen payment orders to a roster: .xlsx or .pdf by the file's suffix. Returns the line count.
    The export is recorded in the audit trail (it carries personal data)."""
    from pathlib import Path

    from talentdesk.domain.labels import label
    from talentdesk.domain.values import mask_id_number
    from talentdesk.reports import roster
    from talentdesk.services.base import record_event
    from talentdesk.services.common.settings import get_setting

    if not payment_ids:
        raise ValidationError(translate("Payments", "Choose the payment orders for the roster."), field="payments")
    suffix = Path(out_path).suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ValidationError(translate("Payments", "The roster is written as .xlsx or .pdf."), field="path")
    rows = sorted(list_payments(session, payment_ids=tuple(payment_ids)), key=lambda r: r.id)
    lines = [roster.RosterLine(r.talent_name, mask_id_number(r.id_number), r.employer_name, r.policy_name,
                               f"{r.instalment_seq or 1}/{r.instalment_count}", r.amount_fen,
                               label(E.PaymentStatus, r.status), r.voucher_no) for r in rows]
    office = str(get_setting(session, "office_name") or "")
    on = on or dt.date.today()
    if suffix == ".pdf":
        from talentdesk.services.common.printing import check_names

        check_names(session, [ln.talent_name for ln in lines], document="payment roster",
                    accept=accept_missing_glyphs)
    record_event(session, E.AuditAction.EXPORT, summary=f"payment roster: {len(lines)} lines to {Path(out_path).name}")
    from talentdesk.services.base import seal_chain
    from talentdesk.store.chain import short

    head = short(seal_chain(session))  # the paper carries the chain as it stands with this export in it
    try:
        if suffix == ".xlsx":
            roster.write_xlsx(lines, out_path, office=office, on=on, chain_head=head)
        else:
            roster.write_pdf(lines, out_path, office=office, on=on, chain_head=head,
                             font_path=str(get_setting(session, "certificate_font") or "") or None)
    except OSError as exc:
        from talentdesk.domain.errors import StorageError

        raise StorageError(translate("Payments", "The roster could not be written to {path}: {error}").format(
            path=out_path, error=exc.strerror or exc)) from None
    return len(lines)
