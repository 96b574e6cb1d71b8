"""Small shared widgets."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


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
