"""A talent's attachments: add (copied into the data folder, or into a server database), open a read-only copy with
the system viewer, remove after asking."""
from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget

from talentdesk.services.talents import attachments
from talentdesk.ui.common.layouts import STRETCH, button, column, row
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.widgets import make_table_view
from talentdesk.ui.errors import show_error
from talentdesk.ui.talents.talent_rows import load_talent_rows
from talentdesk.services.base import call
from talentdesk.ui.common.file_dialogs import open_file_name


def human_size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


class AttachmentsPanel(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.talent_id: int | None = None
        kinds = {"diploma": self.tr("Diploma"), "contract": self.tr("Contract"), "agreement": self.tr("Agreement"),
                 "other": self.tr("Other")}
        self.kind_names = kinds
        self.model = RowTableModel([
            Column(self.tr("File"), lambda r: r.filename),
            Column(self.tr("Kind"), lambda r: kinds.get(r.kind, r.kind)),
            Column(self.tr("Size"), lambda r: human_size(r.size), align_right=True),
            Column(self.tr("Added"), lambda r: r.added_at.strftime("%Y-%m-%d %H:%M")),
        ], self)
        self.view = make_table_view(self.model, self)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        self.kind = QComboBox()
        for code, name in kinds.items():
            self.kind.addItem(name, code)
        column(self.view,
               row(self.kind, button(self.tr("Add file…"), None, self.add_file),
                   button(self.tr("Open"), None, self.open_selected),
                   button(self.tr("Remove…"), None, self.remove_selected), STRETCH),
               parent=self)

    def set_talent(self, talent_id: int) -> None:
        self.talent_id = talent_id
        self.reload()

    def reload(self) -> None:
        load_talent_rows(self, attachments.list_attachments)

    def _selected(self):
        idx = self.view.currentIndex()
        return self.model.row_at(idx.row()) if idx.isValid() else None

    def add_file(self, path: str | None = None) -> None:
        if not path:
            path, _f = open_file_name(self, self.tr("Attach a scan"),
                                                   self.tr("Scans and documents (*.pdf *.jpg *.jpeg *.png *.tif "
                                                           "*.tiff *.doc *.docx);;All files (*)"))
        if not path:
            return
        self.context.runner.submit(call(attachments.add_attachment, talent_id=self.talent_id, source=path, kind=self.kind.currentData()), on_done=lambda _r: self.reload(), on_error=lambda e: show_error(self, e))

    def open_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        self.context.runner.submit(call(attachments.open_copy, attachment_id=row.id), on_done=lambda p: QDesktopServices.openUrl(QUrl.fromLocalFile(p)), on_error=lambda e: show_error(self, e))

    def remove_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        answer = QMessageBox.question(self, self.tr("Remove attachment"),
                                      self.tr("Remove {name} from this talent's file?").format(name=row.filename))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.context.runner.submit(call(attachments.remove_attachment, attachment_id=row.id), on_done=lambda _r: self.reload(), on_error=lambda e: show_error(self, e))
