"""Requests waiting for approval (four eyes on money): reversals, waivers, grants and policy amounts asked for by one
account, approved or rejected here by another."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from talentdesk.services.safety.audit_text import actor_label
from talentdesk.domain import enums as E
from talentdesk.services.base import Permission, call
from talentdesk.services.ledger import approvals
from talentdesk.ui.common.formatting import fmt_money
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.widgets import make_table_view
from talentdesk.ui.errors import show_error
from talentdesk.ui.ledger.pages import Page


class RequestsPage(Page):
    """Pending requests, newest first; Approve runs the action as the approver, Reject records why."""

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        cols = [
            Column(self.tr("No."), lambda r: r.id, align_right=True),
            Column(self.tr("What"), lambda r: r.action_label),
            Column(self.tr("Details"), lambda r: r.summary),
            Column(self.tr("Amount"), lambda r: fmt_money(r.amount_fen) if r.amount_fen is not None else "",
                   align_right=True),
            Column(self.tr("Asked by"), lambda r: actor_label(r.requested_by or "")),
            Column(self.tr("Asked at"), lambda r: f"{r.requested_at:%Y-%m-%d %H:%M}"),
        ]
        self.model = RowTableModel(cols, self)
        self.view = make_table_view(self.model, self)
        self.summary = QLabel(self)
        self.approve_btn = QPushButton(self.tr("Approve"), self)
        self.approve_btn.clicked.connect(self._approve)
        self.reject_btn = QPushButton(self.tr("Reject…"), self)
        self.reject_btn.clicked.connect(self._reject)
        allowed = context.actor.can(Permission.LEDGER_APPROVE)
        self.approve_btn.setEnabled(allowed)
        self.reject_btn.setEnabled(allowed)
        note = QLabel(self.tr("With accounts, reversals, waivers, grants and policy amounts are asked for by one "
                              "person and carried out when another approves; nobody approves their own request or "
                              "one from the person who created their account."), self)
        note.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.approve_btn)
        bar.addWidget(self.reject_btn)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addLayout(bar)
        lay.addWidget(self.view)

    def refresh(self) -> None:
        self.context.runner.submit(call(approvals.list_requests, status=E.RequestStatus.PENDING.value),
                                   key="ledger.requests", on_done=self._rows)

    def _rows(self, rows) -> None:
        self.model.set_rows(rows)
        self.summary.setText(self.tr("{n} waiting").format(n=len(rows)))
        self.view.resizeColumnsToContents()
        self.loaded = True

    def _current(self):
        idx = self.view.currentIndex()
        if not idx.isValid() or idx.row() >= len(self.model.rows):
            QMessageBox.information(self, self.tr("Requests"), self.tr("Select a request first."))
            return None
        return self.model.row_at(idx.row())

    def _approve(self) -> None:
        r = self._current()
        if r is None:
            return
        if QMessageBox.question(self, self.tr("Approve request"), self.tr("Approve and carry out request {id}?\n{what}: "
                                                                          "{summary}").format(
                id=r.id, what=r.action_label, summary=r.summary)) != QMessageBox.StandardButton.Yes:
            return
        self.context.runner.submit(call(approvals.approve_request, request_id=r.id),
                                   on_done=lambda _row: self.refresh(), on_error=lambda e: show_error(self, e))

    def _reject(self) -> None:
        r = self._current()
        if r is None:
            return
        note, ok = QInputDialog.getText(self, self.tr("Reject request"), self.tr("Why is request {id} rejected?")
                                        .format(id=r.id))
        if ok:
            self.context.runner.submit(call(approvals.reject_request, request_id=r.id, note=note),
                                       on_done=lambda _row: self.refresh(), on_error=lambda e: show_error(self, e))
