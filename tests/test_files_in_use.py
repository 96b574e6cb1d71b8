"""Replacing a file that WPS, Excel or a PDF reader holds open on Windows: retried, then a message naming the file
and asking to close it there; the destination is untouched and no temporary file is left behind. Windows' sharing
violation is faked: os.replace raises PermissionError with winerror 32, as it does there."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from talentdesk.domain.models import AuditEntry
from talentdesk.services.base import Actor
from talentdesk.store import files
from talentdesk.store.files import FileInUse, replace_file


def _sharing_violation(winerror=32):
    exc = PermissionError(13, "The process cannot access the file because it is being used by another process")
    exc.winerror = winerror
    return exc


@pytest.fixture
def waits(monkeypatch):
    slept = []
    monkeypatch.setattr(files, "_sleep", slept.append)
    return slept


def _fake_replace(monkeypatch, failures: int, winerror=32):
    real = os.replace
    calls = []

    def fake(src, dst):
        calls.append((Path(src), Path(dst)))
        if len(calls) <= failures:
            raise _sharing_violation(winerror)
        return real(src, dst)

    monkeypatch.setattr(files.os, "replace", fake)
    return calls


def _held_open(monkeypatch, held: Path, winerror=32):
    """`held` is open in Excel/WPS as Windows sees it: it can be neither opened for writing nor replaced (every
    other file, the database's own journals included, behaves normally)."""
    real_replace, real_open = os.replace, os.open

    def replace(src, dst):
        if Path(dst) == held:
            raise _sharing_violation(winerror)
        return real_replace(src, dst)

    def open_(path, flags, *args, **kwargs):
        if Path(path) == held and flags & (os.O_RDWR | os.O_WRONLY):
            raise _sharing_violation(winerror)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(files.os, "replace", replace)
    monkeypatch.setattr(files.os, "open", open_)


def test_a_file_released_while_waiting_is_replaced(tmp_path, monkeypatch, waits):
    dest, tmp = tmp_path / "花名册.xlsx", tmp_path / "花名册.xlsx.part"
    dest.write_bytes(b"old")
    tmp.write_bytes(b"new")
    calls = _fake_replace(monkeypatch, failures=2)
    assert replace_file(tmp, dest) == dest
    assert dest.read_bytes() == b"new" and not tmp.exists()
    assert len(calls) == 3 and waits == [0.1, 0.2]


@pytest.mark.parametrize("winerror", [32, 33, 5])
def test_a_file_kept_open_is_named_in_a_message_and_nothing_is_left(tmp_path, monkeypatch, waits, zh, winerror):
    dest, tmp = tmp_path / "发放花名册.pdf", tmp_path / "发放花名册.pdf.part"
    dest.write_bytes(b"the printed roster")
    tmp.write_bytes(b"new")
    _fake_replace(monkeypatch, failures=99, winerror=winerror)
    with pytest.raises(FileInUse) as err:
        replace_file(tmp, dest)
    assert "发放花名册.pdf" in err.value.message and "WPS" in err.value.message and "关闭" in err.value.message
    assert dest.read_bytes() == b"the printed roster"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["发放花名册.pdf"], "no .part left"
    assert sum(waits) < 2.0, "the clerk waits at most a moment"


def test_a_lasting_refusal_is_not_retried(tmp_path, monkeypatch, waits):
    """A read-only folder on Linux (no winerror): raised at once, the temporary file removed."""
    tmp = tmp_path / "x.part"
    tmp.write_bytes(b"new")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(PermissionError):
        replace_file(tmp, tmp_path / "x.xlsx")
    assert waits == [] and not tmp.exists()


def test_a_talent_export_over_an_open_workbook_says_so_and_records_nothing(demo_db, tmp_path, monkeypatch, waits, zh):
    from talentdesk.services.talents.exporter import export_talents

    dest = tmp_path / "人才名单.xlsx"
    dest.write_bytes(b"open in Excel")
    _held_open(monkeypatch, dest)
    with demo_db.session(Actor.local(), readonly=True) as s:
        before = s.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(FileInUse) as err, demo_db.session(Actor.local()) as s:
        export_talents(s, path=dest)
    assert "人才名单.xlsx" in err.value.message
    assert dest.read_bytes() == b"open in Excel"
    assert [p.name for p in tmp_path.iterdir() if p.suffix != ".db" and "demo" not in p.name] == ["人才名单.xlsx"]
    with demo_db.session(Actor.local(), readonly=True) as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == before, "no export recorded"


def test_a_roster_over_an_open_pdf_leaves_no_part_file(tmp_path, monkeypatch, waits):
    from talentdesk.reports import roster

    dest = tmp_path / "roster.xlsx"
    dest.write_bytes(b"open in WPS")
    _fake_replace(monkeypatch, failures=99)
    with pytest.raises(FileInUse):
        roster.write_xlsx([], dest, office="县人才办", on=dt.date(2025, 3, 1))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.xlsx"]
