"""人才档案: the talent list — search as you type (name, pinyin, ID, phone, employer), filters, paged rows,
and the way into the editor, employers, import and export. Every database read runs on the background runner;
typing only restarts a short timer, and superseded searches are dropped by the runner."""
from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
)

from talentdesk.domain import enums as E
from talentdesk.domain.labels import choices, label
from talentdesk.services.talents import exporter
from talentdesk.services.common import reference
from talentdesk.services.talents import registry
from talentdesk.services.base import Permission
from talentdesk.ui.common.formatting import fmt_date
from talentdesk.ui.common.progress import run_with_progress
from talentdesk.ui.common.tab import AppContext, Tab
from talentdesk.ui.common.table_model import ROW_ROLE, Column, PagedTableModel
from talentdesk.ui.common.widgets import FilterRow, choice_box, make_table_view, refill_combo
from talentdesk.ui.errors import show_error
from talentdesk.services.base import call
from talentdesk.ui.common.file_dialogs import save_file_name


class TalentsTab(Tab):
    key = "talents"
    interests = frozenset({"talents", "mentors", "employers"})

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        self.query = registry.TalentQuery()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search name, pinyin (zs), ID number, phone or employer"))
        self.search.setClearButtonEnabled(True)
        self.status = choice_box(self, self.tr("All statuses"),
                                 ((text, code) for code, text in choices(E.TalentStatus)))
        self.tier = choice_box(self, self.tr("All tiers"))
        self.employer = choice_box(self, self.tr("All employers"))
        self.education = choice_box(self, self.tr("All education"),
                                    ((text, code) for code, text in choices(E.Education)))
        self.arrival_year = choice_box(self, self.tr("Any arrival year"),
                                       ((str(y), y) for y in range(dt.date.today().year + 1, 1979, -1)))
        self.ending = choice_box(self, self.tr("Any commitment end"),
                                 ((self.tr("Commitment ends within {n} months").format(n=months), months)
                                  for months in (3, 6, 12, 24, 36)))
        for box in (self.status, self.tier, self.employer, self.education, self.arrival_year, self.ending):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(6)
        self.count = QLabel(self)
        self.count.setObjectName("talent_count")
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance(self.tr("{n} talents").format(
            n="100,000,000")) + 8)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for box in (self.status, self.tier, self.employer, self.education, self.arrival_year, self.ending):
            box.currentIndexChanged.connect(lambda _i: self.refresh())

        cols = [
            Column(self.tr("Name"), lambda r: r.name, "name"),
            Column(self.tr("Gender"), lambda r: label(E.Gender, r.gender), "gender"),
            Column(self.tr("Tier"), lambda r: r.tier_name, "tier"),
            Column(self.tr("Education"), lambda r: label(E.Education, r.education), "education"),
            Column(self.tr("Employer"), lambda r: r.employer_name, "employer"),
            Column(self.tr("Post"), lambda r: r.post, "post"),
            Column(self.tr("Arrival"), lambda r: fmt_date(r.arrival_date), "arrival_date"),
            Column(self.tr("Service ends"), lambda r: fmt_date(r.service_end_date), "service_end_date"),
            Column(self.tr("Status"), lambda r: label(E.TalentStatus, r.status), "status"),
            Column(self.tr("Mentor"), lambda r: r.mentor_names, None),
            Column(self.tr("ID number"), lambda r: r.id_number, None),
            Column(self.tr("Phone"), lambda r: r.phone, None),
        ]
        self.model = PagedTableModel(cols, self._fetch_page, self)
        self.model.sort_requested.connect(self._on_sort)
        self.view = make_table_view(self.model, self)
        self.view.doubleClicked.connect(self._open_index)

        self.toolbar = QToolBar(self)
        self.new_button = self.toolbar.addAction(self.tr("New talent"))
        self.open_button = self.toolbar.addAction(self.tr("Open"))
        self.employers_button = self.toolbar.addAction(self.tr("Employers…"))
        self.toolbar.addSeparator()
        self.import_button = self.toolbar.addAction(self.tr("Import…"))
        self.export_list_button = self.toolbar.addAction(self.tr("Export list…"))
        self.export_all_button = self.toolbar.addAction(self.tr("Export whole file…"))
        self.new_button.triggered.connect(lambda: self.open_editor(None))
        self.open_button.triggered.connect(lambda: self._open_index(self.view.currentIndex()))
        self.employers_button.triggered.connect(self.open_employers)
        self.import_button.triggered.connect(self.open_import)
        self.export_list_button.triggered.connect(lambda: self.export(whole=False))
        self.export_all_button.triggered.connect(lambda: self.export(whole=True))
        can_write = context.actor.can(Permission.TALENT_WRITE)
        self.new_button.setEnabled(can_write)
        self.employers_button.setEnabled(can_write)
        self.import_button.setEnabled(context.actor.can(Permission.TALENT_IMPORT))
        can_export = context.actor.can(Permission.PERSONAL_EXPORT)
        self.export_list_button.setEnabled(can_export)
        self.export_all_button.setEnabled(can_export)

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.count)
        self.filters = FilterRow((self.status, self.tier, self.employer, self.education, self.arrival_year,
                                  self.ending), self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.toolbar)
        lay.addLayout(top)
        lay.addWidget(self.filters)
        lay.addWidget(self.view)
        self._choices_loaded = False
        self._columns_sized = False


    def current_query(self) -> registry.TalentQuery:
        return dataclasses.replace(
            self.query, text=self.search.text(), status=self.status.currentData(), tier_code=self.tier.currentData(),
            employer_id=self.employer.currentData(), education=self.education.currentData(),
            arrival_year=self.arrival_year.currentData(), service_ends_within_months=self.ending.currentData(),
        )

    def _on_sort(self, key: str, descending: bool) -> None:
        self.query = dataclasses.replace(self.query, sort=key, descending=descending)
        self.refresh()

    def refresh(self) -> None:
        if not self._choices_loaded:
            self._choices_loaded = True
            self._load_choices()
        q = self.current_query()
        self.context.runner.submit(call(registry.search_talents, query=q, offset=0, limit=self.model.page_size), key="talents.search", on_done=self._on_first_page)

    def on_data_changed(self, kinds: frozenset[str]) -> None:
        if "employers" in kinds:
            self._choices_loaded = False
        super().on_data_changed(kinds)

    def _load_choices(self) -> None:
        self.context.runner.submit(call(reference.tiers_and_employers), on_done=self._fill_choices)

    def _fill_choices(self, result) -> None:
        tiers, employers = result
        refill_combo(self.tier, [(f"{t.code} {t.display}", t.code) for t in tiers])
        refill_combo(self.employer, [(e.name, e.id) for e in employers])

    def _on_first_page(self, page) -> None:
        self.model.reset_with(page.rows, page.total)
        self.count.setText(self.tr("{n} talents").format(n=f"{page.total:,}"))
        if not self._columns_sized and page.rows:
            self._columns_sized = True
            self.view.resizeColumnsToContents()
        self.loaded = True

    def _fetch_page(self, offset: int, on_page) -> None:
        q = self.current_query()
        self.context.runner.submit(call(registry.search_talents, query=q, offset=offset, limit=self.model.page_size, with_total=False), key="talents.page", on_done=lambda page: on_page(page.rows, self.model.total))

    # ------------------------------------------------------------ actions
    def _open_index(self, index) -> None:
        if index.isValid():
            row = self.model.data(index, ROW_ROLE)
            self.open_editor(row.id)

    def open_editor(self, talent_id: int | None):
        from talentdesk.ui.talents.editor import TalentEditorDialog

        dlg = TalentEditorDialog(self.context, talent_id, self)
        dlg.setModal(False)
        dlg.show()
        self._editor = dlg
        return dlg

    def open_record(self, table: str, record_id: int) -> bool:
        if table == "talents":
            self.open_editor(record_id)
            return True
        if table == "care_cases":
            from talentdesk.services.common import records
            def open_on_care(talent_id):
                if talent_id is not None:
                    dlg = self.open_editor(talent_id)
                    dlg.pages.setCurrentWidget(dlg.care)

            self.context.runner.submit(call(records.talent_of, table=table, record_id=record_id), on_done=open_on_care)
            return True
        return False

    def open_employers(self) -> None:
        from talentdesk.ui.talents.employers import EmployersDialog

        EmployersDialog(self.context, self).exec()

    def open_import(self):
        from talentdesk.ui.talents.import_dialog import ImportDialog

        dlg = ImportDialog(self.context, self)
        dlg.setModal(True)
        dlg.show()
        self._import = dlg
        return dlg

    def export(self, *, whole: bool, path: str | None = None, encoding: str = "utf-8") -> None:
        if path is None:
            caption = self.tr("Export the whole talent file") if whole else self.tr("Export the current list")
            xlsx, utf8, gbk = (self.tr("Excel workbook (*.xlsx)"), self.tr("CSV, UTF-8 (*.csv)"),
                               self.tr("CSV, GBK for older software (*.csv)"))
            path, chosen = save_file_name(self, caption, self.tr("talents.xlsx"),
                                                       ";;".join((xlsx, utf8, gbk)))
            encoding = "gbk" if chosen == gbk else "utf-8"
            if path and not path.lower().endswith((".xlsx", ".csv")):
                path += ".xlsx" if chosen == xlsx else ".csv"
        if not path:
            return
        query = None if whole else self.current_query()
        run_with_progress(self, self.context.runner, self.tr("Exporting talents"),
                          call(exporter.export_talents, path=path, query=query, encoding=encoding),
                          on_done=self._exported, on_error=lambda e: show_error(self, e))

    def _exported(self, result) -> None:
        QMessageBox.information(self, self.tr("Export"), self.tr("{n} talents were written to {path}.").format(
            n=result.rows, path=result.path))


