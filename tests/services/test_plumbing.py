"""Actor, permissions and the audit trail: each lives in one place and no service can forget them."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from sqlalchemy import select

from talentdesk.domain.enums import Role
from talentdesk.domain.errors import PermissionDenied
from talentdesk.domain.models import AuditEntry, Employer, Setting
from talentdesk.services.common import settings
from talentdesk.services.talents import registry
from talentdesk.services.base import Actor, Permission, ROLE_PERMISSIONS, operation

from tests.conftest import make_actor


def _audit(database):
    cols = [c for c in AuditEntry.__table__.columns]
    with database.session(Actor.local(), readonly=True) as s:
        return s.execute(select(*cols).order_by(AuditEntry.id)).all()


def test_every_insert_update_and_delete_is_audited_with_before_and_after(database):
    actor = make_actor(Role.CLERK, user_id=7, username="wang")
    with database.session(actor) as s:
        e = Employer(name="县人民医院", kind="医院")
        s.add(e)
    with database.session(actor) as s:
        e = s.scalar(select(Employer))
        e.phone = "0571-1234567"
    with database.session(actor) as s:
        s.delete(s.scalar(select(Employer)))
    rows = [a for a in _audit(database) if a.table_name == "employers"]
    assert [a.action for a in rows] == ["insert", "update", "delete"]
    assert len({a.record_id for a in rows}) == 1 and rows[0].record_id not in ("", None)
    assert all(a.actor_name == "wang" and a.actor_id == 7 for a in rows)
    assert json.loads(rows[0].after)["name"] == "县人民医院"
    assert json.loads(rows[1].before) == {"phone": ""}
    assert json.loads(rows[1].after) == {"phone": "0571-1234567"}
    assert json.loads(rows[2].before)["phone"] == "0571-1234567"


def test_audit_is_written_in_the_same_transaction_as_the_change(database, local):
    with pytest.raises(RuntimeError):
        with database.session(local) as s:
            s.add(Employer(name="会回滚的单位"))
            s.flush()
            raise RuntimeError("crash before commit")
    assert [a for a in _audit(database) if a.table_name == "employers"] == []


def test_a_write_without_an_actor_is_impossible(database):
    from talentdesk.services.base import AuditedSession

    s = AuditedSession(database.engine)
    s.add(Employer(name="无名氏"))
    with pytest.raises(RuntimeError, match="actor"):
        s.flush()
    s.rollback()
    s.close()


def test_passwords_never_reach_the_audit_trail(database, local):
    from talentdesk.domain.models import User

    with database.session(local) as s:
        s.add(User(username="li", role="clerk", password_hash="$argon2id$secret"))
    (row,) = [a for a in _audit(database) if a.table_name == "users"]
    assert "secret" not in row.after and json.loads(row.after)["password_hash"] == "***"


def test_a_denied_operation_is_refused_and_recorded(database):
    viewer = make_actor(Role.VIEWER, user_id=3, username="guest")
    with pytest.raises(PermissionDenied):
        with database.session(viewer) as s:
            settings.set_setting(s, key="office_name", value="某县人才办")
    with database.session(Actor.local(), readonly=True) as s:
        assert settings.get_setting(s, "office_name") == settings.DEFAULTS["office_name"]
    denied = [a for a in _audit(database) if a.action == "denied"]
    assert len(denied) == 1 and denied[0].actor_name == "guest" and "settings.manage" in denied[0].summary


def test_operations_declare_permission_changes_and_their_lane():
    from talentdesk.services.base import Change, Lane

    @operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS,))
    def rename(session, *, talent_id: int) -> int:
        return talent_id

    @operation(Permission.TALENT_READ)
    def look(session) -> int:
        return 1

    assert rename.permission is Permission.TALENT_WRITE
    assert rename.changes == frozenset({Change.TALENTS}) and rename.lane is Lane.WRITE
    assert look.lane is Lane.READ and look.changes == frozenset()


def test_an_operation_that_changes_data_must_say_it_writes():
    from talentdesk.services.base import Change

    with pytest.raises(TypeError):
        operation(Permission.TALENT_WRITE, changes=(Change.TALENTS,))
    with pytest.raises(ValueError):
        operation(Permission.TALENT_WRITE, writes=True, changes=("talentz",))


def test_a_write_in_a_read_only_unit_of_work_raises_and_changes_nothing(database):
    from talentdesk.services.base import ReadOnlyViolation, record_event
    from talentdesk.domain.enums import AuditAction

    before = len(_audit(database))
    with pytest.raises(ReadOnlyViolation):
        with database.session(Actor.local(), readonly=True) as s:
            record_event(s, AuditAction.EXPORT, summary="an export declared as a read")
    with pytest.raises(ReadOnlyViolation):
        with database.session(Actor.local(), readonly=True) as s:
            s.add(Setting(key="office_name", value='"x"'))
            s.flush()
    assert len(_audit(database)) == before
    with database.session(Actor.local()) as s:  # the same pooled connection writes again in a writing unit
        settings.set_setting(s, key="office_name", value="某县人才办")
    with database.session(Actor.local(), readonly=True) as s:
        assert settings.get_setting(s, "office_name") == "某县人才办"


def test_a_call_is_bound_to_a_declared_operation():
    from talentdesk.services.base import Lane, call

    c = call(settings.set_setting, key="office_name", value="x")
    assert c.lane is Lane.WRITE and c.kwargs == {"key": "office_name", "value": "x"}
    with pytest.raises(TypeError):
        call(lambda s: None).lane


def test_roles_grant_what_the_office_expects():
    assert ROLE_PERMISSIONS[Role.ADMIN] >= ROLE_PERMISSIONS[Role.CLERK]
    assert Permission.LEDGER_APPROVE not in ROLE_PERMISSIONS[Role.CLERK]
    assert Permission.LEDGER_APPROVE in ROLE_PERMISSIONS[Role.APPROVER]
    assert Permission.TALENT_SENSITIVE not in ROLE_PERMISSIONS[Role.VIEWER]
    assert all(not p.value.endswith((".write", ".record", ".approve")) for p in ROLE_PERMISSIONS[Role.VIEWER])


def test_viewers_see_masked_id_and_phone_numbers(demo_db):
    viewer = make_actor(Role.VIEWER)
    with demo_db.session(viewer, readonly=True) as s:
        page = registry.search_talents(s, limit=5)
    with demo_db.session(make_actor(Role.CLERK), readonly=True) as s:
        full = registry.search_talents(s, limit=5)
    for masked, clear in zip(page.rows, full.rows):
        assert "*" in masked.id_number and masked.id_number[:4] == clear.id_number[:4]
        assert masked.id_number[-4:] == clear.id_number[-4:] and "*" not in clear.id_number
        assert "*" in masked.phone


def test_settings_have_defaults_and_remember_changes(session):
    assert settings.get_setting(session, "checkin_cadence_days") == 30
    settings.set_setting(session, key="office_name", value="青田县人才工作领导小组办公室")
    assert settings.get_setting(session, "office_name") == "青田县人才工作领导小组办公室"
    assert "certificate_key" not in settings.all_settings(session)


def test_dates_in_audit_are_iso_strings(database, local):
    from talentdesk.domain.models import TrainingProgram

    with database.session(local) as s:
        s.add(TrainingProgram(year=2026, name="岗前培训", start_date=dt.date(2026, 3, 1)))
    (row,) = [a for a in _audit(database) if a.table_name == "training_programs"]
    assert json.loads(row.after)["start_date"] == "2026-03-01"


def test_orm_bulk_statements_are_audited_too(database, local):
    from sqlalchemy import insert, update

    with database.session(local) as s:
        s.execute(insert(Employer), [{"name": "甲单位"}, {"name": "乙单位"}])
        s.execute(update(Employer).where(Employer.name == "甲单位").values(phone="123"))
    bulk = [a for a in _audit(database) if a.action == "bulk"]
    assert [a.table_name for a in bulk] == ["employers", "employers"]
    assert json.loads(bulk[0].after)["rows"] == 2 and "update" in bulk[1].summary


def test_bulk_insert_stores_and_audits_exactly_as_the_core_executemany(tmp_path, _template_db, local, monkeypatch):
    """services.base.bulk_insert (multi-row statements on SQLite, for the import's speed) writes the same rows —
    dates, flags, blanks — and the same audit entry as session.execute(insert(table), rows)."""
    import shutil

    from sqlalchemy import insert

    from talentdesk.domain.models import Talent
    from talentdesk.services.base import Database, bulk_insert

    def person(i: int) -> dict:
        return {"name": f"张{i}", "name_pinyin": f"zhang{i}", "name_initials": "z", "gender": "MF"[i % 2],
                "id_number": f"33078219850101{i:03d}X", "birth_date": dt.date(1985, 1, 1), "ethnicity": "汉族",
                "native_place": "", "phone": f"1380000{i:04d}", "email": "", "education": "bachelor",
                "degree": "none", "school": "", "major": "", "professional_title": "", "tier_code": "C",
                "intro_mode": "full_time", "employer_id": None, "post": "", "important_post": i % 3 == 0,
                "arrival_date": dt.date(2020, 3, 1) + dt.timedelta(days=i), "service_years": 5,
                "service_end_date": None if i % 4 == 0 else dt.date(2025, 3, 1), "status": "active",
                "departure_date": None, "departure_reason": "", "departure_destination": "",
                "clawback_waiver_reason": "", "notes": "备注\n第二行" if i % 5 == 0 else "", "exit_reason_id": None}

    rows = [person(i) for i in range(2_500)]  # more rows than one SQLite statement may carry
    stored = []
    for how in ("core", "bulk", "bulk-old-sqlite"):
        if how == "bulk-old-sqlite":  # SQLite before 3.32 takes 999 parameters a statement: many small statements
            from talentdesk.store import db as dbmod

            monkeypatch.setattr(dbmod, "variable_limit", lambda _conn: 999)
        path = tmp_path / f"{how}.db"
        shutil.copyfile(_template_db, path)
        database = Database.open(path)
        try:
            with database.session(local) as s:
                if how == "core":
                    s.execute(insert(Talent.__table__), [dict(r) for r in rows])
                else:
                    bulk_insert(s, Talent.__table__, [dict(r) for r in rows])
            con = database.engine.raw_connection()
            try:
                cur = con.execute("SELECT * FROM talents ORDER BY id")
                names = [d[0] for d in cur.description]
                talents = cur.fetchall()
                audit = con.execute("SELECT actor_name, action, table_name, record_id, before, after, summary "
                                    "FROM audit_entries ORDER BY id").fetchall()
                found = con.execute("SELECT rowid FROM talents_fts WHERE talents_fts MATCH '\"13800001234\"'").fetchall()
            finally:
                con.close()
            # the times differ from run to run; their form (microseconds, as SQLAlchemy writes them) must not
            clock = [i for i, c in enumerate(names) if c in ("created_at", "updated_at")]
            times = [tuple(re.sub(r"\d", "9", r[i]) for i in clock) for r in talents]
            stored.append(([tuple(v for i, v in enumerate(r) if i not in clock) for r in talents], times, audit, found))
        finally:
            database.dispose()
    assert len(stored[0][0]) == 2_500 and stored[0][3] == [(1235,)]
    assert stored[0][1][0] == ("9999-99-99 99:99:99.999999",) * 2
    assert stored[0] == stored[1] == stored[2]
