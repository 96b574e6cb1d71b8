"""money in fen is 64-bit on PostgreSQL: a city's budget passes 21,474,836.47 yuan, the limit of a 32-bit integer
(SQLite's INTEGER is 64-bit already: nothing to do there)

Revision ID: bigfen_1
Revises: versions_1
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "bigfen_1"
down_revision = "versions_1"

MONEY = (
    ("budgets", "amount_fen"), ("approval_requests", "amount_fen"), ("policy_amounts", "amount_fen"),
    ("subsidy_grants", "approved_total_fen"), ("grant_drafts", "amount_fen"), ("instalments", "amount_fen"),
    ("ledger_entries", "amount_fen"), ("payments", "amount_fen"), ("payment_batch_items", "amount_fen"),
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in MONEY:
        op.alter_column(table, column, type_=sa.BigInteger(), existing_type=sa.Integer())


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in MONEY:
        op.alter_column(table, column, type_=sa.Integer(), existing_type=sa.BigInteger())
