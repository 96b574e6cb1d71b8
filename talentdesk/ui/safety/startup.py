"""Start-up (DESIGN.md §2) and the safety menu.

Order: resolve paths → refuse a network drive → take the one-writer lock → quick_check (offer the newest good
backup if it fails) → daily backup → back up and migrate → log in (when accounts exist) → window."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox

from talentdesk.store import db as dbmod
from talentdesk.domain.errors import TalentDeskError
from talentdesk.services.safety import accounts
from talentdesk.services.safety import backups
from talentdesk.store import integrity
from talentdesk.services.safety.backups import BackupResult
from talentdesk.services.base import Actor, Database, Permission
from talentdesk.store.locking import DatabaseLock
from talentdesk.ui.errors import show_error
from talentdesk.services.base import call

log = logging.getLogger(__name__)


@dataclass
class Started:
    database: Database
    actor: Actor
    lock: DatabaseLock
    daily_backup: BackupResult | None = None
    backup_warning: str = ""

    def close(self) -> None:
        if not self.actor.single_user:
            try:
                accounts.record_logout(self.database, self.actor)
            except TalentDeskError as exc:  # closing must never fail over the trail
                log.warning("could not record the logout: %s", exc.message)
        self.database.dispose()
        self.lock.release()


class _Text(QObject):
    """Translation context for the start-up messages."""


def _offer_restore(target: Path, problems: list[str]) -> bool:
    """The quick check failed: show what is wrong and offer the newest good backup. True when it was restored."""
    t = _Text()
    good = integrity.newest_good_backup(target)
    box = QMessageBox(QMessageBox.Icon.Critical, t.tr("TalentDesk"),
                      t.tr("The database failed its integrity check and may be damaged:\n{problem}").format(
                          problem="\n".join(problems[:5])))
    if good is None:
        box.setInformativeText(t.tr("No good backup was found. Copy the file {path} and ask for support.").format(
            path=target))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.exec()
        return False
    box.setInformativeText(t.tr("The newest good backup is {name}. Restore it? The damaged file is kept aside.")
                           .format(name=good.name))
    restore = box.addButton(t.tr("Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(t.tr("Exit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    database = Database.open(target, migrate=False, check_network=False)
    try:
        backups.restore_database(database, actor=Actor.system(), source=good)
    finally:
        database.dispose()
    return True


def start(target: Path, *, ask_login=None, show_errors: bool = True) -> Started | None:
    """Open the database for the window, or show why not and return None. `ask_login(database)` returns an
    actor or None (tests pass their own; the default shows the login dialog). `show_errors=False` only logs
    (the start-up probe must not wait on a message box)."""
    target = Path(target)

    def report(exc: BaseException) -> None:
        if show_errors:
            show_error(None, exc)
        else:
            log.warning("start-up refused: %s", getattr(exc, "message", exc))

    try:
        dbmod.refuse_network_location(target)
        lock = DatabaseLock(target).acquire()
    except TalentDeskError as exc:
        report(exc)
        return None
    database = None
    try:
        if target.exists() and target.stat().st_size > 0:
            problems = integrity.quick_check(target)
            if problems and not show_errors:
                log.warning("the quick check of %s failed: %s", target, problems[:3])
            if problems and (not show_errors or not _offer_restore(target, problems)):
                lock.release()
                return None
        database = Database.open(target, migrate=False, check_network=False)
        daily, warning = None, ""
        try:
            daily = backups.daily_backup_if_due(database)
            if daily and daily.second_error:
                warning = daily.second_error
        except TalentDeskError as exc:  # a failed daily backup must not keep the office out of its data
            log.warning("daily backup failed: %s", exc.message)
            warning = exc.message
        database.migration = dbmod.migrate_to_head(database.engine, target)
        actor = Actor.local()
        if accounts.database_has_accounts(database):
            actor = (ask_login or _login_dialog)(database)
            if actor is None:
                database.dispose()
                lock.release()
                return None
        return Started(database, actor, lock, daily, warning)
    except TalentDeskError as exc:
        report(exc)
    except Exception as exc:  # noqa: BLE001 - never a traceback before the window exists
        log.exception("could not open the database %s", target)
        report(exc)
    if database is not None:
        database.dispose()
    lock.release()
    return None


def _login_dialog(database: Database) -> Actor | None:
    from talentdesk.ui.safety.login import LoginDialog

    dialog = LoginDialog(database)
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
        if not ctx.actor.single_user:
            self._add(self.tr("Change my &password…"), self.change_password)
            self._add(self.tr("&Lock now"), self.lock_now, "Ctrl+L")
        self.backup_label = QLabel(window)
        window.statusBar().addPermanentWidget(self.backup_label)
        self.who = QLabel(window)
        window.statusBar().addPermanentWidget(self.who)
        self.who.setText(self.tr("User: {name}").format(name=ctx.actor.label) if not ctx.actor.single_user
                         else self.tr("Single-user mode"))
        ctx.runner.data_changed.connect(lambda kinds: "backups" in kinds and self.show_backup_status())
        self.show_backup_status()
        minutes = accounts.idle_lock_minutes(ctx.database) if not ctx.actor.single_user else 0
        self.idle = IdleLock(window, ctx.database, ctx.actor, minutes)

    def _add(self, text: str, slot, shortcut: str | None = None) -> QAction:
        act = QAction(text, self.window)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        self.menu.addAction(act)
        return act

    def show_backup_status(self) -> None:
        path = self.context.database.path
        if path is None:
            return
        st = backups.backup_status(Path(path))
        self.backup_label.setText(st.message())
        self.backup_label.setStyleSheet("color: #b00020;" if st.old else "")

    def open_backups(self):
        from talentdesk.ui.safety.backup_dialog import BackupDialog

        dlg = BackupDialog(self.context, self.window)
        dlg.exec()
        self.show_backup_status()
        return dlg

    def open_audit(self):
        from talentdesk.ui.safety.audit_view import AuditDialog

        AuditDialog(self.context, self.window).exec()

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
        self.context.runner.submit(call(accounts.change_own_password, old_password=old, new_password=new), on_done=lambda _r: QMessageBox.information(
                                       self.window, self.tr("Change my password"), self.tr("Password changed.")), on_error=lambda e: show_error(self.window, e))

    def lock_now(self) -> None:
        self.idle.lock()


def install(window: QMainWindow) -> SafetyMenu:
    window.safety = SafetyMenu(window)
    return window.safety
