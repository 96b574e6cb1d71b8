"""Child process of the benchmark: start the program (or a bare PySide6 window) on a database, say READY on stdout
the moment the window is usable, then (program only) visit every tab and report timings and peak memory as one
JSON line.

    python tests/bench/ui_probe.py app  DB [--lang zh_CN]
    python tests/bench/ui_probe.py bare DB

"Usable" means: the main window is shown and the tab it opens on has its first rows. The program takes the path
`talentdesk.app.run` takes: the window's frame with the first rows read early (services/early.py) when the
database needs nothing before them, then the services; "attached" is when the window has them too. The parent measures from
spawning this process to reading READY, so interpreter start, imports, opening (and if needed migrating) the
database and the first query all count — for the bare window too (it reads the same first 200 talents with
sqlite3 into a QStandardItemModel behind a QTableView).
"""
from __future__ import annotations

import json
import os
import resource
import sys
import time

T0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _rss_mb() -> dict:
    """Current and peak resident set size of this process in MB (Linux /proc; ru_maxrss elsewhere)."""
    out = {"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    if sys.platform == "darwin":  # ru_maxrss is in bytes there
        out["peak_mb"] /= 1024
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    out["current_mb"] = int(line.split()[1]) / 1024
                elif line.startswith("VmHWM:"):
                    out["peak_mb"] = int(line.split()[1]) / 1024
    except OSError:
        pass
    return out


def _cpu_ms() -> float:
    """CPU time this process has used so far (all threads, user + system), ms."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return (ru.ru_utime + ru.ru_stime) * 1000


READY_CPU_MS = None


def _ready() -> None:
    global READY_CPU_MS
    READY_CPU_MS = _cpu_ms()
    sys.stdout.write("READY\n")
    sys.stdout.flush()


def bare(db: str) -> int:
    import sqlite3

    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute(
        "SELECT t.name, t.gender, t.tier_code, t.education, e.name, t.post, t.arrival_date, t.service_end_date, "
        "t.status, t.id_number, t.phone FROM talents t LEFT JOIN employers e ON e.id = t.employer_id "
        "ORDER BY t.id LIMIT 200").fetchall()
    model = QStandardItemModel(len(rows), 11)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            model.setItem(r, c, QStandardItem("" if v is None else str(v)))
    window = QMainWindow()
    view = QTableView(window)
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    _ready()
    print(json.dumps({"rows": len(rows), "memory": _rss_mb(), "ready_cpu_ms": READY_CPU_MS}), flush=True)
    con.close()
    os._exit(0)  # skip interpreter teardown: PySide6 can crash while collecting widgets at exit


def app(db: str, lang: str) -> int:
    import tempfile
    from pathlib import Path

    from PySide6.QtCore import QSettings

    if os.environ.get("TD_BENCH_MIGRATIONS"):  # the migrations as a build lays them out, with the HEAD it records
        from talentdesk import paths

        built = Path(os.environ["TD_BENCH_MIGRATIONS"])
        paths.migrations_dir = lambda: built  # before anything imports store/db.py, which takes it from there
    from talentdesk.app import early_window, make_application, open_main_window
    from talentdesk.logs import setup_logging
    from talentdesk.ui.common.waiting import pump_until

    tmp = Path(tempfile.mkdtemp(prefix="td-bench-probe-"))
    setup_logging(tmp / "talentdesk.log")
    qapp = make_application(lang=lang, screen_fit=False)  # as `run` does: early_window installs it
    settings = QSettings(str(tmp / "probe.ini"), QSettings.Format.IniFormat)  # no remembered tab or geometry
    # as `talentdesk.app.run` does: the frame, shown with the first rows when the database needs nothing before
    # them; then the database opened with the services and the window attached to it
    import talentdesk.ui.common.first_rows  # noqa: F401 - the window's modules load before its clock starts,
    import talentdesk.ui.main_window  # noqa: F401 - as they did before open_main_window (start-up counts them)

    # the first tab's figure: from the early read's start (the frame is built meanwhile) to its rows on screen
    t_show = time.perf_counter()
    window = early_window(Path(db), settings)
    window.resize(1400, 860)
    errors: list = []
    if window.isVisible():
        first = window.tabs.currentWidget()
        ok = pump_until(lambda: first.loaded, 300)
        t_ready = time.perf_counter()
        _ready()
    from talentdesk.services.base import Actor, Database

    database = Database.open(Path(db), backup_dir=tmp / "backups")
    window = open_main_window(database, actor=Actor.local(), settings=settings, window=window, staged=True)
    window.context.runner.error_handler = errors.append
    if READY_CPU_MS is None:  # not shown early: usable once shown with the first tab's rows, as before
        window.show()
        first = window.tabs.currentWidget()
        ok = pump_until(lambda: getattr(first, "loaded", True) or bool(errors), 300)
        t_ready = time.perf_counter()
        _ready()
    t_attached = time.perf_counter()  # every menu works and the tab in front has its context (and rows)
    tabs = {}
    memory_talents = None
    names = {}
    for i, tab in enumerate(window.all_tabs):
        name = type(tab).__name__.removesuffix("Tab").lower()
        names[name] = tab.title()
        if tab is first:
            tabs[name] = {"ms": (t_ready - t_show) * 1000, "loaded": bool(ok and tab.loaded), "initial": True}
            t = t_show
        else:
            # each tab is opened with the runner idle, so its figure is its own work, not the previous tab's
            # background reads still queued on the same lane (those are in the previous tab's own figures)
            pump_until(lambda: window.context.runner.pending() == 0, 300)
            before = len(errors)
            t, c = time.perf_counter(), _cpu_ms()
            window.tabs.setCurrentWidget(tab)
            loaded = pump_until(lambda tab=tab: tab.loaded or len(errors) > before, 300)
            tabs[name] = {"ms": (time.perf_counter() - t) * 1000, "cpu_ms": _cpu_ms() - c,
                          "loaded": bool(loaded and tab.loaded)}
        if hasattr(tab, "complete"):  # a tab whose rows arrive in parts: also when the last part is in
            done = pump_until(lambda tab=tab: tab.complete or bool(errors), 300)
            tabs[name]["complete_ms"] = (time.perf_counter() - t) * 1000 if done else None
        if name == "talents":
            pump_until(lambda: window.context.runner.pending() == 0, 60)
            memory_talents = _rss_mb()
    pump_until(lambda: window.context.runner.pending() == 0, 60)
    out = {
        "in_process_ready_ms": (t_ready - T0) * 1000,
        "in_process_attached_ms": (t_attached - T0) * 1000,
        "ready_cpu_ms": READY_CPU_MS,
        "tabs": tabs,
        "memory_with_talents_tab": memory_talents,
        "memory_end": _rss_mb(),
        "errors": [repr(e) for e in errors],
    }
    print(json.dumps(out, ensure_ascii=False), flush=True)
    window.close()
    window.context.runner.shutdown()
    database.dispose()
    qapp.processEvents()
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: PySide6 can crash while collecting widgets at exit


def main(argv: list[str]) -> int:
    mode, db = argv[0], argv[1]
    lang = argv[argv.index("--lang") + 1] if "--lang" in argv else "zh_CN"
    return bare(db) if mode == "bare" else app(db, lang)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    raise SystemExit(main(sys.argv[1:]))
