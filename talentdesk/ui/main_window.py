"""The main window: overview plus the four tabs, menus, status bar; geometry remembered in QSettings.

Built in two steps so that it can be painted before the services load (issue 18): `MainWindow(settings, where=…)`
is the frame — tab bar, menus, status bar, geometry — with the tab in front built if it is the overview (its
rows can come from the early read, services/early.py); `attach(context)` once the database is open builds the
rest: the tab in front first, then the others one per turn of the event loop (or at once), each also as soon as
it is shown or asked for (`window.talents`, `window.all_tabs`)."""
from __future__ import annotations

import importlib

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from talentdesk.ui.common.tab import TAB_TITLES, AppContext, Tab, tab_title
from talentdesk.ui.help import install_help, show_about
from talentdesk.ui.common.screen import fit_to_screen, in_scroll_area

# tab key -> (module, class); imported when the tab is built (a tab's module loads the services it uses)
TAB_CLASSES = {
    "overview": ("talentdesk.ui.overview.tab", "OverviewTab"),
    "talents": ("talentdesk.ui.talents.tab", "TalentsTab"),
    "ledger": ("talentdesk.ui.ledger.tab", "LedgerTab"),
    "mentors": ("talentdesk.ui.mentors.tab", "MentorsTab"),
    "growth": ("talentdesk.ui.growth.tab", "GrowthTab"),
}
TAB_KEYS = tuple(TAB_TITLES)
EARLY_TABS = frozenset({"overview"})  # light enough to build in the frame, before the services load


class _NotBuilt(QWidget):
    """Holds a tab's place in the tab bar until the tab is built."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        text = QLabel(self.tr("Opening…"), self)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(text)


def _tab_property(key: str) -> property:
    """`window.talents` and the like: the tab of that key, built when first asked for."""
    return property(lambda window: window._tab(key), doc=f"The {key} tab, built when first asked for.")


class MainWindow(QMainWindow):
    attached = Signal()  # the services are in: every tab can be built, menus work

    def __init__(self, settings: QSettings, *, where: str):
        super().__init__()
        self.settings = settings
        self.context: AppContext | None = None
        self.closed = False  # closed by its user (start-up may still be checking the database behind it)
        self.setWindowTitle(self.tr("TalentDesk — talent work office"))
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self._built: dict[str, Tab] = {}
        self.city = None  # a city account's roll-up tab (ui/city/rollup_tab.py), added after the others on `attach`
        self._steps = QTimer(self)  # builds the remaining tabs one per turn of the event loop after `attach`
        self._steps.setInterval(0)
        self._steps.timeout.connect(self._build_next)
        for key in TAB_KEYS:
            self.tabs.addTab(_NotBuilt(self.tabs), tab_title(key))
        # on a small screen the tabs scroll instead of pushing the window's bottom under the taskbar
        self.setCentralWidget(in_scroll_area(self.tabs, self))
        self._build_menus()
        self.busy = QLabel(self)
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().showMessage(self.tr("Database: {path}").format(path=where))
        self._restore_geometry()
        if self.current_key() in EARLY_TABS:
            self._tab(self.current_key())
        self.tabs.currentChanged.connect(self._current_changed)

    # ------------------------------------------------------------------ the tabs, built when needed

    overview = _tab_property("overview")
    talents = _tab_property("talents")
    ledger = _tab_property("ledger")
    mentors = _tab_property("mentors")
    growth = _tab_property("growth")

    def current_key(self) -> str:
        index = max(self.tabs.currentIndex(), 0)
        return TAB_KEYS[index] if index < len(TAB_KEYS) else "city"

    @property
    def all_tabs(self) -> list[Tab]:
        return [self._tab(key) for key in TAB_KEYS] + ([self.city] if self.city is not None else [])

    def _tab(self, key: str) -> Tab:
        if key == "city":
            return self.city
        tab = self._built.get(key)
        if tab is None:
            if self.context is None and key not in EARLY_TABS:
                raise RuntimeError(f"the {key} tab needs the database: the window is not attached yet")
            module, name = TAB_CLASSES[key]
            tab = getattr(importlib.import_module(module), name)(self.context, self)
            self._built[key] = tab
            self._put_in_place(key, tab)
            if self.context is not None:
                self._connect(tab)
        return tab

    def _put_in_place(self, key: str, tab: Tab) -> None:
        index, current = TAB_KEYS.index(key), self.tabs.currentIndex()
        holder = self.tabs.widget(index)
        self.tabs.blockSignals(True)  # the tab in front stays in front; nobody is told of a change
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, tab.title())
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(False)
        holder.deleteLater()

    def _connect(self, tab: Tab) -> None:
        self.context.runner.data_changed.connect(tab.on_data_changed)
        if hasattr(tab, "open_requested"):
            tab.open_requested.connect(self.open_record)

    def _current_changed(self, _index: int) -> None:
        if self.context is not None:
            self._tab(self.current_key())

    def _build_next(self) -> None:
        missing = [key for key in TAB_KEYS if key not in self._built]
        if not missing:
            self._steps.stop()
            return
        self._tab(missing[0])

    def attach(self, context: AppContext, *, staged: bool = False) -> None:
        """The database is open: give the tabs their context, build the tab in front (and the others, at once or
        one per turn of the event loop when `staged`), switch on what needs the database."""
        self.context = context
        where = str(context.database.path or context.database.engine.url)
        self.statusBar().showMessage(self.tr("Database: {path}").format(path=where))
        context.runner.busy_changed.connect(lambda b: self.busy.setText(self.tr("Working…") if b else ""))
        for tab in self._built.values():
            self._connect(tab)
            tab.attach(context)
        for action in self._needs_database:
            action.setEnabled(True)
        if context.actor.city and self.city is None:  # a city account: the roll-up of every county
            from talentdesk.ui.city.rollup_tab import CityTab

            self.city = CityTab(context, self)
            self.tabs.addTab(self.city, self.city.title())
            self._connect(self.city)
        self._tab(self.current_key())
        if staged:
            self._steps.start()
        else:
            self.all_tabs
        self.attached.emit()

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
        self._needs_database = [movein_action, settings_action]
        for action in self._needs_database:
            action.setEnabled(False)
        quit_action = QAction(self.tr("E&xit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.file_menu = file_menu
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for i, key in enumerate(TAB_KEYS):
            act = QAction(tab_title(key), self)
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _c=False, i=i: self.tabs.setCurrentIndex(i))
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
        geo = self.settings.value("main/geometry")
        if isinstance(geo, (QByteArray, bytes)) and self.restoreGeometry(QByteArray(geo)):
            state = self.settings.value("main/state")
            if isinstance(state, (QByteArray, bytes)):
                self.restoreState(QByteArray(state))
        else:
            fit_to_screen(self, 1280, 800)
        idx = self.settings.value("main/tab", 0)
        try:
            self.tabs.setCurrentIndex(int(idx))
        except (TypeError, ValueError):
            pass

    def closeEvent(self, event) -> None:  # noqa: N802
        self.settings.setValue("main/geometry", self.saveGeometry())
        self.settings.setValue("main/state", self.saveState())
        self.settings.setValue("main/tab", self.tabs.currentIndex())
        self.settings.sync()
        self.closed = True
        super().closeEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)
