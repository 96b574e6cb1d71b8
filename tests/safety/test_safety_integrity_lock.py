"""Integrity checks at start and on demand, and one writer per database (a stale lock after a crash is cleared)."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from talentdesk.store import backup_files
from talentdesk.store.integrity import integrity_check
from talentdesk.cli import main as cli_main
from talentdesk.services.safety import backups
from talentdesk.store import integrity
from talentdesk.store.locking import DatabaseInUse, DatabaseLock, LockOwner, lock_path_for

ROOT = Path(__file__).resolve().parents[2]


def test_a_sound_database_passes_every_check(demo_db):
    assert integrity.quick_check(demo_db.path) == []
    report = integrity.full_check(demo_db.path)
    assert report.ok and len(report.items) == 7, report.text()


def _raw(path, *sql):
    conn = sqlite3.connect(path)
    try:
        for q in sql:
            conn.execute(q)
        conn.commit()
    finally:
        conn.close()


def test_a_broken_ledger_is_reported_and_the_newest_good_backup_offered(demo_db, capsys):
    good = backup_files.make_backup(demo_db.path).path
    demo_db.dispose()
    # a reversal that does not cancel its target, written behind the program's back
    _raw(demo_db.path, """INSERT INTO ledger_entries (grant_id, talent_id, kind, amount_fen, entry_date, fiscal_year,
                          reverses_id, voucher_no, memo, created_at, created_by)
                          SELECT grant_id, talent_id, 'reversal', -amount_fen + 1, entry_date, fiscal_year, id, '', '',
                          created_at, 'intruder' FROM ledger_entries WHERE kind = 'due' AND id NOT IN
                          (SELECT reverses_id FROM ledger_entries WHERE reverses_id IS NOT NULL) LIMIT 1""")
    report = backup_files.check_naming_a_good_backup(demo_db.path)
    assert not report.ok
    ledger = next(i for i in report.items if "Ledger" in i.name)
    assert not ledger.ok and "does not exactly cancel" in ledger.problems[0]
    assert report.good_backup == good and str(good) in report.text()
    assert cli_main(["--lang", "en", "--db", str(demo_db.path), "check"]) == 1
    assert "PROBLEM" in capsys.readouterr().out


def test_a_missing_append_only_guard_is_reported(database):
    database.dispose()
    _raw(database.path, *[f"DROP TRIGGER {name}" for name in _triggers(database.path, "audit_entries")])
    report = integrity.full_check(database.path)
    guards = next(i for i in report.items if "guards" in i.name)
    assert not guards.ok and any("audit_entries" in p for p in guards.problems)


def _triggers(path, table):
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name=?",
                                           (table,))]
    finally:
        conn.close()


def test_a_damaged_file_fails_the_quick_check_and_the_full_check(demo_db):
    demo_db.dispose()
    _raw(demo_db.path, "PRAGMA wal_checkpoint(TRUNCATE)")
    size = demo_db.path.stat().st_size
    with open(demo_db.path, "r+b") as fh:  # a disk error scribbles over pages in the middle of the file
        fh.seek((size // 4096 // 2) * 4096)
        fh.write(b"\x07" * 4096 * 4)
    assert integrity.quick_check(demo_db.path) != []
    report = integrity.full_check(demo_db.path)
    assert not report.ok and not report.items[0].ok


def test_a_second_copy_is_told_who_has_the_database_open(db_path):
    with DatabaseLock(db_path):
        with pytest.raises(DatabaseInUse) as info:
            DatabaseLock(db_path).acquire()
        me = LockOwner.me()
        assert info.value.owner.pid == os.getpid() and info.value.owner.host == me.host
        assert me.host in info.value.message and me.user in info.value.message
    with DatabaseLock(db_path) as again:  # released cleanly: free again, nothing stale
        assert again.held and again.cleared_stale is None


def test_a_lock_left_by_a_crashed_program_is_detected_and_cleared(db_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            sys.path.insert(0, {str(ROOT)!r})
            from talentdesk.store.locking import DatabaseLock
            DatabaseLock({str(db_path)!r}).acquire()
            print("locked", flush=True)
            time.sleep(60)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(DatabaseInUse) as info:
            DatabaseLock(db_path).acquire()
        assert info.value.owner.pid == holder.pid
    finally:
        holder.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
        holder.wait()
    assert lock_path_for(db_path).read_text()  # the dead program's label is still there
    lock = DatabaseLock(db_path).acquire()
    try:
        assert lock.cleared_stale is not None and lock.cleared_stale.pid == holder.pid
    finally:
        lock.release()
