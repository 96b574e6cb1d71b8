"""The early read (services/early.py) on a worker thread, for the window's frame: the window's own thread never
touches the database (store/guard.py) and, while it waits, only runs its event loop."""
from __future__ import annotations

import datetime as dt
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Signal

log = logging.getLogger(__name__)


class EarlyRead(QObject):
    """Starts `first_rows(path)` on a worker thread at once; `result()` gives its answer (None: take the full
    start-up first)."""

    _finished = Signal()

    def __init__(self, path: Path):
        super().__init__()
        self._rows = None
        self._done = False
        threading.Thread(target=self._work, args=(Path(path),), name="talentdesk-first-rows", daemon=True).start()

    def _work(self, path: Path) -> None:
        try:
            from talentdesk.services.early import first_rows

            self._rows = first_rows(path, today=dt.date.today())
        except Exception:  # noqa: BLE001 - the full start-up opens the database and says what is wrong
            log.exception("early read of %s", path)
            self._rows = None
        self._done = True
        self._finished.emit()

    def result(self):
        if not self._done:
            loop = QEventLoop()
            self._finished.connect(loop.quit)  # queued to this thread: delivered even if emitted before exec()
            if not self._done:
                loop.exec()
        return self._rows
