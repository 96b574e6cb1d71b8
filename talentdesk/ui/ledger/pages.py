"""The pages inside the ledger tab. Each page reads through services on the background runner and never holds
ORM objects; writes go through named operations, and every page refreshes when the runner says ledger data changed."""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from talentdesk.services.safety.audit_text import actor_label
from talentdesk.domain import enums as E
from talentdesk.domain.labels import join_clauses, join_list, label, labelled
from talentdesk.domain.values import format_yuan, parse_yuan
from talentdesk.services.base import Call, call
from talentdesk.services.common.reference import list_employers, list_tiers
from talentdesk.services.ledger import budgets, journal, payments, policies
from talentdesk.ui.common.conflict import offer_choice
from talentdesk.ui.common.formatting import fmt_date, fmt_money
from talentdesk.ui.common.progress import run_with_progress
from talentdesk.ui.common.style import error_colour, error_style
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.table_model import Column, PagedTableModel, RowTableModel
from talentdesk.ui.common.widgets import make_table_view
from talentdesk.ui.errors import show_error
from talentdesk.ui.ledger import dialogs
from talentdesk.ui.ledger.pending import notify_if_pending
from talentdesk.ui.common.file_dialogs import save_file_name
from talentdesk.ui.common.layouts import STRETCH, button, column, panel, row, splitter


def selected_rows(view: QTableView, model: RowTableModel) -> list:
    rows = sorted({i.row() for i in view.selectionModel().selectedRows()})
    return [model.row_at(r) for r in rows if r < len(model.rows)]


def multi_select(view: QTableView) -> None:
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)


def today() -> dt.date:
    return dt.date.today()


class Page(QWidget):
    """A page of the ledger tab: `refresh()` submits its reads; `open_talent` asks for a talent's statement."""

    open_talent = Signal(int)

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.loaded = False

    def refresh(self) -> None:
        raise NotImplementedError

    def run_batch(self, work: Call, title: str, on_done: Callable) -> None:
        """Run a batch operation in the background behind a progress dialog whose Cancel rolls it back."""
        self._batch = run_with_progress(self, self.context.runner, title, work, on_done=on_done)

    def report_batch(self, title: str, result: payments.BatchResult) -> None:
        text = self.tr("{n} done.").format(n=len(result.done))
        if result.refused:
            text += "\n" + self.tr("{n} refused:").format(n=len(result.refused))
            text += "\n" + "\n".join(f"· {why}" for _id, why in result.refused[:20])
            if len(result.refused) > 20:
                text += "\n…"
        QMessageBox.information(self, title, text)


# ---------------------------------------------------------------- the ledger itself

