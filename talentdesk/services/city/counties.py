"""The counties of a city's database, and which server login role works for which county.

A county office's own file has one county (the home county, id 1, code 000000 until set); nobody is asked about it.
A city's server database has one per county office: `add_county` (6-digit administrative division code and name),
then `map_role` gives a PostgreSQL login role to a county (or to the city, which reads every county) and the table
privileges it needs. The row-level security of store/scope.py does the rest. See docs/city.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.domain.errors import Conflict, NotFound, PermissionDenied, RuleViolation, ValidationError
from talentdesk.domain.models import County, CountyRole
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Permission, actor_of, operation, record_event, session_county
from talentdesk.domain.enums import AuditAction

_CODE = re.compile(r"^[0-9]{6}$")
_ROLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]{0,62}$")
HOME_CODE = "000000"


@dataclass(frozen=True, slots=True)
class CountyRow:
    id: int
    code: str
    name: str
    roles: tuple[str, ...] = ()


def check_code(code: str) -> str:
    """A county's code: the 6 digits of its administrative division code (行政区划代码), e.g. 330102."""
    text = (code or "").strip()
    if not _CODE.match(text):
        raise ValidationError(translate(
            "Counties", "A county code is the 6 digits of its administrative division code (for example 330102); "
                        "\"{code}\" is not.").format(code=text[:20]), field="code")
    return text


def _check_name(name: str) -> str:
    text = (name or "").strip()
    if not text or len(text) > 60:
        raise ValidationError(translate("Counties", "A county's name has 1 to 60 characters."), field="name")
    return text


def county_by_code(session: Session, code: str) -> County:
    wanted = check_code(code)
    county = session.scalar(select(County).where(County.code == wanted))
    if county is None:
        known = ", ".join(c for (c,) in session.execute(select(County.code).order_by(County.code)))
        raise NotFound(translate("Counties", "There is no county with code {code} in this database (it has: "
                                             "{known}).").format(code=wanted, known=known or "—"), field="county")
    return county


def account_county(session: Session, *, county: str | None, city: bool) -> int | None:
    """The county a new account works for (None: a city account), as `create_user` asks: the code given, else the
    creating account's county, else the database's own. A county's account makes accounts of its own county only."""
    actor = actor_of(session)
    if city and county:
        raise ValidationError(translate("Counties", "An account works either for a county or for the city, not "
                                                    "both."), field="county")
    if city:
        if actor.county_id is not None:
            raise PermissionDenied(translate(
                "Counties", "Only a city administrator makes city accounts."), permission="county.city",
                operation="accounts.create_user")
        return None
    if county:
        found = county_by_code(session, county).id
        if actor.county_id is not None and found != actor.county_id:
            raise PermissionDenied(translate(
                "Counties", "Your account works for its own county: it makes accounts of that county only."),
                permission="county.scope", operation="accounts.create_user")
        return found
    if actor.county_id is not None:
        return actor.county_id
    own = session_county(session) if not actor.city else None
    if own is None:
        raise ValidationError(translate(
            "Counties", "This database holds several counties: name the county the account works for (its 6-digit "
                        "code), or make it a city account."), field="county")
    return own


def _rows(session: Session) -> list[CountyRow]:
    roles: dict[int | None, list[str]] = {}
    if session.get_bind().dialect.name != "postgresql" or _is_owner(session):
        for name, cid in session.execute(select(CountyRole.role_name, CountyRole.county_id)):
            roles.setdefault(cid, []).append(name)
    return [CountyRow(c.id, c.code, c.name, tuple(sorted(roles.get(c.id, ()))))
            for c in session.scalars(select(County).order_by(County.code))]


def _is_owner(session: Session) -> bool:
    return bool(session.connection().exec_driver_sql(
        "SELECT pg_has_role(current_user, (SELECT tableowner FROM pg_tables WHERE tablename = 'county_roles' "
        "AND schemaname = current_schema()), 'MEMBER')").scalar())


@operation(None)
def list_counties(session: Session) -> list[CountyRow]:
    return _rows(session)


def _refuse_county_account(session: Session, what: str) -> None:
    actor = actor_of(session)
    if actor.county_id is not None:
        raise PermissionDenied(translate("Counties", "Only the city's administrator manages the counties."),
                               permission="county.manage", operation=what)


@operation(Permission.USER_MANAGE, writes=True, changes=(Change.SETTINGS,))
def add_county(session: Session, *, code: str, name: str) -> CountyRow:
    """A new county in a city's server database. A county office's own file keeps its one county."""
    _refuse_county_account(session, "counties.add_county")
    code, name = check_code(code), _check_name(name)
    if session.get_bind().dialect.name == "sqlite":
        raise RuleViolation(translate(
            "Counties", "A database file on one PC is one county's office. Several counties share a city's server "
                        "database (see docs/city.md)."))
    if session.scalar(select(County.id).where(County.code == code)) is not None:
        raise Conflict(translate("Counties", "There is already a county with code {code}.").format(code=code),
                       field="code")
    county = County(code=code, name=name)
    session.add(county)
    session.flush()
    record_event(session, AuditAction.INSERT, table="counties", record_id=str(county.id),
                 after={"code": code, "name": name}, summary=f"county {code} {name}")
    return CountyRow(county.id, code, name)


