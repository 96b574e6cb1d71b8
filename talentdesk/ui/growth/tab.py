"""成长轨迹: each talent's drawn timeline, the annual training plan, promotion readiness, retention figures and the
watch list. Each page reads through the services in the background and refreshes when growth data changes."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget

from talentdesk.ui.common.layouts import column
from talentdesk.ui.common.tab import AppContext, Tab
from talentdesk.ui.growth.analysis_pages import ReadinessPage, RetentionPage, WatchPage
from talentdesk.ui.growth.annual_page import AnnualReportPage
from talentdesk.ui.growth.survival_page import SurvivalPage
from talentdesk.ui.growth.timeline_page import TimelinePage
from talentdesk.ui.growth.training_page import TrainingPage


class GrowthTab(Tab):
    key = "growth"
    interests = frozenset({"growth", "talents", "ledger", "mentors", "care", "settings"})
    open_requested = Signal(str, int)  # table, record id — for records other tabs own

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        self.pages = QTabWidget(self)
        self.timeline = TimelinePage(context, self.pages)
        self.training = TrainingPage(context, self.pages)
        self.readiness = ReadinessPage(context, self.pages)
        self.retention = RetentionPage(context, self.pages)
        self.watch = WatchPage(context, self.pages)
        self.survival = SurvivalPage(context, self.pages)
        self.annual = AnnualReportPage(context, self.pages)
        self.pages.addTab(self.timeline, self.tr("Timeline"))
        self.pages.addTab(self.training, self.tr("Annual training plan"))
        self.pages.addTab(self.readiness, self.tr("Promotion readiness"))
        self.pages.addTab(self.retention, self.tr("Retention"))
        self.pages.addTab(self.watch, self.tr("Watch list"))
        self.pages.addTab(self.survival, self.survival.title())
        self.pages.addTab(self.annual, self.annual.title())
        self.pages.currentChanged.connect(lambda _i: self._refresh_page())
        self._fresh: set[int] = set()
        self.timeline.open_requested.connect(self.open_requested)
        self.watch.open_requested.connect(self.open_requested)
        self.watch.timeline_requested.connect(self.show_timeline)
        self.readiness.timeline_requested.connect(self.show_timeline)
        column(self.pages, parent=self)


    def refresh(self) -> None:
        """Data changed (or first show): every page is stale; the visible one reloads now, the others when shown."""
        self._fresh.clear()
        self._refresh_page()
        self.loaded = True

    def _refresh_page(self) -> None:
        i = self.pages.currentIndex()
        if i in self._fresh:
            return
        self._fresh.add(i)
        page = self.pages.widget(i)
        if page is self.timeline:
            self.timeline.reload()
        else:
            page.refresh()

    def show_timeline(self, talent_id: int) -> None:
        self.pages.setCurrentWidget(self.timeline)
        self.timeline.show_talent(talent_id)

    def open_record(self, table: str, record_id: int) -> bool:
        if table == "growth_events":
            self.pages.setCurrentWidget(self.timeline)
            self.timeline.open_event(record_id)
            return True
        if table == "training_programs":
            self.pages.setCurrentWidget(self.training)
            self.training.select_program(record_id)
            return True
        return False
