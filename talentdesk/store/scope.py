"""Counties in one database: which tables hold a county's rows, and PostgreSQL's row-level security over them.

Two lines hold a county's records apart (docs/city.md, "Counties"):

1. The services (services/base.py): every unit of work reads only its account's county (a loader criterion on
   every county-owned model), stamps new rows with it, and refuses to change another county's row; a city account
   reads every county and changes no county's records.
2. PostgreSQL: every county-owned table has ROW LEVEL SECURITY enabled *and forced* (the owner too), with one
   policy: a row is visible and writable when its county is among `td_visible_counties(current_user)`. That definer
   function reads `county_roles` (login role → county, NULL = the city), which only the owner can read or change.
   The owner and city roles see every county; a county's role its own; any other role nothing. A county role that
   runs its own SQL on its own connection still sees and changes only its county's rows.

   The program also sets `td.county` for the transaction of a county account (`SELECT set_config('td.county', …,
   true)`); the function only *narrows* by it, never widens, so a client that sets it gains nothing. It makes the
   raw-SQL reports of a county account on a city or owner connection keep to that county too.

A SQLite file is one county's office (its home county, id 1): there is nothing to enforce between counties.
"""
from __future__ import annotations

from sqlalchemy.engine import Connection

SCOPE_SETTING = "td.county"

NULLABLE = ("users", "audit_entries")
"""County-scoped tables whose county may be NULL: the city's accounts and what they did."""


def county_tables() -> tuple[str, ...]:
    """Every table with a `county_id` column that belongs to the county (county_roles is the mapping itself)."""
    from talentdesk.domain.models import Base

    return tuple(sorted(t.name for t in Base.metadata.sorted_tables
                        if "county_id" in t.c and t.name != "county_roles"))


def _schema(conn: Connection) -> str:
    return conn.exec_driver_sql("SELECT current_schema()").scalar() or "public"


def _quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote(name)


def functions_sql(schema: str) -> list[str]:
    """The definer functions the policies call. `current_user` inside a SECURITY DEFINER function is its owner (the
    database's owner, who ran the migration), so the caller's role is passed in by the policy."""
    from talentdesk.store.chain import CHAINED

    path = f"SET search_path = {schema}, pg_temp"
    chained = ", ".join(f"'{c.table}'" for c in CHAINED)
    return [
        f"""
CREATE OR REPLACE FUNCTION td_visible_counties(who name) RETURNS integer[]
LANGUAGE plpgsql STABLE SECURITY DEFINER {path} AS $$
DECLARE
    mapped boolean;
    mine integer;
    seen integer[];
    narrow text := current_setting('{SCOPE_SETTING}', true);
BEGIN
    SELECT true, county_id INTO mapped, mine FROM county_roles WHERE role_name = who;
    IF who = current_user OR pg_has_role(who, current_user, 'MEMBER') OR (mapped AND mine IS NULL) THEN
        seen := ARRAY(SELECT id FROM counties);          -- the owner, or a city role: every county
    ELSIF mapped THEN
        seen := ARRAY[mine];                             -- a county's role: its own
    ELSE
        seen := '{{}}';                                  -- anyone else: nothing
    END IF;
    IF narrow IS NOT NULL AND narrow <> '' THEN          -- the program narrows a county account's transaction
        seen := ARRAY(SELECT unnest(seen) INTERSECT SELECT narrow::integer);
    END IF;
    RETURN seen;
END $$""",
        f"""
CREATE OR REPLACE FUNCTION td_sees_city(who name) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER {path} AS $$
DECLARE
    narrow text := current_setting('{SCOPE_SETTING}', true);
BEGIN
    IF narrow IS NOT NULL AND narrow <> '' THEN
        RETURN false;
    END IF;
    RETURN who = current_user OR pg_has_role(who, current_user, 'MEMBER')
        OR EXISTS (SELECT 1 FROM county_roles WHERE role_name = who AND county_id IS NULL);
END $$""",
        f"""
CREATE OR REPLACE FUNCTION td_role_county(who name) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
    SELECT county_id FROM county_roles WHERE role_name = who
$$""",
        f"""
CREATE OR REPLACE FUNCTION td_chained_rows_present(tbl text, ids bigint[]) RETURNS bigint[]
LANGUAGE plpgsql STABLE SECURITY DEFINER {path} AS $$
DECLARE
    found bigint[];
BEGIN
    IF tbl NOT IN ({chained}) THEN
        RAISE EXCEPTION 'td_chained_rows_present: not a table of the hash chain';
    END IF;                                              -- (no percent sign: the driver reads it as a placeholder)
    EXECUTE 'SELECT COALESCE(array_agg(id), ''{{}}'') FROM ' || quote_ident(tbl) || ' WHERE id = ANY($1)'
        INTO found USING ids;
    RETURN found;
END $$""",
        "REVOKE ALL ON county_roles FROM PUBLIC",
    ]


