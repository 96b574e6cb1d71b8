"""Short dialogs of the growth tab: a growth event, a training programme, enrolling talents, recording completion."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from talentdesk.domain import enums as E
from talentdesk.domain.labels import choices
from talentdesk.services.growth import events, training
from talentdesk.ui.common.widgets import error_label
from talentdesk.ui.common.layouts import dialog_buttons
from talentdesk.ui.common.conflict import offer_choice
from talentdesk.ui.common.unsaved import GuardedDialog
from talentdesk.ui.common.dates import date_edit, from_qdate
from talentdesk.ui.common.screen import fit_to_screen

EDITABLE_KINDS = [k for k in E.GrowthKind if k not in (E.GrowthKind.ARRIVAL, E.GrowthKind.DEPARTURE)]


class _Form(GuardedDialog):
    def __init__(self, parent: QWidget | None, title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = error_label(self)
        self.error.hide()
        self.buttons = dialog_buttons(self, self.accept)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)

    on_save = None  # set by the tab: called on OK; the tab calls finish() when the work succeeded

    def accept(self) -> None:
        if self.on_save is None:
            super().accept()
            return
        self.error.hide()
        self.buttons.setEnabled(False)
        self.on_save()

    def finish(self) -> None:
        super().accept()

    def edits(self, version: int, submit) -> None:
        """This form changes a stored record read at `version`: OK calls `submit(data, version, on_error)` with
        `value()`, and a save over a newer version (another clerk's) shows both to choose from
        (ui/common/conflict.py), then saves the choice against the version now stored."""
        self.loaded = self.value()
        self.on_save = lambda: self._submit_versioned(submit, self.value(), version)

    def _submit_versioned(self, submit, data, version: int) -> None:
        submit(data, version, lambda exc: self._versioned_failed(submit, data, exc))

    def _versioned_failed(self, submit, data, exc: BaseException) -> None:
        if not offer_choice(self, exc, mine=data, loaded=self.loaded,
                            resave=lambda chosen, version: self._submit_versioned(submit, chosen, version),
                            on_cancel=lambda: self.buttons.setEnabled(True)):
            self.failed(exc)

    def failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.show_problem(getattr(exc, "message", None) or str(exc))

    def show_problem(self, message: str) -> None:
        """Keep the dialog open with the service's message (nothing was saved)."""
        self.error.setText(message)
        self.error.show()


class EventDialog(_Form):
    """Add or change one growth event. `value()` gives the EventInput; the tab saves it in the background."""

    def __init__(self, parent: QWidget | None, *, talent_id: int, talent_name: str,
                 event: events.EventRow | None = None):
        super().__init__(parent, self.tr("Change event") if event else self.tr("Add event"))
        self.talent_id = talent_id
        self.record = event
        self.form.addRow(self.tr("Talent"), QLabel(talent_name, self))
        self.kind = QComboBox(self)
        for code, text in choices(E.GrowthKind):
            if code in {k.value for k in EDITABLE_KINDS}:
                self.kind.addItem(text, code)
        self.date = date_edit(event.event_date if event else None, self)
        self.title = QLineEdit(self)
        self.title.setMaxLength(120)
        self.grade = QComboBox(self)
        for code, text in choices(E.AppraisalGrade):
            self.grade.addItem(text, code)
        self.detail = QPlainTextEdit(self)
        self.detail.setFixedHeight(70)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Date"), self.date)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Appraisal grade"), self.grade)
        self.form.addRow(self.tr("Details"), self.detail)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        if event:
            self.kind.setCurrentIndex(max(self.kind.findData(event.kind), 0))
            self.title.setText(event.title)
            self.detail.setPlainText(event.detail)
            if event.appraisal_grade:
                self.grade.setCurrentIndex(max(self.grade.findData(event.appraisal_grade), 0))
        self._kind_changed()
        fit_to_screen(self, 420, self.sizeHint().height())

    def _kind_changed(self) -> None:
        self.grade.setEnabled(self.kind.currentData() == E.GrowthKind.APPRAISAL.value)

    def value(self) -> events.EventInput:
        kind = self.kind.currentData()
        return events.EventInput(
            talent_id=self.talent_id, kind=kind, event_date=from_qdate(self.date.date()), title=self.title.text(),
            detail=self.detail.toPlainText(),
            appraisal_grade=self.grade.currentData() if kind == E.GrowthKind.APPRAISAL.value else None)


