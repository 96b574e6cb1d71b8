"""Backups: consistent, checked, rotated 7/4/12, copied to a second folder, daily at start, shown when old."""
from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import sqlite3

import pytest

from talentdesk.store import backup_files
from talentdesk.store.integrity import integrity_check
from talentdesk.domain.enums import Role
from talentdesk.domain.errors import PermissionDenied, StorageError
from talentdesk.domain.models import Employer
from talentdesk.paths import backups_dir_for
from talentdesk.services.safety import backups
from talentdesk.services.base import Actor
from talentdesk.services.common.settings import set_setting

from tests.conftest import make_actor
from tests.safety.safety_helpers import audit_rows


def _count(path, table="talents"):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_a_backup_is_a_checked_copy_of_everything_committed(demo_db):
    with demo_db.session(Actor.local()) as s:
        s.add(Employer(name="刚提交的单位"))
    with demo_db.session(make_actor(Role.CLERK), exclusive="backup") as s:
        result = backups.run_backup(s)
    assert result.path.parent == backups_dir_for(demo_db.path)
    assert integrity_check(result.path) == []
    assert _count(result.path) == _count(demo_db.path) == 300
    conn = sqlite3.connect(result.path)
    assert conn.execute("SELECT count(*) FROM employers WHERE name='刚提交的单位'").fetchone()[0] == 1
    conn.close()
    assert audit_rows(demo_db, action="backup")[-1].actor_name == "clerk"


def test_a_viewer_cannot_make_backups(database):
    with pytest.raises(PermissionDenied):
        with database.session(make_actor(Role.VIEWER), exclusive="backup") as s:
            backups.run_backup(s)
    assert backup_files.list_backups(database.path) == []


def test_backup_to_a_chosen_file_or_folder(database, tmp_path):
    with database.session(Actor.local(), exclusive="backup") as s:
        one = backups.run_backup(s, to=tmp_path / "usb" / "copy")
    assert one.path == tmp_path / "usb" / "copy.db" and integrity_check(one.path) == []
    (tmp_path / "folder").mkdir()
    with database.session(Actor.local(), exclusive="backup") as s:
        two = backups.run_backup(s, to=tmp_path / "folder")
    assert two.path.parent == tmp_path / "folder"


def test_the_second_folder_gets_a_checked_copy_and_its_failure_does_not_lose_the_backup(database, tmp_path):
    usb = tmp_path / "usb"
    with database.session(Actor.local()) as s:
        set_setting(s, key="backup_second_folder", value=str(usb))
    with database.session(Actor.local(), exclusive="backup") as s:
        result = backups.run_backup(s)
    assert result.second_path == usb / result.path.name and integrity_check(result.second_path) == []
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the USB stick should be")
    with database.session(Actor.local()) as s:
        set_setting(s, key="backup_second_folder", value=str(blocked))
    with database.session(Actor.local(), exclusive="backup") as s:
        result = backups.run_backup(s)
    assert result.path.exists() and result.second_path is None and "second folder" in result.second_error


def test_rotation_keeps_7_daily_4_weekly_12_monthly(database):
    folder = backups_dir_for(database.path)
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime(2026, 11, 23, 9, 0)
    sample = backup_files.backup_database(database.path, folder, reason="seed").path
    names = []
    for days in range(0, 500):  # one backup a day for 500 days, two on some days
        for hour in ((9, 17) if days % 5 == 0 else (9,)):
            when = (now - dt.timedelta(days=days)).replace(hour=hour)
            p = folder / f"{database.path.stem}-{when:%Y%m%d-%H%M%S}-000000-daily.db"
            shutil.copyfile(sample, p)
            names.append(p)
    sample.unlink()
    removed = backup_files.rotate(database.path, now=now)
    kept = backup_files.list_backups(database.path)
    kept_dates = {b.made_at.date() for b in kept}
    assert len(kept) + len(removed) == len(names)
    assert {(now - dt.timedelta(days=d)).date() for d in range(7)} <= kept_dates  # the last 7 days
    months = {(b.made_at.year, b.made_at.month) for b in kept}
    assert len(months) == 12  # one for each of the last 12 months
    weeks = {b.made_at.isocalendar()[:2] for b in kept if (now - b.made_at).days < 28}
    assert len(weeks) >= 4
    assert len(kept) <= 7 + 4 + 12 + 1  # + today's second backup
    assert min(b.made_at for b in kept) > now - dt.timedelta(days=366)
    assert all(len([b for b in kept if b.made_at.date() == d]) == 1 for d in kept_dates if d != now.date())


def test_daily_backup_happens_once_a_day(demo_db):
    now = dt.datetime.now()
    first = _daily(demo_db, now)
    assert first is not None and first.path.exists()
    assert _daily(demo_db, now) is None
    assert audit_rows(demo_db, action="backup")[-1].actor_name == "system"


def test_status_warns_when_the_last_backup_is_old(database):
    status = backup_files.backup_status(database.path)
    assert status.last is None and status.old and "No backup" in status.message()
    made = backup_files.make_backup(database.path)
    assert not backup_files.backup_status(database.path).old
    later = made.made_at + dt.timedelta(days=backup_files.OLD_AFTER_DAYS + 1)
    old = backup_files.backup_status(database.path, now=later)
    assert old.old and "make a backup now" in old.message()


def test_a_full_disk_while_backing_up_is_a_clear_error_and_leaves_no_partial_file(database, monkeypatch):
    real_replace = os.replace

    def full(src, dst):
        if str(src).endswith(".part"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(StorageError, match="No space left"):
        backup_files.make_backup(database.path)
    assert not any(backups_dir_for(database.path).glob("*.db"))


def _daily(database, now):
    with database.session(Actor.system(), exclusive="backup") as s:
        return backups.daily_backup_if_due(s, now=now)
