"""Guard against a Qt binding that corrupts Python's bool reference counts (PySide6 6.12.0 does: every bool that
crosses from Qt into Python releases True or False once too often, and the program aborts after a while)."""
from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox


class _Emitter(QObject):
    flag = Signal(bool)


def test_bools_crossing_from_qt_keep_their_reference_counts(qtbot):
    emitter = _Emitter()
    received = []
    emitter.flag.connect(received.append)
    box = QCheckBox()
    box.toggled.connect(lambda checked: None)
    gc.collect()
    before = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(100):
        emitter.flag.emit(i % 2 == 0)
        box.setChecked(not box.isChecked())
    received.clear()
    gc.collect()
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
