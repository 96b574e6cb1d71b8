"""Background work: one writer thread and one reader thread, each opening its own Session per job.

Results (or errors) come back to the UI thread by Qt signal. A job keyed `key=` supersedes older pending jobs
with the same key (typing into a search box), and the stale results of superseded jobs are dropped.
"""
from __future__ import annotations

import atexit
import inspect
import itertools
import logging
import queue
import threading
import traceback
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from talentdesk.services.base import Actor, Database

log = logging.getLogger(__name__)


@dataclass
class Job:
    id: int
    fn: Callable[..., Any]
    kwargs: dict
    write: bool
    key: str | None
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int, str], None] | None
    abort: threading.Event = field(default_factory=threading.Event)
    actor: Actor | None = None

    def cancel(self) -> None:
        self.abort.set()


class _Bridge(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object, str)
    progressed = Signal(int, int, int, str)


class Runner(QObject):
    """Submit service calls to run off the UI thread. Thread rule: call `submit` from the UI thread only."""

    data_changed = Signal(object)   # frozenset[str] of kinds ("talents", "ledger", ...)
    busy_changed = Signal(bool)

    def __init__(self, database: Database, actor: Callable[[], Actor], parent: QObject | None = None):
        super().__init__(parent)
        self.database = database
        self._actor = actor
        # where failures of jobs without their own on_error go; None shows them in a dialog
        self.error_handler: Callable[[BaseException], None] | None = None
        self._ids = itertools.count(1)
        self._jobs: dict[int, Job] = {}
        self._latest: dict[str, int] = {}
        self._bridge = _Bridge()
        self._bridge.finished.connect(self._on_finished)
        self._bridge.failed.connect(self._on_failed)
        self._bridge.progressed.connect(self._on_progress)
        self._queues = {True: queue.Queue(), False: queue.Queue()}
        self._threads = [
            threading.Thread(target=self._loop, args=(True,), name="td-writer", daemon=True),
            threading.Thread(target=self._loop, args=(False,), name="td-reader", daemon=True),
        ]
        for t in self._threads:
            t.start()
        _live_runners.add(self)

    # ---------------------------------------------------------------- UI-thread API
    def submit(self, fn: Callable[..., Any], /, *, write: bool = False, key: str | None = None,
               on_done: Callable[[Any], None] | None = None, on_error: Callable[[BaseException], None] | None = None,
               on_progress: Callable[[int, int, str], None] | None = None, **kwargs) -> Job:
        """Run `fn(session, **kwargs)` in the background. If `fn` accepts `progress`/`abort`, they are passed."""
        job = Job(next(self._ids), fn, kwargs, write, key, on_done, on_error, on_progress, actor=self._actor())
        self._jobs[job.id] = job
        if key is not None:
            old = self._latest.get(key)
            if old is not None and old in self._jobs:
                self._jobs[old].cancel()
            self._latest[key] = job.id
        if len(self._jobs) == 1:
            self.busy_changed.emit(True)
        self._queues[write].put(job)
        return job

    def pending(self) -> int:
        return len(self._jobs)

    def shutdown(self, timeout: float = 5.0) -> None:
        """Stop both worker threads after the jobs already queued (idempotent)."""
        if not any(t.is_alive() for t in self._threads):
            return
        for q in self._queues.values():
            q.put(None)
        for t in self._threads:
            t.join(timeout)

    # ---------------------------------------------------------------- worker threads
    def _loop(self, write: bool) -> None:
        q = self._queues[write]
        while True:
            job = q.get()
            if job is None:
                return
            if job.abort.is_set() and job.key is not None:
                self._bridge.finished.emit(job.id, _Superseded)
                continue
            try:
                kwargs = dict(job.kwargs)
                params = _params(job.fn)
                if "progress" in params:
                    kwargs["progress"] = lambda done, total, text="", _id=job.id: self._bridge.progressed.emit(
                        _id, int(done), int(total), str(text))
                if "abort" in params:
                    kwargs["abort"] = job.abort.is_set
                with self.database.session(job.actor, readonly=not write) as s:
                    result = job.fn(s, **kwargs)
                self._bridge.finished.emit(job.id, result)
            except BaseException as exc:  # noqa: BLE001 - every failure goes back to the UI thread
                self._bridge.failed.emit(job.id, exc, traceback.format_exc())

    # ---------------------------------------------------------------- back on the UI thread
    def _take(self, job_id: int) -> Job | None:
        job = self._jobs.pop(job_id, None)
        if not self._jobs:
            self.busy_changed.emit(False)
        return job

    def _stale(self, job: Job) -> bool:
        return job.key is not None and self._latest.get(job.key) != job.id

    @Slot(int, object)
    def _on_finished(self, job_id: int, result: object) -> None:
        job = self._take(job_id)
        if job is None or result is _Superseded or self._stale(job):
            return
        changes = getattr(job.fn, "changes", frozenset())
        if job.on_done:
            job.on_done(result)
        if job.write and changes:
            self.data_changed.emit(frozenset(changes))

    @Slot(int, object, str)
    def _on_failed(self, job_id: int, exc: object, tb: str) -> None:
        job = self._take(job_id)
        if job is None or self._stale(job):
            return
        from talentdesk.domain.errors import TalentDeskError

        if not isinstance(exc, TalentDeskError):
            log.error("background job %s failed:\n%s", getattr(job.fn, "__name__", job.fn), tb)
        if job.on_error:
            job.on_error(exc)  # type: ignore[arg-type]
        elif self.error_handler is not None:
            self.error_handler(exc)  # type: ignore[arg-type]
        else:
            from talentdesk.ui.errors import show_error

            show_error(None, exc)  # type: ignore[arg-type]

    @Slot(int, int, int, str)
    def _on_progress(self, job_id: int, done: int, total: int, text: str) -> None:
        job = self._jobs.get(job_id)
        if job and job.on_progress:
            job.on_progress(done, total, text)


_live_runners: "weakref.WeakSet[Runner]" = weakref.WeakSet()


@atexit.register
def _shutdown_live_runners() -> None:
    """No worker thread may still be inside SQLite or Qt while the interpreter tears itself down."""
    for runner in list(_live_runners):
        try:
            runner.shutdown(timeout=2.0)
        except RuntimeError:  # the Qt side is already gone: the threads stop with the process
            pass


class _SupersededType:
    pass


_Superseded = _SupersededType()


def _params(fn) -> set[str]:
    try:
        return set(inspect.signature(fn).parameters)
    except (TypeError, ValueError):
        return set()
