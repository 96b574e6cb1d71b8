"""补贴台账: the ledger, what is due, payment orders, a talent's statement, policies and grants, budgets;
certificate printing and verification."""
from __future__ import annotations

import datetime as dt
import logging
import tempfile
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from talentdesk.services.ledger import certificates

from talentdesk.services.ledger import journal
from talentdesk.services.base import Permission
from talentdesk.ui.common.layouts import dialog_buttons, radio_group
from talentdesk.ui.common.tab import AppContext, Tab
from talentdesk.ui.common.progress import run_with_progress
from talentdesk.ui.ledger import dialogs, movein, pages
from talentdesk.ui.ledger.batch_page import BatchPage, VerificationPage
from talentdesk.ui.ledger.requests_page import RequestsPage
from talentdesk.ui.ledger.simulator_page import SimulatorPage
from talentdesk.ui.ledger.sweep_page import SweepPage
from talentdesk.services.base import call
from talentdesk.ui.common.file_dialogs import save_file_name

log = logging.getLogger(__name__)


class CertificateChoiceDialog(QDialog):
    """Which payments to print (the selected ones or a whole year), and where: a PDF file and/or the printer."""

    def __init__(self, selected: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print certificates"))
        _group, (self.use_selected, self.use_year) = radio_group(
            self, self.tr("The {n} selected payments").format(n=selected), self.tr("Every payment of the year"),
            chosen=0 if selected else 1)
        self.use_selected.setEnabled(selected > 0)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.to_printer = QCheckBox(self.tr("Send to a printer afterwards"), self)
        self.to_printer.setChecked(True)
        self.save_pdf = QCheckBox(self.tr("Keep a PDF file"), self)
        row = QHBoxLayout()
        row.addWidget(self.use_year)
        row.addWidget(self.year)
        form = QFormLayout()
        form.addRow(self.use_selected)
        form.addRow(row)
        form.addRow(self.to_printer)
        form.addRow(self.save_pdf)
        box = dialog_buttons(self, self.accept)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        note = QLabel(self.tr("A first print takes a new serial number; a reprint is marked as a copy and counted."),
                      self)
        note.setWordWrap(True)
        lay.addWidget(note)
        lay.addWidget(box)


class LedgerTab(Tab):
    key = "ledger"
    interests = frozenset({"ledger", "talents", "payments", "policies", "budgets", "certificates"})

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        self.entries = pages.EntriesPage(context, self)
        self.due = pages.DuePage(context, self)
        self.payments = pages.PaymentsPage(context, self)
        self.statement = pages.StatementPage(context, self)
        self.policies = pages.PoliciesPage(context, self)
        self.budgets = pages.BudgetsPage(context, self)
        self.requests = RequestsPage(context, self)
        self.reconcile = movein.ReconcilePage(context, self)
        self.reconcile.import_btn.setVisible(context.actor.can(Permission.LEDGER_RECORD)
                                            and context.actor.can(Permission.LEDGER_PAY))
        self.reconcile.export_btn.setVisible(context.actor.can(Permission.PERSONAL_EXPORT))
        self.sweep = SweepPage(context, self)
        self.simulator = SimulatorPage(context, self)
        self.batches = BatchPage(context, self)
        self.verification = VerificationPage(context, self)
        self.pages = QTabWidget(self)
        for page, title in ((self.entries, self.tr("Ledger")), (self.due, self.tr("Due and overdue")),
                            (self.payments, self.tr("Payment orders")), (self.verification, self.verification.title()),
                            (self.batches, self.batches.title()), (self.statement, self.tr("Talent statement")),
                            (self.policies, self.tr("Policies and grants")), (self.budgets, self.tr("Budgets")),
                            (self.reconcile, self.tr("Reconciliation")), (self.sweep, self.sweep.title()),
                            (self.simulator, self.simulator.title()),
                            (self.requests, self.tr("Requests waiting for approval"))):
            self.pages.addTab(page, title)
            page.open_talent.connect(self.show_statement)
        self._stale_pages: set[int] = set(range(self.pages.count()))
        self.pages.currentChanged.connect(self._page_changed)
        self.entries.print_btn.clicked.connect(self.print_certificates)
        print_btn = QPushButton(self.tr("Print certificates…"), self)
        print_btn.clicked.connect(self.print_certificates)
        verify_btn = QPushButton(self.tr("Verify a certificate…"), self)
        verify_btn.clicked.connect(self.verify)
        self.pages.setCornerWidget(_corner(print_btn, verify_btn, parent=self))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.pages)
        self._posted_due = False


    @property
    def model(self):
        """The ledger entries' model (what the shell and the self-test look at)."""
        return self.entries.model

    # ------------------------------------------------------------ refreshing
    def refresh(self) -> None:
        if not self._posted_due:
            self._posted_due = True
            if self.context.actor.can(Permission.LEDGER_RECORD):
                # instalments that fell due since the ledger was last opened become `due` entries (only for active
                # grants of talents still in the county); the runner then announces "ledger" and the pages reload
                self.context.runner.submit(call(journal.post_due_instalments, as_of=dt.date.today()), on_error=lambda e: log.warning("posting due instalments failed: %s", e))
        self._stale_pages = set(range(self.pages.count()))
        self._page_changed(self.pages.currentIndex())

    def _page_changed(self, index: int) -> None:
        if index in self._stale_pages:
            self._stale_pages.discard(index)
            self.pages.widget(index).refresh()
        if index == 0 or self.entries.loaded:
            self.loaded = True

    def show_statement(self, talent_id: int) -> None:
        self.statement.show_talent(talent_id)
        self.pages.setCurrentWidget(self.statement)

    def open_record(self, table: str, record_id: int) -> bool:
        if table == "talents":
            self.show_statement(record_id)
            return True
        if table in ("instalments", "ledger_entries", "payments", "subsidy_grants"):
            # the record's place is its talent's statement (every entry, running balance)
            from talentdesk.services.common import records
            self.pages.setCurrentWidget(self.statement)
            self.context.runner.submit(call(records.talent_of, table=table, record_id=record_id), on_done=lambda tid: tid is not None and self.show_statement(tid))
            return True
        return False

    # ------------------------------------------------------------ certificates
    def print_certificates(self) -> None:
        selected = self.entries.selected_payment_ids() if self.pages.currentWidget() is self.entries else []
        choice = CertificateChoiceDialog(len(selected), self)
        if not choice.exec():
            return
        if choice.save_pdf.isChecked() or not choice.to_printer.isChecked():
            path, _ = save_file_name(self, self.tr("Save certificates"), self.tr("certificates.pdf"),
                                                  self.tr("PDF (*.pdf)"))
            if not path:
                return
        else:
            path = str(Path(tempfile.mkdtemp(prefix="talentdesk-")) / "certificates.pdf")
        kwargs = {"entry_ids": selected} if choice.use_selected.isChecked() else {"year": choice.year.value()}
        to_printer = choice.to_printer.isChecked()

        def done(result: certificates.PrintResult) -> None:
            if to_printer:
                from talentdesk.ui.common.printing import print_pdf

                print_pdf(result.path, self, title=self.tr("Subsidy payment certificates"))
            else:
                QMessageBox.information(self, self.tr("Print certificates"), self.tr(
                    "{pages} certificates ({originals} first prints, {copies} copies) written to {path}.").format(
                    pages=result.pages, originals=result.originals, copies=result.copies, path=result.path))

        self._print_run = run_with_progress(self, self.context.runner, self.tr("Printing certificates…"),
                                            call(certificates.print_certificates, out_path=path, **kwargs),
                                            on_done=done)

    def verify(self) -> None:
        dialogs.VerifyDialog(self.context, self).exec()


def _corner(*buttons, parent=None) -> QWidget:
    w = QWidget(parent)
    lay = QHBoxLayout(w)
    lay.setContentsMargins(0, 0, 0, 0)
    for b in buttons:
        lay.addWidget(b)
    return w
