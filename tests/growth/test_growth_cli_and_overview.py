"""The growth commands and the overview: each item points at its record, and the tab opens that record."""
import datetime as dt
import json

from openpyxl import load_workbook

from talentdesk.cli import main
from talentdesk.services.growth import overview
from tests.conftest import TODAY


def test_watch_list_and_retention_commands(demo_db, capsys, tmp_path):
    db = str(demo_db.path)
    assert main(["--db", db, "--lang", "en", "watch-list", "--limit", "5", "--as-of", TODAY.isoformat(),
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    scores = [t["score"] for t in out["talents"]]
    assert len(scores) == 5 and scores == sorted(scores, reverse=True)
    assert all(t["reasons"] for t in out["talents"])
    xlsx = tmp_path / "r.xlsx"
    assert main(["--db", db, "--lang", "en", "retention", "--as-of", TODAY.isoformat(), "--xlsx", str(xlsx),
                 "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["by_arrival_year"]
    assert sum(r["arrived"] for r in rows) == 300
    assert load_workbook(xlsx).worksheets[0].max_row == len(rows) + 2  # header + years + total


def test_yearly_report_refuses_a_name_that_is_not_a_pdf(demo_db, capsys, tmp_path):
    assert main(["--db", str(demo_db.path), "--lang", "en", "yearly-report", "--out", str(tmp_path / "x.txt")]) == 2
    assert not (tmp_path / "x.txt").exists()


def test_every_overview_item_points_at_its_record(demo_db, local):
    with demo_db.session(local) as s:
        items = overview.attention_items(s, today=TODAY)
    tables = {i.category: i.record_table for i in items}
    assert tables == {"due": "instalments", "checkin": "pairings", "care": "care_cases",
                      "service_end": "talents", "departure": "talents", "entitlement": "talents"}
    due = [i for i in items if i.category == "due"]
    assert all(i.date <= TODAY for i in due)
    assert any("overdue by" in i.detail for i in due)
    ends = [i for i in items if i.category == "service_end"]
    assert all(TODAY <= i.date <= dt.date(2027, 5, 23) for i in ends)


def test_the_overview_asked_category_by_category_gives_the_same_items(demo_db, local):
    """The tab asks for one category at a time (fast ones first); together they are the whole overview."""
    with demo_db.session(local, readonly=True) as s:
        whole = overview.attention_items(s, today=TODAY)
        parts = {c: overview.attention_items(s, today=TODAY, categories=(c,)) for c in overview.LOAD_ORDER}
    assert set(overview.LOAD_ORDER) == set(overview.CATEGORIES)
    for c, items in parts.items():
        assert all(i.category == c for i in items), c
    assert [i for c in overview.CATEGORIES for i in parts[c]] == whole


def test_overview_double_click_opens_the_items_record(demo_db, local, qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from talentdesk.ui.common.tab import AppContext
    from talentdesk.ui.overview.tab import OverviewTab
    from talentdesk.ui.runner import Runner

    runner = Runner(demo_db, lambda: local)
    ctx = AppContext(demo_db, runner, local, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    tab = OverviewTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.loaded, timeout=10000)
    assert tab.model.rowCount() > 0  # the first category's rows show before the slower ones arrive
    qtbot.waitUntil(lambda: tab.complete, timeout=10000)
    assert {i.category for i in tab.items} == set(overview.CATEGORIES)
    tab.category.setCurrentIndex(tab.category.findData("care"))
    first = tab.model.row_at(0)
    assert all(r.category == "care" for r in tab.model.rows)
    with qtbot.waitSignal(tab.open_requested) as opened:
        tab.view.doubleClicked.emit(tab.model.index(0, 0))
    assert opened.args == ["care_cases", first.record_id]
    tab.view.selectRow(0)
    with qtbot.waitSignal(tab.open_requested) as opened:
        tab._open_talent()
    assert opened.args == ["talents", first.talent_id]
    runner.shutdown()
