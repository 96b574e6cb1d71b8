"""Dialogs of the mentor board. Each one runs its service operation in the background when OK is pressed, stays
open with the message (and the field at fault focused) when the operation is refused, and closes on success."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from talentdesk.domain import enums as E
from talentdesk.domain.labels import choices, label, join_list
from talentdesk.services.base import call
from talentdesk.services.mentors import checkins, pairings, pool
from talentdesk.services.mentors.board import BoardCard, BoardColumn
from talentdesk.services.mentors.pairings import MAX_CADENCE_DAYS
from talentdesk.services.mentors.pool import MAX_CAPACITY
from talentdesk.ui.common.layouts import column, dialog_buttons, form
from talentdesk.ui.common.conflict import offer_choice
from talentdesk.ui.common.unsaved import GuardedDialog
from talentdesk.ui.common.dates import date_edit, from_qdate, to_qdate
from talentdesk.ui.common.formatting import fmt_date
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.widgets import make_table_view
from talentdesk.ui.errors import show_error
from talentdesk.ui.common.screen import fit_to_screen


class ServiceDialog(GuardedDialog):
    """A form whose OK runs one write operation through the runner; `succeeded(result)` fires after a commit."""

    succeeded = Signal(object)

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.fields: dict[str, QWidget] = {}
        self.buttons = dialog_buttons(self, self.submit)
        self.result_value: Any = None
        self._busy = False
        self.loaded: dict | None = None  # an editor of a stored record: its fields as opened (see `versioned`)
        self.setMinimumWidth(460)

    def operation(self) -> tuple[Callable[..., Any], dict]:
        raise NotImplementedError

    def field_form(self, *rows: tuple[str, str, QWidget], also: dict[str, QWidget] | None = None) -> QFormLayout:
        """The form of (field name, label, widget) rows, listed once: a refusal naming a field (or a name in `also`)
        puts the cursor in its widget."""
        self.fields = {name: widget for name, _label, widget in rows} | (also or {})
        return form(*((text, widget) for _name, text, widget in rows))

    def versioned(self, version: int) -> None:
        """This form edits a stored record read at `version`: its saves are checked against it, and a save over a
        newer one (another clerk's) shows both versions to choose from (ui/common/conflict.py)."""
        self.version = version
        self.loaded = self.operation()[1]

    def submit(self) -> None:
        if self._busy:
            return
        fn, kwargs = self.operation()
        if self.loaded is not None:
            kwargs["expected_version"] = self.version
        self._run(fn, kwargs)

    def _run(self, fn: Callable[..., Any], kwargs: dict) -> None:
        self._busy = True
        self.buttons.setEnabled(False)
        self._submitted = (fn, kwargs)
        self.context.runner.submit(call(fn, **kwargs), on_done=self._done, on_error=self._failed)

    def _done(self, result) -> None:
        self._busy = False
        self.buttons.setEnabled(True)
        self.result_value = result
        self.accept()
        self.succeeded.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.buttons.setEnabled(True)
        fn, kwargs = self._submitted
        if offer_choice(self, exc, mine=kwargs, loaded=self.loaded,
                        resave=lambda values, version: self._run(fn, {**values, "expected_version": version})):
            return
        show_error(self, exc)
        widget = self.fields.get(getattr(exc, "field", None) or "")
        if widget is not None:
            widget.setFocus()


def _role_combo(parent: QWidget, roles: Sequence, selected: int | None) -> QComboBox:
    combo = QComboBox(parent)
    for r in roles:
        combo.addItem(r.display, r.id)
    if selected is not None:
        i = combo.findData(selected)
        if i >= 0:
            combo.setCurrentIndex(i)
    return combo


class PairDialog(ServiceDialog):
    """Pair a newcomer with a mentor: role, start, planned end, goals, check-in cadence."""

    def __init__(self, context: AppContext, card: BoardCard, mentor: BoardColumn, roles: Sequence, *,
                 role_id: int | None, cadence_days: int, today: dt.date, parent=None):
        super().__init__(context, parent)
        self.card, self.mentor = card, mentor
        self.setWindowTitle(self.tr("Pair with a mentor"))
        intro = QLabel(self.tr("<b>{talent}</b> ({employer}) with mentor <b>{mentor}</b> — {load} of {capacity} "
                               "places taken.").format(talent=card.talent_name, employer=card.employer_name or "—",
                                                       mentor=mentor.name, load=mentor.load, capacity=mentor.capacity),
                       self)
        intro.setWordWrap(True)
        self.role = _role_combo(self, roles, role_id)
        self.start = date_edit(today, self)
        self.planned_end = date_edit(pairings.default_planned_end(today), self)
        self.start.dateChanged.connect(
            lambda q: self.planned_end.setDate(to_qdate(pairings.default_planned_end(from_qdate(q)))))
        self.goals = QPlainTextEdit(self)
        self.goals.setPlaceholderText(self.tr("What the newcomer should achieve, e.g. run the ward independently "
                                              "within a year"))
        self.goals.setFixedHeight(80)
        self.cadence = QSpinBox(self)
        self.cadence.setRange(1, MAX_CADENCE_DAYS)
        self.cadence.setValue(cadence_days)
        self.cadence.setSuffix(self.tr(" days"))
        column(intro,
               self.field_form(("role_id", self.tr("Role"), self.role),
                               ("start_date", self.tr("Start"), self.start),
                               ("planned_end_date", self.tr("Planned end"), self.planned_end),
                               ("goals", self.tr("Goals"), self.goals),
                               ("cadence_days", self.tr("Check in at least every"), self.cadence),
                               also={"mentor_id": self.role}),
               self.buttons, parent=self)

    def operation(self):
        return pairings.pair, dict(
            mentor_id=self.mentor.mentor_id, talent_id=self.card.talent_id, role_id=self.role.currentData(),
            start_date=from_qdate(self.start.date()), planned_end_date=from_qdate(self.planned_end.date()),
            goals=self.goals.toPlainText(), cadence_days=self.cadence.value())


class ReassignDialog(ServiceDialog):
    """Move a newcomer's roles from one mentor to another: the old pairings end with the reason given."""

    def __init__(self, context: AppContext, card: BoardCard, source: BoardColumn | None, target: BoardColumn, *,
                 today: dt.date, parent=None):
        super().__init__(context, parent)
        self.card, self.target = card, target
        self.setWindowTitle(self.tr("Change mentor"))
        intro = QLabel(self.tr("Move <b>{talent}</b> from <b>{old}</b> to <b>{new}</b> ({load} of {capacity} places "
                               "taken). The current pairing ends with the reason below and a new one starts; the "
                               "history is kept.").format(talent=card.talent_name,
                                                          old=source.name if source else "—", new=target.name,
                                                          load=target.load, capacity=target.capacity), self)
        intro.setWordWrap(True)
        self.role_boxes: list[tuple[QCheckBox, int]] = []
        roles_box = QGroupBox(self.tr("Roles to move"), self)
        rl = QVBoxLayout(roles_box)
        for r in card.roles:
            cb = QCheckBox(r.role_name, roles_box)
            cb.setChecked(True)
            rl.addWidget(cb)
            self.role_boxes.append((cb, r.pairing_id))
        earliest = max(r.start_date for r in card.roles) if card.roles else today
        self.on = date_edit(max(today, earliest), self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("e.g. the mentor was transferred; a better match in the same field"))
        form = QFormLayout()
        form.addRow(self.tr("Date of the change"), self.on)
        form.addRow(self.tr("Reason"), self.reason)
        self.fields = {"reason": self.reason, "on": self.on, "pairing_ids": roles_box, "to_mentor_id": self.reason}
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        if len(card.roles) > 1:
            lay.addWidget(roles_box)
        else:
            roles_box.hide()
        lay.addLayout(form)
        lay.addWidget(self.buttons)

    def operation(self):
        return pairings.reassign_many, dict(
            pairing_ids=[pid for cb, pid in self.role_boxes if cb.isChecked()], to_mentor_id=self.target.mentor_id,
            on=from_qdate(self.on.date()), reason=self.reason.text())


class EndPairingDialog(ServiceDialog):
    def __init__(self, context: AppContext, card: BoardCard, mentor_name: str, *, today: dt.date, parent=None):
        super().__init__(context, parent)
        self.card = card
        self.setWindowTitle(self.tr("End pairing"))
        intro = QLabel(self.tr("End the pairing of <b>{talent}</b> with <b>{mentor}</b>. The record is kept as "
                               "history.").format(talent=card.talent_name, mentor=mentor_name), self)
        intro.setWordWrap(True)
        self.role = QComboBox(self)
        for r in card.roles:
            self.role.addItem(r.role_name, r.pairing_id)
        self.on = date_edit(today, self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("e.g. goals reached; the newcomer changed post"))
        form = QFormLayout()
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("End date"), self.on)
        form.addRow(self.tr("Reason"), self.reason)
        self.fields = {"reason": self.reason, "on": self.on}
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.buttons)

    def operation(self):
        return pairings.end_pairing, dict(pairing_id=self.role.currentData(), on=from_qdate(self.on.date()),
                                         reason=self.reason.text())


