"""indexes measured by the benchmark: a year's ledger entries, newest events, plan counts, commitments ending

Revision ID: lists_1
Revises: talents_1
"""
from __future__ import annotations

from alembic import op

revision = "lists_1"
down_revision = "talents_1"

INDEXES = [
    ("talents", "ix_talents_status_service_end", ["status", "service_end_date"]),
    ("ledger_entries", "ix_ledger_entries_year_id", ["fiscal_year", "id"]),
    ("growth_events", "ix_growth_events_date", ["event_date", "id"]),
    ("training_enrolments", "ix_training_enrolments_program", ["program_id", "status", "hours"]),
]


def upgrade() -> None:
    for table, name, cols in INDEXES:
        op.create_index(name, table, cols, unique=False)


def downgrade() -> None:
    for table, name, _cols in reversed(INDEXES):
        op.drop_index(name, table_name=table)
