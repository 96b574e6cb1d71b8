"""The window shell: tabs read through services in the background; table models are dumb and testable."""
from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QSettings, Qt

from talentdesk.ui.common.table_model import ROW_ROLE, Column, PagedTableModel, RowTableModel


@dataclasses.dataclass(frozen=True)
class R:
    name: str
    n: int


def test_row_model_shows_rows_and_sorts_locally(qtbot):
    m = RowTableModel([Column("Name", lambda r: r.name), Column("N", lambda r: r.n, align_right=True)])
    m.set_rows([R("b", 2), R("a", 10)])
    assert m.rowCount() == 2 and m.data(m.index(0, 0)) == "b"
    m.sort(1, Qt.SortOrder.DescendingOrder)
    assert m.data(m.index(0, 0)) == "a" and m.data(m.index(0, 1), ROW_ROLE) == R("a", 10)


def test_paged_model_fetches_more_only_when_asked(qtbot):
    requests = []
    m = PagedTableModel([Column("N", lambda r: r.n)], lambda offset, cb: requests.append((offset, cb)), page_size=2)
    m.reset_with([R("a", 1), R("b", 2)], total=5)
    assert m.canFetchMore()
    m.fetchMore()
    assert [o for o, _ in requests] == [2] and not m.canFetchMore()  # one request in flight
    requests[0][1]([R("c", 3), R("d", 4)], 5)
    assert m.rowCount() == 4 and m.canFetchMore()


@pytest.fixture
def window(qtbot, demo_db, tmp_path):
    from talentdesk.app import make_application, open_main_window

    make_application(lang="en")
    w = open_main_window(demo_db, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    yield w
    w.context.runner.shutdown()


def test_every_tab_loads_real_rows_in_the_background(qtbot, window):
    window.show()
    for tab in window.all_tabs:
        window.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(lambda: tab.loaded, timeout=20000)
    assert window.talents.model.total == 300
    assert window.ledger.model.rowCount() > 0
    assert window.mentors.mentor_model.rowCount() > 0


def test_sorting_the_talent_list_asks_the_database(qtbot, window):
    window.show()
    window.tabs.setCurrentWidget(window.talents)
    qtbot.waitUntil(lambda: window.talents.loaded, timeout=20000)
    col = next(i for i, c in enumerate(window.talents.model.columns) if c.sort_key == "arrival_date")
    window.talents.model.sort(col, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: window.talents.query.sort == "arrival_date", timeout=5000)
    qtbot.waitUntil(lambda: window.talents.model.rowCount() > 1 and
                    window.talents.model.rows[0].arrival_date <= window.talents.model.rows[1].arrival_date, timeout=20000)


def test_window_geometry_is_remembered(qtbot, demo_db, tmp_path):
    from talentdesk.app import make_application, open_main_window

    make_application(lang="en")
    settings = QSettings(str(tmp_path / "g.ini"), QSettings.Format.IniFormat)
    w = open_main_window(demo_db, settings=settings)
    qtbot.addWidget(w)
    w.show()
    w.resize(w.minimumSizeHint().width() + 13, w.minimumSizeHint().height() + 7)
    saved = (w.width(), w.height())
    w.close()
    w.context.runner.shutdown()
    assert settings.value("main/geometry") is not None
    w2 = open_main_window(demo_db, settings=settings)
    qtbot.addWidget(w2)
    screen_width = w2.screen().availableGeometry().width()
    assert w2.height() == saved[1]
    # Qt clamps a restored window to the screen; the offscreen test screen is only 800 px wide
    assert w2.width() == saved[0] or (saved[0] > screen_width - 10 and w2.width() >= screen_width - 10)
    w2.context.runner.shutdown()


def test_a_failing_job_reaches_the_error_handler_not_a_crash(qtbot, window):
    from talentdesk.domain.errors import RuleViolation

    errors = []
    window.context.runner.error_handler = errors.append

    from talentdesk.services.base import call, operation

    @operation(None)
    def bad(session):
        raise RuleViolation("refused for a reason")

    window.context.runner.submit(call(bad))
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert errors[0].message == "refused for a reason"


def test_long_work_reports_progress_and_cancel_rolls_it_back(qtbot, database, tmp_path):
    """Cancel sets the abort flag; the job stops and its transaction is rolled back: nothing half-done is kept."""
    import threading

    from sqlalchemy import func, select

    from talentdesk.app import make_application
    from talentdesk.domain.errors import RuleViolation
    from talentdesk.domain.models import Employer
    from talentdesk.services.base import Actor
    from talentdesk.ui.common.progress import run_with_progress
    from talentdesk.ui.runner import Runner

    make_application(lang="en")
    runner = Runner(database, Actor.local)
    gate = threading.Event()
    seen = []

    from talentdesk.services.base import Change, call, operation

    @operation(None, writes=True, changes=(Change.EMPLOYERS,), long=True)
    def slow_import(session, *, progress, abort):
        for i in range(1000):
            session.add(Employer(name=f"单位{i}"))
            session.flush()
            progress(i + 1, 1000, f"row {i + 1}")
            if i == 5:
                gate.set()
            if abort():
                raise RuleViolation("cancelled")
            if i >= 5:
                threading.Event().wait(0.01)
        return "finished"

    run = run_with_progress(None, runner, "Importing", call(slow_import), on_error=seen.append, on_done=seen.append)
    qtbot.waitUntil(lambda: gate.is_set() and run.dialog.value() > 0, timeout=5000)
    from PySide6.QtWidgets import QPushButton

    run.dialog.findChild(QPushButton).click()  # the user presses Cancel
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert isinstance(seen[0], RuleViolation)
    with database.session(Actor.local(), readonly=True) as s:
        assert s.scalar(select(func.count()).select_from(Employer)) == 0
    runner.shutdown()