class CheckInDialog(ServiceDialog):
    """帮带记录: date, mode, notes, issues tagged work/housing/family/other, and whether the office follows up."""

    def __init__(self, context: AppContext, *, talent_name: str, mentor_name: str,
                 pairings: Sequence[tuple[int, str]], today: dt.date, parent=None):
        super().__init__(context, parent)
        self.today = today
        self.setWindowTitle(self.tr("Record a check-in"))
        intro = QLabel(self.tr("Conversation between mentor <b>{mentor}</b> and <b>{talent}</b>").format(
            mentor=mentor_name, talent=talent_name), self)
        self.pairing = QComboBox(self)
        for pid, role_name in pairings:
            self.pairing.addItem(role_name, pid)
        self.date = date_edit(today, self, maximum=today)
        self.mode = QComboBox(self)
        for code, text in choices(E.CheckInMode):
            self.mode.addItem(text, code)
        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText(self.tr("What was talked about"))
        self.notes.setFixedHeight(70)
        tags = QWidget(self)
        tl = QHBoxLayout(tags)
        tl.setContentsMargins(0, 0, 0, 0)
        self.tag_boxes: dict[str, QCheckBox] = {}
        for code, text in choices(E.IssueTag):
            cb = QCheckBox(text, tags)
            tl.addWidget(cb)
            self.tag_boxes[code] = cb
        tl.addStretch(1)
        self.issues = QPlainTextEdit(self)
        self.issues.setPlaceholderText(self.tr("Problems the newcomer raised"))
        self.issues.setFixedHeight(60)
        self.follow_up = QCheckBox(self.tr("The office must follow up (opens a care case on the talent)"), self)
        form = QFormLayout()
        form.addRow(self.tr("Role"), self.pairing)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Mode"), self.mode)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.tr("Issues raised"), tags)
        form.addRow("", self.issues)
        form.addRow("", self.follow_up)
        if len(pairings) < 2:
            self.pairing.setEnabled(False)
        self.fields = {"date": self.date, "mode": self.mode, "issue_tags": tags, "issues": self.issues}
        self.history_model = RowTableModel([
            Column(self.tr("Date"), lambda r: fmt_date(r.date)),
            Column(self.tr("Mode"), lambda r: r.mode_label),
            Column(self.tr("Notes"), lambda r: r.notes, tooltip=lambda r: r.notes),
            Column(self.tr("Issues"), lambda r: join_list(label(E.IssueTag, t) for t in r.issue_tags)
                   + (f" {r.issues}" if r.issues else ""), tooltip=lambda r: r.issues),
            Column(self.tr("Follow-up"), lambda r: (self.tr("open") if r.care_case_open else self.tr("closed"))
                   if r.care_case_id else ""),
        ], self)
        self.history = make_table_view(self.history_model, self, sortable=False)
        self.history.setMinimumHeight(80)  # the dialog fits a 1366×768 screen at 150 %
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(QLabel(self.tr("Earlier check-ins"), self))
        lay.addWidget(self.history)
        lay.addWidget(self.buttons)
        fit_to_screen(self, 620, 620)
        self.pairing.currentIndexChanged.connect(lambda _i: self.load_history())
        self.load_history()

    def load_history(self) -> None:
        pid = self.pairing.currentData()
        if pid is not None:
            self.context.runner.submit(call(checkins.list_checkins, pairing_id=pid), key=f"mentors.checkins.{id(self)}", on_done=self._on_history)

    def _on_history(self, rows) -> None:
        self.history_model.set_rows(rows)
        self.history.resizeColumnsToContents()
        self.history.setColumnWidth(2, min(self.history.columnWidth(2), 260))

    def operation(self):
        return checkins.record_checkin, dict(
            pairing_id=self.pairing.currentData(), date=from_qdate(self.date.date()), mode=self.mode.currentData(),
            notes=self.notes.toPlainText(), issue_tags=[c for c, cb in self.tag_boxes.items() if cb.isChecked()],
            issues=self.issues.toPlainText(), follow_up=self.follow_up.isChecked(), today=self.today)


