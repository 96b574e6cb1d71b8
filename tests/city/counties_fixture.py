"""A city database on a real PostgreSQL server with two counties (上城区 330102, 拱墅区 330105), a login role for
each and one for the city, and accounts: a city administrator, a clerk in each county."""
from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from talentdesk.services.base import Actor, Database
from talentdesk.services.city import counties
from talentdesk.services.safety import accounts

PASSWORD = "td-county-Pass-7"
A, B = "330102", "330105"


@dataclass
class City:
    owner_url: str
    roles: dict[str, str]                      # "a", "b", "city" → server login role
    urls: dict[str, str] = field(default_factory=dict)
    ids: dict[str, int] = field(default_factory=dict)  # county code → id
    opened: list = field(default_factory=list)

    def open(self, who: str) -> Database:
        database = Database.open(self.urls[who])
        self.opened.append(database)
        return database

    def login(self, database: Database, username: str) -> Actor:
        with database.session(Actor.system()) as s:
            result = accounts.authenticate(s, username=username, password=PASSWORD)
        assert result.ok, result.message
        return result.actor

    def raw(self, who: str):
        return create_engine(self.urls[who])


def build_city(pg_admin_url: str, pg_url: str) -> tuple[City, callable]:
    suffix = uuid.uuid4().hex[:8]
    roles = {k: f"td_{k}_{suffix}" for k in ("a", "b", "city")}
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for role in roles.values():
            conn.execute(text(f"CREATE ROLE \"{role}\" LOGIN PASSWORD '{PASSWORD}'"))
    city = City(pg_url, roles)
    base = make_url(pg_url)
    for k, role in roles.items():
        city.urls[k] = base.set(username=role, password=PASSWORD).render_as_string(hide_password=False)
    owner = Database.open(pg_url)
    try:
        with owner.session(Actor.local()) as s:
            city.ids[A] = counties.add_county(s, code=A, name="上城区").id
            city.ids[B] = counties.add_county(s, code=B, name="拱墅区").id
            counties.map_role(s, role=roles["a"], county=A)
            counties.map_role(s, role=roles["b"], county=B)
            counties.map_role(s, role=roles["city"], city=True)
            accounts.create_user(s, username="city_admin", password=PASSWORD, role="admin", city=True)
        with owner.session(city.login(owner, "city_admin")) as s:
            accounts.create_user(s, username="clerk_a", password=PASSWORD, role="clerk", county=A)
            accounts.create_user(s, username="clerk_b", password=PASSWORD, role="clerk", county=B)
            accounts.create_user(s, username="admin_a", password=PASSWORD, role="admin", county=A)
    finally:
        owner.dispose()

    def cleanup() -> None:
        for database in city.opened:
            database.dispose()
        in_db = create_engine(make_url(pg_admin_url).set(database=base.database), isolation_level="AUTOCOMMIT")
        with in_db.connect() as conn:
            # the connections just closed may still be ending on the server: wait for them (a CREATEROLE owner that
            # is not a superuser, as CI's, may not terminate another role's backend on PostgreSQL 15)
            live = "SELECT count(*) FROM pg_stat_activity WHERE usename = ANY(:r)"
            for _ in range(50):
                if not conn.execute(text(live), {"r": list(roles.values())}).scalar():
                    break
                time.sleep(0.1)
            else:
                conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ANY(:r)"),
                             {"r": list(roles.values())})
            for role in roles.values():
                try:
                    conn.execute(text(f'DROP OWNED BY "{role}" CASCADE'))
                except ProgrammingError:
                    # PostgreSQL 15 lets a CREATEROLE (not superuser) owner, as CI's, create the role but not drop
                    # what it holds: the owner takes back each grant it made instead (the roles own nothing)
                    for what in ("ALL TABLES IN SCHEMA public", "ALL SEQUENCES IN SCHEMA public",
                                 "ALL FUNCTIONS IN SCHEMA public", "SCHEMA public", f'DATABASE "{base.database}"'):
                        conn.execute(text(f'REVOKE ALL ON {what} FROM "{role}"'))
        in_db.dispose()
        with admin.connect() as conn:
            for role in roles.values():
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()

    return city, cleanup
