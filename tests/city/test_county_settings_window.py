"""The Settings window on a city database: a county's administrator sees whose settings they are and saves its
county's own; a city administrator sees the city-wide defaults. In Chinese, as the offices use it."""
from __future__ import annotations

from PySide6.QtCore import QSettings

from talentdesk.services.common import settings
from tests.city.counties_fixture import A
from tests.support import zh_translators


def _window(qtbot, database, actor, tmp_path):
    from talentdesk.app import make_application, open_main_window

    make_application(lang="en")
    w = open_main_window(database, actor=actor,
                         settings=QSettings(str(tmp_path / f"{actor.username}.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    return w


def _dialog(qtbot, w):
    w.show()
    w.settings_action.trigger()
    dlg = w.settings_dialog
    qtbot.waitUntil(lambda: dlg.loaded and dlg.scope.isVisible(), timeout=30000)
    return dlg


def test_a_county_admin_edits_its_county_and_the_city_admin_the_city_wide_defaults(qtbot, city, tmp_path):
    with zh_translators():
        on_city = city.open("city")
        city_admin = city.login(on_city, "city_admin")
        w = _window(qtbot, on_city, city_admin, tmp_path)
        try:
            dlg = _dialog(qtbot, w)
            assert "全市设置" in dlg.scope.text()
            dlg.office_name.setText("杭州市人才办")
            dlg.save()
            qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=30000)
        finally:
            w.context.runner.shutdown()

        on_a = city.open("a")
        admin_a = city.login(on_a, "admin_a")
        w = _window(qtbot, on_a, admin_a, tmp_path)
        try:
            dlg = _dialog(qtbot, w)
            assert f"上城区（{A}）的设置" in dlg.scope.text()
            assert dlg.office_name.text() == "杭州市人才办"  # inherited from the city until the county sets its own
            dlg.office_name.setText("上城区人才办")
            dlg.save()
            qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=30000)
        finally:
            w.context.runner.shutdown()
    with on_a.session(admin_a, readonly=True) as s:
        assert settings.get_setting(s, "office_name") == "上城区人才办"
    with on_city.session(city_admin, readonly=True) as s:
        assert settings.get_setting(s, "office_name") == "杭州市人才办"
