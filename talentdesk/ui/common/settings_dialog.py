"""设置: every setting the help, the wizard or a page calls a setting, in one dialog.

The values are read and saved through declared operations (`settings.office_settings`, `settings.save_settings`);
saving checks every value first, so one wrong value changes nothing, and each change is an audited update. The
dialog asks before discarding changes like every other editor.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from talentdesk.services.base import Permission, call
from talentdesk.services.common import settings as office
from talentdesk.services.growth import risk
from talentdesk.ui.common.widgets import error_label
from talentdesk.ui.common.layouts import dialog_buttons
from talentdesk.ui.common.style import muted_style
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.unsaved import GuardedDialog
from talentdesk.ui.errors import say_error, show_error
from talentdesk.ui.common.file_dialogs import open_file_name
from talentdesk.ui.common.screen import fit_to_screen


def _spin(parent: QWidget, spec: office.SettingSpec, *, decimals: int = 0):
    box = QDoubleSpinBox(parent) if decimals else QSpinBox(parent)
    if decimals:
        box.setDecimals(decimals)
    box.setRange(spec.minimum, spec.maximum)
    return box


class PathField(QWidget):
    """A path typed or chosen (a font file or a folder); empty means 'none' / 'automatic'."""

    def __init__(self, parent: QWidget, *, folder: bool, placeholder: str):
        super().__init__(parent)
        self.folder = folder
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.button = QPushButton(self.tr("Choose…"), self)
        self.button.clicked.connect(self._choose)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.button)

    def _choose(self) -> None:
        if self.folder:
            path = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), self.edit.text())
        else:
            path, _ = open_file_name(self, self.tr("Choose a font file"), self.tr("Fonts (*.ttf *.ttc *.otf)"),
                                     start=self.edit.text())
        if path:
            self.edit.setText(path)

    def text(self) -> str:
        return self.edit.text().strip()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming, like QLineEdit
        self.edit.setText(text)


class SettingsDialog(GuardedDialog):
    """The office's settings. Administrators change them; everyone else sees them read-only."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Settings"))
        self.can_change = context.actor.can(Permission.SETTINGS_MANAGE)
        specs = office.SPEC_BY_KEY
        label = office.setting_label
        self.widgets: dict[str, QWidget] = {}

        self.office_name = QLineEdit(self)
        self.office_name.setMaxLength(int(specs["office_name"].maximum))
        office_box = QGroupBox(self.tr("Office"), self)
        f = QFormLayout(office_box)
        f.addRow(label("office_name"), self.office_name)
        hint = QLabel(self.tr("Printed on certificates, agreements and the yearly report."), self)
        hint.setStyleSheet(muted_style())
        f.addRow(hint)
        self.widgets["office_name"] = self.office_name

        promo = QGroupBox(self.tr("Promotion readiness"), self)
        f = QFormLayout(promo)
        self.years = _spin(self, specs["promotion_min_years_in_post"], decimals=1)
        self.hours = _spin(self, specs["promotion_min_training_hours"], decimals=1)
        self.appraisals = _spin(self, specs["promotion_min_good_appraisals"])
        self.title_needed = QCheckBox(self)
        for key, w in (("promotion_min_years_in_post", self.years), ("promotion_min_training_hours", self.hours),
                       ("promotion_min_good_appraisals", self.appraisals),
                       ("promotion_require_title", self.title_needed)):
            f.addRow(label(key), w)
            self.widgets[key] = w

        watch = QGroupBox(self.tr("Watch list"), self)
        f = QFormLayout(watch)
        self.threshold = _spin(self, specs["risk_threshold"])
        f.addRow(label("risk_threshold"), self.threshold)
        self.widgets["risk_threshold"] = self.threshold
        self.weights: dict[str, QSpinBox] = {}
        for code in risk.SIGNALS:
            w = _spin(self, specs["risk_weights"])
            w.setSuffix(self.tr(" points"))
            self.weights[code] = w
            f.addRow(risk.signal_label(code), w)
        hint = QLabel(self.tr("A talent is listed when the points of the signals that hold reach the score above. "
                              "0 points switches a signal off."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet(muted_style())
        f.addRow(hint)

        work = QGroupBox(self.tr("Mentoring and reminders"), self)
        f = QFormLayout(work)
        self.cadence = _spin(self, specs["checkin_cadence_days"])
        self.notice = _spin(self, specs["commitment_notice_days"])
        self.idle = _spin(self, specs["idle_lock_minutes"])
        for key, w in (("checkin_cadence_days", self.cadence), ("commitment_notice_days", self.notice),
                       ("idle_lock_minutes", self.idle)):
            f.addRow(label(key), w)
            self.widgets[key] = w

        files = QGroupBox(self.tr("Files"), self)
        f = QFormLayout(files)
        self.font = PathField(self, folder=False, placeholder=self.tr("automatic: the first Chinese font found"))
        self.backup = PathField(self, folder=True, placeholder=self.tr("none: backups stay beside the database"))
        f.addRow(label("certificate_font"), self.font)
        f.addRow(label("backup_second_folder"), self.backup)
        self.widgets["certificate_font"] = self.font.edit
        self.widgets["backup_second_folder"] = self.backup.edit

        body = QWidget(self)
        col = QVBoxLayout(body)
        for box in (office_box, promo, watch, work, files):
            col.addWidget(box)
        col.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.error = error_label(self)
        self.buttons = dialog_buttons(self, self.save, ok_text=self.tr("Save"), cancel_text=self.tr("Cancel"),
                                      ok=QDialogButtonBox.StandardButton.Save)
        lay = QVBoxLayout(self)
        self.scope = QLabel(self)  # a city's shared database: whose settings these are (a county's file: hidden)
        self.scope.setWordWrap(True)
        self.scope.setVisible(False)
        lay.addWidget(self.scope)
        lay.addWidget(scroll, 1)
        if not self.can_change:
            note = QLabel(self.tr("Only an administrator can change the settings."), self)
            note.setStyleSheet(muted_style())
            lay.addWidget(note)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        body.setEnabled(False)  # until the values have arrived
        self.body = body
        fit_to_screen(self, 620, 640)
        self.loaded = False
        self.context.runner.submit(call(office.settings_scope), on_done=self._show_scope,
                                   on_error=lambda e: show_error(self, e))
        self.context.runner.submit(call(office.office_settings), on_done=self._show,
                                   on_error=lambda e: show_error(self, e))

    def _show_scope(self, scope: office.SettingsScope) -> None:
        if not scope.shared:
            return
        if scope.city:
            text = self.tr("City-wide settings: every county that has not set a value of its own uses these.")
        else:
            text = self.tr("Settings of {name} ({code}). A value this county has not set is the city's; what you "
                           "save here applies to this county only.").format(name=scope.county_name,
                                                                           code=scope.county_code)
        self.scope.setText(text)
        self.scope.setVisible(True)

    def _show(self, values: dict) -> None:
        self.office_name.setText(str(values.get("office_name") or ""))
        self.years.setValue(float(values["promotion_min_years_in_post"]))
        self.hours.setValue(float(values["promotion_min_training_hours"]))
        self.appraisals.setValue(int(values["promotion_min_good_appraisals"]))
        self.title_needed.setChecked(bool(values["promotion_require_title"]))
        self.threshold.setValue(int(values["risk_threshold"]))
        for code, w in self.weights.items():
            w.setValue(int(values["risk_weights"].get(code, 0)))
        self.cadence.setValue(int(values["checkin_cadence_days"]))
        self.notice.setValue(int(values["commitment_notice_days"]))
        self.idle.setValue(int(values["idle_lock_minutes"]))
        self.font.setText(str(values.get("certificate_font") or ""))
        self.backup.setText(str(values.get("backup_second_folder") or ""))
        self.body.setEnabled(self.can_change)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(self.can_change)
        self.loaded = True
        self.mark_clean()

    def values(self) -> dict:
        return {
            "office_name": self.office_name.text(),
            "promotion_min_years_in_post": self.years.value(),
            "promotion_min_training_hours": self.hours.value(),
            "promotion_min_good_appraisals": self.appraisals.value(),
            "promotion_require_title": self.title_needed.isChecked(),
            "risk_threshold": self.threshold.value(),
            "risk_weights": {code: w.value() for code, w in self.weights.items()},
            "checkin_cadence_days": self.cadence.value(),
            "commitment_notice_days": self.notice.value(),
            "idle_lock_minutes": self.idle.value(),
            "certificate_font": self.font.text(),
            "backup_second_folder": self.backup.text(),
        }

    def save(self) -> None:
        if not self.loaded or not self.can_change:
            return
        self.error.clear()
        self.buttons.setEnabled(False)
        self.context.runner.submit(call(office.save_settings, values=self.values()), on_done=self._saved,
                                   on_error=self._failed)

    def _saved(self, _values) -> None:
        self.buttons.setEnabled(True)
        self.mark_clean()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        say_error(self, exc, self.error, fields=self.widgets)
