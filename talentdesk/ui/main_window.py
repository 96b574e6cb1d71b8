"""The main window: overview plus the four tabs, menus, status bar; geometry remembered in QSettings."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget

from talentdesk.ui.common.tab import AppContext, Tab
from talentdesk.ui.growth.tab import GrowthTab
from talentdesk.ui.help import install_help, show_about
from talentdesk.ui.ledger.tab import LedgerTab
from talentdesk.ui.mentors.tab import MentorsTab
from talentdesk.ui.overview.tab import OverviewTab
from talentdesk.ui.talents.tab import TalentsTab
from talentdesk.ui.common.screen import fit_to_screen, in_scroll_area


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext):
        super().__init__()
        self.context = context
        self.setWindowTitle(self.tr("TalentDesk — talent work office"))
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.overview = OverviewTab(context, self)
        self.talents = TalentsTab(context, self)
        self.ledger = LedgerTab(context, self)
        self.mentors = MentorsTab(context, self)
        self.growth = GrowthTab(context, self)
        self.all_tabs: list[Tab] = [self.overview, self.talents, self.ledger, self.mentors, self.growth]
        self.city = None
        if context.actor.city:  # a city account: the roll-up of every county (ui/city/rollup_tab.py)
            from talentdesk.ui.city.rollup_tab import CityTab

            self.city = CityTab(context, self)
            self.all_tabs.append(self.city)
        for tab in self.all_tabs:
            self.tabs.addTab(tab, tab.title())
            context.runner.data_changed.connect(tab.on_data_changed)
        # on a small screen the tabs scroll instead of pushing the window's bottom under the taskbar
        self.setCentralWidget(in_scroll_area(self.tabs, self))
        self.overview.open_requested.connect(self.open_record)
        self.growth.open_requested.connect(self.open_record)
        self._build_menus()
        self.busy = QLabel(self)
        self.statusBar().addPermanentWidget(self.busy)
        where = str(context.database.path or context.database.engine.url)
        self.statusBar().showMessage(self.tr("Database: {path}").format(path=where))
        context.runner.busy_changed.connect(lambda b: self.busy.setText(self.tr("Working…") if b else ""))
        self._restore_geometry()

    def open_movein(self):
        """Policies → talents → payments → pairings → care: templates and imports in order (ui/wizard/movein)."""
        from talentdesk.ui.wizard.movein import open_guide

        return open_guide(self)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        movein_action = QAction(self.tr("&Moving in the office's Excel files…"), self)
        movein_action.triggered.connect(self.open_movein)
        file_menu.addAction(movein_action)
        settings_action = QAction(self.tr("&Settings…"), self)
        settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        settings_action.triggered.connect(self.show_settings)
        file_menu.addAction(settings_action)
        file_menu.addSeparator()
        self.settings_action = settings_action
        quit_action = QAction(self.tr("E&xit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.file_menu = file_menu
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for i, tab in enumerate(self.all_tabs):
            act = QAction(tab.title(), self)
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _c=False, t=tab: self.tabs.setCurrentWidget(t))
            view_menu.addAction(act)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About TalentDesk"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        self.help_menu = help_menu
        install_help(self)  # the user guide (F1), ui/help

    def show_settings(self):
        from talentdesk.ui.common.settings_dialog import SettingsDialog

        dlg = SettingsDialog(self.context, self)
        dlg.open()
        self.settings_dialog = dlg
        return dlg

    def show_about(self) -> None:
        show_about(self)

    def open_record(self, table: str, record_id: int) -> None:
        for tab in self.all_tabs:
            if tab.open_record(table, record_id):
                self.tabs.setCurrentWidget(tab)
                return
        # no tab opened the record itself: at least show the tab that owns its table
        owner = {"talents": self.talents, "care_cases": self.talents, "instalments": self.ledger,
                 "ledger_entries": self.ledger, "pairings": self.mentors}.get(table)
        if owner is not None:
            self.tabs.setCurrentWidget(owner)

    def _restore_geometry(self) -> None:
        geo = self.context.settings.value("main/geometry")
        if isinstance(geo, (QByteArray, bytes)) and self.restoreGeometry(QByteArray(geo)):
            state = self.context.settings.value("main/state")
            if isinstance(state, (QByteArray, bytes)):
                self.restoreState(QByteArray(state))
        else:
            fit_to_screen(self, 1280, 800)
        idx = self.context.settings.value("main/tab", 0)
        try:
            self.tabs.setCurrentIndex(int(idx))
        except (TypeError, ValueError):
            pass

    def closeEvent(self, event) -> None:  # noqa: N802
        self.context.settings.setValue("main/geometry", self.saveGeometry())
        self.context.settings.setValue("main/state", self.saveState())
        self.context.settings.setValue("main/tab", self.tabs.currentIndex())
        self.context.settings.sync()
        super().closeEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)
