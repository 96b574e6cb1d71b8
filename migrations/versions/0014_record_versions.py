"""editable records carry a version: a save over a newer version (another clerk's) is a conflict, not an overwrite

Revision ID: versions_1
Revises: watch_1
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "versions_1"
down_revision = "watch_1"

VERSIONED = (
    "bank_accounts", "bank_layouts", "budgets", "care_cases", "checkins", "employers", "grant_drafts",
    "growth_events", "mentors", "pairings", "payment_batches", "payments", "subsidy_grants", "subsidy_policies",
    "talents", "training_enrolments", "training_programs", "users",
)


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    for table in VERSIONED:  # every row that exists is at version 1 (a table that has the column keeps it)
        if "version" not in {c["name"] for c in inspector.get_columns(table)}:
            op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1")))


def downgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
