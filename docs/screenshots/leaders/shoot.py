"""Screenshots for issue 20 (the sweep, the simulator, the survival chart), in zh_CN and English, at 1366x768.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/leaders/shoot.py DB LANG [page ...]
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings

from talentdesk import i18n
from talentdesk.services.base import Actor, Database

OUT = Path(__file__).resolve().parent


def pump(window, seconds: float = 30.0) -> None:
    end = time.monotonic() + seconds
    time.sleep(0.2)
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if window.context.runner.pending() == 0:
            for _ in range(20):
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
                time.sleep(0.02)
            if window.context.runner.pending() == 0:
                return
        time.sleep(0.02)


def main(db: str, lang: str, pages: list[str]) -> None:
    from talentdesk.app import make_application, open_main_window

    i18n.set_language(lang)
    make_application(lang=lang)
    database = Database.open(db)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "shots.ini"), QSettings.Format.IniFormat)
    window = open_main_window(database, actor=Actor.local(), settings=settings)
    window.resize(1366, 768)
    window.show()
    pump(window)
    for page in pages:
        tab_name, _, sub = page.partition(":")
        tab = next(t for t in window.all_tabs if type(t).__name__.lower().startswith(tab_name))
        window.tabs.setCurrentWidget(tab)
        pump(window)
        widget = getattr(tab, sub.split("=")[0]) if sub else None
        if widget is not None:
            tab.pages.setCurrentWidget(widget)
            pump(window)
            if hasattr(widget, "scale"):  # the simulator: a 20% rise paid over five instalments
                widget.scale.setValue(120)
                widget.instalments.setValue(5)
                widget.run()
                pump(window)
            if hasattr(widget, "year") and hasattr(widget, "pack"):  # the annual report pack: last full year
                widget.year.setValue(2025)
                pump(window)
            if "=" in sub and hasattr(widget, "by"):
                widget.by.setCurrentIndex(widget.by.findData(sub.split("=")[1]))
                pump(window)
        name = page.replace(":", "-").replace("=", "-")
        window.grab().save(str(OUT / f"{name}-{lang}.png"))
    window.close()
    window.context.runner.shutdown()
    database.dispose()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
