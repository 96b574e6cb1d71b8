"""Payment batches: draft → publicized (公示) → approved (only once the notice has ended) → sent (the bank file) →
reconciled (the bank's return file matched line by line). Failed lines are corrected and re-issued in a new batch.

Each line carries a payment order of the ledger (`services/ledger/payments.py`): recorded when the batch is made,
approved by another person when the batch is approved (four eyes, as for every payment order), and marked paid by
the return file — which posts the `payment` ledger entry through the ledger's own path (append-only, integer fen,
chained, audited). A failed line's order is withdrawn, so its instalment is owed again and can be re-issued.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import NotFound, PermissionDenied, RuleViolation, StorageError, ValidationError
from talentdesk.domain.models import (
    Employer,
    Instalment,
    Objection,
    Payment,
    PaymentBatch,
    PaymentBatchItem,
    SubsidyGrant,
    SubsidyPolicy,
    Talent,
)
from talentdesk.domain.values import format_yuan, mask_id_number
from talentdesk.i18n import Labels, QT_TRANSLATE_NOOP, translate
from talentdesk.services.common.serials import next_in_series
from talentdesk.services.base import Change, Permission, actor_of, file_at_commit, operation, record_event, require
from talentdesk.services.payments import accounts, bankfiles, calendar, verification
from talentdesk.domain.values import utc_now as _now

PREFIX = "PB"
OPEN_ITEMS = (E.BatchItemStatus.INCLUDED.value, E.BatchItemStatus.SENT.value)
MAX_NOTICE_DAYS = 30


# ------------------------------------------------------------------ what callers get back

@dataclass(frozen=True, slots=True)
class BatchSummary:
    batch: int
    number: str
    items: int
    total_fen: int
    skipped: tuple[tuple[str, str], ...] = ()      # (talent, why) left out
    awaiting_verification: int = 0


@dataclass(frozen=True, slots=True)
class BatchRow:
    id: int
    number: str
    status: str
    stage: str                 # status, or "notice_ended" for a publicized batch whose notice is over
    due_by: dt.date
    policy_name: str
    employer_name: str
    reissue_of: str
    items: int
    total_fen: int
    notice_start: dt.date | None
    notice_end: dt.date | None
    notice_days: int | None
    objection_contact: str
    created_by: str
    approved_by: str
    layout_name: str
    created_on: dt.date


@dataclass(frozen=True, slots=True)
class ItemRow:
    id: int
    line_no: int
    talent_id: int
    talent_name: str
    id_masked: str
    employer_name: str
    policy_name: str
    seq: int
    count: int
    amount_fen: int
    account_no: str            # masked for roles that may not see it
    bank_name: str
    holder_name: str
    status: str
    fail_reason: str
    reissued_in: str           # the batch that re-issued a failed line
    objection: str


@dataclass(frozen=True, slots=True)
class ObjectionRow:
    id: int
    talent_id: int
    talent_name: str
    note: str
    upheld: bool
    received_on: dt.date
    recorded_by: str


@dataclass(frozen=True, slots=True)
class Figures:
    """One batch to the fen: sent = paid + failed + awaiting; outstanding = awaiting + failed not yet paid again."""

    included: int
    included_fen: int
    withdrawn: int
    withdrawn_fen: int
    sent: int
    sent_fen: int
    paid: int
    paid_fen: int
    failed: int
    failed_fen: int
    reissued: int
    reissued_fen: int
    reissued_paid: int
    reissued_paid_fen: int
    awaiting: int
    awaiting_fen: int
    outstanding: int
    outstanding_fen: int

    def balances(self) -> bool:
        return self.sent_fen == self.paid_fen + self.failed_fen + self.awaiting_fen


@dataclass(frozen=True)
class BatchDetail:
    batch: BatchRow
    items: tuple[ItemRow, ...]
    objections: tuple[ObjectionRow, ...]
    figures: Figures


@dataclass(frozen=True, slots=True)
class ReturnResult:
    paid: int
    failed: int
    paid_fen: int
    failed_fen: int


# ------------------------------------------------------------------ helpers

def _batch(session: Session, batch_id: int) -> PaymentBatch:
    b = session.get(PaymentBatch, batch_id) if isinstance(batch_id, int) else None
    if b is None:
        raise NotFound(translate("PaymentBatches", "Payment batch {id} does not exist.").format(id=batch_id))
    return b


def find_batch(session: Session, text: str | int) -> int:
    """A batch named by its number (PB2026-0001) or its id."""
    raw = str(text).strip().upper()
    if raw.isascii() and raw.isdigit() and (b := session.get(PaymentBatch, int(raw))) is not None:  # not '²'
        return b.id
    found = session.scalar(select(PaymentBatch.id).where(PaymentBatch.number == raw))
    if found is None:
        raise NotFound(translate("PaymentBatches", "Payment batch {id} does not exist.").format(id=text))
    return found


def _next_number(session: Session, year: int) -> str:
    return f"{PREFIX}{year}-{next_in_series(session, PREFIX, year):04d}"


_status_text = Labels("PaymentBatches", {
    "draft": QT_TRANSLATE_NOOP("PaymentBatches", "draft"),
    "publicized": QT_TRANSLATE_NOOP("PaymentBatches", "under public notice"),
    "notice_ended": QT_TRANSLATE_NOOP("PaymentBatches", "notice ended"),
    "approved": QT_TRANSLATE_NOOP("PaymentBatches", "approved"),
    "sent": QT_TRANSLATE_NOOP("PaymentBatches", "sent to the bank"),
    "reconciled": QT_TRANSLATE_NOOP("PaymentBatches", "reconciled"),
    "cancelled": QT_TRANSLATE_NOOP("PaymentBatches", "cancelled"),
    "included": QT_TRANSLATE_NOOP("PaymentBatches", "in the batch"),
    "withdrawn": QT_TRANSLATE_NOOP("PaymentBatches", "taken out"),
    "paid": QT_TRANSLATE_NOOP("PaymentBatches", "paid"), "failed": QT_TRANSLATE_NOOP("PaymentBatches", "failed"),
})


status_text = _status_text


def _stage(b: PaymentBatch, today: dt.date) -> str:
    if b.status == E.BatchStatus.PUBLICIZED.value and b.notice_end is not None and today > b.notice_end:
        return "notice_ended"
    return b.status


def _refuse_state(b: PaymentBatch, action: str) -> RuleViolation:
    return RuleViolation(translate("PaymentBatches", "Batch {number} is {state}; it cannot be {action} now.").format(
        number=b.number, state=_status_text(b.status), action=action))


def _batch_in(session: Session, batch_id: int, states: tuple[str, ...], action: str, *,
              explained: Mapping[str, str] | None = None) -> PaymentBatch:
    """The batch, if its status is one of `states`; otherwise refused: with the sentence `explained` gives for its
    status ({number} filled in), or with "it cannot be <action> now"."""
    b = _batch(session, batch_id)
    if b.status not in states:
        if explained and b.status in explained:
            raise RuleViolation(explained[b.status].format(number=b.number))
        raise _refuse_state(b, action)
    return b


def _open_items(session: Session, batch_id: int, statuses=OPEN_ITEMS) -> list[PaymentBatchItem]:
    return list(session.scalars(select(PaymentBatchItem).where(
        PaymentBatchItem.batch_id == batch_id, PaymentBatchItem.status.in_(statuses)).order_by(PaymentBatchItem.line_no)))


def _payable(session: Session, *, due_by: dt.date, policy_id: int | None, employer_id: int | None):
    """Instalments fallen due by `due_by`, unpaid, with no payment order in progress, of active grants of active
    talents — in the order the notice lists them (employer, name)."""
    from talentdesk.services.ledger.journal import _unpaid_instalment_condition

    open_order = select(Payment.id).where(
        Payment.grant_id == Instalment.grant_id, Payment.instalment_seq == Instalment.seq,
        Payment.status.in_((E.PaymentStatus.RECORDED.value, E.PaymentStatus.APPROVED.value))).exists()
    stmt = (
        select(Instalment.id, Talent.id, Talent.name)
        .join(SubsidyGrant, SubsidyGrant.id == Instalment.grant_id)
        .join(Talent, Talent.id == SubsidyGrant.talent_id)
        .outerjoin(Employer, Employer.id == Talent.employer_id)
        .where(Instalment.posted.is_(True), Instalment.cancelled.is_(False), Instalment.due_date <= due_by,
               SubsidyGrant.status == E.GrantStatus.ACTIVE.value, Talent.status == E.TalentStatus.ACTIVE.value,
               _unpaid_instalment_condition(), ~open_order)
        .order_by(Employer.name, Talent.name_pinyin, Talent.id, Instalment.due_date, Instalment.id)
    )
    if policy_id is not None:
        stmt = stmt.where(SubsidyGrant.policy_id == policy_id)
    if employer_id is not None:
        stmt = stmt.where(Talent.employer_id == employer_id)
    return session.execute(stmt).all()


def _add_item(session: Session, batch: PaymentBatch, line_no: int, instalment_id: int,
              skipped: list[tuple[str, str]]) -> PaymentBatchItem | None:
    from talentdesk.services.ledger import payments

    inst = session.get(Instalment, instalment_id)
    grant = session.get(SubsidyGrant, inst.grant_id)
    talent = session.get(Talent, grant.talent_id)
    acc = accounts.current_account(session, talent.id)
    if acc is None:
        skipped.append((talent.name, translate("PaymentBatches", "no bank account recorded")))
        return None
    pay = payments._record_one(session, instalment_id, E.PaymentMethod.BANK.value, batch.number)
    if isinstance(pay, str):
        skipped.append((talent.name, pay))
        return None
    session.flush()
    item = PaymentBatchItem(batch_id=batch.id, line_no=line_no, instalment_id=inst.id, grant_id=grant.id,
                            talent_id=talent.id, payment_id=pay.id, amount_fen=inst.amount_fen,
                            account_no=acc.account_no, bank_name=acc.bank_name, holder_name=acc.holder_name,
                            status=E.BatchItemStatus.INCLUDED.value)
    session.add(item)
    return item


# ------------------------------------------------------------------ making a batch

@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.PAYMENTS, Change.LEDGER))
def create_batch(session: Session, *, due_by: dt.date, policy_id: int | None = None, employer_id: int | None = None,
                 today: dt.date | None = None) -> BatchSummary:
    """Gather the instalments due by `due_by` (of one policy, one employer, or all) whose 在岗核验 is done and whose
    talent has a bank account, into a new draft batch, recording a payment order for each. Those left out are
    listed with the reason."""
    from talentdesk.services.ledger import journal

    made_at = _now() if today is None else dt.datetime.combine(today, dt.time(8))  # `today`: tests move the clock
    today = today or dt.date.today()
    journal._post_due(session, as_of=min(due_by, today))  # what fell due since the ledger was last opened
    rows = _payable(session, due_by=due_by, policy_id=policy_id, employer_id=employer_id)
    waiting = verification.needs_verification(session, [r[0] for r in rows], due_by)
    actor = actor_of(session)
    batch = PaymentBatch(number=_next_number(session, today.year), status=E.BatchStatus.DRAFT.value, due_by=due_by,
                         policy_id=policy_id, employer_id=employer_id, created_by_id=actor.user_id,
                         created_by=actor.username, created_at=made_at)
    session.add(batch)
    session.flush()
    skipped: list[tuple[str, str]] = []
    items: list[PaymentBatchItem] = []
    for inst_id, _tid, name in rows:
        if inst_id in waiting:
            skipped.append((name, translate("PaymentBatches", "waiting for the in-post confirmation")))
            continue
        item = _add_item(session, batch, len(items) + 1, inst_id, skipped)
        if item is not None:
            items.append(item)
    if not items:
        why = [f"{n}: {w}" for n, w in skipped[:30]]
        raise RuleViolation(translate("PaymentBatches", "Nothing can be paid in a batch due by {date}: no instalment "
                                                        "has fallen due, unpaid, confirmed in post and with a bank "
                                                        "account.").format(date=due_by.isoformat()), details=why)
    session.flush()
    return BatchSummary(batch.id, batch.number, len(items), sum(i.amount_fen for i in items), tuple(skipped),
                        len(waiting))


# ------------------------------------------------------------------ 公示

@dataclass(frozen=True, slots=True)
class NoticeResult:
    batch: int
    number: str
    notice_start: dt.date
    notice_end: dt.date
    days: int
    lines: int
    paths: tuple[str, ...]


def _notice_lines(session: Session, batch_id: int):
    from talentdesk.reports import payment_loop as report

    rows = session.execute(
        select(Talent.name, Talent.id_number, Employer.name, SubsidyGrant.policy_name, SubsidyGrant.doc_number,
               PaymentBatchItem.amount_fen, Instalment.seq, SubsidyGrant.instalment_count)
        .select_from(PaymentBatchItem)
        .join(Talent, Talent.id == PaymentBatchItem.talent_id)
        .join(SubsidyGrant, SubsidyGrant.id == PaymentBatchItem.grant_id)
        .join(Instalment, Instalment.id == PaymentBatchItem.instalment_id)
        .outerjoin(Employer, Employer.id == Talent.employer_id)
        .where(PaymentBatchItem.batch_id == batch_id, PaymentBatchItem.status.in_(OPEN_ITEMS))
        .order_by(PaymentBatchItem.line_no)).all()
    return [report.NoticeLine(n, mask_id_number(idn), e or "", p, doc, amt, f"{seq}/{cnt}")
            for n, idn, e, p, doc, amt, seq, cnt in rows]


def _write_notice(session: Session, b: PaymentBatch, paths: list[Path], accept_missing_glyphs: bool) -> None:
    from talentdesk.reports import payment_loop as report
    from talentdesk.services.common.settings import get_setting

    from talentdesk.services.common.printing import check_names

    lines = _notice_lines(session, b.id)
    office = str(get_setting(session, "office_name") or "")
    font = str(get_setting(session, "certificate_font") or "") or None
    if any(p.suffix.lower() == ".pdf" for p in paths):
        check_names(session, [ln.talent_name for ln in lines], document=f"public notice {b.number}",
                    accept=accept_missing_glyphs)
    info = report.NoticeInfo(office=office, number=b.number, start=b.notice_start, end=b.notice_end,
                             days=b.notice_days or 0, contact=b.objection_contact)
    for path in paths:
        failed = translate("PaymentBatches", "The notice could not be written to {path}: {error}")
        with _written(session, path, failed) as tmp:
            if path.suffix.lower() == ".xlsx":
                report.write_notice_xlsx(info, lines, tmp)
            else:
                report.write_notice_pdf(info, lines, tmp, font_path=font)
    record_event(session, E.AuditAction.EXPORT, table="payment_batches", record_id=str(b.id),
                 summary=f"public notice {b.number}: {len(lines)} lines to {', '.join(p.name for p in paths)}")


def _written(session: Session, path: Path, failed: str):
    """The temporary file to write `path` in, journaled and placed when the unit of work commits (a folder or a
    database is refused); an OSError while writing is raised with `failed` ({path}, {error})."""
    return file_at_commit(session, path, suffix=".pending",
                          failed=lambda exc: StorageError(failed.format(path=path, error=exc.strerror or exc)))


def _check_paths(paths: list[Path], allowed: tuple[str, ...]) -> list[Path]:
    out = []
    for p in paths:
        p = Path(p)
        if p.suffix.lower() not in allowed:
            raise ValidationError(translate("PaymentBatches", "{name}: the file must end with {suffixes}.").format(
                name=p.name, suffixes=" / ".join(allowed)), field="path")
        if not p.parent.is_dir():
            raise ValidationError(translate("PaymentBatches", "The folder {folder} does not exist.").format(
                folder=p.parent), field="path")
        out.append(p)
    return out


@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.PAYMENTS,))
def publicize(session: Session, *, batch_id: int, start: dt.date, days: int = 5, pdf_path: str | Path | None = None,
              xlsx_path: str | Path | None = None, contact: str = "", today: dt.date | None = None,
              accept_missing_glyphs: bool = False) -> NoticeResult:
    """Publish the batch for public notice from `start` for `days` working days (public holidays and weekend working
    days counted from the calendar), writing the notice as PDF and/or .xlsx."""
    from talentdesk.services.common.settings import get_setting

    b = _batch_in(session, batch_id, (E.BatchStatus.DRAFT.value, E.BatchStatus.PUBLICIZED.value),
                  translate("PaymentBatches", "published for notice"))
    if not isinstance(days, int) or not 1 <= days <= MAX_NOTICE_DAYS:
        raise ValidationError(translate("PaymentBatches", "The notice lasts 1 to {n} working days.").format(
            n=MAX_NOTICE_DAYS), field="days")
    paths = _check_paths([p for p in (pdf_path, xlsx_path) if p], (".pdf", ".xlsx"))
    if not paths:
        raise ValidationError(translate("PaymentBatches", "Say where to write the notice (.pdf and/or .xlsx)."),
                              field="path")
    created = b.created_at.date() if b.created_at else (today or dt.date.today())
    if start < created:
        raise ValidationError(translate("PaymentBatches", "The notice cannot start before the batch was made "
                                                          "({date}).").format(date=created.isoformat()), field="start")
    nxt = calendar.next_working_day(session, start)
    if nxt != start:
        raise ValidationError(translate("PaymentBatches", "{date} is not a working day; the notice can start on "
                                                          "{next}.").format(date=start.isoformat(),
                                                                            next=nxt.isoformat()), field="start")
    if not _open_items(session, b.id):
        raise RuleViolation(translate("PaymentBatches", "Batch {number} has nobody left in it.").format(number=b.number))
    end = calendar.working_days_end(session, start, days)
    office = str(get_setting(session, "office_name") or "")
    contact = " ".join((contact or "").split())[:200] or translate(
        "PaymentNotice", "{office}, in person, in writing or by telephone, on working days").format(office=office)
    b.notice_start, b.notice_end, b.notice_days, b.objection_contact = start, end, days, contact
    b.status = E.BatchStatus.PUBLICIZED.value
    b.publicized_by = actor_of(session).username
    session.flush()
    _write_notice(session, b, paths, accept_missing_glyphs)
    return NoticeResult(b.id, b.number, start, end, days, len(_open_items(session, b.id)), tuple(str(p) for p in paths))


@operation(Permission.LEDGER_READ, writes=True, changes=(Change.AUDIT,))
def write_notice(session: Session, *, batch_id: int, path: str | Path, accept_missing_glyphs: bool = False) -> str:
    """The notice of a published batch again (PDF or .xlsx), as it stands (people taken out are not on it)."""
    b = _batch(session, batch_id)
    if b.notice_start is None:
        raise RuleViolation(translate("PaymentBatches", "Batch {number} has not been published for notice yet.").format(
            number=b.number))
    paths = _check_paths([Path(path)], (".pdf", ".xlsx"))
    _write_notice(session, b, paths, accept_missing_glyphs)
    return str(paths[0])


# ------------------------------------------------------------------ objections

@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.PAYMENTS, Change.LEDGER))
def record_objection(session: Session, *, batch_id: int, talent_id: int, note: str, upheld: bool = False,
                     on: dt.date | None = None) -> ObjectionRow:
    """An objection raised during the notice against one person, with its outcome. Upheld: the person is taken out
    of the batch and their payment orders withdrawn (their instalments stay owed for a later batch)."""
    from talentdesk.services.ledger import payments

    b = _batch_in(session, batch_id, (E.BatchStatus.PUBLICIZED.value,), translate("PaymentBatches", "objected to"))
    note = " ".join((note or "").split())
    if not note:
        raise ValidationError(translate("PaymentBatches", "Write down what the objection says."), field="note")
    if len(note) > 400:
        raise ValidationError(translate("PaymentBatches", "At most {n} characters.").format(n=400), field="note")
    items = [i for i in _open_items(session, b.id) if i.talent_id == talent_id]
    talent = session.get(Talent, talent_id)
    if not items or talent is None:
        raise NotFound(translate("PaymentBatches", "Talent {talent} is not in batch {number}.").format(
            talent=talent.name if talent else talent_id, number=b.number))
    on = on or dt.date.today()
    obj = Objection(batch_id=b.id, talent_id=talent_id, item_id=items[0].id, note=note, upheld=bool(upheld),
                    received_on=on, recorded_by=actor_of(session).username)
    session.add(obj)
    if upheld:
        reason = translate("PaymentBatches", "Objection upheld during the notice of {number}").format(number=b.number)
        for item in items:
            item.status = E.BatchItemStatus.WITHDRAWN.value
            pay = session.get(Payment, item.payment_id) if item.payment_id else None
            if pay is not None and pay.status in payments.OPEN:
                payments.cancel_payment.__wrapped__(session, payment_id=pay.id, reason=reason)
    session.flush()
    return ObjectionRow(obj.id, talent_id, talent.name, obj.note, obj.upheld, obj.received_on, obj.recorded_by)


# ------------------------------------------------------------------ approval (four eyes, after the notice)

def _separation(session: Session, b: PaymentBatch) -> str | None:
    from talentdesk.services.ledger.approvals import creators_of

    actor = actor_of(session)
    if actor.user_id is None or b.created_by_id is None:
        return None
    if actor.user_id == b.created_by_id:
        return translate("PaymentBatches", "You made batch {number}, so another person must approve it.").format(
            number=b.number)
    if b.created_by_id in creators_of(session, actor.user_id):
        return translate("PaymentBatches", "Your account was created by the person who made batch {number}, so another "
                                           "person must approve it.").format(number=b.number)
    return None


def _withdraw_gone(session: Session, b: PaymentBatch) -> None:
    """Lines whose payment order was withdrawn meanwhile (the talent left) leave the batch."""
    for item in _open_items(session, b.id, (E.BatchItemStatus.INCLUDED.value,)):
        pay = session.get(Payment, item.payment_id) if item.payment_id else None
        if pay is None or pay.status == E.PaymentStatus.CANCELLED.value:
            item.status = E.BatchItemStatus.WITHDRAWN.value
            item.fail_reason = (pay.memo if pay else "")[-200:]


@operation(Permission.LEDGER_APPROVE, writes=True, changes=(Change.PAYMENTS, Change.LEDGER))
def approve_batch(session: Session, *, batch_id: int, today: dt.date | None = None) -> BatchRow:
    """Approve the batch — refused while its notice runs, and for the person who made it. Approves every line's
    payment order (the ledger's own four-eyes rule)."""
    from talentdesk.services.ledger import payments

    today = today or dt.date.today()
    b = _batch_in(session, batch_id, (E.BatchStatus.PUBLICIZED.value,), translate("PaymentBatches", "approved"),
                  explained={E.BatchStatus.DRAFT.value: translate(
                      "PaymentBatches", "Batch {number} has not been published for notice; it can be approved only "
                                        "after its notice has ended.")})
    if today <= b.notice_end:
        left = calendar.working_days_between(session, max(today, b.notice_start), b.notice_end)
        raise RuleViolation(translate("PaymentBatches", "The notice of batch {number} runs until {end} ({left} working "
                                                        "days left); it can be approved from {next} on.").format(
            number=b.number, end=b.notice_end.isoformat(), left=left,
            next=(b.notice_end + dt.timedelta(days=1)).isoformat()))
    why = _separation(session, b)
    if why:  # refused and, like every denial, recorded in the audit trail after the rollback (Database.session)
        raise PermissionDenied(why, permission="separation of duties", operation=f"approve batch {b.number}")
    _withdraw_gone(session, b)
    items = _open_items(session, b.id, (E.BatchItemStatus.INCLUDED.value,))
    if not items:
        raise RuleViolation(translate("PaymentBatches", "Batch {number} has nobody left in it.").format(number=b.number))
    res = payments.approve_payments.__wrapped__(session, payment_ids=[i.payment_id for i in items])
    if res.refused:
        raise RuleViolation(translate("PaymentBatches", "Batch {number} was not approved; nothing was changed.").format(
            number=b.number), details=[why for _pid, why in res.refused])
    actor = actor_of(session)
    b.status = E.BatchStatus.APPROVED.value
    b.approved_by_id, b.approved_by, b.approved_at = actor.user_id, actor.username, _now()
    session.flush()
    return _batch_row(session, b, today)


# ------------------------------------------------------------------ the bank file

@dataclass(frozen=True, slots=True)
class BankFileResult:
    batch: int
    number: str
    layout: str
    lines: int
    total_fen: int
    path: str


@operation(Permission.LEDGER_PAY, writes=True, changes=(Change.PAYMENTS, Change.AUDIT))
def export_bank_file(session: Session, *, batch_id: int, layout: str | int, out_path: str | Path) -> BankFileResult:
    """Write the approved batch as the bank's file in the chosen layout (account numbers in full: personal data,
    audited). The lines are then sent; exporting again before any return gives the same lines."""
    from talentdesk.services.common.settings import get_setting

    require(session, Permission.PERSONAL_EXPORT, "batches.export_bank_file")
    b = _batch(session, batch_id)
    if not (b.status == E.BatchStatus.APPROVED.value or (b.status == E.BatchStatus.SENT.value
                                                         and not b.returns_imported)):
        raise _refuse_state(b, translate("PaymentBatches", "sent to the bank"))
    lay = bankfiles.find_layout(session, layout)
    out = Path(out_path)
    if out.suffix.lower() != lay.suffix:
        raise ValidationError(translate("PaymentBatches", "The layout {layout} writes {suffix} files; name the file "
                                                          "with that ending.").format(layout=lay.name,
                                                                                      suffix=lay.suffix), field="path")
    _check_paths([out], (lay.suffix,))
    if b.status == E.BatchStatus.APPROVED.value:
        _withdraw_gone(session, b)
        items = _open_items(session, b.id, (E.BatchItemStatus.INCLUDED.value,))
        missing = []
        for item in items:  # the account as it stands now (a correction made after the batch was made counts)
            acc = accounts.current_account(session, item.talent_id)
            if acc is None:
                missing.append(session.get(Talent, item.talent_id).name)
                continue
            item.account_no, item.bank_name, item.holder_name = acc.account_no, acc.bank_name, acc.holder_name
        if missing:
            raise RuleViolation(translate("PaymentBatches", "No bank account is recorded for: {names}.").format(
                names="、".join(missing[:20])))
    else:
        items = _open_items(session, b.id, (E.BatchItemStatus.SENT.value,))
    if not items:
        raise RuleViolation(translate("PaymentBatches", "Batch {number} has nobody left in it.").format(number=b.number))
    info = {r[0]: r[1:] for r in session.execute(
        select(PaymentBatchItem.id, Talent.name, Talent.id_number, Employer.name, SubsidyGrant.policy_name)
        .join(Talent, Talent.id == PaymentBatchItem.talent_id)
        .join(SubsidyGrant, SubsidyGrant.id == PaymentBatchItem.grant_id)
        .outerjoin(Employer, Employer.id == Talent.employer_id)
        .where(PaymentBatchItem.batch_id == b.id))}
    lines = []
    for item in items:
        name, idn, employer, policy = info[item.id]
        lines.append(bankfiles.FileLine(item.line_no, item.holder_name, item.account_no, item.bank_name,
                                        item.amount_fen, idn or "", f"{b.number} {policy}"[:60], name, employer or "",
                                        policy))
    with _written(session, out, translate("PaymentBatches", "The bank file could not be written to {path}: {error}")) \
            as tmp:
        bankfiles.render(lay, lines, tmp, office=str(get_setting(session, "office_name") or ""), batch=b.number,
                         date=dt.date.today().isoformat())
    for item in items:
        item.status = E.BatchItemStatus.SENT.value
    actor = actor_of(session)
    b.status, b.layout_name, b.sent_at, b.sent_by = E.BatchStatus.SENT.value, lay.name, _now(), actor.username
    session.flush()
    total = sum(i.amount_fen for i in items)
    record_event(session, E.AuditAction.EXPORT, table="payment_batches", record_id=str(b.id),
                 summary=f"bank file {b.number} ({lay.name}): {len(lines)} lines, {total} fen to {out.name}")
    return BankFileResult(b.id, b.number, lay.name, len(lines), total, str(out))


# ------------------------------------------------------------------ the bank's return file

@operation(Permission.LEDGER_PAY, writes=True, changes=(Change.PAYMENTS, Change.LEDGER))
def import_return(session: Session, *, batch_id: int, path: str | Path, pay_date: dt.date | None = None) -> ReturnResult:
    """Match the bank's return file to the batch line by line. Every line must be one of the batch's sent lines,
    once, with its amount (and account and holder, where the file has them) unchanged — otherwise the whole file is
    refused with every problem named and nothing changes. Paid lines post their payment entries through the ledger;
    failed lines keep the bank's reason and their orders are withdrawn (the instalment is owed again)."""
    from talentdesk.services.ledger import payments

    b = _batch_in(session, batch_id, (E.BatchStatus.SENT.value,), translate("PaymentBatches", "reconciled"),
                  explained={E.BatchStatus.RECONCILED.value: translate(
                      "PaymentBatches", "Batch {number} is reconciled already: every line has its result. This "
                                        "return file was not read again.")})
    pay_date = pay_date or dt.date.today()
    lay = bankfiles.find_layout(session, b.layout_name)
    rf = bankfiles.read_return(lay, Path(path))
    others = sorted(rf.batch_numbers - {b.number})
    if others:
        raise ValidationError(translate("PaymentBatches", "This return file belongs to batch {other}, not to batch "
                                                          "{number}; nothing was changed.").format(
            other="、".join(others), number=b.number), field="file")
    items = {i.line_no: i for i in session.scalars(select(PaymentBatchItem).where(PaymentBatchItem.batch_id == b.id))}
    problems: list[str] = []
    seen: dict[int, int] = {}
    paid, failed = [], []
    for ln in rf.lines:
        where = translate("PaymentBatches", "row {row}").format(row=ln.row)
        if ln.problem:
            problems.append(f"{where}: {ln.problem}")
            continue
        item = items.get(ln.line_no)
        if item is None or item.status == E.BatchItemStatus.WITHDRAWN.value or item.status == \
                E.BatchItemStatus.INCLUDED.value:
            problems.append(translate("PaymentBatches", "{where}: line {line} is not a line sent in batch {number}").format(
                where=where, line=ln.line_no, number=b.number))
            continue
        if ln.line_no in seen:
            problems.append(translate("PaymentBatches", "{where}: line {line} appears twice (first on row {first})").format(
                where=where, line=ln.line_no, first=seen[ln.line_no]))
            continue
        seen[ln.line_no] = ln.row
        if item.status != E.BatchItemStatus.SENT.value:
            problems.append(translate("PaymentBatches", "{where}: line {line} already has its result ({status}) from an "
                                                        "earlier return file").format(
                where=where, line=ln.line_no, status=_status_text(item.status)))
            continue
        if ln.amount_fen != item.amount_fen:
            problems.append(translate("PaymentBatches", "{where}: line {line} says {amount}, but {sent} was sent").format(
                where=where, line=ln.line_no, amount=format_yuan(ln.amount_fen or 0), sent=format_yuan(item.amount_fen)))
            continue
        if ln.account_no and ln.account_no != item.account_no:
            problems.append(translate("PaymentBatches", "{where}: line {line} has another account number than was "
                                                        "sent").format(where=where, line=ln.line_no))
            continue
        if ln.holder_name and ln.holder_name != item.holder_name:
            problems.append(translate("PaymentBatches", "{where}: line {line} names {name}, but {sent} was sent").format(
                where=where, line=ln.line_no, name=ln.holder_name, sent=item.holder_name))
            continue
        (paid if ln.result == "paid" else failed).append((item, ln))
    if problems:
        raise ValidationError(translate("PaymentBatches", "The return file was refused, nothing was changed: "
                                                          "{n} problems.").format(n=len(problems)),
                              field="file", details=problems[:60])
    if not paid and not failed:
        raise ValidationError(translate("PaymentBatches", "The return file has no lines."), field="file")
    b.returns_imported += 1
    if paid:
        res = payments.mark_paid.__wrapped__(session, payment_ids=[i.payment_id for i, _ in paid],
                                             voucher_no=f"{b.number}-{b.returns_imported}", pay_date=pay_date)
        if res.refused:
            raise RuleViolation(translate("PaymentBatches", "The return file was refused, nothing was changed."),
                                details=[why for _pid, why in res.refused])
        for item, _ln in paid:
            item.status = E.BatchItemStatus.PAID.value
            item.entry_id = session.get(Payment, item.payment_id).entry_id
    for item, ln in failed:
        item.status = E.BatchItemStatus.FAILED.value
        item.fail_reason = ln.reason or translate("PaymentBatches", "(the bank gave no reason)")
        payments.cancel_payment.__wrapped__(session, payment_id=item.payment_id, reason=translate(
            "PaymentBatches", "Bank return {number}: {reason}").format(number=b.number, reason=item.fail_reason)[:150])
    session.flush()
    if not _open_items(session, b.id, (E.BatchItemStatus.SENT.value,)):
        b.status, b.reconciled_at = E.BatchStatus.RECONCILED.value, _now()
    paid_fen, failed_fen = sum(i.amount_fen for i, _ in paid), sum(i.amount_fen for i, _ in failed)
    record_event(session, E.AuditAction.IMPORT, table="payment_batches", record_id=str(b.id),
                 summary=f"bank return {b.number} #{b.returns_imported} ({Path(path).name}): {len(paid)} paid "
                         f"{paid_fen} fen, {len(failed)} failed {failed_fen} fen")
    session.flush()
    return ReturnResult(len(paid), len(failed), paid_fen, failed_fen)


# ------------------------------------------------------------------ corrections and re-issue

@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.PAYMENTS, Change.TALENTS))
def correct_item(session: Session, *, item_id: int, account_no: str | None = None, holder_name: str | None = None,
                 bank_name: str | None = None, kind: str | None = None) -> accounts.AccountRow:
    """Correct the account of a failed line (number, holder's name, bank): it becomes the talent's current account,
    which the re-issue uses."""
    item = session.get(PaymentBatchItem, item_id)
    if item is None:
        raise NotFound(translate("PaymentBatches", "Line {id} does not exist.").format(id=item_id))
    if item.status != E.BatchItemStatus.FAILED.value or item.reissued_item_id is not None:
        raise RuleViolation(translate("PaymentBatches", "Only a failed line that has not been re-issued is corrected "
                                                        "here."))
    acc = accounts.current_account(session, item.talent_id)
    acc_row = accounts.set_account_unchecked(
        session, talent_id=item.talent_id, kind=kind or (acc.kind if acc else E.AccountKind.CARD.value),
        account_no=account_no if account_no is not None else (acc.account_no if acc else item.account_no),
        bank_name=bank_name if bank_name is not None else (acc.bank_name if acc else item.bank_name),
        holder_name=holder_name if holder_name is not None else (acc.holder_name if acc else item.holder_name),
        note=translate("PaymentBatches", "corrected after the bank return of line {line}").format(line=item.line_no))
    return accounts._row(session, acc_row)


