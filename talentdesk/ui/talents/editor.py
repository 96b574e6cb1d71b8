"""One talent: every field of the file with its rule checked as the user types (message beside the field),
plus the talent's attachments and care cases, and the departure / re-activation actions."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from talentdesk.domain import enums as E
from talentdesk.domain import talent_fields
from talentdesk.domain.errors import TalentDeskError
from talentdesk.domain.labels import choices, label
from talentdesk.domain.talent_fields import (
    TALENT_FIELDS,
    clean_talent_fields,
    field_label,
)
from talentdesk.services.base import call
from talentdesk.services.common import reference
from talentdesk.services.talents import departure, records
from talentdesk.ui.common.layouts import column
from talentdesk.ui.common.formatting import fmt_date
from talentdesk.ui.common.style import bad_field_style, error_style, notice_style, ok_style
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.unsaved import GuardedDialog
from talentdesk.ui.errors import show_error
from talentdesk.ui.common.screen import fit_to_screen


class TalentForm(QWidget):
    """The fields of one talent with a message label beside each. `problems()` is the live check's result."""

    changed = Signal()

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._server_errors: dict[str, str] = {}
        self.today = dt.date.today()
        w = self.widgets
        w["name"] = QLineEdit()
        w["gender"] = QComboBox()
        w["gender"].addItem(self.tr("(from the ID number)"), "")
        for code, text in choices(E.Gender):
            w["gender"].addItem(text, code)
        w["id_number"] = QLineEdit()
        w["id_number"].setPlaceholderText(self.tr("18 characters, e.g. 330102199001011234"))
        w["birth_date"] = QLineEdit()
        w["birth_date"].setPlaceholderText(self.tr("taken from the ID number when empty"))
        for f in ("ethnicity", "native_place", "school", "major", "professional_title", "post"):
            w[f] = QLineEdit()
        w["phone"] = QLineEdit()
        w["phone"].setPlaceholderText(self.tr("mobile 13812345678 or landline with area code"))
        w["email"] = QLineEdit()
        for f, enum in (("education", E.Education), ("degree", E.Degree), ("intro_mode", E.IntroMode)):
            w[f] = QComboBox()
            if f == "education":  # a new talent starts with no education chosen, not with the first (博士研究生)
                w[f].addItem(self.tr("(choose)"), None)
            for code, text in choices(enum):
                w[f].addItem(text, code)
        w["tier_code"] = QComboBox()
        w["tier_code"].addItem("", "")
        w["employer_id"] = QComboBox()
        w["employer_id"].addItem(self.tr("(none)"), None)
        w["important_post"] = QCheckBox(self.tr("holds an important post"))
        w["arrival_date"] = QLineEdit()
        w["arrival_date"].setPlaceholderText(self.tr("e.g. 2023-07-01"))
        w["service_years"] = QSpinBox()
        w["service_years"].setRange(0, 50)
        w["service_years"].setValue(5)
        w["service_years"].setSuffix(self.tr(" years"))
        w["notes"] = QPlainTextEdit()
        w["notes"].setFixedHeight(60)
        self.status_label = QLabel()
        self.employers_button = QPushButton(self.tr("Employers…"))

        grid = QGridLayout(self)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        required = set(talent_fields.REQUIRED_FIELDS) | {"employer_id", "education"}
        for row, f in enumerate(TALENT_FIELDS):
            caption = field_label(f) + (" *" if f in required else "")
            lab = QLabel(caption)
            lab.setBuddy(w[f])
            grid.addWidget(lab, row, 0)
            if f == "employer_id":
                box = QHBoxLayout()
                box.addWidget(w[f], 1)
                box.addWidget(self.employers_button)
                grid.addLayout(box, row, 1)
            else:
                grid.addWidget(w[f], row, 1)
            err = QLabel()
            err.setObjectName(f"error_{f}")
            err.setStyleSheet(error_style())
            err.setWordWrap(True)
            self.errors[f] = err
            grid.addWidget(err, row, 2)
            self._connect(w[f])
        grid.addWidget(QLabel(field_label("status")), len(TALENT_FIELDS), 0)
        grid.addWidget(self.status_label, len(TALENT_FIELDS), 1, 1, 2)

    def _connect(self, widget: QWidget) -> None:
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(self._on_edit)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._on_edit)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(self._on_edit)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(self._on_edit)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._on_edit)

    def _on_edit(self, *_a) -> None:
        sender = self.sender()
        for f, wdg in self.widgets.items():
            if wdg is sender:
                self._server_errors.pop(f, None)
        self.check()
        self.changed.emit()

    # ------------------------------------------------------------ values in and out
    def fill_choices(self, tiers, employers) -> None:
        tier_box: QComboBox = self.widgets["tier_code"]
        current = tier_box.currentData()
        tier_box.blockSignals(True)
        tier_box.clear()
        tier_box.addItem("", "")
        for t in tiers:
            tier_box.addItem(f"{t.code} {t.display}", t.code)
        self._select(tier_box, current)
        tier_box.blockSignals(False)
        emp: QComboBox = self.widgets["employer_id"]
        current = emp.currentData()
        emp.blockSignals(True)
        emp.clear()
        emp.addItem(self.tr("(none)"), None)
        for e in employers:
            emp.addItem(e.name, e.id)
        self._select(emp, current)
        emp.blockSignals(False)

    @staticmethod
    def _select(box: QComboBox, data) -> None:
        i = box.findData(data)
        box.setCurrentIndex(i if i >= 0 else 0)

    def set_values(self, d: records.TalentDetail | None) -> None:
        w = self.widgets
        for wdg in w.values():
            wdg.blockSignals(True)
        if d is None:
            for f in ("name", "id_number", "birth_date", "ethnicity", "native_place", "phone", "email", "school",
                      "major", "professional_title", "post", "arrival_date"):
                w[f].clear()
            self.status_label.setText(label(E.TalentStatus, "active"))
            self.in_post = True
        else:
            self.in_post = d.status == E.TalentStatus.ACTIVE.value
            for f in ("name", "id_number", "ethnicity", "native_place", "phone", "email", "school", "major",
                      "professional_title", "post"):
                w[f].setText(getattr(d, f) or "")
            w["birth_date"].setText(fmt_date(d.birth_date))
            w["arrival_date"].setText(fmt_date(d.arrival_date))
            self._select(w["gender"], d.gender)
            for f in ("education", "degree", "intro_mode", "tier_code", "employer_id"):
                self._select(w[f], getattr(d, f))
            w["important_post"].setChecked(d.important_post)
            w["service_years"].setValue(d.service_years)
            w["notes"].setPlainText(d.notes)
            status = label(E.TalentStatus, d.status)
            if d.departure_date:
                status += self.tr(" — left on {date}: {reason} → {dest}").format(
                    date=fmt_date(d.departure_date), reason=d.departure_reason, dest=d.departure_destination or "—")
            if d.service_end_date:
                status += self.tr("; service commitment ends {date}").format(date=fmt_date(d.service_end_date))
            self.status_label.setText(status)
            if not d.sensitive_visible:  # masked values are shown, not edited
                w["id_number"].setReadOnly(True)
                w["phone"].setReadOnly(True)
                w["id_number"].setToolTip(self.tr("Your role may not see full ID and phone numbers."))
        for wdg in w.values():
            wdg.blockSignals(False)
        self.check()

    def values(self) -> dict:
        w = self.widgets
        out = {f: w[f].text() for f in ("name", "id_number", "birth_date", "ethnicity", "native_place", "phone",
                                        "email", "school", "major", "professional_title", "post", "arrival_date")}
        for f in ("gender", "education", "degree", "intro_mode", "tier_code", "employer_id"):
            out[f] = w[f].currentData()
        out["important_post"] = w["important_post"].isChecked()
        out["service_years"] = w["service_years"].value()
        out["notes"] = w["notes"].toPlainText()
        return out

    # ------------------------------------------------------------ the live check
    def problems(self) -> dict[str, str]:
        self.warnings: dict[str, str] = {}
        _clean, errors = clean_talent_fields(self.values(), today=self.today, warnings=self.warnings)
        if self.widgets["education"].currentData() is None:
            errors["education"] = self.tr("Choose the education.")
        if self.widgets["employer_id"].currentData() is None and getattr(self, "in_post", True):
            # someone in post needs an employer; a leaver's record may have none on file
            errors["employer_id"] = self.tr("The employer is required (add it under Employers… if it is new).")
        errors = {**errors, **self._server_errors}
        for f in ("id_number", "phone", "gender", "birth_date"):  # masked values cannot be checked here
            if self.widgets["id_number"].isReadOnly():
                errors.pop(f, None)
        return errors

    def check(self) -> dict[str, str]:
        errors = self.problems()
        for f, lab in self.errors.items():
            msg = errors.get(f, "")
            note = "" if msg else self.warnings.get(f, "")  # accepted, but worth a look (unknown region code)
            lab.setText(msg or note)
            lab.setStyleSheet(error_style() if msg else notice_style())
            wdg = self.widgets[f]
            if isinstance(wdg, (QLineEdit, QComboBox)):
                wdg.setStyleSheet(bad_field_style() if msg else "")
        return errors

    def set_server_error(self, fieldname: str | None, message: str) -> None:
        if fieldname in self.errors:
            self._server_errors[fieldname] = message
            self.check()
            self.widgets[fieldname].setFocus()


