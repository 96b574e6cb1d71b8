"""Long work with a progress dialog and a Cancel button, run on the background runner.

The operation is declared `long=True`, so the runner passes it `progress(done, total, text)` and `abort()`;
Cancel sets the abort flag, the operation stops at its next check and its transaction rolls back, so nothing
half-done is kept.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from talentdesk.services.base import Call
from talentdesk.ui.runner import Job, Runner


class ProgressRun(QObject):
    def __init__(self, parent: QWidget | None, runner: Runner, title: str, work: Call, *,
                 on_done: Callable[[Any], None] | None = None,
                 on_error: Callable[[BaseException], None] | None = None):
        super().__init__(parent)
        self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self._on_done = on_done
        self._on_error = on_error
        self.cancelled = False
        self.finished = False
        self.job: Job = runner.submit(work, on_done=self._done, on_error=self._error, on_progress=self._progress)
        self.dialog.canceled.connect(self._cancel)

    def _progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        if text:
            self.dialog.setLabelText(text)

    def _cancel(self) -> None:
        self.cancelled = True
        self.job.cancel()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    def _close(self) -> None:
        self.finished = True
        self.dialog.canceled.disconnect(self._cancel)
        self.dialog.close()
        # Back to Python's ownership (freed once the runner and the caller let go) rather than deleteLater(): a
        # deferred delete of this object, run by whichever event loop turned next, crashed inside ~QObject when a
        # start-up step's local loop and the wizard's end interleaved with it.
        self.dialog.setParent(None)
        self.setParent(None)

    def _done(self, result: Any) -> None:
        self._close()
        if self._on_done:
            self._on_done(result)

    def _error(self, exc: BaseException) -> None:
        self._close()
        if self._on_error:
            self._on_error(exc)
        else:
            from talentdesk.ui.errors import show_error

            show_error(self.parent(), exc)


def run_with_progress(parent: QWidget | None, runner: Runner, title: str, work: Call, *,
                      on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None) -> ProgressRun:
    """Run a bound long operation in the background behind a cancellable progress dialog."""
    return ProgressRun(parent, runner, title, work, on_done=on_done, on_error=on_error)


def run_and_wait(parent: QWidget | None, runner: Runner, title: str, work: Call) -> Any:
    """Run a bound call on the runner and wait for it in a local event loop behind a progress dialog (the window
    keeps painting, as under a modal dialog). Returns the result or raises the operation's error. For the steps
    of start-up and the first-run wizard, which cannot go on without the answer."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    outcome: dict[str, Any] = {}
    run = ProgressRun(parent, runner, title, work,
                      on_done=lambda r: (outcome.__setitem__("result", r), loop.quit()),
                      on_error=lambda e: (outcome.__setitem__("error", e), loop.quit()))
    run.dialog.setCancelButton(None)  # start-up steps run to their end
    if not run.finished:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")
