"""关爱服务 on one talent: the list of care cases and a small form to open, change or close one."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLineEdit, QMessageBox, QPlainTextEdit, QWidget,
)

from talentdesk.domain import enums as E
from talentdesk.domain.labels import choices, label
from talentdesk.services.base import call
from talentdesk.services.talents import care
from talentdesk.ui.common.layouts import STRETCH, button, column, row
from talentdesk.ui.common.conflict import OpenRecord, offer_choice
from talentdesk.ui.common.formatting import fmt_date
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.unsaved import UnsavedTracker, picked_row
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.widgets import error_label, make_table_view
from talentdesk.ui.common.screen import in_scroll_area
from talentdesk.ui.errors import say_error
from talentdesk.ui.talents.talent_rows import load_talent_rows


class CarePanel(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.talent_id: int | None = None
        self.case = OpenRecord()
        self.model = RowTableModel([
            Column(self.tr("Kind"), lambda r: label(E.CareKind, r.kind)),
            Column(self.tr("Title"), lambda r: r.title),
            Column(self.tr("Room"), lambda r: r.room),
            Column(self.tr("Opened"), lambda r: fmt_date(r.opened_on)),
            Column(self.tr("Closed"), lambda r: fmt_date(r.closed_on)),
            Column(self.tr("Status"), lambda r: label(E.CaseStatus, r.status)),
        ], self)
        self.view = make_table_view(self.model, self)
        self.view.selectionModel().currentRowChanged.connect(self._pick)
        self.kind = QComboBox()
        for code, text in choices(E.CareKind):
            self.kind.addItem(text, code)
        self.f = {k: QLineEdit() for k in ("title", "room", "move_in_date", "move_out_date", "opened_on", "closed_on")}
        for k in ("move_in_date", "move_out_date", "opened_on", "closed_on"):
            self.f[k].setPlaceholderText("2025-09-01")
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(50)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Title"), self.f["title"])
        form.addRow(self.tr("Apartment room"), self.f["room"])
        form.addRow(self.tr("Move-in"), self.f["move_in_date"])
        form.addRow(self.tr("Move-out"), self.f["move_out_date"])
        form.addRow(self.tr("Opened on *"), self.f["opened_on"])
        form.addRow(self.tr("Closed on"), self.f["closed_on"])
        form.addRow(self.tr("Notes"), self.notes)
        self.message = error_label()
        for w in self.f.values():
            w.textChanged.connect(self._check)
        self.kind.currentIndexChanged.connect(self._check)
        column((self.view, 1),
               in_scroll_area(form, self),  # scrolls rather than push the dialog off a small screen
               self.message,
               row(button(self.tr("New case"), None, self.new_case), button(self.tr("Save case"), None, self.save_case),
                   button(self.tr("Delete case…"), None, self.delete_case), STRETCH),
               parent=self)
        self.unsaved = UnsavedTracker(*self.f.values(), self.kind, self.notes)
        self.unsaved.mark_clean()

    def set_talent(self, talent_id: int) -> None:
        self.talent_id = talent_id
        self.reload()

    def reload(self) -> None:
        load_talent_rows(self, care.list_care_cases)

    def values(self) -> dict:
        out = {k: w.text() for k, w in self.f.items()}
        out["kind"] = self.kind.currentData()
        out["notes"] = self.notes.toPlainText()
        return out

    def _check(self, *_a) -> None:
        _clean, errors = care.clean_care_fields(self.values())
        self.message.setText("\n".join(errors.values()))

    def _pick(self, current, prev) -> None:
        r = picked_row(self, self.unsaved, self.view, current, prev)
        if r is not None:
            self._fill(r)

    def _fill(self, r: care.CareRow) -> None:
        """The form shows case `r` as stored, and saves against its version."""
        self.kind.setCurrentIndex(max(0, self.kind.findData(r.kind)))
        for k in ("title", "room"):
            self.f[k].setText(getattr(r, k))
        for k in ("move_in_date", "move_out_date", "opened_on", "closed_on"):
            self.f[k].setText(fmt_date(getattr(r, k)))
        self.notes.setPlainText(r.notes)
        self.case.show(r.id, r.version, self.values())
        self.unsaved.mark_clean()

    def new_case(self) -> None:
        import datetime as dt

        if not self.unsaved.ok_to_discard(self):
            return
        self.case.start_new(*self.f.values(), self.notes)
        self.f["opened_on"].setText(dt.date.today().isoformat())
        self.view.clearSelection()
        self.unsaved.mark_clean()

    def save_case(self) -> None:
        self._submit(self.values(), self.case.version)

    def _submit(self, values: dict, version: int | None) -> None:
        self.context.runner.submit(call(care.save_care_case, talent_id=self.talent_id, values=values,
                                        case_id=self.case.id, expected_version=version),
                                   on_done=self._saved, on_error=self._failed)

    def _saved(self, row) -> None:
        self._fill(row)  # as stored: a conflict's choice included
        self.message.setText("")
        self.reload()

    def _failed(self, exc) -> None:
        if offer_choice(self, exc, mine=self.values(), loaded=self.case.loaded, resave=self._submit):
            return
        say_error(self, exc, self.message)

    def delete_case(self) -> None:
        if self.case.id is None:
            return
        if QMessageBox.question(self, self.tr("Delete case"), self.tr("Delete this care case?")) != \
                QMessageBox.StandardButton.Yes:
            return
        self.context.runner.submit(call(care.delete_care_case, case_id=self.case.id), on_done=lambda _r: (self.unsaved.forget(), self.new_case(), self.reload()), on_error=self._failed)
