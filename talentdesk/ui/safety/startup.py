"""Start-up (DESIGN.md §2) and the safety menu.

Order: resolve paths → refuse a network drive → take the one-writer lock → on the runner's exclusive lane: quick
check (offer the newest good backup if it fails), daily backup, back up and migrate → log in (when accounts
exist) → window. The window's thread only waits in an event loop behind a progress dialog; it never touches the
database itself."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox

from talentdesk.domain.errors import TalentDeskError
from talentdesk.domain.enums import Role
from talentdesk.domain.labels import label
from talentdesk.services.base import Actor, Database, Permission, call, call_free
from talentdesk.services.safety import accounts, backups, encryption
from talentdesk.services.safety.startup import Prepared, prepare_database
from talentdesk.store import cipher
from talentdesk.store import db as dbmod
from talentdesk.store.locking import DatabaseLock
from talentdesk.ui.common.progress import run_and_wait
from talentdesk.ui.errors import show_error
from talentdesk.ui.runner import Runner
from talentdesk.ui.common.style import error_style

log = logging.getLogger(__name__)


@dataclass
class Started:
    """The opened database, its runner (which the window goes on using), who logged in, and the lock."""

    database: Database
    actor: Actor
    lock: "DatabaseLock | NoLock"
    runner: Runner = field(repr=False, default=None)  # type: ignore[assignment]
    prepared: Prepared = field(default_factory=Prepared)

    def close(self) -> None:
        """Record the logout (on the runner, which finishes its queue before it stops), then let go."""
        if not self.actor.single_user:
            self.runner.submit(call(accounts.record_logout), on_error=lambda exc: log.warning(
                "could not record the logout: %s", getattr(exc, "message", exc)))
        self.runner.shutdown()
        self.database.dispose()
        self.lock.release()


def _offer_restore(runner: Runner, target: Path, prepared: Prepared) -> bool:
    """The quick check failed: show what is wrong and offer the newest good backup. True when it was restored."""
    good = prepared.good_backup
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("StartUp", "TalentDesk"),
                      QCoreApplication.translate("StartUp", "The database failed its integrity check and may be damaged:\n{problem}").format(
                          problem="\n".join(prepared.problems[:5])))
    if good is None:
        box.setInformativeText(QCoreApplication.translate("StartUp", "No good backup was found. Copy the file {path} and ask for support.").format(
            path=target))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.exec()
        return False
    box.setInformativeText(QCoreApplication.translate("StartUp", "The newest good backup is {name}. Restore it? The damaged file is kept aside.")
                           .format(name=good.name))
    restore = box.addButton(QCoreApplication.translate("StartUp", "Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("StartUp", "Exit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    run_and_wait(None, runner, QCoreApplication.translate("StartUp", "Restoring the backup…"), call(backups.restore, source=good))
    return True


class NoLock:
    """A server database has no lock file: the server keeps several clerks' writes apart (versions, isolation)."""

    def release(self) -> None:
        pass


def _password_dialog(server, problem: str) -> str | None:
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    text, ok = QInputDialog.getText(
        None, QCoreApplication.translate("StartUp", "Database server password"),
        QCoreApplication.translate("StartUp", "{problem}\n\nPassword for {user} on {server}:").format(
            problem=problem, user=server.user, server=server.display()), QLineEdit.EchoMode.Password)
    return text if ok and text else None


def start(target: Path | str, *, ask_login=None, show_errors: bool = True, ask_password=None) -> Started | None:
    """Open the database for the window, or show why not and return None. `ask_login(runner)` returns an
    actor or None (tests pass their own; the default shows the login dialog). `show_errors=False` only logs
    (the start-up probe must not wait on a message box)."""
    from talentdesk.store.server import ServerError, is_server_url

    server = is_server_url(target)
    if not server:
        target = Path(target)

    def report(exc: BaseException) -> None:
        if show_errors:
            show_error(None, exc)
        else:
            log.warning("start-up refused: %s", getattr(exc, "message", exc))

    try:
        if server:  # the server keeps many writers apart itself: no file, no one-writer lock
            lock = NoLock()
            database = Database.open(target, migrate=False, connect=False)
        else:
            dbmod.refuse_network_location(target)
            lock = DatabaseLock(target).acquire()
            database = Database.open(target, migrate=False, check_network=False)
    except TalentDeskError as exc:
        report(exc)
        return None
    started = Started(database, Actor.system(), lock)
    started.runner = Runner(started.database, lambda: started.actor)
    try:
        logged_in = None
        if not server and cipher.is_encrypted(target) and cipher.registered_key(target) is None:
            # encrypted: nothing can be read (not even the quick check) before the key is unlocked — from this
            # PC's store in single-user mode, otherwise by logging in (the password unwraps it)
            if not run_and_wait(None, started.runner, QCoreApplication.translate("StartUp", "Opening the database…"),
                                call_free(encryption.unlock_from_os_store, path=target)):
                logged_in = ask_login(started.runner) if ask_login else _login_dialog(started.runner, unlock=target)
                if logged_in is None:
                    started.close()
                    return None
                started.actor = Actor.system()
        opening = QCoreApplication.translate("StartUp", "Opening the database…")
        try:
            prepared = run_and_wait(None, started.runner, opening, call(prepare_database))
        except ServerError as exc:
            if exc.kind != "password" or not show_errors:
                raise
            password = (ask_password or _password_dialog)(database.server, exc.message)
            if not password:
                started.close()
                return None
            started.runner.shutdown()
            database.dispose()
            database = Database.open(database.server, migrate=False, connect=False, password=password)
            started.database = database
            started.runner = Runner(database, lambda: started.actor)
            prepared = run_and_wait(None, started.runner, opening, call(prepare_database))
        if not prepared.ok:
            if not show_errors or not _offer_restore(started.runner, target, prepared):
                started.close()
                return None
            prepared = run_and_wait(None, started.runner, QCoreApplication.translate("StartUp", "Opening the database…"), call(prepare_database))
            if not prepared.ok:
                started.close()
                return None
        started.prepared = prepared
        started.actor = Actor.local()
        if prepared.accounts and logged_in is not None:
            started.actor = logged_in
        elif prepared.accounts:
            started.actor = Actor.system()
            actor = (ask_login or _login_dialog)(started.runner)
            if actor is None:
                started.close()
                return None
            started.actor = actor
        return started
    except TalentDeskError as exc:
        report(exc)
    except Exception as exc:  # noqa: BLE001 - never a traceback before the window exists
        log.exception("could not open the database %s", target)
        report(exc)
    started.actor = Actor.system()
    started.close()
    return None


