"""policies gain their service commitment (服务期): the years a policy asks, which its pro-rata clawback counts
against (NULL: the talent's own commitment, as before)

Revision ID: polyears_1
Revises: speed_1
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "polyears_1"
down_revision = "speed_1"


def upgrade() -> None:
    op.add_column("subsidy_policies", sa.Column("service_years", sa.Integer(), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE subsidy_policies DROP COLUMN service_years")
    else:
        op.drop_column("subsidy_policies", "service_years")
