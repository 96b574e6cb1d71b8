"""发放批次 and 在岗核验: a payment batch walked through its states — made from confirmed, due instalments, published
for notice (公示) with objections recorded, approved by another person once the notice has ended, written as the
bank's file, matched to the bank's return, failed lines corrected and re-issued — and the in-post confirmations
that come before it, with the printed form for employers. All work goes through the runner."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QMessageBox, QPushButton, QSpinBox, QSplitter, QVBoxLayout, QWidget,
)

from talentdesk.services.safety.audit_text import actor_label
from talentdesk import i18n
from talentdesk.services.base import Permission, call
from talentdesk.services.common.reference import list_employers
from talentdesk.services.ledger import policies
from talentdesk.services.payments import accounts, bankfiles, batches, calendar, verification
from talentdesk.services.talents.exit_reasons import list_exit_reasons
from talentdesk.ui.common.layouts import dialog_buttons
from talentdesk.ui.common.dates import date_edit, from_qdate
from talentdesk.ui.common.file_dialogs import ask_save_path, open_file_name, save_file_name
from talentdesk.ui.common.formatting import fmt_date, fmt_money
from talentdesk.ui.common.style import error_style
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.widgets import make_table_view
from talentdesk.ui.errors import show_error
from talentdesk.ui.ledger.pages import Page, multi_select, selected_rows, today

STAGES = ("draft", "publicized", "notice_ended", "approved", "sent", "reconciled")


class FormDialog(QDialog):
    """A small form: labelled fields (widgets), OK and Cancel. `value(key)` reads a field after OK."""

    def __init__(self, title: str, fields: list[tuple[str, str, QWidget]], parent=None, note: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields = {key: widget for key, _label, widget in fields}
        form = QFormLayout()
        for _key, text, widget in fields:
            widget.setParent(self)
            form.addRow(text, widget)
        box = dialog_buttons(self, self.accept)
        lay = QVBoxLayout(self)
        if note:
            lbl = QLabel(note, self)
            lbl.setWordWrap(True)
            lay.addWidget(lbl)
        lay.addLayout(form)
        lay.addWidget(box)

    def value(self, key: str):
        w = self.fields[key]
        if isinstance(w, QDateEdit):
            return from_qdate(w.date())
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QSpinBox):
            return w.value()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        return w.text()


def combo(items: list[tuple[str, object]]) -> QComboBox:
    w = QComboBox()
    for text, data in items:
        w.addItem(text, data)
    return w


class BatchPage(Page):
    """Payment batches (top), the chosen batch's lines and figures (bottom), one button per step."""

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.batch_model = RowTableModel([
            Column(self.tr("Batch"), lambda r: r.number),
            Column(self.tr("State"), lambda r: batches.status_text(r.stage)),
            Column(self.tr("Due by"), lambda r: fmt_date(r.due_by)),
            Column(self.tr("Lines"), lambda r: r.items, align_right=True),
            Column(self.tr("Total"), lambda r: fmt_money(r.total_fen), align_right=True),
            Column(self.tr("Notice"), lambda r: f"{fmt_date(r.notice_start)} – {fmt_date(r.notice_end)}"
                   if r.notice_start else ""),
            Column(self.tr("Made by"), lambda r: actor_label(r.created_by or "")),
            Column(self.tr("Approved by"), lambda r: actor_label(r.approved_by or "")),
            Column(self.tr("Re-issue of"), lambda r: r.reissue_of),
        ], self)
        self.batch_view = make_table_view(self.batch_model, self)
        self.batch_view.selectionModel().currentRowChanged.connect(lambda *_: self._load_detail())
        self.item_model = RowTableModel([
            Column(self.tr("Line"), lambda r: r.line_no, align_right=True),
            Column(self.tr("Name"), lambda r: r.talent_name),
            Column(self.tr("ID number"), lambda r: r.id_masked),
            Column(self.tr("Employer"), lambda r: r.employer_name),
            Column(self.tr("Policy"), lambda r: r.policy_name),
            Column(self.tr("Instalment"), lambda r: f"{r.seq}/{r.count}"),
            Column(self.tr("Amount"), lambda r: fmt_money(r.amount_fen), align_right=True),
            Column(self.tr("Account"), lambda r: r.account_no),
            Column(self.tr("Holder"), lambda r: r.holder_name),
            Column(self.tr("Result"), lambda r: batches.status_text(r.status)),
            Column(self.tr("Failure reason"), lambda r: r.fail_reason),
            Column(self.tr("Re-issued in"), lambda r: r.reissued_in),
            Column(self.tr("Objection"), lambda r: r.objection),
        ], self)
        self.item_view = make_table_view(self.item_model, self)
        self.stages = QLabel(self)
        self.stages.setTextFormat(Qt.TextFormat.RichText)
        self.figures = QLabel(self)
        self.figures.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        actor = context.actor
        self.buttons = {}
        specs = [
            ("new", self.tr("New batch…"), self._new, actor.can(Permission.LEDGER_RECORD)),
            ("publicize", self.tr("Publish notice…"), self._publicize, actor.can(Permission.LEDGER_RECORD)),
            ("objection", self.tr("Objection…"), self._objection, actor.can(Permission.LEDGER_RECORD)),
            ("approve", self.tr("Approve"), self._approve, actor.can(Permission.LEDGER_APPROVE)),
            ("bank", self.tr("Bank file…"), self._bank_file,
             actor.can(Permission.LEDGER_PAY) and actor.can(Permission.PERSONAL_EXPORT)),
            ("return", self.tr("Import bank return…"), self._import_return, actor.can(Permission.LEDGER_PAY)),
            ("correct", self.tr("Correct line…"), self._correct, actor.can(Permission.LEDGER_RECORD)),
            ("reissue", self.tr("Re-issue failed lines"), self._reissue, actor.can(Permission.LEDGER_RECORD)),
            ("report", self.tr("Reconciliation report…"), self._report, True),
            ("notice", self.tr("Notice again…"), self._notice, True),
            ("cancel", self.tr("Cancel batch…"), self._cancel, actor.can(Permission.LEDGER_RECORD)),
            ("account", self.tr("Bank account…"), self._account, actor.can(Permission.LEDGER_RECORD)),
            ("calendar", self.tr("Working days…"), self._calendar, actor.can(Permission.POLICY_MANAGE)),
        ]
        rows = (QHBoxLayout(), QHBoxLayout())  # the steps in order, then the corrections and papers: two rows fit a
        for n, (key, text, slot, allowed) in enumerate(specs):  # small laptop screen
            b = QPushButton(text, self)
            b.clicked.connect(slot)
            b.setVisible(allowed)
            self.buttons[key] = b
            rows[0 if n < 6 else 1].addWidget(b)
        top = QWidget(self)
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        for bar in rows:
            bar.addStretch(1)
            tl.addLayout(bar)
        tl.addWidget(self.batch_view)
        bottom = QWidget(self)
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.stages)
        bl.addWidget(self.hint)
        bl.addWidget(self.figures)
        bl.addWidget(self.item_view)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        self.detail = None
        self._want: int | None = None
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Payment batches")

    # ------------------------------------------------------------ reading
    def refresh(self) -> None:
        self.context.runner.submit(call(batches.list_batches, today=today()), key="payments.batches",
                                   on_done=self._batches)

    def _batches(self, rows) -> None:
        current = self._current_batch()
        want = self._want or (current.id if current else None)
        self.batch_model.set_rows(rows)
        self.batch_view.resizeColumnsToContents()
        index = next((i for i, r in enumerate(rows) if r.id == want), 0 if rows else None)
        if index is not None:
            self.batch_view.selectRow(index)
        self._want = None
        self._load_detail()
        self.loaded = True

    def _current_batch(self):
        idx = self.batch_view.currentIndex()
        if not idx.isValid() or idx.row() >= len(self.batch_model.rows):
            return None
        return self.batch_model.row_at(idx.row())

    def _load_detail(self) -> None:
        b = self._current_batch()
        if b is None:
            self.detail = None
            self.item_model.set_rows([])
            self._show_stage(None)
            self._update_buttons()
            return
        self.context.runner.submit(call(batches.batch_detail, batch_id=b.id, today=today()),
                                   key="payments.batch_detail", on_done=self._detail,
                                   on_error=lambda e: show_error(self, e))

    def _detail(self, d) -> None:
        self.detail = d
        self.item_model.set_rows(list(d.items))
        self.item_view.resizeColumnsToContents()
        f = d.figures
        self.figures.setText(self.tr(
            "Sent {sent} ({sent_n}) · paid {paid} ({paid_n}) · failed {failed} ({failed_n}) · re-issued {re} · "
            "awaiting the bank {awaiting} · outstanding {out} · taken out {withdrawn}").format(
            sent=fmt_money(f.sent_fen), sent_n=f.sent, paid=fmt_money(f.paid_fen), paid_n=f.paid,
            failed=fmt_money(f.failed_fen), failed_n=f.failed, re=fmt_money(f.reissued_fen),
            awaiting=fmt_money(f.awaiting_fen), out=fmt_money(f.outstanding_fen), withdrawn=f.withdrawn))
        self._show_stage(d.batch)
        self._update_buttons()

    def _show_stage(self, b) -> None:
        if b is None:
            self.stages.setText(self.tr("No payment batch yet: make one from the instalments that are due."))
            self.hint.setText("")
            return
        parts = []
        for s in STAGES:
            text = batches.status_text(s)
            parts.append(f"<b><u>{text}</u></b>" if s == b.stage else text)
        if b.stage == "cancelled":
            parts.append(f"<b>{batches.status_text('cancelled')}</b>")
        self.stages.setText(self.tr("Batch {number}: ").format(number=b.number) + " → ".join(parts))
        hint = {
            "draft": self.tr("Next: publish the public notice — 5 working days unless you choose otherwise."),
            "publicized": self.tr("Under notice from {start} to {end}: record objections; approval is possible from "
                                  "the day after the notice ends.").format(start=fmt_date(b.notice_start),
                                                                           end=fmt_date(b.notice_end)),
            "notice_ended": self.tr("The notice has ended: another person approves the batch."),
            "approved": self.tr("Next: write the bank's file in its layout and send it to the bank."),
            "sent": self.tr("Sent to the bank: import the bank's return file when it comes back."),
            "reconciled": self.tr("Every line has its result. Correct failed lines and re-issue them in a new batch."),
        }.get(b.stage, "")
        self.hint.setText(hint)
        self.hint.setStyleSheet(error_style(bold=True) if b.stage == "publicized" else "")

    def _update_buttons(self) -> None:
        b = self.detail.batch if self.detail else None
        stage = b.stage if b else None
        failed = bool(self.detail and any(i.status == "failed" and not i.reissued_in for i in self.detail.items))
        enabled = {
            "new": True,
            "publicize": stage in ("draft", "publicized"),
            "objection": stage == "publicized",
            "approve": stage == "notice_ended",
            "bank": stage == "approved",
            "return": stage == "sent",
            "correct": failed,
            "reissue": failed,
            "report": b is not None,
            "notice": bool(b and b.notice_start),
            "cancel": stage in ("draft", "publicized", "notice_ended", "approved"),
            "account": True,
            "calendar": True,
        }
        for key, button in self.buttons.items():
            button.setEnabled(enabled.get(key, False))

    def _done(self, batch_id: int | None = None):
        def finish(_result=None) -> None:
            self._want = batch_id
            self.refresh()
        return finish

    # ------------------------------------------------------------ the steps
    def _new(self) -> None:
        self.context.runner.submit(call(policies.list_policies, include_inactive=False), key="payments.policies",
                                   on_done=lambda ps: self.context.runner.submit(
                                       call(list_employers), key="payments.employers",
                                       on_done=lambda es: self._new_dialog(ps, es)))

    def _new_dialog(self, policy_rows, employer_rows) -> None:
        everyone = self.tr("(all)")
        end = today().replace(day=28) + dt.timedelta(days=4)
        dlg = FormDialog(self.tr("New payment batch"), [
            ("due_by", self.tr("Instalments due by"), date_edit(end - dt.timedelta(days=end.day))),
            ("policy", self.tr("Policy"), combo([(everyone, None)] + [(p.name, p.id) for p in policy_rows])),
            ("employer", self.tr("Employer"), combo([(everyone, None)] + [(e.name, e.id) for e in employer_rows])),
        ], self, note=self.tr("The batch takes the instalments that have fallen due, are unpaid, are confirmed in "
                              "post where the policy asks for it, and whose talent has a bank account."))
        if not dlg.exec():
            return

        def made(r) -> None:
            text = self.tr("Batch {number}: {n} lines, {total}.").format(number=r.number, n=r.items,
                                                                         total=fmt_money(r.total_fen))
            if r.skipped:
                text += "\n\n" + self.tr("Left out:") + "\n" + "\n".join(f"· {n}: {w}" for n, w in r.skipped[:20])
            QMessageBox.information(self, self.tr("New payment batch"), text)
            self._done(r.batch)()

        self.context.runner.submit(call(batches.create_batch, due_by=dlg.value("due_by"), policy_id=dlg.value("policy"),
                                        employer_id=dlg.value("employer")),
                                   on_done=made, on_error=lambda e: show_error(self, e))

    def _publicize(self) -> None:
        b = self.detail.batch if self.detail else None
        if b is None:
            return
        days = QSpinBox()
        days.setRange(1, batches.MAX_NOTICE_DAYS)
        days.setValue(b.notice_days or 5)
        contact = QLineEdit(b.objection_contact)
        contact.setPlaceholderText(self.tr("the office, by default"))
        dlg = FormDialog(self.tr("Publish the notice"), [
            ("start", self.tr("Notice starts on"), date_edit(max(today(), b.created_on))),
            ("days", self.tr("Working days"), days),
            ("contact", self.tr("Where to object"), contact),
        ], self, note=self.tr("The notice is written as PDF and as .xlsx (same name). ID numbers are masked; public "
                              "holidays and weekend working days follow the calendar."))
        if not dlg.exec():
            return
        path, _ = save_file_name(self, self.tr("Save the notice"), f"{b.number}.pdf", self.tr("PDF (*.pdf)"))
        if not path:
            return
        pdf = Path(path).with_suffix(".pdf")
        self.context.runner.submit(call(batches.publicize, batch_id=b.id, start=dlg.value("start"),
                                        days=dlg.value("days"), pdf_path=pdf, xlsx_path=pdf.with_suffix(".xlsx"),
                                        contact=dlg.value("contact")),
                                   on_done=self._done(b.id), on_error=lambda e: show_error(self, e))

    def _objection(self) -> None:
        if not self.detail:
            return
        b = self.detail.batch
        people = {}
        for i in self.detail.items:
            if i.status == "included":
                people.setdefault(i.talent_id, f"{i.talent_name} ({i.employer_name})")
        dlg = FormDialog(self.tr("Objection"), [
            ("talent", self.tr("About"), combo([(v, k) for k, v in people.items()])),
            ("note", self.tr("What it says"), QLineEdit()),
            ("upheld", self.tr("Outcome"), QCheckBox(self.tr("Upheld: take the person out of the batch"))),
        ], self)
        if not dlg.exec() or dlg.value("talent") is None:
            return
        self.context.runner.submit(call(batches.record_objection, batch_id=b.id, talent_id=dlg.value("talent"),
                                        note=dlg.value("note"), upheld=dlg.value("upheld")),
                                   on_done=self._done(b.id), on_error=lambda e: show_error(self, e))

    def _approve(self) -> None:
        b = self.detail.batch if self.detail else None
        if b is None:
            return
        if QMessageBox.question(self, self.tr("Approve batch"), self.tr(
                "Approve batch {number}: {n} lines, {total}?").format(number=b.number, n=b.items,
                                                                      total=fmt_money(b.total_fen))) \
                != QMessageBox.StandardButton.Yes:
            return
        self.context.runner.submit(call(batches.approve_batch, batch_id=b.id), on_done=self._done(b.id),
                                   on_error=lambda e: show_error(self, e))

    def _bank_file(self) -> None:
        b = self.detail.batch if self.detail else None
        if b is None:
            return
        self.context.runner.submit(call(bankfiles.list_layouts), key="payments.layouts",
                                   on_done=lambda rows: self._bank_dialog(b, rows))

    def _bank_dialog(self, b, layouts) -> None:
        dlg = FormDialog(self.tr("Bank file"), [
            ("layout", self.tr("Layout"), combo([(f"{x.name} (.{x.file_format})", x.name) for x in layouts])),
        ], self, note=self.tr("The file carries full account and ID numbers for the bank: keep it safe. Writing it is "
                              "recorded in the audit trail."))
        if not dlg.exec():
            return
        chosen = next(x for x in layouts if x.name == dlg.value("layout"))
        path, _ = save_file_name(self, self.tr("Save the bank file"), f"{b.number}{chosen.suffix}",
                                 f"*{chosen.suffix}")
        if path:
            self.context.runner.submit(call(batches.export_bank_file, batch_id=b.id, layout=chosen.name,
                                            out_path=path), on_done=self._done(b.id),
                                       on_error=lambda e: show_error(self, e))

    def _import_return(self) -> None:
        b = self.detail.batch if self.detail else None
        if b is None:
            return
        path, _ = open_file_name(self, self.tr("The bank's return file"),
                                 self.tr("Return files (*.xlsx *.csv *.txt);;All files (*)"))
        if not path:
            return

        def done(r) -> None:
            QMessageBox.information(self, self.tr("Bank return"), self.tr(
                "{paid} paid ({paid_total}), {failed} failed ({failed_total}).").format(
                paid=r.paid, paid_total=fmt_money(r.paid_fen), failed=r.failed,
                failed_total=fmt_money(r.failed_fen)))
            self._done(b.id)()

        self.context.runner.submit(call(batches.import_return, batch_id=b.id, path=path), on_done=done,
                                   on_error=lambda e: show_error(self, e))

    def _correct(self) -> None:
        rows = [r for r in selected_rows(self.item_view, self.item_model) if r.status == "failed" and not r.reissued_in]
        if not rows:
            QMessageBox.information(self, self.tr("Correct line"), self.tr("Select a failed line first."))
            return
        r = rows[0]
        dlg = FormDialog(self.tr("Correct line {line}: {name}").format(line=r.line_no, name=r.talent_name), [
            ("account", self.tr("Account or card number"), QLineEdit("" if "*" in r.account_no else r.account_no)),
            ("holder", self.tr("Account holder"), QLineEdit(r.holder_name)),
            ("bank", self.tr("Bank"), QLineEdit(r.bank_name)),
        ], self, note=self.tr("The bank said: {reason}").format(reason=r.fail_reason))
        if not dlg.exec():
            return
        account = dlg.value("account").strip() or None
        self.context.runner.submit(call(batches.correct_item, item_id=r.id, account_no=account,
                                        holder_name=dlg.value("holder"), bank_name=dlg.value("bank")),
                                   on_done=self._done(self.detail.batch.id), on_error=lambda e: show_error(self, e))

    def _reissue(self) -> None:
        b = self.detail.batch if self.detail else None
        if b is None:
            return
        self.context.runner.submit(call(batches.reissue_failed, batch_id=b.id),
                                   on_done=lambda r: self._done(r.batch)(), on_error=lambda e: show_error(self, e))

    def _save_document(self, caption: str, suggested, write) -> None:
        """Ask where to save a document of the batch in view (PDF or Excel), suggested(batch) being the file name;
        write(batch, path) is the bound call that writes it."""
        b = self.detail.batch if self.detail else None
        if b is None:
            return
        ask_save_path(self, caption, suggested(b), self.tr("PDF (*.pdf);;Excel (*.xlsx)"),
                      then=lambda path: self.context.runner.submit(write(b, path),
                                                                   on_error=lambda e: show_error(self, e)))

    def _report(self) -> None:
        self._save_document(self.tr("Save the reconciliation report"), lambda b: f"{b.number}-report.pdf",
                            lambda b, path: call(batches.write_report, batch_id=b.id, out_path=path))

    def _notice(self) -> None:
        self._save_document(self.tr("Save the notice"), lambda b: f"{b.number}.pdf",
                            lambda b, path: call(batches.write_notice, batch_id=b.id, path=path))

    def _account(self) -> None:
        rows = selected_rows(self.item_view, self.item_model)
        kinds = combo([(self.tr("Bank card"), "card"), (self.tr("Social security card"), "social"),
                       (self.tr("Other account (passbook)"), "account")])
        dlg = FormDialog(self.tr("Bank account"), [
            ("talent", self.tr("Talent (number, ID number or name)"),
             QLineEdit(str(rows[0].talent_id) if rows else "")),
            ("kind", self.tr("Kind"), kinds),
            ("account", self.tr("Account or card number"), QLineEdit()),
            ("bank", self.tr("Bank"), QLineEdit()),
            ("holder", self.tr("Account holder"), QLineEdit()),
        ], self, note=self.tr("The account becomes the talent's current one; the previous one is kept. A card number "
                              "is checked with its last digit (Luhn)."))
        if not dlg.exec():
            return

        def saved(r) -> None:
            QMessageBox.information(self, self.tr("Bank account"), self.tr("{name}: {account}, {bank} ({holder}).").format(
                name=r.talent_name, account=r.account_no, bank=r.bank_name, holder=r.holder_name))

        self.context.runner.submit(call(accounts.set_account_for, talent=dlg.value("talent"), kind=dlg.value("kind"),
                                        account_no=dlg.value("account"), bank_name=dlg.value("bank"),
                                        holder_name=dlg.value("holder")),
                                   on_done=saved, on_error=lambda e: show_error(self, e))

    def _calendar(self) -> None:
        year = today().year
        self.context.runner.submit(call(calendar.list_days, year=year), key="payments.calendar",
                                   on_done=lambda days: self._calendar_dialog(year, days))

    def _calendar_dialog(self, year: int, days) -> None:
        kind_text = {"holiday": self.tr("holiday"), "workday": self.tr("working day")}
        listing = "　".join(f"{fmt_date(d.day)} {kind_text.get(d.kind, d.kind)} {d.name}" for d in days) or \
            self.tr("No public holidays are entered for {year}: working days cannot be counted until they are.").format(
                year=year)
        dlg = FormDialog(self.tr("Working-day calendar"), [
            ("day", self.tr("Day"), date_edit(today())),
            ("kind", self.tr("The day is"), combo([(self.tr("a public holiday (not worked)"), "holiday"),
                                                   (self.tr("a working day (e.g. a weekend day worked)"), "workday"),
                                                   (self.tr("what its weekday says"), "")])),
            ("name", self.tr("Holiday name"), QLineEdit()),
        ], self, note=self.tr("Days of {year} that differ from their weekday:").format(year=year) + "\n" + listing)
        if not dlg.exec():
            return
        day, kind = dlg.value("day"), dlg.value("kind")
        work = call(calendar.set_day, day=day, kind=kind, name=dlg.value("name")) if kind else \
            call(calendar.clear_day, day=day)
        self.context.runner.submit(work, on_error=lambda e: show_error(self, e))

    def _cancel(self) -> None:
        b = self.detail.batch if self.detail else None
        if b is None:
            return
        dlg = FormDialog(self.tr("Cancel batch {number}").format(number=b.number),
                         [("reason", self.tr("Why"), QLineEdit())], self)
        if dlg.exec():
            self.context.runner.submit(call(batches.cancel_batch, batch_id=b.id, reason=dlg.value("reason")),
                                       on_done=self._done(b.id), on_error=lambda e: show_error(self, e))


