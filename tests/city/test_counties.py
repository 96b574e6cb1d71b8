"""Counties in one database on a real PostgreSQL server: a county's account sees and changes its own county only —
through the services and through raw SQL on its own connection (row-level security) — and a city account reads
every county and changes none of their records."""
from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from talentdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from talentdesk.services.base import Actor, Database
from talentdesk.services.city import counties
from talentdesk.services.talents import records
from tests.city.counties_fixture import A, B
from tests.talents.helpers import make_id, talent_values


def _add_talent(city, who: str, username: str, **values):
    database = city.open(who)
    actor = city.login(database, username)
    with database.session(actor) as s:
        return records.create_talent(s, values=talent_values(**values)).id


def test_a_county_account_sees_and_changes_only_its_county(city):
    same_person = make_id(seq=321)
    a_id = _add_talent(city, "a", "clerk_a", name="王芳", id_number=same_person)
    b_id = _add_talent(city, "b", "clerk_b", name="王芳", id_number=same_person)  # the same ID number, another county
    b_only = _add_talent(city, "b", "clerk_b", name="赵六", id_number=make_id(seq=455))

    database = city.open("a")
    actor = city.login(database, "clerk_a")
    assert actor.county_id == city.ids[A] and not actor.city
    with database.session(actor, readonly=True) as s:
        assert records.get_talent(s, talent_id=a_id).name == "王芳"
        for other in (b_id, b_only):
            with pytest.raises(NotFound):
                records.get_talent(s, talent_id=other)
    with pytest.raises(NotFound), database.session(actor) as s:
        detail_values = talent_values(name="改名", id_number=make_id(seq=455))
        records.update_talent(s, talent_id=b_only, values=detail_values, expected_version=1)

    # raw SQL on county A's own connection: row-level security shows and changes A's rows only
    raw = city.raw("a")
    try:
        with raw.begin() as conn:
            rows = conn.execute(text("SELECT id, county_id FROM talents ORDER BY id")).all()
            assert rows == [(a_id, city.ids[A])]
            assert conn.execute(text("UPDATE talents SET notes = 'x' WHERE id = :i"), {"i": b_only}).rowcount == 0
            assert conn.execute(text("DELETE FROM talents WHERE id = :i"), {"i": b_id}).rowcount == 0
            # widening by setting the narrowing variable gains nothing
            conn.execute(text("SELECT set_config('td.county', :c, true)"), {"c": str(city.ids[B])})
            assert conn.execute(text("SELECT count(*) FROM talents")).scalar() == 0
        with pytest.raises((DBAPIError, ProgrammingError)) as refused, raw.begin() as conn:
            conn.execute(text("UPDATE talents SET county_id = :b WHERE id = :i"), {"b": city.ids[B], "i": a_id})
        assert "row-level security" in str(refused.value)
        with pytest.raises((DBAPIError, ProgrammingError)), raw.begin() as conn:
            conn.execute(text("SELECT * FROM county_roles"))
        with pytest.raises((DBAPIError, ProgrammingError)), raw.begin() as conn:
            conn.execute(text("INSERT INTO county_roles (role_name, county_id) VALUES (current_user, NULL)"))
        with raw.connect() as conn:  # the ledger and the audit trail of B are invisible, too
            assert conn.execute(text("SELECT count(*) FROM audit_entries WHERE county_id <> :a"),
                                {"a": city.ids[A]}).scalar() == 0
            assert conn.execute(text("SELECT count(*) FROM users")).scalar() == 2  # clerk_a, admin_a
    finally:
        raw.dispose()

    # county B's role sees its two, untouched
    raw_b = city.raw("b")
    try:
        with raw_b.connect() as conn:
            assert conn.execute(text("SELECT name, notes FROM talents ORDER BY id")).all() == [("王芳", ""),
                                                                                                ("赵六", "")]
    finally:
        raw_b.dispose()


