"""Connection discipline and where a database may live."""
from __future__ import annotations

import os

import sqlite3

import pytest

from talentdesk.store import db
from talentdesk.domain.errors import StorageError
from talentdesk.services.base import Database


def test_every_connection_enforces_foreign_keys(database):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):
        with database.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO attachments (talent_id, filename, sha256, size, kind, added_at) "
                "VALUES (999, 'x.pdf', 'abc', 1, '', '2026-01-01')"
            )


def test_ledger_entries_cannot_be_updated_or_deleted_by_the_database_itself(demo_db):
    with sqlite3.connect(demo_db.path) as conn:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("UPDATE ledger_entries SET amount_fen = 1 WHERE id = 1")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM ledger_entries WHERE id = 1")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM audit_entries")


def _mounts(*rows):
    """Rows shaped like psutil's partitions (device, mountpoint, fstype, opts)."""
    from collections import namedtuple

    part = namedtuple("Partition", "device mountpoint fstype opts")
    return [part(device, mount, fstype, "rw") for device, mount, fstype in rows]


MOUNTS = _mounts(
    ("/dev/sda1", "/", "ext4"),
    ("server:/export", "/mnt/nfs", "nfs4"),
    ("//nas/share", "/mnt/office", "cifs"),
    ("/dev/sdb1", "/mnt/usb", "vfat"),
    ("//nas/scans", "/mnt/office scans", "smb3"),          # a space in the mount point
    ("/dev/sdc1", "/mnt/office/local", "ext4"),           # a local disk mounted inside a share: the deeper wins
    ("tmpfs", "/mnt/usb", "tmpfs"),                       # mounted over the USB stick: the later mount hides it
)


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/mnt/nfs/td/talentdesk.db", "nfs4"),
        ("/mnt/office/talentdesk.db", "cifs"),
        ("/mnt/office scans/talentdesk.db", "smb3"),
        ("/mnt/office/local/talentdesk.db", None),
        ("/mnt/officex/talentdesk.db", None),                # a name that only starts like a mount point
        ("/mnt/usb/talentdesk.db", None),
        ("/home/clerk/talentdesk.db", None),
    ],
)
@pytest.mark.skipif(os.name == "nt", reason="POSIX mount points; tests/test_windows_paths.py covers Windows")
def test_network_mounts_are_recognised_on_linux(monkeypatch, path, expected):
    import psutil

    monkeypatch.setattr(psutil, "disk_partitions", lambda all=False: MOUNTS)
    assert db.network_location_reason(path, platform="linux") == expected


def test_the_real_mount_table_is_read(tmp_path):
    """psutil reads this machine's own mounts: a folder under the test's temporary directory is on a local disk."""
    assert db.network_location_reason(tmp_path / "talentdesk.db", platform="linux") is None
    assert db._mount_fstype(tmp_path.resolve()) is not None


def test_unc_paths_are_network_shares_on_windows():
    assert db.network_location_reason(r"\\server\share\talentdesk.db", platform="win32") == "UNC"


def test_opening_a_database_on_a_share_is_refused_with_a_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(db, "network_location_reason", lambda p, **kw: "cifs")
    with pytest.raises(StorageError) as err:
        Database.open(tmp_path / "x.db")
    assert "network share" in err.value.message and "cifs" in err.value.message
    assert not (tmp_path / "x.db").exists()


def test_the_refusal_speaks_chinese_by_default(tmp_path, monkeypatch, zh):
    monkeypatch.setattr(db, "network_location_reason", lambda p, **kw: "nfs")
    with pytest.raises(StorageError) as err:
        Database.open(tmp_path / "x.db")
    assert "网络" in err.value.message


def test_backup_is_consistent_and_checked(demo_db, tmp_path):
    from talentdesk.store.backup_files import backup_database
    from talentdesk.store.integrity import integrity_check

    dest = backup_database(demo_db.path, tmp_path / "backups", reason="test").path
    assert integrity_check(dest) == []
    with sqlite3.connect(dest) as a, sqlite3.connect(demo_db.path) as b:
        q = "SELECT count(*), sum(amount_fen) FROM ledger_entries"
        assert a.execute(q).fetchone() == b.execute(q).fetchone()
