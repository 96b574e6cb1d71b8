"""The one background runner: every operation goes to the lane it declares, and its result comes back by signal.

Lanes (declared by `@operation`, never chosen by the caller):
- write:      one thread, one committing unit of work per job, jobs in submission order;
- read:       one thread, read-only units of work (a write in them raises ReadOnlyViolation);
- no-db:      one thread, no session (hashing passwords, checking files);
- exclusive:  one thread; a job there waits until no read or write job is running and holds both lanes
              until it ends (backup, restore, migration).

Thread rules: call `submit` from the UI thread only. Callbacks (`on_done`, `on_error`, `on_progress`) stay on
the UI thread: the worker threads hold only the bound call, its actor and its abort flag, so no Qt object is
ever released on a worker thread. A job keyed `key=` supersedes older pending jobs with the same key (typing
into a search box), and the stale results of superseded jobs are dropped.
"""
from __future__ import annotations

import atexit
import dataclasses
import inspect
import itertools
import logging
import queue
import threading
import traceback
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from talentdesk.services.base import Actor, Call, Change, Database, Lane

log = logging.getLogger(__name__)

R = TypeVar("R")


@dataclass
class Job(Generic[R]):
    """What the caller holds: the job's id and a way to cancel it (a long job stops at its next step)."""

    id: int
    name: str
    key: str | None
    abort: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self.abort.set()


@dataclass
class _Work:
    """What a worker thread holds: no callback, no Qt object."""

    id: int
    call: Call
    actor: Actor
    key: str | None
    abort: threading.Event


@dataclass
class _Callbacks:
    job: Job
    lane: Lane
    changes: frozenset[Change]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int, str], None] | None
    work: Call | None = None
    actor: Actor | None = None


class _Bridge(QObject):
    waiting = Signal(str)
    finished = Signal(int, object)
    failed = Signal(int, object, str)
    progressed = Signal(int, int, int, str)


