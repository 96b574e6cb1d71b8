"""settings per county: `county_settings` holds a county's own values (office name, thresholds …) over the city-wide
values in `settings`, which fall back to the built-in defaults

A database with one county (a county office's file, or a server not yet shared by a city) is that county's office:
its stored settings become the county's own values, so moving it into a city later carries them (`move --county`).
A database with several counties keeps its stored settings as the city-wide values. The legacy certificate key stays
where it is (store/keystore.py moves it out of the database). On PostgreSQL `county_settings` gets the county tables'
row-level security, `settings` a policy that lets every role read it and only the owner and city roles write it, and
every server role already given to a county or the city gets the privileges on the new table.

Revision ID: csettings_1
Revises: counties_1
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "csettings_1"
down_revision = "counties_1"

KEPT_CITY_WIDE = ("certificate_key",)


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "county_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("county_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["county_id"], ["counties.id"], name=op.f("fk_county_settings_county_id_counties")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_county_settings")),
        sa.UniqueConstraint("county_id", "key", name=op.f("uq_county_settings_county_id_key")),
    )
    counties = [row[0] for row in bind.execute(sa.text("SELECT id FROM counties ORDER BY id LIMIT 2"))]
    if len(counties) == 1:
        kept = ", ".join(f"'{k}'" for k in KEPT_CITY_WIDE)
        bind.execute(sa.text(
            f"INSERT INTO county_settings (county_id, key, value) SELECT :county, key, value FROM settings "
            f"WHERE key NOT IN ({kept}) ORDER BY key"), {"county": counties[0]})
        bind.execute(sa.text(f"DELETE FROM settings WHERE key NOT IN ({kept})"))
    if bind.dialect.name == "postgresql":
        from talentdesk.store.scope import install_row_security

        install_row_security(bind)
        roles = [r for (r,) in bind.exec_driver_sql(
            "SELECT c.role_name FROM county_roles c JOIN pg_roles r ON r.rolname = c.role_name")]
        for role in roles:
            quoted = bind.dialect.identifier_preparer.quote(role)
            bind.exec_driver_sql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON county_settings TO {quoted}")
            bind.exec_driver_sql(f"GRANT USAGE, SELECT ON SEQUENCE county_settings_id_seq TO {quoted}")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        from talentdesk.store.scope import remove_city_wide_security

        remove_city_wide_security(bind)
        bind.exec_driver_sql("DROP POLICY IF EXISTS td_county ON county_settings")
    counties = [row[0] for row in bind.execute(sa.text("SELECT id FROM counties ORDER BY id LIMIT 2"))]
    if len(counties) == 1:  # the office's own values go back to the one settings table
        bind.execute(sa.text("DELETE FROM settings WHERE key IN (SELECT key FROM county_settings)"))
        bind.execute(sa.text("INSERT INTO settings (key, value) SELECT key, value FROM county_settings"))
    op.drop_table("county_settings")