class MentorDialog(ServiceDialog):
    """Add a mentor to the pool (optionally a talent who mentors) or edit one."""

    def __init__(self, context: AppContext, employers: Sequence, *, mentor=None, talent: BoardCard | None = None,
                 parent=None):
        super().__init__(context, parent)
        self.mentor = mentor
        self.talent_id = mentor.talent_id if mentor is not None else (talent.talent_id if talent else None)
        self.setWindowTitle(self.tr("Edit mentor") if mentor else self.tr("Add a mentor"))
        self.name = QLineEdit(self)
        self.employer = QComboBox(self)
        self.employer.addItem(self.tr("(none)"), None)
        for e in employers:
            self.employer.addItem(e.name, e.id)
        self.employer.setEditable(False)
        self.title_edit = QLineEdit(self)
        self.expertise = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.capacity = QSpinBox(self)
        self.capacity.setRange(1, MAX_CAPACITY)
        self.capacity.setValue(3)
        self.notes = QPlainTextEdit(self)
        self.notes.setFixedHeight(60)
        if mentor is not None:
            self.name.setText(mentor.name)
            self.employer.setCurrentIndex(max(0, self.employer.findData(mentor.employer_id)))
            self.title_edit.setText(mentor.title)
            self.expertise.setText(mentor.expertise)
            self.phone.setText(mentor.phone)
            self.capacity.setValue(mentor.capacity)
            self.notes.setPlainText(mentor.notes)
        elif talent is not None:
            self.name.setText(talent.talent_name)
            self.name.setPlaceholderText(talent.talent_name)
        fields = self.field_form(("name", self.tr("Name"), self.name),
                                 ("employer_id", self.tr("Employer"), self.employer),
                                 ("title", self.tr("Title"), self.title_edit),
                                 ("expertise", self.tr("Expertise"), self.expertise),
                                 ("phone", self.tr("Phone"), self.phone),
                                 ("capacity", self.tr("Capacity (newcomers at once)"), self.capacity),
                                 ("notes", self.tr("Notes"), self.notes),
                                 also={"talent_id": self.name})
        if self.talent_id is not None:
            fields.insertRow(0, QLabel(self.tr("This mentor is one of the county's talents; empty fields are taken "
                                               "from the talent's record."), self))
        column(fields, self.buttons, parent=self)
        fit_to_screen(self, 440, 0)
        if mentor is not None:
            self.versioned(mentor.version)

    def operation(self):
        kwargs = dict(name=self.name.text(), employer_id=self.employer.currentData(), title=self.title_edit.text(),
                      expertise=self.expertise.text(), phone=self.phone.text(), capacity=self.capacity.value(),
                      talent_id=self.talent_id, notes=self.notes.toPlainText())
        if self.mentor is not None:
            return pool.update_mentor, dict(mentor_id=self.mentor.id, **kwargs)
        if self.talent_id is not None and self.employer.currentData() is None:
            kwargs["employer_id"] = None  # the talent's own employer
        return pool.create_mentor, kwargs


