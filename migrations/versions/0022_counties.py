"""counties in one database: a `counties` table, `county_id` on every table that holds a county's data, accounts and
audit entries of a county or of the city, and (PostgreSQL) row-level security over them

Every existing row belongs to the home county (id 1, code 000000 until the city's IT person sets the real one with
`talentdesk city set-county`). Names, ID numbers, batch numbers, certificate serials and budget lines are unique
within a county now, no longer across the database. On PostgreSQL every county table gets ROW LEVEL SECURITY
(enabled and forced) with the policy of store/scope.py.

Revision ID: counties_1
Revises: namefts_1
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "counties_1"
down_revision = "namefts_1"

HOME = 1
HOME_CODE = "000000"

# tables whose unique keys become per county (old constraint names → new columns); rebuilt on SQLite
UNIQUES = {
    "employers": [("uq_employers_name", ("name", "county_id")), ("uq_employers_uscc", ("uscc", "county_id"))],
    "talents": [("uq_talents_id_number", ("id_number", "county_id"))],
    "payment_batches": [("uq_payment_batches_number", ("number", "county_id"))],
    "certificates": [("uq_certificates_serial", ("serial", "county_id"))],
    "budgets": [("uq_budgets_fiscal_year_policy_kind", ("fiscal_year", "policy_kind", "county_id"))],
}
OWNED = (
    "employers", "talents", "attachments", "care_cases", "subsidy_policies", "policy_amounts", "policy_exclusions",
    "policy_eligibility", "grant_drafts", "subsidy_grants", "instalments", "ledger_entries", "payments",
    "certificates", "serial_counters", "budgets", "mentors", "pairings", "checkins", "growth_events",
    "training_programs", "training_enrolments", "approval_requests", "verifications", "bank_accounts",
    "payment_batches", "payment_batch_items", "payment_objections",
)
NULLABLE = ("users", "audit_entries")


def _county_column(nullable: bool) -> sa.Column:
    # the default fills the rows that exist (ADD COLUMN does, without an UPDATE the append-only triggers refuse)
    return sa.Column("county_id", sa.Integer(), nullable=nullable, server_default=sa.text(str(HOME)))


def _home_name(bind) -> str:
    import json

    raw = bind.execute(sa.text("SELECT value FROM settings WHERE key = 'office_name'")).scalar()
    try:
        name = json.loads(raw) if raw else ""
    except ValueError:
        name = raw or ""
    return (str(name).strip() or "本县")[:60]


def _triggers(bind, table: str) -> list[str]:
    return [sql for (sql,) in bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND sql IS NOT NULL", (table,))]


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    op.create_table(
        "counties",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=6), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.CheckConstraint("length(code) = 6", name=op.f("ck_counties_code_length")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counties")),
        sa.UniqueConstraint("code", name=op.f("uq_counties_code")),
    )
    bind.execute(sa.text("INSERT INTO counties (id, code, name) VALUES (:id, :code, :name)"),
                 {"id": HOME, "code": HOME_CODE, "name": _home_name(bind)})
    if not sqlite:
        bind.exec_driver_sql("SELECT setval(pg_get_serial_sequence('counties', 'id'), 1)")
    op.create_table(
        "county_roles",
        sa.Column("role_name", sa.String(length=63), nullable=False),
        sa.Column("county_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["county_id"], ["counties.id"], name=op.f("fk_county_roles_county_id_counties")),
        sa.PrimaryKeyConstraint("role_name", name=op.f("pk_county_roles")),
    )

    for table in OWNED + NULLABLE:
        nullable = table in NULLABLE
        fk = f"fk_{table}_county_id_counties"
        if table in UNIQUES or table == "serial_counters":
            if sqlite:  # a table rebuild (SQLite cannot drop a constraint); its triggers are made again after it
                triggers = _triggers(bind, table)
                with op.batch_alter_table(table, recreate="always") as batch:
                    batch.add_column(_county_column(nullable))
                    batch.create_foreign_key(fk, "counties", ["county_id"], ["id"])
                    for old, cols in UNIQUES.get(table, ()):
                        batch.drop_constraint(old, type_="unique")
                        batch.create_unique_constraint(f"uq_{table}_{'_'.join(cols)}", list(cols))
                    if table == "serial_counters":
                        batch.drop_constraint("pk_serial_counters", type_="primary")
                        batch.create_primary_key("pk_serial_counters", ["prefix", "year", "county_id"])
                for sql in triggers:
                    bind.exec_driver_sql(sql)
            else:
                op.add_column(table, _county_column(nullable))
                op.create_foreign_key(fk, table, "counties", ["county_id"], ["id"])
                for old, cols in UNIQUES.get(table, ()):
                    op.drop_constraint(old, table, type_="unique")
                    op.create_unique_constraint(f"uq_{table}_{'_'.join(cols)}", table, list(cols))
                if table == "serial_counters":
                    op.drop_constraint("pk_serial_counters", table, type_="primary")
                    op.create_primary_key("pk_serial_counters", table, ["prefix", "year", "county_id"])
        elif sqlite:
            # ADD COLUMN … REFERENCES: allowed while the upgrade has foreign keys off (store/db.py upgrade)
            null = "" if nullable else " NOT NULL"
            bind.exec_driver_sql(
                f"ALTER TABLE {table} ADD COLUMN county_id INTEGER{null} DEFAULT {HOME} "
                f"CONSTRAINT {fk} REFERENCES counties (id)")
        else:
            op.add_column(table, _county_column(nullable))
            op.create_foreign_key(fk, table, "counties", ["county_id"], ["id"])
        if not sqlite:  # the program (or whoever writes) names the county; the default only filled what was there
            op.alter_column(table, "county_id", server_default=None)
    if not sqlite:
        from talentdesk.store.scope import install_row_security

        install_row_security(bind)


def downgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if not sqlite:
        from talentdesk.store.scope import remove_row_security

        remove_row_security(bind, OWNED + NULLABLE)
    for table in OWNED + NULLABLE:
        triggers = _triggers(bind, table) if sqlite else []
        with op.batch_alter_table(table, recreate="always" if sqlite else "auto") as batch:
            if table == "serial_counters":
                batch.drop_constraint("pk_serial_counters", type_="primary")
                batch.create_primary_key("pk_serial_counters", ["prefix", "year"])
            for old, cols in UNIQUES.get(table, ()):
                batch.drop_constraint(f"uq_{table}_{'_'.join(cols)}", type_="unique")
                batch.create_unique_constraint(old, [c for c in cols if c != "county_id"])
            if not sqlite:  # SQLite: the rebuilt table leaves the column out, and its reference with it
                batch.drop_constraint(f"fk_{table}_county_id_counties", type_="foreignkey")
            batch.drop_column("county_id")
        for sql in triggers:
            bind.exec_driver_sql(sql)
    op.drop_table("county_roles")
    op.drop_table("counties")
