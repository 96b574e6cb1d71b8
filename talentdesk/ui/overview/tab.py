"""首页: what needs attention today. Double-click an item to open its record in its tab (the tab owning the
record's table handles `open_record`); "Open talent" opens the person instead."""
from __future__ import annotations

import datetime as dt
from collections import Counter

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from talentdesk.services.growth import overview
from talentdesk.ui.common.formatting import fmt_date
from talentdesk.ui.common.tab import AppContext, Tab
from talentdesk.ui.common.table_model import ROW_ROLE, Column, RowTableModel
from talentdesk.ui.common.widgets import make_table_view
from talentdesk.services.base import call


class OverviewTab(Tab):
    interests = frozenset({"talents", "ledger", "mentors", "growth"})
    open_requested = Signal(str, int)  # table, record id

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        self.model = RowTableModel([
            Column(self.tr("Needs attention"), lambda r: overview.category_label(r.category)),
            Column(self.tr("Talent"), lambda r: r.talent_name),
            Column(self.tr("Date"), lambda r: fmt_date(r.date)),
            Column(self.tr("Detail"), lambda r: r.detail),
        ], self)
        self.view = make_table_view(self.model, self, size_from_rows=50)
        self.view.doubleClicked.connect(self._open)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.category = QComboBox(self)
        self.category.addItem(self.tr("Everything"), None)
        for c in overview.CATEGORIES:
            self.category.addItem(overview.category_label(c), c)
        self.category.currentIndexChanged.connect(lambda _i: self._filter())
        talent_btn = QPushButton(self.tr("Open talent"), self)
        talent_btn.clicked.connect(self._open_talent)
        head = QHBoxLayout()
        head.addWidget(self.counts, 1)
        head.addWidget(self.category)
        head.addWidget(talent_btn)
        self.items: list = []
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.view)

    def title(self) -> str:
        return self.tr("Overview")

    def refresh(self) -> None:
        self.context.runner.submit(call(overview.attention_items, today=dt.date.today()), key="overview", on_done=self._on_items)

    def _on_items(self, items) -> None:
        self.items = list(items)
        self._filter()
        c = Counter(i.category for i in items)
        cap = overview.PER_CATEGORY
        self.counts.setText("    ".join(
            f"{overview.category_label(k)}: {c.get(k, 0)}{'+' if c.get(k, 0) >= cap else ''}" for k in overview.CATEGORIES))
        self.loaded = True

    def _filter(self) -> None:
        want = self.category.currentData()
        self.model.set_rows([i for i in self.items if want is None or i.category == want])
        self.view.resizeColumnsToContents()

    def _open(self, index) -> None:
        """One click (double-click) from the item to its record: the instalment, pairing, care case or talent."""
        row = self.model.data(index, ROW_ROLE)
        if row is not None:
            self.open_requested.emit(row.record_table, row.record_id)

    def _open_talent(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.open_requested.emit("talents", self.model.row_at(rows[0].row()).talent_id)
