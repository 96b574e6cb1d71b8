"""Nothing lost, nothing silently wrong (issue 14): odd paths, the exclusive lane across processes, proven backups,
restores that cannot hurt, and the leftovers of killed runs."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from talentdesk.cli import main as cli_main
from talentdesk.domain.errors import InputFileError, StorageError
from talentdesk.paths import backups_dir_for
from talentdesk.services.base import Actor, Database
from talentdesk.services.safety import backups
from talentdesk.store import backup_files
from talentdesk.store.exclusive import lane_for
from talentdesk.store.integrity import full_check

from tests.safety.safety_helpers import audit_rows

ROOT = Path(__file__).resolve().parents[2]


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite%'")}
    finally:
        conn.close()


def _cli(capsys, *args) -> tuple[int, str, str]:
    code = cli_main(["--lang", "en", *[str(a) for a in args]])
    out = capsys.readouterr()
    return code, out.out, out.err


def _restore(database, source):
    with database.session(Actor.local(), exclusive="restore") as s:
        return backups.restore(s, source=source)


# ------------------------------------------------------------------ 1. paths are never text inside URIs

ODD_FOLDERS = {
    "hash": "科室#2",
    "question": "what?now",
    "percent": "100%20 done %41",
    "spaces": "my  office files",
    "chinese": "人才工作办公室 资料",
    # more than Windows' old 260-character limit (SQLite's own limit is 512 bytes)
    "long": "/".join(["the talent office's long folder name"] * 8),
}


@pytest.mark.parametrize("name", list(ODD_FOLDERS))
def test_every_file_operation_works_in_a_folder_with_an_odd_name(tmp_path, capsys, name):
    folder = tmp_path / ODD_FOLDERS[name]
    folder.mkdir(parents=True)
    db = folder / "talentdesk.db"
    if name == "long":
        assert len(str(db)) > 260
    assert _cli(capsys, "--db", db, "demo", "--talents", "12", "--seed", "3")[0] == 0
    assert not (tmp_path / "what").exists()  # a `?` did not cut the path into another file

    code, out, _ = _cli(capsys, "--db", db, "backup", "--json")
    made = json.loads(out)
    assert code == 0 and made["counts"]["talents"] == 12
    assert _counts(Path(made["path"]))["talents"] == 12  # not an empty 4 KB file reported as written

    copy = folder / "副本 #1?.db"
    assert _cli(capsys, "--db", db, "backup", "--to", copy)[0] == 0
    assert _counts(copy)["talents"] == 12
    assert _cli(capsys, "--db", db, "check")[0] == 0

    export = folder / "名单 #%?.xlsx"
    assert _cli(capsys, "--db", db, "export", "talents", export)[0] == 0 and export.stat().st_size > 0
    code, out, _ = _cli(capsys, "--db", db, "import", "talents", export, "--dry-run", "--json")
    assert code in (0, 1) and json.loads(out)  # read back from the odd path (duplicates are refused, not lost)

    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM employers WHERE id NOT IN (SELECT employer_id FROM talents "
                     "WHERE employer_id IS NOT NULL)")
    code, out, err = _cli(capsys, "--db", db, "restore", copy, "--json")
    assert code == 0, err
    assert json.loads(out)["talents"] == 12 and _counts(db)["talents"] == 12


def test_a_read_only_open_escapes_the_path():
    from talentdesk.store.db import connect_readonly, sqlite_url

    assert "%23" in (Path("/tmp/科室#2").as_uri()) and sqlite_url("/a?b/c#d.db").database == "/a?b/c#d.db"
    with pytest.raises(sqlite3.Error):
        connect_readonly("/nonexistent/科室#2/x.db")  # read-only never creates a database


# ------------------------------------------------------------------ 2. one exclusive lane

def test_backup_to_the_live_database_or_an_existing_file_is_refused(demo_db, tmp_path, capsys):
    path = demo_db.path
    before = _counts(path)
    for target in (path, path.parent / "sub" / ".." / path.name):
        (path.parent / "sub").mkdir(exist_ok=True)
        code, _, err = _cli(capsys, "--db", path, "backup", "--to", target)
        assert code == 2 and "database in use" in err
    assert _counts(path) == before and full_check(path).ok
    existing = tmp_path / "old-copy.db"
    existing.write_bytes(b"the office's other file")
    code, _, err = _cli(capsys, "--db", path, "backup", "--to", existing)
    assert code == 2 and "--overwrite" in err and existing.read_bytes() == b"the office's other file"
    assert _cli(capsys, "--db", path, "backup", "--to", existing, "--overwrite")[0] == 0
    assert _counts(existing)["talents"] == 300


def test_a_database_another_program_has_open_is_refused_as_a_backup_target(demo_db, tmp_path, capsys):
    from talentdesk.store.locking import DatabaseLock

    other = Database.open(tmp_path / "other.db")
    try:
        with DatabaseLock(other.path):
            code, _, err = _cli(capsys, "--db", demo_db.path, "backup", "--to", other.path, "--overwrite")
        assert code == 2 and "has open" in err
    finally:
        other.dispose()


_HOLDER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, sys.argv[3])
    from talentdesk.store.exclusive import lane_for
    with lane_for(sys.argv[1]).exclusive(sys.argv[2]):
        print("held", flush=True)
        time.sleep(1.5)
    print("released", flush=True)
""")


