"""Accounts (admins): add, reset a password, change role, disable, unlock. In a single-user database this is where
the first account — an administrator — is created."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
    QVBoxLayout, QWidget,
)

from talentdesk.domain.enums import Role
from talentdesk.services.safety import accounts
from talentdesk.ui.common.layouts import dialog_buttons
from talentdesk.ui.common.conflict import offer_choice
from talentdesk.ui.common.unsaved import GuardedDialog
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.widgets import make_table_view
from talentdesk.ui.errors import show_error
from talentdesk.services.base import call, call_free
from talentdesk.ui.common.screen import fit_to_screen


def role_labels(widget) -> dict[str, str]:
    return {Role.ADMIN.value: widget.tr("Administrator"), Role.CLERK.value: widget.tr("Clerk (enter and edit)"),
            Role.APPROVER.value: widget.tr("Approver (approve payments)"),
            Role.VIEWER.value: widget.tr("Viewer (read only, masked)")}


class PasswordDialog(GuardedDialog):
    """Asks for a new account (user name, display name, role) or just a new password, typed twice."""

    def __init__(self, parent: QWidget, *, title: str, with_account: bool, first: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.username = QLineEdit(self)
        self.display = QLineEdit(self)
        self.role = QComboBox(self)
        for code, label in role_labels(self).items():
            self.role.addItem(label, code)
        self.role.setCurrentIndex(1)
        self.password = QLineEdit(self)
        self.again = QLineEdit(self)
        for p in (self.password, self.again):
            p.setEchoMode(QLineEdit.EchoMode.Password)
        if with_account:
            form.addRow(self.tr("User name:"), self.username)
            form.addRow(self.tr("Full name:"), self.display)
            form.addRow(self.tr("Role:"), self.role)
            if first:
                self.role.setCurrentIndex(0)
                self.role.setEnabled(False)
                note = QLabel(self.tr("This is the first account, so it is an administrator. From the next start "
                                      "TalentDesk asks everyone to log in."), self)
                note.setWordWrap(True)
                form.addRow(note)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Repeat password:"), self.again)
        buttons = dialog_buttons(self, self._check)
        form.addRow(buttons)

    def _check(self) -> None:
        if self.password.text() != self.again.text():
            QMessageBox.warning(self, self.windowTitle(), self.tr("The two passwords differ."))
            return
        self.accept()


class UsersDialog(QDialog):
    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Accounts"))
        fit_to_screen(self, 760, 420)
        layout = QVBoxLayout(self)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        labels = role_labels(self)
        self.model = RowTableModel([
            Column(self.tr("User name"), lambda u: u.username),
            Column(self.tr("Full name"), lambda u: u.display_name),
            Column(self.tr("Role"), lambda u: labels.get(u.role, u.role)),
            Column(self.tr("State"), lambda u: self._state(u)),
            Column(self.tr("Last login"), lambda u: f"{u.last_login_at:%Y-%m-%d %H:%M}" if u.last_login_at else ""),
        ], self)
        self.view = make_table_view(self.model, self)
        layout.addWidget(self.view)
        row = QHBoxLayout()
        self.add_btn = QPushButton(self.tr("Add account…"), self)
        self.reset_btn = QPushButton(self.tr("Reset password…"), self)
        self.role_box = QComboBox(self)
        for code, label in labels.items():
            self.role_box.addItem(label, code)
        self.role_btn = QPushButton(self.tr("Set role"), self)
        self.toggle_btn = QPushButton(self.tr("Disable / enable"), self)
        self.unlock_btn = QPushButton(self.tr("Unlock"), self)
        for w in (self.add_btn, self.reset_btn, self.role_box, self.role_btn, self.toggle_btn, self.unlock_btn):
            row.addWidget(w)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_btn.clicked.connect(self.add_user)
        self.reset_btn.clicked.connect(self.reset_password)
        self.role_btn.clicked.connect(lambda: self._update(role=self.role_box.currentData()))
        self.toggle_btn.clicked.connect(lambda: self._update(toggle=True))
        self.unlock_btn.clicked.connect(self.unlock)
        self.refresh()

    def _state(self, u) -> str:
        if not u.active:
            return self.tr("disabled")
        if u.locked_until is not None:
            return self.tr("locked until {t} UTC").format(t=f"{u.locked_until:%H:%M}")
        return self.tr("active")

    def refresh(self) -> None:
        self.context.runner.submit(call(accounts.list_users), on_done=self._show, on_error=lambda e: show_error(self, e))

    def _show(self, users) -> None:
        self.model.set_rows(users)
        self.first = not users
        self.info.setText(self.tr("No accounts yet: TalentDesk runs in single-user mode. Create the first account "
                                  "(an administrator) to require logins.") if not users else
                          self.tr("Administrators manage accounts, settings and restores; clerks enter and edit; "
                                  "approvers approve payments; viewers only read, with ID numbers masked."))
        for b in (self.reset_btn, self.role_btn, self.toggle_btn, self.unlock_btn, self.role_box):
            b.setEnabled(bool(users))

    def _selected(self):
        idx = self.view.currentIndex()
        return self.model.row_at(idx.row()) if idx.isValid() else None

    def _done(self, _result=None) -> None:
        self.refresh()

    def add_user(self) -> None:
        first = getattr(self, "first", False)
        dlg = PasswordDialog(self, title=self.tr("Add account"), with_account=True, first=first)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        username, password = dlg.username.text(), dlg.password.text()
        role, display = dlg.role.currentData(), dlg.display.text()

        def create(hashed: accounts.NewPassword) -> None:
            self.context.runner.submit(
                call(accounts.create_user, username=username, password=hashed, role=role, display_name=display),
                on_done=lambda _r: self._created(username, password), on_error=lambda e: show_error(self, e))

        # the slow hashing runs on the no-database lane; only the insert holds the writer
        self.context.runner.submit(call_free(accounts.hash_new_password, password=password),
                                   on_done=create, on_error=lambda e: show_error(self, e))

    def _created(self, username: str, password: str) -> None:
        """The first account turns encryption at rest on, and the recovery key is shown once."""
        from talentdesk.ui.safety.encryption import encrypt_after_first_account, file_is_plain

        self._done()
        if self.context.actor.single_user and file_is_plain(self.context.database.path):
            encrypt_after_first_account(self, self.context.runner, username=username, password=password,
                                        on_done=self._done)

    def reset_password(self) -> None:
        u = self._selected()
        if u is None:
            return
        dlg = PasswordDialog(self, title=self.tr("New password for {name}").format(name=u.username),
                             with_account=False)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        def reset(hashed: accounts.NewPassword) -> None:
            self.context.runner.submit(call(accounts.reset_password, user_id=u.id, new_password=hashed),
                                       on_done=self._done, on_error=lambda e: show_error(self, e))

        self.context.runner.submit(call_free(accounts.hash_new_password, password=dlg.password.text()),
                                   on_done=reset, on_error=lambda e: show_error(self, e))

    def _update(self, *, role: str | None = None, toggle: bool = False) -> None:
        u = self._selected()
        if u is None:
            return
        kwargs = {"role": role} if role else {"active": not u.active}
        self._submit_update(u, kwargs, u.version)

    def _submit_update(self, u: accounts.UserRow, kwargs: dict, version: int) -> None:
        """Saved against the account as this page showed it; another administrator's change to the same field
        since shows both to choose from."""
        def failed(exc: BaseException) -> None:
            if not offer_choice(self, exc, mine=kwargs, loaded={"role": u.role, "active": u.active},
                                resave=lambda chosen, now: self._submit_update(u, chosen, now)):
                show_error(self, exc)

        self.context.runner.submit(call(accounts.update_user, user_id=u.id, **kwargs, expected_version=version),
                                   on_done=self._done, on_error=failed)

    def unlock(self) -> None:
        u = self._selected()
        if u is not None:
            self.context.runner.submit(call(accounts.unlock_user, user_id=u.id), on_done=self._done, on_error=lambda e: show_error(self, e))
