"""initial schema: the whole domain, append-only triggers, seed tiers and mentor roles

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 19:31:01.660693
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_name', sa.String(length=60), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.String(length=40), nullable=True),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.Column('summary', sa.String(length=400), nullable=False),
    sa.CheckConstraint("action IN ('insert', 'update', 'delete', 'bulk', 'login', 'login_failed', 'logout', 'denied', 'export', 'import', 'backup', 'restore', 'demo')", name=op.f('ck_audit_entries_action_valid')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entries'))
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entries_actor', ['actor_name', 'at'], unique=False)
        batch_op.create_index('ix_audit_entries_at', ['at'], unique=False)
        batch_op.create_index('ix_audit_entries_record', ['table_name', 'record_id'], unique=False)

    op.create_table('budgets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('policy_kind', sa.String(length=20), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('notes', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("policy_kind IN ('settling', 'living', 'house_purchase', 'rent', 'apartment', 'startup', 'other')", name=op.f('ck_budgets_policy_kind_valid')),
    sa.CheckConstraint('amount_fen >= 0', name=op.f('ck_budgets_amount_non_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budgets')),
    sa.UniqueConstraint('fiscal_year', 'policy_kind', name=op.f('uq_budgets_fiscal_year_policy_kind'))
    )
    op.create_table('employers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('name_pinyin', sa.String(length=400), nullable=False),
    sa.Column('name_initials', sa.String(length=120), nullable=False),
    sa.Column('uscc', sa.String(length=18), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('contact', sa.String(length=40), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employers')),
    sa.UniqueConstraint('name', name=op.f('uq_employers_name')),
    sa.UniqueConstraint('uscc', name=op.f('uq_employers_uscc'))
    )
    op.create_table('mentor_roles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('name_en', sa.String(length=60), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentor_roles')),
    sa.UniqueConstraint('name', name=op.f('uq_mentor_roles_name'))
    )
    op.create_table('serial_counters',
    sa.Column('prefix', sa.String(length=8), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('prefix', 'year', name=op.f('pk_serial_counters'))
    )
    op.create_table('settings',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('subsidy_policies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('doc_number', sa.String(length=80), nullable=False),
    sa.Column('level', sa.String(length=12), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('eligible_tiers', sa.String(length=200), nullable=False),
    sa.Column('eligible_educations', sa.String(length=200), nullable=False),
    sa.Column('instalment_mode', sa.String(length=12), nullable=False),
    sa.Column('instalment_count', sa.Integer(), nullable=False),
    sa.Column('clawback_rule', sa.String(length=12), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("clawback_rule IN ('none', 'pro_rata', 'full')", name=op.f('ck_subsidy_policies_clawback_rule_valid')),
    sa.CheckConstraint("instalment_mode IN ('lump_sum', 'monthly', 'yearly')", name=op.f('ck_subsidy_policies_instalment_mode_valid')),
    sa.CheckConstraint("kind IN ('settling', 'living', 'house_purchase', 'rent', 'apartment', 'startup', 'other')", name=op.f('ck_subsidy_policies_kind_valid')),
    sa.CheckConstraint("level IN ('county', 'city', 'province')", name=op.f('ck_subsidy_policies_level_valid')),
    sa.CheckConstraint('instalment_count >= 1', name=op.f('ck_subsidy_policies_instalment_count_positive')),
    sa.CheckConstraint('valid_to IS NULL OR valid_to >= valid_from', name=op.f('ck_subsidy_policies_valid_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subsidy_policies'))
    )
    op.create_table('tiers',
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('name_en', sa.String(length=60), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_tiers'))
    )
    op.create_table('training_programs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('level', sa.String(length=40), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('hours', sa.Float(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('organizer', sa.String(length=80), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('hours >= 0', name=op.f('ck_training_programs_hours_non_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_programs'))
    )
    with op.batch_alter_table('training_programs', schema=None) as batch_op:
        batch_op.create_index('ix_training_programs_year', ['year'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('display_name', sa.String(length=60), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('must_change_password', sa.Boolean(), nullable=False),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("role IN ('admin', 'clerk', 'approver', 'viewer')", name=op.f('ck_users_role_valid')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('policy_amounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('policy_id', sa.Integer(), nullable=False),
    sa.Column('tier_code', sa.String(length=8), nullable=True),
    sa.Column('education', sa.String(length=16), nullable=True),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.CheckConstraint('amount_fen >= 0', name=op.f('ck_policy_amounts_amount_non_negative')),
    sa.ForeignKeyConstraint(['policy_id'], ['subsidy_policies.id'], name=op.f('fk_policy_amounts_policy_id_subsidy_policies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tier_code'], ['tiers.code'], name=op.f('fk_policy_amounts_tier_code_tiers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_policy_amounts')),
    sa.UniqueConstraint('policy_id', 'tier_code', 'education', name=op.f('uq_policy_amounts_policy_id_tier_code_education'))
    )
    with op.batch_alter_table('policy_amounts', schema=None) as batch_op:
        batch_op.create_index('ix_policy_amounts_tier', ['tier_code'], unique=False)

    op.create_table('policy_exclusions',
    sa.Column('policy_id', sa.Integer(), nullable=False),
    sa.Column('excluded_policy_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('policy_id < excluded_policy_id', name=op.f('ck_policy_exclusions_ordered_pair')),
    sa.ForeignKeyConstraint(['excluded_policy_id'], ['subsidy_policies.id'], name=op.f('fk_policy_exclusions_excluded_policy_id_subsidy_policies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['policy_id'], ['subsidy_policies.id'], name=op.f('fk_policy_exclusions_policy_id_subsidy_policies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('policy_id', 'excluded_policy_id', name=op.f('pk_policy_exclusions'))
    )
    with op.batch_alter_table('policy_exclusions', schema=None) as batch_op:
        batch_op.create_index('ix_policy_exclusions_excluded', ['excluded_policy_id'], unique=False)

    op.create_table('talents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('name_pinyin', sa.String(length=200), nullable=False),
    sa.Column('name_initials', sa.String(length=40), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('ethnicity', sa.String(length=20), nullable=False),
    sa.Column('native_place', sa.String(length=60), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('email', sa.String(length=120), nullable=False),
    sa.Column('education', sa.String(length=16), nullable=False),
    sa.Column('degree', sa.String(length=16), nullable=False),
    sa.Column('school', sa.String(length=80), nullable=False),
    sa.Column('major', sa.String(length=80), nullable=False),
    sa.Column('professional_title', sa.String(length=60), nullable=False),
    sa.Column('tier_code', sa.String(length=8), nullable=False),
    sa.Column('intro_mode', sa.String(length=16), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=True),
    sa.Column('post', sa.String(length=80), nullable=False),
    sa.Column('important_post', sa.Boolean(), nullable=False),
    sa.Column('arrival_date', sa.Date(), nullable=False),
    sa.Column('service_years', sa.Integer(), nullable=False),
    sa.Column('service_end_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('departure_date', sa.Date(), nullable=True),
    sa.Column('departure_reason', sa.String(length=200), nullable=False),
    sa.Column('departure_destination', sa.String(length=120), nullable=False),
    sa.Column('clawback_waiver_reason', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("(status = 'departed') = (departure_date IS NOT NULL)", name=op.f('ck_talents_departure_date_iff_departed')),
    sa.CheckConstraint("degree IN ('doctor', 'master', 'bachelor', 'none')", name=op.f('ck_talents_degree_valid')),
    sa.CheckConstraint("education IN ('doctorate', 'master', 'bachelor', 'college', 'other')", name=op.f('ck_talents_education_valid')),
    sa.CheckConstraint("gender IN ('M', 'F')", name=op.f('ck_talents_gender_valid')),
    sa.CheckConstraint("intro_mode IN ('full_time', 'flexible')", name=op.f('ck_talents_intro_mode_valid')),
    sa.CheckConstraint("status IN ('active', 'departed')", name=op.f('ck_talents_status_valid')),
    sa.CheckConstraint('service_years >= 0 AND service_years <= 50', name=op.f('ck_talents_service_years_range')),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_talents_employer_id_employers')),
    sa.ForeignKeyConstraint(['tier_code'], ['tiers.code'], name=op.f('fk_talents_tier_code_tiers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_talents')),
    sa.UniqueConstraint('id_number', name=op.f('uq_talents_id_number'))
    )
    with op.batch_alter_table('talents', schema=None) as batch_op:
        batch_op.create_index('ix_talents_employer', ['employer_id', 'status'], unique=False)
        batch_op.create_index('ix_talents_name', ['name'], unique=False)
        batch_op.create_index('ix_talents_name_initials', ['name_initials'], unique=False)
        batch_op.create_index('ix_talents_name_pinyin', ['name_pinyin'], unique=False)
        batch_op.create_index('ix_talents_phone', ['phone'], unique=False)
        batch_op.create_index('ix_talents_service_end', ['service_end_date'], unique=False)
        batch_op.create_index('ix_talents_status_arrival', ['status', 'arrival_date'], unique=False)
        batch_op.create_index('ix_talents_tier', ['tier_code', 'status'], unique=False)

    op.create_table('attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('talent_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=260), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['talent_id'], ['talents.id'], name=op.f('fk_attachments_talent_id_talents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachments'))
    )
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.create_index('ix_attachments_talent', ['talent_id'], unique=False)

    op.create_table('care_cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('talent_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('room', sa.String(length=40), nullable=False),
    sa.Column('move_in_date', sa.Date(), nullable=True),
    sa.Column('move_out_date', sa.Date(), nullable=True),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('source_checkin_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("(status = 'closed') = (closed_on IS NOT NULL)", name=op.f('ck_care_cases_closed_on_iff_closed')),
    sa.CheckConstraint("kind IN ('housing', 'spouse_job', 'child_school', 'hukou', 'canteen', 'club_event', 'other')", name=op.f('ck_care_cases_kind_valid')),
    sa.CheckConstraint("status IN ('open', 'closed')", name=op.f('ck_care_cases_status_valid')),
    sa.ForeignKeyConstraint(['source_checkin_id'], ['checkins.id'], name=op.f('fk_care_cases_source_checkin_id_checkins'), use_alter=True),
    sa.ForeignKeyConstraint(['talent_id'], ['talents.id'], name=op.f('fk_care_cases_talent_id_talents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_cases'))
    )
    with op.batch_alter_table('care_cases', schema=None) as batch_op:
        batch_op.create_index('ix_care_cases_checkin', ['source_checkin_id'], unique=False)
        batch_op.create_index('ix_care_cases_status', ['status', 'kind'], unique=False)
        batch_op.create_index('ix_care_cases_talent', ['talent_id', 'status'], unique=False)

    op.create_table('growth_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('talent_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('appraisal_grade', sa.String(length=12), nullable=True),
    sa.Column('appraisal_year', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("(kind = 'appraisal') = (appraisal_grade IS NOT NULL)", name=op.f('ck_growth_events_grade_iff_appraisal')),
    sa.CheckConstraint("appraisal_grade IS NULL OR appraisal_grade IN ('excellent', 'competent', 'basic', 'incompetent')", name=op.f('ck_growth_events_appraisal_grade_valid')),
    sa.CheckConstraint("kind IN ('arrival', 'training', 'appraisal', 'award', 'title', 'post_change', 'important_post', 'promotion', 'departure', 'other')", name=op.f('ck_growth_events_kind_valid')),
    sa.ForeignKeyConstraint(['talent_id'], ['talents.id'], name=op.f('fk_growth_events_talent_id_talents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_growth_events'))
    )
    with op.batch_alter_table('growth_events', schema=None) as batch_op:
        batch_op.create_index('ix_growth_events_kind', ['kind', 'event_date'], unique=False)
        batch_op.create_index('ix_growth_events_talent', ['talent_id', 'event_date'], unique=False)

    op.create_table('mentors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('talent_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('name_pinyin', sa.String(length=200), nullable=False),
    sa.Column('name_initials', sa.String(length=40), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=60), nullable=False),
    sa.Column('expertise', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('capacity >= 1', name=op.f('ck_mentors_capacity_positive')),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_mentors_employer_id_employers')),
    sa.ForeignKeyConstraint(['talent_id'], ['talents.id'], name=op.f('fk_mentors_talent_id_talents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentors'))
    )
    with op.batch_alter_table('mentors', schema=None) as batch_op:
        batch_op.create_index('ix_mentors_active', ['active'], unique=False)
        batch_op.create_index('ix_mentors_employer', ['employer_id'], unique=False)
        batch_op.create_index('ix_mentors_talent', ['talent_id'], unique=False)

    op.create_table('subsidy_grants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('talent_id', sa.Integer(), nullable=False),
    sa.Column('policy_id', sa.Integer(), nullable=False),
    sa.Column('policy_name', sa.String(length=120), nullable=False),
    sa.Column('policy_kind', sa.String(length=20), nullable=False),
    sa.Column('doc_number', sa.String(length=80), nullable=False),
    sa.Column('approved_total_fen', sa.Integer(), nullable=False),
    sa.Column('instalment_mode', sa.String(length=12), nullable=False),
    sa.Column('instalment_count', sa.Integer(), nullable=False),
    sa.Column('clawback_rule', sa.String(length=12), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('status_reason', sa.String(length=200), nullable=False),
    sa.Column('granted_by', sa.String(length=60), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("clawback_rule IN ('none', 'pro_rata', 'full')", name=op.f('ck_subsidy_grants_clawback_rule_valid')),
    sa.CheckConstraint("instalment_mode IN ('lump_sum', 'monthly', 'yearly')", name=op.f('ck_subsidy_grants_instalment_mode_valid')),
    sa.CheckConstraint("status IN ('active', 'suspended', 'terminated', 'completed')", name=op.f('ck_subsidy_grants_status_valid')),
    sa.CheckConstraint('approved_total_fen > 0', name=op.f('ck_subsidy_grants_total_positive')),
    sa.CheckConstraint('instalment_count >= 1', name=op.f('ck_subsidy_grants_instalment_count_positive')),
    sa.ForeignKeyConstraint(['policy_id'], ['subsidy_policies.id'], name=op.f('fk_subsidy_grants_policy_id_subsidy_policies')),
    sa.ForeignKeyConstraint(['talent_id'], ['talents.id'], name=op.f('fk_subsidy_grants_talent_id_talents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subsidy_grants'))
    )
    with op.batch_alter_table('subsidy_grants', schema=None) as batch_op:
        batch_op.create_index('ix_subsidy_grants_policy', ['policy_id', 'status'], unique=False)
        batch_op.create_index('ix_subsidy_grants_talent', ['talent_id'], unique=False)

    op.create_table('training_enrolments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('talent_id', sa.Integer(), nullable=False),
    sa.Column('enrolled_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('hours', sa.Float(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("status IN ('enrolled', 'completed', 'dropped')", name=op.f('ck_training_enrolments_status_valid')),
    sa.CheckConstraint('hours >= 0', name=op.f('ck_training_enrolments_hours_non_negative')),
    sa.ForeignKeyConstraint(['program_id'], ['training_programs.id'], name=op.f('fk_training_enrolments_program_id_training_programs')),
    sa.ForeignKeyConstraint(['talent_id'], ['talents.id'], name=op.f('fk_training_enrolments_talent_id_talents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_enrolments')),
    sa.UniqueConstraint('program_id', 'talent_id', name=op.f('uq_training_enrolments_program_id_talent_id'))
    )
    with op.batch_alter_table('training_enrolments', schema=None) as batch_op:
        batch_op.create_index('ix_training_enrolments_talent', ['talent_id'], unique=False)

    op.create_table('instalments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('grant_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('posted', sa.Boolean(), nullable=False),
    sa.Column('cancelled', sa.Boolean(), nullable=False),
    sa.CheckConstraint('amount_fen > 0', name=op.f('ck_instalments_amount_positive')),
    sa.CheckConstraint('seq >= 1', name=op.f('ck_instalments_seq_positive')),
    sa.ForeignKeyConstraint(['grant_id'], ['subsidy_grants.id'], name=op.f('fk_instalments_grant_id_subsidy_grants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_instalments')),
    sa.UniqueConstraint('grant_id', 'seq', name=op.f('uq_instalments_grant_id_seq'))
    )
    with op.batch_alter_table('instalments', schema=None) as batch_op:
        batch_op.create_index('ix_instalments_due', ['due_date', 'posted'], unique=False)

    op.create_table('ledger_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('grant_id', sa.Integer(), nullable=False),
    sa.Column('talent_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('entry_date', sa.Date(), nullable=False),
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('instalment_seq', sa.Integer(), nullable=True),
    sa.Column('reverses_id', sa.Integer(), nullable=True),
    sa.Column('payment_id', sa.Integer(), nullable=True),
    sa.Column('voucher_no', sa.String(length=40), nullable=False),
    sa.Column('method', sa.String(length=8), nullable=True),
    sa.Column('memo', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=60), nullable=False),
    sa.CheckConstraint("(kind = 'due' AND amount_fen > 0) OR (kind = 'payment' AND amount_fen < 0) OR (kind = 'clawback' AND amount_fen < 0) OR (kind = 'refund' AND amount_fen > 0) OR kind IN ('reversal', 'waiver')", name=op.f('ck_ledger_entries_amount_sign_by_kind')),
    sa.CheckConstraint("(kind = 'reversal') = (reverses_id IS NOT NULL)", name=op.f('ck_ledger_entries_reversal_has_target')),
    sa.CheckConstraint("kind IN ('due', 'payment', 'reversal', 'clawback', 'refund', 'waiver')", name=op.f('ck_ledger_entries_kind_valid')),
    sa.CheckConstraint("method IS NULL OR method IN ('bank', 'cash')", name=op.f('ck_ledger_entries_method_valid')),
    sa.CheckConstraint('amount_fen <> 0', name=op.f('ck_ledger_entries_amount_nonzero')),
    sa.ForeignKeyConstraint(['grant_id'], ['subsidy_grants.id'], name=op.f('fk_ledger_entries_grant_id_subsidy_grants')),
    sa.ForeignKeyConstraint(['payment_id'], ['payments.id'], name=op.f('fk_ledger_entries_payment_id_payments'), use_alter=True),
    sa.ForeignKeyConstraint(['reverses_id'], ['ledger_entries.id'], name=op.f('fk_ledger_entries_reverses_id_ledger_entries')),
    sa.ForeignKeyConstraint(['talent_id'], ['talents.id'], name=op.f('fk_ledger_entries_talent_id_talents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_entries')),
    sa.UniqueConstraint('reverses_id', name=op.f('uq_ledger_entries_reverses_id'))
    )
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.create_index('ix_ledger_entries_date', ['entry_date'], unique=False)
        batch_op.create_index('ix_ledger_entries_grant', ['grant_id', 'id'], unique=False)
        batch_op.create_index('ix_ledger_entries_payment', ['payment_id'], unique=False)
        batch_op.create_index('ix_ledger_entries_talent', ['talent_id', 'entry_date'], unique=False)
        batch_op.create_index('ix_ledger_entries_year_kind', ['fiscal_year', 'kind'], unique=False)

    op.create_table('pairings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mentor_id', sa.Integer(), nullable=False),
    sa.Column('talent_id', sa.Integer(), nullable=False),
    sa.Column('role_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('planned_end_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('end_reason', sa.String(length=200), nullable=False),
    sa.Column('goals', sa.Text(), nullable=False),
    sa.Column('cadence_days', sa.Integer(), nullable=False),
    sa.Column('last_checkin_date', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('cadence_days >= 1', name=op.f('ck_pairings_cadence_positive')),
    sa.CheckConstraint('end_date IS NULL OR end_date >= start_date', name=op.f('ck_pairings_end_after_start')),
    sa.ForeignKeyConstraint(['mentor_id'], ['mentors.id'], name=op.f('fk_pairings_mentor_id_mentors')),
    sa.ForeignKeyConstraint(['role_id'], ['mentor_roles.id'], name=op.f('fk_pairings_role_id_mentor_roles')),
    sa.ForeignKeyConstraint(['talent_id'], ['talents.id'], name=op.f('fk_pairings_talent_id_talents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pairings'))
    )
    with op.batch_alter_table('pairings', schema=None) as batch_op:
        batch_op.create_index('ix_pairings_mentor', ['mentor_id', 'end_date'], unique=False)
        batch_op.create_index('ix_pairings_role', ['role_id'], unique=False)
        batch_op.create_index('ix_pairings_talent', ['talent_id', 'end_date'], unique=False)
        batch_op.create_index('uq_pairings_current_talent_role', ['talent_id', 'role_id'], unique=True, sqlite_where=sa.text('end_date IS NULL'), postgresql_where=sa.text('end_date IS NULL'))

    op.create_table('certificates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('serial', sa.String(length=32), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('issued_by', sa.String(length=60), nullable=False),
    sa.Column('print_count', sa.Integer(), nullable=False),
    sa.Column('last_printed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['entry_id'], ['ledger_entries.id'], name=op.f('fk_certificates_entry_id_ledger_entries')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificates')),
    sa.UniqueConstraint('entry_id', name=op.f('uq_certificates_entry_id')),
    sa.UniqueConstraint('serial', name=op.f('uq_certificates_serial'))
    )
    op.create_table('checkins',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pairing_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('mode', sa.String(length=8), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('issue_tags', sa.String(length=60), nullable=False),
    sa.Column('issues', sa.Text(), nullable=False),
    sa.Column('follow_up', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("mode IN ('face', 'phone', 'online')", name=op.f('ck_checkins_mode_valid')),
    sa.ForeignKeyConstraint(['pairing_id'], ['pairings.id'], name=op.f('fk_checkins_pairing_id_pairings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkins'))
    )
    with op.batch_alter_table('checkins', schema=None) as batch_op:
        batch_op.create_index('ix_checkins_pairing', ['pairing_id', 'date'], unique=False)

    op.create_table('payments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('grant_id', sa.Integer(), nullable=False),
    sa.Column('talent_id', sa.Integer(), nullable=False),
    sa.Column('instalment_seq', sa.Integer(), nullable=True),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('method', sa.String(length=8), nullable=False),
    sa.Column('voucher_no', sa.String(length=40), nullable=False),
    sa.Column('pay_date', sa.Date(), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_by', sa.String(length=60), nullable=False),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_by', sa.String(length=60), nullable=False),
    sa.Column('approved_at', sa.DateTime(), nullable=True),
    sa.Column('paid_at', sa.DateTime(), nullable=True),
    sa.Column('entry_id', sa.Integer(), nullable=True),
    sa.Column('memo', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("method IN ('bank', 'cash')", name=op.f('ck_payments_method_valid')),
    sa.CheckConstraint("status IN ('recorded', 'approved', 'paid', 'cancelled')", name=op.f('ck_payments_status_valid')),
    sa.CheckConstraint('amount_fen > 0', name=op.f('ck_payments_amount_positive')),
    sa.CheckConstraint('approved_by_id IS NULL OR recorded_by_id IS NULL OR approved_by_id <> recorded_by_id', name=op.f('ck_payments_approver_not_recorder')),
    sa.ForeignKeyConstraint(['approved_by_id'], ['users.id'], name=op.f('fk_payments_approved_by_id_users')),
    sa.ForeignKeyConstraint(['entry_id'], ['ledger_entries.id'], name=op.f('fk_payments_entry_id_ledger_entries')),
    sa.ForeignKeyConstraint(['grant_id'], ['subsidy_grants.id'], name=op.f('fk_payments_grant_id_subsidy_grants')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_payments_recorded_by_id_users')),
    sa.ForeignKeyConstraint(['talent_id'], ['talents.id'], name=op.f('fk_payments_talent_id_talents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payments')),
    sa.UniqueConstraint('entry_id', name=op.f('uq_payments_entry_id'))
    )
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.create_index('ix_payments_approved_by', ['approved_by_id'], unique=False)
        batch_op.create_index('ix_payments_grant', ['grant_id'], unique=False)
        batch_op.create_index('ix_payments_recorded_by', ['recorded_by_id'], unique=False)
        batch_op.create_index('ix_payments_status', ['status', 'pay_date'], unique=False)
        batch_op.create_index('ix_payments_talent', ['talent_id'], unique=False)
    _deferred_foreign_keys()
    _append_only_triggers()
    _seed_reference_data()


def _deferred_foreign_keys() -> None:
    """The two links that close a cycle (use_alter): inline on SQLite, added after the tables elsewhere."""
    if op.get_bind().dialect.name == "sqlite":
        return
    op.create_foreign_key(op.f("fk_care_cases_source_checkin_id_checkins"), "care_cases", "checkins",
                          ["source_checkin_id"], ["id"])
    op.create_foreign_key(op.f("fk_ledger_entries_payment_id_payments"), "ledger_entries", "payments",
                          ["payment_id"], ["id"])


APPEND_ONLY = ("ledger_entries", "audit_entries")


def _append_only_triggers() -> None:
    """The ledger and the audit trail refuse UPDATE and DELETE at the database level."""
    dialect = op.get_bind().dialect.name
    for table in APPEND_ONLY:
        if dialect == "sqlite":
            for verb in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER trg_{table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
        elif dialect == "postgresql":
            op.execute(
                f"CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$ "
                f"BEGIN RAISE EXCEPTION '{table} is append-only'; END; $$ LANGUAGE plpgsql"
            )
            op.execute(
                f"CREATE TRIGGER trg_{table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
            )


def _seed_reference_data() -> None:
    tiers = sa.table("tiers", sa.column("code"), sa.column("name"), sa.column("name_en"), sa.column("sort_order"))
    op.bulk_insert(tiers, [
        {"code": "A", "name": "顶尖人才", "name_en": "Top talent", "sort_order": 1},
        {"code": "B", "name": "领军人才", "name_en": "Leading talent", "sort_order": 2},
        {"code": "C", "name": "高层次人才", "name_en": "High-level talent", "sort_order": 3},
        {"code": "D", "name": "骨干人才", "name_en": "Core talent", "sort_order": 4},
        {"code": "E", "name": "青年人才", "name_en": "Young talent", "sort_order": 5},
    ])
    roles = sa.table("mentor_roles", sa.column("id"), sa.column("name"), sa.column("name_en"), sa.column("sort_order"))
    op.bulk_insert(roles, [
        {"id": 1, "name": "单位领导", "name_en": "Unit leader", "sort_order": 1},
        {"id": 2, "name": "分管领导", "name_en": "Supervising leader", "sort_order": 2},
        {"id": 3, "name": "业务导师", "name_en": "Professional mentor", "sort_order": 3},
    ])
    if op.get_bind().dialect.name == "postgresql":  # explicit ids: move the sequence past them
        op.execute("SELECT setval(pg_get_serial_sequence('mentor_roles', 'id'), 3)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in APPEND_ONLY:
            for verb in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_no_{verb}")
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_index('ix_payments_talent')
        batch_op.drop_index('ix_payments_status')
        batch_op.drop_index('ix_payments_recorded_by')
        batch_op.drop_index('ix_payments_grant')
        batch_op.drop_index('ix_payments_approved_by')

    op.drop_table('payments')
    with op.batch_alter_table('checkins', schema=None) as batch_op:
        batch_op.drop_index('ix_checkins_pairing')

    op.drop_table('checkins')
    op.drop_table('certificates')
    with op.batch_alter_table('pairings', schema=None) as batch_op:
        batch_op.drop_index('uq_pairings_current_talent_role', sqlite_where=sa.text('end_date IS NULL'), postgresql_where=sa.text('end_date IS NULL'))
        batch_op.drop_index('ix_pairings_talent')
        batch_op.drop_index('ix_pairings_role')
        batch_op.drop_index('ix_pairings_mentor')

    op.drop_table('pairings')
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_ledger_entries_year_kind')
        batch_op.drop_index('ix_ledger_entries_talent')
        batch_op.drop_index('ix_ledger_entries_payment')
        batch_op.drop_index('ix_ledger_entries_grant')
        batch_op.drop_index('ix_ledger_entries_date')

    op.drop_table('ledger_entries')
    with op.batch_alter_table('instalments', schema=None) as batch_op:
        batch_op.drop_index('ix_instalments_due')

    op.drop_table('instalments')
    with op.batch_alter_table('training_enrolments', schema=None) as batch_op:
        batch_op.drop_index('ix_training_enrolments_talent')

    op.drop_table('training_enrolments')
    with op.batch_alter_table('subsidy_grants', schema=None) as batch_op:
        batch_op.drop_index('ix_subsidy_grants_talent')
        batch_op.drop_index('ix_subsidy_grants_policy')

    op.drop_table('subsidy_grants')
    with op.batch_alter_table('mentors', schema=None) as batch_op:
        batch_op.drop_index('ix_mentors_talent')
        batch_op.drop_index('ix_mentors_employer')
        batch_op.drop_index('ix_mentors_active')

    op.drop_table('mentors')
    with op.batch_alter_table('growth_events', schema=None) as batch_op:
        batch_op.drop_index('ix_growth_events_talent')
        batch_op.drop_index('ix_growth_events_kind')

    op.drop_table('growth_events')
    with op.batch_alter_table('care_cases', schema=None) as batch_op:
        batch_op.drop_index('ix_care_cases_talent')
        batch_op.drop_index('ix_care_cases_status')
        batch_op.drop_index('ix_care_cases_checkin')

    op.drop_table('care_cases')
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_index('ix_attachments_talent')

    op.drop_table('attachments')
    with op.batch_alter_table('talents', schema=None) as batch_op:
        batch_op.drop_index('ix_talents_tier')
        batch_op.drop_index('ix_talents_status_arrival')
        batch_op.drop_index('ix_talents_service_end')
        batch_op.drop_index('ix_talents_phone')
        batch_op.drop_index('ix_talents_name_pinyin')
        batch_op.drop_index('ix_talents_name_initials')
        batch_op.drop_index('ix_talents_name')
        batch_op.drop_index('ix_talents_employer')

    op.drop_table('talents')
    with op.batch_alter_table('policy_exclusions', schema=None) as batch_op:
        batch_op.drop_index('ix_policy_exclusions_excluded')

    op.drop_table('policy_exclusions')
    with op.batch_alter_table('policy_amounts', schema=None) as batch_op:
        batch_op.drop_index('ix_policy_amounts_tier')

    op.drop_table('policy_amounts')
    op.drop_table('users')
    with op.batch_alter_table('training_programs', schema=None) as batch_op:
        batch_op.drop_index('ix_training_programs_year')

    op.drop_table('training_programs')
    op.drop_table('tiers')
    op.drop_table('subsidy_policies')
    op.drop_table('settings')
    op.drop_table('serial_counters')
    op.drop_table('mentor_roles')
    op.drop_table('employers')
    op.drop_table('budgets')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entries_record')
        batch_op.drop_index('ix_audit_entries_at')
        batch_op.drop_index('ix_audit_entries_actor')

    op.drop_table('audit_entries')
