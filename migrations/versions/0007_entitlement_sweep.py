"""entitlement sweep: policies' eligibility conditions and materials checklist (policy_eligibility), and the grants
the sweep drafts for approval (grant_drafts)

Revision ID: sweep_1
Revises: exits_1
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "sweep_1"
down_revision = "exits_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "policy_eligibility",
        sa.Column("policy_id", sa.Integer(), nullable=False),
        sa.Column("arrival_from", sa.Date(), nullable=True),
        sa.Column("arrival_to", sa.Date(), nullable=True),
        sa.Column("employer_kinds", sa.String(length=200), nullable=False),
        sa.Column("intro_modes", sa.String(length=40), nullable=False),
        sa.Column("min_age", sa.Integer(), nullable=True),
        sa.Column("max_age", sa.Integer(), nullable=True),
        sa.Column("min_service_years", sa.Integer(), nullable=True),
        sa.Column("materials", sa.String(length=200), nullable=False),
        sa.Column("materials_block", sa.Boolean(), nullable=False),
        sa.CheckConstraint("arrival_to IS NULL OR arrival_from IS NULL OR arrival_to >= arrival_from",
                           name=op.f("ck_policy_eligibility_arrival_window")),
        sa.CheckConstraint("min_age IS NULL OR max_age IS NULL OR max_age >= min_age",
                           name=op.f("ck_policy_eligibility_age_range")),
        sa.ForeignKeyConstraint(["policy_id"], ["subsidy_policies.id"],
                                name=op.f("fk_policy_eligibility_policy_id_subsidy_policies"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("policy_id", name=op.f("pk_policy_eligibility")),
    )
    op.create_table(
        "grant_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("talent_id", sa.Integer(), nullable=False),
        sa.Column("policy_id", sa.Integer(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("matched", sa.Text(), nullable=False),
        sa.Column("missing_materials", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("drafted_by_id", sa.Integer(), nullable=True),
        sa.Column("drafted_by", sa.String(length=60), nullable=False),
        sa.Column("decided_by", sa.String(length=60), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decision_note", sa.String(length=200), nullable=False),
        sa.Column("grant_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False),
        sa.CheckConstraint("amount_fen > 0", name=op.f("ck_grant_drafts_amount_positive")),
        sa.CheckConstraint("status IN ('draft', 'approved', 'rejected')", name=op.f("ck_grant_drafts_status_valid")),
        sa.ForeignKeyConstraint(["grant_id"], ["subsidy_grants.id"], name=op.f("fk_grant_drafts_grant_id_subsidy_grants")),
        sa.ForeignKeyConstraint(["policy_id"], ["subsidy_policies.id"],
                                name=op.f("fk_grant_drafts_policy_id_subsidy_policies")),
        sa.ForeignKeyConstraint(["talent_id"], ["talents.id"], name=op.f("fk_grant_drafts_talent_id_talents")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grant_drafts")),
    )
    with op.batch_alter_table("grant_drafts", schema=None) as batch_op:
        batch_op.create_index("ix_grant_drafts_status", ["status", "policy_id"], unique=False)
        batch_op.create_index("ix_grant_drafts_talent", ["talent_id", "policy_id"], unique=False)
        batch_op.create_index("uq_grant_drafts_open_talent_policy", ["talent_id", "policy_id"], unique=True,
                              sqlite_where=sa.text("status = 'draft'"), postgresql_where=sa.text("status = 'draft'"))


def downgrade() -> None:
    with op.batch_alter_table("grant_drafts", schema=None) as batch_op:
        batch_op.drop_index("uq_grant_drafts_open_talent_policy")
        batch_op.drop_index("ix_grant_drafts_talent")
        batch_op.drop_index("ix_grant_drafts_status")
    op.drop_table("grant_drafts")
    op.drop_table("policy_eligibility")