@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.PAYMENTS, Change.LEDGER))
def reissue_failed(session: Session, *, batch_id: int, today: dt.date | None = None) -> BatchSummary:
    """A new batch for the failed lines of this one, with each talent's current (corrected) account. Its people were
    on the original notice, so the new batch carries that notice and goes to approval (by another person) next."""
    made_at = _now() if today is None else dt.datetime.combine(today, dt.time(8))
    today = today or dt.date.today()
    b = _batch(session, batch_id)
    failed = [i for i in _open_items(session, b.id, (E.BatchItemStatus.FAILED.value,)) if i.reissued_item_id is None]
    if not failed:
        raise RuleViolation(translate("PaymentBatches", "Batch {number} has no failed line waiting to be "
                                                        "re-issued.").format(number=b.number))
    actor = actor_of(session)
    new = PaymentBatch(number=_next_number(session, today.year), status=E.BatchStatus.PUBLICIZED.value,
                       due_by=b.due_by, policy_id=b.policy_id, employer_id=b.employer_id, reissue_of_id=b.id,
                       created_by_id=actor.user_id, created_by=actor.username, notice_start=b.notice_start,
                       notice_end=b.notice_end, notice_days=b.notice_days, objection_contact=b.objection_contact,
                       publicized_by=b.publicized_by, created_at=made_at,
                       memo=translate("PaymentBatches", "re-issue of {number}").format(number=b.number)[:200])
    session.add(new)
    session.flush()
    skipped: list[tuple[str, str]] = []
    made = []
    for old in failed:
        item = _add_item(session, new, len(made) + 1, old.instalment_id, skipped)
        if item is None:
            continue
        session.flush()
        old.reissued_item_id = item.id
        made.append(item)
    if not made:
        raise RuleViolation(translate("PaymentBatches", "None of the failed lines can be re-issued."),
                            details=[f"{n}: {w}" for n, w in skipped])
    session.flush()
    return BatchSummary(new.id, new.number, len(made), sum(i.amount_fen for i in made), tuple(skipped), 0)


