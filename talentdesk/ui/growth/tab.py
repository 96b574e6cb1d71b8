"""成长轨迹: growth events (appraisals, titles, promotions …) and the annual training plan."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from talentdesk.domain import enums as E
from talentdesk.domain.labels import label
from talentdesk.services import growth
from talentdesk.ui.common.formatting import fmt_date
from talentdesk.ui.common.tab import AppContext, Tab
from talentdesk.ui.common.table_model import Column, PagedTableModel, RowTableModel
from talentdesk.ui.common.widgets import make_table_view


class GrowthTab(Tab):
    interests = frozenset({"growth", "talents"})

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        self.sort = ("event_date", True)
        self.events = PagedTableModel([
            Column(self.tr("Date"), lambda r: fmt_date(r.event_date), "event_date"),
            Column(self.tr("Talent"), lambda r: r.talent_name, "talent"),
            Column(self.tr("Event"), lambda r: label(E.GrowthKind, r.kind), "kind"),
            Column(self.tr("Title"), lambda r: r.title, "title"),
            Column(self.tr("Appraisal"), lambda r: label(E.AppraisalGrade, r.appraisal_grade), None),
            Column(self.tr("Detail"), lambda r: r.detail, None),
        ], self._fetch_page, self, page_size=300)
        self.events.sort_requested.connect(self._on_sort)
        self.programs = RowTableModel([
            Column(self.tr("Year"), lambda r: r.year, align_right=True),
            Column(self.tr("Programme"), lambda r: r.name),
            Column(self.tr("Level"), lambda r: r.level),
            Column(self.tr("Category"), lambda r: r.category),
            Column(self.tr("Hours"), lambda r: f"{r.hours:g}", align_right=True),
            Column(self.tr("Starts"), lambda r: fmt_date(r.start_date)),
            Column(self.tr("Enrolled"), lambda r: r.enrolled, align_right=True),
            Column(self.tr("Completed"), lambda r: r.completed, align_right=True),
        ], self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        a = QWidget(split)
        al = QVBoxLayout(a)
        al.setContentsMargins(0, 0, 0, 0)
        al.addWidget(QLabel(self.tr("Growth events"), a))
        self.event_view = make_table_view(self.events, a)
        al.addWidget(self.event_view)
        b = QWidget(split)
        bl = QVBoxLayout(b)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(QLabel(self.tr("Annual training plan"), b))
        self.program_view = make_table_view(self.programs, b)
        bl.addWidget(self.program_view)
        lay = QVBoxLayout(self)
        lay.addWidget(split)

    def title(self) -> str:
        return self.tr("Growth timeline")

    def _on_sort(self, key: str, descending: bool) -> None:
        self.sort = (key, descending)
        self.refresh()

    def refresh(self) -> None:
        key, desc = self.sort
        self.context.runner.submit(growth.list_events, key="growth.events", sort=key, descending=desc, offset=0,
                                   limit=self.events.page_size, on_done=self._on_events)
        self.context.runner.submit(growth.list_programs, key="growth.programs", on_done=self._on_programs)

    def _on_events(self, page) -> None:
        self.events.reset_with(page.rows, page.total)
        self.event_view.resizeColumnsToContents()
        self.loaded = True

    def _on_programs(self, rows) -> None:
        self.programs.set_rows(rows)
        self.program_view.resizeColumnsToContents()

    def _fetch_page(self, offset: int, on_page) -> None:
        key, desc = self.sort
        self.context.runner.submit(growth.list_events, key="growth.page", sort=key, descending=desc, offset=offset,
                                   limit=self.events.page_size, on_done=lambda p: on_page(p.rows, p.total))
