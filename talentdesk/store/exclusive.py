"""One exclusive lane across processes: backup, restore and migration run alone; every writer waits for them.

A lock file beside the database (`<db>.busy`) carries an operating-system lock on one byte far past its text:
every unit of work that may write holds it SHARED (writers of this and other programs run side by side, SQLite
orders their commits), and a backup, restore or migration holds it EXCLUSIVE. Whoever meets the other side waits,
polling, and says once why ("a backup is running"), instead of failing. The text of the file names what the
exclusive holder is doing, for that message. The operating system drops the lock when a process dies, so a
killed backup never leaves the database locked.

In one process several threads may write at once (the window's writer and a test, the importer's own backup): the
OS lock is taken by the first shared holder and let go by the last; an exclusive holder first waits until no
shared holder of its own process is left.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from talentdesk.domain.errors import StorageError
from talentdesk.i18n import translate

log = logging.getLogger(__name__)

_BYTE = 1 << 16           # Windows: the locked byte, far past the label (byte-range locks there are mandatory)
POLL_SECONDS = 0.1
WAIT_LIMIT_SECONDS = 30 * 60

Notice = Callable[[str], None]


def busy_path_for(db_path: Path) -> Path:
    return Path(str(db_path) + ".busy")


# ------------------------------------------------------------------ the operating-system calls

if os.name == "nt":  # pragma: no cover - Windows only
    import ctypes
    import msvcrt
    from ctypes import wintypes

    class _OVERLAPPED(ctypes.Structure):
        _fields_ = [("Internal", ctypes.c_void_p), ("InternalHigh", ctypes.c_void_p), ("Offset", wintypes.DWORD),
                    ("OffsetHigh", wintypes.DWORD), ("hEvent", wintypes.HANDLE)]

    _K32 = ctypes.WinDLL("kernel32", use_last_error=True)

    def _try_lock(fd: int, exclusive: bool) -> bool:
        ov = _OVERLAPPED(0, 0, _BYTE, 0, None)
        flags = 0x01 | (0x02 if exclusive else 0)  # FAIL_IMMEDIATELY | EXCLUSIVE_LOCK
        return bool(_K32.LockFileEx(msvcrt.get_osfhandle(fd), flags, 0, 1, 0, ctypes.byref(ov)))

    def _unlock(fd: int) -> None:
        ov = _OVERLAPPED(0, 0, _BYTE, 0, None)
        _K32.UnlockFileEx(msvcrt.get_osfhandle(fd), 0, 1, 0, ctypes.byref(ov))
else:
    import fcntl

    def _try_lock(fd: int, exclusive: bool) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _messages() -> dict[str, str]:
    return {
        "backup": translate("Exclusive", "A backup of this database is running; the change waits until it has "
                                         "finished…"),
        "restore": translate("Exclusive", "A restore of this database is running; the change waits until it has "
                                          "finished…"),
        "migration": translate("Exclusive", "The database is being upgraded; the change waits until it has "
                                            "finished…"),
        "writers": translate("Exclusive", "Waiting for other programs to finish saving to this database…"),
    }


class ExclusiveLane:
    """The lock of one database file; share one instance per database in a process (`lane_for`)."""

    def __init__(self, db_path: Path):
        self.db_path = Path(db_path)
        self.path = busy_path_for(self.db_path)
        self._cond = threading.Condition()
        self._shared = 0
        self._exclusive_owner: int | None = None
        self._exclusive_depth = 0
        self._fd: int | None = None

    # -------------------------------------------------------------- file
    def _open(self) -> int:
        if self._fd is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        return self._fd

    def _purpose_of_holder(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8").strip()
        except OSError:
            return ""

    def _set_purpose(self, purpose: str) -> None:
        fd = self._open()
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, purpose.encode("utf-8"))
        except OSError:  # the label only improves a message
            pass

    def _wait_os(self, exclusive: bool, notice: Notice | None, purpose_message: Callable[[], str]) -> None:
        fd = self._open()
        told = False
        deadline = time.monotonic() + WAIT_LIMIT_SECONDS
        while not _try_lock(fd, exclusive):
            if not told:
                told = True
                text = purpose_message()
                log.info("waiting: %s", text)
                if notice:
                    notice(text)
            if time.monotonic() > deadline:
                raise StorageError(translate(
                    "Exclusive", "Another program kept the database busy for more than {minutes} minutes (a backup, "
                                 "restore or long import); nothing was changed. Try again when it has finished.")
                    .format(minutes=WAIT_LIMIT_SECONDS // 60))
            time.sleep(POLL_SECONDS)

    @contextmanager
    def _inside_exclusive(self) -> Iterator[None]:
        """A unit of work of the thread that holds the lane alone (its own writes, or a nested backup)."""
        try:
            yield
        finally:
            with self._cond:
                self._exclusive_depth -= 1

    # -------------------------------------------------------------- shared: a unit of work that may write
    @contextmanager
    def shared(self, notice: Notice | None = None) -> Iterator[None]:
        me = threading.get_ident()
        with self._cond:
            if self._exclusive_owner == me:  # the exclusive holder's own writes
                self._exclusive_depth += 1
                nested = True
            else:
                nested = False
                while self._exclusive_owner is not None:
                    self._cond.wait()
                first = self._shared == 0
                self._shared += 1
        if nested:
            with self._inside_exclusive():
                yield
            return
        try:
            if first:
                msgs = _messages()
                self._wait_os(False, notice, lambda: msgs.get(self._purpose_of_holder(), msgs["backup"]))
        except BaseException:
            self._leave_shared()
            raise
        try:
            yield
        finally:
            self._leave_shared()

    def _leave_shared(self) -> None:
        with self._cond:
            self._shared -= 1
            if self._shared == 0 and self._fd is not None and self._exclusive_owner is None:
                _unlock(self._fd)
            self._cond.notify_all()

    # -------------------------------------------------------------- exclusive: backup, restore, migration
    @contextmanager
    def exclusive(self, purpose: str = "backup", notice: Notice | None = None) -> Iterator[None]:
        me = threading.get_ident()
        with self._cond:
            if self._exclusive_owner == me:
                self._exclusive_depth += 1
                nested = True
            else:
                nested = False
                while self._exclusive_owner is not None or self._shared:
                    self._cond.wait()
                self._exclusive_owner = me
                self._exclusive_depth = 1
        if nested:
            with self._inside_exclusive():
                yield
            return
        try:
            self._wait_os(True, notice, lambda: _messages()["writers"])
            self._set_purpose(purpose)
        except BaseException:
            self._leave_exclusive(locked=False)
            raise
        try:
            yield
        finally:
            self._leave_exclusive(locked=True)

    def _leave_exclusive(self, *, locked: bool) -> None:
        with self._cond:
            if locked and self._fd is not None:
                self._set_purpose("")
                _unlock(self._fd)
            self._exclusive_owner = None
            self._exclusive_depth = 0
            self._cond.notify_all()

    @contextmanager
    def alone_now(self) -> Iterator[bool]:
        """Hold the lane alone, without waiting, if nobody (in any process) holds it right now: yields whether it
        does. For cleaning up after a crash: no unit of work of any program can start meanwhile."""
        me = threading.get_ident()
        with self._cond:
            if self._exclusive_owner == me:
                mode = "nested"
            elif self._exclusive_owner is not None or self._shared:
                mode = "busy"
            elif _try_lock(self._open(), True):
                self._exclusive_owner, self._exclusive_depth, mode = me, 1, "held"
            else:
                mode = "busy"
        if mode != "held":
            yield mode == "nested"
            return
        try:
            yield True
        finally:
            self._leave_exclusive(locked=True)

    def try_exclusive_now(self) -> bool:
        """True when nobody (in any process) holds the lane right now; used to clean up after a crash."""
        with self._cond:
            if self._exclusive_owner == threading.get_ident():
                return True  # this thread runs alone already
            if self._exclusive_owner is not None or self._shared:
                return False
            fd = self._open()
            if not _try_lock(fd, True):
                return False
            _unlock(fd)
            return True

    def close(self) -> None:
        with self._cond:
            if self._fd is not None and not self._shared and self._exclusive_owner is None:
                os.close(self._fd)
                self._fd = None


_lanes: dict[str, ExclusiveLane] = {}
_lanes_lock = threading.Lock()


def lane_for(db_path: Path) -> ExclusiveLane:
    """The one ExclusiveLane of this database file in this process."""
    key = os.path.normcase(os.path.abspath(db_path))
    with _lanes_lock:
        lane = _lanes.get(key)
        if lane is None:
            lane = _lanes[key] = ExclusiveLane(Path(db_path))
        return lane
