"""Restore: a valid backup replaces the database after a safety backup; a wrong file changes nothing."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from talentdesk.store import backup_files
from talentdesk.store.integrity import integrity_check
from talentdesk.cli import main as cli_main
from talentdesk.domain.enums import Role
from talentdesk.domain.errors import InputFileError, PermissionDenied
from talentdesk.domain.models import Employer
from talentdesk.services.safety import backups
from talentdesk.services.base import Actor

from tests.conftest import make_actor
from tests.safety.safety_helpers import audit_rows


def _employers(database):
    with database.session(Actor.system(), readonly=True) as s:
        return sorted(e.name for e in s.query(Employer))


def _fingerprint(database):
    conn = database.engine.raw_connection()
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def test_restore_brings_back_the_backup_and_keeps_a_safety_copy(database):
    with database.session(Actor.local()) as s:
        s.add(Employer(name="备份前的单位"))
    good = backup_files.make_backup(database.path).path
    with database.session(Actor.local()) as s:
        s.add(Employer(name="备份后误录的单位"))
    result = _restore(database, Actor.local(), source=good)
    assert _employers(database) == ["备份前的单位"]
    assert result.safety_backup.exists()
    conn = sqlite3.connect(result.safety_backup)
    assert conn.execute("SELECT count(*) FROM employers").fetchone()[0] == 2
    conn.close()
    assert audit_rows(database, action="restore")
    with database.session(Actor.local()) as s:  # the database keeps working after the swap
        s.add(Employer(name="恢复后新录入"))
    assert len(_employers(database)) == 2


def _execute(path, sql: str) -> None:
    """One statement committed in the SQLite file at path (created if missing), behind the program's back."""
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def _wrong_files(tmp_path, database):
    text = tmp_path / "notes.db"
    text.write_text("这不是数据库")
    other = tmp_path / "other.db"
    _execute(other, "CREATE TABLE t (x)")
    newer = tmp_path / "newer.db"
    shutil.copyfile(backup_files.make_backup(database.path).path, newer)
    _execute(newer, "UPDATE alembic_version SET version_num = 'future_99'")
    damaged = tmp_path / "damaged.db"
    shutil.copyfile(backup_files.make_backup(database.path).path, damaged)
    size = damaged.stat().st_size
    with open(damaged, "r+b") as fh:  # scribble over pages in the middle of the file
        fh.seek(size // 2)
        fh.write(b"\xff" * 8192)
    return {"text": (text, "not a TalentDesk database"), "other": (other, "not a TalentDesk one"),
            "newer": (newer, "newer or unknown version"), "damaged": (damaged, "damaged|cannot be read"),
            "missing": (tmp_path / "missing.db", "does not exist"), "itself": (database.path, "in use")}


def test_a_wrong_file_is_refused_with_a_reason_and_nothing_changes(database, tmp_path):
    with database.session(Actor.local()) as s:
        s.add(Employer(name="现有单位"))
    cases = _wrong_files(tmp_path, database)
    before, n_backups = _fingerprint(database), len(backup_files.list_backups(database.path))
    for name, (path, reason) in cases.items():
        with pytest.raises(InputFileError, match=reason):
            _restore(database, Actor.local(), source=path)
    assert _fingerprint(database) == before
    assert len(backup_files.list_backups(database.path)) == n_backups  # refused before even the safety backup
    assert _employers(database) == ["现有单位"]


def test_only_admins_restore(database):
    good = backup_files.make_backup(database.path).path
    for role in (Role.CLERK, Role.APPROVER, Role.VIEWER):
        with pytest.raises(PermissionDenied):
            _restore(database, make_actor(role), source=good)
    assert len(audit_rows(database, action="denied")) == 3


def test_cli_restore_refuses_a_wrong_file_with_exit_2_and_restores_a_good_one(db_path, tmp_path, capsys):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00" * 4096)
    assert cli_main(["--lang", "en", "--db", str(db_path), "restore", str(junk)]) == 2
    assert "not a TalentDesk database" in capsys.readouterr().err
    assert cli_main(["--lang", "en", "--db", str(db_path), "backup"]) == 0
    made = backup_files.list_backups(db_path)[0].path
    assert cli_main(["--lang", "en", "--db", str(db_path), "restore", str(made), "--json"]) == 0
    assert '"safety_backup"' in capsys.readouterr().out


def test_cli_restore_is_refused_while_the_window_has_the_database_open(db_path, capsys):
    from talentdesk.store.locking import DatabaseLock

    assert cli_main(["--lang", "en", "--db", str(db_path), "backup"]) == 0
    made = backup_files.list_backups(db_path)[0].path
    capsys.readouterr()
    with DatabaseLock(db_path):
        assert cli_main(["--lang", "en", "--db", str(db_path), "restore", str(made)]) == 1
    assert "already open" in capsys.readouterr().err
    assert len(backup_files.list_backups(db_path)) == 1  # refused before the safety backup


def test_a_damaged_database_is_set_aside_and_replaced_by_the_good_backup(demo_db):
    good = backup_files.make_backup(demo_db.path).path
    demo_db.dispose()
    conn = sqlite3.connect(demo_db.path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size = demo_db.path.stat().st_size
    with open(demo_db.path, "r+b") as fh:
        fh.seek((size // 4096 // 2) * 4096)
        fh.write(b"\x07" * 4096 * 4)
    result = _restore(demo_db, Actor.system(), source=good)
    assert result.safety_backup.name.endswith(".broken") and result.safety_backup.stat().st_size == size
    from talentdesk.store.integrity import full_check

    assert full_check(demo_db.path).ok


def test_the_backup_before_an_import_is_named_for_it(database):
    path = backup_files.make_backup(database.path, reason="pre-import").path
    assert path.exists() and backup_files.list_backups(database.path)[0].reason == "pre-import"


def _restore(database, actor, source):
    with database.session(actor, exclusive="restore") as s:
        return backups.restore(s, source=source)