def policy_sql(table: str) -> list[str]:
    # a scalar subquery (cast, so ANY reads it as one array): the function runs once per statement, not per row
    visible = "county_id = ANY (CAST((SELECT td_visible_counties(current_user)) AS integer[]))"
    if table in NULLABLE:
        visible = f"({visible} OR (county_id IS NULL AND (SELECT td_sees_city(current_user))))"
    return [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
        f"DROP POLICY IF EXISTS td_county ON {table}",
        f"CREATE POLICY td_county ON {table} USING ({visible}) WITH CHECK ({visible})",
    ]


WITH_ITS_TALENT = ("watch_signals",)
"""Derived rows of one talent with no county of their own (rebuilt from the talents whenever needed): visible and
writable with their talent only."""


def talent_policy_sql(table: str) -> list[str]:
    visible = f"EXISTS (SELECT 1 FROM talents t WHERE t.id = {table}.talent_id)"
    return [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
        f"DROP POLICY IF EXISTS td_with_its_talent ON {table}",
        # written with no check: `move` copies these before the talents (no foreign key orders them), and a row
        # whose talent a role cannot see stays invisible to it
        f"CREATE POLICY td_with_its_talent ON {table} USING ({visible}) WITH CHECK (true)",
    ]


CITY_WIDE = ("settings",)
"""Tables every role reads and only the owner and city roles write: the city-wide settings (a county's own values
are its rows in `county_settings`, a county table)."""


def city_wide_policy_sql(table: str) -> list[str]:
    city = "(SELECT td_sees_city(current_user))"
    return [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
        f"DROP POLICY IF EXISTS td_everyone_reads ON {table}",
        f"DROP POLICY IF EXISTS td_city_writes ON {table}",
        # permissive policies add up: every role reads; inserting, changing or deleting needs the second
        f"CREATE POLICY td_everyone_reads ON {table} FOR SELECT USING (true)",
        f"CREATE POLICY td_city_writes ON {table} FOR ALL USING ({city}) WITH CHECK ({city})",
    ]


def _present(conn: Connection) -> set[str]:
    return {t for (t,) in conn.exec_driver_sql("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}


def install_row_security(conn: Connection) -> None:
    """Create (or re-create) the functions and the policies on every county table (those the schema has at this
    revision: a migration may run before later tables exist). PostgreSQL only; run as the owner (the migrations do)."""
    if conn.dialect.name != "postgresql":
        return
    present = _present(conn)
    for sql in functions_sql(_quote(conn, _schema(conn))):
        conn.exec_driver_sql(sql)
    for table in county_tables():
        if table in present:
            for sql in policy_sql(table):
                conn.exec_driver_sql(sql)
    for table in WITH_ITS_TALENT:
        if table in present:
            for sql in talent_policy_sql(table):
                conn.exec_driver_sql(sql)
    if "county_settings" in present:  # the city-wide settings' policy came with the county settings (csettings_1)
        for table in CITY_WIDE:
            for sql in city_wide_policy_sql(table):
                conn.exec_driver_sql(sql)


def remove_city_wide_security(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        return
    for table in CITY_WIDE:
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS td_everyone_reads ON {table}")
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS td_city_writes ON {table}")
        conn.exec_driver_sql(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        conn.exec_driver_sql(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")


def remove_row_security(conn: Connection, tables) -> None:
    if conn.dialect.name != "postgresql":
        return
    remove_city_wide_security(conn)
    for table in WITH_ITS_TALENT:
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS td_with_its_talent ON {table}")
        conn.exec_driver_sql(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        conn.exec_driver_sql(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    for table in tables:
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS td_county ON {table}")
        conn.exec_driver_sql(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        conn.exec_driver_sql(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    for fn in ("td_visible_counties(name)", "td_sees_city(name)", "td_role_county(name)",
               "td_chained_rows_present(text, bigint[])"):
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {fn}")


FUNCTIONS = ("td_visible_counties(name)", "td_sees_city(name)", "td_role_county(name)",
             "td_chained_rows_present(text, bigint[])")
"""What a county's or the city's server role may execute (services/city/counties.map_role grants it)."""


def connection_county(conn: Connection) -> tuple[bool, int | None]:
    """(whether this connection sees every county, the county its role works for) — PostgreSQL asks the definer
    functions; a SQLite file is its home county's own."""
    if conn.dialect.name != "postgresql":
        return False, None
    row = conn.exec_driver_sql(
        "SELECT td_sees_city(current_user), td_role_county(current_user)").one()
    return bool(row[0]), row[1]
