"""Dialogs of the ledger tab: policy editor, grant, mark paid, reason/amount prompts, certificate verification."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from talentdesk.domain import enums as E
from talentdesk.domain.errors import TalentDeskError, ValidationError
from talentdesk.domain.labels import choices, label
from talentdesk.domain.values import format_yuan, parse_voucher_no, parse_yuan
from talentdesk.services.ledger import certificates
from talentdesk.services.ledger import grants
from talentdesk.services.ledger import payments
from talentdesk.services.ledger import policies
from talentdesk.services.talents.registry import TalentQuery, search_talents
from talentdesk.ui.common.widgets import error_label
from talentdesk.ui.common.layouts import dialog_buttons
from talentdesk.ui.common.dates import date_edit, from_qdate
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.conflict import offer_choice
from talentdesk.ui.common.unsaved import GuardedDialog
from talentdesk.ui.errors import show_error
from talentdesk.ui.ledger.pending import written_row
from talentdesk.services.base import call
from talentdesk.ui.common.screen import fit_to_screen, in_scroll_area
from talentdesk.ui.common.style import error_colour, error_style, ok_colour


def compact(box: QComboBox, chars: int = 8) -> QComboBox:
    """Let a combo box shrink (the tab must fit a small window); it still shows whole items when opened."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(chars)
    return box


def enum_combo(parent: QWidget, enum, current: str | None = None, *, any_text: str | None = None) -> QComboBox:
    box = QComboBox(parent)
    compact(box)
    if any_text is not None:
        box.addItem(any_text, None)
    for code, text in choices(enum):
        box.addItem(text, code)
    if current is not None:
        box.setCurrentIndex(max(0, box.findData(current)))
    return box


