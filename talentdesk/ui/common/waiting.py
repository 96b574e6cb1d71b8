"""Waiting for something the event loop will bring, without blocking it (self-test, start-up probe)."""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop


def pump_until(cond: Callable[[], object], timeout: float) -> bool:
    """Process events until `cond()` is true or `timeout` seconds have passed; returns the last `cond()`."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if cond():
            return True
        time.sleep(0.01)
    return bool(cond())
