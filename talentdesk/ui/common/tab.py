"""What every tab shares: the app context, refresh on the data kinds it cares about, lazy refresh when hidden."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QWidget

from talentdesk.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the window's frame and first tab are built before the services load (issue 18)
    from talentdesk.services.base import Actor, Database
    from talentdesk.ui.runner import Runner

# the main window's tabs in order, with their titles (the tab bar shows them before the tabs themselves are built)
TAB_TITLES = {
    "overview": QT_TRANSLATE_NOOP("Tab", "Overview"),
    "talents": QT_TRANSLATE_NOOP("Tab", "Talents"),
    "ledger": QT_TRANSLATE_NOOP("Tab", "Subsidy ledger"),
    "mentors": QT_TRANSLATE_NOOP("Tab", "Mentor board"),
    "growth": QT_TRANSLATE_NOOP("Tab", "Growth timeline"),
}


def tab_title(key: str) -> str:
    return QCoreApplication.translate("Tab", TAB_TITLES[key])


@dataclass
class AppContext:
    database: Database
    runner: Runner
    actor: Actor
    settings: QSettings


class Tab(QWidget):
    """Base of every tab. Subclasses set `interests` and implement `refresh()` (which submits background reads)."""

    interests: frozenset[str] = frozenset()
    key: str = ""  # its entry in TAB_TITLES

    def __init__(self, context: AppContext | None, parent: QWidget | None = None):
        """`context` is None for a tab built before the services have loaded (the overview, showing its first rows
        early): it refreshes once the main window `attach`es the context."""
        super().__init__(parent)
        self.context = context
        self._stale = True
        self.loaded = False  # becomes True when the first rows have arrived (self-test and benchmark wait on it)

    def title(self) -> str:
        return tab_title(self.key)

    def attach(self, context: AppContext) -> None:
        """The services have loaded: a tab built before them reads its rows from now on."""
        self.context = context
        if self.isVisible():
            self.refresh_if_stale()

    def on_data_changed(self, kinds: frozenset[str]) -> None:
        if kinds & self.interests:
            self._stale = True
            if self.isVisible():
                self.refresh_if_stale()

    def refresh_if_stale(self) -> None:
        if self._stale and self.context is not None:
            self._stale = False
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh_if_stale()

    def refresh(self) -> None:
        raise NotImplementedError

    def open_record(self, table: str, record_id: int) -> bool:
        """Show a record of `table` if this tab owns it; True when handled."""
        return False
