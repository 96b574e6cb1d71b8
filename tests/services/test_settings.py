"""The office settings: one declared operation checks every value, writes only what changed, and is audited."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import select

from talentdesk.domain.errors import PermissionDenied, ValidationError
from talentdesk.domain.enums import Role
from talentdesk.domain.models import AuditEntry, CountySetting, Setting
from talentdesk.services.common import settings
from tests.conftest import make_actor


def test_saving_settings_checks_every_value_first_and_audits_each_change(database, local, tmp_path):
    with database.session(local) as s:
        before = settings.office_settings(s)
        assert before["risk_threshold"] == 40 and before["commitment_notice_days"] == 183
        with pytest.raises(ValidationError) as err:
            settings.save_settings(s, values={"office_name": "滨河县人才办", "checkin_cadence_days": 3})
        assert err.value.field == "checkin_cadence_days" and "7" in err.value.message
        assert s.get(Setting, "office_name") is None and not s.scalars(select(CountySetting)).all()  # nothing written
    with database.session(local) as s:
        after = settings.save_settings(s, values={
            "office_name": "  滨河县  人才办 ", "risk_threshold": 55, "risk_weights": {"no_training": 0},
            "backup_second_folder": str(tmp_path), "promotion_require_title": True})
    assert after["office_name"] == "滨河县 人才办" and after["risk_threshold"] == 55
    assert after["risk_weights"]["no_training"] == 0 and after["risk_weights"]["no_mentor"] == 15
    with database.session(local, readonly=True) as s:
        audited = {e.record_id for e in s.scalars(select(AuditEntry).where(AuditEntry.table_name == "county_settings"))}
    assert {"office_name", "risk_threshold", "risk_weights", "backup_second_folder",
            "promotion_require_title"} <= audited


@pytest.mark.parametrize("key,value,words", [
    ("office_name", "   ", "Office name"),
    ("risk_threshold", "forty", "whole number"),
    ("promotion_min_years_in_post", 99, "from 0 to 30"),
    ("certificate_font", "/no/such/font.ttf", "font file"),
    ("backup_second_folder", "/no/such/folder", "does not exist"),
    ("risk_weights", {"no_such_signal": 5}, "no_such_signal"),
    ("promotion_require_title", "yes", "yes or no"),
    ("no_such_setting", 1, "no_such_setting"),
])
def test_a_wrong_value_is_refused_with_the_settings_name(database, local, key, value, words):
    with database.session(local) as s:
        with pytest.raises(ValidationError) as err:
            settings.save_settings(s, values={key: value})
    assert words in err.value.message


def test_only_an_administrator_changes_settings(database):
    with database.session(make_actor(Role.CLERK)) as s:
        assert settings.office_settings(s)["office_name"]
        with pytest.raises(PermissionDenied):
            settings.save_settings(s, values={"office_name": "某县"})


def test_the_settings_dialog_opens_from_the_menu_and_saves(qtbot, demo_db, tmp_path, monkeypatch):
    from talentdesk.app import make_application, open_main_window

    make_application(lang="en")
    w = open_main_window(demo_db, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    w.settings_action.trigger()
    dlg = w.settings_dialog
    qtbot.waitUntil(lambda: dlg.loaded, timeout=15000)
    assert dlg.windowTitle() == "Settings" and dlg.office_name.text()
    qtbot.wait(200)
    assert dlg.scope.isHidden()  # a county office's own file: nothing about counties
    dlg.cadence.setValue(21)
    dlg.font.setText("/no/such/font.ttf")
    dlg.save()
    qtbot.waitUntil(lambda: bool(dlg.error.text()), timeout=15000)
    assert dlg.isVisible() and "font file" in dlg.error.text()  # refused with the reason; the input is kept
    assert dlg.cadence.value() == 21
    dlg.font.setText("")
    dlg.office_name.setText("滨河县人才工作办公室")
    dlg.save()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=15000)
    with demo_db.session(w.context.actor, readonly=True) as s:
        assert settings.get_setting(s, "office_name") == "滨河县人才工作办公室"
        assert settings.get_setting(s, "checkin_cadence_days") == 21
    w.context.runner.shutdown()
