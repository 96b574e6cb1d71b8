"""exit reasons: the coded reason recorded with a departure (a list the office edits), seeded with the reasons
county offices report; talents gain exit_reason_id

Revision ID: exits_1
Revises: grants_1
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from talentdesk.store.schema_kit import create_table

revision = "exits_1"
down_revision = "grants_1"

SEED = [
    # code, 中文, English
    ("family", "家庭原因", "Family reasons"),
    ("pay", "薪酬待遇", "Pay and benefits"),
    ("development", "发展空间", "Career prospects"),
    ("exam_elsewhere", "考取外地", "Passed an exam elsewhere"),
    ("spouse_children", "配偶子女", "Spouse or children"),
    ("work_environment", "工作环境", "Working conditions"),
    ("further_study", "继续深造", "Further study"),
    ("health", "身体原因", "Health"),
    ("transfer", "组织调动", "Official transfer"),
    ("contract_end", "合同期满", "Contract ended"),
    ("other", "其他", "Other"),
]


def upgrade() -> None:
    table = create_table("exit_reasons", """
        code        str40 unique
        name        str40 unique
        name_en     str60
        sort_order  int
        active      bool
        """)
    op.bulk_insert(table, [{"id": i, "code": c, "name": n, "name_en": en, "sort_order": i, "active": True}
                           for i, (c, n, en) in enumerate(SEED, start=1)])
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # ADD COLUMN with an inline reference: no table rebuild, so the talents' search triggers stay in place
        op.execute("ALTER TABLE talents ADD COLUMN exit_reason_id INTEGER "
                   "CONSTRAINT fk_talents_exit_reason_id_exit_reasons REFERENCES exit_reasons (id)")
    else:
        op.execute(f"SELECT setval(pg_get_serial_sequence('exit_reasons', 'id'), {len(SEED)})")
        op.add_column("talents", sa.Column("exit_reason_id", sa.Integer(), nullable=True))
        op.create_foreign_key(op.f("fk_talents_exit_reason_id_exit_reasons"), "talents", "exit_reasons",
                              ["exit_reason_id"], ["id"])
    op.create_index("ix_talents_exit_reason", "talents", ["exit_reason_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_talents_exit_reason", table_name="talents")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE talents DROP COLUMN exit_reason_id")
    else:
        op.drop_constraint(op.f("fk_talents_exit_reason_id_exit_reasons"), "talents", type_="foreignkey")
        op.drop_column("talents", "exit_reason_id")
    op.drop_table("exit_reasons")
