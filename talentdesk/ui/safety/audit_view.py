"""The audit trail view (admins): filter by user, date and record, read before/after, export to Excel or CSV."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
    QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from talentdesk.services.safety import audit
from talentdesk.services.safety.audit import AuditQuery
from talentdesk.services.safety.audit_text import actor_label, table_label
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.widgets import make_table_view
from talentdesk.ui.errors import show_error
from talentdesk.services.base import call
from talentdesk.ui.common.file_dialogs import save_file_name
from talentdesk.ui.common.screen import fit_to_screen

PAGE = 1000


class AuditDialog(QDialog):
    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Audit trail"))
        fit_to_screen(self, 1100, 640)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.user = QComboBox(self)
        self.user.setEditable(False)
        self.user.addItem(self.tr("All users"), "")
        self.action = QComboBox(self)
        self.action.addItem(self.tr("All actions"), "")
        for code, label in self._action_labels().items():
            self.action.addItem(label, code)
        self.table = QComboBox(self)
        self.table.addItem(self.tr("All record kinds"), "")
        self.record = QLineEdit(self)
        self.record.setPlaceholderText(self.tr("Record no."))
        self.record.setMaximumWidth(90)
        self.use_dates = QCheckBox(self.tr("From"), self)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30), self)
        self.date_to = QDateEdit(today, self)
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Text in the change…"))
        search = QPushButton(self.tr("Search"), self)
        export = QPushButton(self.tr("Export…"), self)
        # two rows, so every filter shows its whole text on a small screen
        for w in (QLabel(self.tr("User:"), self), self.user, self.action, self.table, self.record):
            bar.addWidget(w)
        bar.addStretch(1)
        bar2 = QHBoxLayout()
        for w in (self.use_dates, self.date_from, QLabel(self.tr("to"), self), self.date_to, self.text):
            bar2.addWidget(w)
        bar2.addStretch(1)
        bar2.addWidget(search)
        bar2.addWidget(export)
        self.text.setMinimumWidth(180)
        layout.addLayout(bar)
        layout.addLayout(bar2)
        self.model = RowTableModel([
            Column(self.tr("Time"), lambda r: r.when),
            Column(self.tr("User"), lambda r: r.actor_text),
            Column(self.tr("Action"), lambda r: r.action_text),
            Column(self.tr("Record kind"), lambda r: r.table_text),
            Column(self.tr("Record"), lambda r: r.record_id),
            Column(self.tr("Summary"), lambda r: _short(r.summary_text)),
        ], self)
        self.view = make_table_view(self.model, self)
        self.view.setColumnWidth(0, 150)
        self.view.setColumnWidth(3, 120)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.detail = QPlainTextEdit(self)
        self.detail.setReadOnly(True)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(self.detail)
        split.setSizes([460, 140])
        layout.addWidget(split)
        self.status = QLabel(self)
        layout.addWidget(self.status)
        search.clicked.connect(self.refresh)
        self.text.returnPressed.connect(self.refresh)
        self.record.returnPressed.connect(self.refresh)
        export.clicked.connect(self.export)
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        self.loaded = False
        self.context.runner.submit(call(audit.audit_filter_choices), on_done=self._fill_choices, on_error=self._error)
        self.refresh()

    def _action_labels(self) -> dict[str, str]:
        return {"insert": self.tr("Created"), "update": self.tr("Changed"), "delete": self.tr("Deleted"),
                "bulk": self.tr("Bulk change"), "login": self.tr("Logged in"), "login_failed": self.tr("Failed login"),
                "logout": self.tr("Logged out"), "denied": self.tr("Refused (no permission)"),
                "export": self.tr("Export"), "import": self.tr("Import"), "backup": self.tr("Backup"),
                "restore": self.tr("Restore"), "demo": self.tr("Demo data")}

    def _fill_choices(self, choices: dict) -> None:
        for name in choices["users"]:
            self.user.addItem(actor_label(name), name)
        for t in sorted(choices["tables"], key=table_label):
            self.table.addItem(table_label(t), t)

    def query(self) -> AuditQuery:
        dates = self.use_dates.isChecked()
        return AuditQuery(
            username=self.user.currentData() or "", action=self.action.currentData() or "",
            table_name=self.table.currentData() or "", record_id=self.record.text().strip(),
            date_from=self.date_from.date().toPython() if dates else None,
            date_to=self.date_to.date().toPython() if dates else None, text=self.text.text().strip())

    def refresh(self) -> None:
        try:
            q = self.query()
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.context.runner.submit(call(audit.list_audit, query=q, limit=PAGE), key="audit-view", on_done=self._show, on_error=self._error)

    def _show(self, page) -> None:
        self.model.set_rows(page.rows)
        self.status.setText(self.tr("{shown} of {total} entries (newest first)").format(
            shown=len(page.rows), total=page.total))
        self.loaded = True

    def _show_detail(self, current, _previous) -> None:
        if not current.isValid():
            return
        r = self.model.row_at(current.row())
        head = "  ".join(x for x in (r.when, r.actor_text, r.action_text, r.table_text, r.record_id) if x)
        lines = [head, r.summary_text, ""] + r.detail_lines()
        self.detail.setPlainText("\n".join(lines).strip())

    def export(self) -> None:
        path, _ = save_file_name(self, self.tr("Export audit trail"),
                                              f"audit-{dt.date.today():%Y%m%d}.xlsx",
                                              self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        self.context.runner.submit(call(audit.export_audit, query=self.query(), path=path), on_done=lambda n: QMessageBox.information(
                                       self, self.tr("Export"), self.tr("{n} entries exported to {path}.").format(
                                           n=n, path=path)), on_error=self._error)

    def _error(self, exc: BaseException) -> None:
        show_error(self, exc)


def _short(text: str) -> str:
    return (text or "")[:160]
