"""The Windows-only code paths, run here with stand-ins for `ctypes.windll` and `msvcrt` (the Windows workflow runs
them for real): a mapped network drive is refused, the one-writer lock takes and releases its byte through
msvcrt.locking, and a sharing violation is told apart from a lasting refusal."""
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
