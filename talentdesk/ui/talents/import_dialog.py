"""Import a roster: choose the file, check how its columns are understood (and map unknown ones by hand), preview
every rejected row with its Excel row number, column and reason, then import all rows — or only the valid ones
when the user ticks "skip invalid rows"."""
from __future__ import annotations

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
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from talentdesk.domain.errors import TalentDeskError
from talentdesk.services.base import call
from talentdesk.services.talents import importer
from talentdesk.ui.common.finished import show_finished
from talentdesk.ui.common.progress import run_with_progress
from talentdesk.ui.common.style import error_style
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.widgets import make_table_view
from talentdesk.ui.errors import show_error
from talentdesk.ui.common.file_dialogs import open_file_name
from talentdesk.ui.common.screen import fit_to_screen
from talentdesk.domain.labels import join_list


class ImportDialog(QDialog):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.path = ""
        self.result: importer.ImportResult | None = None
        self.setWindowTitle(self.tr("Import talents from Excel or CSV"))
        fit_to_screen(self, 1000, 720)
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        browse = QPushButton(self.tr("Choose file…"))
        browse.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("File:")))
        top.addWidget(self.path_edit, 1)
        top.addWidget(browse)

        self.columns = QTableWidget(0, 2)
        self.columns.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Imported as")])
        self.columns.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.columns.verticalHeader().setVisible(False)
        self.rejected_model = RowTableModel([
            Column(self.tr("Row"), lambda r: r.row, align_right=True),
            Column(self.tr("Column"), lambda r: r.column),
            Column(self.tr("Reason"), lambda r: r.message),
        ], self)
        self.notes_model = RowTableModel([
            Column(self.tr("Row"), lambda r: r.row, align_right=True),
            Column(self.tr("Column"), lambda r: r.column),
            Column(self.tr("Note"), lambda r: r.message),
        ], self)
        self.notes_view = make_table_view(self.notes_model, self, sortable=False)
        self.notes_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.notes_label = QLabel(self.tr("Worth a look, and what is not data"))
        self.rejected_view = make_table_view(self.rejected_model, self, sortable=False)
        self.rejected_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("Columns")))
        ll.addWidget(self.columns)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(QLabel(self.tr("Rejected rows")))
        rl.addWidget(self.rejected_view, 3)
        rl.addWidget(self.notes_label)
        rl.addWidget(self.notes_view, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([330, 670])

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.employers = QLabel()
        self.employers.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        self.skip_invalid = QCheckBox(self.tr("Skip invalid rows and import only the valid ones"))
        self.skip_invalid.toggled.connect(self._update_buttons)
        self.check_button = QPushButton(self.tr("Check again"))
        self.check_button.clicked.connect(self.check)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        lay.addWidget(self.summary)
        lay.addWidget(self.employers)
        lay.addWidget(self.error)
        lay.addWidget(self.skip_invalid)
        lay.addWidget(self.buttons)
        self._update_buttons()

    # ------------------------------------------------------------ file and columns
    def choose_file(self) -> None:
        path, _f = open_file_name(self, self.tr("Choose a roster"),
                                               self.tr("Excel or CSV (*.xlsx *.csv);;All files (*)"))
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        self.path = path
        self.path_edit.setText(path)
        self.result = None
        self.rejected_model.set_rows([])
        self.notes_model.set_rows([])
        self.error.setText("")
        self.summary.setText(self.tr("Reading the file…"))
        self.context.runner.submit(call(importer.preview_headers, path=path), key="talents.import.headers", on_done=self._headers, on_error=self._failed)

    def _headers(self, preview: importer.HeaderPreview) -> None:
        self.columns.setRowCount(len(preview.headers))
        for i, h in enumerate(preview.headers):
            item = QLabel(h)
            item.setContentsMargins(4, 0, 4, 0)
            self.columns.setCellWidget(i, 0, item)
            combo = QComboBox()
            combo.addItem(self.tr("(do not import)"), "")
            for f in importer.FIELDS:
                combo.addItem(importer.column_title(f), f)
            mapped = preview.mapping.get(h)
            combo.setCurrentIndex(max(0, combo.findData(mapped or "")))
            if not mapped:
                combo.setStyleSheet("background: #fff4e5;")
            combo.setProperty("header", h)
            combo.currentIndexChanged.connect(lambda _i: self.check())
            self.columns.setCellWidget(i, 1, combo)
        self.check()

    def mapping(self) -> dict[str, str]:
        out = {}
        for i in range(self.columns.rowCount()):
            combo: QComboBox = self.columns.cellWidget(i, 1)
            out[combo.property("header")] = combo.currentData() or ""
        return out

    # ------------------------------------------------------------ check (dry run) and import
    def check(self) -> None:
        if not self.path:
            return
        self.summary.setText(self.tr("Checking every row…"))
        self.error.setText("")
        self.result = None
        self._update_buttons()
        self.context.runner.submit(call(importer.import_talents, path=self.path, dry_run=True, mapping=self.mapping()), key="talents.import.check", on_done=self._checked, on_error=self._failed)

    def _checked(self, result: importer.ImportResult) -> None:
        self.result = result
        self.rejected_model.set_rows(result.rejected)
        notes = [*result.warnings, *result.not_data]  # accepted with a note; rows below the table that are not data
        self.notes_model.set_rows(notes)
        self.notes_view.setVisible(bool(notes))
        self.notes_label.setVisible(bool(notes))
        self.rejected_view.resizeColumnToContents(0)
        self.rejected_view.resizeColumnToContents(1)
        bad_rows = len({r.row for r in result.rejected})
        self.summary.setText(self.tr("{valid} rows are ready to import; {bad} rows rejected; {blank} blank rows "
                                     "skipped.").format(valid=result.valid_rows, bad=bad_rows,
                                                        blank=result.skipped_blank))
        self.employers.setText(self.tr("New employers that will be created: {names}").format(
            names=join_list(result.new_employers)) if result.new_employers else "")
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.result = None
        self.rejected_model.set_rows([])
        self.notes_model.set_rows([])
        self.summary.setText("")
        if isinstance(exc, TalentDeskError):
            self.error.setText("\n".join([exc.message, *exc.details]))
        else:
            show_error(self, exc)
        self._update_buttons()

    def _update_buttons(self) -> None:
        r = self.result
        ok = bool(r and r.valid_rows and (not r.rejected or self.skip_invalid.isChecked()))
        self.import_button.setEnabled(ok)
        self.check_button.setEnabled(bool(self.path))

    def run_import(self) -> None:
        if not self.import_button.isEnabled():
            return
        run_with_progress(self, self.context.runner, self.tr("Importing talents"),
                          call(importer.import_talents, path=self.path, skip_invalid=self.skip_invalid.isChecked(),
                               mapping=self.mapping(), backup_first=True),
                          on_done=self._imported, on_error=self._failed)

    def _imported(self, result: importer.ImportResult) -> None:
        self.result = result
        text = self.tr("Imported {n} talents.").format(n=result.imported)
        if result.rejected:
            text += " " + self.tr("{n} rows with problems were skipped.").format(n=len(result.rejected))
        if result.new_employers:
            text += " " + self.tr("New employers: {names}.").format(names=join_list(result.new_employers[:10]))
        text += "\n" + self.tr("The database was backed up before the import (Safety → Backup and restore).")
        self.summary.setText(text)
        self.import_button.setEnabled(False)
        self.accept()
        self.finished_box = show_finished(self.parentWidget(), self.tr("Import talents"), text)