class TalentEditorDialog(GuardedDialog):
    """New talent (talent_id None) or an existing one. Saving runs in the background; the list refreshes itself
    from the runner's data_changed signal."""

    saved = Signal(int)

    def __init__(self, context: AppContext, talent_id: int | None = None, parent=None):
        super().__init__(parent)
        self.context = context
        self.talent_id = talent_id
        self.detail: records.TalentDetail | None = None
        self.loaded_values: dict = {}
        self.setWindowTitle(self.tr("New talent") if talent_id is None else self.tr("Talent record"))
        fit_to_screen(self, 920, 760)
        self.form = TalentForm(context, self)
        self.form.employers_button.clicked.connect(self._open_employers)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.pages = QTabWidget(self)
        self.pages.addTab(scroll, self.tr("Record"))
        from talentdesk.ui.talents.attachments import AttachmentsPanel
        from talentdesk.ui.talents.care import CarePanel

        self.attachments = AttachmentsPanel(context, self)
        self.care = CarePanel(context, self)
        self.pages.addTab(self.attachments, self.tr("Attachments"))
        self.pages.addTab(self.care, self.tr("Care services"))
        self.summary = QLabel()
        self.summary.setStyleSheet(error_style())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.depart_button = QPushButton(self.tr("Record departure…"))
        self.reactivate_button = QPushButton(self.tr("Re-activate…"))
        for b in (self.depart_button, self.reactivate_button):  # Enter never opens these by accident
            b.setAutoDefault(False)
            b.setDefault(False)
        self.buttons.addButton(self.depart_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.reactivate_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.depart_button.clicked.connect(self._depart)
        self.reactivate_button.clicked.connect(self._reactivate)
        column(self.pages, self.summary, self.buttons, parent=self)
        self._dup_timer = QTimer(self, singleShot=True, interval=250)
        self._dup_timer.timeout.connect(self._check_duplicate)
        self.form.widgets["id_number"].textChanged.connect(lambda _t: self._dup_timer.start())
        self.form.changed.connect(self._update_summary)
        self.busy = False
        self._update_buttons()
        self._load_choices()
        if talent_id is not None:
            self.context.runner.submit(call(records.get_talent, talent_id=talent_id), on_done=self._loaded, on_error=lambda e: show_error(self, e))
        else:
            self.form.set_values(None)

    def _load_choices(self) -> None:
        def got(result):
            tiers, employers = result
            self.form.fill_choices(tiers, employers)
            if self.detail is not None:
                self.form.set_values(self.detail)
            self.mark_clean()

        self.context.runner.submit(call(reference.tiers_and_employers), on_done=got, on_error=lambda e: show_error(self, e))

    def _loaded(self, detail: records.TalentDetail) -> None:
        self.detail = detail
        self.setWindowTitle(self.tr("Talent record — {name}").format(name=detail.name))
        self.form.set_values(detail)
        self.loaded_values = self.form.values()  # what this clerk started from (the conflict dialog's "changed")
        self.mark_clean()
        self.attachments.set_talent(detail.id)
        self.care.set_talent(detail.id)
        self._update_buttons()

    def unsaved_roots(self) -> list:
        return [self.form]

    def unsaved_trackers(self) -> list:
        return [self.unsaved, self.care.unsaved]

    def _update_buttons(self) -> None:
        from talentdesk.services.base import Permission

        can_write = self.context.actor.can(Permission.TALENT_WRITE)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(can_write)
        self.depart_button.setEnabled(can_write)
        self.reactivate_button.setEnabled(can_write)
        self.form.employers_button.setEnabled(can_write)
        existing = self.detail is not None
        self.pages.setTabEnabled(1, existing)
        self.pages.setTabEnabled(2, existing)
        departed = existing and self.detail.status == E.TalentStatus.DEPARTED.value
        self.depart_button.setVisible(existing and not departed)
        self.reactivate_button.setVisible(departed)

    def _update_summary(self) -> None:
        self.summary.setStyleSheet(error_style())
        n = len(self.form.problems())
        self.summary.setText(self.tr("{n} fields need attention.").format(n=n) if n else "")

    def _check_duplicate(self) -> None:
        text = self.form.widgets["id_number"].text()
        if "id_number" in clean_talent_fields({"id_number": text})[1]:
            return

        def done(message):
            if message and self.form.widgets["id_number"].text() == text:
                self.form.set_server_error("id_number", message)

        self.context.runner.submit(call(records.id_number_owner, id_number=text, exclude_talent_id=self.talent_id), key="talents.dup", on_done=done, on_error=lambda _e: None)

    def save(self) -> None:
        problems = self.form.check()
        if problems:
            first = next(f for f in TALENT_FIELDS if f in problems)
            self.pages.setCurrentIndex(0)
            self.form.widgets[first].setFocus()
            self._update_summary()
            return
        if self.busy:
            return
        self.busy = True
        values = self.form.values()
        if self.talent_id is None:
            self.context.runner.submit(call(records.create_talent, values=values), on_done=self._saved, on_error=self._save_failed)
        else:
            self._submit_update(values, self.detail.version if self.detail is not None else None)

    def _submit_update(self, values: dict, version: int | None) -> None:
        self.context.runner.submit(call(records.update_talent, talent_id=self.talent_id, values=values,
                                        expected_version=version), on_done=self._saved, on_error=self._save_failed)

    def _saved(self, detail: records.TalentDetail) -> None:
        self.busy = False
        self.talent_id = detail.id
        self._loaded(detail)
        self.summary.setText(self.tr("Saved."))
        self.summary.setStyleSheet(ok_style())
        # the keyboard stays on the form (the Save button), never on 登记离开… where Enter would open the
        # departure dialog
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setDefault(True)
        save.setFocus()
        self.saved.emit(detail.id)

    def _save_failed(self, exc: BaseException) -> None:
        from talentdesk.ui.common.conflict import offer_choice

        self.busy = False
        if offer_choice(self, exc, mine=self.form.values(), loaded=self.loaded_values, resave=self._resave,
                        on_cancel=lambda: self.summary.setText(
                            self.tr("Not saved: someone else's newer version is stored."))):
            return  # the form keeps this clerk's values, unsaved; saving again shows the conflict again
        if isinstance(exc, TalentDeskError) and exc.field in self.form.errors:
            self.form.set_server_error(exc.field, exc.message)
            self.summary.setText(exc.message)
        else:
            show_error(self, exc)

    def _resave(self, values: dict, version: int) -> None:
        """Another clerk saved this record after it was opened here; this clerk chose what to keep."""
        self.busy = True
        self._submit_update(values, version)

    def _open_employers(self) -> None:
        from talentdesk.ui.talents.employers import EmployersDialog

        dlg = EmployersDialog(self.context, self)
        dlg.exec()
        self._load_choices()

    def _depart(self) -> None:
        from talentdesk.ui.talents.departure import DepartureDialog

        dlg = DepartureDialog(self.context, self.detail, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.context.runner.submit(call(records.get_talent, talent_id=self.talent_id), on_done=self._loaded)

    def _reactivate(self) -> None:
        note, ok = QInputDialog.getText(self, self.tr("Re-activate"),
                                        self.tr("Why is {name} active again? (kept in the audit trail)").format(
                                            name=self.detail.name))
        if not ok:
            return
        self.context.runner.submit(call(departure.reactivate_talent, talent_id=self.talent_id, note=note), on_done=self._reactivated, on_error=lambda e: show_error(self, e))

    def _reactivated(self, detail) -> None:
        self._loaded(detail)
        QMessageBox.information(self, self.tr("Re-activated"), self.tr(
            "{name} is active again. Instalments cancelled at departure and clawback entries stay in the ledger; "
            "correct them in the subsidy ledger if needed.").format(name=detail.name))



