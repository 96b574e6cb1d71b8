"""A real import writes on a second thread while its rows are still being checked (issue 18). What the clerk relies on
stays as it was: a roster refused late in the file leaves nothing behind (not the 10,000 rows already written, not
their employers, audit entries or watch-list rows); a cancelled import and a disk that fills up half-way change
nothing and leave no writer running; the watch list of a large import equals one worked out from scratch."""
from __future__ import annotations

import datetime as dt
import sqlite3
import sys
import threading

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from talentdesk.domain.errors import InputFileError, StorageError
from talentdesk.domain.models import AuditEntry, Employer, Talent, WatchSignal
from talentdesk.services import watch_signals
from talentdesk.services.base import Actor, Database
from talentdesk.services.talents import importer
from talentdesk.store.integrity import chain_problems
from tests.conftest import TODAY
from tests.talents.helpers import make_id, write_csv

HEAD = ["序号", "姓名", "性别", "公民身份号码", "学历", "人才类别", "工作单位", "报到时间", "服务期限", "状态", "离开日期"]
EMPLOYERS = ["县人民医院", "县第一中学", "县农业农村局", "县中医院", "某某科技有限公司"]


def _rows(n: int, *, start: int = 0) -> list[list]:
    """n people, each with a genuine ID number; every 7th has left (no signals), employers change along the file
    (new ones appear late, after several blocks were written)."""
    out = [HEAD]
    for i in range(start, start + n):
        birth = dt.date(1975, 1, 1) + dt.timedelta(days=i // 400)
        idn = make_id(birth, seq=(i % 400) * 2 + 1, region="330782")
        employer = EMPLOYERS[i % 5] if i < start + n - 300 else f"新单位{i % 3}"
        arrival = dt.date(2018, 1, 1) + dt.timedelta(days=i % 2500)
        left = i % 7 == 0
        out.append([i + 1, f"人才{i}", "男", idn, "本科", "B类" if i % 2 else "C", employer,
                    f"{arrival:%Y年%-m月%-d日}", "五年" if i % 3 else "3",
                    "离开" if left else "", (arrival + dt.timedelta(days=400)).isoformat() if left else ""])
    return out


def _state(database) -> dict:
    with database.session(Actor.local(), readonly=True) as s:
        conn = s.connection()
        return {"talents": s.scalar(select(func.count()).select_from(Talent)),
                "employers": s.scalar(select(func.count()).select_from(Employer)),
                "audit": s.scalar(select(func.count()).select_from(AuditEntry)),
                "signals": s.scalar(select(func.count()).select_from(WatchSignal)),
                "stored": sorted(map(repr, (tuple(r) for r in watch_signals.stored_rows(conn)))),
                "fresh": sorted(repr((r["talent_id"], r["code"], r["start_on"], r["end_on"], r["n"], r["v_date"],
                                      r["v_text"])) for r in watch_signals.all_rows(conn))}


def _chain_ok(db_path) -> list:
    con = sqlite3.connect(db_path)
    try:
        return chain_problems(con)[0]
    finally:
        con.close()


def _no_writer_left() -> bool:
    return not any(t.name == "talent-import-writer" for t in threading.enumerate())


def test_a_roster_refused_near_its_end_leaves_nothing_and_the_corrected_one_imports(database, local, tmp_path,
                                                                                    db_path):
    before = _state(database)
    rows = _rows(12_500)
    bad = [*rows[12_400]]
    bad[3] = bad[3][:-1] + ("1" if bad[3][-1] != "1" else "2")  # a wrong check digit, 12,400 rows down
    refused = write_csv(tmp_path / "refused.csv", [*rows[:12_400], bad, *rows[12_401:]])
    with database.session(local) as s:
        result = importer.import_talents(s, path=refused, today=TODAY)
    assert result.refused and result.imported == 0 and [r.row for r in result.rejected] == [12_401]
    assert result.valid_rows == 12_499 and sorted(result.new_employers) == sorted([*EMPLOYERS, "新单位0", "新单位1", "新单位2"])
    after = _state(database)
    assert after == before  # 10,000 rows had been written and moved in: all taken back, with their signals
    assert _chain_ok(db_path) == []
    assert _no_writer_left() and sys.getswitchinterval() == pytest.approx(0.005)

    good = write_csv(tmp_path / "good.csv", rows)
    with database.session(local) as s:
        result = importer.import_talents(s, path=good, today=TODAY)
    assert result.imported == 12_500 and result.rejected == []
    done = _state(database)
    assert done["talents"] == before["talents"] + 12_500
    assert done["employers"] == before["employers"] + 8
    assert done["stored"] == done["fresh"]  # the signals the import wrote equal the ones worked out from scratch
    with database.session(local, readonly=True) as s:
        ids = s.scalars(select(Talent.id).where(Talent.name.like("人才%")).order_by(Talent.id)).all()
        assert ids == list(range(ids[0], ids[0] + 12_500))  # in the file's order
        last = s.scalars(select(Talent).where(Talent.name == "人才12499")).one()
        assert s.get(Employer, last.employer_id).name == "新单位1" and last.status == "active"
        bulk = s.scalars(select(AuditEntry.summary).where(AuditEntry.action == "bulk")).all()
        assert len(bulk) == 7  # 2,000 rows an entry, as always
    assert _chain_ok(db_path) == []


def test_an_id_number_on_file_late_in_the_roster_refuses_all_of_it(database, local, tmp_path):
    first = write_csv(tmp_path / "first.csv", [HEAD, *_rows(12_000)[11_990:]])
    with database.session(local) as s:
        assert importer.import_talents(s, path=first, today=TODAY).imported == 11
    before = _state(database)
    with database.session(local) as s:
        result = importer.import_talents(s, path=write_csv(tmp_path / "all.csv", _rows(12_000)), today=TODAY)
    assert result.refused and {r.row for r in result.rejected} == set(range(11_991, 12_002))
    assert all("already on file" in r.message for r in result.rejected)
    assert _state(database) == before
    with database.session(local) as s:  # skipping them imports the others
        result = importer.import_talents(s, path=tmp_path / "all.csv", today=TODAY, skip_invalid=True)
    assert result.imported == 11_989 and len(result.rejected) == 11
    assert _state(database)["stored"] == _state(database)["fresh"]


def test_a_cancelled_import_changes_nothing_and_stops_its_writer(database, local, tmp_path):
    before = _state(database)
    path = write_csv(tmp_path / "r.csv", _rows(12_000))
    asked = []

    def abort() -> bool:
        asked.append(1)
        return len(asked) > 20  # after 10,000 rows were checked (asked every 500)

    with pytest.raises(InputFileError, match="cancelled"):
        with database.session(local) as s:
            importer.import_talents(s, path=path, today=TODAY, abort=abort)
    assert _state(database) == before
    assert _no_writer_left() and sys.getswitchinterval() == pytest.approx(0.005)


def test_a_disk_that_fills_up_while_writing_is_named_and_nothing_is_kept(database, local, tmp_path, monkeypatch):
    before = _state(database)
    real = importer.bulk_insert
    calls = []

    def filling(*a, **kw):
        calls.append(1)
        if len(calls) == 3:
            # as the driver's error reaches the unit of work (SQLAlchemy wraps it)
            raise OperationalError("INSERT INTO talents …", None, sqlite3.OperationalError("database or disk is full"))
        return real(*a, **kw)

    monkeypatch.setattr(importer, "bulk_insert", filling)
    with pytest.raises(StorageError, match="disk is full"):
        with database.session(local) as s:
            importer.import_talents(s, path=write_csv(tmp_path / "r.csv", _rows(9_000)), today=TODAY)
    assert _state(database) == before
    assert _no_writer_left() and sys.getswitchinterval() == pytest.approx(0.005)


def test_a_dry_run_of_a_large_roster_writes_nothing_and_starts_no_writer(database, local, tmp_path):
    before = _state(database)
    started = []
    monkeypatch_start = threading.Thread.start

    def watch_start(self):
        started.append(self.name)
        return monkeypatch_start(self)

    threading.Thread.start = watch_start
    try:
        with database.session(local) as s:
            result = importer.import_talents(s, path=write_csv(tmp_path / "r.csv", _rows(5_000)), today=TODAY,
                                             dry_run=True)
    finally:
        threading.Thread.start = monkeypatch_start
    assert result.valid_rows == 5_000 and result.imported == 0
    assert "talent-import-writer" not in started
    assert _state(database)["talents"] == before["talents"]


@pytest.mark.usefixtures("fresh_keys")
def test_a_large_import_into_an_encrypted_database_leaves_no_id_number_in_clear(db_path, local, tmp_path):
    """The rows pass through a temporary table and a second thread on their way in: the import works on an
    encrypted file as on a plain one, the file checks out, and neither the file, its WAL nor anything beside it
    holds an imported ID number in clear."""
    import os
    import subprocess

    from talentdesk.services.safety import encryption
    from talentdesk.store import cipher
    from talentdesk.store.integrity import full_check

    encryption.encrypt_file_in_place(db_path, os.urandom(32))
    assert cipher.is_encrypted(db_path)
    rows = _rows(12_000)
    database = Database.open(db_path)
    try:
        with database.session(local) as s:
            assert importer.import_talents(s, path=write_csv(tmp_path / "r.csv", rows), today=TODAY).imported == 12_000
        with database.session(local, readonly=True) as s:
            assert s.scalar(select(func.count()).select_from(Talent)) == 12_000
    finally:
        database.dispose()
    assert full_check(db_path).ok
    (tmp_path / "r.csv").unlink()
    found = subprocess.run(["grep", "-a", "-r", "-l", "-F", "-e", rows[5_000][3], "-e", rows[11_999][3],
                            str(db_path.parent)], capture_output=True, text=True)
    assert found.stdout == ""
