"""Dumb table models: they are handed plain rows and know how to show them. Unit-testable without a window."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column:
    """One column: its header (already translated), how to show a row, and the server-side sort key (or None)."""

    title: str
    value: Callable[[Any], Any]
    sort_key: str | None = None
    align_right: bool = False
    foreground: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None


class RowTableModel(QAbstractTableModel):
    """A table over a list of frozen rows. Sorting is local unless `sort_requested` is connected (server-side)."""

    sort_requested = Signal(str, bool)  # sort key, descending

    def __init__(self, columns: Sequence[Column], parent=None, *, server_sort: bool = False):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.server_sort = server_sort

    # ------------------------------------------------------------ data in
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: Sequence[Any]) -> None:
        if not rows:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def row_at(self, index: int) -> Any:
        return self.rows[index]

    # ------------------------------------------------------------ Qt API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            v = col.value(row)
            return "" if v is None else str(v)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col.foreground:
            return col.foreground(row)
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip:
            return col.tooltip(row)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        col = self.columns[column]
        if self.server_sort:
            if col.sort_key:
                self.sort_requested.emit(col.sort_key, descending)
            return

        def key(r):
            v = col.value(r)
            return (v is None, v if not isinstance(v, str) else v)

        self.layoutAboutToBeChanged.emit()
        try:
            self.rows.sort(key=key, reverse=descending)
        except TypeError:
            self.rows.sort(key=lambda r: str(col.value(r)), reverse=descending)
        self.layoutChanged.emit()


class PagedTableModel(RowTableModel):
    """Rows arrive a page at a time: Qt asks `canFetchMore`/`fetchMore` as the user scrolls, and the page is
    fetched in the background by `fetch_page(offset, on_page)`; never are all rows turned into items."""

    def __init__(self, columns: Sequence[Column], fetch_page: Callable[[int, Callable[[list, int], None]], None],
                 parent=None, *, page_size: int = 200):
        super().__init__(columns, parent, server_sort=True)
        self.fetch_page = fetch_page
        self.page_size = page_size
        self.total = 0
        self._loading = False
        self._generation = 0

    def reset_with(self, rows: Sequence[Any], total: int) -> None:
        self._generation += 1
        self.total = total
        self._loading = False
        self.set_rows(rows)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._loading and len(self.rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        self._loading = True
        gen = self._generation

        def on_page(rows: list, total: int) -> None:
            if gen != self._generation:
                return
            self._loading = False
            self.total = total
            self.append_rows(rows)

        self.fetch_page(len(self.rows), on_page)
