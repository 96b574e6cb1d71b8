"""The city's tab in the window: shown to a city account (not to a county's), it reads the roll-up in the background
and lists every county, the city total and the person paid by two counties. TD_CITY_SCREENSHOT=path saves it."""
from __future__ import annotations

import os

from PySide6.QtCore import QSettings

from tests.city.counties_fixture import A, B
from tests.support import zh_translators
from tests.city.test_rollup import AS_OF, TWICE, _fill
from tests.talents.helpers import make_id


def _window(qtbot, database, actor, tmp_path):
    from talentdesk.app import make_application, open_main_window

    make_application(lang="en")  # the Chinese catalogues come from zh_translators, removed again after the test
    w = open_main_window(database, actor=actor,
                         settings=QSettings(str(tmp_path / f"{actor.username}.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    return w


def test_a_city_account_sees_the_roll_up_tab_and_a_county_account_does_not(qtbot, city, tmp_path, zh):
    _fill(city, "a", "clerk_a", [("王芳", TWICE, [("due", 3_000_000), ("payment", -3_000_000)], False),
                                 ("李强", make_id(seq=201), [("due", 800_000), ("payment", -800_000)], True)],
          overdue_pairings=1, fresh_pairings=1, checkins=3)
    _fill(city, "b", "clerk_b", [("王芳", TWICE, [("due", 1_200_000), ("payment", -1_200_000)], False)],
          overdue_pairings=0, fresh_pairings=1, checkins=1)

    with zh_translators():
        _look(qtbot, city, tmp_path)


def _look(qtbot, city, tmp_path):
    county_db = city.open("a")
    w = _window(qtbot, county_db, city.login(county_db, "clerk_a"), tmp_path)
    try:
        assert w.city is None and w.tabs.count() == 5
    finally:
        w.context.runner.shutdown()

    database = city.open("city")
    w = _window(qtbot, database, city.login(database, "city_admin"), tmp_path)
    try:
        w.resize(1366, 768)
        w.show()
        assert w.city is not None and w.tabs.tabText(w.tabs.count() - 1) == "全市"
        w.tabs.setCurrentWidget(w.city)
        qtbot.waitUntil(lambda: w.city.loaded, timeout=30000)
        rows = [w.city.model.data(w.city.model.index(r, 0)) for r in range(w.city.model.rowCount())]
        assert rows == ["000000 本县", f"{A} 上城区", f"{B} 拱墅区", "全市合计"]
        assert w.city.cross_model.rowCount() == 1
        assert w.city.cross_model.data(w.city.cross_model.index(0, 0)) == TWICE
        assert "1" in w.city.cross_title.text() and AS_OF.year >= 2026
        shot = os.environ.get("TD_CITY_SCREENSHOT")
        if shot:
            qtbot.wait(300)
            w.grab().save(shot)
    finally:
        w.context.runner.shutdown()
