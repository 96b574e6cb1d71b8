"""首页: what needs attention today. Double-click an item to open its record in its tab (the tab owning the
record's table handles `open_record`); "Open talent" opens the person instead."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from talentdesk.services.growth import attention as overview  # the vocabulary only: no SQLAlchemy (issue 18)
from talentdesk.ui.common.formatting import fmt_date
from talentdesk.ui.common.tab import AppContext, Tab
from talentdesk.ui.common.table_model import ROW_ROLE, Column, RowTableModel
from talentdesk.ui.common.widgets import make_table_view


class OverviewTab(Tab):
    key = "overview"
    interests = frozenset({"talents", "ledger", "mentors", "growth"})
    open_requested = Signal(str, int)  # table, record id

    def __init__(self, context: AppContext | None, parent=None):
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
        self._generation = 0
        self._pending: set[str] = set()
        self._by_category: dict[str, list] = {}
        self.complete = False  # every category has arrived (`loaded`: the first rows have)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.view)


    def refresh(self) -> None:
        """One background call per category, the index-served ones first: the first rows show at once and the
        slower categories (outstanding dues, the entitlement sweep) join the list as they arrive."""
        from talentdesk.services.base import call
        from talentdesk.services.growth.overview import attention_items

        generation = self._start_generation()
        today = dt.date.today()
        for c in overview.LOAD_ORDER:
            self.context.runner.submit(
                call(attention_items, today=today, categories=(c,)), key=f"overview.{c}",
                on_done=lambda items, c=c: self._on_items(generation, c, items))

    def show_early(self, first: list) -> None:
        """The first category's rows read before the services loaded (services/early.py); the full refresh that
        follows once the window has its context replaces them category by category."""
        self._on_items(self._start_generation(), "service_end", first)

    def _start_generation(self) -> int:
        self._generation += 1
        self._pending = set(overview.LOAD_ORDER)
        self._by_category = {}
        self.complete = False
        return self._generation

    def _on_items(self, generation: int, category: str, items) -> None:
        if generation != self._generation:
            return  # an older refresh's answer
        self._pending.discard(category)
        self._by_category[category] = list(items)
        self.items = [i for c in overview.CATEGORIES for i in self._by_category.get(c, ())]
        self._filter()
        cap = overview.PER_CATEGORY
        parts = []
        for k in overview.CATEGORIES:
            if k in self._by_category:
                n = len(self._by_category[k])
                parts.append(f"{overview.category_label(k)}: {n}{'+' if n >= cap else ''}")
            else:
                parts.append(f"{overview.category_label(k)}: …")
        self.counts.setText("    ".join(parts))
        if self.items or not self._pending:
            self.loaded = True  # the first rows are on screen
        self.complete = not self._pending

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
