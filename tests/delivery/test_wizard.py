"""The first-run wizard: asks once, writes the office's answers in one audited unit of work, refuses bad answers
with a message and changes nothing, and hands back the database the window should open."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QWizard
from sqlalchemy import select

from talentdesk.domain.models import AuditEntry
from talentdesk.services.base import Actor
from talentdesk.services.common.settings import get_setting
from talentdesk.ui.wizard import wizard as wiz
from tests.support import main_window


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "firstrun.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def no_error_boxes(monkeypatch):
    shown = []
    monkeypatch.setattr("talentdesk.ui.errors.show_error", lambda parent, exc: shown.append(exc))
    return shown


@pytest.fixture(autouse=True)
def _nothing_left_for_the_next_test(qapp):
    """What a test's wizard, dialogs and window leave behind is destroyed at its own end, not by whichever event
    loop turns next in another test (a deferred delete run inside the next test's loop crashed the process)."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    yield
    for widget in qapp.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def _wizard(qtbot, runner):
    w = wiz.open_wizard(runner, db_path=runner.database.path)
    qtbot.addWidget(w)
    return w


def _finish(qtbot, w):
    """Press Finish and wait for the answers to be written (or refused)."""
    w.accept()
    qtbot.waitUntil(lambda: not w.saving, timeout=10000)


def _setting(database, key):
    with database.session(Actor.local(), readonly=True) as s:
        return get_setting(s, key)


def _page_types(w: QWizard) -> list[str]:
    return [type(w.page(i)).__name__ for i in w.pageIds()]


def test_answers_are_written_as_audited_settings(qtbot, database, runner, tmp_path):
    w = _wizard(qtbot, runner)
    w.office.name.setText("  清水县人才工作办公室 ")
    usb = tmp_path / "usb" / "TalentDesk backups"
    w.backup.folder.setText(str(usb))
    assert w.backup.validatePage()
    _finish(qtbot, w)
    assert w.answers is not None and w.result() == QWizard.DialogCode.Accepted
    assert _setting(database, "office_name") == "清水县人才工作办公室"
    assert _setting(database, "backup_second_folder") == os.path.normpath(str(usb))
    assert usb.is_dir()  # checked by writing into it
    with database.session(Actor.local(), readonly=True) as s:
        audited = " ".join(s.scalars(select(AuditEntry.after).where(AuditEntry.table_name == "county_settings")).all())
    assert "清水县人才工作办公室" in audited and "TalentDesk backups" in audited


def test_an_empty_office_name_is_refused_with_a_message(qtbot, runner):
    w = _wizard(qtbot, runner)
    w.office.name.setText("   ")
    assert not w.office.validatePage()
    assert w.office.error.text() == "Please enter the office's name."


def test_backup_folder_must_be_a_complete_writable_path_other_than_the_automatic_one(database, tmp_path):
    assert wiz.check_backup_folder("", database.path) is None  # no second copy is allowed
    assert "complete folder path" in wiz.check_backup_folder("backups", database.path)
    assert "already the automatic" in wiz.check_backup_folder(str(database.path.parent / "backups"), database.path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert "cannot be written" in wiz.check_backup_folder(str(blocker / "sub"), database.path)
    assert wiz.check_backup_folder(str(tmp_path / "fine"), database.path) is None


def test_the_admin_account_is_created_through_the_accounts_service(qtbot, database, runner, monkeypatch):
    from talentdesk.services.safety.accounts import find_user
    from talentdesk.store import cipher
    from talentdesk.ui.safety import encryption as enc_ui

    shown = []  # the account turns encryption at rest on; the recovery key is shown once (issue 15 item 5)
    monkeypatch.setattr(enc_ui.RecoveryKeyDialog, "exec", lambda self: shown.append(self.key.text()) or 1)
    w = _wizard(qtbot, runner)
    assert "AccountsPage" in _page_types(w)
    w.accounts.accounts.setChecked(True)
    w.accounts.username.setText("admin")
    w.accounts.display_name.setText("王主任")
    w.accounts.password.setText("correct horse 9")
    w.accounts.confirm.setText("correct horse 9")
    assert w.accounts.validatePage()
    _finish(qtbot, w)
    assert w.answers is not None
    with database.session(Actor.local(), readonly=True) as s:
        admin = find_user(s, "admin")
        assert admin.role == "admin" and admin.display_name == "王主任"
        assert "correct horse 9" not in admin.password_hash
    assert cipher.is_encrypted(database.path) and len(shown) == 1 and shown[0].startswith("TDRK-")


def test_mismatched_passwords_are_caught_on_the_page(qtbot, runner):
    w = _wizard(qtbot, runner)
    w.accounts.accounts.setChecked(True)
    w.accounts.username.setText("admin")
    w.accounts.password.setText("one password")
    w.accounts.confirm.setText("another one")
    assert not w.accounts.validatePage()
    assert w.accounts.error.text() == "The two passwords are not the same."


def test_a_refused_account_keeps_the_wizard_open_and_writes_nothing(qtbot, database, runner, no_error_boxes):
    w = _wizard(qtbot, runner)
    w.office.name.setText("新名称办公室")
    w.accounts.accounts.setChecked(True)
    w.accounts.username.setText("admin")
    w.accounts.password.setText("short")
    w.accounts.confirm.setText("short")
    _finish(qtbot, w)
    assert w.answers is None  # still open, so the person can fix the password
    assert [e.message for e in no_error_boxes] == ["A password needs at least 8 characters."]
    assert _setting(database, "office_name") != "新名称办公室"  # all answers or none


def test_a_database_that_already_holds_talents_skips_the_start_page(qtbot, demo_db):
    from talentdesk.ui.runner import Runner

    runner = Runner(demo_db, lambda: Actor.local())
    try:
        w = _wizard(qtbot, runner)
    finally:
        runner.shutdown()
    assert "StartPage" not in _page_types(w)
    assert w.collect().start is wiz.StartChoice.EMPTY
    promise = w.welcome.findChildren(QLabel)[-1].text()
    assert "begin" not in promise  # the welcome promises only the questions that come


def test_the_wizard_is_not_shown_on_a_database_that_already_holds_talents(qtbot, demo_db, settings, monkeypatch):
    from talentdesk.ui.runner import Runner

    monkeypatch.setattr(wiz.FirstRunWizard, "exec", lambda self: pytest.fail("the wizard must not open"))
    runner = Runner(demo_db, lambda: Actor.local())
    try:
        outcome = wiz.first_run(runner, settings)
    finally:
        runner.shutdown()
    assert outcome.database is demo_db


def test_on_an_empty_database_the_welcome_promises_the_start_question_that_comes(qtbot, runner):
    w = _wizard(qtbot, runner)
    assert "begin" in w.welcome.findChildren(QLabel)[-1].text()
    assert "StartPage" in _page_types(w)


def test_excel_import_is_offered_only_when_the_import_dialog_exists(qtbot, runner, monkeypatch):
    monkeypatch.setattr(wiz, "import_dialog_class", lambda: None)
    w = _wizard(qtbot, runner)
    w.start.import_.setChecked(True)
    assert w.start.import_.isHidden()
    assert w.collect().start is wiz.StartChoice.EMPTY


def test_excel_import_is_the_start_when_the_import_dialog_exists(qtbot, runner, monkeypatch):
    class ImportDialog:  # stands in for the talents area's dialog
        def __init__(self, context, parent):
            pass

    monkeypatch.setattr(wiz, "import_dialog_class", lambda: ImportDialog)
    w = _wizard(qtbot, runner)
    w.start.import_.setChecked(True)
    assert w.collect().start is wiz.StartChoice.IMPORT


def _finish_immediately(choice: wiz.StartChoice):
    def exec_(self):
        if self.start is not None:
            {wiz.StartChoice.EMPTY: self.start.empty, wiz.StartChoice.DEMO: self.start.demo,
             wiz.StartChoice.IMPORT: self.start.import_, wiz.StartChoice.MOVE_IN: self.start.move_in}[choice].setChecked(True)
        self.accept()
        from PySide6.QtCore import QCoreApplication

        while self.saving:  # the answers are written on the runner
            QCoreApplication.processEvents()
        return self.result()
    return exec_


def test_the_wizard_is_shown_once_and_remembered(qtbot, database, runner, settings, monkeypatch):
    shown = []
    monkeypatch.setattr(wiz.FirstRunWizard, "exec", lambda self: (shown.append(1), _finish_immediately(
        wiz.StartChoice.EMPTY)(self))[1])
    assert wiz.wizard_needed(settings)
    outcome = wiz.first_run(runner, settings)
    assert outcome.database is database and shown == [1]
    assert not wiz.wizard_needed(settings)
    wiz.first_run(runner, settings)
    assert shown == [1]


def test_closing_the_wizard_asks_again_next_time(qtbot, database, runner, settings, monkeypatch):
    monkeypatch.setattr(wiz.FirstRunWizard, "exec", lambda self: QWizard.DialogCode.Rejected)
    outcome = wiz.first_run(runner, settings)
    assert outcome.database is database
    assert wiz.wizard_needed(settings)


def test_start_up_probes_and_the_demo_switch_do_not_show_the_wizard(qtbot, database, runner, settings, monkeypatch):
    monkeypatch.setattr(wiz.FirstRunWizard, "exec", lambda self: pytest.fail("the wizard must not open"))
    assert wiz.first_run(runner, settings, enabled=False).database is database
    assert wiz.wizard_needed(settings)


def test_choosing_the_demo_opens_a_separate_practice_database(qtbot, database, runner, settings, monkeypatch, tmp_path):
    from talentdesk.services.base import Database
    from talentdesk.services.common.demo import generate_demo
    from talentdesk.services.talents.registry import count_talents

    monkeypatch.setattr(wiz.FirstRunWizard, "exec", _finish_immediately(wiz.StartChoice.DEMO))

    from talentdesk.services.base import Lane, call_free, operation

    @operation(None, lane=Lane.NO_DATABASE, long=True)
    def practice(*, path: Path, progress=None, abort=None) -> Path:
        db = Database.open(path)
        with db.session(Actor.local()) as s:
            generate_demo(s, talents=30, seed=3, progress=progress)
        db.dispose()
        return path

    outcome = wiz.first_run(runner, settings, make_demo=lambda: call_free(practice, path=tmp_path / "practice.db"))
    try:
        assert outcome.database.path == tmp_path / "practice.db"
        with outcome.database.session(Actor.local(), readonly=True) as s:
            assert count_talents(s) == 30
        with database.session(Actor.local(), readonly=True) as s:
            assert count_talents(s) == 0  # the office's own database stays empty
    finally:
        outcome.database.dispose()


def test_a_failing_demo_build_is_reported_and_the_own_database_opens(qtbot, database, runner, settings, monkeypatch,
                                                                    no_error_boxes):
    monkeypatch.setattr(wiz.FirstRunWizard, "exec", _finish_immediately(wiz.StartChoice.DEMO))

    from talentdesk.services.base import Lane, call_free, operation

    @operation(None, lane=Lane.NO_DATABASE, long=True)
    def broken(*, progress=None, abort=None):
        raise OSError(28, "No space left on device")

    outcome = wiz.first_run(runner, settings, make_demo=lambda: call_free(broken))
    assert outcome.database is database
    assert len(no_error_boxes) == 1 and isinstance(no_error_boxes[0], OSError)


@contextmanager
def _window_after(choice, qtbot, database, runner, settings, monkeypatch, tmp_path):
    """The first-run wizard finished with choice, then the main window opened on its runner and shown."""
    monkeypatch.setattr(wiz.FirstRunWizard, "exec", _finish_immediately(choice))
    outcome = wiz.first_run(runner, settings)
    with main_window(qtbot, database, tmp_path, lang=None, settings_file="w.ini", runner=runner) as window:
        outcome.after_show(window)
        yield window


def test_choosing_excel_import_opens_the_import_dialog_once_the_window_shows(qtbot, database, runner, settings,
                                                                             monkeypatch, tmp_path):
    from talentdesk.ui.talents.import_dialog import ImportDialog

    with _window_after(wiz.StartChoice.IMPORT, qtbot, database, runner, settings, monkeypatch, tmp_path) as window:
        dialogs = [w for w in window.findChildren(ImportDialog) if w.isVisible()]
        assert len(dialogs) == 1
        assert window.tabs.currentWidget() is window.talents
        dialogs[0].close()


def test_choosing_to_move_in_opens_the_guide_in_order_with_templates(qtbot, database, runner, settings, monkeypatch,
                                                                      tmp_path):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from talentdesk.ui.common.file_import import FileImportDialog
    from talentdesk.ui.wizard.movein import MoveInGuide

    with _window_after(wiz.StartChoice.MOVE_IN, qtbot, database, runner, settings, monkeypatch, tmp_path) as window:
        guides = [w for w in window.findChildren(MoveInGuide) if w.isVisible()]
        assert len(guides) == 1
        guide = guides[0]
        assert list(guide.buttons) == ["policies", "talents", "payments", "pairings", "care"]
        out = tmp_path / "payments.xlsx"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
        monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
        guide.buttons["payments"][0].click()
        qtbot.waitUntil(lambda: out.exists(), timeout=10000)
        guide.buttons["policies"][1].click()
        assert [d for d in guide.findChildren(FileImportDialog) if d.isVisible()]
        guide.buttons["talents"][1].click()
        assert window.tabs.currentWidget() is window.talents
