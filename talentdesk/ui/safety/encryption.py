"""Encryption at rest in the window: turning it on with the first account, the recovery key shown once, and the
recovery key at the login when every password is lost (services/safety/encryption.py does the work)."""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QInputDialog, QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout,
    QWidget,
)

from talentdesk.domain.enums import Role
from talentdesk.services.base import Actor, call, call_free
from talentdesk.services.safety import accounts, encryption
from talentdesk.ui.common.progress import run_with_progress
from talentdesk.ui.errors import show_error

log = logging.getLogger(__name__)

RECOVERY_ACTOR = Actor(username="recovery-key", role=Role.ADMIN)


class RecoveryKeyDialog(QDialog):
    """The recovery key, shown this once: print it or write it down. It closes only when the person says so."""

    def __init__(self, result: encryption.Encrypted, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recovery key — shown only now"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "The database and its {n} backups are now encrypted: a lost USB stick or a stolen PC gives away nothing. "
            "Each account opens it with its own password.\n\nIf every password is lost, only this recovery key "
            "opens the database and its backups. Print it or write it down now, and keep it locked away from the "
            "PC (for example in the office safe with the seal). TalentDesk will not show it again.").format(
            n=result.backups_encrypted), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.key = QLabel(result.recovery_key, self)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(13)
        self.key.setFont(font)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key.setWordWrap(True)
        layout.addWidget(self.key)
        if result.accounts_without_key:
            others = QLabel(self.tr("These accounts need a new password from an administrator before they can open "
                                    "the database: {names}").format(names=", ".join(result.accounts_without_key)),
                            self)
            others.setWordWrap(True)
            layout.addWidget(others)
        self.print_btn = QPushButton(self.tr("Print…"), self)
        self.print_btn.clicked.connect(self.print_key)
        layout.addWidget(self.print_btn)
        self.kept = QCheckBox(self.tr("I have printed or written down the recovery key"), self)
        layout.addWidget(self.kept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.kept.toggled.connect(self.ok.setEnabled)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self._result = result

    def print_key(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        doc = QTextDocument()
        doc.setPlainText(self.tr("TalentDesk recovery key for {name}\n\n{key}\n\nKeep locked away from the PC.")
                         .format(name=self._result.path.name, key=self._result.recovery_key))
        doc.print_(printer)

    def reject(self) -> None:  # Esc does not lose the key unseen
        if self.kept.isChecked():
            super().reject()


def encrypt_after_first_account(parent: QWidget, runner, *, username: str, password: str,
                                on_done: Callable[[], None] | None = None,
                                on_error: Callable[[BaseException], None] | None = None) -> None:
    """The first account turns encryption at rest on (a SQLite file not yet encrypted): backup, encrypted copy,
    checked, swapped in, backups encrypted; then the recovery key is shown once."""
    database = runner.database
    if database is None or database.path is None:
        return

    def _shown(result: encryption.Encrypted) -> None:
        RecoveryKeyDialog(result, parent).exec()
        if on_done:
            on_done()

    run_with_progress(parent, runner, QCoreApplication.translate("EncryptionUi", "Encrypting the database…"),
                      call(encryption.encrypt_database, username=username, password=password), on_done=_shown,
                      on_error=on_error or (lambda exc: show_error(parent, exc)))


def file_is_plain(path: Path | None) -> bool:
    from talentdesk.store import cipher

    return path is not None and not cipher.is_encrypted(path)


def recover_with_key(parent: QWidget, runner, path: Path, on_done: Callable[[], None]) -> None:
    """Every password lost: the recovery key opens the file, and one account gets a new password (to change at its
    next login). Recorded in the audit trail as done with the recovery key."""
    text, ok = QInputDialog.getText(parent, QCoreApplication.translate("EncryptionUi", "Recovery key"), QCoreApplication.translate(
        "EncryptionUi", "Enter the recovery key (TDRK-…) printed when the database was encrypted:"))
    if not ok or not text.strip():
        return
    name, ok = QInputDialog.getText(parent, QCoreApplication.translate("EncryptionUi", "Recovery key"), QCoreApplication.translate(
        "EncryptionUi", "The account that gets a new password:"))
    if not ok or not name.strip():
        return
    new, ok = QInputDialog.getText(parent, QCoreApplication.translate("EncryptionUi", "Recovery key"), QCoreApplication.translate(
        "EncryptionUi", "New password (at least {n} characters):").format(n=accounts.MIN_PASSWORD_LENGTH),
        QLineEdit.EchoMode.Password)
    if not ok:
        return

    def _unlocked(_ok) -> None:
        runner.submit(call(accounts.list_users), actor=RECOVERY_ACTOR, on_done=_reset,
                      on_error=lambda e: show_error(parent, e))

    def _reset(users) -> None:
        match = [u for u in users if u.username.casefold() == name.strip().casefold()]
        if not match:
            QMessageBox.warning(parent, QCoreApplication.translate("EncryptionUi", "Recovery key"), QCoreApplication.translate(
                "EncryptionUi", "There is no account named {name}.").format(name=name.strip()))
            return
        runner.submit(call(accounts.reset_password, user_id=match[0].id, new_password=new), actor=RECOVERY_ACTOR,
                      on_done=lambda _u: (QMessageBox.information(parent, QCoreApplication.translate("EncryptionUi", "Recovery key"), QCoreApplication.translate(
                          "EncryptionUi", "New password set for {name}. Log in with it; you will be asked to choose your own.")
                          .format(name=match[0].username)), on_done()),
                      on_error=lambda e: show_error(parent, e))

    runner.submit(call_free(encryption.unlock_with_recovery_key, path=path, recovery_key=text), on_done=_unlocked,
                  on_error=lambda e: show_error(parent, e))


class EncryptionDialog(QDialog):
    """Safety → Encryption…: whether the file is encrypted and which accounts open it; in single-user mode the
    office may encrypt it with the key kept in this PC's protected store."""

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Encryption at rest"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.status = QLabel(self.tr("Reading…"), self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.encrypt_btn = QPushButton(self.tr("Encrypt with this PC's key store"), self)
        self.encrypt_btn.setToolTip(self.tr(
            "Single-user mode: the database and its backups are encrypted, and the key is kept in this PC's "
            "protected store, so the file opens here without a password and nowhere else without the recovery "
            "key."))
        self.encrypt_btn.hide()
        self.encrypt_btn.clicked.connect(self.encrypt)
        layout.addWidget(self.encrypt_btn)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.context.runner.submit(call(encryption.encryption_status), key="encryption-status", on_done=self._show,
                                   on_error=lambda e: show_error(self, e))

    def _show(self, st: encryption.EncryptionStatus) -> None:
        if not st.applicable:
            text = self.tr("This is a server database: it is protected by the server (its disk encryption, accounts "
                           "and TLS). TalentDesk does not encrypt it.")
        elif not st.encrypted:
            text = self.tr("The database file is not encrypted. It is encrypted as soon as the first account is "
                           "created (Safety → Accounts); in single-user mode it can be encrypted with the key kept "
                           "on this PC.")
        else:
            text = self.tr("The database file and its backups are encrypted. Accounts that can open it: {names}."
                           ).format(names=", ".join(st.accounts_with_key) or "—")
            if st.os_store:
                text += "\n" + self.tr("The key is kept in this PC's protected store (single-user mode).")
            if st.accounts_without_key:
                text += "\n" + self.tr("These accounts need a new password from an administrator before they can "
                                       "open it: {names}").format(names=", ".join(st.accounts_without_key))
        self.status.setText(text)
        self.encrypt_btn.setVisible(st.applicable and not st.encrypted and self.context.actor.single_user)

    def encrypt(self) -> None:
        def _shown(result: encryption.Encrypted) -> None:
            RecoveryKeyDialog(result, self).exec()
            self.refresh()

        run_with_progress(self, self.context.runner, self.tr("Encrypting the database…"),
                          call(encryption.encrypt_database, os_store=True), on_done=_shown,
                          on_error=lambda e: show_error(self, e))
