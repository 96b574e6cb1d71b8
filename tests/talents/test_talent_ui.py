"""The talents tab driven like a user: typing into the search box, filtering, the editor's live checks and
saving, and the import preview."""
from __future__ import annotations

import datetime as dt
import time

import pytest
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import select

from talentdesk.domain.models import Talent
from talentdesk.services.base import Actor
from talentdesk.services.talents.registry import TalentQuery, count_talents

from tests.talents.helpers import make_id, write_csv
from tests.support import main_window


@pytest.fixture
def window(qtbot, demo_db, tmp_path):
    with main_window(qtbot, demo_db, tmp_path, tab="talents", timeout=20000) as w:
        yield w


def _some_talent(database):
    with database.session(Actor.local(), readonly=True) as s:
        return s.execute(select(Talent.name, Talent.name_initials, Talent.id_number, Talent.id)
                         .where(Talent.status == "active").order_by(Talent.id).limit(1)).one()


def test_typing_in_the_search_box_filters_the_list_and_shows_the_count(qtbot, window, demo_db):
    tab = window.talents
    name, initials, id_number, _id = _some_talent(demo_db)
    with demo_db.session(Actor.local(), readonly=True) as s:
        expected = count_talents(s, query=TalentQuery(text=initials))
    started = time.perf_counter()
    qtbot.keyClicks(tab.search, initials)
    typing = time.perf_counter() - started
    assert typing < 1.0  # the keystrokes only restart a timer; the search runs on the background runner
    qtbot.waitUntil(lambda: tab.model.total == expected, timeout=10000)
    names = [tab.model.row_at(i).name for i in range(tab.model.rowCount())]
    assert name in names
    assert f"{expected:,}" in tab.count.text()
    tab.search.clear()
    qtbot.keyClicks(tab.search, id_number[-6:])
    qtbot.waitUntil(lambda: tab.model.rowCount() >= 1 and tab.model.total < 300, timeout=10000)
    assert any(tab.model.row_at(i).name == name for i in range(tab.model.rowCount()))


def test_filters_narrow_the_list(qtbot, window, demo_db):
    tab = window.talents
    with demo_db.session(Actor.local(), readonly=True) as s:
        departed = count_talents(s, query=TalentQuery(status="departed"))
    tab.status.setCurrentIndex(tab.status.findData("departed"))
    qtbot.waitUntil(lambda: tab.model.total == departed, timeout=10000)
    assert all(tab.model.row_at(i).status == "departed" for i in range(tab.model.rowCount()))


