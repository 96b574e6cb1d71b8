"""导师结对: the mentor pool with each mentor's load, and the current pairings (overdue check-ins marked)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from talentdesk.services import mentors
from talentdesk.ui.common.formatting import fmt_date
from talentdesk.ui.common.tab import AppContext, Tab
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.widgets import make_table_view


class MentorsTab(Tab):
    interests = frozenset({"mentors", "talents"})

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        warn = QColor("#b00020")
        self.mentor_model = RowTableModel([
            Column(self.tr("Mentor"), lambda r: r.name),
            Column(self.tr("Employer"), lambda r: r.employer_name),
            Column(self.tr("Title"), lambda r: r.title),
            Column(self.tr("Expertise"), lambda r: r.expertise),
            Column(self.tr("Load"), lambda r: f"{r.load}/{r.capacity}", align_right=True,
                   foreground=lambda r: warn if r.load >= r.capacity else None),
        ], self)
        self.pairing_model = RowTableModel([
            Column(self.tr("Mentor"), lambda r: r.mentor_name),
            Column(self.tr("Newcomer"), lambda r: r.talent_name),
            Column(self.tr("Employer"), lambda r: r.employer_name),
            Column(self.tr("Role"), lambda r: r.role_name),
            Column(self.tr("Since"), lambda r: fmt_date(r.start_date)),
            Column(self.tr("Last check-in"), lambda r: fmt_date(r.last_checkin_date),
                   foreground=lambda r: warn if r.overdue else None),
            Column(self.tr("Overdue"), lambda r: self.tr("Yes") if r.overdue else "",
                   foreground=lambda r: warn if r.overdue else None),
        ], self)
        self.overdue_only = QCheckBox(self.tr("Only overdue check-ins"), self)
        self.overdue_only.toggled.connect(lambda _c: self.refresh())
        self.summary = QLabel(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("Mentor pool"), left))
        self.mentor_view = make_table_view(self.mentor_model, left)
        ll.addWidget(self.mentor_view)
        right = QWidget(split)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(QLabel(self.tr("Current pairings"), right))
        self.pairing_view = make_table_view(self.pairing_model, right)
        rl.addWidget(self.pairing_view)
        split.setStretchFactor(1, 2)
        top = QHBoxLayout()
        top.addWidget(self.overdue_only)
        top.addStretch(1)
        top.addWidget(self.summary)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split)

    def title(self) -> str:
        return self.tr("Mentor board")

    def refresh(self) -> None:
        today = dt.date.today()
        self.context.runner.submit(mentors.list_mentors, key="mentors.pool", on_done=self.mentor_model.set_rows)
        self.context.runner.submit(mentors.list_pairings, key="mentors.pairings", overdue_only=self.overdue_only.isChecked(),
                                   today=today, on_done=self._on_pairings)
        self.context.runner.submit(mentors.count_unpaired_active, key="mentors.unpaired", on_done=self._on_unpaired)

    def _on_pairings(self, rows) -> None:
        self.pairing_model.set_rows(rows)
        self.pairing_view.resizeColumnsToContents()
        self._pairings = len(rows)
        self._overdue = sum(1 for r in rows if r.overdue)
        self.loaded = True

    def _on_unpaired(self, n: int) -> None:
        self.summary.setText(self.tr("{n} active talents have no mentor yet").format(n=f"{n:,}"))
