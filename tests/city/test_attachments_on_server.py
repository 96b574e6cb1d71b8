"""Attachments on a server database: the bytes are stored in PostgreSQL (attachment_contents), opened as a read-only
temporary copy under the original name, refused clearly over the size limit, removed with their attachment, kept by
a pg_dump backup and its restore, and carried by `move` both ways (file ↔ server) with their checksums."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from talentdesk.domain.errors import StorageError, ValidationError
from talentdesk.domain.models import AttachmentContent, Talent
from talentdesk.services.base import Actor, Database
from talentdesk.services.talents import attachments
from talentdesk.store import db as dbmod
from talentdesk.store import move as mv
from talentdesk.store import pgtools

from tests.city.server import drop_database

SCAN = b"%PDF-1.4\n" + bytes(range(256)) * 4000 + b"\n%%EOF\n"  # a ~1 MB "scan" with every byte value


def _demo(database, talents=6):
    from talentdesk.services.common.demo import generate_demo

    with database.session(Actor.local()) as s:
        generate_demo(s, talents=talents, seed=3, as_of=dt.date(2026, 11, 23))
        return s.scalars(select(Talent.id).order_by(Talent.id)).first()


def _scan(tmp_path, name="毕业证书 张三.PDF", data=SCAN) -> Path:
    path = tmp_path / "incoming" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.fixture
def server(pg_url):
    database = Database.open(pg_url)
    yield database
    database.dispose()


def test_an_attachment_is_stored_in_the_server_database_and_opened_as_a_read_only_copy(server, tmp_path):
    tid = _demo(server)
    source = _scan(tmp_path)
    with server.session(Actor.local()) as s:
        row = attachments.add_attachment(s, talent_id=tid, source=source, kind="diploma")
    source.unlink()  # nothing on this PC is needed any more: another clerk's PC opens it from the server
    with server.engine.connect() as conn:
        stored = conn.execute(text("SELECT content FROM attachment_contents WHERE attachment_id = :i"),
                              {"i": row.id}).scalar()
        kind = conn.execute(text("SELECT data_type FROM information_schema.columns WHERE table_name = "
                                 "'attachment_contents' AND column_name = 'content'")).scalar()
    assert bytes(stored) == SCAN and kind == "bytea"
    with server.session(Actor.local(), readonly=True) as s:
        listed = attachments.list_attachments(s, talent_id=tid)
        copy = Path(attachments.open_copy(s, attachment_id=row.id, temp_root=tmp_path / "temp"))
    assert [(r.filename, r.size, r.kind) for r in listed] == [("毕业证书 张三.PDF", len(SCAN), "diploma")]
    assert copy.name == "毕业证书 张三.PDF" and copy.read_bytes() == SCAN
    assert not os.stat(copy).st_mode & stat.S_IWRITE  # the viewer cannot change it
    # removed with its attachment, bytes and all
    with server.session(Actor.local()) as s:
        attachments.remove_attachment(s, attachment_id=row.id)
    with server.session(Actor.local(), readonly=True) as s:
        assert s.scalar(select(func.count()).select_from(AttachmentContent)) == 0
        assert attachments.list_attachments(s, talent_id=tid) == []


def test_a_file_over_the_server_limit_is_refused_with_the_limit_and_nothing_changes(server, tmp_path):
    tid = _demo(server)
    big = tmp_path / "扫描件.tif"
    with open(big, "wb") as f:  # sparse: the size is what counts, nothing is read before the refusal
        f.truncate(attachments.SERVER_MAX_BYTES + 1)
    with server.session(Actor.local()) as s, pytest.raises(ValidationError) as err:
        attachments.add_attachment(s, talent_id=tid, source=big)
    assert "at most 50 MB" in err.value.message and "扫描件.tif" in err.value.message
    with server.session(Actor.local(), readonly=True) as s:
        assert attachments.list_attachments(s, talent_id=tid) == []


@pytest.mark.skipif(pgtools.find_tool("pg_dump") is None or pgtools.find_tool("pg_restore") is None,
                    reason="pg_dump / pg_restore are not installed")
def test_a_server_backup_keeps_the_attachments_bytes(server, pg_url, tmp_path, pg_admin_url):
    import uuid

    from sqlalchemy.engine import make_url

    tid = _demo(server)
    with server.session(Actor.local()) as s:
        row = attachments.add_attachment(s, talent_id=tid, source=_scan(tmp_path))
    dump = tmp_path / "county.dump"
    r = _cli("--db", pg_url, "backup", "--to", str(dump), home=tmp_path / "home", cwd=tmp_path)  # pg_dump
    assert r.returncode == 0, r.stderr
    assert "attachment_contents" in pgtools.data_tables_in(dump)
    admin = create_engine(make_url(pg_admin_url), isolation_level="AUTOCOMMIT")
    name = f"td_{uuid.uuid4().hex[:10]}"
    owner = make_url(pg_url).username
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" OWNER "{owner}"'))
    second = make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    try:
        r = _cli("--db", second, "restore", str(dump), home=tmp_path / "home", cwd=tmp_path)
        assert r.returncode == 0, r.stdout + r.stderr
        restored = Database.open(second)
        with restored.session(Actor.local(), readonly=True) as s:
            copy = Path(attachments.open_copy(s, attachment_id=row.id, temp_root=tmp_path / "temp"))
        restored.dispose()
        assert copy.read_bytes() == SCAN
    finally:
        with admin.connect() as conn:
            drop_database(conn, name)
        admin.dispose()


def _cli(*args, home: Path, cwd: Path):
    import subprocess
    import sys

    env = {**os.environ, "TALENTDESK_HOME": str(home), "TALENTDESK_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "talentdesk.cli", *args], env=env, cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=600, stdin=subprocess.DEVNULL)


def test_move_carries_the_attachments_from_a_file_to_the_server_and_back(pg_url, tmp_path):
    county = tmp_path / "county" / "county.db"
    county.parent.mkdir()
    database = Database.open(county)
    tid = _demo(database)
    other = b"\x89PNG\r\n\x1a\n" + os.urandom(200_000)
    with database.session(Actor.local()) as s:
        first = attachments.add_attachment(s, talent_id=tid, source=_scan(tmp_path), kind="diploma")
        second = attachments.add_attachment(s, talent_id=tid, source=_scan(tmp_path, "合同.png", other))
    database.dispose()
    r = _cli("move", "--from", str(county), "--to", pg_url, home=tmp_path / "home", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "attachment_contents" in r.stdout  # its figures are listed with the other tables'
    server = Database.open(pg_url)
    with server.session(Actor.local(), readonly=True) as s:
        copies = {a: Path(attachments.open_copy(s, attachment_id=a, temp_root=tmp_path / "t1")).read_bytes()
                  for a in (first.id, second.id)}
    assert copies == {first.id: SCAN, second.id: other}
    assert {f.table: f for f in mv.figures(server.engine)} == \
        {f.table: f for f in mv.figures(dbmod.make_engine(county))}
    # and back to a new file in another folder: the bytes are files in its data folder again
    back = tmp_path / "back" / "back.db"
    back.parent.mkdir()
    r = _cli("move", "--from", pg_url, "--to", str(back), home=tmp_path / "home", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    server.dispose()
    stored = back.parent / "attachments" / hashlib.sha256(other).hexdigest()[:2] / hashlib.sha256(other).hexdigest()
    assert stored.read_bytes() == other
    moved_back = Database.open(back)
    with moved_back.session(Actor.local(), readonly=True) as s:
        copy = Path(attachments.open_copy(s, attachment_id=first.id, temp_root=tmp_path / "t2"))
        assert s.scalar(select(func.count()).select_from(AttachmentContent)) == 0  # a file keeps no bytes inside
    moved_back.dispose()
    assert copy.read_bytes() == SCAN and copy.name == "毕业证书 张三.PDF"


def test_a_move_with_a_missing_attachment_file_is_refused_and_nothing_is_copied(pg_url, tmp_path):
    county = tmp_path / "county.db"
    database = Database.open(county)
    tid = _demo(database)
    with database.session(Actor.local()) as s:
        row = attachments.add_attachment(s, talent_id=tid, source=_scan(tmp_path))
        stored = Path(attachments.attachment_file(s, attachment_id=row.id))
    database.dispose()
    stored.unlink()
    r = _cli("move", "--from", str(county), "--to", pg_url, home=tmp_path / "home", cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "毕业证书 张三.PDF" in r.stderr and "missing from the data folder" in r.stderr
    assert mv.data_in(create_engine(pg_url)) == {}


def test_opening_an_attachment_listed_without_its_bytes_says_so(server, tmp_path):
    """A server database moved before the bytes were stored there lists the attachment; opening it names why."""
    tid = _demo(server)
    with server.session(Actor.local()) as s:
        row = attachments.add_attachment(s, talent_id=tid, source=_scan(tmp_path))
    with server.engine.begin() as conn:
        conn.execute(text("DELETE FROM attachment_contents"))
    with server.session(Actor.local(), readonly=True) as s, pytest.raises(StorageError) as err:
        attachments.open_copy(s, attachment_id=row.id, temp_root=tmp_path / "temp")
    assert "Add it again" in err.value.message