def test_a_writer_waits_for_a_backup_in_another_program_and_says_why(database, tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(database.path), "backup", str(ROOT)],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "held"
        told: list[str] = []
        database.wait_notice = told.append
        t0 = time.monotonic()
        from talentdesk.domain.models import Employer

        with database.session(Actor.local()) as s:
            s.add(Employer(name="等备份结束后写入"))
        waited = time.monotonic() - t0
    finally:
        proc.wait(10)
    assert waited > 0.8 and told and "backup" in told[0] and "running" in told[0]
    assert "等备份结束后写入" in {r.after or "" for r in audit_rows(database, table_name="employers")}.pop()


def test_a_backup_waits_for_a_writer_and_two_writers_do_not_fail(database):
    """In one process: a backup waits for the open unit of work; writers on two threads both succeed."""
    from talentdesk.domain.models import Employer

    order: list[str] = []
    inside = threading.Event()

    def writer():
        with database.session(Actor.local()) as s:
            s.add(Employer(name="慢的写入"))
            inside.set()
            time.sleep(0.5)
            order.append("writer committed")

    t = threading.Thread(target=writer)
    t.start()
    inside.wait(5)
    with database.session(Actor.local(), exclusive="backup") as s:
        order.append("backup started")
        result = backups.run_backup(s)
    t.join()
    assert order == ["writer committed", "backup started"]
    assert result.counts["employers"] == 1


# ------------------------------------------------------------------ 3. backups proven

def test_a_backup_is_compared_with_its_source_and_the_message_states_the_counts(demo_db, capsys):
    code, out, _ = _cli(capsys, "--db", demo_db.path, "backup")
    assert code == 0 and "300 talents" in out and "tables equal" in out


def test_a_backup_that_differs_from_its_source_is_discarded(demo_db, monkeypatch):
    real = backup_files.fingerprint
    calls = []

    def drifting(conn):
        fp = real(conn)
        calls.append(1)
        if len(calls) == 2:  # the copy: one talent fewer than the source, as if a page had been lost
            fp.counts["talents"] -= 1
        return fp

    monkeypatch.setattr(backup_files, "fingerprint", drifting)
    with pytest.raises(StorageError, match="talents: 300 ≠ 299"):
        backup_files.make_backup(demo_db.path)
    assert not list(backups_dir_for(demo_db.path).glob("*"))  # no file named like a backup, no .part


# ------------------------------------------------------------------ 4. a restore that cannot hurt

def _hollow(tmp_path) -> Path:
    path = tmp_path / "hollow.db"
    Database.open(path).dispose()  # the head schema, empty tables
    return path


