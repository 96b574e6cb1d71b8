"""The first-run wizard: the office's name, where to keep backups, an admin account or single-user mode, and how to
start (empty database, Excel roster, or the demo).

It runs once, before the main window, on the database that was just opened and migrated; `first_run()` is the one
call `app.run` makes. Everything it reads and writes goes through the runner: the facts it starts from
(`setup_facts`), the answers in one audited unit of work (`apply_setup`), and the practice database (a long
no-database operation behind a progress dialog).
"""
from __future__ import annotations

import dataclasses
import importlib
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QVBoxLayout, QWidget, QWizard, QWizardPage,
)

from talentdesk.paths import backups_dir_for, resources_dir
from talentdesk.services.base import Call, Database, call, call_free
from talentdesk.services.safety.accounts import hash_new_password
from talentdesk.services.safety.setup import AdminAccount, SetupFacts, apply_setup, setup_facts
from talentdesk.ui.common.widgets import error_label
from talentdesk.ui.common.layouts import radio_group
from talentdesk.ui.common.progress import run_and_wait
from talentdesk.ui.runner import Runner
from talentdesk.ui.common.screen import fit_to_screen
from talentdesk.ui.common.style import error_style

log = logging.getLogger(__name__)

DONE_KEY = "firstrun/done"
IMPORT_DIALOG_MODULE = "talentdesk.ui.talents.import_dialog"


class StartChoice(str, Enum):
    EMPTY = "empty"
    IMPORT = "import"
    MOVE_IN = "move_in"
    DEMO = "demo"


@dataclass(frozen=True)
class WizardAnswers:
    office_name: str
    backup_folder: str
    admin: AdminAccount | None  # None for single-user
    start: StartChoice
    server: str = ""  # the server database's address (no password) when the data lives on a server


