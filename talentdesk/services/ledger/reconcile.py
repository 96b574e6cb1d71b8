"""Reconciliation (对账): per policy and fiscal year, the number and the total in fen of payments, dues, clawbacks
and refunds — the figures the office ticks off against the finance bureau's. Reversals count against the kind they
reverse (a reversed payment is neither counted nor summed), so the table shows what stands.

Written as .xlsx and PDF; each export is recorded in the audit trail.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import StorageError, ValidationError
from talentdesk.domain.models import LedgerEntry, SubsidyGrant
from talentdesk.domain.values import format_yuan
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Permission, operation, record_event

KINDS = ("payment", "due", "clawback", "refund")



@dataclass(frozen=True, slots=True)
class ReconcileRow:
    policy: str
    doc_number: str
    year: int
    payments: int
    paid_fen: int
    dues: int
    due_fen: int
    clawbacks: int
    clawback_fen: int
    refunds: int
    refund_fen: int


@dataclass(frozen=True)
class Reconciliation:
    rows: tuple[ReconcileRow, ...]
    year: int | None
    total_paid_fen: int
    total_due_fen: int
    total_clawback_fen: int
    total_refund_fen: int
    total_payments: int

    def as_json(self) -> dict:
        return {"year": self.year,
                "rows": [{"policy": r.policy, "doc_number": r.doc_number, "year": r.year, "payments": r.payments,
                          "paid_fen": r.paid_fen, "dues": r.dues, "due_fen": r.due_fen, "clawbacks": r.clawbacks,
                          "clawback_fen": r.clawback_fen, "refunds": r.refunds, "refund_fen": r.refund_fen}
                         for r in self.rows],
                "total_payments": self.total_payments, "total_paid_fen": self.total_paid_fen,
                "total_due_fen": self.total_due_fen, "total_clawback_fen": self.total_clawback_fen,
                "total_refund_fen": self.total_refund_fen}


@operation(Permission.LEDGER_READ)
def reconcile(session: Session, *, year: int | None = None) -> Reconciliation:
    """The reconciliation table, all years or one fiscal year. Amounts are positive fen."""
    target = LedgerEntry.__table__.alias("target")
    kind = func.coalesce(target.c.kind, LedgerEntry.kind)
    one = case((LedgerEntry.kind == E.EntryKind.REVERSAL.value, -1), else_=1)  # a reversal takes its entry back
    cols = []
    for k in KINDS:
        cols.append(func.sum(case((kind == k, one), else_=0)))
        cols.append(func.sum(case((kind == k, LedgerEntry.amount_fen), else_=0)))
    stmt = (select(SubsidyGrant.policy_name, SubsidyGrant.doc_number, LedgerEntry.fiscal_year, *cols)
            .select_from(LedgerEntry)
            .join(SubsidyGrant, SubsidyGrant.id == LedgerEntry.grant_id)
            .outerjoin(target, target.c.id == LedgerEntry.reverses_id)
            .group_by(SubsidyGrant.policy_name, SubsidyGrant.doc_number, LedgerEntry.fiscal_year)
            .order_by(LedgerEntry.fiscal_year, SubsidyGrant.policy_name, SubsidyGrant.doc_number))
    if year is not None:
        stmt = stmt.where(LedgerEntry.fiscal_year == year)
    rows = []
    for name, doc, fy, pn, pf, dn, df, cn, cf, rn, rf in session.execute(stmt):
        if not any((pn, dn, cn, rn, pf, df, cf, rf)):
            continue
        rows.append(ReconcileRow(name, doc or "", fy, int(pn or 0), -int(pf or 0), int(dn or 0), int(df or 0),
                                 int(cn or 0), -int(cf or 0), int(rn or 0), int(rf or 0)))
    return Reconciliation(tuple(rows), year, sum(r.paid_fen for r in rows), sum(r.due_fen for r in rows),
                          sum(r.clawback_fen for r in rows), sum(r.refund_fen for r in rows),
                          sum(r.payments for r in rows))


def _headers() -> list[str]:
    return [translate("Reconcile", "Policy"), translate("Reconcile", "Document number"), translate("Reconcile", "Fiscal year"), translate("Reconcile", "Payments"), translate("Reconcile", "Paid (yuan)"), translate("Reconcile", "Dues"),
            translate("Reconcile", "Due (yuan)"), translate("Reconcile", "Clawbacks"), translate("Reconcile", "Clawed back (yuan)"), translate("Reconcile", "Refunds"), translate("Reconcile", "Refunded (yuan)")]


def _title(office: str, year: int | None) -> str:
    what = translate("Reconcile", "Subsidy reconciliation, fiscal year {year}").format(year=year) if year else translate("Reconcile", 
        "Subsidy reconciliation, all years")
    return f"{office}　{what}" if office else what


def _write_xlsx(rec: Reconciliation, path: Path, *, office: str, on: dt.date) -> None:
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = translate("Reconcile", "Reconciliation")[:31]
    ws.append([_title(office, rec.year)])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([translate("Reconcile", "Printed on {date}; amounts in yuan, exact to the fen.").format(date=on.isoformat())])
    ws.append(_headers())
    for c in ws[3]:
        c.font = Font(bold=True)
    money = "#,##0.00"
    for r in rec.rows:
        ws.append([r.policy, r.doc_number, r.year, r.payments, r.paid_fen / 100, r.dues, r.due_fen / 100,
                   r.clawbacks, r.clawback_fen / 100, r.refunds, r.refund_fen / 100])
    ws.append([translate("Reconcile", "Total"), "", "", rec.total_payments, rec.total_paid_fen / 100,
               sum(r.dues for r in rec.rows), rec.total_due_fen / 100, sum(r.clawbacks for r in rec.rows),
               rec.total_clawback_fen / 100, sum(r.refunds for r in rec.rows), rec.total_refund_fen / 100])
    for row in ws.iter_rows(min_row=4):
        for c in (row[4], row[6], row[8], row[10]):
            c.number_format = money
    for letter, width in zip("ABCDEFGHIJK", (28, 24, 10, 10, 16, 10, 16, 10, 16, 10, 16)):
        ws.column_dimensions[letter].width = width
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)


def _write_pdf(rec: Reconciliation, path: Path, *, office: str, on: dt.date, font_path: str | None) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from talentdesk.reports.fonts import chinese_font

    font = chinese_font(font_path or None).name
    title = ParagraphStyle("t", fontName=font, fontSize=14, leading=18)
    small = ParagraphStyle("s", fontName=font, fontSize=8, leading=10)
    data = [_headers()]
    for r in rec.rows:
        data.append([Paragraph(r.policy, small), r.doc_number, str(r.year), str(r.payments),
                     format_yuan(r.paid_fen, symbol=False), str(r.dues), format_yuan(r.due_fen, symbol=False),
                     str(r.clawbacks), format_yuan(r.clawback_fen, symbol=False), str(r.refunds),
                     format_yuan(r.refund_fen, symbol=False)])
    data.append([translate("Reconcile", "Total"), "", "", str(rec.total_payments), format_yuan(rec.total_paid_fen, symbol=False),
                 str(sum(r.dues for r in rec.rows)), format_yuan(rec.total_due_fen, symbol=False),
                 str(sum(r.clawbacks for r in rec.rows)), format_yuan(rec.total_clawback_fen, symbol=False),
                 str(sum(r.refunds for r in rec.rows)), format_yuan(rec.total_refund_fen, symbol=False)])
    table = Table(data, repeatRows=1, colWidths=[48 * mm, 40 * mm, 14 * mm, 16 * mm, 26 * mm, 14 * mm, 26 * mm,
                                                 16 * mm, 24 * mm, 14 * mm, 24 * mm])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
        ("ALIGN", (2, 1), (-1, -1), "RIGHT"), ("BACKGROUND", (0, -1), (-1, -1), colors.whitesmoke),
    ]))
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=10 * mm, rightMargin=10 * mm,
                            topMargin=12 * mm, bottomMargin=12 * mm, title=_title(office, rec.year))
    doc.build([Paragraph(_title(office, rec.year), title),
               Paragraph(translate("Reconcile", "Printed on {date}; amounts in yuan, exact to the fen.").format(date=on.isoformat()),
                         small), Spacer(1, 4 * mm), table])


@operation(Permission.LEDGER_READ, writes=True, changes=(Change.AUDIT,))
def export_reconciliation(session: Session, *, out_path: str | Path, year: int | None = None,
                          on: dt.date | None = None) -> int:
    """Write the reconciliation as .xlsx or .pdf (by the file's suffix); returns the number of lines. Recorded in
    the audit trail; the file is written only when the audit entry is."""
    from talentdesk.services.common.settings import get_setting

    out = Path(out_path)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ValidationError(translate("Reconcile", "The reconciliation is written as .xlsx or .pdf."), field="path")
    rec = reconcile(session, year=year)
    record_event(session, E.AuditAction.EXPORT,
                 summary=f"reconciliation {year or 'all years'}: {len(rec.rows)} lines to {out.name}")
    session.flush()
    office = str(get_setting(session, "office_name") or "")
    on = on or dt.date.today()
    try:
        if suffix == ".xlsx":
            _write_xlsx(rec, out, office=office, on=on)
        else:
            _write_pdf(rec, out, office=office, on=on,
                       font_path=str(get_setting(session, "certificate_font") or "") or None)
    except OSError as exc:
        raise StorageError(translate("Reconcile", "The reconciliation could not be written to {path}: {error}").format(
            path=out, error=exc.strerror or exc)) from None
    return len(rec.rows)


__all__ = ["ReconcileRow", "Reconciliation", "reconcile", "export_reconciliation"]
