"""补贴台账: ledger entries filtered by year and kind, with totals."""
from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout

from talentdesk.domain import enums as E
from talentdesk.domain.labels import choices, label
from talentdesk.services import ledger
from talentdesk.ui.common.formatting import fmt_date, fmt_money
from talentdesk.ui.common.tab import AppContext, Tab
from talentdesk.ui.common.table_model import Column, PagedTableModel
from talentdesk.ui.common.widgets import make_table_view


class LedgerTab(Tab):
    interests = frozenset({"ledger", "talents"})

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        self.query = ledger.EntryQuery()
        self.year = QComboBox(self)
        self.year.addItem(self.tr("All years"), None)
        this_year = dt.date.today().year
        for y in range(this_year + 1, this_year - 12, -1):
            self.year.addItem(str(y), y)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("All kinds"), None)
        for code, text in choices(E.EntryKind):
            self.kind.addItem(text, code)
        self.totals = QLabel(self)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        red = QColor("#b00020")
        cols = [
            Column(self.tr("No."), lambda r: r.id, "id", align_right=True),
            Column(self.tr("Date"), lambda r: fmt_date(r.entry_date), "entry_date"),
            Column(self.tr("Kind"), lambda r: label(E.EntryKind, r.kind), "kind"),
            Column(self.tr("Talent"), lambda r: r.talent_name, "talent"),
            Column(self.tr("Employer"), lambda r: r.employer_name, None),
            Column(self.tr("Policy"), lambda r: r.policy_name, "policy"),
            Column(self.tr("Instalment"), lambda r: r.instalment_seq or "", None, align_right=True),
            Column(self.tr("Amount"), lambda r: fmt_money(r.amount_fen), "amount", align_right=True,
                   foreground=lambda r: red if r.amount_fen < 0 else None),
            Column(self.tr("Voucher"), lambda r: r.voucher_no, None),
            Column(self.tr("Memo"), lambda r: r.memo, None),
        ]
        self.model = PagedTableModel(cols, self._fetch_page, self, page_size=300)
        self.model.sort_requested.connect(self._on_sort)
        self.view = make_table_view(self.model, self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year"), self))
        top.addWidget(self.year)
        top.addWidget(QLabel(self.tr("Kind"), self))
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(self.totals)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.view)

    def title(self) -> str:
        return self.tr("Subsidy ledger")

    def _current_query(self) -> ledger.EntryQuery:
        return dataclasses.replace(self.query, year=self.year.currentData(), kind=self.kind.currentData())

    def _on_sort(self, key: str, descending: bool) -> None:
        self.query = dataclasses.replace(self.query, sort=key, descending=descending)
        self.refresh()

    def refresh(self) -> None:
        q = self._current_query()
        self.context.runner.submit(ledger.list_entries, key="ledger.list", query=q, offset=0,
                                   limit=self.model.page_size, on_done=self._on_first_page)
        self.context.runner.submit(ledger.entry_totals, key="ledger.totals", query=q, on_done=self._on_totals)

    def _on_first_page(self, page) -> None:
        self.model.reset_with(page.rows, page.total)
        self.view.resizeColumnsToContents()
        self.loaded = True

    def _on_totals(self, t: ledger.Totals) -> None:
        self.totals.setText(
            self.tr("Due {due} · Paid {paid} · Clawback {claw} · Refunded {refund} · Balance {bal}").format(
                due=fmt_money(t.due_fen), paid=fmt_money(t.paid_fen), claw=fmt_money(t.clawback_fen),
                refund=fmt_money(t.refund_fen), bal=fmt_money(t.balance_fen))
        )

    def _fetch_page(self, offset: int, on_page) -> None:
        self.context.runner.submit(ledger.list_entries, key="ledger.page", query=self._current_query(),
                                   offset=offset, limit=self.model.page_size,
                                   on_done=lambda page: on_page(page.rows, page.total))