@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.PAYMENTS, Change.LEDGER))
def cancel_batch(session: Session, *, batch_id: int, reason: str) -> BatchRow:
    """Give up a batch not yet sent: its payment orders are withdrawn (the instalments stay owed)."""
    from talentdesk.services.ledger import payments

    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError(translate("PaymentBatches", "Say why the batch is cancelled."), field="reason")
    b = _batch_in(session, batch_id, (E.BatchStatus.DRAFT.value, E.BatchStatus.PUBLICIZED.value,
                                      E.BatchStatus.APPROVED.value), translate("PaymentBatches", "cancelled"))
    for item in _open_items(session, b.id, (E.BatchItemStatus.INCLUDED.value,)):
        item.status = E.BatchItemStatus.WITHDRAWN.value
        pay = session.get(Payment, item.payment_id) if item.payment_id else None
        if pay is not None and pay.status in payments.OPEN:
            payments.cancel_payment.__wrapped__(session, payment_id=pay.id, reason=reason[:150])
    b.status = E.BatchStatus.CANCELLED.value
    b.memo = reason[:200]
    session.flush()
    return _batch_row(session, b, dt.date.today())


# ------------------------------------------------------------------ reading

def _batch_row(session: Session, b: PaymentBatch, today: dt.date, counts: tuple[int, int] | None = None) -> BatchRow:
    if counts is None:
        counts = session.execute(select(func.count(), func.coalesce(func.sum(PaymentBatchItem.amount_fen), 0)).where(
            PaymentBatchItem.batch_id == b.id,
            PaymentBatchItem.status != E.BatchItemStatus.WITHDRAWN.value)).one()
    policy = session.get(SubsidyPolicy, b.policy_id).name if b.policy_id else ""
    employer = session.get(Employer, b.employer_id).name if b.employer_id else ""
    parent = session.get(PaymentBatch, b.reissue_of_id).number if b.reissue_of_id else ""
    return BatchRow(b.id, b.number, b.status, _stage(b, today), b.due_by, policy, employer, parent, int(counts[0]),
                    int(counts[1]), b.notice_start, b.notice_end, b.notice_days, b.objection_contact, b.created_by,
                    b.approved_by, b.layout_name, b.created_at.date() if b.created_at else today)