class _LaneGate:
    """Readers and the writer run side by side; an exclusive job waits for both to finish and holds them off."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._shared = 0
        self._exclusive = False
        self._exclusive_waiting = 0

    def enter_shared(self) -> None:
        with self._cond:
            while self._exclusive or self._exclusive_waiting:
                self._cond.wait()
            self._shared += 1

    def leave_shared(self) -> None:
        with self._cond:
            self._shared -= 1
            self._cond.notify_all()

    def enter_exclusive(self) -> None:
        with self._cond:
            self._exclusive_waiting += 1
            while self._exclusive or self._shared:
                self._cond.wait()
            self._exclusive_waiting -= 1
            self._exclusive = True

    def leave_exclusive(self) -> None:
        with self._cond:
            self._exclusive = False
            self._cond.notify_all()


class Runner(QObject):
    """Runs bound operation calls off the UI thread, each on the lane its operation declares."""

    data_changed = Signal(object)   # frozenset[Change] the finished operation declared
    busy_changed = Signal(bool)
    waiting = Signal(str)           # a job waits for another program's backup, restore or migration: why

    def __init__(self, database: Database | None, actor: Callable[[], Actor], parent: QObject | None = None):
        super().__init__(parent)
        self.database = database
        self._actor = actor
        # where failures of jobs without their own on_error go; None shows them in a dialog
        self.error_handler: Callable[[BaseException], None] | None = None
        # asked when a document would print a name with characters no installed font has (UnprintableText): True
        # prints it anyway (the same call again with accept_missing_glyphs=True); None asks in a dialog
        self.confirm_unprintable: Callable[[BaseException], bool] | None = None
        self._ids = itertools.count(1)
        self._callbacks: dict[int, _Callbacks] = {}
        self._latest: dict[str, int] = {}
        self._gate = _LaneGate()
        self._bridge = _Bridge()
        self._bridge.finished.connect(self._on_finished)
        self._bridge.failed.connect(self._on_failed)
        self._bridge.progressed.connect(self._on_progress)
        self._bridge.waiting.connect(self.waiting)
        if database is not None and database.wait_notice is None:
            database.wait_notice = self._bridge.waiting.emit
        self._queues: dict[Lane, queue.Queue] = {lane: queue.Queue() for lane in Lane}
        self._threads = [threading.Thread(target=self._loop, args=(lane,), name=f"td-{lane.value}", daemon=True)
                         for lane in Lane]
        for t in self._threads:
            t.start()
        _live_runners.add(self)

    # ---------------------------------------------------------------- UI-thread API
    def submit(self, work: Call[R], /, *, key: str | None = None,
               on_done: Callable[[R], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None,
               on_progress: Callable[[int, int, str], None] | None = None,
               actor: Actor | None = None) -> Job[R]:
        """Run a bound operation call (`call(fn, **kwargs)`) on its declared lane, as the runner's actor or, for
        the login dialog's own steps, as `actor`."""
        if not isinstance(work, Call):
            raise TypeError("submit takes a bound call: runner.submit(call(operation, arg=...))")
        lane = work.lane
        if lane is not Lane.NO_DATABASE and self.database is None:
            raise RuntimeError(f"{work.name} needs a database, and this runner has none")
        job: Job[R] = Job(next(self._ids), work.name, key)
        actor = actor or self._actor()
        self._callbacks[job.id] = _Callbacks(job, lane, work.changes, on_done, on_error, on_progress, work, actor)
        if key is not None:
            old = self._latest.get(key)
            if old is not None and old in self._callbacks:
                self._callbacks[old].job.cancel()
            self._latest[key] = job.id
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._queues[lane].put(_Work(job.id, work, actor, key, job.abort))
        return job

    def pending(self) -> int:
        return len(self._callbacks)

    def shutdown(self, timeout: float = 5.0) -> None:
        """Stop every lane after the jobs already queued (idempotent)."""
        if not any(t.is_alive() for t in self._threads):
            return
        for q in self._queues.values():
            q.put(None)
        for t in self._threads:
            t.join(timeout)

    # ---------------------------------------------------------------- worker threads
    def _loop(self, lane: Lane) -> None:
        q = self._queues[lane]
        while True:
            work = q.get()
            if work is None:
                return
            job_id = work.id
            if work.abort.is_set() and work.key is not None:
                del work
                self._bridge.finished.emit(job_id, _Superseded)
                continue
            try:
                result = self._run(lane, work)
            except BaseException as exc:  # noqa: BLE001 - every failure goes back to the UI thread
                del work
                self._bridge.failed.emit(job_id, exc, traceback.format_exc())
                continue
            del work  # the worker keeps nothing of a finished job
            self._bridge.finished.emit(job_id, result)
            del result

    def _run(self, lane: Lane, work: _Work) -> Any:
        c = work.call
        kwargs = dict(c.kwargs)
        if c.long:
            kwargs["progress"] = lambda done, total, text="", _id=work.id: self._bridge.progressed.emit(
                _id, int(done), int(total), str(text))
            kwargs["abort"] = work.abort.is_set
        if lane is Lane.NO_DATABASE:
            return c.fn(*c.args, **kwargs)
        assert self.database is not None
        if lane is Lane.EXCLUSIVE:
            self._gate.enter_exclusive()
            try:
                with self.database.session(work.actor, exclusive=c.purpose) as s:
                    return c.fn(s, *c.args, **kwargs)
            finally:
                self._gate.leave_exclusive()
        self._gate.enter_shared()
        try:
            with self.database.session(work.actor, readonly=lane is Lane.READ) as s:
                return c.fn(s, *c.args, **kwargs)
        finally:
            self._gate.leave_shared()

    # ---------------------------------------------------------------- back on the UI thread
    def _take(self, job_id: int) -> _Callbacks | None:
        cb = self._callbacks.pop(job_id, None)
        if not self._callbacks:
            self.busy_changed.emit(False)
        return cb

    def _stale(self, cb: _Callbacks) -> bool:
        key = cb.job.key
        return key is not None and self._latest.get(key) != cb.job.id

    @Slot(int, object)
    def _on_finished(self, job_id: int, result: object) -> None:
        cb = self._take(job_id)
        if cb is None or result is _Superseded or self._stale(cb):
            return
        if cb.on_done:
            cb.on_done(result)
        if cb.changes:
            self.data_changed.emit(cb.changes)

    @Slot(int, object, str)
    def _on_failed(self, job_id: int, exc: object, tb: str) -> None:
        cb = self._take(job_id)
        if cb is None or self._stale(cb):
            return
        from talentdesk.domain.errors import TalentDeskError

        if not isinstance(exc, TalentDeskError):
            log.error("background job %s failed:\n%s", cb.job.name, tb)
        if self._print_anyway(cb, exc):
            return
        if cb.on_error:
            cb.on_error(exc)  # type: ignore[arg-type]
        elif self.error_handler is not None:
            self.error_handler(exc)  # type: ignore[arg-type]
        else:
            from talentdesk.ui.errors import show_error

            show_error(None, exc)  # type: ignore[arg-type]

    def _print_anyway(self, cb: _Callbacks, exc: object) -> bool:
        """A document refused because a name has characters no installed font has: ask the clerk (one dialog for
        every printing operation) and, if they print anyway, run the same call again with the same callbacks."""
        from talentdesk.domain.errors import UnprintableText

        work = cb.work
        if not isinstance(exc, UnprintableText) or work is None or work.kwargs.get("accept_missing_glyphs"):
            return False
        if "accept_missing_glyphs" not in inspect.signature(work.fn).parameters:
            return False
        if self.confirm_unprintable is not None:
            go = self.confirm_unprintable(exc)
        else:
            from talentdesk.ui.errors import ask_print_anyway

            parent = self.parent()
            go = ask_print_anyway(parent if isinstance(parent, QWidget) else QApplication.activeWindow(), exc)
        if not go:
            return False
        again = Call(work.fn, work.args, {**work.kwargs, "accept_missing_glyphs": True})
        self._callbacks[cb.job.id] = dataclasses.replace(cb, work=again)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._queues[cb.lane].put(_Work(cb.job.id, again, cb.actor or self._actor(), cb.job.key, cb.job.abort))
        return True

    @Slot(int, int, int, str)
    def _on_progress(self, job_id: int, done: int, total: int, text: str) -> None:
        cb = self._callbacks.get(job_id)
        if cb and cb.on_progress:
            cb.on_progress(done, total, text)


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
