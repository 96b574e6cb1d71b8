"""Encryption at rest in the window: the first account encrypts the file and shows the recovery key once; the login
dialog unlocks an encrypted database (a wrong password says so and changes nothing); the recovery key at the login
gives a lost account a new password."""
from __future__ import annotations

import hashlib

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from talentdesk.services.base import Actor
from talentdesk.services.safety import accounts
from talentdesk.store import cipher
from talentdesk.ui.safety import encryption as enc_ui
from talentdesk.ui.safety import startup
from talentdesk.ui.safety.login import LoginDialog

PW = "correct horse 1"


@pytest.fixture(autouse=True)
def _fresh_keys(monkeypatch):
    monkeypatch.setattr(cipher, "SCRYPT_N", 2 ** 10)
    cipher.forget()
    yield
    cipher.forget()


@pytest.fixture
def shown_keys(monkeypatch):
    shown = []

    def _exec(self):
        shown.append(self.key.text())
        assert not self.ok.isEnabled()  # it closes only once the key is kept
        self.kept.setChecked(True)
        assert self.ok.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(enc_ui.RecoveryKeyDialog, "exec", _exec)
    return shown


def _encrypted_office(qtbot, database, shown_keys) -> str:
    """The accounts dialog in single-user mode: the first account is added; the file is encrypted."""
    from talentdesk.app import open_main_window
    from talentdesk.ui.safety.users import PasswordDialog, UsersDialog

    window = open_main_window(database, actor=Actor.local())
    qtbot.addWidget(window)
    dlg = UsersDialog(window.context, window)
    qtbot.addWidget(dlg)

    def _fill(self):
        self.username.setText("boss")
        self.password.setText(PW)
        self.again.setText(PW)
        return QDialog.DialogCode.Accepted

    original = PasswordDialog.exec
    PasswordDialog.exec = _fill
    try:
        dlg.add_user()
    finally:
        PasswordDialog.exec = original
    qtbot.waitUntil(lambda: bool(shown_keys), timeout=30000)
    qtbot.waitUntil(lambda: window.context.runner.pending() == 0, timeout=10000)
    assert cipher.is_encrypted(database.path)
    window.context.runner.shutdown()
    return shown_keys[0]


def test_the_first_account_in_the_window_encrypts_and_shows_the_recovery_key_once(qtbot, database, shown_keys):
    with database.session(Actor.local(), readonly=True) as s:
        assert not accounts.has_accounts(s)
    key = _encrypted_office(qtbot, database, shown_keys)
    assert key.startswith("TDRK-") and len(shown_keys) == 1
    assert cipher.read_keys_file(database.path)["wraps"].keys() == {"boss"}


def test_start_unlocks_at_the_login_and_a_wrong_password_changes_nothing(qtbot, database, shown_keys, monkeypatch):
    _encrypted_office(qtbot, database, shown_keys)
    path = database.path
    database.dispose()
    cipher.forget()
    monkeypatch.setattr(startup, "show_error", lambda parent, exc: pytest.fail(getattr(exc, "message", exc)))
    attempts = []

    def _login(runner, unlock=None):
        assert unlock == path  # asked before anything of the file is read
        dlg = LoginDialog(runner, unlock=unlock)
        qtbot.addWidget(dlg)
        before = hashlib.sha256(path.read_bytes()).hexdigest()
        dlg.username.setText("boss")
        dlg.password.setText("not the password")
        dlg.ok.click()
        qtbot.waitUntil(lambda: dlg.error.isVisibleTo(dlg), timeout=10000)
        attempts.append(dlg.error.text())
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before and cipher.registered_key(path) is None
        dlg.password.setText(PW)
        with qtbot.waitSignal(dlg.accepted, timeout=10000):
            dlg.ok.click()
        return dlg.actor

    monkeypatch.setattr(startup, "_login_dialog", _login)
    started = startup.start(path)
    try:
        assert started is not None and started.actor.username == "boss"
        assert "password is wrong" in attempts[0] and "nothing was changed" in attempts[0]
        assert started.prepared.ok and started.prepared.accounts
    finally:
        started.close()


def test_the_recovery_key_at_the_login_sets_a_new_password(qtbot, database, shown_keys, monkeypatch):
    recovery = _encrypted_office(qtbot, database, shown_keys)
    path = database.path
    database.dispose()
    cipher.forget()
    from talentdesk.services.base import Database
    from talentdesk.ui.runner import Runner

    runner = Runner(Database.open(path, migrate=False), lambda: Actor.system())
    try:
        dlg = LoginDialog(runner, unlock=path)
        qtbot.addWidget(dlg)
        answers = iter([(recovery, True), ("boss", True), ("a new password 2", True)])
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: next(answers)))
        told = []
        monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: told.append(a[2])))
        dlg.use_recovery_key()
        qtbot.waitUntil(lambda: bool(told), timeout=10000)
        assert "New password set for boss" in told[0]
        cipher.forget()
        dlg.username.setText("boss")
        dlg.password.setText("a new password 2")
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("my own password 3", True)))
        with qtbot.waitSignal(dlg.accepted, timeout=10000):
            dlg.ok.click()
        assert dlg.actor.username == "boss"
    finally:
        runner.shutdown()
        runner.database.dispose()
    cipher.forget()
    cipher.unlock_with_password(path, "boss", "my own password 3")  # the changed password wraps the key now


def test_single_user_office_encrypts_with_this_pcs_key_store_from_the_safety_menu(qtbot, database, shown_keys):
    from talentdesk.app import open_main_window
    from talentdesk.ui.safety.encryption import EncryptionDialog

    window = open_main_window(database, actor=Actor.local())
    qtbot.addWidget(window)
    assert any("Encryption" in a.text() for a in window.safety.menu.actions())
    dlg = EncryptionDialog(window.context, window)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.encrypt_btn.isVisibleTo(dlg), timeout=10000)
    assert "not encrypted" in dlg.status.text()
    dlg.encrypt_btn.click()
    qtbot.waitUntil(lambda: bool(shown_keys), timeout=30000)
    qtbot.waitUntil(lambda: "are encrypted" in dlg.status.text(), timeout=10000)
    assert "this PC's protected store" in dlg.status.text() and not dlg.encrypt_btn.isVisibleTo(dlg)
    assert cipher.is_encrypted(database.path) and cipher.read_keys_file(database.path)["os_store"] is True
    window.context.runner.shutdown()
    database.dispose()
    cipher.forget()
    assert cipher.unlock_from_os_store(database.path) is not None  # opens on this PC without a password
