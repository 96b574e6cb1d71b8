"""Settings per county on a real PostgreSQL server: a county's account reads its county's value, else the city-wide
value, else the default, and saves its own county's values only; a city account edits the city-wide defaults; raw SQL
on a county's own connection can neither read nor write another county's settings, nor write the city-wide ones."""
from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from talentdesk.domain.errors import PermissionDenied
from talentdesk.domain.models import AuditEntry, Setting
from talentdesk.services.common import settings
from talentdesk.services.safety import accounts
from tests.city.counties_fixture import A, B, PASSWORD


def _admin_b(city) -> None:
    database = city.open("city")
    with database.session(city.login(database, "city_admin")) as s:
        accounts.create_user(s, username="admin_b", password=PASSWORD, role="admin", county=B)


def test_each_county_reads_its_own_then_the_city_value_then_the_default(city):
    _admin_b(city)
    on_city = city.open("city")
    with on_city.session(city.login(on_city, "city_admin")) as s:
        assert settings.settings_scope(s).city
        settings.save_settings(s, values={"office_name": "杭州市人才工作领导小组办公室", "risk_threshold": 60})
    on_a, on_b = city.open("a"), city.open("b")
    admin_a = city.login(on_a, "admin_a")
    with on_a.session(admin_a) as s:
        scope = settings.settings_scope(s)
        assert (scope.city, scope.county_code, scope.county_name, scope.shared) == (False, A, "上城区", True)
        assert settings.office_settings(s)["office_name"] == "杭州市人才工作领导小组办公室"  # the city's, inherited
        after = settings.save_settings(s, values={"office_name": "上城区人才办", "risk_threshold": 45})
    assert after["office_name"] == "上城区人才办" and after["risk_threshold"] == 45
    with on_b.session(city.login(on_b, "admin_b")) as s:
        values = settings.office_settings(s)
        assert values["office_name"] == "杭州市人才工作领导小组办公室" and values["risk_threshold"] == 60
        assert values["commitment_notice_days"] == 183  # nobody set it: the built-in default
        settings.save_settings(s, values={"office_name": "拱墅区人才办"})
    with on_a.session(admin_a, readonly=True) as s:
        assert settings.get_setting(s, "office_name") == "上城区人才办"
        assert settings.get_setting(s, "risk_threshold") == 45
    with on_city.session(city.login(on_city, "city_admin"), readonly=True) as s:  # the city's own stay as they were
        values = settings.office_settings(s)
        assert values["office_name"] == "杭州市人才工作领导小组办公室" and values["risk_threshold"] == 60
        entries = s.execute(select(AuditEntry.table_name, AuditEntry.county_id, AuditEntry.summary).where(
            AuditEntry.table_name.in_(("settings", "county_settings")), AuditEntry.record_id == "office_name")
            .order_by(AuditEntry.id)).all()
    # each change says whose setting it was
    assert [(e[0], e[1]) for e in entries] == [
        ("settings", None), ("county_settings", city.ids[A]), ("county_settings", city.ids[B])]
    assert "330102" in entries[1][2] and "上城区" in entries[1][2]
    assert "330105" in entries[2][2] and "拱墅区" in entries[2][2]
    assert "330102" not in entries[0][2] and "office_name" in entries[0][2]


def test_a_county_account_never_writes_the_city_wide_settings(city):
    on_a = city.open("city")  # a county account on the city's connection: the program's line holds
    admin_a = city.login(on_a, "admin_a")
    with pytest.raises(PermissionDenied) as refused:
        with on_a.session(admin_a) as s:
            s.add(Setting(key="office_name", value='"全市"'))
            s.flush()
    assert "city" in refused.value.message or "市" in refused.value.message
    with on_a.session(admin_a, readonly=True) as s:
        assert s.get(Setting, "office_name") is None


def test_raw_sql_on_a_county_connection_keeps_to_its_own_settings(city):
    _admin_b(city)
    on_b = city.open("b")
    with on_b.session(city.login(on_b, "admin_b")) as s:
        settings.save_settings(s, values={"office_name": "拱墅区人才办"})
    on_city = city.open("city")
    with on_city.session(city.login(on_city, "city_admin")) as s:
        settings.save_settings(s, values={"office_name": "市人才办"})
    raw = city.raw("a")
    try:
        with raw.begin() as conn:  # A sees the city-wide value and none of B's
            assert conn.execute(text("SELECT key, county_id FROM county_settings")).all() == []
            assert conn.execute(text("SELECT value FROM settings WHERE key = 'office_name'")).scalar() == '"市人才办"'
            assert conn.execute(text("UPDATE county_settings SET value = '\"x\"'")).rowcount == 0
            assert conn.execute(text("DELETE FROM county_settings")).rowcount == 0
            assert conn.execute(text("DELETE FROM settings")).rowcount == 0  # the city's: read, never written
            assert conn.execute(text("UPDATE settings SET value = '\"x\"'")).rowcount == 0
        for sql in ("INSERT INTO settings (key, value) VALUES ('risk_threshold', '1')",
                    f"INSERT INTO county_settings (county_id, key, value) VALUES ({city.ids[B]}, 'risk_threshold', '1')",
                    f"UPDATE county_settings SET county_id = {city.ids[B]}"):
            with pytest.raises((DBAPIError, ProgrammingError)) as refused, raw.begin() as conn:
                conn.execute(text(f"INSERT INTO county_settings (county_id, key, value) VALUES "
                                  f"({city.ids[A]}, 'risk_threshold', '50')"))
                conn.execute(text(sql))
            assert "row-level security" in str(refused.value)
        with raw.begin() as conn:  # its own county's values it may write
            conn.execute(text(f"INSERT INTO county_settings (county_id, key, value) VALUES "
                              f"({city.ids[A]}, 'risk_threshold', '50')"))
    finally:
        raw.dispose()
    raw_city = city.raw("city")
    try:
        with raw_city.connect() as conn:
            rows = conn.execute(text("SELECT county_id, key, value FROM county_settings ORDER BY county_id")).all()
            assert rows == [(city.ids[A], "risk_threshold", "50"), (city.ids[B], "office_name", '"拱墅区人才办"')]
            assert conn.execute(text("SELECT value FROM settings WHERE key = 'office_name'")).scalar() == '"市人才办"'
    finally:
        raw_city.dispose()