class EntriesPage(Page):
    """Every ledger entry, filterable by year, policy, talent, employer, grant status and kind, with totals."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        self.query = journal.EntryQuery()
        self.year = QComboBox(self)
        self.year.addItem(self.tr("All years"), None)
        for y in range(today().year + 1, today().year - 12, -1):
            self.year.addItem(str(y), y)
        self.policy = QComboBox(self)
        self.policy.addItem(self.tr("All policies"), None)
        self.employer = QComboBox(self)
        self.employer.addItem(self.tr("All employers"), None)
        self.employer.setMaximumWidth(220)
        self.status = dialogs.enum_combo(self, E.GrantStatus, any_text=self.tr("Any grant status"))
        self.kind = dialogs.enum_combo(self, E.EntryKind, any_text=self.tr("All kinds"))
        self.talent = QLineEdit(self)
        self.talent.setPlaceholderText(self.tr("Talent: name or pinyin"))
        self.talent.setMaximumWidth(160)
        for box in (self.year, self.policy, self.employer, self.status, self.kind):
            dialogs.compact(box, 6)
            box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.talent.textChanged.connect(lambda _t: self.refresh())
        self.totals = QLabel(self)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        cols = [
            Column(self.tr("No."), lambda r: r.id, "id", align_right=True),
            Column(self.tr("Date"), lambda r: fmt_date(r.entry_date), "entry_date"),
            Column(self.tr("Kind"), lambda r: label(E.EntryKind, r.kind), "kind"),
            Column(self.tr("Talent"), lambda r: r.talent_name, "talent"),
            Column(self.tr("Employer"), lambda r: r.employer_name, None),
            Column(self.tr("Policy"), lambda r: r.policy_name, "policy"),
            Column(self.tr("Instalment"), lambda r: r.instalment_seq or "", None, align_right=True),
            Column(self.tr("Amount"), lambda r: fmt_money(r.amount_fen), "amount", align_right=True,
                   foreground=lambda r: error_colour() if r.amount_fen < 0 else None),
            Column(self.tr("Voucher"), lambda r: r.voucher_no, None),
            Column(self.tr("Reverses"), lambda r: r.reverses_id or "", None, align_right=True),
            Column(self.tr("Memo"), lambda r: r.memo, None),
        ]
        self.model = PagedTableModel(cols, self._fetch_page, self, page_size=300)
        self.model.sort_requested.connect(self._on_sort)
        self.view = make_table_view(self.model, self)
        multi_select(self.view)
        self.view.doubleClicked.connect(self._statement)
        reverse = QPushButton(self.tr("Reverse entry…"), self)
        reverse.clicked.connect(self._reverse)
        statement = QPushButton(self.tr("Talent statement"), self)
        statement.clicked.connect(lambda: self._statement(None))
        self.print_btn = QPushButton(self.tr("Print certificates for selected payments…"), self)
        top = QHBoxLayout()
        for w in (QLabel(self.tr("Year"), self), self.year, self.policy, self.employer, self.talent, self.status,
                  self.kind):
            top.addWidget(w)
        top.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(reverse)
        actions.addWidget(statement)
        actions.addWidget(self.print_btn)
        actions.addStretch(1)
        self.totals.setStyleSheet("font-weight: bold")
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(actions)
        lay.addWidget(self.totals)
        lay.addWidget(self.view)
        self._choices_loaded = False

    def _load_choices(self) -> None:
        self._choices_loaded = True
        self.context.runner.submit(call(policies.list_policies), on_done=self._fill_policies)
        self.context.runner.submit(call(list_employers), on_done=self._fill_employers)

    def _fill_policies(self, rows) -> None:
        self.policy.blockSignals(True)
        for p in rows:
            self.policy.addItem(p.name, p.id)
        self.policy.blockSignals(False)

    def _fill_employers(self, rows) -> None:
        self.employer.blockSignals(True)
        for e in rows:
            self.employer.addItem(e.name, e.id)
        self.employer.blockSignals(False)

    def current_query(self) -> journal.EntryQuery:
        return dataclasses.replace(self.query, year=self.year.currentData(), policy_id=self.policy.currentData(),
                                   employer_id=self.employer.currentData(), grant_status=self.status.currentData(),
                                   kind=self.kind.currentData(), talent_text=self.talent.text())

    def _on_sort(self, key: str, descending: bool) -> None:
        self.query = dataclasses.replace(self.query, sort=key, descending=descending)
        self.refresh()

    def refresh(self) -> None:
        if not self._choices_loaded:
            self._load_choices()
        q = self.current_query()
        self.context.runner.submit(call(journal.list_entries, query=q, offset=0, limit=self.model.page_size), key="ledger.list", on_done=self._on_first_page)
        self.context.runner.submit(call(journal.entry_totals, query=q), key="ledger.totals", on_done=self._on_totals)

    def _on_first_page(self, page) -> None:
        self.model.reset_with(page.rows, page.total)
        self.view.resizeColumnsToContents()
        self.loaded = True

    def _on_totals(self, t: journal.Totals) -> None:
        self.totals.setText(
            self.tr("Due {due} − paid {paid} − clawback {claw} + refunded {refund} + waived or lapsed {waived} "
                    "= balance {bal}").format(
                due=fmt_money(t.due_fen), paid=fmt_money(t.paid_fen), claw=fmt_money(t.clawback_fen),
                refund=fmt_money(t.refund_fen), waived=fmt_money(t.waiver_fen), bal=fmt_money(t.balance_fen)))

    def _fetch_page(self, offset: int, on_page) -> None:
        self.context.runner.submit(call(journal.list_entries, query=self.current_query(), offset=offset, limit=self.model.page_size), key="ledger.page", on_done=lambda page: on_page(page.rows, page.total))

    def selected_payment_ids(self) -> list[int]:
        return [r.id for r in selected_rows(self.view, self.model) if r.kind == "payment"]

    def _statement(self, _index=None) -> None:
        rows = selected_rows(self.view, self.model)
        if rows:
            self.open_talent.emit(rows[0].talent_id)

    def _reverse(self) -> None:
        rows = selected_rows(self.view, self.model)
        if len(rows) != 1:
            QMessageBox.information(self, self.tr("Reverse entry"), self.tr("Select the one entry to reverse."))
            return
        r = rows[0]
        dlg = dialogs.ReasonDialog(
            self.tr("Reverse entry"),
            self.tr("Entry {id}: {kind} {amount} for {talent}. A reversal of the opposite amount is added; the entry "
                    "itself stays in the ledger.").format(id=r.id, kind=label(E.EntryKind, r.kind),
                                                          amount=fmt_money(r.amount_fen), talent=r.talent_name), self)
        if dlg.exec():
            self.context.runner.submit(call(journal.reverse_entry, entry_id=r.id, reason=dlg.reason.text(), on=dlg.on()), on_done=lambda res: notify_if_pending(self, res), on_error=lambda e: show_error(self, e))


# ---------------------------------------------------------------- due this month and overdue

class DuePage(Page):
    """What falls due this month and what is overdue; record payment orders for the selected lines."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)

        def cols():
            return [
                Column(self.tr("Due date"), lambda r: fmt_date(r.due_date)),
                Column(self.tr("Talent"), lambda r: r.talent_name),
                Column(self.tr("Employer"), lambda r: r.employer_name),
                Column(self.tr("Policy"), lambda r: r.policy_name),
                Column(self.tr("Instalment"), lambda r: f"{r.seq}/{r.count}"),
                Column(self.tr("Amount"), lambda r: fmt_money(r.amount_fen), align_right=True),
                Column(self.tr("Payment order"), lambda r: label(E.PaymentStatus, r.payment_status) if r.payment_id
                       else self.tr("Waiting for in-post confirmation") if r.instalment_id in self.waiting
                       else (self.tr("Not yet due") if not r.posted else "")),
            ]
        self.waiting: frozenset[int] = frozenset()
        self.due_model = RowTableModel(cols(), self)
        self.over_model = RowTableModel(cols(), self)
        self.due_view = make_table_view(self.due_model, self)
        self.over_view = make_table_view(self.over_model, self)
        for v in (self.due_view, self.over_view):
            multi_select(v)
        self.due_label = QLabel(self)
        self.over_label = QLabel(self)
        self.over_label.setStyleSheet(error_style(bold=True))
        record = QPushButton(self.tr("Record payment orders for selected"), self)
        record.clicked.connect(self._record)
        self.method = dialogs.enum_combo(self, E.PaymentMethod)
        bar = QHBoxLayout()
        bar.addWidget(record)
        bar.addWidget(self.method)
        bar.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        for lbl, view in ((self.over_label, self.over_view), (self.due_label, self.due_view)):
            box = QWidget(split)
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(lbl)
            lay.addWidget(view)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(split)

    def refresh(self) -> None:
        from talentdesk.services.payments import verification

        _first, last = journal._month_bounds(today())
        self.context.runner.submit(call(verification.pending_instalment_ids, due_by=last), key="ledger.waiting",
                                   on_done=self._waiting)
        self.context.runner.submit(call(journal.due_this_month, as_of=today()), key="ledger.due", on_done=self._due)
        self.context.runner.submit(call(journal.overdue, as_of=today()), key="ledger.overdue", on_done=self._over)

    def _waiting(self, ids: frozenset[int]) -> None:
        """待核验: instalments whose policy asks for the employer's in-post confirmation, not yet recorded."""
        self.waiting = ids
        for model in (self.due_model, self.over_model):
            model.layoutChanged.emit()

    def _due(self, rows) -> None:
        self.due_model.set_rows(rows)
        self.due_label.setText(self.tr("Due this month: {n} instalments, {total}").format(
            n=len(rows), total=fmt_money(sum(r.amount_fen for r in rows))))
        self.due_view.resizeColumnsToContents()
        self.loaded = True

    def _over(self, rows) -> None:
        self.over_model.set_rows(rows)
        self.over_label.setText(self.tr("Overdue: {n} instalments, {total}").format(
            n=len(rows), total=fmt_money(sum(r.amount_fen for r in rows))))
        self.over_view.resizeColumnsToContents()

    def _record(self) -> None:
        rows = selected_rows(self.over_view, self.over_model) + selected_rows(self.due_view, self.due_model)
        ids = [r.instalment_id for r in rows]
        if not ids:
            QMessageBox.information(self, self.tr("Record payment orders"), self.tr("Select the instalments first."))
            return
        self.context.runner.submit(call(payments.record_payments, instalment_ids=ids, method=self.method.currentData()), on_done=lambda res: self.report_batch(self.tr("Record payment orders"), res), on_error=lambda e: show_error(self, e))


