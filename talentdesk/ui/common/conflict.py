"""Two clerks saved the same record: show both versions, field by field, and let this clerk choose.

Nothing is overwritten silently: the other clerk's save stands until this clerk, seeing both values, chooses to keep
their own for a field; the result is saved against the version now stored (a third save meanwhile is a new
conflict)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QDialogButtonBox, QGridLayout, QLabel, QRadioButton, QScrollArea, QVBoxLayout, QWidget,
)

from talentdesk.domain.errors import EditConflict
from talentdesk.services.base import form_fields
from talentdesk.services.safety.audit_text import field_label, value_text
from talentdesk.ui.common.layouts import dialog_buttons
from talentdesk.ui.common.screen import fit_to_screen


def _text(table: str, field: str, value) -> str:
    """A value as the clerk reads it: codes by their names, fen as yuan (as the audit trail shows them)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = form_fields(value)
    elif isinstance(value, (list, tuple)):
        value = [form_fields(v) if dataclasses.is_dataclass(v) and not isinstance(v, type) else v for v in value]
    return value_text(table, field, value)


class ConflictDialog(QDialog):
    """Mine and theirs side by side; a choice per field. `chosen()` gives {field: value} to save."""

    def __init__(self, conflict: EditConflict, *, changed_here: set[str] = frozenset(), parent=None):
        super().__init__(parent)
        self.conflict = conflict
        self.setWindowTitle(self.tr("Someone else saved this record"))
        fit_to_screen(self, 720, 420)
        intro = QLabel(conflict.message, self)
        intro.setWordWrap(True)
        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.addWidget(QLabel(self.tr("<b>Field</b>")), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Mine (not saved)</b>")), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Theirs (saved)</b>")), 0, 2)
        self.keep_mine: dict[str, QRadioButton] = {}
        for row, field in enumerate(conflict.mine, start=1):
            mine = QRadioButton(self._shown(field, conflict.mine[field]), grid_host)
            theirs = QRadioButton(self._shown(field, conflict.theirs.get(field)), grid_host)
            group = QButtonGroup(grid_host)
            group.addButton(mine)
            group.addButton(theirs)
            (mine if field in changed_here else theirs).setChecked(True)
            grid.addWidget(QLabel(conflict.labels.get(field) or field_label(conflict.table, field)), row, 0)
            grid.addWidget(mine, row, 1)
            grid.addWidget(theirs, row, 2)
            self.keep_mine[field] = mine
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        note = QLabel(self.tr("Fields you changed start on your value, the others on theirs. Nothing is saved until "
                              "you press Save."), self)
        note.setWordWrap(True)
        buttons = dialog_buttons(self, self.accept, ok_text=self.tr("Save the chosen values"),
                                 cancel_text=self.tr("Cancel"), ok=QDialogButtonBox.StandardButton.Save)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(scroll, 1)
        lay.addWidget(note)
        lay.addWidget(buttons)

    def _shown(self, field: str, value) -> str:
        named = self.conflict.names.get(field, {})
        if isinstance(value, (list, tuple)) and named:
            value = [named.get(v, v) for v in value]
        elif not isinstance(value, (list, dict)) and value in named:
            return named[value]
        return _text(self.conflict.table, field, value)

    def chosen(self) -> dict:
        """The value to save for each differing field: mine where chosen, theirs elsewhere."""
        return {f: (self.conflict.mine[f] if button.isChecked() else self.conflict.theirs.get(f))
                for f, button in self.keep_mine.items()}


@dataclasses.dataclass
class OpenRecord:
    """The record a form shows: its id (None: a new one, not saved yet), the version its save is checked against
    (a save after another clerk's meets an EditConflict), and its values as loaded (offer_choice's `loaded`)."""

    id: int | None = None
    version: int | None = None
    loaded: dict = dataclasses.field(default_factory=dict)

    def show(self, record_id: int, version: int, loaded: dict) -> None:
        """The form now shows this stored record, with these values."""
        self.id, self.version, self.loaded = record_id, version, loaded

    def start_new(self, *inputs) -> None:
        """The form now holds a new record, its inputs emptied: nothing stored to check a save against."""
        self.id = self.version = None
        for w in inputs:
            w.clear()


def offer_choice(parent, exc: BaseException, *, mine: Any, loaded: Any = None,
                 resave: Callable[[Any, int], None], on_cancel: Callable[[], None] | None = None) -> bool:
    """The one way every editor answers a save that met a newer version: when `exc` is an EditConflict with both
    versions, show them (ConflictDialog) and, on Save, call `resave(values, version)` with this clerk's `mine` (a
    mapping or an input dataclass) carrying the chosen values, against the version now stored. `loaded` is what the
    editor showed when opened (fields changed since start on "mine"). Returns False for any other error (the caller
    shows it as before), True when the conflict was answered (saved again, or cancelled: nothing saved, the form
    keeps the clerk's values)."""
    if not isinstance(exc, EditConflict) or not exc.mine or exc.theirs_version is None:
        return False
    mine_values = form_fields(mine)
    loaded_values = form_fields(loaded) if loaded is not None else {}
    changed_here = {f for f in exc.mine if loaded is None or mine_values.get(f) != loaded_values.get(f)}
    dialog = ConflictDialog(exc, changed_here=changed_here, parent=parent)
    parent.conflict_dialog = dialog  # tests and the self-test reach it here
    if dialog.exec() != QDialog.DialogCode.Accepted:
        if on_cancel is not None:
            on_cancel()
        return True
    chosen = dialog.chosen()
    values = dataclasses.replace(mine, **chosen) if dataclasses.is_dataclass(mine) else {**mine_values, **chosen}
    resave(values, exc.theirs_version)
    return True
