"""What many test modules need and would otherwise write again: a database copied from a template, a runner, the
main window opened on a database, settings in a scratch file, the Chinese catalogues installed, a widget shown at a
size, and screenshots for docs/ (set TALENTDESK_SCREENSHOTS=folder, and TALENTDESK_SHOT_LANG=zh_CN for Chinese).

Qt and the window are imported inside the helpers, so a test that uses none of them never loads PySide6."""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from talentdesk.services.base import Actor, Database

SHOTS = os.environ.get("TALENTDESK_SCREENSHOTS")
SHOT_LANG = os.environ.get("TALENTDESK_SHOT_LANG", "en")


def shot(widget, name: str) -> None:
    """Save a picture of widget as name in the TALENTDESK_SCREENSHOTS folder; nothing when that is not set."""
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


def ini_settings(tmp_path: Path, name: str = "s.ini"):
    """The window's settings in a scratch INI file, never the user's."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / name), QSettings.Format.IniFormat)


@contextmanager
def copied_database(template: Path, path: Path) -> Iterator[Database]:
    """A database opened on a copy of template at path, disposed of afterwards."""
    shutil.copyfile(template, path)
    database = Database.open(path)
    try:
        yield database
    finally:
        database.dispose()


@contextmanager
def running(database: Database, actor: Actor):
    """The window's background runner on database, working as actor; shut down afterwards."""
    from talentdesk.ui.runner import Runner

    runner = Runner(database, lambda: actor)
    try:
        yield runner
    finally:
        runner.shutdown()


@contextmanager
def main_window(qtbot, database: Database, tmp_path: Path, *, lang: str | None = "en",
                size: tuple[int, int] | None = None, tab: str | None = None, timeout: int = 15000,
                settings_file: str = "s.ini", runner=None):
    """The main window on database, shown (at size), with settings in tmp_path; lang=None keeps the application as it
    is. tab names a tab (talents, ledger …) brought to the front and waited for until it has loaded. runner: the
    window uses this one (the first-run wizard's) instead of starting its own. The runner is shut down afterwards."""
    from talentdesk.app import make_application, open_main_window

    from talentdesk import i18n

    previous = i18n.current_language()
    if lang is not None:
        make_application(lang=lang)
    extra = {} if runner is None else {"runner": runner}
    w = open_main_window(database, settings=ini_settings(tmp_path, settings_file), **extra)
    qtbot.addWidget(w)
    if size is not None:
        w.resize(*size)
    w.show()
    try:
        if tab is not None:
            page = getattr(w, tab)
            w.tabs.setCurrentWidget(page)
            qtbot.waitUntil(lambda: page.loaded, timeout=timeout)
        yield w
    finally:
        w.context.runner.shutdown()
        if lang is not None and lang != previous:
            make_application(lang=previous)  # the next test finds the application's language as it was


@contextmanager
def zh_translators():
    """Every compiled zh_CN catalogue installed in the application while the block runs."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from talentdesk.paths import translations_dir

    translators = []
    for qm in sorted(Path(translations_dir()).glob("*_zh_CN.qm")):
        t = QTranslator()
        if t.load(str(qm)):
            QCoreApplication.installTranslator(t)
            translators.append(t)
    assert translators, "compile the catalogues first (python -m talentdesk.devtools.i18n compile)"
    try:
        yield translators
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)


def shown(qtbot, widget, width: int, height: int):
    """widget, owned by qtbot, resized and shown."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    return widget