# ---------------------------------------------------------------- payment orders

class PaymentsPage(Page):
    """Payment orders through recorded → approved → paid; batch approve, batch mark paid, roster."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        self.status = dialogs.enum_combo(self, E.PaymentStatus, E.PaymentStatus.RECORDED.value,
                                         any_text=self.tr("Any status"))
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        cols = [
            Column(self.tr("No."), lambda r: r.id, align_right=True),
            Column(self.tr("Status"), lambda r: label(E.PaymentStatus, r.status)),
            Column(self.tr("Talent"), lambda r: r.talent_name),
            Column(self.tr("Employer"), lambda r: r.employer_name),
            Column(self.tr("Policy"), lambda r: r.policy_name),
            Column(self.tr("Instalment"), lambda r: f"{r.instalment_seq or 1}/{r.instalment_count}"),
            Column(self.tr("Amount"), lambda r: fmt_money(r.amount_fen), align_right=True),
            Column(self.tr("Recorded by"), lambda r: actor_label(r.recorded_by or "")),
            Column(self.tr("Approved by"), lambda r: actor_label(r.approved_by or "")),
            Column(self.tr("Voucher"), lambda r: r.voucher_no),
            Column(self.tr("Paid on"), lambda r: fmt_date(r.pay_date)),
        ]
        self.model = RowTableModel(cols, self)
        self.view = make_table_view(self.model, self)
        multi_select(self.view)
        self.summary = QLabel(self)
        buttons = []
        for text, slot in ((self.tr("Approve selected"), self._approve),
                           (self.tr("Mark selected paid…"), self._pay),
                           (self.tr("Withdraw order…"), self._withdraw),
                           (self.tr("Payment roster…"), self._roster)):
            b = QPushButton(text, self)
            b.clicked.connect(slot)
            buttons.append(b)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Status"), self))
        bar.addWidget(self.status)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        actions = QHBoxLayout()
        for b in buttons:
            actions.addWidget(b)
        actions.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addLayout(actions)
        lay.addWidget(self.view)

    def refresh(self) -> None:
        self.context.runner.submit(call(payments.list_payments, status=self.status.currentData(), limit=5000), key="ledger.payments", on_done=self._rows)

    def _rows(self, rows) -> None:
        self.model.set_rows(rows)
        self.summary.setText(self.tr("{n} orders, {total}").format(n=len(rows), total=fmt_money(
            sum(r.amount_fen for r in rows))))
        self.view.resizeColumnsToContents()
        self.loaded = True

    def _selected(self, title: str) -> list:
        rows = selected_rows(self.view, self.model)
        if not rows:
            QMessageBox.information(self, title, self.tr("Select the payment orders first."))
        return rows

    def _approve(self) -> None:
        title = self.tr("Approve payment orders")
        rows = self._selected(title)
        if rows:
            self.run_batch(call(payments.approve_payments, payment_ids=[r.id for r in rows]), title,
                           lambda r: self.report_batch(title, r))

    def _pay(self) -> None:
        title = self.tr("Mark paid")
        rows = self._selected(title)
        if not rows:
            return
        dlg = dialogs.MarkPaidDialog(self.context, [r.id for r in rows], sum(r.amount_fen for r in rows), self)
        if dlg.exec():
            self.run_batch(call(payments.mark_paid, payment_ids=[r.id for r in rows], **dlg.values()), title,
                           lambda r: self.report_batch(title, r))

    def _withdraw(self) -> None:
        title = self.tr("Withdraw payment order")
        rows = self._selected(title)
        if len(rows) != 1:
            return
        dlg = dialogs.ReasonDialog(title, self.tr("Withdraw payment order {id} ({talent}, {amount})?").format(
            id=rows[0].id, talent=rows[0].talent_name, amount=fmt_money(rows[0].amount_fen)), self, with_date=False)
        if dlg.exec():
            self.context.runner.submit(call(payments.cancel_payment, payment_id=rows[0].id, reason=dlg.reason.text()), on_error=lambda e: show_error(self, e))

    def _roster(self) -> None:
        title = self.tr("Payment roster")
        rows = self._selected(title)
        if not rows:
            return
        path, _ = save_file_name(self, title, self.tr("payment-roster.xlsx"),
                                              self.tr("Excel workbook (*.xlsx);;PDF (*.pdf)"))
        if not path:
            return
        self.context.runner.submit(call(payments.export_roster, payment_ids=[r.id for r in rows], out_path=path), on_done=lambda n: QMessageBox.information(self, title, self.tr("{n} lines written to {path}.").format(
                n=n, path=path)), on_error=lambda e: show_error(self, e))


# ---------------------------------------------------------------- one talent's statement

class StatementPage(Page):
    """Every entry of one talent with the running balance; obligations with refund and waiver actions."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        self.picker = dialogs.TalentPicker(context, self)
        self.picker.choice.currentIndexChanged.connect(lambda _i: self.show_talent(self.picker.talent_id()))
        self.talent_id: int | None = None
        self.header = QLabel(self)
        self.header.setStyleSheet("font-size: 14px; font-weight: bold")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        cols = [
            Column(self.tr("Date"), lambda r: fmt_date(r.entry_date)),
            Column(self.tr("No."), lambda r: r.entry_id, align_right=True),
            Column(self.tr("Kind"), lambda r: label(E.EntryKind, r.kind) + (self.tr(" (reversed)") if r.reversed
                                                                             else "")),
            Column(self.tr("Policy"), lambda r: r.policy_name),
            Column(self.tr("Instalment"), lambda r: r.instalment_seq or "", align_right=True),
            Column(self.tr("Amount"), lambda r: fmt_money(r.amount_fen), align_right=True,
                   foreground=lambda r: error_colour() if r.amount_fen < 0 else None),
            Column(self.tr("Balance"), lambda r: fmt_money(r.balance_fen), align_right=True,
                   foreground=lambda r: error_colour() if r.balance_fen < 0 else None),
            Column(self.tr("Voucher"), lambda r: r.voucher_no),
            Column(self.tr("Memo"), lambda r: r.memo),
        ]
        self.model = RowTableModel(cols, self)
        self.view = make_table_view(self.model, self, sortable=False)
        ocols = [
            Column(self.tr("Policy"), lambda r: r.policy_name),
            Column(self.tr("Rule"), lambda r: label(E.ClawbackRule, r.clawback_rule)),
            Column(self.tr("Owed"), lambda r: fmt_money(r.owed_fen), align_right=True),
            Column(self.tr("Refunded"), lambda r: fmt_money(r.refunded_fen), align_right=True),
            Column(self.tr("Waived"), lambda r: fmt_money(r.waived_fen), align_right=True),
            Column(self.tr("Still owed"), lambda r: fmt_money(r.open_fen), align_right=True,
                   foreground=lambda r: error_colour() if r.open_fen else None),
        ]
        self.obl_model = RowTableModel(ocols, self)
        self.obl_view = make_table_view(self.obl_model, self, sortable=False)
        self.obl_view.setMaximumHeight(130)
        refund = QPushButton(self.tr("Record refund…"), self)
        refund.clicked.connect(self._refund)
        waive = QPushButton(self.tr("Waive…"), self)
        waive.clicked.connect(self._waive)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Talent"), self))
        top.addWidget(self.picker, 1)
        obl_bar = QHBoxLayout()
        obl_bar.addWidget(QLabel(self.tr("Clawback obligations"), self))
        obl_bar.addStretch(1)
        obl_bar.addWidget(refund)
        obl_bar.addWidget(waive)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.header)
        lay.addWidget(self.summary)
        lay.addWidget(self.view, 1)
        lay.addLayout(obl_bar)
        lay.addWidget(self.obl_view)

    def show_talent(self, talent_id: int | None) -> None:
        self.talent_id = talent_id
        self.refresh()

    def refresh(self) -> None:
        if self.talent_id is None:
            self.loaded = True
            return
        self.context.runner.submit(call(journal.talent_statement, talent_id=self.talent_id), key="ledger.statement", on_done=self._statement)
        self.context.runner.submit(call(payments.obligations, talent_id=self.talent_id, open_only=False), key="ledger.obligations", on_done=self.obl_model.set_rows)

    def _statement(self, st: journal.Statement) -> None:
        self.header.setText(self.tr("{name} · {employer} · {status}").format(
            name=st.talent_name, employer=st.employer_name, status=label(E.TalentStatus, st.status)))
        self.summary.setText(self.tr(
            "Fallen due {due} − paid {paid} − clawback {claw} + refunded {refund} + waived or lapsed {waived} = "
            "balance {bal} (positive: the county owes the talent; negative: the talent owes the county) · still "
            "owed back {open}"
        ).format(due=fmt_money(st.due_fen), paid=fmt_money(st.paid_fen), claw=fmt_money(st.clawback_fen),
                 refund=fmt_money(st.refund_fen), waived=fmt_money(st.waiver_fen), bal=fmt_money(st.balance_fen),
                 open=fmt_money(st.obligation_open_fen)))
        self.model.set_rows(st.lines)
        self.view.resizeColumnsToContents()
        self.view.scrollToBottom()
        self.loaded = True

    def _obligation(self):
        rows = selected_rows(self.obl_view, self.obl_model) or [r for r in self.obl_model.rows if r.open_fen]
        if not rows:
            QMessageBox.information(self, self.tr("Clawback"), self.tr("Nothing is owed back."))
            return None
        return rows[0]

    def _refund(self) -> None:
        o = self._obligation()
        if o is None:
            return
        dlg = dialogs.ReasonDialog(self.tr("Record refund"), self.tr("{policy}: {open} still owed.").format(
            policy=o.policy_name, open=fmt_money(o.open_fen)), self, amount=o.open_fen, with_amount=True,
            reason_required=False)
        if dlg.exec():
            self.context.runner.submit(call(payments.record_refund, grant_id=o.grant_id, amount_fen=dlg.amount_fen(), on=dlg.on(), memo=dlg.reason.text()), on_error=lambda e: show_error(self, e))

    def _waive(self) -> None:
        o = self._obligation()
        if o is None:
            return
        dlg = dialogs.ReasonDialog(self.tr("Waive obligation"), self.tr(
            "{policy}: {open} still owed. A waiver needs the reason (official transfer, illness …).").format(
            policy=o.policy_name, open=fmt_money(o.open_fen)), self, amount=o.open_fen, with_amount=True)
        if dlg.exec():
            self.context.runner.submit(call(payments.waive_obligation, grant_id=o.grant_id, amount_fen=dlg.amount_fen(), on=dlg.on(), reason=dlg.reason.text()), on_done=lambda res: notify_if_pending(self, res), on_error=lambda e: show_error(self, e))


