"""entitlement sweep: policies' eligibility conditions and materials checklist (policy_eligibility), and the grants
the sweep drafts for approval (grant_drafts)

Revision ID: sweep_1
Revises: exits_1
"""
from __future__ import annotations

from talentdesk.store.schema_kit import create_table, drop_tables, partial_unique

revision = "sweep_1"
down_revision = "exits_1"

DRAFT_STATUSES = ("draft", "approved", "rejected")


def upgrade() -> None:
    create_table("policy_eligibility", """
        policy_id          int    pk >subsidy_policies!
        arrival_from       date?
        arrival_to         date?
        employer_kinds     str200
        intro_modes        str40
        min_age            int?
        max_age            int?
        min_service_years  int?
        materials          str200
        materials_block    bool
        check arrival_window: arrival_to IS NULL OR arrival_from IS NULL OR arrival_to >= arrival_from
        check age_range: min_age IS NULL OR max_age IS NULL OR max_age >= min_age
        """)
    statuses = ", ".join(f"'{s}'" for s in DRAFT_STATUSES)
    create_table("grant_drafts", f"""
        talent_id          int       >talents
        policy_id          int       >subsidy_policies
        amount_fen         int
        start_date         date
        matched            text
        missing_materials  str200
        status             str12
        drafted_by_id      int?
        drafted_by         str60
        decided_by         str60
        decided_at         datetime?
        decision_note      str200
        grant_id           int?      >subsidy_grants
        created_at         datetime  =CURRENT_TIMESTAMP
        updated_at         datetime  =CURRENT_TIMESTAMP
        check amount_positive: amount_fen > 0
        check status_valid: status IN ({statuses})
        index ix_grant_drafts_status: status policy_id
        index ix_grant_drafts_talent: talent_id policy_id
        """,
        indexes=[partial_unique("uq_grant_drafts_open_talent_policy", "talent_id policy_id", "status = 'draft'")])


def downgrade() -> None:
    drop_tables("grant_drafts", "policy_eligibility")
