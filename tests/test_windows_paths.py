"""The Windows-only code paths, run here with stand-ins for `ctypes.windll` and `msvcrt` (the Windows workflow runs
them for real): a mapped network drive is refused, the one-writer lock takes and releases its byte through
msvcrt.locking, the exclusive lane (backup/restore vs writers) locks its byte with LockFileEx, and a sharing
violation is told apart from a lasting refusal."""
from __future__ import annotations

import ctypes
import os
import sys
import types

import pytest

from talentdesk.store import db, files, locking

DRIVE_FIXED, DRIVE_REMOTE = 3, 4


@pytest.fixture
def drives(monkeypatch):
    """GetDriveTypeW answers from a table of drive roots; the calls are recorded."""
    table = {"C:\\": DRIVE_FIXED, "Z:\\": DRIVE_REMOTE}
    asked = []

    def get_drive_type(root):
        asked.append(root)
        return table.get(root.upper(), 1)  # DRIVE_NO_ROOT_DIR

    windll = types.SimpleNamespace(kernel32=types.SimpleNamespace(GetDriveTypeW=get_drive_type))
    monkeypatch.setattr(ctypes, "windll", windll, raising=False)
    return asked


@pytest.mark.parametrize("path, expected", [
    (r"Z:\人才办\talentdesk.db", "network drive"),
    (r"z:\data\talentdesk.db", "network drive"),
    (r"C:\Users\clerk\AppData\Local\TalentDesk\talentdesk.db", None),
    (r"\\fileserver\share\talentdesk.db", "UNC"),
    ("//fileserver/share/talentdesk.db", "UNC"),
])
def test_a_mapped_network_drive_or_unc_path_is_a_share_on_windows(drives, path, expected):
    assert db.network_location_reason(path, platform="win32") == expected
    if expected == "UNC":
        assert drives == [], "a UNC path needs no system call"
    else:
        assert drives == [path[:2].upper() + "\\"] or drives == [path[:2] + "\\"]


class FakeMsvcrt:
    LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = 0, 1, 2, 3, 4

    def __init__(self, held_elsewhere: bool = False):
        self.calls: list[tuple[int, int, int]] = []
        self.held_elsewhere = held_elsewhere

    def locking(self, fd, mode, nbytes):
        self.calls.append((os.lseek(fd, 0, os.SEEK_CUR), mode, nbytes))
        if mode == self.LK_NBLCK and self.held_elsewhere:
            raise PermissionError(13, "Permission denied")  # what msvcrt raises for a byte locked by another process


@pytest.mark.parametrize("held", [False, True])
def test_the_one_writer_lock_uses_one_byte_far_past_the_label_on_windows(tmp_path, monkeypatch, held):
    fake = FakeMsvcrt(held_elsewhere=held)
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    fd = os.open(tmp_path / "talentdesk.db.lock", os.O_RDWR | os.O_CREAT)
    try:
        with monkeypatch.context() as m:
            m.setattr(locking.os, "name", "nt")
            got = locking._try_os_lock(fd)
            locking._os_unlock(fd)
    finally:
        os.close(fd)
    assert got is (not held)
    assert fake.calls[0] == (locking._LOCK_OFFSET, fake.LK_NBLCK, 1), "never waits: a second program is told at once"
    assert fake.calls[1] == (locking._LOCK_OFFSET, fake.LK_UNLCK, 1)
    assert locking._LOCK_OFFSET >= 1 << 16, "the byte lies past any label text, which stays readable"


@pytest.mark.parametrize("winerror, held_open", [(32, True), (33, True), (5, True), (2, False), (None, False)])
def test_a_file_open_in_another_program_is_told_apart_from_other_errors(winerror, held_open):
    exc = PermissionError(13, "denied")
    if winerror is not None:
        exc.winerror = winerror
    assert files.is_held_open(exc) is held_open


