"""What every tab shares: the app context, refresh on the data kinds it cares about, lazy refresh when hidden."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from talentdesk.services.base import Actor, Database
from talentdesk.ui.runner import Runner


@dataclass
class AppContext:
    database: Database
    runner: Runner
    actor: Actor
    settings: QSettings


class Tab(QWidget):
    """Base of every tab. Subclasses set `interests` and implement `refresh()` (which submits background reads)."""

    interests: frozenset[str] = frozenset()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self._stale = True
        self.loaded = False  # becomes True when the first rows have arrived (self-test and benchmark wait on it)

    def title(self) -> str:
        raise NotImplementedError

    def on_data_changed(self, kinds: frozenset[str]) -> None:
        if kinds & self.interests:
            self._stale = True
            if self.isVisible():
                self.refresh_if_stale()

    def refresh_if_stale(self) -> None:
        if self._stale:
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