@operation(Permission.USER_MANAGE, writes=True, changes=(Change.SETTINGS,))
def set_county(session: Session, *, code: str, new_code: str | None = None, name: str | None = None) -> CountyRow:
    """Give a county its real code or a new name (the home county of a moved office file starts as 000000)."""
    _refuse_county_account(session, "counties.set_county")
    county = county_by_code(session, code)
    before = {"code": county.code, "name": county.name}
    if new_code is not None:
        new_code = check_code(new_code)
        if new_code != county.code and session.scalar(select(County.id).where(County.code == new_code)) is not None:
            raise Conflict(translate("Counties", "There is already a county with code {code}.").format(
                code=new_code), field="code")
        county.code = new_code
    if name is not None:
        county.name = _check_name(name)
    session.flush()
    record_event(session, AuditAction.UPDATE, table="counties", record_id=str(county.id), before=before,
                 after={"code": county.code, "name": county.name}, summary=f"county {county.code} {county.name}")
    return CountyRow(county.id, county.code, county.name)


COUNTY_GRANTS = "SELECT, INSERT, UPDATE, DELETE"


@operation(Permission.USER_MANAGE, writes=True, changes=(Change.USERS,))
def map_role(session: Session, *, role: str, county: str | None = None, city: bool = False) -> CountyRow | None:
    """A PostgreSQL login role works for a county (or, `city=True`, reads every county): recorded in county_roles
    and given the table privileges it needs — the county tables (row-level security keeps it to its county), the
    shared reference tables, the sequences; never county_roles itself. Only the database's owner can do this."""
    _refuse_county_account(session, "counties.map_role")
    if session.get_bind().dialect.name != "postgresql":
        raise RuleViolation(translate(
            "Counties", "Server login roles belong to a PostgreSQL database; a database file has none."))
    if bool(county) == bool(city):
        raise ValidationError(translate("Counties", "Name the county the role works for (its 6-digit code), or "
                                                    "make it the city's."), field="county")
    name = (role or "").strip()
    if not _ROLE.match(name):
        raise ValidationError(translate(
            "Counties", "\"{role}\" is not a server login role's name (letters, digits and _ only).").format(
            role=name[:63]), field="role")
    conn = session.connection()
    if not _is_owner(session):
        raise PermissionDenied(translate(
            "Counties", "Only the database's owner gives server roles to counties: connect as the owner."),
            permission="county.roles", operation="counties.map_role")
    target = None if city else county_by_code(session, county)
    if conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).scalar() is None:
        raise NotFound(translate(
            "Counties", "The server has no login role named {role}. Create it first (CREATE ROLE {role} LOGIN "
                        "PASSWORD '…'), then give it to the county.").format(role=name), field="role")
    existing = session.get(CountyRole, name)
    before = {"county_id": existing.county_id} if existing is not None else None
    if existing is None:
        session.add(CountyRole(role_name=name, county_id=target.id if target else None))
    else:
        existing.county_id = target.id if target else None
    session.flush()
    quoted = conn.dialect.identifier_preparer.quote(name)
    database = conn.dialect.identifier_preparer.quote(conn.exec_driver_sql("SELECT current_database()").scalar())
    schema = conn.dialect.identifier_preparer.quote(conn.exec_driver_sql("SELECT current_schema()").scalar())
    conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {database} TO {quoted}")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {schema} TO {quoted}")
    tables = [t for (t,) in conn.exec_driver_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")]
    for table in tables:
        if table == "county_roles":
            conn.exec_driver_sql(f"REVOKE ALL ON county_roles FROM {quoted}")
        elif table in ("counties", "alembic_version"):
            conn.exec_driver_sql(f"GRANT SELECT ON {table} TO {quoted}")
        else:  # county tables (row-level security keeps the role to its county), the chain, the shared tables
            conn.exec_driver_sql(f"GRANT {COUNTY_GRANTS} ON {table} TO {quoted}")
    conn.exec_driver_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {quoted}")
    from talentdesk.store import scope

    conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {', '.join(scope.FUNCTIONS)} TO {quoted}")
    record_event(session, AuditAction.UPDATE, table="county_roles", record_id=name, before=before,
                 after={"county": target.code if target else "city"},
                 summary=f"server role {name} works for {target.code if target else 'the city'}")
    return CountyRow(target.id, target.code, target.name, (name,)) if target else None


def county_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(County)) or 0