def import_dialog_class():
    """The talents area's Excel import dialog (`ImportDialog(context, parent)`), when this build has it."""
    try:
        module = importlib.import_module(IMPORT_DIALOG_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != IMPORT_DIALOG_MODULE:
            raise
        return None
    return getattr(module, "ImportDialog", None)


def check_backup_folder(text: str, db_path: Path | None) -> str | None:
    """Why `text` cannot hold backups (translated), or None when it can (blank means: no second copy)."""
    text = text.strip()
    if not text:
        return None
    folder = Path(text).expanduser()
    if not folder.is_absolute():
        return QCoreApplication.translate("FirstRunWizard",
                                          "Please choose a complete folder path, for example D:\\TalentDesk backups.")
    if db_path is not None and folder.resolve() == backups_dir_for(db_path).resolve():
        return QCoreApplication.translate(
            "FirstRunWizard", "This is already the automatic backup folder. Choose another disk, for example a USB stick.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".talentdesk-write-test-"):
            pass
    except OSError as exc:
        return QCoreApplication.translate("FirstRunWizard", "Backups cannot be written to {folder}: {error}").format(
            folder=folder, error=exc.strerror or exc)
    return None


# ------------------------------------------------------------------ pages

class WelcomePage(QWizardPage):
    def __init__(self, parent=None, *, asks_start: bool = True):
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to TalentDesk"))
        self.setSubTitle(self.tr("A few questions before you start. The office's name and the backup folder can "
                                 "be changed later in File → Settings, accounts in Safety → Accounts."))
        intro = self.tr(
            "TalentDesk keeps the office's talent records, subsidy ledger, mentor pairings and growth records on this "
            "PC. It works without a network and backs the data up by itself.")
        # the promise names only the pages that follow: the start page exists only on an empty database
        asks = self.tr(
            "This short set-up asks for the office's name, where to keep extra backup copies, whether several "
            "people will sign in, and how you want to begin.") if asks_start else self.tr(
            "This short set-up asks for the office's name, where to keep extra backup copies and whether several "
            "people will sign in.")
        text = QLabel(intro + "\n\n" + asks, self)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addStretch(1)


class OfficePage(QWizardPage):
    def __init__(self, office_name: str, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Your office"))
        self.setSubTitle(self.tr("The name is printed at the top of every payment certificate and report."))
        self.name = QLineEdit(office_name, self)
        self.name.setMaxLength(60)
        self.name.setPlaceholderText(self.tr("for example: Talent Work Office of X County"))
        form = QFormLayout(self)
        form.addRow(self.tr("Office name:"), self.name)
        self.error = QLabel(self)
        self.error.setStyleSheet(error_style())
        form.addRow(self.error)
        self.name.textChanged.connect(lambda _t: self.error.clear())

    def validatePage(self) -> bool:  # noqa: N802
        if not self.name.text().strip():
            self.error.setText(self.tr("Please enter the office's name."))
            return False
        return True


class BackupPage(QWizardPage):
    def __init__(self, db_path: Path | None, current: str, parent=None):
        super().__init__(parent)
        self.db_path = db_path
        self.setTitle(self.tr("Backups"))
        self.setSubTitle(self.tr("TalentDesk backs up the database every day and before every upgrade, import and "
                                 "restore."))
        automatic = backups_dir_for(db_path) if db_path else None
        info = QLabel(self)
        info.setWordWrap(True)
        info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if automatic:
            info.setText(self.tr("Automatic backups are kept beside the database in:\n{folder}\n\n"
                                 "A copy on a second disk (a USB stick or another drive) survives a broken PC. "
                                 "Leave the field empty if you have no second disk yet.").format(folder=automatic))
        self.folder = QLineEdit(current, self)
        self.folder.setPlaceholderText(self.tr("no second copy"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(QLabel(self.tr("Also copy each backup to this folder:"), self))
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.folder.textChanged.connect(lambda _t: self.error.clear())

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for backup copies"), self.folder.text())
        if chosen:
            self.folder.setText(os.path.normpath(chosen))

    def validatePage(self) -> bool:  # noqa: N802
        problem = check_backup_folder(self.folder.text(), self.db_path)
        if problem:
            self.error.setText(problem)
            return False
        return True


class AccountsPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Who uses TalentDesk"))
        self.setSubTitle(self.tr("With accounts, everyone signs in and every change records who made it."))
        _group, (self.single, self.accounts) = radio_group(
            self, self.tr("Only me on this PC — no sign-in (you can add accounts later)"),
            self.tr("Several people — create the administrator account now"))
        self.username = QLineEdit(self)
        self.username.setPlaceholderText(self.tr("for example: admin"))
        self.display_name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.fields = QWidget(self)
        form = QFormLayout(self.fields)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Full name:"), self.display_name)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Password again:"), self.confirm)
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.single)
        layout.addWidget(self.accounts)
        layout.addWidget(self.fields)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.accounts.toggled.connect(self.fields.setEnabled)
        self.fields.setEnabled(False)
        for w in (self.username, self.display_name, self.password, self.confirm):
            w.textChanged.connect(lambda _t: self.error.clear())

    def admin(self) -> AdminAccount | None:
        if not self.accounts.isChecked():
            return None
        return AdminAccount(self.username.text().strip(), self.display_name.text().strip(), self.password.text())

    def validatePage(self) -> bool:  # noqa: N802
        if not self.accounts.isChecked():
            return True
        if not self.username.text().strip():
            self.error.setText(self.tr("Please enter a user name."))
            return False
        if not self.password.text():
            self.error.setText(self.tr("Please enter a password."))
            return False
        if self.password.text() != self.confirm.text():
            self.error.setText(self.tr("The two passwords are not the same."))
            return False
        return True


class StartPage(QWizardPage):
    def __init__(self, *, can_import: bool, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("How do you want to begin?"))
        self.setSubTitle(self.tr("Your own database is ready and empty."))
        _group, (self.empty, self.import_, self.move_in, self.demo) = radio_group(
            self, self.tr("Start with an empty database and enter talents one by one"),
            self.tr("Import the office's roster from an Excel file"),
            self.tr("Move in all of the office's Excel files, in order: policies, talents, "
                    "payments, mentor pairings, care cases (with a template for each)"),
            self.tr("Look around first in a practice database filled with made-up people"))
        self.can_import = can_import
        self.import_.setVisible(can_import)
        note = QLabel(self.tr("The practice database is separate: nothing in it reaches your own data. Next time "
                              "TalentDesk opens your own database again."), self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        for w in (self.empty, self.import_, self.move_in, self.demo, note):
            layout.addWidget(w)
        layout.addStretch(1)

    def choice(self) -> StartChoice:
        if self.import_.isChecked() and self.can_import:
            return StartChoice.IMPORT
        if self.move_in.isChecked():
            return StartChoice.MOVE_IN
        if self.demo.isChecked():
            return StartChoice.DEMO
        return StartChoice.EMPTY


# ------------------------------------------------------------------ the wizard

class FirstRunWizard(QWizard):
    """Collects the answers, then writes them in one unit of work (on the runner) when the person presses Finish."""

    def __init__(self, runner: Runner, facts: SetupFacts, *, db_path: Path | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Set up TalentDesk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        logo = resources_dir() / "icons" / "talentdesk-64.png"
        if logo.exists():
            self.setPixmap(QWizard.WizardPixmap.LogoPixmap, QPixmap(str(logo)))
            self.setWindowIcon(QIcon(str(logo)))
        self.talent_count = facts.talent_count
        self.import_available = import_dialog_class() is not None
        self.welcome = WelcomePage(self, asks_start=self.talent_count == 0)
        from talentdesk.ui.city.server_page import LocationPage

        self.location = LocationPage(runner, self)
        self.office = OfficePage(facts.office_name, self)
        self.backup = BackupPage(db_path, facts.backup_folder, self)
        self.accounts = AccountsPage(self)
        self.start: StartPage | None = None
        self.addPage(self.welcome)
        if facts.talent_count == 0:  # an office with data on this PC already keeps it here
            self.addPage(self.location)
        self.addPage(self.office)
        self.addPage(self.backup)
        self.addPage(self.accounts)
        if self.talent_count == 0:  # an office upgrading with data already has its start
            self.start = StartPage(can_import=self.import_available, parent=self)
            self.addPage(self.start)
        self.answers: WizardAnswers | None = None
        self.saving = False
        fit_to_screen(self, 640, 480)

    def collect(self) -> WizardAnswers:
        return WizardAnswers(
            office_name=self.office.name.text().strip(),
            backup_folder=os.path.normpath(self.backup.folder.text().strip()) if self.backup.folder.text().strip()
            else "",
            admin=self.accounts.admin(),
            start=self.start.choice() if self.start is not None else StartChoice.EMPTY,
        )

    def accept(self) -> None:
        """Finish: write the answers (all or none); a refusal is shown and the wizard stays open to fix it."""
        if self.saving:
            return
        if self.location.uses_server() and self.location.form.checked is not None:
            # the server has its own office name, accounts and backups: nothing is written to this PC's file
            self.answers = WizardAnswers("", "", None, StartChoice.EMPTY, server=self.location.form.checked.address)
            super().accept()
            return
        answers = self.collect()
        self.saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)

        def save(admin: AdminAccount | None) -> None:
            self.runner.submit(call(apply_setup, office_name=answers.office_name,
                                    backup_folder=answers.backup_folder, admin=admin),
                               on_done=lambda _r: self._saved(answers), on_error=self._refused)

        if answers.admin is None:
            save(None)
            return
        admin = answers.admin  # the password is hashed on the no-database lane, not while holding the writer
        self.runner.submit(call_free(hash_new_password, password=admin.password),
                           on_done=lambda hashed: save(dataclasses.replace(admin, password=hashed)),
                           on_error=self._refused)

    def _saved(self, answers: WizardAnswers) -> None:
        from talentdesk.ui.safety.encryption import encrypt_after_first_account, file_is_plain

        self.answers = answers
        database = self.runner.database
        if answers.admin is not None and database is not None and file_is_plain(database.path):
            # the administrator account turns encryption at rest on; the recovery key is shown once. The wizard
            # stays "saving" until then; a failure is shown, and the answers (already written) stand.
            def _finished(exc: BaseException | None = None) -> None:
                self.saving = False
                if exc is not None:
                    from talentdesk.ui.errors import show_error

                    show_error(self, exc)
                QWizard.accept(self)

            encrypt_after_first_account(self, self.runner, username=answers.admin.username,
                                        password=answers.admin.password, on_done=_finished, on_error=_finished)
            return
        self.saving = False
        super().accept()

    def _refused(self, exc: BaseException) -> None:
        from talentdesk.ui.errors import show_error

        self.saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        log.info("first-run settings refused: %s", exc)
        show_error(self, exc)


def read_facts(runner: Runner, parent: QWidget | None = None) -> SetupFacts:
    """What the set-up starts from (read on the runner while a progress dialog shows)."""
    return run_and_wait(parent, runner, QCoreApplication.translate("FirstRunWizard", "Opening the set-up…"),
                        call(setup_facts))


def open_wizard(runner: Runner, *, db_path: Path | None = None, parent: QWidget | None = None,
                facts: SetupFacts | None = None) -> FirstRunWizard:
    """The wizard on the facts it starts from."""
    if facts is None:
        facts = read_facts(runner, parent)
    return FirstRunWizard(runner, facts, db_path=db_path, parent=parent)


# ------------------------------------------------------------------ the one call from app.run

@dataclass
class FirstRunOutcome:
    database: Database
    after_show: Callable[[QWidget], None]
    switch_to: str = ""  # a server database the program opens instead (its address; the password is kept on this PC)


def wizard_needed(settings: QSettings) -> bool:
    return not _truthy(settings.value(DONE_KEY, False))


def _truthy(value) -> bool:
    return value is True or str(value).lower() in ("1", "true", "yes")


def first_run(runner: Runner, settings: QSettings, *, make_demo: Callable[[], Call[Path]] | None = None,
              enabled: bool = True) -> FirstRunOutcome:
    """Show the wizard once per PC user, and only on a database that holds no talents yet. Returns the database the window should open (the practice database when
    the person chose the demo) and what to do once the window is visible (open the Excel import).
    `make_demo()` gives the bound long operation that builds the practice database and returns its path."""
    database = runner.database
    nothing = FirstRunOutcome(database, lambda _w: None)
    if not enabled or not wizard_needed(settings):
        return nothing
    facts = read_facts(runner)
    if facts.talent_count > 0:
        # a database that already holds people (the office's own, a copy, the demo) is set up: no wizard
        log.info("first-run wizard not shown: the database holds %d talents", facts.talent_count)
        return nothing
    wizard = open_wizard(runner, db_path=database.path, facts=facts)
    if wizard.exec() != QWizard.DialogCode.Accepted or wizard.answers is None:
        return nothing  # closed without finishing: ask again next time
    settings.setValue(DONE_KEY, True)
    settings.sync()
    answers = wizard.answers
    if answers.server:
        settings.setValue("database/server", answers.server)
        settings.sync()
        return FirstRunOutcome(database, lambda _w: None, switch_to=answers.server)
    if answers.start is StartChoice.DEMO and make_demo is not None:
        from talentdesk.ui.errors import show_error

        try:
            path = run_and_wait(None, runner, QCoreApplication.translate(
                "FirstRunWizard", "Preparing the practice database…"), make_demo())
        except Exception as exc:  # noqa: BLE001 - shown; the office's own database opens instead
            log.error("demo database failed", exc_info=exc)
            show_error(None, exc)
        else:
            return FirstRunOutcome(Database.open(path, migrate=False), lambda _w: None)
    if answers.start is StartChoice.IMPORT:
        return FirstRunOutcome(database, open_import_dialog)
    if answers.start is StartChoice.MOVE_IN:
        return FirstRunOutcome(database, open_movein_guide)
    return nothing


def open_movein_guide(window) -> None:
    """The moving-in guide (policies → talents → payments → pairings → care) once the window shows."""
    from talentdesk.ui.wizard.movein import open_guide

    open_guide(window)


def open_import_dialog(window) -> None:
    """Open the talents tab's Excel import (its own `open_import()` keeps the dialog alive), or the dialog class."""
    window.tabs.setCurrentWidget(window.talents)
    opener = getattr(window.talents, "open_import", None)
    if callable(opener):
        opener()
        return
    cls = import_dialog_class()
    if cls is not None:
        window._first_run_import = cls(window.context, window)
        window._first_run_import.open()