@operation(Permission.LEDGER_READ)
def list_batches(session: Session, *, today: dt.date | None = None, limit: int = 500) -> list[BatchRow]:
    today = today or dt.date.today()
    counts = {bid: (n, s) for bid, n, s in session.execute(
        select(PaymentBatchItem.batch_id, func.count(), func.coalesce(func.sum(PaymentBatchItem.amount_fen), 0))
        .where(PaymentBatchItem.status != E.BatchItemStatus.WITHDRAWN.value).group_by(PaymentBatchItem.batch_id))}
    rows = session.scalars(select(PaymentBatch).order_by(PaymentBatch.id.desc()).limit(limit))
    return [_batch_row(session, b, today, counts.get(b.id, (0, 0))) for b in rows]


def _figures(session: Session, batch_id: int) -> Figures:
    items = list(session.scalars(select(PaymentBatchItem).where(PaymentBatchItem.batch_id == batch_id)))
    S = E.BatchItemStatus

    def tally(sel):
        return len(sel), sum(i.amount_fen for i in sel)

    def final(item: PaymentBatchItem) -> str:
        seen = 0
        while item.status == S.FAILED.value and item.reissued_item_id is not None and seen < 50:
            item, seen = session.get(PaymentBatchItem, item.reissued_item_id), seen + 1
        return item.status

    withdrawn = [i for i in items if i.status == S.WITHDRAWN.value]
    sent = [i for i in items if i.status in (S.SENT.value, S.PAID.value, S.FAILED.value)]
    paid = [i for i in items if i.status == S.PAID.value]
    failed = [i for i in items if i.status == S.FAILED.value]
    reissued = [i for i in failed if i.reissued_item_id is not None]
    reissued_paid = [i for i in reissued if final(i) == S.PAID.value]
    awaiting = [i for i in items if i.status == S.SENT.value]
    outstanding = awaiting + [i for i in failed if final(i) != S.PAID.value]
    return Figures(*tally([i for i in items if i.status != S.WITHDRAWN.value]), *tally(withdrawn), *tally(sent),
                   *tally(paid), *tally(failed), *tally(reissued), *tally(reissued_paid), *tally(awaiting),
                   *tally(outstanding))