class ProgramDialog(_Form):
    def __init__(self, parent: QWidget | None, *, year: int, program: training.ProgramRow | None = None):
        super().__init__(parent, self.tr("Change programme") if program else self.tr("New training programme"))
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(program.year if program else year)
        self.name = QLineEdit(self)
        self.name.setMaxLength(120)
        self.level = QComboBox(self)
        self.level.setEditable(True)
        self.level.addItems([self.tr("County"), self.tr("City"), self.tr("Province"), self.tr("Junior"),
                             self.tr("Intermediate"), self.tr("Senior")])
        self.category = QComboBox(self)
        self.category.setEditable(True)
        self.category.addItems([self.tr("Political theory"), self.tr("Professional skills"),
                                self.tr("Management"), self.tr("Rural revitalisation"), self.tr("Digital skills")])
        self.hours = QDoubleSpinBox(self)
        self.hours.setRange(0, 2000)
        self.hours.setDecimals(1)
        self.hours.setValue(program.hours if program else 16)
        self.start = date_edit(program.start_date if program and program.start_date else dt.date(year, 3, 1), self)
        self.end = date_edit(program.end_date if program and program.end_date else dt.date(year, 3, 3), self)
        self.form.addRow(self.tr("Plan year"), self.year)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Level"), self.level)
        self.form.addRow(self.tr("Category"), self.category)
        self.form.addRow(self.tr("Hours"), self.hours)
        self.form.addRow(self.tr("Starts"), self.start)
        self.form.addRow(self.tr("Ends"), self.end)
        if program:
            self.name.setText(program.name)
            self.level.setCurrentText(program.level)
            self.category.setCurrentText(program.category)
        fit_to_screen(self, 420, self.sizeHint().height())

    def value(self) -> training.ProgramInput:
        return training.ProgramInput(
            year=self.year.value(), name=self.name.text(), level=self.level.currentText(),
            category=self.category.currentText(), hours=self.hours.value(), start_date=from_qdate(self.start.date()),
            end_date=from_qdate(self.end.date()))


class EnrolDialog(_Form):
    """Enrol by filter: tier, employer, 'not yet trained this year'. Shows how many would be enrolled."""

    def __init__(self, parent: QWidget | None, *, program: training.ProgramRow, tiers, employers):
        super().__init__(parent, self.tr("Enrol talents in {name}").format(name=program.name))
        self.tier = QComboBox(self)
        self.tier.addItem(self.tr("All tiers"), None)
        for t in tiers:
            self.tier.addItem(t.display, t.code)
        self.employer = QComboBox(self)
        self.employer.addItem(self.tr("All employers"), None)
        for e in employers:
            self.employer.addItem(e.name, e.id)
        self.untrained = QCheckBox(self.tr("Only talents not yet trained in {year}").format(year=program.year), self)
        self.untrained.setChecked(True)
        self.preview = QLabel(self)
        self.form.addRow(self.tr("Tier"), self.tier)
        self.form.addRow(self.tr("Employer"), self.employer)
        self.form.addRow("", self.untrained)
        self.form.addRow(self.tr("Would enrol"), self.preview)

    def value(self) -> training.EnrolFilter:
        return training.EnrolFilter(tier_code=self.tier.currentData(), employer_id=self.employer.currentData(),
                                  not_trained_this_year=self.untrained.isChecked())

    def set_preview(self, n: int) -> None:
        self.preview.setText(self.tr("{n} active talents").format(n=n))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(n > 0)


class CompletionDialog(_Form):
    def __init__(self, parent: QWidget | None, *, count: int, program: training.ProgramRow):
        super().__init__(parent, self.tr("Record completion"))
        self.form.addRow(QLabel(self.tr("{n} enrolment(s) in {name}").format(n=count, name=program.name), self))
        self.date = date_edit(min(program.end_date or dt.date.today(), dt.date.today()), self)
        self.own_hours = QCheckBox(self.tr("Hours other than the programme's {hours}").format(hours=f"{program.hours:g}"),
                                   self)
        self.hours = QDoubleSpinBox(self)
        self.hours.setRange(0, 2000)
        self.hours.setDecimals(1)
        self.hours.setValue(program.hours)
        self.hours.setEnabled(False)
        self.own_hours.toggled.connect(self.hours.setEnabled)
        self.form.addRow(self.tr("Completed on"), self.date)
        self.form.addRow("", self.own_hours)
        self.form.addRow(self.tr("Hours"), self.hours)

    def value(self) -> tuple[dt.date, float | None]:
        return from_qdate(self.date.date()), (self.hours.value() if self.own_hours.isChecked() else None)


class PickTalentsDialog(_Form):
    """Enrol talents one by one: type a name or pinyin initials, tick the people in the results."""

    def __init__(self, parent: QWidget | None, *, program: training.ProgramRow, search):
        super().__init__(parent, self.tr("Enrol talents in {name}").format(name=program.name))
        from PySide6.QtWidgets import QListWidget

        self.search = search  # search(text, on_rows) runs in the background
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Name, pinyin initials or ID number…"))
        self.results = QListWidget(self)
        self.results.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.results.setMinimumHeight(220)
        self.form.addRow(self.tr("Find"), self.text)
        self.form.addRow(self.tr("Talents"), self.results)
        self.text.textChanged.connect(lambda t: self.search(t, self.show_rows) if t.strip() else None)

    def show_rows(self, rows) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QListWidgetItem

        self.results.clear()
        for r in rows:
            item = QListWidgetItem(f"{r.name} · {r.employer_name} · {r.tier_name}")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.results.addItem(item)

    def chosen(self) -> list[int]:
        from PySide6.QtCore import Qt

        return [i.data(Qt.ItemDataRole.UserRole) for i in self.results.selectedItems()]
