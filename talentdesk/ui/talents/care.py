"""关爱服务 on one talent: the list of care cases and a small form to open, change or close one."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout,
    QWidget,
)

from talentdesk.domain import enums as E
from talentdesk.domain.errors import TalentDeskError
from talentdesk.domain.labels import choices, label
from talentdesk.services.base import call
from talentdesk.services.talents import care
from talentdesk.ui.common.conflict import offer_choice
from talentdesk.ui.common.formatting import fmt_date
from talentdesk.ui.common.style import error_style
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.unsaved import UnsavedTracker
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.widgets import make_table_view
from talentdesk.ui.common.screen import in_scroll_area
from talentdesk.ui.errors import show_error


class CarePanel(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.talent_id: int | None = None
        self.case_version: int | None = None
        self.loaded_values: dict = {}
        self.case_id: int | None = None
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
        self.message = QLabel()
        self.message.setStyleSheet(error_style())
        self.message.setWordWrap(True)
        for w in self.f.values():
            w.textChanged.connect(self._check)
        self.kind.currentIndexChanged.connect(self._check)
        new_b, save_b, del_b = QPushButton(self.tr("New case")), QPushButton(self.tr("Save case")), QPushButton(
            self.tr("Delete case…"))
        new_b.clicked.connect(self.new_case)
        save_b.clicked.connect(self.save_case)
        del_b.clicked.connect(self.delete_case)
        row = QHBoxLayout()
        for b in (new_b, save_b, del_b):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.view, 1)
        lay.addWidget(in_scroll_area(form, self))  # scrolls rather than push the dialog off a small screen
        lay.addWidget(self.message)
        lay.addLayout(row)
        self.unsaved = UnsavedTracker(*self.f.values(), self.kind, self.notes)
        self.unsaved.mark_clean()

    def set_talent(self, talent_id: int) -> None:
        self.talent_id = talent_id
        self.reload()

    def reload(self) -> None:
        if self.talent_id is not None:
            self.context.runner.submit(call(care.list_care_cases, talent_id=self.talent_id), on_done=self.model.set_rows, on_error=lambda e: show_error(self, e))

    def values(self) -> dict:
        out = {k: w.text() for k, w in self.f.items()}
        out["kind"] = self.kind.currentData()
        out["notes"] = self.notes.toPlainText()
        return out

    def _check(self, *_a) -> None:
        _clean, errors = care.clean_care_fields(self.values())
        self.message.setText("\n".join(errors.values()))

    def _pick(self, current, prev) -> None:
        if not current.isValid():
            return
        if not self.unsaved.ok_to_discard(self):
            self._reselect(prev)
            return
        self._fill(self.model.row_at(current.row()))

    def _fill(self, r: care.CareRow) -> None:
        """The form shows case `r` as stored, and saves against its version."""
        self.case_id = r.id
        self.kind.setCurrentIndex(max(0, self.kind.findData(r.kind)))
        for k in ("title", "room"):
            self.f[k].setText(getattr(r, k))
        for k in ("move_in_date", "move_out_date", "opened_on", "closed_on"):
            self.f[k].setText(fmt_date(getattr(r, k)))
        self.notes.setPlainText(r.notes)
        self.case_version = r.version
        self.loaded_values = self.values()
        self.unsaved.mark_clean()

    def _reselect(self, index) -> None:
        sm = self.view.selectionModel()
        sm.blockSignals(True)
        if index.isValid():
            self.view.selectRow(index.row())
            sm.setCurrentIndex(index, sm.SelectionFlag.NoUpdate)
        else:
            self.view.clearSelection()
        sm.blockSignals(False)

    def new_case(self) -> None:
        import datetime as dt

        if not self.unsaved.ok_to_discard(self):
            return
        self.case_id = None
        self.case_version = None
        for w in self.f.values():
            w.clear()
        self.notes.clear()
        self.f["opened_on"].setText(dt.date.today().isoformat())
        self.view.clearSelection()
        self.unsaved.mark_clean()

    def save_case(self) -> None:
        self._submit(self.values(), self.case_version)

    def _submit(self, values: dict, version: int | None) -> None:
        self.context.runner.submit(call(care.save_care_case, talent_id=self.talent_id, values=values,
                                        case_id=self.case_id, expected_version=version),
                                   on_done=self._saved, on_error=self._failed)

    def _saved(self, row) -> None:
        self._fill(row)  # as stored: a conflict's choice included
        self.message.setText("")
        self.reload()

    def _failed(self, exc) -> None:
        if offer_choice(self, exc, mine=self.values(), loaded=self.loaded_values, resave=self._submit):
            return
        if isinstance(exc, TalentDeskError):
            self.message.setText(exc.message)
        else:
            show_error(self, exc)

    def delete_case(self) -> None:
        if self.case_id is None:
            return
        if QMessageBox.question(self, self.tr("Delete case"), self.tr("Delete this care case?")) != \
                QMessageBox.StandardButton.Yes:
            return
        self.context.runner.submit(call(care.delete_care_case, case_id=self.case_id), on_done=lambda _r: (self.unsaved.forget(), self.new_case(), self.reload()), on_error=self._failed)
