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

from talentdesk.i18n import translate
from talentdesk.services.base import call
from talentdesk.services.common.tabular import ImportOutcome
from talentdesk.ui.common.layouts import dialog_buttons
from talentdesk.ui.common.progress import run_with_progress
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.widgets import error_label, make_table_view
from talentdesk.ui.errors import say_error
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


class ImportControls:
    """What every file-import dialog has: the file row (choosing a file calls `load` with its path), the summary and
    error lines, "skip the refused rows" (ticking it calls `changed`), and the Import / Check again / Close buttons,
    enabled by one rule. The dialog reaches these widgets under the same names (dialog.path_edit, dialog.summary, …)
    and keeps its own tables and texts."""

    SHARED = ("path_edit", "summary", "error", "skip_invalid", "check_button", "import_button", "buttons")

    def __init__(self, dialog: QDialog, *, skip_text: str, choose_title: str, load, check, run_import,
                 changed) -> None:
        self.path_edit = QLineEdit(dialog)
        self.path_edit.setReadOnly(True)
        choose = QPushButton(translate("FileImportDialog", "Choose file…"), dialog)
        choose.clicked.connect(lambda _checked=False: self._browse(dialog, choose_title, load))
        self.file_row = QHBoxLayout()
        self.file_row.addWidget(QLabel(translate("FileImportDialog", "File:"), dialog))
        self.file_row.addWidget(self.path_edit, 1)
        self.file_row.addWidget(choose)
        self.summary = QLabel(dialog)
        self.summary.setWordWrap(True)
        self.error = error_label(dialog)
        self.skip_invalid = QCheckBox(skip_text, dialog)
        self.skip_invalid.toggled.connect(lambda _on: changed())
        self.check_button = QPushButton(translate("FileImportDialog", "Check again"), dialog)
        self.check_button.clicked.connect(check)
        self.buttons = dialog_buttons(dialog, run_import, ok_text=translate("FileImportDialog", "Import"),
                                      cancel_text=translate("FileImportDialog", "Close"))
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        for name in self.SHARED:
            setattr(dialog, name, getattr(self, name))

    def _browse(self, parent: QWidget, title: str, load) -> None:
        """Ask for the Excel or CSV file to import and load it (nothing when the clerk cancels)."""
        path, _f = open_file_name(parent, title,
                                  translate("FileImportDialog", "Excel or CSV (*.xlsx *.csv);;All files (*)"))
        if path:
            load(path)

    def checking(self, path: str) -> bool:
        """Say a check of the file at path has begun; False when no file is chosen yet (nothing to check)."""
        if not path:
            return False
        self.summary.setText(translate("FileImportDialog", "Checking every row…"))
        self.error.setText("")
        return True

    def update(self, result, path: str, *, decided: bool = True) -> None:
        """Import only a checked file with valid rows, every choice made (`decided`), and with refused rows only
        when they are to be skipped."""
        self.import_button.setEnabled(bool(result and result.valid_rows and decided
                                           and (not result.rejected or self.skip_invalid.isChecked())))
        self.check_button.setEnabled(bool(path))

    def failed(self, parent: QWidget, exc: BaseException, *tables: RowTableModel) -> None:
        """The check or import failed: the tables and the summary are emptied; a refusal the clerk can act on goes on
        the error line, anything else is shown as an error."""
        for table in tables:
            table.set_rows([])
        self.summary.setText("")
        say_error(parent, exc, self.error, details=True)


def problem_rows_model(parent: QWidget, *, last: str, column: bool = True, tooltip: bool = False) -> RowTableModel:
    """Refused (or noted) rows: the Excel row number, the column when the problem has one, and the reason."""
    cols = [Column(translate("FileImportDialog", "Row"), lambda r: r.row, align_right=True)]
    if column:
        cols.append(Column(translate("FileImportDialog", "Column"), lambda r: r.column))
    cols.append(Column(last, lambda r: r.message, tooltip=(lambda r: r.message) if tooltip else None))
    return RowTableModel(cols, parent)


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
        self.controls = ImportControls(
            self, skip_text=self.tr("Skip the refused rows and import only the valid ones"),
            choose_title=self.tr("Choose the file"), load=self.load_file, check=self.check, run_import=self.run_import,
            changed=self._update_buttons)
        intro = QLabel(intro, self)
        intro.setWordWrap(True)

        self.preview_model = RowTableModel(preview or [], self)
        self.preview_view = make_table_view(self.preview_model, self, sortable=False)
        self.rejected_model = problem_rows_model(self, last=self.tr("Reason"), tooltip=True)
        self.rejected_view = make_table_view(self.rejected_model, self, sortable=False)
        self.rejected_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.rejected_view.setWordWrap(True)
        self.warnings_model = problem_rows_model(self, last=self.tr("Note"), column=False, tooltip=True)
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

        # rows hidden in Excel are left out unless the clerk ticks this (shown only when the file has such rows)
        self.include_hidden = QCheckBox(self.tr("Also import the rows hidden in Excel"), self)
        self.include_hidden.setVisible(False)
        self.include_hidden.toggled.connect(lambda _on: self.check())
        lay = QVBoxLayout(self)
        lay.addLayout(self.controls.file_row)
        lay.addWidget(intro)
        lay.addWidget(split, 1)
        lay.addWidget(self.summary)
        lay.addWidget(self.error)
        lay.addWidget(self.include_hidden)
        lay.addWidget(self.skip_invalid)
        lay.addWidget(self.buttons)
        self._update_buttons()

    def load_file(self, path: str) -> None:
        self.path = path
        self.path_edit.setText(path)
        self.check()

    def check(self) -> None:
        if not self.controls.checking(self.path):
            return
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
        self.controls.failed(self, exc, self.preview_model, self.rejected_model, self.warnings_model)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.controls.update(self.result, self.path)

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
