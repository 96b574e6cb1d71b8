"""Small shared widgets."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QGridLayout, QHeaderView, QLabel, QTableView, QWidget

from talentdesk.domain.errors import ValidationError
from talentdesk.ui.common.style import error_style


def make_table_view(model, parent=None, *, sortable: bool = True, size_from_rows: int | None = None) -> QTableView:
    """A read-only table of rows. `size_from_rows`: size the columns from the first N rows only, so lists of tens
    of thousands of rows (the watch list at 100,000 talents) appear without stalling the window."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    # no sort indicator yet: enabling sorting must not re-sort (or re-query) rows already in their natural order
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(sortable)
    view.verticalHeader().setDefaultSectionSize(24)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSortIndicatorShown(sortable)
    if size_from_rows is not None:
        view.horizontalHeader().setResizeContentsPrecision(size_from_rows)
    return view


def error_label(parent: QWidget | None = None) -> QLabel:
    """A word-wrapped line in the error colour, where a dialog or panel says what to correct."""
    label = QLabel(parent)
    label.setStyleSheet(error_style())
    label.setWordWrap(True)
    return label


def reselect(view: QTableView, index) -> None:
    """Put view's selection and current row back on index (no row when index is invalid) without telling anyone:
    the clerk chose to stay on the row with unsaved changes."""
    sm = view.selectionModel()
    sm.blockSignals(True)
    if index.isValid():
        view.selectRow(index.row())
        sm.setCurrentIndex(index, sm.SelectionFlag.NoUpdate)
    else:
        view.clearSelection()
    sm.blockSignals(False)


def choice_box(parent: QWidget | None, first: str, items=(), *, first_data=None) -> QComboBox:
    """A combo box offering `first` (e.g. "All tiers", its data first_data) and then the (text, data) items."""
    combo = QComboBox(parent)
    combo.addItem(first, first_data)
    for text, data in items:
        combo.addItem(text, data)
    return combo


def read_or_say(read, message):
    """read() — or None, with the refusal's message put on the label `message`, when the input it reads is refused
    (ValidationError): a dialog stays open with its input and says what to correct."""
    try:
        return read()
    except ValidationError as exc:
        message.setText(exc.message)
        return None


def refill_combo(combo: QComboBox, items, *, keep: int = 1) -> None:
    """Put items ((text, data) pairs) after the first `keep` entries of combo (e.g. "any employer"), in place of the
    ones there; the entry chosen stays chosen when its data is still there, else the first; no change is signalled."""
    current = combo.currentData()
    was_blocked = combo.blockSignals(True)
    while combo.count() > keep:
        combo.removeItem(keep)
    for text, data in items:
        combo.addItem(text, data)
    i = combo.findData(current)
    combo.setCurrentIndex(i if i >= 0 else 0)
    combo.blockSignals(was_blocked)


COMBO_CHROME = 44  # a combo box's frame, padding and drop-down arrow beside its text


class FilterRow(QWidget):
    """Filter boxes side by side while their whole text fits, otherwise on two (or more) rows — never cut to
    "All employe" on a small screen."""

    def __init__(self, widgets, parent=None):
        super().__init__(parent)
        self.items = list(widgets)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.columns = 0
        self._arrange(len(self.items))
        for w in self.items:
            if isinstance(w, QComboBox):
                w.currentTextChanged.connect(lambda _t: self._arrange(self.columns_for(self.width())))

    def _needed(self) -> int:
        """The width one box needs to show its "All …" text and its present choice whole."""
        out = 0
        for w in self.items:
            if isinstance(w, QComboBox):
                texts = [w.itemText(0), w.currentText()] if w.count() else [""]
                out = max(out, max(w.fontMetrics().horizontalAdvance(t) for t in texts) + COMBO_CHROME)
            else:
                out = max(out, w.sizeHint().width())
        return out

    def columns_for(self, width: int) -> int:
        spacing = max(self.grid.horizontalSpacing(), 0)
        fit = (width + spacing) // max(1, self._needed() + spacing)
        n = len(self.items)
        fit = max(1, min(n, fit))
        rows = -(-n // fit)
        return -(-n // rows)  # as even as possible: 6 boxes in 2 rows of 3, not 5 + 1

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for w in self.items:
            self.grid.removeWidget(w)
        for c in range(len(self.items)):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)
        for i, w in enumerate(self.items):
            self.grid.addWidget(w, i // columns, i % columns)

    def minimumSizeHint(self):  # noqa: N802 - a narrow window stacks the boxes instead of growing
        hint = super().minimumSizeHint()
        hint.setWidth(self._needed())
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._arrange(self.columns_for(event.size().width()))
        super().resizeEvent(event)
