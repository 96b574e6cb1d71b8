"""The login dialog (at start when the database has accounts) and the unlock dialog after an idle lock."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from talentdesk.domain.errors import TalentDeskError
from talentdesk.services.safety import accounts
from talentdesk.services.base import Actor, Database
from talentdesk.ui.safety.worker import BackgroundCall


class LoginDialog(QDialog):
    """Asks for user name and password; `actor` holds the logged-in actor after `accept()`.

    With `locked_actor` it is the idle-lock screen: the user name is fixed and only that person can unlock."""

    def __init__(self, database: Database, parent: QWidget | None = None, *, locked_actor: Actor | None = None,
                 office_name: str = ""):
        super().__init__(parent)
        self.database = database
        self.actor: Actor | None = None
        self.locked_actor = locked_actor
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
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("Unlock") if locked_actor else self.tr("Log in"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Exit TalentDesk"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.password if locked_actor else self.username).setFocus(Qt.FocusReason.OtherFocusReason)
        self._call: BackgroundCall | None = None

    def try_login(self) -> None:
        name, pw = self.username.text().strip(), self.password.text()
        if not name or not pw:
            self.show_error(self.tr("Enter your user name and password."))
            return
        self.ok.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self._call = BackgroundCall(self)
        self._call.done.connect(self._logged_in)
        self._call.failed.connect(self._failed)
        self._call.start(lambda: accounts.login(self.database, username=name, password=pw))

    def _logged_in(self, actor: Actor) -> None:
        self.unsetCursor()
        self.ok.setEnabled(True)
        if self.locked_actor and actor.user_id != self.locked_actor.user_id:
            self.show_error(self.tr("Only the person who was working can unlock this window."))
            return
        self.actor = actor
        if not self.locked_actor and accounts.must_change_password(self.database, actor):
            if not self._change_password(actor):
                return
        self.accept()

    def _change_password(self, actor: Actor) -> bool:
        """After an admin reset the user picks their own password before going on."""
        from PySide6.QtWidgets import QInputDialog

        while True:
            new, ok = QInputDialog.getText(
                self, self.tr("Choose a new password"),
                self.tr("An administrator reset your password. Choose your own (at least {n} characters):").format(
                    n=accounts.MIN_PASSWORD_LENGTH), QLineEdit.EchoMode.Password)
            if not ok:
                self.actor = None
                return False
            try:
                with self.database.session(actor) as s:
                    accounts.change_own_password(s, old_password=self.password.text(), new_password=new)
                return True
            except TalentDeskError as exc:
                self.show_error(exc.message)

    def _failed(self, exc: BaseException) -> None:
        self.unsetCursor()
        self.ok.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.show_error(exc.message if isinstance(exc, TalentDeskError) else str(exc))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