def _edit(path: Path, *sql: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for q in sql:
            conn.execute(q)
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def test_bad_candidates_are_refused_before_anything_is_swapped(demo_db, tmp_path):
    good = backup_files.make_backup(demo_db.path).path
    no_payments = tmp_path / "no-payments.db"
    no_payments.write_bytes(good.read_bytes())
    _edit(no_payments, "PRAGMA foreign_keys=OFF", "DROP TABLE payments")
    broken_ledger = tmp_path / "broken-ledger.db"
    broken_ledger.write_bytes(good.read_bytes())
    _edit(broken_ledger, """INSERT INTO ledger_entries (grant_id, talent_id, kind, amount_fen, entry_date,
          fiscal_year, reverses_id, voucher_no, memo, created_at, created_by)
          SELECT grant_id, talent_id, 'reversal', -amount_fen + 1, entry_date, fiscal_year, id, '', '', created_at, 'x'
          FROM ledger_entries WHERE kind = 'due' LIMIT 1""")
    before = _counts(demo_db.path)
    n_backups = len(backup_files.list_backups(demo_db.path))
    for bad, reason in ((no_payments, "lacks tables"), (broken_ledger, "does not pass the checks")):
        with pytest.raises(InputFileError, match=reason):
            _restore(demo_db, bad)
    assert _counts(demo_db.path) == before and full_check(demo_db.path).ok
    assert len(backup_files.list_backups(demo_db.path)) == n_backups  # not even a safety backup was needed
    assert not backup_files.leftovers(demo_db.path)


def test_a_file_without_the_append_only_guards_is_restored_with_them(demo_db, tmp_path):
    good = backup_files.make_backup(demo_db.path).path
    unguarded = tmp_path / "unguarded.db"
    unguarded.write_bytes(good.read_bytes())
    _edit(unguarded, *[f"DROP TRIGGER {n}" for (n,) in sqlite3.connect(unguarded).execute(
        "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name IN ('ledger_entries','audit_entries')")])
    _restore(demo_db, unguarded)
    assert full_check(demo_db.path).ok  # the guards are back
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        _edit(demo_db.path, "DELETE FROM ledger_entries")


def test_a_hollow_file_is_restored_as_what_it_is_and_the_old_data_kept(demo_db, tmp_path):
    result = _restore(demo_db, _hollow(tmp_path))
    assert result.talents == 0 and _counts(demo_db.path)["talents"] == 0
    assert _counts(result.safety_backup)["talents"] == 300  # nothing lost: the previous database is a proven backup
    # the restore is recorded inside the restored file, from its first moment
    assert [r.summary for r in audit_rows(demo_db, action="restore")][-1].startswith("restored from hollow.db")
    with demo_db.session(Actor.local()) as s:  # and the program goes on working on it
        from talentdesk.domain.models import Employer

        s.add(Employer(name="恢复后"))


def test_leftovers_of_killed_runs_are_cleaned_at_the_next_start(database):
    folder = backups_dir_for(database.path)
    folder.mkdir(parents=True, exist_ok=True)
    left = [folder / "talentdesk-20261123-101010-000000-daily.db.part", folder / "x.db.part-journal",
            Path(str(database.path) + ".restoring"), Path(str(database.path) + ".restoring-journal")]
    for p in left:
        p.write_bytes(b"\0" * 4096)
    assert set(backup_files.leftovers(database.path)) == set(left)
    with lane_for(database.path).exclusive("backup"):
        pass
    from talentdesk.services.safety.startup import prepare_database

    with database.session(Actor.system(), exclusive="backup") as s:
        assert prepare_database(s).ok
    assert not any(p.exists() for p in left)


def test_leftovers_are_not_touched_while_a_backup_runs_in_another_program(database):
    part = backups_dir_for(database.path) / "talentdesk-20261123-101010-000000-manual.db.part"
    part.parent.mkdir(parents=True, exist_ok=True)
    part.write_bytes(b"\0")
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(database.path), "backup", str(ROOT)],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "held"
        assert backup_files.clean_leftovers(database.path) == [] and part.exists()
    finally:
        proc.wait(10)
    assert backup_files.clean_leftovers(database.path) == [part]


# ------------------------------------------------------------------ 6. no database from a typo

