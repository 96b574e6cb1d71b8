"""Composition root: paths → refuse network shares → back up and migrate → QApplication → main window.

The only module besides `ui/` that imports Qt. Start-up is thin (issue 18): this module and what the window's frame
needs load PySide6, sqlite3 and the standard library only; SQLAlchemy, Alembic and the services load after the
window shows the first rows of a database that needs nothing first (services/early.py, `early_window`).
"""
from __future__ import annotations

import faulthandler
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import (QCoreApplication, QLibraryInfo, QLocale, QMessageLogContext, QSettings, QtMsgType,
                            QTranslator, qInstallMessageHandler)
from PySide6.QtWidgets import QApplication, QMessageBox

from talentdesk import APP_NAME, __version__, i18n
from talentdesk.domain.errors import TalentDeskError
from talentdesk.logs import enable_crash_log, setup_logging
from talentdesk.paths import data_paths, translations_dir

log = logging.getLogger(__name__)


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Load every area's compiled catalogue (and Qt's own) for `lang`; English needs none (it is the source)."""
    translators: list[QTranslator] = []
    if lang == "en":
        return translators
    for qm in sorted(translations_dir().glob(f"*_{lang}.qm")):
        t = QTranslator(app)
        if t.load(str(qm)):
            app.installTranslator(t)
            translators.append(t)
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    return translators


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO, QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR, QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_qt_log = logging.getLogger("qt")


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    where = f" ({context.category})" if context.category and context.category != "default" else ""
    _qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)


def install_qt_message_handler() -> None:
    """Qt's own warnings (fonts, plugins, printing, painting) go into the log instead of a console nobody sees."""
    qInstallMessageHandler(_qt_message)


def make_application(argv: list[str] | None = None, *, lang: str = i18n.DEFAULT_LANGUAGE,
                     screen_fit: bool = True) -> QApplication:
    """The application with its translators and icon. `screen_fit=False` leaves the screen-fit filter to
    `early_window` (start-up: the filter would slow the frame's construction and first paint)."""
    install_qt_message_handler()
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    i18n.set_language(lang)
    for old in getattr(app, "_td_translators", None) or []:  # a second call (another language) replaces, never stacks
        app.removeTranslator(old)
        old.deleteLater()
    i18n.use_loaded_catalogue(None)  # until this language's translators are in
    app._td_translators = install_translators(app, i18n.current_language())  # keep them alive
    if app._td_translators:  # the Qt-free layers translate through the same catalogue, already loaded
        i18n.use_loaded_catalogue(i18n.current_language(), QCoreApplication.translate)
    from talentdesk.ui.help import application_icon

    app.setWindowIcon(application_icon())
    from talentdesk.ui.common.screen import install_screen_fit

    if screen_fit:
        install_screen_fit(app)  # every window and dialog shown inside the screen's free area
    return app


def early_window(target: Path | str, settings: QSettings):
    """The main window's frame, built while a worker thread reads the database file (services/early.py). When that
    database needs nothing before its data is shown, the window is shown at once with the overview's first rows;
    otherwise it stays hidden until start-up has done what comes first (unlock, log in, migrate, the wizard).
    Either way `open_main_window(..., window=)` attaches it to the opened database afterwards."""
    from talentdesk.store.targets import names_server
    from talentdesk.ui.common.first_rows import EarlyRead
    from talentdesk.ui.main_window import MainWindow

    read = None if names_server(target) else EarlyRead(Path(target))  # starts at once, beside the frame
    # a server's address may carry its password: the status bar names it once the services have parsed it
    window = MainWindow(settings, where=str(target) if read is not None else "")
    rows = read.result() if read is not None else None
    if rows is not None and window.current_key() == "overview":
        window.overview.show_early(rows)
        window.show()
        _paint_now(window)  # on screen before the services load, not after
    from talentdesk.ui.common.screen import fit_shown_window, install_screen_fit

    if window.isVisible():
        fit_shown_window(window)
    install_screen_fit(QApplication.instance())  # every window and dialog from now on
    return window


def _paint_now(window) -> None:
    """Let the window system show `window` and paint it (waiting for it at most a fifth of a second)."""
    import time

    from PySide6.QtCore import QEventLoop, QTimer

    handle = window.windowHandle()
    end = time.monotonic() + 0.2
    while handle is not None and not handle.isExposed() and time.monotonic() < end:
        QTimer.singleShot(20, lambda: None)  # wakes the wait below if the window system says nothing
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    QCoreApplication.processEvents()


def open_main_window(database, *, actor=None, settings: QSettings | None = None, runner=None, window=None,
                     staged: bool = False):
    """Build the main window on an open database (used by `run`, self-test and tests), or attach the frame
    `early_window` built (`window`). `runner` is the one start-up already made for this database and actor (a new
    one otherwise). `staged`: the tabs not in front are built one per turn of the event loop, not at once."""
    from talentdesk.services.base import Actor
    from talentdesk.ui.common.tab import AppContext
    from talentdesk.ui.main_window import MainWindow
    from talentdesk.ui.runner import Runner

    from talentdesk.store import guard

    guard.watch()  # database work started by window code on this thread is logged (and fails the tests)
    actor = actor or Actor.local()
    if runner is None or runner.database is not database:
        runner = Runner(database, lambda: actor)
    if window is None:
        window = MainWindow(settings or QSettings(), where=str(database.path or database.engine.url))
    ctx = AppContext(database=database, runner=runner, actor=actor, settings=window.settings)
    window.attach(ctx, staged=staged)
    from talentdesk.ui.safety.startup import install as install_safety

    install_safety(window)  # safety menu, backup status, idle lock
    return window