@operation(Permission.LEDGER_READ)
def batch_detail(session: Session, *, batch_id: int, today: dt.date | None = None) -> BatchDetail:
    today = today or dt.date.today()
    b = _batch(session, batch_id)
    sensitive = actor_of(session).can(Permission.TALENT_SENSITIVE)
    objections = {}
    orows = []
    for o, name in session.execute(select(Objection, Talent.name).join(Talent, Talent.id == Objection.talent_id)
                                   .where(Objection.batch_id == b.id).order_by(Objection.id)):
        objections[o.talent_id] = o.note
        orows.append(ObjectionRow(o.id, o.talent_id, name, o.note, o.upheld, o.received_on, o.recorded_by))
    new_item = PaymentBatchItem.__table__.alias("reissue")
    new_batch = PaymentBatch.__table__.alias("reissue_batch")
    rows = session.execute(
        select(PaymentBatchItem, Talent.name, Talent.id_number, Employer.name, SubsidyGrant.policy_name,
               Instalment.seq, SubsidyGrant.instalment_count, new_batch.c.number)
        .join(Talent, Talent.id == PaymentBatchItem.talent_id)
        .join(SubsidyGrant, SubsidyGrant.id == PaymentBatchItem.grant_id)
        .join(Instalment, Instalment.id == PaymentBatchItem.instalment_id)
        .outerjoin(Employer, Employer.id == Talent.employer_id)
        .outerjoin(new_item, new_item.c.id == PaymentBatchItem.reissued_item_id)
        .outerjoin(new_batch, and_(new_batch.c.id == new_item.c.batch_id))
        .where(PaymentBatchItem.batch_id == b.id).order_by(PaymentBatchItem.line_no)).all()
    items = tuple(ItemRow(
        i.id, i.line_no, i.talent_id, name, mask_id_number(idn), emp or "", policy, seq, count, i.amount_fen,
        i.account_no if sensitive else accounts.mask_account(i.account_no), i.bank_name, i.holder_name, i.status,
        i.fail_reason, reissue or "", objections.get(i.talent_id, ""))
        for i, name, idn, emp, policy, seq, count, reissue in rows)
    return BatchDetail(_batch_row(session, b, today), items, tuple(orows), _figures(session, b.id))