def test_init_creates_an_empty_database_and_other_commands_refuse_a_missing_one(tmp_path, capsys):
    typo = tmp_path / "typo-folder" / "talentdesk.db"
    for args in (("watch-list",), ("verify", "TD1|x|y"), ("export", "talents", tmp_path / "out.xlsx"), ("check",),
                 ("backup",), ("users", "list")):
        code, out, err = _cli(capsys, "--db", typo, *args)
        assert code == 2 and str(typo) in err and "default database" in err and "init" in err, args
    assert not typo.parent.exists()  # no folder, no empty database
    code, out, _ = _cli(capsys, "--db", typo, "init", "--json")
    assert code == 0 and json.loads(out)["path"] == str(typo) and _counts(typo)["talents"] == 0
    assert _cli(capsys, "--db", typo, "init")[0] == 1  # an existing database is never replaced
    assert _cli(capsys, "--db", typo, "watch-list")[0] == 0
    code, out, _ = _cli(capsys, "--db", tmp_path, "check", "--json")  # a folder
    assert code == 2 and "folder" in json.loads(out)["error"]
    text = tmp_path / "notes.txt"
    text.write_text("这不是数据库" * 200)
    code, _, err = _cli(capsys, "--db", text, "watch-list")
    assert code == 1 and "not a TalentDesk database" in err and "unexpectedly" not in err


# ------------------------------------------------------------------ 8. faults named, --json on every exit

@pytest.mark.parametrize("fault, words", [
    (sqlite3.OperationalError("attempt to write a readonly database"), "read-only"),
    (sqlite3.OperationalError("database is locked"), "locked"),
    (sqlite3.OperationalError("disk I/O error"), "read or write error"),
    (sqlite3.OperationalError("database or disk is full"), "disk is full"),
    (sqlite3.OperationalError("unable to open database file"), "cannot be opened"),
    (PermissionError(13, "Permission denied"), "read-only"),
])
def test_each_storage_fault_has_its_own_message_and_changes_nothing(db_path, capsys, monkeypatch, fault, words):
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm import Session

    before = _counts(db_path)

    def failing_commit(self):
        if isinstance(fault, sqlite3.Error):
            raise OperationalError("COMMIT", {}, fault)
        raise fault

    monkeypatch.setattr(Session, "commit", failing_commit)
    code, out, err = _cli(capsys, "--db", db_path, "demo", "--talents", "3", "--json")
    monkeypatch.undo()
    answer = json.loads(out)
    assert code == 1 and words in answer["error"] and "unexpectedly" not in answer["error"]
    assert _counts(db_path) == before


# ------------------------------------------------------------------ 5. no file before its commit

def _failing_commit(monkeypatch):
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm import Session

    def commit(self):
        raise OperationalError("COMMIT", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(Session, "commit", commit)


def test_a_failed_commit_leaves_no_certificate_and_no_export(demo_db, tmp_path, monkeypatch):
    from sqlalchemy import func, select

    from talentdesk.domain.models import Certificate, LedgerEntry
    from talentdesk.services.ledger.certificates import print_certificates
    from talentdesk.services.talents.exporter import export_talents

    with demo_db.session(Actor.local(), readonly=True) as s:
        year = s.scalar(select(func.max(LedgerEntry.fiscal_year)).where(LedgerEntry.kind == "payment"))
    out = tmp_path / "out"
    out.mkdir()
    pdf, xlsx = out / "证书.pdf", out / "名单.xlsx"
    _failing_commit(monkeypatch)
    with pytest.raises(StorageError, match="disk is full"):
        with demo_db.session(Actor.local()) as s:
            print_certificates(s, out_path=pdf, year=year)
    with pytest.raises(StorageError, match="disk is full"):
        with demo_db.session(Actor.local()) as s:
            export_talents(s, path=xlsx)
    monkeypatch.undo()
    assert list(out.iterdir()) == []  # no paper, no export, no temporary file
    with demo_db.session(Actor.local(), readonly=True) as s:
        assert s.scalar(select(func.count()).select_from(Certificate)) == 0  # no serial used either
    with demo_db.session(Actor.local()) as s:
        printed = print_certificates(s, out_path=pdf, year=year)
        assert not pdf.exists()  # the PDF is named as the serials commit, not before
    assert pdf.stat().st_size > 0 and printed.pages > 0
