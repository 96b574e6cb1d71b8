"""Import a roster: choose the file, check how its columns are understood (and map unknown ones by hand), give one
value to every row where a column is missing, map values that match nothing (特聘 → B, remembered for the next
import), decide about rows Excel hides, preview every rejected row with its Excel row number, column and reason,
then import all rows — or only the valid ones when the user ticks "skip invalid rows"."""
from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from talentdesk.services.base import call
from talentdesk.services.talents import importer
from talentdesk.ui.common.finished import show_finished
from talentdesk.ui.common.progress import run_with_progress
from talentdesk.ui.common.file_import import ImportControls, problem_rows_model
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.widgets import make_table_view
from talentdesk.ui.common.screen import fit_to_screen
from talentdesk.domain import enums as E
from talentdesk.domain.labels import choices, join_list
from talentdesk.services.common.reference import list_tiers
from talentdesk.ui.common.style import attention_style

VALUE_MAP_KEY = "talents/import_value_map"  # the clerk's value mappings, remembered for the next import


class ImportDialog(QDialog):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.path = ""
        self.result: importer.ImportResult | None = None
        self.value_map: dict[str, dict[str, str]] = self._remembered_values()
        self.tiers: list = []
        self.context.runner.submit(call(list_tiers), on_done=self._tiers_loaded)
        self.setWindowTitle(self.tr("Import talents from Excel or CSV"))
        fit_to_screen(self, 1000, 720)
        self.controls = ImportControls(
            self, skip_text=self.tr("Skip invalid rows and import only the valid ones"),
            choose_title=self.tr("Choose a roster"), load=self.load_file, check=self.check, run_import=self.run_import,
            changed=self._update_buttons)

        self.columns = QTableWidget(0, 2)
        self.columns.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Imported as")])
        self.columns.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.columns.verticalHeader().setVisible(False)
        self.rejected_model = problem_rows_model(self, last=self.tr("Reason"))
        self.notes_model = problem_rows_model(self, last=self.tr("Note"))
        self.notes_view = make_table_view(self.notes_model, self, sortable=False)
        self.notes_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.notes_label = QLabel(self.tr("Worth a look, and what is not data"))
        self.rejected_view = make_table_view(self.rejected_model, self, sortable=False)
        self.rejected_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # one value for every row (a roster without a tier column): field -> value
        self.fixed = QTableWidget(0, 2)
        self.fixed.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value for every row")])
        self.fixed.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fixed.verticalHeader().setVisible(False)
        self.add_fixed = QPushButton(self.tr("Set one value for every row…"))
        self.add_fixed.setToolTip(self.tr("For a column the file does not have, or to overwrite one: every row gets "
                                          "this value (on the command line: --set 人才类别=E)."))
        self.add_fixed.clicked.connect(lambda: self.add_fixed_row())
        self.remove_fixed = QPushButton(self.tr("Remove"))
        self.remove_fixed.clicked.connect(self._remove_fixed_row)
        # values that match nothing: value in the file -> accepted value, for the whole file
        self.values_table = QTableWidget(0, 3)
        self.values_table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Value in the file"),
                                                     self.tr("Import as")])
        self.values_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.values_table.horizontalHeader().setStretchLastSection(True)
        self.values_table.verticalHeader().setVisible(False)
        self.values_label = QLabel(self.tr("Values not recognised — choose what each means for the whole file "
                                           "(remembered for the next import)"))
        self.values_label.setWordWrap(True)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("Columns")))
        ll.addWidget(self.columns, 3)
        fixed_bar = QHBoxLayout()
        fixed_bar.addWidget(self.add_fixed, 1)
        fixed_bar.addWidget(self.remove_fixed)
        ll.addLayout(fixed_bar)
        ll.addWidget(self.fixed, 1)
        ll.addWidget(self.values_label)
        ll.addWidget(self.values_table, 2)
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
        split.setSizes([420, 580])

        self.employers = QLabel()
        self.employers.setWordWrap(True)
        self.hidden_label = QLabel()
        self.hidden_label.setWordWrap(True)
        self.hidden_include = QRadioButton(self.tr("Import the hidden rows too"))
        self.hidden_skip = QRadioButton(self.tr("Leave the hidden rows out"))
        self.hidden_group = QButtonGroup(self)
        for b in (self.hidden_include, self.hidden_skip):
            self.hidden_group.addButton(b)
            b.toggled.connect(lambda on: on and self.check())
        hidden_bar = QHBoxLayout()
        hidden_bar.addWidget(self.hidden_include)
        hidden_bar.addWidget(self.hidden_skip)
        hidden_bar.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(self.controls.file_row)
        lay.addWidget(split, 1)
        lay.addWidget(self.summary)
        lay.addWidget(self.employers)
        lay.addWidget(self.error)
        lay.addWidget(self.hidden_label)
        lay.addLayout(hidden_bar)
        lay.addWidget(self.skip_invalid)
        lay.addWidget(self.buttons)
        self._show_hidden([], [])
        self._fill_values_table({})
        self.fixed.setVisible(False)
        self.remove_fixed.setVisible(False)
        self._update_buttons()

    # ------------------------------------------------------------ remembered value mappings
    def _remembered_values(self) -> dict[str, dict[str, str]]:
        settings = getattr(self.context, "settings", None)
        raw = settings.value(VALUE_MAP_KEY, "") if settings is not None else ""
        try:
            data = json.loads(raw) if raw else {}
        except (TypeError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {f: {str(k): str(v) for k, v in m.items()} for f, m in data.items()
                if f in importer.MAPPABLE and isinstance(m, dict)}

    def _remember_values(self) -> None:
        settings = getattr(self.context, "settings", None)
        if settings is not None:
            settings.setValue(VALUE_MAP_KEY, json.dumps(self.value_map, ensure_ascii=False))

    def _tiers_loaded(self, tiers) -> None:
        self.tiers = tiers

    def _choices_for(self, fieldname: str) -> list[tuple[str, str]]:
        """(stored value, what the clerk sees) for a field with a fixed list of values."""
        if fieldname == "tier_code":
            return [(t.code, f"{t.code} {t.display}") for t in self.tiers]
        enum = {"education": E.Education, "degree": E.Degree, "gender": E.Gender, "intro_mode": E.IntroMode,
                "status": E.TalentStatus}.get(fieldname)
        if enum is not None:
            return [(code, name) for code, name in choices(enum)]
        return [("是", self.tr("yes")), ("否", self.tr("no"))]

    def _fill_values_table(self, unknown: dict[str, list[str]]) -> None:
        """The values that matched nothing in the last check, and the mappings in effect (chosen or remembered)."""
        rows: list[tuple[str, str, str | None]] = []
        for f, values in unknown.items():
            rows += [(f, v, None) for v in values]
        shown = {(f, v) for f, v, _ in rows}
        for f, table in self.value_map.items():
            rows += [(f, raw, code) for raw, code in table.items() if (f, raw) not in shown]
        self.values_table.setRowCount(len(rows))
        for i, (f, raw, code) in enumerate(rows):
            for column, text in ((0, importer.column_title(f)), (1, raw)):
                cell = QLabel(text)
                cell.setContentsMargins(4, 0, 8, 0)
                self.values_table.setCellWidget(i, column, cell)
                self.values_table.setColumnWidth(column, max(self.values_table.columnWidth(column),
                                                             cell.sizeHint().width() + 4))
            combo = QComboBox()
            combo.addItem(self.tr("(not mapped: rows rejected)"), "")
            for value, text in self._choices_for(f):
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(code or "")))
            if code is None:
                combo.setStyleSheet(attention_style())
            combo.currentIndexChanged.connect(lambda _i, f=f, raw=raw, c=combo: self.map_value(f, raw, c.currentData()))
            self.values_table.setCellWidget(i, 2, combo)
        self.values_table.setVisible(bool(rows))
        self.values_label.setVisible(bool(rows))

    def map_value(self, fieldname: str, raw: str, value: str | None) -> None:
        """Map a value in the file (e.g. 特聘) to an accepted one (B) for the whole file; check again."""
        if value:
            self.value_map.setdefault(fieldname, {})[raw] = value
        else:
            self.value_map.get(fieldname, {}).pop(raw, None)
            if not self.value_map.get(fieldname):
                self.value_map.pop(fieldname, None)
        self.check()

    # ------------------------------------------------------------ one value for every row
    def add_fixed_row(self, fieldname: str = "", value: str = "") -> None:
        i = self.fixed.rowCount()
        self.fixed.insertRow(i)
        combo = QComboBox()
        for f in importer.FIELDS:
            combo.addItem(importer.column_title(f), f)
        combo.setCurrentIndex(max(0, combo.findData(fieldname or "tier_code")))
        edit = QLineEdit(value)
        edit.setPlaceholderText(self.tr("e.g. E, or the tier's name"))
        combo.currentIndexChanged.connect(lambda _i: self.check())
        edit.editingFinished.connect(self.check)
        self.fixed.setCellWidget(i, 0, combo)
        self.fixed.setCellWidget(i, 1, edit)
        self.fixed.setVisible(True)
        self.remove_fixed.setVisible(True)
        edit.setFocus()

    def _remove_fixed_row(self) -> None:
        row = self.fixed.currentRow() if self.fixed.currentRow() >= 0 else self.fixed.rowCount() - 1
        if row >= 0:
            self.fixed.removeRow(row)
        self.fixed.setVisible(self.fixed.rowCount() > 0)
        self.remove_fixed.setVisible(self.fixed.rowCount() > 0)
        self.check()

    def fixed_values(self) -> dict[str, str]:
        out = {}
        for i in range(self.fixed.rowCount()):
            combo: QComboBox = self.fixed.cellWidget(i, 0)
            edit: QLineEdit = self.fixed.cellWidget(i, 1)
            if edit.text().strip():
                out[combo.currentData()] = edit.text().strip()
        return out

    # ------------------------------------------------------------ rows and columns Excel hides
    def _show_hidden(self, rows: list[int], columns: list[str]) -> None:
        parts = []
        if rows:
            listed = join_list(rows[:15]) + ("…" if len(rows) > 15 else "")
            parts.append(self.tr("Rows hidden in Excel: {rows} ({n} in all). They are not imported unless you say "
                                 "so: choose below.").format(n=len(rows), rows=listed))
        if columns:
            parts.append(self.tr("Columns hidden in Excel: {cols}. Check above how each is imported.").format(
                cols=join_list(columns)))
        self.hidden_label.setText("\n".join(parts))
        self.hidden_label.setVisible(bool(parts))
        self.hidden_include.setVisible(bool(rows))
        self.hidden_skip.setVisible(bool(rows))

    def hidden_choice(self) -> str | None:
        if self.hidden_include.isChecked():
            return "include"
        if self.hidden_skip.isChecked():
            return "skip"
        return None

    # ------------------------------------------------------------ file and columns
    def load_file(self, path: str) -> None:
        self.path = path
        self.path_edit.setText(path)
        self.result = None
        self.rejected_model.set_rows([])
        self.notes_model.set_rows([])
        self.error.setText("")
        self.hidden_group.setExclusive(False)
        self.hidden_include.setChecked(False)
        self.hidden_skip.setChecked(False)
        self.hidden_group.setExclusive(True)
        self._show_hidden([], [])
        self.summary.setText(self.tr("Reading the file…"))
        self.context.runner.submit(call(importer.preview_headers, path=path), key="talents.import.headers", on_done=self._headers, on_error=self._failed)

    def _headers(self, preview: importer.HeaderPreview) -> None:
        self.columns.setRowCount(len(preview.headers))
        hidden = set(preview.hidden_columns)
        for i, h in enumerate(preview.headers):
            item = QLabel(h if h not in hidden else self.tr("{header} (hidden in Excel)").format(header=h))
            item.setContentsMargins(4, 0, 4, 0)
            self.columns.setCellWidget(i, 0, item)
            combo = QComboBox()
            combo.addItem(self.tr("(do not import)"), "")
            for f in importer.FIELDS:
                combo.addItem(importer.column_title(f), f)
            mapped = preview.mapping.get(h)
            combo.setCurrentIndex(max(0, combo.findData(mapped or "")))
            if not mapped:
                combo.setStyleSheet(attention_style())
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
        if not self.controls.checking(self.path):
            return
        self.result = None
        self._update_buttons()
        self.context.runner.submit(call(importer.import_talents, path=self.path, dry_run=True, mapping=self.mapping(),
                                        fixed=self.fixed_values(), value_map=self.value_map,
                                        hidden_rows=self.hidden_choice()),
                                   key="talents.import.check", on_done=self._checked, on_error=self._failed)

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
        self._show_hidden(result.hidden_rows, result.hidden_columns)
        self._fill_values_table(result.unknown_values)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.result = None
        self.controls.failed(self, exc, self.rejected_model, self.notes_model)
        self._update_buttons()

    def _update_buttons(self) -> None:
        r = self.result
        decided = not (r and r.hidden_rows) or self.hidden_choice() is not None  # hidden rows: the clerk decides
        self.controls.update(r, self.path, decided=decided)

    def run_import(self) -> None:
        if not self.import_button.isEnabled():
            return
        run_with_progress(self, self.context.runner, self.tr("Importing talents"),
                          call(importer.import_talents, path=self.path, skip_invalid=self.skip_invalid.isChecked(),
                               mapping=self.mapping(), backup_first=True, fixed=self.fixed_values(),
                               value_map=self.value_map, hidden_rows=self.hidden_choice()),
                          on_done=self._imported, on_error=self._failed)

    def _imported(self, result: importer.ImportResult) -> None:
        self.result = result
        self._remember_values()
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
