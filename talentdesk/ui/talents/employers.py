"""Employers (用人单位) in their own small dialog: list, add, change, remove an unused one. USCC optional."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
)

from talentdesk.services.base import call
from talentdesk.services.common import reference
from talentdesk.services.talents import employers
from talentdesk.ui.common.layouts import STRETCH, button, column, row
from talentdesk.ui.common.conflict import OpenRecord, offer_choice
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.unsaved import GuardedDialog, picked_row
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.widgets import error_label, make_table_view
from talentdesk.ui.errors import say_error, show_error
from talentdesk.ui.common.screen import fit_to_screen


class EmployersDialog(GuardedDialog):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.current = OpenRecord()
        self.setWindowTitle(self.tr("Employers"))
        fit_to_screen(self, 760, 520)
        self.model = RowTableModel([
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Credit code"), lambda r: r.uscc or ""),
            Column(self.tr("Kind"), lambda r: r.kind),
            Column(self.tr("Talents"), lambda r: r.talent_count, align_right=True),
        ], self)
        self.view = make_table_view(self.model, self)
        self.view.selectionModel().currentRowChanged.connect(self._pick)
        self.fields = {k: QLineEdit() for k in ("name", "uscc", "kind", "address", "contact", "phone")}
        self.fields["uscc"].setPlaceholderText(self.tr("optional, 18 characters"))
        form = QFormLayout()
        for k, caption in (("name", self.tr("Name *")), ("uscc", self.tr("Unified social credit code")),
                           ("kind", self.tr("Kind")), ("address", self.tr("Address")),
                           ("contact", self.tr("Contact person")), ("phone", self.tr("Phone"))):
            form.addRow(caption, self.fields[k])
        self.fields["uscc"].textChanged.connect(self._check_uscc)
        self.message = error_label()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        column((self.view, 1), form, self.message,
               row(button(self.tr("New"), None, self._new), button(self.tr("Save"), None, self._save),
                   button(self.tr("Remove"), None, self._delete), STRETCH),
               close, parent=self)
        self.reload()

    def unsaved_roots(self) -> list:
        return list(self.fields.values())

    def reload(self) -> None:
        self.context.runner.submit(call(reference.list_employers, with_counts=True), on_done=self.model.set_rows, on_error=lambda e: show_error(self, e))

    def _check_uscc(self, text: str) -> None:
        from talentdesk.domain.errors import ValidationError
        from talentdesk.domain.values import parse_uscc

        try:
            parse_uscc(text)
            self.message.setText("")
        except ValidationError as exc:
            self.message.setText(exc.message)

    def _pick(self, current, previous) -> None:
        row = picked_row(self, self.unsaved, self.view, current, previous)
        if row is not None:
            self.context.runner.submit(call(employers.get_employer, employer_id=row.id), on_done=self._show)

    def _show(self, e: employers.EmployerDetail) -> None:
        for k in self.fields:
            self.fields[k].setText(getattr(e, k) or "")
        self.current.show(e.id, e.version, {k: f.text() for k, f in self.fields.items()})
        self.message.setText("")
        self.mark_clean()

    def _new(self) -> None:
        if not self.unsaved.ok_to_discard(self):
            return
        self.current.start_new(*self.fields.values())
        self.view.clearSelection()
        self.mark_clean()
        self.fields["name"].setFocus()

    def _save(self) -> None:
        self._submit({k: f.text() for k, f in self.fields.items()}, self.current.version)

    def _submit(self, values: dict, version: int | None) -> None:
        self.context.runner.submit(call(employers.save_employer, values=values, employer_id=self.current.id,
                                        expected_version=version), on_done=self._saved, on_error=self._failed)

    def _saved(self, e) -> None:
        self._show(e)  # the fields as stored (a conflict's choice included), and the version to save against next
        self.message.setText("")
        self.mark_clean()
        self.reload()

    def _failed(self, exc) -> None:
        if offer_choice(self, exc, mine={k: f.text() for k, f in self.fields.items()}, loaded=self.current.loaded,
                        resave=self._submit):
            return
        say_error(self, exc, self.message, fields=self.fields)

    def _delete(self) -> None:
        if self.current.id is None:
            return
        name = self.fields["name"].text()
        if QMessageBox.question(self, self.tr("Remove employer"),
                                self.tr("Remove {name}?").format(name=name)) != QMessageBox.StandardButton.Yes:
            return
        self.context.runner.submit(call(employers.delete_employer, employer_id=self.current.id), on_done=lambda _r: (self.unsaved.forget(), self._new(), self.reload()), on_error=self._failed)
