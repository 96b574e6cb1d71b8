"""indexes for the overview's first rows at a million talents: open care cases by date, departures by date

Revision ID: speed_1
Revises: loop_1
"""
from __future__ import annotations

from alembic import op

revision = "speed_1"
down_revision = "loop_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_care_cases_status_opened", "care_cases", ["status", "opened_on"], unique=False)
    op.create_index("ix_talents_status_departure", "talents", ["status", "departure_date"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_talents_status_departure", table_name="talents")
    op.drop_index("ix_care_cases_status_opened", table_name="care_cases")
