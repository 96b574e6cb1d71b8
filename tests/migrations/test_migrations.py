"""The schema the program migrates to is exactly the models, and upgrades keep existing data."""
from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from talentdesk.store import db
from talentdesk.domain.models import Base
from talentdesk.services.base import Actor, Database


def NOT_MODELS(name, type_, parent_names):  # noqa: N802 - the same filter migrations/env.py uses
    return not (type_ == "table" and name and name.startswith("talents_fts"))


def test_models_and_migrations_agree(database):
    with database.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True, "include_name": NOT_MODELS}), Base.metadata)
    assert diff == []


def test_fresh_database_is_at_head_with_wal_and_triggers(db_path):
    database = Database.open(db_path)
    assert db.current_revision(database.engine) == db.head_revision()
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        triggers = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert {"trg_ledger_entries_no_update", "trg_audit_entries_no_delete"} <= triggers
    database.dispose()


def _first_revision() -> str:
    script = ScriptDirectory.from_config(db._alembic_config())
    return script.get_base()


def test_database_at_first_revision_with_data_upgrades_to_head_keeping_it(tmp_path):
    path = tmp_path / "old.db"
    engine = db.make_engine(path)
    db.upgrade(engine, _first_revision())
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO employers (id, name, name_pinyin, name_initials, kind, address, contact, phone, created_at, updated_at) "
            "VALUES (1, '县人民医院', 'xianrenminyiyuan', 'xrmyy', '医院', '', '', '', '2020-01-01', '2020-01-01')"
        )
        conn.exec_driver_sql(
            "INSERT INTO talents (id, name, name_pinyin, name_initials, gender, id_number, ethnicity, native_place, phone, "
            "email, education, degree, school, major, professional_title, tier_code, intro_mode, employer_id, post, "
            "important_post, arrival_date, service_years, status, departure_reason, departure_destination, "
            "clawback_waiver_reason, notes, created_at, updated_at) VALUES (1, '张三', 'zhangsan', 'zs', 'M', "
            "'110101199003076632', '汉族', '', '13800138000', '', 'master', 'master', '', '', '', 'C', 'full_time', 1, "
            "'医师', 0, '2021-07-01', 5, 'active', '', '', '', '', '2021-07-01', '2021-07-01')"
        )
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('office_name', '\"清水县人才办\"'), "
                             "('risk_threshold', '55')")
    engine.dispose()
    database = Database.open(path)
    assert db.current_revision(database.engine) == db.head_revision()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name, id_number FROM talents").fetchall() == [("张三", "110101199003076632")]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # the office's settings became its own county's (its file has one), read as before
        assert conn.execute("SELECT county_id, key, value FROM county_settings ORDER BY key").fetchall() == [
            (1, "office_name", '"清水县人才办"'), (1, "risk_threshold", "55")]
    from talentdesk.services.common import settings

    with database.session(Actor.local(), readonly=True) as s:
        assert settings.get_setting(s, "office_name") == "清水县人才办" and settings.get_setting(s, "risk_threshold") == 55
    if database.migration and database.migration.migrated:
        assert database.migration.backup is not None and database.migration.backup.exists()
    database.dispose()


def test_migration_backs_up_a_database_holding_data_before_upgrading(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    engine = db.make_engine(path)
    db.upgrade(engine, "head")
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM alembic_version")  # pretend the schema is behind
        conn.exec_driver_sql("INSERT INTO alembic_version VALUES ('0001')")
    engine.dispose()
    calls = []
    monkeypatch.setattr(db, "head_revision", lambda: "zzzz-newer")
    monkeypatch.setattr(db, "upgrade", lambda eng, rev="head": calls.append(rev))
    from talentdesk.store.migrate import migrate_to_head

    result = migrate_to_head(db.make_engine(path), path)
    assert calls == ["head"]
    assert result.backup is not None and result.backup.exists()
    from talentdesk.store.integrity import integrity_check

    assert integrity_check(result.backup) == []


def test_failed_migration_changes_nothing(tmp_path, monkeypatch):
    """Schema changes are all-or-nothing: an error after the whole upgrade ran inside the transaction leaves an
    empty database, not a half-migrated one."""
    import alembic.command

    path = tmp_path / "t.db"
    engine = db.make_engine(path)
    real = alembic.command.upgrade

    def upgrade_then_fail(cfg, revision):
        real(cfg, revision)
        raise RuntimeError("power cut")

    monkeypatch.setattr(alembic.command, "upgrade", upgrade_then_fail)
    with pytest.raises(RuntimeError):
        db.upgrade(engine)
    engine.dispose()
    with sqlite3.connect(path) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")]
    assert names == []


def test_the_head_a_build_records_is_alembics_head(tmp_path, monkeypatch):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "installer"))
    import build_data

    assert db.built_head() is None  # the source tree asks Alembic: its migrations change
    built = tmp_path / "migrations"
    shutil.copytree(db.migrations_dir(), built, ignore=shutil.ignore_patterns("__pycache__"))
    build_data.write_head(built, built)
    monkeypatch.setattr(db, "migrations_dir", lambda: built)
    assert db.built_head() == db.head_revision()


def test_a_built_program_opens_a_current_database_without_loading_alembic(db_path, tmp_path):
    """With the HEAD a build records (the wheel and the PyInstaller bundle carry one), a database at head is opened
    without importing Alembic (0.3–0.4 s of start-up). tests/delivery/test_wheel.py checks the same on the wheel."""
    import subprocess

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "installer"))
    import build_data

    built = tmp_path / "migrations"
    shutil.copytree(db.migrations_dir(), built, ignore=shutil.ignore_patterns("__pycache__"))
    build_data.write_head(built, built)
    code = ("import sys; import talentdesk.paths as p; from pathlib import Path; "
            f"p.migrations_dir = lambda: Path({str(built)!r}); "
            "import talentdesk.store.db as d; d.migrations_dir = p.migrations_dir; "
            "from talentdesk.services.base import Database; "
            f"x = Database.open(Path({str(db_path)!r})); print(x.migration.migrated, 'alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.split() == ["False", "False"]


def test_a_database_of_several_counties_keeps_its_settings_as_the_city_wide_values(tmp_path):
    """Upgraded from before settings per county: with several counties the stored settings are the city's."""
    path = tmp_path / "city.db"
    engine = db.make_engine(path)
    db.upgrade(engine, "counties_1")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO counties (id, code, name) VALUES (2, '330105', '拱墅区')")
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('office_name', '\"市人才办\"')")
    db.upgrade(engine, "head")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT key, value FROM settings").fetchall() == [("office_name", '"市人才办"')]
        assert conn.exec_driver_sql("SELECT count(*) FROM county_settings").scalar() == 0
    engine.dispose()