class FakeKernel32:
    """LockFileEx/UnlockFileEx as Windows does them, for the byte range each call names: shared locks coexist,
    an exclusive one excludes every other holder, LOCKFILE_FAIL_IMMEDIATELY returns FALSE instead of waiting.
    Handles come from the fake msvcrt.get_osfhandle (one per file descriptor, like separate processes' handles)."""

    FAIL_IMMEDIATELY, EXCLUSIVE = 0x01, 0x02

    def __init__(self):
        self.held: dict[tuple, dict[int, bool]] = {}  # (file, offset) -> {handle: exclusive}
        self.calls: list[tuple] = []

    @staticmethod
    def _range(handle, ov_ref):
        ov = ov_ref._obj
        return (os.fstat(handle).st_ino, ov.Offset, ov.OffsetHigh)

    def LockFileEx(self, handle, flags, reserved, n_low, n_high, ov_ref):  # noqa: N802 - the Windows name
        key = self._range(handle, ov_ref)
        self.calls.append(("lock", key[1], flags, n_low, n_high))
        holders = self.held.setdefault(key, {})
        others = {h: x for h, x in holders.items() if h != handle}
        exclusive = bool(flags & self.EXCLUSIVE)
        assert flags & self.FAIL_IMMEDIATELY, "the lane polls: a call that blocks would hang the window"
        if others and (exclusive or any(others.values())):
            return 0
        holders[handle] = exclusive
        return 1

    def UnlockFileEx(self, handle, reserved, n_low, n_high, ov_ref):  # noqa: N802 - the Windows name
        key = self._range(handle, ov_ref)
        self.calls.append(("unlock", key[1], 0, n_low, n_high))
        return int(self.held.get(key, {}).pop(handle, None) is not None)


@pytest.fixture
def windows_exclusive(monkeypatch):
    """store/exclusive.py loaded as Windows loads it: ctypes.WinDLL("kernel32") and msvcrt are stand-ins."""
    import importlib.util

    from talentdesk.store import exclusive

    kernel32 = FakeKernel32()
    msvcrt = types.SimpleNamespace(get_osfhandle=lambda fd: fd)
    monkeypatch.setitem(sys.modules, "msvcrt", msvcrt)
    monkeypatch.setattr(ctypes, "WinDLL", lambda name, use_last_error=False: kernel32, raising=False)
    spec = importlib.util.spec_from_file_location("talentdesk.store._exclusive_nt", exclusive.__file__)
    module = importlib.util.module_from_spec(spec)
    with monkeypatch.context() as m:
        m.setattr(os, "name", "nt")
        spec.loader.exec_module(module)
    module.POLL_SECONDS = 0.01
    return module, kernel32


def test_the_exclusive_lane_locks_one_byte_with_lockfileex_on_windows(tmp_path, windows_exclusive):
    """Two programs (two lane objects, two handles): a writer holds the byte shared, a second writer shares it, a
    backup cannot take it while either holds it, and takes it alone once both let go; the byte lies past the
    label that names what the holder does."""
    module, kernel32 = windows_exclusive
    db_path = tmp_path / "科室#2" / "talentdesk.db"
    window, cli, backup = (module.ExclusiveLane(db_path) for _ in range(3))
    try:
        with window.shared():
            with cli.shared():
                assert not backup.try_exclusive_now()
            assert not backup.try_exclusive_now(), "one writer still holds it"
        assert backup.try_exclusive_now()
        with backup.exclusive("restore"):
            assert backup.path.read_text(encoding="utf-8") == "restore", "the label says why writers wait"
            assert not window.try_exclusive_now()
            with window.alone_now() as alone:
                assert alone is False
        assert all(offset == module._BYTE for _kind, offset, *_ in kernel32.calls)
        assert module._BYTE >= 1 << 16, "mandatory byte-range locks on Windows: the label text must stay readable"
        locks = [c for c in kernel32.calls if c[0] == "lock"]
        assert {flags for _k, _o, flags, *_ in locks} == {0x01, 0x03}, "shared and exclusive, never blocking"
        assert all(c[3:] == (1, 0) for c in kernel32.calls), "one byte"
        assert not any(kernel32.held.values()), "every lock was released"
    finally:
        for lane in (window, cli, backup):
            lane.close()


def test_a_writer_waits_for_a_backup_on_windows_and_says_why(tmp_path, windows_exclusive):
    import threading
    import time

    module, _kernel32 = windows_exclusive
    db_path = tmp_path / "talentdesk.db"
    backup, writer = module.ExclusiveLane(db_path), module.ExclusiveLane(db_path)
    told: list[str] = []
    wrote, done = threading.Event(), threading.Event()

    def write():
        with writer.shared(told.append):
            wrote.set()
            done.wait(5)

    t = threading.Thread(target=write)
    try:
        with backup.exclusive("backup"):
            t.start()
            time.sleep(0.2)
            assert not wrote.is_set(), "the writer waits while the backup runs"
        assert wrote.wait(5), "and goes on once the backup has finished"
        assert len(told) == 1 and "backup" in told[0].lower()
    finally:
        done.set()
        t.join(5)
        backup.close()
        writer.close()
