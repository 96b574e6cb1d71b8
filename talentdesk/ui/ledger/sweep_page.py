"""免申即享 — the entitlement sweep: who qualifies for a policy and holds no grant of it, with the rules that matched
and the materials still missing; one action drafts the grants; another person approves or rejects the drafts."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
)

from talentdesk.domain import enums as E
from talentdesk.domain.labels import label
from talentdesk.domain.parsing import parse_date_value
from talentdesk.services.base import Permission, call
from talentdesk.services.ledger import eligibility
from talentdesk.ui.errors import say_error
from talentdesk.ui.common.formatting import fmt_date, fmt_money
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.table_model import ROW_ROLE, Column, RowTableModel
from talentdesk.ui.common.widgets import error_label, make_table_view, read_or_say, refill_combo
from talentdesk.ui.ledger.pages import Page
from talentdesk.ui.common.layouts import button, column, dialog_buttons, panel, row, splitter

MISSING = QColor("#b03a2e")


class RulesDialog(QDialog):
    """A policy's eligibility conditions and materials checklist."""

    def __init__(self, context: AppContext, policy_id: int, policy_name: str, rules: eligibility.Rules, parent=None):
        super().__init__(parent)
        self.context = context
        self.policy_id = policy_id
        self.setWindowTitle(self.tr("Eligibility and materials — {policy}").format(policy=policy_name))
        self.arrival_from = QLineEdit(rules.arrival_from.isoformat() if rules.arrival_from else "")
        self.arrival_to = QLineEdit(rules.arrival_to.isoformat() if rules.arrival_to else "")
        for w in (self.arrival_from, self.arrival_to):
            w.setPlaceholderText(self.tr("yyyy-mm-dd, empty for no limit"))
        self.employer_kinds = QLineEdit("，".join(rules.employer_kinds))
        self.employer_kinds.setPlaceholderText(self.tr("e.g. 医院，学校 — empty for every employer"))
        self.modes = {}
        modes_row = QHBoxLayout()
        for code in E.values(E.IntroMode):
            box = QCheckBox(label(E.IntroMode, code))
            box.setChecked(code in rules.intro_modes)
            self.modes[code] = box
            modes_row.addWidget(box)
        self.min_age, self.max_age, self.years = QSpinBox(), QSpinBox(), QSpinBox()
        for spin, value, top in ((self.min_age, rules.min_age, 80), (self.max_age, rules.max_age, 80),
                                 (self.years, rules.min_service_years, 50)):
            spin.setRange(0, top)
            spin.setSpecialValueText(self.tr("no limit"))
            spin.setValue(value or 0)
        self.materials = {}
        mat_row = QHBoxLayout()
        for kind in eligibility.MATERIAL_KINDS:
            box = QCheckBox(eligibility.material_label(kind))
            box.setChecked(kind in rules.materials)
            self.materials[kind] = box
            mat_row.addWidget(box)
        self.block = QCheckBox(self.tr("Missing materials block approval"))
        self.block.setChecked(rules.materials_block)
        form = QFormLayout()
        form.addRow(self.tr("Arrived on or after"), self.arrival_from)
        form.addRow(self.tr("Arrived on or before"), self.arrival_to)
        form.addRow(self.tr("Employer kinds"), self.employer_kinds)
        form.addRow(self.tr("Introduction mode (none ticked: any)"), modes_row)
        form.addRow(self.tr("Lowest age at arrival"), self.min_age)
        form.addRow(self.tr("Highest age at arrival"), self.max_age)
        form.addRow(self.tr("Service commitment signed, at least (years)"), self.years)
        form.addRow(self.tr("Materials (申报材料)"), mat_row)
        form.addRow("", self.block)
        self.message = error_label()
        buttons = dialog_buttons(self, self._save, ok=QDialogButtonBox.StandardButton.Save)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(buttons)

    def rules(self) -> eligibility.Rules:
        def spin(s: QSpinBox):
            return s.value() or None

        kinds = tuple(k.strip() for k in self.employer_kinds.text().replace("，", ",").split(",") if k.strip())
        return eligibility.Rules(
            arrival_from=parse_date_value(self.arrival_from.text(), field="arrival_from"),
            arrival_to=parse_date_value(self.arrival_to.text(), field="arrival_to"),
            employer_kinds=kinds, intro_modes=tuple(c for c, b in self.modes.items() if b.isChecked()),
            min_age=spin(self.min_age), max_age=spin(self.max_age), min_service_years=spin(self.years),
            materials=tuple(k for k, b in self.materials.items() if b.isChecked()),
            materials_block=self.block.isChecked())

    def _save(self) -> None:
        rules = read_or_say(self.rules, self.message)
        if rules is not None:
            self.context.runner.submit(call(eligibility.save_rules, policy_id=self.policy_id, rules=rules),
                                       on_done=lambda _r: self.accept(), on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        say_error(self, exc, self.message)


class SweepPage(Page):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        self.result: eligibility.SweepResult | None = None
        self.policy = QComboBox(self)
        self.policy.addItem(self.tr("Every policy in force"), None)
        self.policy.currentIndexChanged.connect(lambda _i: self._show())
        self.draft_btn = button(self.tr("Draft grants for the talents listed"), self, self.draft_all)
        self.draft_btn.setEnabled(context.actor.can(Permission.LEDGER_RECORD))
        top = row(QLabel(self.tr("Policy"), self), (self.policy, 1),
                  button(self.tr("Eligibility and materials…"), self, self.edit_rules), self.draft_btn)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)

        def missing_colour(r):
            return MISSING if r.missing else None

        self.model = RowTableModel([
            Column(self.tr("Policy"), lambda r: r.policy_name),
            Column(self.tr("Talent"), lambda r: r.talent_name),
            Column(self.tr("Employer"), lambda r: r.employer_name),
            Column(self.tr("Amount"), lambda r: fmt_money(r.amount_fen), align_right=True),
            Column(self.tr("From"), lambda r: fmt_date(r.start_date)),
            Column(self.tr("Rules that matched"), lambda r: r.matched_text),
            Column(self.tr("Materials missing"), lambda r: r.missing_text or self.tr("none"),
                   foreground=missing_colour),
        ], self)
        self.view = make_table_view(self.model, self, size_from_rows=50)
        self.view.doubleClicked.connect(self._open)
        self.drafts = RowTableModel([
            Column(self.tr("Draft"), lambda r: r.id, align_right=True),
            Column(self.tr("Talent"), lambda r: r.talent_name),
            Column(self.tr("Policy"), lambda r: r.policy_name),
            Column(self.tr("Amount"), lambda r: fmt_money(r.amount_fen), align_right=True),
            Column(self.tr("From"), lambda r: fmt_date(r.start_date)),
            Column(self.tr("Materials missing"), lambda r: (r.missing_text + (self.tr(" (blocks approval)")
                                                                            if r.blocks else "")) or self.tr("none"),
                   foreground=lambda r: MISSING if r.blocks else None),
            Column(self.tr("Drafted by"), lambda r: r.drafted_by),
        ], self)
        self.drafts_view = make_table_view(self.drafts, self, size_from_rows=50)
        self.drafts_view.setSelectionMode(self.drafts_view.SelectionMode.ExtendedSelection)
        approve = button(self.tr("Approve selected drafts"), self, self.approve_selected)
        reject = button(self.tr("Reject selected…"), self, self.reject_selected)
        for b in (approve, reject):
            b.setEnabled(context.actor.can(Permission.LEDGER_APPROVE))
        self.drafts_title = QLabel(self)
        lower = panel(self, row((self.drafts_title, 1), approve, reject), self.drafts_view)
        split = splitter(Qt.Orientation.Vertical, self, self.view, lower, sizes=[380, 220])
        self.status = QLabel(self)
        column(top, self.summary, (split, 1), self.status, parent=self)

    def title(self) -> str:
        return self.tr("Entitlement sweep")

    # ------------------------------------------------------------ data
    def refresh(self) -> None:
        self.summary.setText(self.tr("Sweeping…"))
        self.context.runner.submit(call(eligibility.sweep, on=dt.date.today()), key="ledger.sweep",
                                   on_done=self._on_sweep, on_error=self._failed)
        self.context.runner.submit(call(eligibility.list_drafts), key="ledger.drafts", on_done=self._on_drafts,
                                   on_error=self._failed)

    def _on_sweep(self, result: eligibility.SweepResult) -> None:
        self.result = result
        refill_combo(self.policy, [(self.tr("Every policy in force"), None),
                                   *((f"{name} ({result.by_policy.get(pid, 0)})", pid)
                                     for pid, name in result.policies.items())], keep=0)
        self.loaded = True
        self._show()

    def _rows(self) -> list[eligibility.Candidate]:
        if self.result is None:
            return []
        pid = self.policy.currentData()
        return [c for c in self.result.candidates if pid is None or c.policy_id == pid]

    def _show(self) -> None:
        rows = self._rows()
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        missing = sum(1 for r in rows if r.missing)
        total = sum(r.amount_fen for r in rows)
        self.summary.setText(self.tr(
            "{n} talents qualify for a policy in force today and hold no grant of it ({amount} in all); "
            "{m} still lack materials the policy asks for. Double-click a row to see the talent's statement.").format(
            n=len(rows), amount=fmt_money(total), m=missing))
        self.draft_btn.setEnabled(bool(rows) and self.context.actor.can(Permission.LEDGER_RECORD))

    def _on_drafts(self, rows: list[eligibility.DraftRow]) -> None:
        self.drafts.set_rows(rows)
        self.drafts_view.resizeColumnsToContents()
        self.drafts_title.setText(self.tr("Drafts waiting for approval: {n}").format(n=len(rows)))

    def _open(self, index) -> None:
        row = self.model.data(index, ROW_ROLE)
        if row is not None:
            self.open_talent.emit(row.talent_id)

    # ------------------------------------------------------------ actions
    def edit_rules(self) -> None:
        pid = self.policy.currentData()
        if pid is None:
            QMessageBox.information(self, self.tr("Eligibility and materials"),
                                    self.tr("Choose a policy first."))
            return
        name = self.result.policies.get(pid, "") if self.result else ""
        self.context.runner.submit(call(eligibility.get_rules, policy_id=pid),
                                   on_done=lambda rules: self._open_rules(pid, name, rules), on_error=self._failed)

    def _open_rules(self, pid: int, name: str, rules: eligibility.Rules) -> None:
        self.rules_dialog = RulesDialog(self.context, pid, name, rules, self)
        self.rules_dialog.open()

    def draft_all(self) -> None:
        rows = self._rows()
        if not rows:
            return
        ids = tuple(sorted({r.talent_id for r in rows}))
        self.status.setText(self.tr("Drafting…"))
        self.context.runner.submit(
            call(eligibility.draft_grants, on=dt.date.today(), policy_id=self.policy.currentData(), talent_ids=ids),
            on_done=lambda r: self.status.setText(self.tr("Drafted {n} grants for approval.").format(n=r.drafted)),
            on_error=self._failed)

    def _selected_drafts(self) -> list[eligibility.DraftRow]:
        return [self.drafts.row_at(i.row()) for i in self.drafts_view.selectionModel().selectedRows()]

    def approve_selected(self) -> None:
        for d in self._selected_drafts():
            self.context.runner.submit(call(eligibility.approve_draft, draft_id=d.id), on_done=self._decided,
                                       on_error=self._failed)

    def reject_selected(self) -> None:
        chosen = self._selected_drafts()
        if not chosen:
            return
        note, ok = QInputDialog.getText(self, self.tr("Reject drafts"), self.tr("Why are they turned down?"))
        if not ok:
            return
        for d in chosen:
            self.context.runner.submit(call(eligibility.reject_draft, draft_id=d.id, note=note),
                                       on_done=self._decided, on_error=self._failed)

    def _decided(self, row: eligibility.DraftRow) -> None:
        self.status.setText(self.tr("Draft {id} ({talent}): {status}").format(
            id=row.id, talent=row.talent_name, status=self.status_label(row.status)))

    def status_label(self, status: str) -> str:
        return {"draft": self.tr("waiting"), "approved": self.tr("approved, the grant is made"),
                "rejected": self.tr("rejected")}.get(status, status)

    def _failed(self, exc: BaseException) -> None:
        from talentdesk.ui.errors import show_error

        show_error(self, exc, clear=self.status)


__all__ = ["SweepPage", "RulesDialog"]
