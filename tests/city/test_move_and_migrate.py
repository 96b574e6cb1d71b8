"""Moving a whole database SQLite → PostgreSQL and back (counts and checksums, never over data), and a database
at the first schema revision, holding data, upgraded to head on PostgreSQL."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from talentdesk.services.base import Actor, Database
from talentdesk.services.common import settings
from talentdesk.store import db as dbmod
from talentdesk.store import move as mv

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args, home: Path, cwd: Path):
    env = {**os.environ, "TALENTDESK_HOME": str(home), "TALENTDESK_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "talentdesk.cli", *args], env=env, cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=600, stdin=subprocess.DEVNULL)


@pytest.fixture
def county_file(tmp_path):
    from talentdesk.services.common.demo import generate_demo

    path = tmp_path / "county.db"
    database = Database.open(path)
    with database.session(Actor.local()) as s:
        generate_demo(s, talents=80, seed=4, as_of=dt.date(2026, 11, 23))
    database.dispose()
    return path


def test_a_county_file_moves_to_the_server_and_back_identical(county_file, pg_url, tmp_path):
    home = tmp_path / "home"
    r = _cli("move", "--from", str(county_file), "--to", pg_url, home=home, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "every table's row count and checksum match" in r.stdout
    assert make_password(pg_url) not in r.stdout + r.stderr
    on_file = {f.table: f for f in mv.figures(dbmod.make_engine(county_file))}
    server = create_engine(pg_url)
    on_server = {f.table: f for f in mv.figures(server)}
    assert on_file == on_server and on_file["talents"].rows == 80 and on_file["ledger_entries"].rows > 0
    # the moved database works: the full check passes and a clerk adds a record (ids continue after the copied ones)
    from talentdesk.store.integrity import server_check

    assert server_check(server, "server").ok
    database = Database.open(pg_url)
    with database.session(Actor.local()) as s:
        from talentdesk.domain.models import Employer

        s.add(Employer(name="新单位", name_pinyin="xindanwei", name_initials="xdw", kind="企业"))
        s.flush()
    database.dispose()
    # a second move into it is refused: it holds data now, and nothing is written
    again = _cli("move", "--from", str(county_file), "--to", pg_url, home=home, cwd=tmp_path)
    assert again.returncode == 1 and "already holds data" in again.stderr and "Traceback" not in again.stderr
    # and back to a new file: identical to the server, row for row
    back = tmp_path / "back.db"
    r = _cli("move", "--from", pg_url, "--to", str(back), home=home, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert {f.table: f for f in mv.figures(dbmod.make_engine(back))} == {f.table: f for f in mv.figures(server)}
    server.dispose()
    check = _cli("--db", str(back), "check", home=home, cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr


def make_password(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).password


def test_a_move_onto_itself_or_from_nowhere_is_refused(county_file, tmp_path):
    home = tmp_path / "home"
    r = _cli("move", "--from", str(county_file), "--to", str(county_file), home=home, cwd=tmp_path)
    assert r.returncode == 2 and "the same database" in r.stderr
    r = _cli("move", "--from", str(tmp_path / "none.db"), "--to", str(tmp_path / "x.db"), home=home, cwd=tmp_path)
    assert r.returncode == 2 and "There is no database" in r.stderr and not (tmp_path / "x.db").exists()


def test_first_revision_with_data_upgrades_to_head_on_postgresql(pg_url):
    from alembic.script import ScriptDirectory

    from talentdesk.services.talents import records

    first = next(iter(ScriptDirectory.from_config(dbmod._alembic_config()).walk_revisions("base", "heads")),
                 None)
    revisions = list(ScriptDirectory.from_config(dbmod._alembic_config()).walk_revisions())
    first = revisions[-1].revision
    engine = create_engine(pg_url)
    dbmod.upgrade(engine, first)
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO employers (id, name, name_pinyin, name_initials, kind, address, contact, phone, created_at, "
            "updated_at) VALUES (1, '县人民医院', 'xianrenminyiyuan', 'xrmyy', '医院', '', '', '', '2020-01-01', "
            "'2020-01-01')"))
        conn.execute(text(
            "INSERT INTO talents (id, name, name_pinyin, name_initials, gender, id_number, ethnicity, native_place, "
            "phone, email, education, degree, school, major, professional_title, tier_code, intro_mode, employer_id, "
            "post, important_post, arrival_date, service_years, status, departure_reason, departure_destination, "
            "clawback_waiver_reason, notes, created_at, updated_at) VALUES (1, '张三', 'zhangsan', 'zs', 'M', "
            "'110101199003076632', '汉族', '', '13800138000', '', 'master', 'master', '', '', '', 'C', 'full_time', "
            "1, '医师', false, '2021-07-01', 5, 'active', '', '', '', '', '2021-07-01', '2021-07-01')"))
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('office_name', '\"清水县人才办\"')"))
    engine.dispose()
    database = Database.open(pg_url)
    try:
        assert dbmod.current_revision(database.engine) == dbmod.head_revision()
        with database.session(Actor.local(), readonly=True) as s:
            detail = records.get_talent(s, talent_id=1)
        assert (detail.name, detail.id_number, detail.version) == ("张三", "110101199003076632", 1)
        with database.session(Actor.local()) as s:  # after the upgrade the record is edited as usual
            saved = records.update_talent(s, talent_id=1, values={**detail.editable_values(), "post": "主任医师"},
                                          expected_version=1)
        assert saved.version == 2 and saved.post == "主任医师"
        with database.session(Actor.local(), readonly=True) as s:  # the one county's settings became its own
            assert settings.get_setting(s, "office_name") == "清水县人才办"
            assert s.execute(text("SELECT county_id, key FROM county_settings")).all() == [(1, "office_name")]
            assert s.execute(text("SELECT count(*) FROM settings")).scalar() == 0
    finally:
        database.dispose()
