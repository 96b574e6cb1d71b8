"""initial schema: the whole domain, append-only triggers, seed tiers and mentor roles

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 19:31:01.660693
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

from talentdesk.store.schema_kit import create_table, drop_tables, partial_unique


revision = '0001'
down_revision = None

# A grant keeps the payment terms of its policy: both tables check them alike, before their own checks.
TERMS = [("clawback_rule_valid", "clawback_rule IN ('none', 'pro_rata', 'full')"),
         ("instalment_mode_valid", "instalment_mode IN ('lump_sum', 'monthly', 'yearly')")]


def upgrade() -> None:
    create_table("audit_entries", """
        at          datetime
        actor_id    int?
        actor_name  str60
        action      str16
        table_name  str40
        record_id   str40?
        before      text?
        after       text?
        summary     str400
        check action_valid: action IN ('insert', 'update', 'delete', 'bulk', 'login', 'login_failed', 'logout',
            'denied', 'export', 'import', 'backup', 'restore', 'demo')
        index ix_audit_entries_actor: actor_name at
        index ix_audit_entries_at: at
        index ix_audit_entries_record: table_name record_id
        """)
    create_table("budgets", """
        fiscal_year  int
        policy_kind  str20
        amount_fen   int
        notes        str200
        stamps
        check policy_kind_valid: policy_kind IN ('settling', 'living', 'house_purchase', 'rent', 'apartment',
            'startup', 'other')
        check amount_non_negative: amount_fen >= 0
        unique fiscal_year policy_kind
        """)
    create_table("employers", """
        name           str120 unique
        name_pinyin    str400
        name_initials  str120
        uscc           str18? unique
        kind           str40
        address        str200
        contact        str40
        phone          str20
        stamps
        """)
    create_table("mentor_roles", """
        name        str40 unique
        name_en     str60
        sort_order  int
        """)
    create_table("serial_counters", """
        prefix  str8 pk
        year    int  pk
        last    int
        """)
    create_table("settings", """
        key    str80 pk
        value  text
        """)
    create_table("subsidy_policies", """
        name                 str120
        kind                 str20
        doc_number           str80
        level                str12
        valid_from           date
        valid_to             date?
        eligible_tiers       str200
        eligible_educations  str200
        instalment_mode      str12
        instalment_count     int
        clawback_rule        str12
        active               bool
        notes                text
        stamps
        check kind_valid: kind IN ('settling', 'living', 'house_purchase', 'rent', 'apartment', 'startup', 'other')
        check level_valid: level IN ('county', 'city', 'province')
        check instalment_count_positive: instalment_count >= 1
        check valid_range: valid_to IS NULL OR valid_to >= valid_from
        """, checks=TERMS)
    create_table("tiers", """
        code        str8  pk
        name        str40
        name_en     str60
        sort_order  int
        """)
    create_table("training_programs", """
        year        int
        name        str120
        level       str40
        category    str40
        hours       float
        start_date  date?
        end_date    date?
        organizer   str80
        notes       text
        stamps
        check hours_non_negative: hours >= 0
        index ix_training_programs_year: year
        """)
    create_table("users", """
        username              str40     unique
        display_name          str60
        role                  str12
        password_hash         str200
        active                bool
        failed_attempts       int
        locked_until          datetime?
        must_change_password  bool
        last_login_at         datetime?
        stamps
        check role_valid: role IN ('admin', 'clerk', 'approver', 'viewer')
        """)
    create_table("policy_amounts", """
        policy_id   int    >subsidy_policies!
        tier_code   str8?  >tiers.code
        education   str16?
        amount_fen  int
        check amount_non_negative: amount_fen >= 0
        unique policy_id tier_code education
        index ix_policy_amounts_tier: tier_code
        """)
    create_table("policy_exclusions", """
        policy_id           int pk >subsidy_policies!
        excluded_policy_id  int pk >subsidy_policies!
        check ordered_pair: policy_id < excluded_policy_id
        index ix_policy_exclusions_excluded: excluded_policy_id
        """)
    create_table("talents", """
        name                    str40
        name_pinyin             str200
        name_initials           str40
        gender                  str1
        id_number               str18? unique
        birth_date              date?
        ethnicity               str20
        native_place            str60
        phone                   str20
        email                   str120
        education               str16
        degree                  str16
        school                  str80
        major                   str80
        professional_title      str60
        tier_code               str8   >tiers.code
        intro_mode              str16
        employer_id             int?   >employers
        post                    str80
        important_post          bool
        arrival_date            date
        service_years           int
        service_end_date        date?
        status                  str16
        departure_date          date?
        departure_reason        str200
        departure_destination   str120
        clawback_waiver_reason  str200
        notes                   text
        stamps
        check departure_date_iff_departed: (status = 'departed') = (departure_date IS NOT NULL)
        check degree_valid: degree IN ('doctor', 'master', 'bachelor', 'none')
        check education_valid: education IN ('doctorate', 'master', 'bachelor', 'college', 'other')
        check gender_valid: gender IN ('M', 'F')
        check intro_mode_valid: intro_mode IN ('full_time', 'flexible')
        check status_valid: status IN ('active', 'departed')
        check service_years_range: service_years >= 0 AND service_years <= 50
        index ix_talents_employer: employer_id status
        index ix_talents_name: name
        index ix_talents_name_initials: name_initials
        index ix_talents_name_pinyin: name_pinyin
        index ix_talents_phone: phone
        index ix_talents_service_end: service_end_date
        index ix_talents_status_arrival: status arrival_date
        index ix_talents_tier: tier_code status
        """)
    create_table("attachments", """
        talent_id  int      >talents!
        filename   str260
        sha256     str64
        size       int
        kind       str40
        added_at   datetime
        index ix_attachments_talent: talent_id
        """)
    create_table("care_cases", """
        talent_id          int    >talents
        kind               str16
        title              str120
        room               str40
        move_in_date       date?
        move_out_date      date?
        opened_on          date
        closed_on          date?
        status             str8
        notes              text
        source_checkin_id  int?   >checkins later
        stamps
        check closed_on_iff_closed: (status = 'closed') = (closed_on IS NOT NULL)
        check kind_valid: kind IN ('housing', 'spouse_job', 'child_school', 'hukou', 'canteen', 'club_event', 'other')
        check status_valid: status IN ('open', 'closed')
        index ix_care_cases_checkin: source_checkin_id
        index ix_care_cases_status: status kind
        index ix_care_cases_talent: talent_id status
        """)
    create_table("growth_events", """
        talent_id        int    >talents
        kind             str16
        event_date       date
        title            str120
        detail           text
        appraisal_grade  str12?
        appraisal_year   int?
        stamps
        check grade_iff_appraisal: (kind = 'appraisal') = (appraisal_grade IS NOT NULL)
        check appraisal_grade_valid: appraisal_grade IS NULL OR appraisal_grade IN ('excellent', 'competent',
            'basic', 'incompetent')
        check kind_valid: kind IN ('arrival', 'training', 'appraisal', 'award', 'title', 'post_change',
            'important_post', 'promotion', 'departure', 'other')
        index ix_growth_events_kind: kind event_date
        index ix_growth_events_talent: talent_id event_date
        """)
    create_table("mentors", """
        talent_id      int?   >talents
        name           str40
        name_pinyin    str200
        name_initials  str40
        employer_id    int?   >employers
        title          str60
        expertise      str200
        phone          str20
        capacity       int
        active         bool
        notes          text
        stamps
        check capacity_positive: capacity >= 1
        index ix_mentors_active: active
        index ix_mentors_employer: employer_id
        index ix_mentors_talent: talent_id
        """)
    create_table("subsidy_grants", """
        talent_id           int    >talents
        policy_id           int    >subsidy_policies
        policy_name         str120
        policy_kind         str20
        doc_number          str80
        approved_total_fen  int
        instalment_mode     str12
        instalment_count    int
        clawback_rule       str12
        start_date          date
        status              str12
        status_reason       str200
        granted_by          str60
        notes               text
        stamps
        check status_valid: status IN ('active', 'suspended', 'terminated', 'completed')
        check total_positive: approved_total_fen > 0
        check instalment_count_positive: instalment_count >= 1
        index ix_subsidy_grants_policy: policy_id status
        index ix_subsidy_grants_talent: talent_id
        """, checks=TERMS)
    create_table("training_enrolments", """
        program_id    int   >training_programs
        talent_id     int   >talents
        enrolled_on   date
        status        str12
        completed_on  date?
        hours         float
        stamps
        check status_valid: status IN ('enrolled', 'completed', 'dropped')
        check hours_non_negative: hours >= 0
        unique program_id talent_id
        index ix_training_enrolments_talent: talent_id
        """)
    create_table("instalments", """
        grant_id    int  >subsidy_grants
        seq         int
        due_date    date
        amount_fen  int
        posted      bool
        cancelled   bool
        check amount_positive: amount_fen > 0
        check seq_positive: seq >= 1
        unique grant_id seq
        index ix_instalments_due: due_date posted
        """)
    create_table("ledger_entries", """
        grant_id        int      >subsidy_grants
        talent_id       int      >talents
        kind            str12
        amount_fen      int
        entry_date      date
        fiscal_year     int
        instalment_seq  int?
        reverses_id     int?     unique >ledger_entries
        payment_id      int?     >payments later
        voucher_no      str40
        method          str8?
        memo            str200
        created_at      datetime
        created_by      str60
        check amount_sign_by_kind: (kind = 'due' AND amount_fen > 0) OR (kind = 'payment' AND amount_fen < 0)
            OR (kind = 'clawback' AND amount_fen < 0) OR (kind = 'refund' AND amount_fen > 0)
            OR kind IN ('reversal', 'waiver')
        check reversal_has_target: (kind = 'reversal') = (reverses_id IS NOT NULL)
        check kind_valid: kind IN ('due', 'payment', 'reversal', 'clawback', 'refund', 'waiver')
        check method_valid: method IS NULL OR method IN ('bank', 'cash')
        check amount_nonzero: amount_fen <> 0
        index ix_ledger_entries_date: entry_date
        index ix_ledger_entries_grant: grant_id id
        index ix_ledger_entries_payment: payment_id
        index ix_ledger_entries_talent: talent_id entry_date
        index ix_ledger_entries_year_kind: fiscal_year kind
        """)
    create_table("pairings", """
        mentor_id          int    >mentors
        talent_id          int    >talents
        role_id            int    >mentor_roles
        start_date         date
        planned_end_date   date?
        end_date           date?
        end_reason         str200
        goals              text
        cadence_days       int
        last_checkin_date  date?
        stamps
        check cadence_positive: cadence_days >= 1
        check end_after_start: end_date IS NULL OR end_date >= start_date
        index ix_pairings_mentor: mentor_id end_date
        index ix_pairings_role: role_id
        index ix_pairings_talent: talent_id end_date
        """,
        indexes=[partial_unique("uq_pairings_current_talent_role", "talent_id role_id", "end_date IS NULL")])
    create_table("certificates", """
        serial           str32     unique
        entry_id         int       unique >ledger_entries
        digest           str64
        issued_at        datetime
        issued_by        str60
        print_count      int
        last_printed_at  datetime?
        """)
    create_table("checkins", """
        pairing_id  int   >pairings
        date        date
        mode        str8
        notes       text
        issue_tags  str60
        issues      text
        follow_up   bool
        stamps
        check mode_valid: mode IN ('face', 'phone', 'online')
        index ix_checkins_pairing: pairing_id date
        """)
    create_table("payments", """
        grant_id        int       >subsidy_grants
        talent_id       int       >talents
        instalment_seq  int?
        amount_fen      int
        status          str12
        method          str8
        voucher_no      str40
        pay_date        date?
        recorded_by_id  int?      >users
        recorded_by     str60
        approved_by_id  int?      >users
        approved_by     str60
        approved_at     datetime?
        paid_at         datetime?
        entry_id        int?      unique >ledger_entries
        memo            str200
        stamps
        check method_valid: method IN ('bank', 'cash')
        check status_valid: status IN ('recorded', 'approved', 'paid', 'cancelled')
        check amount_positive: amount_fen > 0
        check approver_not_recorder: approved_by_id IS NULL OR recorded_by_id IS NULL
            OR approved_by_id <> recorded_by_id
        index ix_payments_approved_by: approved_by_id
        index ix_payments_grant: grant_id
        index ix_payments_recorded_by: recorded_by_id
        index ix_payments_status: status pay_date
        index ix_payments_talent: talent_id
        """)
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
    drop_tables("payments", "checkins", "certificates", "pairings", "ledger_entries", "instalments",
                "training_enrolments", "subsidy_grants", "mentors", "growth_events", "care_cases", "attachments",
                "talents", "policy_exclusions", "policy_amounts", "users", "training_programs", "tiers",
                "subsidy_policies", "settings", "serial_counters", "mentor_roles", "employers", "budgets",
                "audit_entries")
