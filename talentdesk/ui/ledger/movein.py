"""Moving in: the payment-history import wizard (choose the file, preview what each row becomes and every refused
row with its Excel row number, column and reason, then import all or only the valid rows) and the reconciliation
page (per policy and fiscal year, as .xlsx and PDF)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox

from talentdesk.services.base import call
from talentdesk.services.common.tabular import ImportOutcome
from talentdesk.services.ledger import history_export, history_import, reconcile
from talentdesk.ui.common.file_import import FileImportDialog
from talentdesk.ui.common.formatting import fmt_date, fmt_money
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.widgets import make_table_view
from talentdesk.ui.errors import show_error
from talentdesk.ui.ledger.pages import Page
from talentdesk.ui.common.file_dialogs import save_file_name, with_suffix
from talentdesk.ui.common.layouts import STRETCH, button, column, row


class PaymentImportDialog(FileImportDialog):
    """The payment history wizard: what each row becomes (person, policy, instalment placed, amount in fen) beside
    the refused rows."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent, operation=history_import.import_payments,
                         title=QCoreApplication.translate("PaymentImportDialog", "Import the payment history"),
                         intro=QCoreApplication.translate("PaymentImportDialog", "One row per payment: ID number, name, policy (name or 文号), instalment (2/3, "
                                       "第2期 or empty), amount as written, paid date, voucher number, method. Import "
                                       "the policies and the talents first."),
                         preview=[
                             Column(QCoreApplication.translate("PaymentImportDialog", "Row"), lambda r: r.row, align_right=True),
                             Column(QCoreApplication.translate("PaymentImportDialog", "Name"), lambda r: r.talent_name),
                             Column(QCoreApplication.translate("PaymentImportDialog", "ID number"), lambda r: r.id_number),
                             Column(QCoreApplication.translate("PaymentImportDialog", "Policy"), lambda r: r.policy_name),
                             Column(QCoreApplication.translate("PaymentImportDialog", "Instalment"), lambda r: r.instalment),
                             Column(QCoreApplication.translate("PaymentImportDialog", "Amount"), lambda r: fmt_money(r.amount_fen), align_right=True),
                             Column(QCoreApplication.translate("PaymentImportDialog", "Paid on"), lambda r: fmt_date(r.pay_date)),
                             Column(QCoreApplication.translate("PaymentImportDialog", "Voucher"), lambda r: r.voucher_no)])

    def summary_text(self, result: ImportOutcome, bad: int) -> str:
        return self.tr("{valid} payments ({amount}) are ready to import into {grants} new grants; {bad} rows refused; "
                       "{blank} blank rows skipped.").format(
            valid=result.valid_rows, amount=fmt_money(result.extra.get("paid_fen", 0)),
            grants=result.extra.get("grants_created", 0), bad=bad, blank=result.skipped_blank)

    def done_text(self, result: ImportOutcome) -> str:
        return self.tr("Imported {n} payments ({amount}); {grants} grants were created. A backup was taken "
                       "first.").format(n=result.imported, amount=fmt_money(result.extra.get("paid_fen", 0)),
                                        grants=result.extra.get("grants_created", 0))


class ReconcilePage(Page):
    """对账: per policy and fiscal year, the number and total of payments, dues, clawbacks and refunds."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        self.year = QComboBox(self)
        self.year.addItem(self.tr("All years"), None)
        for y in range(dt.date.today().year, 1999, -1):
            self.year.addItem(str(y), y)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        cols = [
            Column(self.tr("Policy"), lambda r: r.policy),
            Column(self.tr("Document number"), lambda r: r.doc_number),
            Column(self.tr("Fiscal year"), lambda r: r.year if r.year else ""),
            Column(self.tr("Payments"), lambda r: r.payments, align_right=True),
            Column(self.tr("Paid"), lambda r: fmt_money(r.paid_fen), align_right=True),
            Column(self.tr("Dues"), lambda r: r.dues, align_right=True),
            Column(self.tr("Due"), lambda r: fmt_money(r.due_fen), align_right=True),
            Column(self.tr("Clawbacks"), lambda r: r.clawbacks, align_right=True),
            Column(self.tr("Clawed back"), lambda r: fmt_money(r.clawback_fen), align_right=True),
            Column(self.tr("Refunds"), lambda r: r.refunds, align_right=True),
            Column(self.tr("Refunded"), lambda r: fmt_money(r.refund_fen), align_right=True),
        ]
        self.model = RowTableModel(cols, self)
        self.view = make_table_view(self.model, self, sortable=False)
        self.totals = QLabel(self)
        self.totals.setStyleSheet("font-weight: bold")
        self.import_btn = button(self.tr("Import payment history…"), self, self.import_history)
        self.export_btn = button(self.tr("Export payment history…"), self, self.export_history)
        self.export_btn.setToolTip(self.tr("Every standing payment with its grant, in the shape the import reads: "
                                           "it moves the ledger into another database with the same balances."))
        bar = row(QLabel(self.tr("Fiscal year"), self), self.year, STRETCH, self.import_btn, self.export_btn,
                  button(self.tr("Save as Excel…"), self, lambda: self.export(".xlsx")),
                  button(self.tr("Save as PDF…"), self, lambda: self.export(".pdf")))
        note = QLabel(self.tr("Tick these figures off against the finance bureau's: a reversed entry is taken back "
                              "from the kind it reversed, so the table shows what stands."), self)
        note.setWordWrap(True)
        column(bar, note, (self.view, 1), self.totals, parent=self)

    def refresh(self) -> None:
        self.context.runner.submit(call(reconcile.reconcile, year=self.year.currentData()), key="ledger.reconcile",
                                   on_done=self._shown)

    def _shown(self, rec: reconcile.Reconciliation) -> None:
        self.model.set_rows(list(rec.rows))
        self.view.resizeColumnsToContents()
        self.totals.setText(self.tr("Total: {n} payments, {paid} paid; {due} due; {claw} clawed back; {refund} "
                                    "refunded.").format(n=rec.total_payments, paid=fmt_money(rec.total_paid_fen),
                                                        due=fmt_money(rec.total_due_fen),
                                                        claw=fmt_money(rec.total_clawback_fen),
                                                        refund=fmt_money(rec.total_refund_fen)))
        self.loaded = True

    def export(self, suffix: str) -> None:
        year = self.year.currentData()
        name = self.tr("reconciliation-{year}").format(year=year or self.tr("all")) + suffix
        flt = self.tr("Excel workbook (*.xlsx)") if suffix == ".xlsx" else self.tr("PDF (*.pdf)")
        path, _f = save_file_name(self, self.tr("Save the reconciliation"), name, flt)
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        self.context.runner.submit(
            call(reconcile.export_reconciliation, out_path=path, year=year), key="ledger.reconcile.export",
            on_done=lambda n: QMessageBox.information(self, self.tr("Reconciliation"), self.tr(
                "{n} lines written to {path}.").format(n=n, path=path)),
            on_error=lambda exc: show_error(self, exc))

    def export_history(self) -> None:
        path, _f = save_file_name(self, self.tr("Export payment history"),
                                               self.tr("payment-history.xlsx"), self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        path = with_suffix(path, ".xlsx")
        self.context.runner.submit(
            call(history_export.export_payment_history, out_path=path), key="ledger.history.export",
            on_done=lambda n: QMessageBox.information(self, self.tr("Export payment history"), self.tr(
                "{n} rows written to {path}.").format(n=n, path=path)),
            on_error=lambda exc: show_error(self, exc))

    def import_history(self) -> None:
        PaymentImportDialog(self.context, self).exec()