# ------------------------------------------------------------------ the reconciliation report

@operation(Permission.LEDGER_READ, writes=True, changes=(Change.AUDIT,))
def write_report(session: Session, *, batch_id: int, out_path: str | Path,
                 accept_missing_glyphs: bool = False) -> Figures:
    """The batch's reconciliation (sent, paid, failed, re-issued, outstanding, to the fen) as PDF or .xlsx."""
    from talentdesk.reports import payment_loop as report
    from talentdesk.services.common.settings import get_setting

    detail = batch_detail.__wrapped__(session, batch_id=batch_id)
    out = _check_paths([Path(out_path)], (".pdf", ".xlsx"))[0]
    b = detail.batch
    lines = [report.ReportLine(i.line_no, i.talent_name, i.id_masked, i.employer_name, i.policy_name, i.amount_fen,
                               _status_text(i.status), i.fail_reason, i.reissued_in) for i in detail.items]
    f = detail.figures
    figures = [
        (translate("PaymentReport", "In the batch"), f.included, f.included_fen),
        (translate("PaymentReport", "Taken out (objections, departures)"), f.withdrawn, f.withdrawn_fen),
        (translate("PaymentReport", "Sent to the bank"), f.sent, f.sent_fen),
        (translate("PaymentReport", "Paid"), f.paid, f.paid_fen),
        (translate("PaymentReport", "Failed"), f.failed, f.failed_fen),
        (translate("PaymentReport", "Awaiting the bank's result"), f.awaiting, f.awaiting_fen),
        (translate("PaymentReport", "Failed and re-issued"), f.reissued, f.reissued_fen),
        (translate("PaymentReport", "Re-issued and paid"), f.reissued_paid, f.reissued_paid_fen),
        (translate("PaymentReport", "Outstanding"), f.outstanding, f.outstanding_fen),
    ]
    info = report.ReportInfo(office=str(get_setting(session, "office_name") or ""), number=b.number,
                             status=_status_text(b.stage), reissue_of=b.reissue_of, layout=b.layout_name,
                             balances=f.balances(), on=dt.date.today())
    if out.suffix.lower() == ".pdf":
        from talentdesk.services.common.printing import check_names

        check_names(session, [ln.talent_name for ln in lines], document=f"reconciliation report {b.number}",
                    accept=accept_missing_glyphs)
    with _written(session, out, translate("PaymentBatches", "The report could not be written to {path}: {error}")) \
            as tmp:
        if out.suffix.lower() == ".xlsx":
            report.write_report_xlsx(info, figures, lines, tmp)
        else:
            report.write_report_pdf(info, figures, lines, tmp,
                                    font_path=str(get_setting(session, "certificate_font") or "") or None)
    record_event(session, E.AuditAction.EXPORT, table="payment_batches", record_id=str(b.id),
                 summary=f"reconciliation report {b.number} to {out.name}")
    return f