# ---------------------------------------------------------------- policies and grants

class PoliciesPage(Page):
    """The office's policies; edit them, and grant one to a talent (with the grants of the chosen policy)."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        cols = [
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Kind"), lambda r: label(E.PolicyKind, r.kind)),
            Column(self.tr("Document No."), lambda r: r.doc_number),
            Column(self.tr("Level"), lambda r: label(E.PolicyLevel, r.level)),
            Column(self.tr("Instalments"), lambda r: f"{label(E.InstalmentMode, r.instalment_mode)} × {r.instalment_count}"),
            Column(self.tr("Clawback"), lambda r: label(E.ClawbackRule, r.clawback_rule)),
            Column(self.tr("Service (years)"), lambda r: r.service_years or "", align_right=True),
            Column(self.tr("Amounts"), lambda r: join_clauses(self._amount_text(a) for a in r.amounts)),
            Column(self.tr("Excludes"), lambda r: join_list(self._names.get(i, str(i)) for i in r.excludes)),
            Column(self.tr("Grants"), lambda r: r.grant_count, align_right=True),
            Column(self.tr("In use"), lambda r: self.tr("yes") if r.active else self.tr("no")),
        ]
        self._names: dict[int, str] = {}
        self.model = RowTableModel(cols, self)
        self.view = make_table_view(self.model, self)
        self.view.doubleClicked.connect(lambda _i: self._edit())
        gcols = [
            Column(self.tr("Talent"), lambda r: r.talent_name),
            Column(self.tr("Approved total"), lambda r: fmt_money(r.approved_total_fen), align_right=True),
            Column(self.tr("Paid"), lambda r: fmt_money(r.paid_fen), align_right=True),
            Column(self.tr("Balance"), lambda r: fmt_money(r.balance_fen), align_right=True),
            Column(self.tr("Status"), lambda r: label(E.GrantStatus, r.status)),
            Column(self.tr("Reason"), lambda r: r.status_reason),
            Column(self.tr("Schedule"), lambda r: ", ".join(f"{i.due_date:%Y-%m} {format_yuan(i.amount_fen)}"
                                                            for i in r.schedule)),
        ]
        self.grants = RowTableModel(gcols, self)
        self.grant_view = make_table_view(self.grants, self)
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._load_grants())
        bar = row(*(button(text, self, slot) for text, slot in (
            (self.tr("New policy…"), self._new), (self.tr("Edit policy…"), self._edit),
            (self.tr("Grant to a talent…"), self._grant))), STRETCH)
        gbar = row(QLabel(self.tr("Grants under the selected policy"), self), STRETCH, *(
            button(text, self, slot) for text, slot in ((self.tr("Suspend…"), self._suspend),
                                                        (self.tr("Resume"), self._resume),
                                                        (self.tr("Terminate…"), self._terminate))))
        column(bar, splitter(Qt.Orientation.Vertical, self, self.view, panel(self, gbar, self.grant_view)),
               parent=self)
        self.tiers: list = []

    def _amount_text(self, a) -> str:
        """One amount rule as the clerk reads it: 青年人才·硕士研究生：¥30,000.00; 'all tiers' for a rule without one."""
        names = {t.code: t.display for t in self.tiers}
        tier = names.get(a.tier_code, a.tier_code) if a.tier_code else self.tr("all tiers")
        education = label(E.Education, a.education) if a.education else self.tr("all education levels")
        return labelled(f"{tier} · {education}", format_yuan(a.amount_fen))

    def _tiers_loaded(self, tiers) -> None:
        self.tiers = tiers
        rows, cols = self.model.rowCount(), self.model.columnCount()
        if rows and cols:  # the amounts name the tiers: redraw the cells
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(rows - 1, cols - 1))

    def refresh(self) -> None:
        self.context.runner.submit(call(list_tiers), on_done=self._tiers_loaded)
        self.context.runner.submit(call(policies.list_policies), key="ledger.policies", on_done=self._rows)

    def _rows(self, rows) -> None:
        self._names = {p.id: p.name for p in rows}
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.loaded = True
        self._load_grants()

    def _current(self):
        idx = self.view.currentIndex()
        return self.model.row_at(idx.row()) if idx.isValid() and idx.row() < len(self.model.rows) else None

    def _load_grants(self) -> None:
        p = self._current()
        if p is None:
            self.grants.set_rows([])
            return
        from talentdesk.services.ledger import grants
        self.context.runner.submit(call(grants.list_grants, policy_id=p.id, limit=500), key="ledger.grants", on_done=self.grants.set_rows)

    def _new(self) -> None:
        dialogs.PolicyDialog(self.context, self.tiers, list(self.model.rows), None, self).exec()

    def _edit(self) -> None:
        p = self._current()
        if p is not None:
            dialogs.PolicyDialog(self.context, self.tiers, list(self.model.rows), p, self).exec()

    def _grant(self) -> None:
        p = self._current()
        dialogs.GrantDialog(self.context, list(self.model.rows), p.id if p else None, self).exec()

    def _grant_row(self):
        idx = self.grant_view.currentIndex()
        return self.grants.row_at(idx.row()) if idx.isValid() and idx.row() < len(self.grants.rows) else None

    def _suspend(self) -> None:
        self._grant_action("suspend_grant", self.tr("Suspend grant"))

    def _terminate(self) -> None:
        self._grant_action("terminate_grant", self.tr("Terminate grant"))

    def _resume(self) -> None:
        from talentdesk.services.ledger import grants
        g = self._grant_row()
        if g is not None:
            self.context.runner.submit(call(grants.resume_grant, grant_id=g.id), on_done=lambda res: notify_if_pending(self, res), on_error=lambda e: show_error(self, e))

    def _grant_action(self, name: str, title: str) -> None:
        from talentdesk.services.ledger import grants
        g = self._grant_row()
        if g is None:
            QMessageBox.information(self, title, self.tr("Select a grant first."))
            return
        dlg = dialogs.ReasonDialog(title, self.tr("{policy} for {talent}").format(policy=g.policy_name,
                                                                                   talent=g.talent_name),
                                   self, with_date=False)
        if dlg.exec():
            self.context.runner.submit(call(getattr(grants, name), grant_id=g.id, reason=dlg.reason.text()), on_done=lambda res: notify_if_pending(self, res), on_error=lambda e: show_error(self, e))


# ---------------------------------------------------------------- budgets

class BudgetsPage(Page):
    """Budgeted, committed, paid and remaining per kind for a fiscal year; the three-year forecast."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(today().year)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        cols = [
            Column(self.tr("Kind"), lambda r: label(E.PolicyKind, r.policy_kind) if r.policy_kind else self.tr("Total")),
            Column(self.tr("Budgeted"), lambda r: fmt_money(r.budgeted_fen), align_right=True),
            Column(self.tr("Committed (scheduled)"), lambda r: fmt_money(r.committed_fen), align_right=True),
            Column(self.tr("Paid"), lambda r: fmt_money(r.paid_fen), align_right=True),
            Column(self.tr("Remaining (budget − paid)"), lambda r: fmt_money(r.remaining_fen), align_right=True,
                   foreground=lambda r: error_colour() if r.remaining_fen < 0 else None),
            Column(self.tr("Still free to promise"), lambda r: fmt_money(r.uncommitted_fen), align_right=True,
                   foreground=lambda r: error_colour() if r.uncommitted_fen < 0 else None),
            Column(self.tr("Notes"), lambda r: r.notes),
        ]
        self.model = RowTableModel(cols, self)
        self.view = make_table_view(self.model, self, sortable=False)
        self.kind = dialogs.enum_combo(self, E.PolicyKind)
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(self.tr("Budget (yuan)"))
        self.amount.setMaximumWidth(160)
        save = QPushButton(self.tr("Set budget"), self)
        save.clicked.connect(self._save)
        self.forecast_title = QLabel(self)
        self.forecast_title.setStyleSheet("font-weight: bold")
        self.fmodel = RowTableModel([], self)
        self.fview = make_table_view(self.fmodel, self, sortable=False)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Fiscal year"), self))
        bar.addWidget(self.year)
        bar.addSpacing(30)
        bar.addWidget(self.kind)
        bar.addWidget(self.amount)
        bar.addWidget(save)
        bar.addStretch(1)
        lay = QVBoxLayout(self)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(error_style(bold=True))
        self.warning.hide()
        lay.addLayout(bar)
        lay.addWidget(self.warning)
        lay.addWidget(self.view, 2)
        lay.addWidget(self.forecast_title)
        lay.addWidget(self.fview, 1)

    def refresh(self) -> None:
        self.context.runner.submit(call(budgets.budget_report, fiscal_year=self.year.value()), key="ledger.budget", on_done=self._report)
        self.context.runner.submit(call(budgets.forecast, as_of=today()), key="ledger.forecast", on_done=self._forecast)

    def _report(self, rep: budgets.BudgetReport) -> None:
        total = budgets.BudgetLine(rep.fiscal_year, "", rep.budgeted_fen, rep.committed_fen, rep.paid_fen,
                                   rep.remaining_fen, "", sum(x.uncommitted_fen for x in rep.lines))
        self.model.set_rows(list(rep.lines) + [total])
        self.warning.setText("\n".join("⚠ " + w for w in rep.warnings))
        self.warning.setVisible(bool(rep.warnings))
        self.view.resizeColumnsToContents()
        self.loaded = True

    def _forecast(self, fc: budgets.Forecast) -> None:
        self.forecast_title.setText(self.tr("Already owed under current grants in the coming three years "
                                            "(as of {date})").format(date=fc.as_of.isoformat()))
        cols = [Column(self.tr("Kind"), lambda r: r[0])]
        for i, y in enumerate(fc.years):
            cols.append(Column(str(y), lambda r, i=i: fmt_money(r[1][i]), align_right=True))
        cols.append(Column(self.tr("Three years"), lambda r: fmt_money(sum(r[1])), align_right=True))
        rows = [(label(E.PolicyKind, k), v) for k, v in fc.by_kind.items()] + [(self.tr("Total"), fc.totals)]
        self.fmodel.beginResetModel()
        self.fmodel.columns = cols
        self.fmodel.rows = rows
        self.fmodel.endResetModel()
        self.fview.resizeColumnsToContents()

    def _save(self) -> None:
        try:
            fen = parse_yuan(self.amount.text(), allow_zero=True)
        except Exception as exc:  # noqa: BLE001 - ValidationError carries the message
            show_error(self, exc)
            return
        year, kind = self.year.value(), self.kind.currentData()
        shown = next((r for r in self.model.rows if r.fiscal_year == year and r.policy_kind == kind), None)
        if shown is None and any(r.fiscal_year == year for r in self.model.rows):
            shown = budgets.BudgetLine(year, kind, 0, 0, 0, 0, "")  # the year is shown, with no budget of this kind
        loaded = {"amount_fen": shown.budgeted_fen} if shown is not None else None
        self._set_budget(year, kind, fen, shown.version if shown is not None else None, loaded)

    def _set_budget(self, year: int, kind: str, fen: int, version: int | None, loaded: dict | None) -> None:
        """Saved against the budget this page shows; one another clerk saved since shows both amounts to choose."""
        def failed(exc: BaseException) -> None:
            if not offer_choice(self, exc, mine={"amount_fen": fen}, loaded=loaded,
                                resave=lambda chosen, now: self._set_budget(year, kind, chosen["amount_fen"], now,
                                                                            loaded)):
                show_error(self, exc)

        self.context.runner.submit(call(budgets.set_budget, fiscal_year=year, policy_kind=kind, amount_fen=fen,
                                        expected_version=version), on_error=failed)


__all__ = ["EntriesPage", "DuePage", "PaymentsPage", "StatementPage", "PoliciesPage", "BudgetsPage"]
