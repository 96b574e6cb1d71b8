"""A server database is backed up with pg_dump (checked before it is named) and restored with pg_restore into an
empty database only, where the full check runs; the restored database equals the original table by table."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from talentdesk.services.base import Actor, Database
from talentdesk.store import move as mv
from talentdesk.store import pgtools

from tests.city.server import drop_database

pytestmark = pytest.mark.skipif(pgtools.find_tool("pg_dump") is None or pgtools.find_tool("pg_restore") is None,
                                reason="pg_dump / pg_restore are not installed")


def _cli(*args, home: Path, cwd: Path):
    env = {**os.environ, "TALENTDESK_HOME": str(home), "TALENTDESK_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "talentdesk.cli", *args], env=env, cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=600, stdin=subprocess.DEVNULL)


@pytest.fixture
def second_db(pg_admin_url, pg_url):
    """Another empty database owned by the same role as `pg_url`'s."""
    admin = make_url(pg_admin_url)
    owner = make_url(pg_url).username
    name = f"td_{uuid.uuid4().hex[:10]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" OWNER "{owner}"'))
    yield make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    with engine.connect() as conn:
        drop_database(conn, name)
    engine.dispose()


def test_backup_and_restore_of_a_server_database(pg_url, second_db, tmp_path):
    from talentdesk.services.common.demo import generate_demo

    database = Database.open(pg_url)
    with database.session(Actor.local()) as s:
        generate_demo(s, talents=40, seed=6, as_of=dt.date(2026, 11, 23))
    before = mv.figures(database.engine)
    database.dispose()
    home = tmp_path / "home"
    dump = tmp_path / "county.dump"
    r = _cli("--db", pg_url, "backup", "--to", str(dump), home=home, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert dump.is_file() and not list(tmp_path.glob("*.part"))
    assert {"talents", "ledger_entries", "chain_links"} <= pgtools.data_tables_in(dump)
    assert make_url(pg_url).password not in r.stdout + r.stderr
    # restored into an empty database: the full check passes and every table equals the original
    r = _cli("--db", second_db, "restore", str(dump), home=home, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "the full check passes" in r.stdout
    restored = create_engine(second_db)
    assert mv.figures(restored) == before
    restored.dispose()
    # never over data: a second restore into it is refused, and a file that is no backup is refused
    again = _cli("--db", second_db, "restore", str(dump), home=home, cwd=tmp_path)
    assert again.returncode == 1 and "already holds data" in again.stderr
    junk = tmp_path / "junk.dump"
    junk.write_bytes(b"not a backup")
    r = _cli("--db", second_db, "restore", str(junk), home=home, cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr and "Reading the backup failed" in r.stderr
