"""PostgreSQL: a table of every talent name's characters and character pairs, kept by triggers, for name search
under row-level security

Since counties_1 every county table has ROW LEVEL SECURITY, forced for the owner too. PostgreSQL then uses a
condition as an index condition only when its operator is *leakproof*: `LIKE` (textlike) and `@>` on arrays
(arraycontains) are not, so neither the trigram index (trgm_1) nor the characters index (chars_1) can serve a name
search any more, and every name search read the whole table (100,000 talents: a two-character given name 97 ms p95,
a fragment of an employer's name 62 ms). Making those operators leakproof takes a superuser; text equality is
leakproof already.

`talents_fts_grams` holds, for each talent, each distinct character of its name and each distinct pair of adjacent
characters (王志强: 王 志 强 王志 志强), with the talent's county. Its primary key (gram, county_id, talent_id) answers
"which talents' names contain this one- or two-character text" with one index-only range read, under the same
county policy as the talents (store/scope.py); a longer text is the intersection of its pairs, then the names
themselves are checked (services/talents/registry.py `_name_ids`). Statement triggers on talents keep it equal to
the names (insert, update of name or county, delete, truncate); they run as the owner (SECURITY DEFINER), so a
county role needs no privilege beyond reading it. SQLite has its own index of names (namefts_1): nothing to do.

Revision ID: grams_1
Revises: chainrows_1
"""
from __future__ import annotations

from alembic import op

revision = "grams_1"
down_revision = "chainrows_1"

TABLE = "talents_fts_grams"

GRAMS_FUNCTION = """
CREATE OR REPLACE FUNCTION td_name_grams(name text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT substr(name, i, 1) FROM generate_series(1, char_length(name)) AS i
    UNION
    SELECT substr(name, i, 2) FROM generate_series(1, char_length(name) - 1) AS i
$$"""


def _definer(name: str, body: str, path: str) -> str:
    """A trigger function that runs as the owner (who sees every county), with a fixed search path."""
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {path} AS $$
BEGIN
{body}
    RETURN NULL;
END $$"""


def _trigger_functions(schema: str) -> list[str]:
    path = f"SET search_path = {schema}, pg_temp"
    same = "n.id = o.id AND n.name IS NOT DISTINCT FROM o.name AND n.county_id IS NOT DISTINCT FROM o.county_id"
    insert = f"""    INSERT INTO {TABLE} (gram, county_id, talent_id)
    SELECT g, n.county_id, n.id FROM new_rows n CROSS JOIN LATERAL td_name_grams(n.name) AS g"""
    return [
        _definer("td_talents_grams_insert", f"{insert};", path),
        _definer("td_talents_grams_update", f"""    -- only the rows whose name or county changed (a status or a post changes nothing here)
    DELETE FROM {TABLE} g USING old_rows o
    WHERE g.talent_id = o.id AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE {same});
{insert}
    WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE {same});""", path),
        _definer("td_talents_grams_delete", f"    DELETE FROM {TABLE} g USING old_rows o WHERE g.talent_id = o.id;", path),
        _definer("td_talents_grams_truncate", f"    TRUNCATE {TABLE};", path),
    ]


TRIGGERS = [
    "CREATE TRIGGER td_talents_grams_insert AFTER INSERT ON talents REFERENCING NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION td_talents_grams_insert()",
    "CREATE TRIGGER td_talents_grams_update AFTER UPDATE ON talents REFERENCING OLD TABLE AS old_rows "
    "NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION td_talents_grams_update()",
    "CREATE TRIGGER td_talents_grams_delete AFTER DELETE ON talents REFERENCING OLD TABLE AS old_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION td_talents_grams_delete()",
    "CREATE TRIGGER td_talents_grams_truncate AFTER TRUNCATE ON talents "
    "FOR EACH STATEMENT EXECUTE FUNCTION td_talents_grams_truncate()",
]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from talentdesk.store.scope import policy_sql

    schema = bind.dialect.identifier_preparer.quote(bind.exec_driver_sql("SELECT current_schema()").scalar())
    # a name's characters compared byte for byte, as `strpos`/LIKE compare them (the "C" collation: no locale rules)
    bind.exec_driver_sql(
        f"CREATE TABLE {TABLE} (gram text COLLATE \"C\" NOT NULL, county_id integer NOT NULL, "
        f"talent_id integer NOT NULL, CONSTRAINT pk_{TABLE} PRIMARY KEY (gram, county_id, talent_id))")
    bind.exec_driver_sql(f"CREATE INDEX ix_{TABLE}_talent_id ON {TABLE} (talent_id)")
    bind.exec_driver_sql(GRAMS_FUNCTION)
    for sql in _trigger_functions(schema):
        bind.exec_driver_sql(sql)
    for sql in policy_sql(TABLE):
        bind.exec_driver_sql(sql)
    bind.exec_driver_sql(  # the names already there (as the owner, who sees every county)
        f"INSERT INTO {TABLE} (gram, county_id, talent_id) "
        f"SELECT g, t.county_id, t.id FROM talents t CROSS JOIN LATERAL td_name_grams(t.name) AS g")
    for sql in TRIGGERS:
        bind.exec_driver_sql(sql)
    # the server roles already given to counties (counties.map_role gives the later ones every table)
    for (role,) in bind.exec_driver_sql("SELECT role_name FROM county_roles r JOIN pg_roles p "
                                        "ON p.rolname = r.role_name").fetchall():
        quoted = bind.dialect.identifier_preparer.quote(role)
        bind.exec_driver_sql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {TABLE} TO {quoted}")
    bind.exec_driver_sql(f"ANALYZE {TABLE}")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for trigger in ("insert", "update", "delete", "truncate"):
        bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS td_talents_grams_{trigger} ON talents")
        bind.exec_driver_sql(f"DROP FUNCTION IF EXISTS td_talents_grams_{trigger}()")
    bind.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE}")
    bind.exec_driver_sql("DROP FUNCTION IF EXISTS td_name_grams(text)")
