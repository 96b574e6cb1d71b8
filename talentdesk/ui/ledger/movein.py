"""Moving in: the payment-history import wizard (choose the file, preview what each row becomes and every refused
row with its Excel row number, column and reason, then import all or only the valid rows) and the reconciliation
page (per policy and fiscal year, as .xlsx and PDF)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from talentdesk.domain.errors import TalentDeskError
from talentdesk.services.base import call
from talentdesk.services.common.tabular import ImportOutcome
from talentdesk.services.ledger import history_import, reconcile
from talentdesk.ui.common.file_dialogs import open_file_name, save_file_name
from talentdesk.ui.common.formatting import fmt_date, fmt_money
from talentdesk.ui.common.progress import run_with_progress
from talentdesk.ui.common.screen import fit_to_screen
from talentdesk.ui.common.style import error_style
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.widgets import make_table_view
from talentdesk.ui.errors import show_error
from talentdesk.ui.ledger.pages import Page


def _titled(title: str, widget: QWidget, parent: QWidget) -> QWidget:
    box = QWidget(parent)
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    head = QLabel(title, box)
    head.setStyleSheet("font-weight: bold")
    lay.addWidget(head)
    lay.addWidget(widget)
    return box


class PaymentImportDialog(QDialog):
    """The payment history wizard: every check runs as a dry run in the background; nothing is written until
    Import, which backs the database up first."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.path = ""
        self.result: ImportOutcome | None = None
        self.setWindowTitle(self.tr("Import the payment history"))
        fit_to_screen(self, 1200, 720)
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        browse = QPushButton(self.tr("Choose file…"), self)
        browse.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("File:"), self))
        top.addWidget(self.path_edit, 1)
        top.addWidget(browse)
        intro = QLabel(self.tr("One row per payment: ID number, name, policy (name or 文号), instalment (2/3, 第2期 or "
                               "empty), amount as written, paid date, voucher number, method. Import the policies "
                               "and the talents first."), self)
        intro.setWordWrap(True)

        self.preview_model = RowTableModel([
            Column(self.tr("Row"), lambda r: r.row, align_right=True),
            Column(self.tr("Name"), lambda r: r.talent_name),
            Column(self.tr("ID number"), lambda r: r.id_number),
            Column(self.tr("Policy"), lambda r: r.policy_name),
            Column(self.tr("Instalment"), lambda r: r.instalment),
            Column(self.tr("Amount"), lambda r: fmt_money(r.amount_fen), align_right=True),
            Column(self.tr("Paid on"), lambda r: fmt_date(r.pay_date)),
            Column(self.tr("Voucher"), lambda r: r.voucher_no),
        ], self)
        self.preview_view = make_table_view(self.preview_model, self, sortable=False)
        self.rejected_model = RowTableModel([
            Column(self.tr("Row"), lambda r: r.row, align_right=True),
            Column(self.tr("Column"), lambda r: r.column),
            Column(self.tr("Reason"), lambda r: r.message, tooltip=lambda r: r.message),
        ], self)
        self.rejected_view = make_table_view(self.rejected_model, self, sortable=False)
        self.rejected_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.rejected_view.setWordWrap(True)
        self.warnings_model = RowTableModel([
            Column(self.tr("Row"), lambda r: r.row, align_right=True),
            Column(self.tr("Note"), lambda r: r.message, tooltip=lambda r: r.message),
        ], self)
        self.warnings_view = make_table_view(self.warnings_model, self, sortable=False)
        self.warnings_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(_titled(self.tr("Refused rows"), self.rejected_view, right))
        right.addWidget(_titled(self.tr("Notes (imported, but look at them)"), self.warnings_view, right))
        right.setSizes([420, 160])
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(_titled(self.tr("What each row becomes"), self.preview_view, split))
        split.addWidget(right)
        split.setSizes([640, 560])

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        self.skip_invalid = QCheckBox(self.tr("Skip the refused rows and import only the valid ones"), self)
        self.skip_invalid.toggled.connect(self._update_buttons)
        self.check_button = QPushButton(self.tr("Check again"), self)
        self.check_button.clicked.connect(self.check)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(intro)
        lay.addWidget(split, 1)
        lay.addWidget(self.summary)
        lay.addWidget(self.error)
        lay.addWidget(self.skip_invalid)
        lay.addWidget(self.buttons)
        self._update_buttons()

    def choose_file(self) -> None:
        path, _f = open_file_name(self, self.tr("Choose the payment history"),
                                  self.tr("Excel or CSV (*.xlsx *.csv);;All files (*)"))
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        self.path = path
        self.path_edit.setText(path)
        self.check()

    def check(self) -> None:
        if not self.path:
            return
        self.summary.setText(self.tr("Checking every row…"))
        self.error.setText("")
        self.result = None
        self._update_buttons()
        self._run = run_with_progress(self, self.context.runner, self.tr("Checking the payment history"),
                                      call(history_import.import_payments, path=self.path, dry_run=True),
                                      on_done=self._checked, on_error=self._failed)

    def _checked(self, result: ImportOutcome) -> None:
        self.result = result
        self.preview_model.set_rows(result.extra.get("preview", []))
        self.rejected_model.set_rows(result.rejected)
        self.warnings_model.set_rows(result.warnings)
        for view in (self.preview_view, self.rejected_view, self.warnings_view):
            view.resizeColumnToContents(0)
        self.preview_view.resizeColumnsToContents()
        self.rejected_view.resizeColumnToContents(1)
        bad = len({r.row for r in result.rejected})
        text = self.tr("{valid} payments ({amount}) are ready to import into {grants} new grants; {bad} rows refused; "
                       "{blank} blank rows skipped.").format(
            valid=result.valid_rows, amount=fmt_money(result.extra.get("paid_fen", 0)),
            grants=result.extra.get("grants_created", 0), bad=bad, blank=result.skipped_blank)
        if result.not_data:
            text += " " + self.tr("Not data (totals or notes): rows {rows}.").format(
                rows=", ".join(map(str, result.not_data)))
        if result.unknown_columns:
            text += " " + self.tr("Columns not imported: {cols}.").format(cols="、".join(result.unknown_columns))
        if bad and not self.skip_invalid.isChecked():
            text += " " + self.tr("Nothing is imported while rows are refused, unless you choose to skip them.")
        self.summary.setText(text)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.result = None
        self.preview_model.set_rows([])
        self.rejected_model.set_rows([])
        self.warnings_model.set_rows([])
        self.summary.setText("")
        if isinstance(exc, TalentDeskError):
            self.error.setText("\n".join([exc.message, *exc.details]))
        else:
            show_error(self, exc)
        self._update_buttons()

    def _update_buttons(self) -> None:
        r = self.result
        self.import_button.setEnabled(bool(r and r.valid_rows and (not r.rejected or self.skip_invalid.isChecked())))
        self.check_button.setEnabled(bool(self.path))

    def run_import(self) -> None:
        if not self.import_button.isEnabled():
            return
        self._run = run_with_progress(self, self.context.runner, self.tr("Importing the payment history"),
                                      call(history_import.import_payments, path=self.path,
                                           skip_invalid=self.skip_invalid.isChecked(), backup_first_=True),
                                      on_done=self._imported, on_error=self._failed)

    def _imported(self, result: ImportOutcome) -> None:
        self.result = result
        QMessageBox.information(self, self.windowTitle(), self.tr(
            "Imported {n} payments ({amount}); {grants} grants were created. A backup was taken first.").format(
            n=result.imported, amount=fmt_money(result.extra.get("paid_fen", 0)),
            grants=result.extra.get("grants_created", 0)))
        self.accept()


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
        xlsx = QPushButton(self.tr("Save as Excel…"), self)
        xlsx.clicked.connect(lambda: self.export(".xlsx"))
        pdf = QPushButton(self.tr("Save as PDF…"), self)
        pdf.clicked.connect(lambda: self.export(".pdf"))
        self.import_btn = QPushButton(self.tr("Import payment history…"), self)
        self.import_btn.clicked.connect(self.import_history)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Fiscal year"), self))
        bar.addWidget(self.year)
        bar.addStretch(1)
        bar.addWidget(self.import_btn)
        bar.addWidget(xlsx)
        bar.addWidget(pdf)
        note = QLabel(self.tr("Tick these figures off against the finance bureau's: a reversed entry is taken back "
                              "from the kind it reversed, so the table shows what stands."), self)
        note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(note)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.totals)

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

    def import_history(self) -> None:
        PaymentImportDialog(self.context, self).exec()
