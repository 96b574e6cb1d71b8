"""One writer: a lock file beside the database says which PC, user and process has it open.

The lock is held with an operating-system file lock (flock on Linux/macOS, LockFileEx via msvcrt on Windows) on
an open handle, so the system releases it when the process dies. A lock file whose OS lock is free therefore
belongs to a program that crashed: it is stale and is taken over safely. The file's text is only the label
("who has it open") shown to the second copy.

Why not the `filelock` library (checked at 4.3.1): its native lock cannot carry the label this lock exists for,
telling a second copy WHO holds the database. On Windows it takes LockFileEx on byte 0 of the lock file, a
mandatory lock, so the refused copy cannot even read text written there, and it deletes the file on release. Its
soft locks do record a pid and host name (not the user), but judge staleness from process liveness and leases,
not from the operating system releasing the lock when the process dies, which is the guarantee needed after a
crash or a power cut. So this module keeps two OS calls (flock / msvcrt.locking on a byte far past the label).
"""
from __future__ import annotations

import datetime as dt
import getpass
import json
import logging
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from talentdesk.domain.errors import StorageError
from talentdesk.i18n import translate

log = logging.getLogger(__name__)

_LOCK_OFFSET = 1 << 16  # Windows locks byte ranges; lock one byte far past the text so the label stays readable


@dataclass(frozen=True, slots=True)
class LockOwner:
    host: str
    user: str
    pid: int
    since: str

    @classmethod
    def me(cls) -> "LockOwner":
        try:
            user = getpass.getuser()
        except Exception:  # noqa: BLE001 - no user name in some service contexts
            user = "?"
        return cls(socket.gethostname(), user, os.getpid(), dt.datetime.now().isoformat(timespec="seconds"))


class DatabaseInUse(StorageError):
    def __init__(self, message: str, owner: LockOwner | None):
        super().__init__(message)
        self.owner = owner


def lock_path_for(db_path: Path) -> Path:
    return Path(str(db_path) + ".lock")


def _try_os_lock(fd: int) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows only
        import msvcrt

        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _os_unlock(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover - Windows only
        import msvcrt

        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def read_owner(lock_file: Path) -> LockOwner | None:
    try:
        data = json.loads(lock_file.read_text(encoding="utf-8") or "{}")
        return LockOwner(str(data["host"]), str(data["user"]), int(data["pid"]), str(data.get("since", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class DatabaseLock:
    """Hold with `acquire()` (raises DatabaseInUse naming the owner) and `release()`; also a context manager."""

    def __init__(self, db_path: Path | str):
        self.db_path = Path(db_path)
        self.path = lock_path_for(self.db_path)
        self._fd: int | None = None
        self.cleared_stale: LockOwner | None = None  # the crashed owner whose lock was taken over, if any

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> "DatabaseLock":
        if self._fd is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_os_lock(fd):
            os.close(fd)
            owner = read_owner(self.path)
            raise DatabaseInUse(self._in_use_message(owner), owner)
        previous = read_owner(self.path)
        if previous is not None:
            # the OS lock was free, so whoever wrote this label is gone (crash, power cut): a stale lock
            self.cleared_stale = previous
            log.warning("cleared a stale lock on %s left by %s@%s pid %s", self.db_path, previous.user,
                        previous.host, previous.pid)
        me = LockOwner.me()
        text = json.dumps({"host": me.host, "user": me.user, "pid": me.pid, "since": me.since}, ensure_ascii=False)
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, text.encode("utf-8"))
        os.fsync(fd)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)  # an empty label = closed cleanly
        except OSError:
            pass
        _os_unlock(fd)
        os.close(fd)  # the file stays: deleting it could race with another copy that just opened it

    def __enter__(self) -> "DatabaseLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()

    def _in_use_message(self, owner: LockOwner | None) -> str:
        if owner is None:
            return translate("Locking", "The database {path} is already open in another copy of TalentDesk. Close "
                                        "that copy first.").format(path=self.db_path)
        return translate(
            "Locking", "The database is already open in TalentDesk on computer {host} by user {user} (process {pid}, "
                       "since {since}). Close that copy first; two copies writing at once could lose work.").format(
            host=owner.host, user=owner.user, pid=owner.pid, since=owner.since.replace("T", " "))
