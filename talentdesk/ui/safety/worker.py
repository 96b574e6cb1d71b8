"""Run one short blocking call (a password check, a file validation) off the UI thread; the answer comes back by
signal on the UI thread. For database work inside the window use the Runner instead."""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class BackgroundCall(QObject):
    done = Signal(object)
    failed = Signal(object)

    def start(self, fn: Callable[[], Any]) -> None:
        def run():
            try:
                result = fn()
            except BaseException as exc:  # noqa: BLE001 - handed to the UI thread
                self.failed.emit(exc)
                return
            self.done.emit(result)

        threading.Thread(target=run, name="td-safety-call", daemon=True).start()
