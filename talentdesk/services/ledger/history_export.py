"""The ledger's payment history as an .xlsx in the shape the payments import reads: one row per standing payment
(person, policy, 文号, instalment k/n, amount, paid date, voucher, method) with each grant's approved total and start
date, one row per standing clawback (应追回), refund (退回) and forgiven obligation (免于追回) with its amount written
negative, and one row for a grant on which nothing was paid yet. Imported into an empty database (after the policies and
the talents), it gives every grant the same schedule and the same balance.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import StorageError, ValidationError
from talentdesk.domain.models import LedgerEntry, SubsidyGrant, Talent
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Permission, file_at_commit, operation, record_event
from talentdesk.services.ledger.history_import import COLUMNS

FIELDS = ("name", "id_number", "policy", "doc_number", "instalment", "amount", "pay_date", "voucher_no", "method",
          "approved_total", "start_date", "memo", "entry_kind")
# how the money's direction is written, as offices do: a payment, an amount owed back, money paid back
KIND_TEXT = {"payment": "发放", "clawback": "应追回", "refund": "退回", "waiver": "免于追回"}
METHOD_TEXT = {"bank": "银行转账", "cash": "现金"}


@operation(Permission.PERSONAL_EXPORT, writes=True, changes=(Change.AUDIT,))
def export_payment_history(session: Session, *, out_path: str | Path) -> int:
    """Write every standing payment (and every grant without one) to `out_path` (.xlsx). Returns the row count.
    ID numbers are written in full (this file moves the ledger to another database), as text cells; the export is
    recorded in the audit trail."""
    import openpyxl

    out = Path(out_path)
    if out.suffix.lower() != ".xlsx":
        raise ValidationError(translate("HistoryExport", "The payment history is written as .xlsx."), field="path")
    reversed_ids = set(session.scalars(select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))))
    grants = {g.id: g for g in session.scalars(select(SubsidyGrant).order_by(SubsidyGrant.id))}
    people = dict(session.execute(select(Talent.id, Talent.id_number)).all())
    names = dict(session.execute(select(Talent.id, Talent.name)).all())
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = translate("HistoryExport", "Payments")[:31]
    ws.append([COLUMNS.header(f) for f in FIELDS])
    paid_grants: set[int] = set()
    n = 0
    kinds = (E.EntryKind.PAYMENT.value, E.EntryKind.CLAWBACK.value, E.EntryKind.REFUND.value)
    forgiven = (LedgerEntry.kind == E.EntryKind.WAIVER.value) & (LedgerEntry.amount_fen > 0)  # not lapsed dues
    for e in session.scalars(select(LedgerEntry).where(LedgerEntry.kind.in_(kinds) | forgiven)
                             .order_by(LedgerEntry.entry_date, LedgerEntry.kind != E.EntryKind.PAYMENT.value,
                                       LedgerEntry.id)):
        if e.id in reversed_ids:
            continue
        g = grants[e.grant_id]
        if e.kind == E.EntryKind.PAYMENT.value:
            paid_grants.add(g.id)
            instalment, amount = (f"{e.instalment_seq}/{g.instalment_count}" if e.instalment_seq else None,
                                  _yuan(-e.amount_fen))
        else:  # owed back or paid back: written negative, as offices write money going back
            instalment, amount = None, "-" + _yuan(abs(e.amount_fen))
        ws.append([names.get(g.talent_id, ""), people.get(g.talent_id) or "", g.policy_name, g.doc_number,
                   instalment, amount, e.entry_date, e.voucher_no,
                   METHOD_TEXT.get(e.method or "bank", ""), _yuan(g.approved_total_fen), g.start_date, e.memo,
                   KIND_TEXT[e.kind]])
        n += 1
    for g in grants.values():
        if g.id not in paid_grants:
            ws.append([names.get(g.talent_id, ""), people.get(g.talent_id) or "", g.policy_name, g.doc_number,
                       f"共{g.instalment_count}期",
                       None, None, None, None, _yuan(g.approved_total_fen), g.start_date, g.notes[:200], None])
            n += 1
    for c in ws["B"] + ws["E"] + ws["H"]:
        c.number_format = "@"
    for row in ws.iter_rows(min_row=2):
        for c in (row[6], row[10]):
            c.number_format = "yyyy-mm-dd"
    record_event(session, E.AuditAction.EXPORT, summary=f"payment history: {n} rows to {out.name}")
    session.flush()
    with file_at_commit(session, out, failed=lambda exc: StorageError(translate(
            "HistoryExport", "The file could not be written to {path}: {error}").format(
            path=out, error=exc.strerror or exc))) as tmp:  # named right after the audit entry commits
        wb.save(tmp)
    return n


def _yuan(fen: int) -> str:
    """Exact text (15000.00): a float cell could carry binary noise, text carries the fen as they are."""
    return f"{fen // 100}.{fen % 100:02d}"