def self_test(database: Database, *, actor: Actor, lang: str, screenshots: Path | None = None,
              timeout: float = 60.0):
    """`talentdesk self-test`: build the application and a main window (with throw-away window settings) and let
    ui/selftest.py visit every tab."""
    import tempfile

    from talentdesk.ui.selftest import run_self_test

    app = make_application(lang=lang)
    settings_file = Path(tempfile.mkdtemp()) / "selftest.ini"
    window = open_main_window(database, actor=actor, settings=QSettings(str(settings_file), QSettings.Format.IniFormat))
    return run_self_test(app, window, lang=lang, screenshots=screenshots, timeout=timeout)


def run(db_path: Path | None, *, lang: str, demo: bool = False) -> int:
    """Open the window. Every failure before the window exists is shown as a message, never a traceback."""
    paths = data_paths().ensure()
    log_file = setup_logging(paths.log_file_for("gui"))
    if not faulthandler.is_enabled():  # a developer's own (python -X faulthandler, pytest) writes to the terminal
        enable_crash_log(paths.crash_log_for("gui"))
    log.info("TalentDesk %s starting (pid %s)", __version__, os.getpid())
    app = make_application(lang=lang, screen_fit=False)  # early_window installs it after the first paint
    from talentdesk.ui.errors import install_excepthook, set_log_file, show_error

    set_log_file(str(log_file))
    install_excepthook()
    # measure start-up: quit once the window is usable; a value other than "1" is a file to create at that moment
    probe = os.environ.get("TALENTDESK_STARTUP_PROBE", "")
    probe_errors: list[BaseException] = []
    if probe:  # an error fails the probe with exit code 1 instead of waiting on a message box
        sys.excepthook = lambda t, e, tb: (log.error("start-up probe", exc_info=(t, e, tb)), probe_errors.append(e))
    from talentdesk.store.targets import names_server

    target = (db_path if names_server(db_path) else Path(db_path)) if db_path else _remembered_server() or \
        paths.default_db
    try:
        if demo:
            from talentdesk.services.common.demo import fresh_demo_database

            target = fresh_demo_database(paths.root)
    except TalentDeskError as exc:
        log.warning("could not open the database %s: %s", target, exc.message)
        if not probe:
            show_error(None, exc)
        return 1
    except Exception as exc:  # noqa: BLE001
        log.exception("could not open the database %s", target)
        if not probe:
            show_error(None, exc)
        return 1
    # the frame, shown at once with the first rows when this database needs nothing before them (services/early.py)
    window = early_window(target, QSettings())
    shown_early = window.isVisible()
    first_rows_marker = os.environ.get("TALENTDESK_FIRST_ROWS_PROBE", "")  # timing the built program: a file
    if shown_early and first_rows_marker:  # made the moment the window is on screen with its first rows
        Path(first_rows_marker).write_text("first rows\n", encoding="utf-8")
    from talentdesk.services.base import Actor, call_free
    from talentdesk.services.common.demo import build_practice_database
    from talentdesk.store import guard
    from talentdesk.ui.safety.startup import start
    from talentdesk.ui.wizard import first_run
    from talentdesk.ui.wizard.wizard import FirstRunOutcome

    guard.watch()  # from here on the window's code never waits for the database
    # network check → one-writer lock → quick_check → daily backup → migrate → login (ui/safety/startup.py)
    started = start(target, show_errors=not probe)
    if started is None:
        window.hide()
        window.deleteLater()
        return 1
    if shown_early and window.closed:  # closed by its user while the database was being checked
        started.close()
        return 0
    outcome = first_run(started.runner, QSettings(),
                        make_demo=lambda: call_free(build_practice_database, root=paths.root),
                        enabled=not (demo or bool(probe)))
    if outcome.switch_to:  # the office's data is on a server: open that instead of this PC's file
        started.actor = Actor.system()
        started.close()
        started = start(outcome.switch_to, show_errors=not probe)
        if started is None:
            window.hide()
            window.deleteLater()
            return 1
        outcome = FirstRunOutcome(started.database, lambda _w: None)
    database = outcome.database
    own = database is started.database
    window = open_main_window(database, actor=started.actor if own else None,
                              runner=started.runner if own else None, window=window, staged=True)
    window.show()
    from PySide6.QtCore import QTimer

    if started.prepared.backup_warning and not probe:  # a failed daily backup is said, not only logged
        QTimer.singleShot(0, lambda: QMessageBox.warning(window, APP_NAME, started.prepared.backup_warning))
    QTimer.singleShot(2000, _calm_garbage_collector)  # after the first rows, not on the start-up path
    outcome.after_show(window)
    if probe:  # usable = shown with the first tab's rows loaded
        from talentdesk.ui.common.waiting import pump_until

        loaded = pump_until(lambda: getattr(window.tabs.currentWidget(), "loaded", False) or probe_errors, 30.0)
        code = 0 if loaded and not probe_errors else 1
        if code == 0 and probe != "1":
            Path(probe).write_text("usable\n", encoding="utf-8")
    else:
        code = app.exec()
    if not own:
        window.context.runner.shutdown()
        database.dispose()
    started.close()  # records the logout on the runner, then stops it
    return code


def _remembered_server() -> str | None:
    """The office's server database chosen in the first-run wizard (its address only; the password is in this PC's
    protected store), or None for the database file in the data folder."""
    from talentdesk.store.server import is_server_url

    value = QSettings().value("database/server", "", type=str)
    return value if value and is_server_url(value) else None


def _calm_garbage_collector() -> None:
    """Large result sets (tens of thousands of rows) made Python's full collections pause the window for up to a
    second. Objects alive at start-up never need scanning again, and collecting less often keeps pauses short."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 50)


def message(text: str) -> None:  # pragma: no cover - used when no window could be built
    QMessageBox.critical(None, APP_NAME, text)