class VerificationPage(Page):
    """在岗核验: who waits (待核验) for instalments due by a date, by employer; print the forms, record the answers."""

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.model = RowTableModel([
            Column(self.tr("Employer"), lambda r: r.employer_name),
            Column(self.tr("Name"), lambda r: r.talent_name),
            Column(self.tr("ID number"), lambda r: r.id_masked),
            Column(self.tr("Post"), lambda r: r.post),
            Column(self.tr("Policy"), lambda r: r.policy_name),
            Column(self.tr("Instalment"), lambda r: f"{r.seq}/{r.count}"),
            Column(self.tr("Due date"), lambda r: fmt_date(r.due_date)),
            Column(self.tr("Amount"), lambda r: fmt_money(r.amount_fen), align_right=True),
            Column(self.tr("Period"), lambda r: r.period),
        ], self)
        self.view = make_table_view(self.model, self)
        multi_select(self.view)
        self.due_by = date_edit(today() + dt.timedelta(days=31))
        self.due_by.setParent(self)
        self.due_by.dateChanged.connect(lambda *_: self.refresh())
        self.summary = QLabel(self)
        can = context.actor.can(Permission.LEDGER_RECORD)
        form_btn = QPushButton(self.tr("Print confirmation forms…"), self)
        form_btn.clicked.connect(self._forms)
        form_btn.setVisible(context.actor.can(Permission.PERSONAL_EXPORT))
        confirm_btn = QPushButton(self.tr("Confirmed in post (selected)"), self)
        confirm_btn.clicked.connect(self._confirm)
        gone_btn = QPushButton(self.tr("Not in post…"), self)
        gone_btn.clicked.connect(self._gone)
        rule_btn = QPushButton(self.tr("Policy rule…"), self)
        rule_btn.clicked.connect(self._rule)
        for b in (confirm_btn, gone_btn):
            b.setVisible(can)
        rule_btn.setVisible(context.actor.can(Permission.POLICY_MANAGE))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Instalments due by"), self))
        bar.addWidget(self.due_by)
        for b in (form_btn, confirm_btn, gone_btn, rule_btn):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        note = QLabel(self.tr("A policy may ask the employer to confirm, once a year or before each instalment, that "
                              "the talent is still in post; until then the instalment waits and stays out of payment "
                              "batches. Someone no longer in post is recorded as departed (clawback by the "
                              "policy's rule)."), self)
        note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addLayout(bar)
        lay.addWidget(self.view)

    def title(self) -> str:
        return self.tr("In-post confirmation")

    def refresh(self) -> None:
        self.context.runner.submit(call(verification.list_pending, due_by=from_qdate(self.due_by.date())),
                                   key="payments.pending", on_done=self._rows)

    def _rows(self, rows) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.summary.setText(self.tr("{n} instalments of {t} talents wait").format(
            n=len(rows), t=len({r.talent_id for r in rows})))
        self.loaded = True

    def _forms(self) -> None:
        path, _ = save_file_name(self, self.tr("Save the confirmation forms"), self.tr("in-post-confirmation.pdf"),
                                 self.tr("PDF (*.pdf)"))
        if path:
            self.context.runner.submit(call(verification.write_confirmation_forms,
                                            due_by=from_qdate(self.due_by.date()), out_path=path),
                                       on_error=lambda e: show_error(self, e))

    def _confirm(self) -> None:
        rows = selected_rows(self.view, self.model)
        if not rows:
            QMessageBox.information(self, self.tr("In-post confirmation"), self.tr(
                "Select the talents the employer confirmed in post (the signed form)."))
            return
        self.context.runner.submit(call(verification.confirm_in_post, due_by=from_qdate(self.due_by.date()),
                                        talent_ids=tuple(sorted({r.talent_id for r in rows}))),
                                   on_done=lambda _r: self.refresh(), on_error=lambda e: show_error(self, e))

    def _gone(self) -> None:
        rows = selected_rows(self.view, self.model)
        if len({r.talent_id for r in rows}) != 1:
            QMessageBox.information(self, self.tr("Not in post"), self.tr("Select one talent."))
            return
        self.context.runner.submit(call(list_exit_reasons), key="payments.reasons",
                                   on_done=lambda reasons: self._gone_dialog(rows[0], reasons))

    def _gone_dialog(self, row, reasons) -> None:
        zh = i18n.current_language().startswith("zh")
        dlg = FormDialog(self.tr("{name} is not in post").format(name=row.talent_name), [
            ("left_on", self.tr("Left on"), date_edit(today())),
            ("reason", self.tr("Reason for leaving"), combo([(r.name if zh else (r.name_en or r.name), r.code)
                                                            for r in reasons])),
            ("note", self.tr("What the employer said"), QLineEdit()),
        ], self, note=self.tr("The departure is recorded: future instalments stop, unpaid payment orders are "
                              "withdrawn, and the clawback is posted by the policy's rule."))
        if dlg.exec():
            self.context.runner.submit(call(verification.record_gone, talent_id=row.talent_id,
                                            left_on=dlg.value("left_on"), exit_reason=dlg.value("reason"),
                                            note=dlg.value("note")),
                                       on_done=lambda _r: self.refresh(), on_error=lambda e: show_error(self, e))

    def _rule(self) -> None:
        self.context.runner.submit(call(policies.list_policies, include_inactive=False), key="payments.policies",
                                   on_done=self._rule_dialog)

    def _rule_dialog(self, policy_rows) -> None:
        dlg = FormDialog(self.tr("In-post confirmation per policy"), [
            ("policy", self.tr("Policy"), combo([(p.name, p.id) for p in policy_rows])),
            ("rule", self.tr("Confirmation"), combo([(self.tr("none"), "none"), (self.tr("once a year"), "yearly"),
                                                     (self.tr("before each instalment"), "each")])),
        ], self)
        if dlg.exec() and dlg.value("policy") is not None:
            self.context.runner.submit(call(verification.set_rule, policy_id=dlg.value("policy"),
                                            rule=dlg.value("rule")),
                                       on_done=lambda _r: self.refresh(), on_error=lambda e: show_error(self, e))
