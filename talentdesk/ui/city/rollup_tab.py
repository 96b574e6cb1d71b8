"""The city's tab (city accounts only): the roll-up per county and for the city — talents in post and left,
retention, money and mentoring — and the people paid by two or more counties.

Reading it is an audited export of personal data (services/city/rollup.py), so it is read when the tab is first shown
and when "Refresh" is pressed, not on every change elsewhere.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from talentdesk.services.base import call
from talentdesk.services.city import rollup
from talentdesk.ui.common.formatting import fmt_money, fmt_percent
from talentdesk.ui.common.tab import AppContext, Tab
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.widgets import make_table_view


class CityTab(Tab):
    interests: frozenset[str] = frozenset()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.result: rollup.Rollup | None = None
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(refresh)

        def county(f: rollup.Figures) -> str:
            return f"{f.code} {f.name}" if f.code else self.tr("City total")

        self.model = RowTableModel([
            Column(self.tr("County"), county),
            Column(self.tr("In post"), lambda f: f.in_post, align_right=True),
            Column(self.tr("Left"), lambda f: f.left, align_right=True),
            Column(self.tr("Retention"), lambda f: fmt_percent(f.retention), align_right=True),
            Column(self.tr("Granted"), lambda f: fmt_money(f.granted_fen), align_right=True),
            Column(self.tr("Fallen due"), lambda f: fmt_money(f.due_fen), align_right=True),
            Column(self.tr("Paid"), lambda f: fmt_money(f.paid_fen), align_right=True),
            Column(self.tr("Still owed"), lambda f: fmt_money(f.owed_fen), align_right=True),
            Column(self.tr("Owed back"), lambda f: fmt_money(f.clawback_fen), align_right=True),
            Column(self.tr("Paid back"), lambda f: fmt_money(f.refund_fen), align_right=True),
            Column(self.tr("Current pairings"), lambda f: f.pairings_current, align_right=True),
            Column(self.tr("Check-ins, 12 months"), lambda f: f.checkins_done, align_right=True),
            Column(self.tr("Check-ins overdue"), lambda f: f.checkins_overdue, align_right=True),
        ], self)
        self.view = make_table_view(self.model, self, size_from_rows=50)
        self.cross_title = QLabel(self)
        self.cross_title.setWordWrap(True)
        self.cross_model = RowTableModel([
            Column(self.tr("ID number"), lambda p: p.id_number),
            Column(self.tr("Name on file"), lambda p: p.names),
            Column(self.tr("Counties that paid"),
                   lambda p: "；".join(f"{c.code} {c.name} {fmt_money(c.paid_fen)}" for c in p.counties)),
            Column(self.tr("Paid in all"), lambda p: fmt_money(p.paid_fen), align_right=True),
        ], self)
        self.cross_view = make_table_view(self.cross_model, self, size_from_rows=50)
        lower = QWidget(self)
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.cross_title)
        ll.addWidget(self.cross_view, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(lower)
        split.setSizes([300, 300])
        self.status = QLabel(self)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        lay.addWidget(self.status)

    def title(self) -> str:
        return self.tr("City")

    def refresh(self) -> None:
        self.status.setText(self.tr("Reading every county's figures…"))
        self.context.runner.submit(call(rollup.city_rollup, as_of=dt.date.today()), key="city.rollup",
                                   on_done=self._on_rollup, on_error=self._failed)

    def _on_rollup(self, result: rollup.Rollup) -> None:
        self.result = result
        self.heading.setText(self.tr("Roll-up of {n} counties as of {date}. Money in yuan; retention = in post ÷ "
                                     "(in post + left).").format(n=len(result.counties),
                                                                 date=result.as_of.isoformat()))
        self.model.set_rows([*result.counties, result.total])
        self.view.resizeColumnsToContents()
        if result.cross_paid:
            self.cross_title.setText(self.tr(
                "{n} people are paid by two or more counties (the same ID number on file in each). Check that "
                "no subsidy is paid twice.").format(n=len(result.cross_paid)))
        else:
            self.cross_title.setText(self.tr("Nobody is paid by two or more counties."))
        self.cross_model.set_rows(list(result.cross_paid))
        self.cross_view.resizeColumnsToContents()
        self.status.setText(self.tr("Names and ID numbers are masked for your role.") if result.masked else "")
        self.loaded = True

    def _failed(self, exc: BaseException) -> None:
        from talentdesk.ui.errors import show_error

        show_error(self, exc, clear=self.status)