def test_a_city_account_reads_every_county_and_changes_none(city):
    a_id = _add_talent(city, "a", "clerk_a", name="钱七", id_number=make_id(seq=611))
    b_id = _add_talent(city, "b", "clerk_b", name="孙八", id_number=make_id(seq=613))
    database = city.open("city")
    actor = city.login(database, "city_admin")
    assert actor.city and actor.county_id is None
    with database.session(actor, readonly=True) as s:
        assert {records.get_talent(s, talent_id=i).name for i in (a_id, b_id)} == {"钱七", "孙八"}
    with pytest.raises(PermissionDenied) as refused, database.session(actor) as s:
        records.create_talent(s, values=talent_values(name="周九", id_number=make_id(seq=615)))
    assert "city account" in refused.value.message
    with pytest.raises(PermissionDenied), database.session(actor) as s:
        d = records.get_talent(s, talent_id=a_id)
        records.update_talent(s, talent_id=a_id, values={**d.editable_values(), "post": "主任"}, expected_version=1)
    raw = city.raw("city")
    try:
        with raw.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM talents")).scalar() == 2
    finally:
        raw.dispose()


def test_a_county_admin_makes_accounts_of_its_own_county_only(city):
    from talentdesk.services.safety import accounts

    database = city.open("a")
    actor = city.login(database, "admin_a")
    with database.session(actor) as s:
        row = accounts.create_user(s, username="viewer_a", password="td-county-Pass-7", role="viewer")
    assert row.county_id == city.ids[A]
    with pytest.raises(PermissionDenied), database.session(actor) as s:
        accounts.create_user(s, username="x_b", password="td-county-Pass-7", role="viewer", county=B)
    with pytest.raises(PermissionDenied), database.session(actor) as s:
        accounts.create_user(s, username="x_city", password="td-county-Pass-7", role="viewer", city=True)
    with database.session(actor, readonly=True) as s:
        assert {u.username for u in accounts.list_users(s)} == {"clerk_a", "admin_a", "viewer_a"}


def test_bad_county_codes_and_roles_get_a_clear_message(city):
    owner = Database.open(city.owner_url)
    try:
        with owner.session(Actor.local()) as s:
            for bad in ("33010", "3301025", "33O102", ""):
                with pytest.raises(ValidationError, match="6 digits"):
                    counties.add_county(s, code=bad, name="某县")
            with pytest.raises(NotFound, match="no county with code 999999"):
                counties.map_role(s, role=city.roles["a"], county="999999")
            with pytest.raises(NotFound, match="no login role"):
                counties.map_role(s, role="nobody_here", county=A)
            with pytest.raises(ValidationError):
                counties.map_role(s, role="x; DROP TABLE talents", county=A)
        with owner.session(Actor.local(), readonly=True) as s:
            assert [c.code for c in counties.list_counties(s)] == ["000000", A, B]
    finally:
        owner.dispose()


def test_the_city_commands_set_up_counties_and_refuse_bad_codes(pg_url, tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "TALENTDESK_HOME": str(tmp_path / "home"), "TALENTDESK_LANG": "en"}

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "talentdesk.cli", "--db", pg_url, *args], env=env,
                              capture_output=True, text=True, encoding="utf-8", timeout=300,
                              stdin=subprocess.DEVNULL)

    assert cli("init").returncode == 0
    r = cli("city", "add-county", "33010", "某县")
    assert r.returncode != 0 and "6 digits" in r.stderr and "Traceback" not in r.stderr
    r = cli("city", "add-county", "330102", "上城区")
    assert r.returncode == 0, r.stderr
    r = cli("city", "grant-role", "nobody_here", "--county", "330102")
    assert r.returncode != 0 and "no login role" in r.stderr and "Traceback" not in r.stderr
    r = cli("city", "grant-role", "x", "--county", "999999")
    assert r.returncode != 0 and "no county with code 999999" in r.stderr
    r = cli("city", "set-county", "000000", "--code", "330105", "--name", "拱墅区")
    assert r.returncode == 0, r.stderr
    r = cli("city", "counties", "--json")
    import json

    assert [(c["code"], c["name"]) for c in json.loads(r.stdout)] == [("330102", "上城区"), ("330105", "拱墅区")]
