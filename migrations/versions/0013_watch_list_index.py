"""growth events: weak appraisals found by kind and grade, so the watch list reads only those

Revision ID: watch_1
Revises: board_1
"""
from __future__ import annotations

from alembic import op

revision = "watch_1"
down_revision = "board_1"


def upgrade() -> None:
    op.create_index("ix_growth_events_appraisal", "growth_events", ["kind", "appraisal_grade", "event_date", "talent_id"],
                    unique=False)


def downgrade() -> None:
    op.drop_index("ix_growth_events_appraisal", table_name="growth_events")