def _login_dialog(runner: Runner, unlock: Path | None = None) -> Actor | None:
    from talentdesk.ui.safety.login import LoginDialog

    dialog = LoginDialog(runner, unlock=unlock)
    return dialog.actor if dialog.exec() == LoginDialog.DialogCode.Accepted else None


class SafetyMenu(QObject):
    """The 数据安全 menu, the backup status in the status bar and the idle lock, added to a main window."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        from talentdesk.ui.safety.idle import IdleLock

        self.window = window
        ctx = window.context
        self.context = ctx
        menu = QMenu(self.tr("&Safety"), window)
        window.menuBar().insertMenu(window.help_menu.menuAction(), menu)
        self.menu = menu
        self.backup_action = self._add(self.tr("&Backup and restore…"), self.open_backups, "Ctrl+B")
        if ctx.actor.can(Permission.AUDIT_READ):
            self._add(self.tr("&Audit trail…"), self.open_audit)
        if ctx.actor.can(Permission.USER_MANAGE):
            self._add(self.tr("A&ccounts…"), self.open_users)
        if ctx.actor.can(Permission.SETTINGS_MANAGE):
            self._add(self.tr("&Encryption…"), self.open_encryption)
        if not ctx.actor.single_user:
            self._add(self.tr("Change my &password…"), self.change_password)
            self._add(self.tr("&Lock now"), self.lock_now, "Ctrl+L")
        self.backup_label = QLabel(window)
        window.statusBar().addPermanentWidget(self.backup_label)
        self.who = QLabel(window)
        window.statusBar().addPermanentWidget(self.who)
        self.who.setText(self.tr("User: {name} ({role})").format(
            name=ctx.actor.label, role=label(Role, ctx.actor.role.value)) if not ctx.actor.single_user
                         else self.tr("Single-user mode"))
        ctx.runner.data_changed.connect(lambda kinds: "backups" in kinds and self.show_backup_status())
        ctx.runner.waiting.connect(lambda text: window.statusBar().showMessage(text, 30_000))
        self.show_backup_status()
        self.idle = IdleLock(window, ctx.runner, ctx.actor, 0)
        if not ctx.actor.single_user:
            ctx.runner.submit(call(accounts.idle_lock_minutes), on_done=self.idle.set_minutes,
                              on_error=lambda exc: log.warning("idle lock minutes: %s", exc))

    def _add(self, text: str, slot, shortcut: str | None = None) -> QAction:
        act = QAction(text, self.window)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        self.menu.addAction(act)
        return act

    def show_backup_status(self) -> None:
        if self.context.database.path is None:
            return
        self.context.runner.submit(call(backups.backup_overview), key="backup-status", on_done=self._show_status,
                                   on_error=lambda exc: log.warning("backup status: %s", exc))

    def _show_status(self, overview: backups.BackupOverview) -> None:
        st = overview.status
        if st is None:
            return
        self.backup_label.setText(st.message())
        self.backup_label.setStyleSheet(error_style() if st.old else "")

    def open_backups(self):
        from talentdesk.ui.safety.backup_dialog import BackupDialog

        dlg = BackupDialog(self.context, self.window)
        dlg.exec()
        self.show_backup_status()
        return dlg

    def open_audit(self):
        from talentdesk.ui.safety.audit_view import AuditDialog

        AuditDialog(self.context, self.window).exec()

    def open_encryption(self):
        from talentdesk.ui.safety.encryption import EncryptionDialog

        EncryptionDialog(self.context, self.window).exec()

    def open_users(self):
        from talentdesk.ui.safety.users import UsersDialog

        UsersDialog(self.context, self.window).exec()

    def change_password(self) -> None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        old, ok = QInputDialog.getText(self.window, self.tr("Change my password"), self.tr("Current password:"),
                                       QLineEdit.EchoMode.Password)
        if not ok:
            return
        new, ok = QInputDialog.getText(self.window, self.tr("Change my password"),
                                       self.tr("New password (at least {n} characters):").format(
                                           n=accounts.MIN_PASSWORD_LENGTH), QLineEdit.EchoMode.Password)
        if not ok:
            return
        from talentdesk.ui.safety.login import submit_own_password_change

        submit_own_password_change(
            self.context.runner, old_password=old, new_password=new,
            on_done=lambda _r: QMessageBox.information(self.window, self.tr("Change my password"),
                                                       self.tr("Password changed.")),
            on_error=lambda e: show_error(self.window, e))

    def lock_now(self) -> None:
        self.idle.lock()


def install(window: QMainWindow) -> SafetyMenu:
    window.safety = SafetyMenu(window)
    return window.safety
