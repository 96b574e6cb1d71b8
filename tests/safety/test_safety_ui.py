"""The safety pieces of the window: start-up order, login dialog, idle lock, menu by role, backup and audit views."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from talentdesk.store import backup_files
from talentdesk.store.integrity import integrity_check
from talentdesk.domain.enums import Role
from tests.safety.safety_helpers import login
from talentdesk.services.safety import accounts
from talentdesk.services.safety import backups
from talentdesk.services.base import Actor
from talentdesk.ui.safety import startup
from talentdesk.ui.safety.login import LoginDialog
from tests.support import running


PW = "correct horse 1"


@pytest.fixture
def with_accounts(database):
    with database.session(Actor.local()) as s:
        accounts.create_user(s, username="boss", password=PW)
    admin = login(database, username="boss", password=PW)
    with database.session(admin) as s:
        accounts.create_user(s, username="li", password=PW, role="clerk")
    return database


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(startup, "show_error", lambda parent, exc: shown.append(exc))
    return shown


@pytest.fixture
def quiet_boxes(monkeypatch):
    said = []
    for name in ("information", "warning", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(
            lambda *a, _n=name, **k: said.append((_n, a[2] if len(a) > 2 else "")) or QMessageBox.StandardButton.Yes))
    return said


def test_start_takes_the_lock_backs_up_daily_and_asks_for_a_login(qtbot, with_accounts, errors):
    path = with_accounts.path
    li = login(with_accounts, username="li", password=PW)
    with_accounts.dispose()
    asked = []
    started = startup.start(path, ask_login=lambda runner: asked.append(runner) or li)
    try:
        assert started is not None and started.actor.username == "li" and asked
        assert started.lock.held and started.prepared.daily_backup is not None
        assert backup_files.list_backups(path)[0].reason == "daily"
        second = startup.start(path, ask_login=lambda runner: pytest.fail("no login for a second copy"))
        assert second is None and "already open" in errors[-1].message
    finally:
        started.close()
    from tests.safety.safety_helpers import audit_rows

    assert audit_rows(started.database, action="logout")[-1].actor_name == "li"


def test_start_stops_when_the_login_is_cancelled_and_releases_the_lock(qtbot, with_accounts, errors):
    path = with_accounts.path
    with_accounts.dispose()
    assert startup.start(path, ask_login=lambda runner: None) is None
    again = startup.start(path, ask_login=lambda runner: Actor.local())
    assert again is not None
    again.close()


def test_a_failed_quick_check_offers_the_newest_good_backup(qtbot, database, errors, monkeypatch):
    offered = []
    from talentdesk.services.safety import startup as prepare

    monkeypatch.setattr(prepare.integrity, "quick_check", lambda p: ["*** in database main ***"])
    monkeypatch.setattr(startup, "_offer_restore",
                        lambda runner, target, prepared: offered.append(prepared.problems) or False)
    assert startup.start(database.path) is None
    assert offered == [("*** in database main ***",)]


@pytest.fixture
def runner(with_accounts):
    with running(with_accounts, Actor.system()) as r:
        yield r


def test_the_login_dialog_logs_in_and_shows_a_wrong_password(qtbot, runner):
    dlg = LoginDialog(runner)
    qtbot.addWidget(dlg)
    dlg.username.setText("li")
    dlg.password.setText("wrong password")
    dlg.ok.click()
    assert dlg.busy and not dlg.ok.isEnabled() and dlg.state.isVisibleTo(dlg)  # checking, and it says so
    qtbot.waitUntil(lambda: dlg.error.isVisibleTo(dlg), timeout=5000)
    assert "wrong" in dlg.error.text() and dlg.password.text() == "" and not dlg.busy
    dlg.password.setText(PW)
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        dlg.ok.click()
    assert dlg.actor.username == "li" and dlg.actor.role is Role.CLERK


def _window(qtbot, database, actor):
    from talentdesk.app import open_main_window

    window = open_main_window(database, actor=actor)
    qtbot.addWidget(window)
    return window


def _menu_texts(window):
    return [a.text().replace("&", "") for a in window.safety.menu.actions()]


def test_the_safety_menu_follows_the_role(qtbot, with_accounts):
    admin = _window(qtbot, with_accounts, login(with_accounts, username="boss", password=PW))
    clerk = _window(qtbot, with_accounts, login(with_accounts, username="li", password=PW))
    try:
        assert any("Audit" in t for t in _menu_texts(admin)) and any("Accounts" in t for t in _menu_texts(admin))
        assert not any("Audit" in t or "Accounts" in t for t in _menu_texts(clerk))
        assert any("Lock" in t for t in _menu_texts(clerk))
        assert "li" in clerk.safety.who.text()
    finally:
        for w in (admin, clerk):
            w.context.runner.shutdown()


def test_idle_lock_hides_the_data_until_the_same_user_types_the_password(qtbot, with_accounts):
    clerk = login(with_accounts, username="li", password=PW)
    window = _window(qtbot, with_accounts, clerk)
    window.show()

    def unlock():
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, LoginDialog) and dlg.username.isReadOnly()
        assert not window.centralWidget().isVisible()
        dlg.password.setText(PW)
        dlg.ok.click()

    QTimer.singleShot(200, unlock)
    try:
        assert window.safety.idle.lock() is True
        assert window.centralWidget().isVisible()
        assert window.safety.idle.timer.isActive()  # idle_lock_minutes default is 15
    finally:
        window.context.runner.shutdown()


def test_the_backup_dialog_shows_the_last_backup_and_backs_up(qtbot, database, quiet_boxes):
    from talentdesk.ui.common.tab import AppContext
    from talentdesk.ui.runner import Runner
    from talentdesk.ui.safety.backup_dialog import BackupDialog
    from PySide6.QtCore import QSettings

    runner = Runner(database, lambda: Actor.local())
    ctx = AppContext(database=database, runner=runner, actor=Actor.local(), settings=QSettings())
    dlg = BackupDialog(ctx)
    qtbot.addWidget(dlg)
    try:
        qtbot.waitUntil(lambda: "No backup" in dlg.status.text(), timeout=10000)
        assert dlg.model.rowCount() == 0
        dlg.backup_now()
        qtbot.waitUntil(lambda: dlg.model.rowCount() == 1, timeout=10000)
        assert "Last backup" in dlg.status.text()
        dlg.check()
        qtbot.waitUntil(lambda: dlg.report.isVisibleTo(dlg), timeout=10000)
        assert "ok" in dlg.report.toPlainText()
    finally:
        runner.shutdown()


def test_the_audit_view_lists_and_filters_the_trail(qtbot, with_accounts):
    from talentdesk.ui.safety.audit_view import AuditDialog

    admin = login(with_accounts, username="boss", password=PW)
    window = _window(qtbot, with_accounts, admin)
    dlg = AuditDialog(window.context, window)
    qtbot.addWidget(dlg)
    try:
        qtbot.waitUntil(lambda: dlg.loaded and dlg.user.findData("boss") > 0, timeout=10000)
        assert dlg.model.rowCount() > 0
        dlg.user.setCurrentIndex(dlg.user.findData("boss"))
        dlg.loaded = False
        dlg.refresh()
        qtbot.waitUntil(lambda: dlg.loaded, timeout=10000)
        assert dlg.model.rows and {r.actor_name for r in dlg.model.rows} == {"boss"}
    finally:
        window.context.runner.shutdown()


def _log_in_choosing_a_password(qtbot, runner, monkeypatch, username: str, password: str, chosen: str, *,
                                timeout: int = 10000) -> LoginDialog:
    """Sign in with a password an administrator reset: the dialog asks for an own one, and `chosen` is typed."""
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (chosen, True)))
    dlg = LoginDialog(runner)
    qtbot.addWidget(dlg)
    dlg.username.setText(username)
    dlg.password.setText(password)
    with qtbot.waitSignal(dlg.accepted, timeout=timeout):
        dlg.ok.click()
    return dlg


def test_after_a_reset_the_login_dialog_asks_for_a_new_password(qtbot, with_accounts, runner, monkeypatch):
    admin = login(with_accounts, username="boss", password=PW)
    with with_accounts.session(admin) as s:
        uid = accounts.find_user(s, "li").id
        accounts.reset_password(s, user_id=uid, new_password="temporary 123")
    _log_in_choosing_a_password(qtbot, runner, monkeypatch, "li", "temporary 123", "chosen by li 1", timeout=5000)
    assert login(with_accounts, username="li", password="chosen by li 1").username == "li"


def test_start_creates_a_new_database_in_single_user_mode(qtbot, tmp_path, errors):
    started = startup.start(tmp_path / "new" / "talentdesk.db")
    try:
        assert started is not None and started.actor == Actor.local() and started.prepared.daily_backup is None
        assert started.prepared.migration.migrated
    finally:
        started.close()


def test_a_new_account_a_reset_and_an_own_password_are_hashed_on_the_no_database_lane(qtbot, with_accounts,
                                                                                      tmp_path, monkeypatch):
    """argon2 takes a noticeable moment: it runs with no session held (Lane.NO_DATABASE), and only the insert or
    update holds the writer; the account then logs in with that password."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QDialog, QInputDialog

    from talentdesk.services.base import Lane
    from talentdesk.ui.common.tab import AppContext
    from talentdesk.ui.runner import Runner
    from talentdesk.ui.safety import users

    admin = login(with_accounts, username="boss", password=PW)
    runner = Runner(with_accounts, lambda: admin)
    context = AppContext(database=with_accounts, runner=runner, actor=admin,
                         settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    submitted = []
    real_submit = runner.submit
    monkeypatch.setattr(runner, "submit",
                        lambda c, **kw: submitted.append((c.fn.__name__, c.lane)) or real_submit(c, **kw))
    typed = {"username": "wang", "password": "another horse 2"}

    def accept(dlg):
        dlg.username.setText(typed["username"])
        dlg.password.setText(typed["password"])
        dlg.again.setText(typed["password"])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(users.PasswordDialog, "exec", accept)
    try:
        dlg = users.UsersDialog(context)
        qtbot.addWidget(dlg)
        qtbot.waitUntil(lambda: dlg.model.rowCount() == 2, timeout=10000)
        dlg.add_user()
        qtbot.waitUntil(lambda: dlg.model.rowCount() == 3, timeout=10000)
        lanes = dict(submitted)
        assert lanes["hash_new_password"] is Lane.NO_DATABASE and lanes["create_user"] is Lane.WRITE
        assert login(with_accounts, username="wang", password="another horse 2").username == "wang"

        submitted.clear()
        typed["password"] = "a third horse 3"
        dlg.view.selectRow([r.username for r in dlg.model.rows].index("wang"))
        dlg.reset_password()
        qtbot.waitUntil(lambda: runner.pending() == 0 and len(submitted) >= 3, timeout=10000)
        assert [(n, lane) for n, lane in submitted if n != "list_users"] == [
            ("hash_new_password", Lane.NO_DATABASE), ("reset_password", Lane.WRITE)]
        assert login(with_accounts, username="wang", password="a third horse 3").username == "wang"

        # after the reset wang logs in and picks an own password: each argon2 step on the no-database lane
        submitted.clear()
        _log_in_choosing_a_password(qtbot, runner, monkeypatch, "wang", "a third horse 3", "wang's own horse 4")
        qtbot.waitUntil(lambda: runner.pending() == 0, timeout=10000)
        assert [(n, lane) for n, lane in submitted if n != "list_users"] == [
            ("login_challenge", Lane.READ), ("verify_password", Lane.NO_DATABASE), ("record_login", Lane.WRITE),
            ("own_password_challenge", Lane.READ), ("hash_own_password", Lane.NO_DATABASE),
            ("set_own_password", Lane.WRITE)]
        wang = login(with_accounts, username="wang", password="wang's own horse 4")
        with with_accounts.session(admin) as s:
            assert not accounts.find_user(s, "wang").must_change_password

        # and from the safety menu of wang's window, the same three steps
        window = _window(qtbot, with_accounts, wang)
        wang_runner = window.context.runner
        mine = []
        real_wang_submit = wang_runner.submit
        monkeypatch.setattr(wang_runner, "submit",
                            lambda c, **kw: mine.append((c.fn.__name__, c.lane)) or real_wang_submit(c, **kw))
        answers = iter([("wang's own horse 4", True), ("wang's next horse 5", True)])
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: next(answers)))
        said = []
        monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: said.append(a[2])))
        try:
            window.safety.change_password()
            qtbot.waitUntil(lambda: said == ["Password changed."], timeout=10000)
            assert [(n, lane) for n, lane in mine if n.startswith(("own_", "hash_", "set_"))] == [
                ("own_password_challenge", Lane.READ), ("hash_own_password", Lane.NO_DATABASE),
                ("set_own_password", Lane.WRITE)]
        finally:
            wang_runner.shutdown()
        assert login(with_accounts, username="wang", password="wang's next horse 5").username == "wang"
    finally:
        runner.shutdown()
