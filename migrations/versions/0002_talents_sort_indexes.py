"""talents: indexes for sorting the talents list by arrival date and by post

Revision ID: talents_1
Revises: 0001
"""
from __future__ import annotations

from alembic import op

revision = "talents_1"
down_revision = "0001"


def upgrade() -> None:
    with op.batch_alter_table("talents", schema=None) as batch_op:
        batch_op.create_index("ix_talents_arrival", ["arrival_date"], unique=False)
        batch_op.create_index("ix_talents_post", ["post"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("talents", schema=None) as batch_op:
        batch_op.drop_index("ix_talents_post")
        batch_op.drop_index("ix_talents_arrival")
