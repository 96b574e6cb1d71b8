"""(PostgreSQL) `td_chained_rows_present(table, ids)`: a definer function that tells a county's server role which
records linked in the city's hash chain exist, by id only (never their content), so `check` run with that role can
tell another county's record, which row-level security hides from it, from a record really deleted
(store/integrity.py server_check). Every server role given to a county or the city may execute it.

Revision ID: chainrows_1
Revises: csettings_1
"""
from __future__ import annotations

from alembic import op

revision = "chainrows_1"
down_revision = "csettings_1"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from talentdesk.store.scope import install_row_security

    install_row_security(bind)  # (re)creates the functions, this one among them
    for (role,) in bind.exec_driver_sql(
            "SELECT c.role_name FROM county_roles c JOIN pg_roles r ON r.rolname = c.role_name").all():
        quoted = bind.dialect.identifier_preparer.quote(role)
        bind.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION td_chained_rows_present(text, bigint[]) TO {quoted}")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql("DROP FUNCTION IF EXISTS td_chained_rows_present(text, bigint[])")
