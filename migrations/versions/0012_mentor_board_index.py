"""mentors in board order (name pinyin, id), so the board reads one page of mentor columns at a time

Revision ID: board_1
Revises: polyears_1
"""
from __future__ import annotations

from alembic import op

revision = "board_1"
down_revision = "polyears_1"


def upgrade() -> None:
    op.create_index("ix_mentors_board", "mentors", ["name_pinyin", "id", "active"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_mentors_board", table_name="mentors")
