"""The window reaches a server database: the first-run wizard's server page tests the connection on the runner and
hands back the address (no password); start-up opens it with no lock file, asks again for a refused password."""
from __future__ import annotations

from PySide6.QtCore import QSettings
from sqlalchemy.engine import make_url

from talentdesk.services.base import Actor
from talentdesk.store import server as srv
from talentdesk.ui.wizard import wizard as wiz


def _fill(form, url):
    u = make_url(url)
    form.host.setText(u.host)
    form.port.setText(str(u.port or ""))  # a URL without a port: the field left blank means the usual 5432
    form.database.setText(u.database)
    form.user.setText(u.username)
    form.password.setText(u.password)


def test_the_wizard_tests_the_server_and_hands_back_its_address(qtbot, runner, pg_url, tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "firstrun.ini"), QSettings.Format.IniFormat)
    w = wiz.open_wizard(runner, db_path=runner.database.path)
    qtbot.addWidget(w)
    page = w.location
    page.server.setChecked(True)
    assert page.isFinalPage() and not page.validatePage()  # not tested yet: refused with a message
    assert "Test the connection" in page.error.text()
    form = page.form
    _fill(form, pg_url)
    form.password.setText("wrong")
    form.run_test()
    qtbot.waitUntil(lambda: form.test.isEnabled() and form.status.text() != "Connecting…", timeout=20000)
    assert form.checked is None and "did not accept" in form.status.text()
    form.password.setText(make_url(pg_url).password)
    form.run_test()
    qtbot.waitUntil(lambda: form.checked is not None, timeout=20000)
    assert "Connected to" in form.status.text() and page.validatePage()
    target, _ = srv.parse_server_url(pg_url)
    assert srv.stored_password(target) == make_url(pg_url).password  # kept on this PC once accepted

    monkeypatch.setattr(wiz.FirstRunWizard, "exec", lambda self: (self.accept(), wiz.QWizard.DialogCode.Accepted)[1])
    monkeypatch.setattr(wiz, "open_wizard", lambda runner, **_kw: w)
    outcome = wiz.first_run(runner, settings)
    assert outcome.switch_to == target.display()
    assert settings.value("database/server") == target.display()
    assert make_url(pg_url).password not in open(tmp_path / "firstrun.ini", encoding="utf-8").read()


def test_start_up_opens_a_server_database_and_asks_again_for_a_refused_password(qtbot, pg_url, monkeypatch):
    from talentdesk.ui.safety import startup

    target, password = srv.parse_server_url(pg_url)
    srv.remember_password(target, "an-old-password")  # changed on the server since
    asked = []
    started = startup.start(target.display(), ask_login=lambda runner: Actor.local(),
                            ask_password=lambda server, problem: asked.append(problem) or password)
    assert started is not None
    try:
        assert asked and "did not accept" in asked[0]
        assert isinstance(started.lock, startup.NoLock) and started.database.path is None
        assert started.database.migration is not None and started.database.migration.to_revision
        assert srv.stored_password(target) == password
    finally:
        started.close()
