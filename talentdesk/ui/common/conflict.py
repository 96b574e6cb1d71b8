"""Two clerks saved the same record: show both versions, field by field, and let this clerk choose.

Nothing is overwritten silently: the other clerk's save stands until this clerk, seeing both values, chooses to keep
their own for a field; the result is saved against the version now stored (a third save meanwhile is a new
conflict)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QDialogButtonBox, QGridLayout, QLabel, QRadioButton, QScrollArea, QVBoxLayout, QWidget,
)

from talentdesk.domain.errors import EditConflict
from talentdesk.ui.common.screen import fit_to_screen


def _text(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


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
            mine = QRadioButton(_text(conflict.mine[field]), grid_host)
            theirs = QRadioButton(_text(conflict.theirs.get(field)), grid_host)
            group = QButtonGroup(grid_host)
            group.addButton(mine)
            group.addButton(theirs)
            (mine if field in changed_here else theirs).setChecked(True)
            grid.addWidget(QLabel(conflict.labels.get(field, field)), row, 0)
            grid.addWidget(mine, row, 1)
            grid.addWidget(theirs, row, 2)
            self.keep_mine[field] = mine
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        note = QLabel(self.tr("Fields you changed start on your value, the others on theirs. Nothing is saved until "
                              "you press Save."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save the chosen values"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(scroll, 1)
        lay.addWidget(note)
        lay.addWidget(buttons)

    def chosen(self) -> dict:
        """The value to save for each differing field: mine where chosen, theirs elsewhere."""
        return {f: (self.conflict.mine[f] if button.isChecked() else self.conflict.theirs.get(f))
                for f, button in self.keep_mine.items()}
