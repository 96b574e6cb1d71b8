"""A moving-in import in the window: choose the file, preview what each row becomes and every refused row with its
Excel row number, column and reason, then import all rows — or only the valid ones when the clerk chooses to skip
the refused ones. Used for policies, payments, pairings and care cases alike."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
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
from talentdesk.ui.common.progress import run_with_progress
from talentdesk.ui.common.style import error_style
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.widgets import make_table_view
from talentdesk.ui.errors import show_error
from talentdesk.ui.common.screen import fit_to_screen
from talentdesk.ui.common.file_dialogs import open_file_name
from talentdesk.domain.labels import join_list


def _titled(title: str, widget: QWidget, parent: QWidget) -> QWidget:
    box = QWidget(parent)
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    head = QLabel(title, box)
    head.setStyleSheet("font-weight: bold")
    lay.addWidget(head)
    lay.addWidget(widget)
    return box


class FileImportDialog(QDialog):
    """A moving-in import: every check runs as a dry run in the background, the preview shows what the rows
    become and every refused row with its Excel row number, column and reason; nothing is written until Import,
    which backs the database up first. `operation` is the import (path, dry_run, skip_invalid, backup_first_,
    hidden_rows: rows hidden in Excel are left out — listed — unless the clerk ticks the box to include them);
    `preview` the columns of what each row becomes (the result's extra["preview"]), when the import gives one."""

    def __init__(self, context: AppContext, parent=None, *, operation, title: str, intro: str,
                 preview: list[Column] | None = None):
        super().__init__(parent)
        self.context = context
        self.operation = operation
        self.path = ""
        self.result: ImportOutcome | None = None
        self.setWindowTitle(title)
        fit_to_screen(self, 1200, 720)
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        browse = QPushButton(self.tr("Choose file…"), self)
        browse.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("File:"), self))
        top.addWidget(self.path_edit, 1)
        top.addWidget(browse)
        intro = QLabel(intro, self)
        intro.setWordWrap(True)

        self.preview_model = RowTableModel(preview or [], self)
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
        if preview:
            split.addWidget(_titled(self.tr("What each row becomes"), self.preview_view, split))
            split.addWidget(right)
            split.setSizes([640, 560])
        else:
            self.preview_view.hide()
            split.addWidget(right)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        self.skip_invalid = QCheckBox(self.tr("Skip the refused rows and import only the valid ones"), self)
        self.skip_invalid.toggled.connect(self._update_buttons)
        # rows hidden in Excel are left out unless the clerk ticks this (shown only when the file has such rows)
        self.include_hidden = QCheckBox(self.tr("Also import the rows hidden in Excel"), self)
        self.include_hidden.setVisible(False)
        self.include_hidden.toggled.connect(lambda _on: self.check())
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
        lay.addWidget(self.include_hidden)
        lay.addWidget(self.skip_invalid)
        lay.addWidget(self.buttons)
        self._update_buttons()

    def choose_file(self) -> None:
        path, _f = open_file_name(self, self.tr("Choose the file"),
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
        self._run = run_with_progress(self, self.context.runner, self.tr("Checking every row…"),
                                      call(self.operation, path=self.path, dry_run=True,
                                           hidden_rows=self.hidden_choice()),
                                      on_done=self._checked, on_error=self._failed)

    def hidden_choice(self) -> str:
        return "include" if self.include_hidden.isChecked() else "skip"

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
        text = self.summary_text(result, bad)
        if result.not_data:
            text += " " + self.tr("Not data (totals or notes): rows {rows}.").format(
                rows=", ".join(map(str, result.not_data)))
        self.include_hidden.setVisible(bool(result.hidden_rows) or self.include_hidden.isChecked())
        if result.hidden_rows:
            rows = ", ".join(map(str, result.hidden_rows))
            text += " " + (self.tr("Rows hidden in Excel, imported too: {rows}.").format(rows=rows)
                           if self.include_hidden.isChecked() else
                           self.tr("Rows hidden in Excel, left out: {rows}; tick “Also import the rows hidden in "
                                   "Excel” to import them.").format(rows=rows))
        if result.unknown_columns:
            text += " " + self.tr("Columns not imported: {cols}.").format(cols=join_list(result.unknown_columns))
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
        self._run = run_with_progress(self, self.context.runner, self.windowTitle(),
                                      call(self.operation, path=self.path, hidden_rows=self.hidden_choice(),
                                           skip_invalid=self.skip_invalid.isChecked(), backup_first_=True),
                                      on_done=self._imported, on_error=self._failed)

    def summary_text(self, result: ImportOutcome, bad: int) -> str:
        return self.tr("{valid} rows are ready to import; {bad} rows refused; {blank} blank rows skipped.").format(
            valid=result.valid_rows, bad=bad, blank=result.skipped_blank)

    def done_text(self, result: ImportOutcome) -> str:
        return self.tr("Imported {n} rows. A backup was taken first.").format(n=result.imported)

    def _imported(self, result: ImportOutcome) -> None:
        self.result = result
        QMessageBox.information(self, self.windowTitle(), self.done_text(result))
        self.accept()
