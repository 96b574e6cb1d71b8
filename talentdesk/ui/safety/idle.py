"""Idle lock: after `idle_lock_minutes` without keyboard or mouse input the window hides its content and asks the
same user for their password. Only where accounts exist (a single-user database has no password to ask for)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from talentdesk.services.base import Actor
from talentdesk.ui.runner import Runner

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
          QEvent.Type.TouchBegin}


class IdleLock(QObject):
    def __init__(self, window: QMainWindow, runner: Runner, actor: Actor, minutes: int):
        super().__init__(window)
        self.window, self.runner, self.actor = window, runner, actor
        self.locked = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = max(0, int(minutes))
        if self.minutes and not self.actor.single_user:
            self.timer.start(self.minutes * 60_000)
        else:
            self.timer.stop()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if not self.locked and event.type() in _INPUT and self.timer.isActive():
            self.timer.start()
        return False

    def lock(self) -> bool:
        """Hide the data and ask for the password; True when unlocked, False when the user chose to exit."""
        from talentdesk.ui.safety.login import LoginDialog

        if self.locked or self.actor.single_user:
            return True
        self.locked = True
        central = self.window.centralWidget()
        if central is not None:
            central.setVisible(False)
        dialog = LoginDialog(self.runner, self.window, locked_actor=self.actor)
        unlocked = dialog.exec() == LoginDialog.DialogCode.Accepted
        self.locked = False
        if central is not None:
            central.setVisible(True)
        if unlocked:
            self.set_minutes(self.minutes)
            return True
        self.window.close()
        return False