def test_the_editor_shows_each_problem_beside_its_field_as_the_user_types(qtbot, window, demo_db):
    dlg = window.talents.open_editor(None)
    qtbot.addWidget(dlg)
    form = dlg.form
    qtbot.keyClicks(form.widgets["id_number"], "11010119900101")
    assert "18 characters" in form.errors["id_number"].text()
    qtbot.keyClicks(form.widgets["id_number"], make_id(seq=13)[14:])
    assert form.errors["id_number"].text() == ""
    qtbot.keyClicks(form.widgets["phone"], "1381234")
    assert form.errors["phone"].text()
    qtbot.keyClicks(form.widgets["phone"], "5678")
    assert form.errors["phone"].text() == ""
    qtbot.keyClicks(form.widgets["arrival_date"], "2023-02-30")
    assert form.errors["arrival_date"].text()
    form.widgets["arrival_date"].clear()
    form.widgets["arrival_date"].insert("2023年7月1日")  # as an input method commits Chinese text
    assert form.errors["arrival_date"].text() == ""
    form.widgets["gender"].setCurrentIndex(form.widgets["gender"].findData("F"))
    assert "man" in form.errors["gender"].text()
    form.widgets["gender"].setCurrentIndex(0)
    # saving with problems left does not write; the first problem gets the focus
    qtbot.mouseClick(dlg.buttons.button(dlg.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert form.errors["name"].text() and dlg.summary.text()
    form.widgets["name"].insert("测试人")
    qtbot.waitUntil(lambda: form.widgets["tier_code"].count() > 1, timeout=10000)
    form.widgets["tier_code"].setCurrentIndex(form.widgets["tier_code"].findData("C"))
    # a new talent starts with no education chosen (not 博士研究生) and needs an employer, as the help says
    assert form.widgets["education"].currentData() is None
    assert set(form.problems()) == {"education", "employer_id"}
    assert "employer" in form.errors["employer_id"].text().lower()
    form.widgets["education"].setCurrentIndex(form.widgets["education"].findData("master"))
    form.widgets["employer_id"].setCurrentIndex(1)
    assert form.problems() == {}
    with qtbot.waitSignal(dlg.saved, timeout=10000):
        qtbot.mouseClick(dlg.buttons.button(dlg.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    with demo_db.session(Actor.local(), readonly=True) as s:
        t = s.scalars(select(Talent).where(Talent.name == "测试人")).one()
        assert t.id_number == make_id(seq=13) and t.arrival_date == dt.date(2023, 7, 1) and t.gender == "M"
        assert t.education == "master" and t.employer_id is not None
    # after saving, Enter does not open the departure dialog: the departure button is never the default
    qtbot.waitUntil(lambda: dlg.depart_button.isVisible(), timeout=10000)
    assert dlg.focusWidget() is not dlg.depart_button
    assert not dlg.depart_button.isDefault() and not dlg.depart_button.autoDefault()
    opened = []
    import talentdesk.ui.talents.departure as departure_ui
    orig = departure_ui.DepartureDialog.exec
    departure_ui.DepartureDialog.exec = lambda self: opened.append(self) or 0
    try:
        qtbot.keyClick(dlg.focusWidget() or dlg, Qt.Key.Key_Return)
    finally:
        departure_ui.DepartureDialog.exec = orig
    assert opened == []


def test_the_editor_names_the_record_that_already_has_the_id_number(qtbot, window, demo_db):
    name, _ini, id_number, _id = _some_talent(demo_db)
    dlg = window.talents.open_editor(None)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.form.widgets["id_number"], id_number)
    qtbot.waitUntil(lambda: name in dlg.form.errors["id_number"].text(), timeout=10000)


def test_an_existing_talent_opens_with_its_values(qtbot, window, demo_db):
    name, _ini, id_number, talent_id = _some_talent(demo_db)
    dlg = window.talents.open_editor(talent_id)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.form.widgets["name"].text() == name, timeout=10000)
    assert dlg.form.widgets["id_number"].text() == id_number and dlg.depart_button.isVisibleTo(dlg)


def test_the_import_preview_lists_rejected_rows_and_guards_the_import_button(qtbot, window, tmp_path):
    path = write_csv(tmp_path / "r.csv", [["姓名", "身份证号", "人才类别", "到岗日期", "爱好", "用人单位"],
                                          ["甲", make_id(dt.date(2000, 1, 1), 13), "C", "2023-07-01", "", "县医院"],
                                          ["乙", "123", "C", "2023-07-01", "", "县医院"]])
    dlg = window.talents.open_import()
    qtbot.addWidget(dlg)
    dlg.load_file(str(path))
    qtbot.waitUntil(lambda: dlg.result is not None, timeout=10000)
    assert [(r.row, r.column) for r in dlg.rejected_model.rows] == [(3, "身份证号")]
    assert not dlg.import_button.isEnabled()
    dlg.skip_invalid.setChecked(True)
    assert dlg.import_button.isEnabled()
    assert dlg.mapping()["爱好"] == ""


def test_a_viewer_sees_masked_numbers_and_cannot_save(qtbot, demo_db, tmp_path):
    from talentdesk.app import make_application, open_main_window
    from talentdesk.domain.enums import Role

    from tests.conftest import make_actor

    name, _ini, id_number, talent_id = _some_talent(demo_db)
    make_application(lang="en")
    w = open_main_window(demo_db, actor=make_actor(Role.VIEWER),
                         settings=QSettings(str(tmp_path / "v.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    try:
        assert not w.talents.new_button.isEnabled() and not w.talents.export_all_button.isEnabled()
        dlg = w.talents.open_editor(talent_id)
        qtbot.addWidget(dlg)
        qtbot.waitUntil(lambda: dlg.form.widgets["name"].text() == name, timeout=10000)
        shown = dlg.form.widgets["id_number"].text()
        assert shown != id_number and "*" in shown and dlg.form.widgets["id_number"].isReadOnly()
        assert not dlg.buttons.button(dlg.buttons.StandardButton.Save).isEnabled()
    finally:
        w.context.runner.shutdown()


def test_export_of_the_current_list_writes_what_the_list_shows(qtbot, window, demo_db, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    tab = window.talents
    tab.status.setCurrentIndex(tab.status.findData("departed"))
    with demo_db.session(Actor.local(), readonly=True) as s:
        departed = count_talents(s, query=TalentQuery(status="departed"))
    qtbot.waitUntil(lambda: tab.model.total == departed, timeout=10000)
    target = tmp_path / "list.csv"
    tab.export(whole=False, path=str(target), encoding="gbk")
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    lines = target.read_bytes().decode("gbk").splitlines()
    assert len(lines) == departed + 1 and str(departed) in shown[0]
