"""The sequence that made the window vanish (issue 22 item 1): open 人才档案 → 用人单位, close it, then type in the
search box and open a talent — several times. Run as a separate process under `-X faulthandler` by
tests/ui/test_employers_crash.py, so a segfault is a failed test with every thread's stack, not a dead test run.

While it runs, a plain Python thread keeps allocating, so Python's garbage collector also runs off the window's
thread — the condition under which a Qt object whose last reference sits on another thread is destroyed there.

Usage: python -X faulthandler employers_then_search.py DB ROUNDS   (prints "window still works" and exits 0)
"""
from __future__ import annotations

import gc
import os
import sys
import threading
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from talentdesk.app import make_application, open_main_window  # noqa: E402
from talentdesk.services.base import Database  # noqa: E402
from talentdesk.store import guard  # noqa: E402
from talentdesk.ui.common.waiting import pump_until  # noqa: E402
from talentdesk.ui.talents.employers import EmployersDialog  # noqa: E402


def _churn(stop: threading.Event) -> None:
    while not stop.is_set():
        junk = []
        for _ in range(2000):
            a: list = []
            a.append(a)  # a cycle: only the collector frees it, on this thread
            junk.append(a)
        del junk
        gc.collect()
        stop.wait(0.005)


def main(db: Path, rounds: int) -> int:
    make_application(lang="zh_CN")
    guard.watch()
    database = Database.open(db)
    window = open_main_window(database, settings=QSettings(str(db.with_suffix(".ini")), QSettings.Format.IniFormat))
    window.show()
    window.tabs.setCurrentWidget(window.talents)
    tab = window.talents
    assert pump_until(lambda: tab.loaded, 30), "the talents tab never loaded"
    stop = threading.Event()
    churn = threading.Thread(target=_churn, args=(stop,), daemon=True)
    churn.start()
    runner = window.context.runner
    for n in range(rounds):
        opened: list[EmployersDialog] = []

        def close_when_loaded() -> None:
            dlg = QApplication.activeModalWidget()
            if isinstance(dlg, EmployersDialog) and dlg.model.rowCount() > 0 and runner.pending() == 0:
                dlg.view.selectRow(n % dlg.model.rowCount())  # shows an employer: one more background read
                opened.append(dlg)
                QTimer.singleShot(50, dlg.reject)
            else:
                QTimer.singleShot(20, close_when_loaded)

        QTimer.singleShot(0, close_when_loaded)
        tab.open_employers()  # modal, returns when closed
        assert opened, "the employers dialog did not load"
        del opened
        gc.collect()
        # type in the search box
        tab.search.clear()
        before = tab.model.total
        QTest.keyClicks(tab.search, "zh" if n % 2 else "1")
        assert pump_until(lambda: runner.pending() == 0 and tab.model.total != before or runner.pending() == 0, 20)
        QTest.qWait(300)
        assert pump_until(lambda: runner.pending() == 0, 20), "the search never finished"
        # open a talent
        tab.search.clear()
        assert pump_until(lambda: runner.pending() == 0 and tab.model.rowCount() > 0, 20)
        row = tab.model.row_at(n % tab.model.rowCount())
        editor = tab.open_editor(row.id)
        assert pump_until(lambda: editor.detail is not None and runner.pending() == 0, 20), "the talent never opened"
        assert editor.detail.id == row.id
        editor.close()
        del editor
        gc.collect()
    stop.set()
    churn.join(5)
    # the window still works: a search gives rows, the tab is visible
    tab.search.clear()
    QTest.keyClicks(tab.search, "1")
    QTest.qWait(300)
    assert pump_until(lambda: runner.pending() == 0 and tab.model.rowCount() > 0, 20), "searching stopped working"
    assert window.isVisible()
    problems = guard.violations()
    assert not problems, f"database work on the window's thread: {problems[:3]}"
    runner.shutdown()
    database.dispose()
    print("window still works")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), int(sys.argv[2])))