class RolesDialog(GuardedDialog):
    """The office's mentor role names (单位领导 / 分管领导 / 业务导师 …): rename or add."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Mentor roles"))
        self.list = QListWidget(self)
        self.name = QLineEdit(self)
        self.name_en = QLineEdit(self)
        self.rename_button = QPushButton(self.tr("Rename"), self)
        self.add_button = QPushButton(self.tr("Add as new role"), self)
        self.rename_button.clicked.connect(self._rename)
        self.add_button.clicked.connect(self._add)
        self.list.currentItemChanged.connect(self._picked)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("English name"), self.name_en)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.list)
        lay.addLayout(form)
        lay.addLayout(buttons)
        lay.addWidget(close)
        self.reload()

    def unsaved_roots(self) -> list:
        return [self.name, self.name_en]

    def reload(self) -> None:
        self.context.runner.submit(call(pool.list_roles), on_done=self._on_roles)

    def _on_roles(self, rows) -> None:
        current = self.list.currentItem().data(Qt.ItemDataRole.UserRole).id if self.list.currentItem() else None
        self.list.clear()
        for r in rows:
            item = QListWidgetItem(self.tr("{name} / {name_en} — {n} current pairings").format(
                name=r.name, name_en=r.name_en or "—", n=r.in_use))
            item.setData(Qt.ItemDataRole.UserRole, r)
            self.list.addItem(item)
            if r.id == current:
                self.list.setCurrentItem(item)

    def _picked(self, item, _old=None) -> None:
        if item is None:
            return
        r = item.data(Qt.ItemDataRole.UserRole)
        self.name.setText(r.name)
        self.name_en.setText(r.name_en)
        self.mark_clean()

    def _rename(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        r = item.data(Qt.ItemDataRole.UserRole)
        self.context.runner.submit(call(pool.rename_role, role_id=r.id, name=self.name.text(), name_en=self.name_en.text()), on_done=lambda _r: self.reload(), on_error=lambda e: show_error(self, e))

    def _add(self) -> None:
        self.context.runner.submit(call(pool.create_role, name=self.name.text(), name_en=self.name_en.text()), on_done=lambda _r: self.reload(), on_error=lambda e: show_error(self, e))