class TalentPicker(QWidget):
    """A search box (name or pinyin initials) and the matching talents; `talent_id()` is the chosen one."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Name or pinyin initials, e.g. zs"))
        self.choice = QComboBox(self)
        self.choice.setMinimumWidth(260)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.search)
        lay.addWidget(self.choice, 1)
        self.search.textChanged.connect(self._lookup)

    def _lookup(self, text: str) -> None:
        if not text.strip():
            return
        self.context.runner.submit(call(search_talents, query=TalentQuery(text=text), limit=30), key=f"picker.{id(self)}", on_done=self._fill)

    def _fill(self, page) -> None:
        self.choice.clear()
        for r in page.rows:
            self.choice.addItem(f"{r.name} · {r.employer_name} · {label(E.TalentStatus, r.status)}", r.id)

    def talent_id(self) -> int | None:
        return self.choice.currentData()


class PolicyDialog(GuardedDialog):
    """Create or edit a policy: every field, the amount table (tier × education) and the exclusions."""

    def __init__(self, context: AppContext, tiers: list, all_policies: list, policy=None, parent=None):
        super().__init__(parent)
        self.context = context
        self.policy = policy
        self.setWindowTitle(self.tr("Subsidy policy") if policy is None else self.tr("Edit policy: {name}").format(
            name=policy.name))
        p = policy
        self.name = QLineEdit(p.name if p else "", self)
        self.kind = enum_combo(self, E.PolicyKind, p.kind if p else None)
        self.doc = QLineEdit(p.doc_number if p else "", self)
        self.doc.setPlaceholderText(self.tr("e.g. 县委人才办〔2024〕3号"))
        self.level = enum_combo(self, E.PolicyLevel, p.level if p else None)
        self.valid_from = date_edit(p.valid_from if p else dt.date.today(), self)
        self.has_end = QCheckBox(self.tr("Ends on"), self)
        self.valid_to = date_edit(p.valid_to if p and p.valid_to else dt.date.today(), self)
        self.has_end.setChecked(bool(p and p.valid_to))
        self.valid_to.setEnabled(self.has_end.isChecked())
        self.has_end.toggled.connect(self.valid_to.setEnabled)
        self.mode = enum_combo(self, E.InstalmentMode, p.instalment_mode if p else None)
        self.count = QSpinBox(self)
        self.count.setRange(1, 120)
        self.count.setValue(p.instalment_count if p else 1)
        self.rule = enum_combo(self, E.ClawbackRule, p.clawback_rule if p else None)
        self.service_years = QSpinBox(self)  # 0 shows as “the talent's own”: the policy sets no commitment
        self.service_years.setRange(0, 50)
        self.service_years.setSpecialValueText(self.tr("The talent's own"))
        self.service_years.setSuffix(self.tr(" years"))
        self.service_years.setValue((p.service_years or 0) if p else 0)
        self.active = QCheckBox(self.tr("In use"), self)
        self.active.setChecked(p.active if p else True)
        self.tier_checks = {}
        tier_row = QHBoxLayout()
        for t in tiers:
            cb = QCheckBox(f"{t.code} {t.name}", self)
            cb.setChecked(bool(p and t.code in p.eligible_tiers))
            self.tier_checks[t.code] = cb
            tier_row.addWidget(cb)
        self.edu_checks = {}
        edu_row = QHBoxLayout()
        for code, text in choices(E.Education):
            cb = QCheckBox(text, self)
            cb.setChecked(bool(p and code in p.eligible_educations))
            self.edu_checks[code] = cb
            edu_row.addWidget(cb)
        # amounts: one row per rule; tier and education may be "any"
        self.tiers = tiers
        self.amounts = QTableWidget(0, 3, self)
        self.amounts.setHorizontalHeaderLabels([self.tr("Tier"), self.tr("Education"), self.tr("Amount (yuan)")])
        self.amounts.horizontalHeader().setStretchLastSection(True)
        for a in (p.amounts if p else ()):
            self._add_amount_row(a.tier_code, a.education, format_yuan(a.amount_fen, symbol=False))
        if not p:
            self._add_amount_row(None, None, "")
        add = QPushButton(self.tr("Add amount"), self)
        add.clicked.connect(lambda: self._add_amount_row(None, None, ""))
        remove = QPushButton(self.tr("Remove amount"), self)
        remove.clicked.connect(lambda: self.amounts.removeRow(self.amounts.currentRow()))
        self.excludes = QListWidget(self)
        for other in all_policies:
            if p and other.id == p.id:
                continue
            item = QListWidgetItem(other.name, self.excludes)
            item.setData(Qt.ItemDataRole.UserRole, other.id)
            item.setCheckState(Qt.CheckState.Checked if p and other.id in p.excludes else Qt.CheckState.Unchecked)
        self.excludes.setMaximumHeight(90)
        self.notes = QPlainTextEdit(p.notes if p else "", self)
        self.notes.setMaximumHeight(50)
        self.error = error_label(self)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Document No. (文号)"), self.doc)
        form.addRow(self.tr("Level"), self.level)
        dates = QHBoxLayout()
        dates.addWidget(self.valid_from)
        dates.addWidget(self.has_end)
        dates.addWidget(self.valid_to)
        form.addRow(self.tr("Valid from"), dates)
        inst = QHBoxLayout()
        inst.addWidget(self.mode)
        inst.addWidget(QLabel(self.tr("Instalments"), self))
        inst.addWidget(self.count)
        form.addRow(self.tr("Payment schedule"), inst)
        form.addRow(self.tr("Clawback rule"), self.rule)
        form.addRow(self.tr("Service commitment (服务期)"), self.service_years)
        form.addRow(self.tr("Eligible tiers (none ticked = all)"), tier_row)
        form.addRow(self.tr("Eligible education (none ticked = all)"), edu_row)
        btns = QHBoxLayout()
        btns.addWidget(add)
        btns.addWidget(remove)
        btns.addStretch(1)
        amounts = QVBoxLayout()
        amounts.addWidget(self.amounts)
        amounts.addLayout(btns)
        form.addRow(self.tr("Amounts (the most specific row wins)"), amounts)
        form.addRow(self.tr("Excludes (no double benefit)"), self.excludes)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow("", self.active)
        box = dialog_buttons(self, self._save, ok=QDialogButtonBox.StandardButton.Save)
        lay = QVBoxLayout(self)
        if p and p.grant_count:
            note = QLabel(self.tr("{n} grants were made under this policy; they keep what was approved. Changes apply "
                                  "to new grants only.").format(n=p.grant_count), self)
            note.setWordWrap(True)
            lay.addWidget(note)
        lay.addWidget(in_scroll_area(form, self), 1)  # a long form scrolls on a small screen
        lay.addWidget(self.error)
        lay.addWidget(box)
        fit_to_screen(self, 760, 720)
        self.saved = None

    def _add_amount_row(self, tier: str | None, edu: str | None, amount: str) -> None:
        r = self.amounts.rowCount()
        self.amounts.insertRow(r)
        tier_box = QComboBox(self.amounts)
        tier_box.addItem(self.tr("Any tier"), None)
        for t in self.tiers:
            tier_box.addItem(f"{t.code} {t.name}", t.code)
        tier_box.setCurrentIndex(max(0, tier_box.findData(tier)))
        edu_box = enum_combo(self.amounts, E.Education, any_text=self.tr("Any education"))
        edu_box.setCurrentIndex(max(0, edu_box.findData(edu)))
        self.amounts.setCellWidget(r, 0, tier_box)
        self.amounts.setCellWidget(r, 1, edu_box)
        self.amounts.setItem(r, 2, QTableWidgetItem(amount))

    def data(self) -> policies.PolicyInput:
        rules = []
        for r in range(self.amounts.rowCount()):
            item = self.amounts.item(r, 2)
            text = item.text() if item else ""
            fen = parse_yuan(text, field="amounts")
            rules.append(policies.AmountRule(self.amounts.cellWidget(r, 0).currentData(),
                                             self.amounts.cellWidget(r, 1).currentData(), fen))
        excludes = []
        for i in range(self.excludes.count()):
            it = self.excludes.item(i)
            if it.checkState() == Qt.CheckState.Checked:
                excludes.append(it.data(Qt.ItemDataRole.UserRole))
        return policies.PolicyInput(
            name=self.name.text(), kind=self.kind.currentData(), doc_number=self.doc.text(),
            level=self.level.currentData(), valid_from=from_qdate(self.valid_from.date()),
            valid_to=from_qdate(self.valid_to.date()) if self.has_end.isChecked() else None,
            eligible_tiers=tuple(c for c, cb in self.tier_checks.items() if cb.isChecked()),
            eligible_educations=tuple(c for c, cb in self.edu_checks.items() if cb.isChecked()),
            instalment_mode=self.mode.currentData(), instalment_count=self.count.value(),
            clawback_rule=self.rule.currentData(), amounts=tuple(rules), excludes=tuple(excludes),
            active=self.active.isChecked(), notes=self.notes.toPlainText(),
            service_years=self.service_years.value() or None,
        )

    def _save(self) -> None:
        try:
            data = self.data()
        except ValidationError as exc:
            self.error.setText(exc.message)
            return
        self._submit(data, self.policy.version if self.policy else None)

    def _submit(self, data, version: int | None) -> None:
        self.context.runner.submit(call(policies.save_policy, data=data, policy_id=self.policy.id if self.policy else None,
                                        expected_version=version),
                                   on_done=self._saved, on_error=lambda e: self._failed(e, data))

    def _failed(self, exc: BaseException, data) -> None:
        if offer_choice(self, exc, mine=data, loaded=self.policy.to_input() if self.policy else None,
                        resave=self._submit):
            return
        self.error.setText(getattr(exc, "message", str(exc)))

    def _saved(self, row) -> None:
        self.saved = written_row(self, row)
        self.accept()


class GrantDialog(GuardedDialog):
    """Grant a policy to a talent: shows the amount, or every reason it is refused, before anything is written."""

    def __init__(self, context: AppContext, all_policies: list, policy_id: int | None = None, parent=None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Grant a subsidy"))
        self.talent = TalentPicker(context, self)
        self.policy = QComboBox(self)
        for p in all_policies:
            if p.active:
                self.policy.addItem(f"{p.name}（{p.doc_number}）", p.id)
        if policy_id is not None:
            self.policy.setCurrentIndex(max(0, self.policy.findData(policy_id)))
        self.start = date_edit(parent=self)
        self.override = QLineEdit(self)
        self.override.setPlaceholderText(self.tr("Leave empty to use the policy's amount"))
        self.check = QLabel(self)
        self.check.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Talent"), self.talent)
        form.addRow(self.tr("Policy"), self.policy)
        form.addRow(self.tr("First instalment on"), self.start)
        form.addRow(self.tr("Approved total (yuan)"), self.override)
        box = dialog_buttons(self, self._grant, ok_text=self.tr("Grant"))
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.check)
        lay.addWidget(box)
        self.talent.choice.currentIndexChanged.connect(self._recheck)
        self.policy.currentIndexChanged.connect(self._recheck)
        self.start.dateChanged.connect(self._recheck)
        self.result_row = None
        fit_to_screen(self, 620, 260)

    def _recheck(self, *_a) -> None:
        tid, pid = self.talent.talent_id(), self.policy.currentData()
        if tid is None or pid is None:
            self.check.setText("")
            return
        self.context.runner.submit(call(grants.check_grant, talent_id=tid, policy_id=pid, start_date=from_qdate(self.start.date())), key="grant.check", on_done=self._show_check)

    def _show_check(self, check) -> None:
        if check.allowed:
            self.check.setStyleSheet("")
            self.check.setText(self.tr("Eligible. Amount under the policy: {amount}.").format(
                amount=format_yuan(check.amount_fen)))
        else:
            self.check.setStyleSheet(error_style())
            self.check.setText("\n".join(check.reasons))

    def _grant(self) -> None:
        tid, pid = self.talent.talent_id(), self.policy.currentData()
        if tid is None or pid is None:
            self.check.setText(self.tr("Choose a talent and a policy."))
            return
        total = None
        if self.override.text().strip():
            try:
                total = parse_yuan(self.override.text(), field="total")
            except ValidationError as exc:
                self.check.setText(exc.message)
                return
        self.context.runner.submit(call(grants.grant_policy, talent_id=tid, policy_id=pid, start_date=from_qdate(self.start.date()), total_fen=total), on_done=self._done, on_error=lambda e: show_error(self, e))

    def _done(self, row) -> None:
        self.result_row = written_row(self, row)
        self.accept()


class MarkPaidDialog(GuardedDialog):
    """One voucher number, date and method for every selected payment order. A voucher number that names no
    voucher or already belongs to another payment keeps the dialog open with the reason, the input kept."""

    def __init__(self, context: AppContext, payment_ids: list[int], total_fen: int, parent=None):
        super().__init__(parent)
        self.context = context
        self.payment_ids = list(payment_ids)
        self.setWindowTitle(self.tr("Mark paid"))
        self.voucher = QLineEdit(self)
        self.voucher.setPlaceholderText(self.tr("e.g. 记-202611-0012"))
        self.date = date_edit(parent=self)
        self.method = enum_combo(self, E.PaymentMethod)
        self.error = error_label(self)
        form = QFormLayout()
        form.addRow(QLabel(self.tr("{n} payment orders, {total} in all.").format(
            n=len(self.payment_ids), total=format_yuan(total_fen))))
        form.addRow(self.tr("Voucher No."), self.voucher)
        form.addRow(self.tr("Payment date"), self.date)
        form.addRow(self.tr("Paid by"), self.method)
        self.buttons = dialog_buttons(self, self._ok)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.checked_voucher = ""

    def _ok(self) -> None:
        try:
            voucher = parse_voucher_no(self.voucher.text())
        except ValidationError as exc:
            self._refused(exc)
            return
        self.error.clear()
        self.buttons.setEnabled(False)
        self.context.runner.submit(call(payments.check_voucher, voucher_no=voucher, payment_ids=self.payment_ids),
                                   key=f"voucher.{id(self)}", on_done=self._checked, on_error=self._refused)

    def _checked(self, voucher: str) -> None:
        self.buttons.setEnabled(True)
        self.checked_voucher = voucher
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, TalentDeskError):
            self.error.setText(exc.message)
            self.voucher.setFocus()
            self.voucher.selectAll()
        else:
            show_error(self, exc)

    def values(self) -> dict:
        return {"voucher_no": self.checked_voucher or self.voucher.text(), "pay_date": from_qdate(self.date.date()),
                "method": self.method.currentData()}


class ReasonDialog(GuardedDialog):
    """A reason (always) and optionally an amount and a date — for reversals, refunds, waivers, suspensions."""

    def __init__(self, title: str, prompt: str, parent=None, *, amount: int | None = None, with_amount: bool = False,
                 with_date: bool = True, reason_required: bool = True):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.reason = QLineEdit(self)
        self.amount = QLineEdit(format_yuan(amount, symbol=False) if amount else "", self)
        self.date = date_edit(parent=self)
        self.reason_required = reason_required
        self.error = QLabel(self)
        self.error.setStyleSheet(error_style())
        form = QFormLayout()
        info = QLabel(prompt, self)
        info.setWordWrap(True)
        form.addRow(info)
        if with_amount:
            form.addRow(self.tr("Amount (yuan)"), self.amount)
        if with_date:
            form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Reason / memo"), self.reason)
        box = dialog_buttons(self, self._ok)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(box)
        self.with_amount = with_amount
        fit_to_screen(self, 460, 180)

    def _ok(self) -> None:
        if self.reason_required and not self.reason.text().strip():
            self.error.setText(self.tr("Give a reason; it stays in the ledger."))
            return
        if self.with_amount:
            try:
                parse_yuan(self.amount.text())
            except ValidationError as exc:
                self.error.setText(exc.message)
                return
        self.accept()

    def amount_fen(self) -> int:
        return parse_yuan(self.amount.text())

    def on(self) -> dt.date:
        return from_qdate(self.date.date())


class VerifyDialog(QDialog):
    """Paste or scan (a scanner types the QR text followed by Enter) a certificate's code and check it."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Verify a certificate"))
        self.payload = QLineEdit(self)
        self.payload.setPlaceholderText(self.tr("Scan the QR code or paste its text here"))
        self.payload.returnPressed.connect(self.check)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setMinimumHeight(60)
        check = QPushButton(self.tr("Check"), self)
        check.clicked.connect(self.check)
        row = QHBoxLayout()
        row.addWidget(self.payload, 1)
        row.addWidget(check)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.result)
        lay.addWidget(box)
        fit_to_screen(self, 640, 180)
        self.last = None

    def check(self) -> None:
        self.context.runner.submit(call(certificates.verify_payload, payload=self.payload.text()), key="verify", on_done=self._show)

    def _show(self, v) -> None:
        self.last = v
        colour = ok_colour() if v.genuine else error_colour()
        self.result.setStyleSheet(f"color: {colour.name()}; font-size: 14px; font-weight: bold")
        text = v.message
        if v.serial and v.talent_name:
            text += "\n" + self.tr("Policy: {policy} · printed {n} times").format(policy=v.policy_name,
                                                                                  n=v.print_count)
        self.result.setText(text)
