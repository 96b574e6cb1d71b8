"""The login dialog (at start when the database has accounts) and the unlock dialog after an idle lock.

A login runs on the runner in three steps (services/safety/accounts.py): the stored hash on the read lane, the
password check on the no-database lane, the outcome on the write lane. The dialog shows a busy state meanwhile
and stays responsive. One's own password change (`submit_own_password_change`, here and in the safety menu) runs
the same way."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from talentdesk.domain.errors import TalentDeskError
from talentdesk.services.base import Actor, call, call_free
from talentdesk.services.safety import accounts, encryption
from talentdesk.store import cipher
from talentdesk.ui.common.widgets import error_label
from talentdesk.ui.runner import Runner


def submit_own_password_change(runner: Runner, *, old_password: str, new_password: str,
                               on_done: Callable[[None], None], on_error: Callable[[BaseException], None],
                               actor: Actor | None = None) -> None:
    """One's own password change in three steps, each on its lane: the stored hash (read), checking the current
    password and hashing the new one (no database: argon2 never holds the writer), storing it (write)."""
    def _hash(challenge: accounts.Challenge) -> None:
        runner.submit(call_free(accounts.hash_own_password, challenge=challenge, old_password=old_password,
                                new_password=new_password), on_done=_store, on_error=on_error)

    def _store(change: accounts.OwnPasswordChange) -> None:
        runner.submit(call(accounts.set_own_password, change=change), actor=actor, on_done=on_done,
                      on_error=on_error)

    runner.submit(call(accounts.own_password_challenge), actor=actor, on_done=_hash, on_error=on_error)


class LoginDialog(QDialog):
    """Asks for user name and password; `actor` holds the logged-in actor after `accept()`.

    With `locked_actor` it is the idle-lock screen: the user name is fixed and only that person can unlock."""

    def __init__(self, runner: Runner, parent: QWidget | None = None, *, locked_actor: Actor | None = None,
                 office_name: str = "", unlock: Path | None = None):
        super().__init__(parent)
        self.runner = runner
        self.unlock_path = Path(unlock) if unlock is not None else None  # an encrypted database, still closed
        self.actor: Actor | None = None
        self.locked_actor = locked_actor
        self.busy = False
        self.setWindowTitle(self.tr("TalentDesk — locked") if locked_actor else self.tr("TalentDesk — log in"))
        self.setModal(True)
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        heading = QLabel(office_name or self.tr("Talent work office"), self)
        heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(heading)
        intro = QLabel(
            self.tr("The window was locked after a period of inactivity. Enter your password to continue.")
            if locked_actor else self.tr("Log in with your account to open the talent records."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit(self)
        self.username.setMaxLength(40)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(accounts.MAX_PASSWORD_LENGTH)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        layout.addLayout(form)
        if locked_actor:
            self.username.setText(locked_actor.username)
            self.username.setReadOnly(True)
        self.state = QLabel(self)
        self.state.hide()
        layout.addWidget(self.state)
        self.error = error_label(self)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("Unlock") if locked_actor else self.tr("Log in"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Exit TalentDesk"), QDialogButtonBox.ButtonRole.RejectRole)
        if self.unlock_path is not None:
            self.recovery = self.buttons.addButton(self.tr("Forgot the password? Recovery key…"),
                                                   QDialogButtonBox.ButtonRole.HelpRole)
            self.recovery.clicked.connect(self.use_recovery_key)
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.password if locked_actor else self.username).setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------ the three steps, each on its lane
    def try_login(self) -> None:
        if self.busy:
            return
        name, pw = self.username.text().strip(), self.password.text()
        if not name or not pw:
            self.show_error(self.tr("Enter your user name and password."))
            return
        self._set_busy(True)
        if self.unlock_path is not None and cipher.registered_key(self.unlock_path) is None:
            # the file opens only with the key this password unwraps; a wrong one changes nothing
            self.runner.submit(call_free(encryption.unlock, path=self.unlock_path, username=name, password=pw),
                               on_done=lambda _ok: self._challenge(name, pw), on_error=self._failed)
            return
        self._challenge(name, pw)

    def _challenge(self, name: str, pw: str) -> None:
        self.runner.submit(call(accounts.login_challenge, username=name),
                           on_done=lambda challenge: self._verify(challenge, pw), on_error=self._failed)

    def use_recovery_key(self) -> None:
        from talentdesk.ui.safety.encryption import recover_with_key

        recover_with_key(self, self.runner, self.unlock_path, lambda: self.password.setFocus())

    def _verify(self, challenge: accounts.Challenge, password: str) -> None:
        self.runner.submit(call_free(accounts.verify_password, challenge=challenge, password=password),
                           on_done=self._record, on_error=self._failed)

    def _record(self, proof: accounts.Proof) -> None:
        self.runner.submit(call(accounts.record_login, proof=proof), on_done=self._recorded, on_error=self._failed)

    def _recorded(self, result: accounts.LoginResult) -> None:
        if not result.ok:
            self._failed(TalentDeskError(result.message))
            return
        self._logged_in(result.actor, result.must_change_password)

    def _logged_in(self, actor: Actor, must_change: bool) -> None:
        self._set_busy(False)
        if self.locked_actor and actor.user_id != self.locked_actor.user_id:
            self.show_error(self.tr("Only the person who was working can unlock this window."))
            return
        self.actor = actor
        if must_change and not self.locked_actor:
            self._ask_new_password()
            return
        self.accept()

    def _ask_new_password(self) -> None:
        """After an admin reset the user picks their own password before going on."""
        from PySide6.QtWidgets import QInputDialog

        new, ok = QInputDialog.getText(
            self, self.tr("Choose a new password"),
            self.tr("An administrator reset your password. Choose your own (at least {n} characters):").format(
                n=accounts.MIN_PASSWORD_LENGTH), QLineEdit.EchoMode.Password)
        if not ok:
            self.actor = None
            return
        self._set_busy(True)
        submit_own_password_change(self.runner, old_password=self.password.text(), new_password=new,
                                   actor=self.actor, on_done=lambda _r: (self._set_busy(False), self.accept()),
                                   on_error=self._new_password_refused)

    def _new_password_refused(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.show_error(exc.message if isinstance(exc, TalentDeskError) else str(exc))
        self._ask_new_password()

    # ------------------------------------------------------------ state
    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.ok.setEnabled(not busy)
        self.username.setEnabled(not busy)
        self.password.setEnabled(not busy)
        self.state.setText(self.tr("Checking…"))
        self.state.setVisible(busy)
        if busy:
            self.error.hide()
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.password.clear()
        self.password.setFocus()
        self.show_error(exc.message if isinstance(exc, TalentDeskError) else str(exc))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
