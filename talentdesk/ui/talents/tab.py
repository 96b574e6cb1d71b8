"""人才档案: the talent list — search as you type (name, pinyin, ID, phone, employer), filters, paged rows."""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from talentdesk.domain import enums as E
from talentdesk.domain.labels import choices, label
from talentdesk.services import reference, talents
from talentdesk.ui.common.formatting import fmt_date
from talentdesk.ui.common.tab import AppContext, Tab
from talentdesk.ui.common.table_model import Column, PagedTableModel
from talentdesk.ui.common.widgets import make_table_view


class TalentsTab(Tab):
    interests = frozenset({"talents", "mentors"})

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        self.query = talents.TalentQuery()
        self._tiers_loaded = False
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search name, pinyin (zs), ID number, phone or employer"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("All statuses"), None)
        for code, text in choices(E.TalentStatus):
            self.status.addItem(text, code)
        self.tier = QComboBox(self)
        self.tier.addItem(self.tr("All tiers"), None)
        self.count = QLabel(self)
        self._debounce = QTimer(self, singleShot=True, interval=180)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.tier.currentIndexChanged.connect(lambda _i: self.refresh())

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

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.status)
        top.addWidget(self.tier)
        top.addWidget(self.count)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.view)

    def title(self) -> str:
        return self.tr("Talents")

    def _current_query(self) -> talents.TalentQuery:
        return dataclasses.replace(
            self.query, text=self.search.text(), status=self.status.currentData(), tier_code=self.tier.currentData()
        )

    def _on_sort(self, key: str, descending: bool) -> None:
        self.query = dataclasses.replace(self.query, sort=key, descending=descending)
        self.refresh()

    def refresh(self) -> None:
        if not self._tiers_loaded:
            self._tiers_loaded = True
            self.context.runner.submit(reference.list_tiers, on_done=self._fill_tiers)
        q = self._current_query()
        self.context.runner.submit(talents.search_talents, key="talents.search", query=q, offset=0,
                                   limit=self.model.page_size, on_done=self._on_first_page)

    def _fill_tiers(self, tiers) -> None:
        self.tier.blockSignals(True)
        for t in tiers:
            self.tier.addItem(f"{t.code} {t.display}", t.code)
        self.tier.blockSignals(False)

    def _on_first_page(self, page) -> None:
        self.model.reset_with(page.rows, page.total)
        self.count.setText(self.tr("{n} talents").format(n=f"{page.total:,}"))
        self.view.resizeColumnsToContents()
        self.loaded = True

    def _fetch_page(self, offset: int, on_page) -> None:
        q = self._current_query()
        self.context.runner.submit(talents.search_talents, key="talents.page", query=q, offset=offset,
                                   limit=self.model.page_size, with_total=False,
                                   on_done=lambda page: on_page(page.rows, self.model.total))
