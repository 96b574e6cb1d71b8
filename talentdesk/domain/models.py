"""The whole schema as SQLAlchemy 2 typed models.

Rules the database itself holds: money is INTEGER fen; kinds and statuses are CHECK-constrained; ledger and audit
rows are append-only (triggers in the migrations refuse UPDATE and DELETE); one current pairing per talent and role.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from talentdesk.domain import enums as E
from talentdesk.domain.values import utc_now as _now

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _in(column: str, enum: type, name: str | None = None, nullable: bool = False) -> CheckConstraint:
    vals = ", ".join(f"'{v}'" for v in E.values(enum))
    expr = f"{column} IN ({vals})"
    if nullable:
        expr = f"{column} IS NULL OR {expr}"
    return CheckConstraint(expr, name=name or f"{column}_valid")


def _unique_where(name: str, *columns: str, where: str, postgresql: str | None = None) -> Index:
    """A unique index over the rows matching `where` (on PostgreSQL `postgresql`, where its SQL differs)."""
    return Index(name, *columns, unique=True, sqlite_where=text(where), postgresql_where=text(postgresql or where))


Fen = BigInteger().with_variant(Integer(), "sqlite")
"""Money in fen: 64-bit on PostgreSQL (a city's budget passes 21,474,836.47 yuan, the 32-bit limit); SQLite's
INTEGER is 64-bit already."""


class TimestampMixin:
    """An editable record: when it was made and last changed, and its version. Every save checks the version it
    read (`UPDATE … WHERE id = ? AND version = ?`) and adds one, so a save over a newer version (another clerk's, on
    a shared server database) is refused as a conflict instead of silently overwriting it (services/base.py)."""

    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, server_default=text("CURRENT_TIMESTAMP"))
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, default=_now, onupdate=_now, server_default=text("CURRENT_TIMESTAMP")
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default=text("1"))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:  # noqa: N805
        return {"version_id_col": cls.__table__.c.version}


# ------------------------------------------------------------------ counties (one database, several counties)

COUNTY_KEY = "td_county"
"""The key under which a unit of work keeps, in its connection's `info`, the county its new rows belong to
(services/base.py sets it when the transaction begins)."""


def county_default(context) -> int | None:
    """The county a new county-owned row gets when none is given: the acting account's county (set by the unit of
    work), else the database's only county. Core inserts (imports, the demo) get it too. `context` is None when a
    caller asks for the value outside a statement (it then must pass the county itself)."""
    if context is None:
        return None
    conn = context.connection
    county = conn.info.get(COUNTY_KEY)
    if county is None:
        ids = conn.exec_driver_sql("SELECT id FROM counties ORDER BY id LIMIT 2").fetchall()
        county = ids[0][0] if len(ids) == 1 else None
    return county


class County(Base):
    """A county (区县) whose talent office keeps its records in this database: its 6-digit administrative division
    code (行政区划代码) and name. A county office's own file has one, the home county (id 1); a city database one per
    county. Accounts with no county are the city's."""

    __tablename__ = "counties"
    __table_args__ = (CheckConstraint("length(code) = 6", name="code_length"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(6), unique=True)
    name: Mapped[str] = mapped_column(String(60))


class CountyRole(Base):
    """Which PostgreSQL login role works for which county (county_id NULL: the city, which reads every county).
    Only the database's owner reads or writes it; the row-level security policies ask it through a definer function
    (store/scope.py), so no client can widen what it sees by setting anything."""

    __tablename__ = "county_roles"
    role_name: Mapped[str] = mapped_column(String(63), primary_key=True)
    county_id: Mapped[Optional[int]] = mapped_column(ForeignKey("counties.id"))


class CountyScoped:
    """A table whose rows belong to a county: each unit of work sees only its account's county (services/base.py),
    and on PostgreSQL row-level security holds the same line (store/scope.py). NULL: the city's (accounts, and
    what city accounts did)."""

    county_id: Mapped[Optional[int]] = mapped_column(ForeignKey("counties.id"))


class CountyOwned(CountyScoped):
    """A county's data: every row carries the county it belongs to (never NULL)."""

    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id"), default=county_default)


# ------------------------------------------------------------------ settings and reference data

class Setting(Base):
    """City-wide settings (office name, thresholds, weights …): the value every county uses unless it has its own
    (CountySetting), else the built-in default. Values are JSON text. Written by a city account, or by the program
    on a database with several counties and no county account; on PostgreSQL every role reads it and only the owner
    and city roles write it (store/scope.py)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CountySetting(CountyOwned, Base):
    """A county's own value of a setting (its office name printed on its certificates, its thresholds …), over the
    city-wide value in `settings`. A county office's file keeps its settings here, for its home county."""

    __tablename__ = "county_settings"
    __table_args__ = (UniqueConstraint("county_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80))
    value: Mapped[str] = mapped_column(Text)


class Tier(Base):
    """人才类别 A–E; the office can rename and add tiers."""

    __tablename__ = "tiers"
    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(60), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class MentorRole(Base):
    """单位领导 / 分管领导 / 业务导师 … — the office's to edit."""

    __tablename__ = "mentor_roles"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    name_en: Mapped[str] = mapped_column(String(60), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class ExitReason(Base):
    """离开原因: the coded reason recorded with a departure (家庭原因, 薪酬待遇, 发展空间 …) — the office's to edit.

    `code` is stable (reports and the CLI use it); names can be changed; a reason no longer offered is retired
    (active = False), never deleted, so departures recorded with it keep their meaning."""

    __tablename__ = "exit_reasons"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    name_en: Mapped[str] = mapped_column(String(60), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Employer(TimestampMixin, CountyOwned, Base):
    __tablename__ = "employers"
    __table_args__ = (UniqueConstraint("name", "county_id"), UniqueConstraint("uscc", "county_id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    name_pinyin: Mapped[str] = mapped_column(String(400), default="")
    name_initials: Mapped[str] = mapped_column(String(120), default="")
    uscc: Mapped[Optional[str]] = mapped_column(String(18))
    kind: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(40), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")


# ------------------------------------------------------------------ talents

class Talent(TimestampMixin, CountyOwned, Base):
    __tablename__ = "talents"
    __table_args__ = (
        _in("gender", E.Gender),
        _in("status", E.TalentStatus),
        _in("education", E.Education),
        _in("degree", E.Degree),
        _in("intro_mode", E.IntroMode),
        CheckConstraint("service_years >= 0 AND service_years <= 50", name="service_years_range"),
        CheckConstraint(
            "(status = 'departed') = (departure_date IS NOT NULL)", name="departure_date_iff_departed"
        ),
        Index("ix_talents_status_arrival", "status", "arrival_date"),
        Index("ix_talents_status_service_end", "status", "service_end_date"),  # commitments ending soon
        Index("ix_talents_status_departure", "status", "departure_date"),  # departed this year (overview)
        Index("ix_talents_employer", "employer_id", "status"),
        Index("ix_talents_tier", "tier_code", "status"),
        Index("ix_talents_service_end", "service_end_date"),
        Index("ix_talents_name", "name"),
        Index("ix_talents_name_pinyin", "name_pinyin"),
        Index("ix_talents_name_initials", "name_initials"),
        Index("ix_talents_phone", "phone"),
        Index("ix_talents_arrival", "arrival_date"),  # sorting the talents list by arrival
        Index("ix_talents_post", "post"),  # sorting the talents list by post
        Index("ix_talents_exit_reason", "exit_reason_id"),  # leavers by reason
        # one person once per county; the same ID number in two counties is two records (the city's roll-up
        # flags a person paid by both). ID number first: lookups by ID number use it in every county.
        UniqueConstraint("id_number", "county_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    name_pinyin: Mapped[str] = mapped_column(String(200), default="")  # 'zhangsan'
    name_initials: Mapped[str] = mapped_column(String(40), default="")  # 'zs'
    gender: Mapped[str] = mapped_column(String(1))
    id_number: Mapped[Optional[str]] = mapped_column(String(18))
    birth_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    ethnicity: Mapped[str] = mapped_column(String(20), default="")
    native_place: Mapped[str] = mapped_column(String(60), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    education: Mapped[str] = mapped_column(String(16), default=E.Education.BACHELOR.value)
    degree: Mapped[str] = mapped_column(String(16), default=E.Degree.NONE.value)
    school: Mapped[str] = mapped_column(String(80), default="")
    major: Mapped[str] = mapped_column(String(80), default="")
    professional_title: Mapped[str] = mapped_column(String(60), default="")
    tier_code: Mapped[str] = mapped_column(ForeignKey("tiers.code"))
    intro_mode: Mapped[str] = mapped_column(String(16), default=E.IntroMode.FULL_TIME.value)
    employer_id: Mapped[Optional[int]] = mapped_column(ForeignKey("employers.id"))
    post: Mapped[str] = mapped_column(String(80), default="")
    important_post: Mapped[bool] = mapped_column(Boolean, default=False)
    arrival_date: Mapped[dt.date] = mapped_column(Date)
    service_years: Mapped[int] = mapped_column(Integer, default=5)
    service_end_date: Mapped[Optional[dt.date]] = mapped_column(Date)  # arrival + service_years, kept by services
    status: Mapped[str] = mapped_column(String(16), default=E.TalentStatus.ACTIVE.value)
    departure_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    departure_reason: Mapped[str] = mapped_column(String(200), default="")
    exit_reason_id: Mapped[Optional[int]] = mapped_column(ForeignKey("exit_reasons.id"))  # the coded reason
    departure_destination: Mapped[str] = mapped_column(String(120), default="")
    clawback_waiver_reason: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    employer: Mapped[Optional[Employer]] = relationship(lazy="raise")
    tier: Mapped[Tier] = relationship(lazy="raise")


class Attachment(CountyOwned, Base):
    """A scan attached to a talent, stored in the data folder under its SHA-256."""

    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_talent", "talent_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    talent_id: Mapped[int] = mapped_column(ForeignKey("talents.id", ondelete="CASCADE"))
    filename: Mapped[str] = mapped_column(String(260))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40), default="")  # diploma, contract, agreement, other
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class AttachmentContent(Base):
    """The bytes of an attachment on a server database (PostgreSQL: bytea), where no data folder sits beside the
    database for every clerk's PC to share: one row per attachment, removed with it, in every pg_dump backup and
    every `move`. A SQLite file keeps its attachments in its data folder instead, and this table empty."""

    __tablename__ = "attachment_contents"
    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachments.id", ondelete="CASCADE"), primary_key=True,
                                               autoincrement=False)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class CareCase(TimestampMixin, CountyOwned, Base):
    """关爱服务: housing, spouse job, child school, 户籍, canteen, clubs — open until closed."""

    __tablename__ = "care_cases"
    __table_args__ = (
        _in("kind", E.CareKind),
        _in("status", E.CaseStatus),
        CheckConstraint("(status = 'closed') = (closed_on IS NOT NULL)", name="closed_on_iff_closed"),
        Index("ix_care_cases_talent", "talent_id", "status"),
        Index("ix_care_cases_status", "status", "kind"),
        Index("ix_care_cases_status_opened", "status", "opened_on"),  # open cases, oldest first (overview)
        Index("ix_care_cases_checkin", "source_checkin_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    talent_id: Mapped[int] = mapped_column(ForeignKey("talents.id"))
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(120), default="")
    room: Mapped[str] = mapped_column(String(40), default="")
    move_in_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    move_out_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    opened_on: Mapped[dt.date] = mapped_column(Date)
    closed_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(8), default=E.CaseStatus.OPEN.value)
    notes: Mapped[str] = mapped_column(Text, default="")
    source_checkin_id: Mapped[Optional[int]] = mapped_column(ForeignKey("checkins.id", use_alter=True))


# ------------------------------------------------------------------ subsidies and the ledger

class SubsidyPolicy(TimestampMixin, CountyOwned, Base):
    __tablename__ = "subsidy_policies"
    __table_args__ = (
        _in("kind", E.PolicyKind),
        _in("level", E.PolicyLevel),
        _in("instalment_mode", E.InstalmentMode),
        _in("clawback_rule", E.ClawbackRule),
        CheckConstraint("instalment_count >= 1", name="instalment_count_positive"),
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="valid_range"),
        _in("verification_rule", E.VerificationRule),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))
    doc_number: Mapped[str] = mapped_column(String(80), default="")  # 文号
    level: Mapped[str] = mapped_column(String(12), default=E.PolicyLevel.COUNTY.value)
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[Optional[dt.date]] = mapped_column(Date)
    eligible_tiers: Mapped[str] = mapped_column(String(200), default="")  # comma list of tier codes; '' = all
    eligible_educations: Mapped[str] = mapped_column(String(200), default="")  # comma list; '' = all
    instalment_mode: Mapped[str] = mapped_column(String(12), default=E.InstalmentMode.LUMP_SUM.value)
    instalment_count: Mapped[int] = mapped_column(Integer, default=1)
    clawback_rule: Mapped[str] = mapped_column(String(12), default=E.ClawbackRule.PRO_RATA.value)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # the service commitment the policy asks (服务期5年); a pro-rata clawback counts against it. NULL: the talent's own
    service_years: Mapped[Optional[int]] = mapped_column(Integer)
    # 在岗核验 before paying: none, yearly or before each instalment (services/payments/verification.py)
    verification_rule: Mapped[str] = mapped_column(String(8), default=E.VerificationRule.NONE.value,
                                                   server_default=text("'none'"))


class PolicyAmount(CountyOwned, Base):
    """Amount of a policy for a tier and/or education; NULL matches any. The most specific row wins."""

    __tablename__ = "policy_amounts"
    __table_args__ = (
        CheckConstraint("amount_fen >= 0", name="amount_non_negative"),
        UniqueConstraint("policy_id", "tier_code", "education"),
        Index("ix_policy_amounts_tier", "tier_code"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    policy_id: Mapped[int] = mapped_column(ForeignKey("subsidy_policies.id", ondelete="CASCADE"))
    tier_code: Mapped[Optional[str]] = mapped_column(ForeignKey("tiers.code"))
    education: Mapped[Optional[str]] = mapped_column(String(16))
    amount_fen: Mapped[int] = mapped_column(Fen)


class PolicyExclusion(CountyOwned, Base):
    """Two policies that exclude each other (no double benefit). Stored once per pair, lower id first."""

    __tablename__ = "policy_exclusions"
    __table_args__ = (
        CheckConstraint("policy_id < excluded_policy_id", name="ordered_pair"),
        Index("ix_policy_exclusions_excluded", "excluded_policy_id"),
    )
    policy_id: Mapped[int] = mapped_column(ForeignKey("subsidy_policies.id", ondelete="CASCADE"), primary_key=True)
    excluded_policy_id: Mapped[int] = mapped_column(
        ForeignKey("subsidy_policies.id", ondelete="CASCADE"), primary_key=True
    )


class PolicyEligibility(CountyOwned, Base):
    """Eligibility beyond tier and education, and the materials (申报材料) a policy asks for — data the office edits.

    NULL / '' means no condition. Ages are at arrival; `min_service_years` is the service commitment signed.
    `materials` lists attachment kinds (diploma, contract, agreement, other); `materials_block` stops a draft grant
    from being approved while any is missing."""

    __tablename__ = "policy_eligibility"
    __table_args__ = (
        CheckConstraint("arrival_to IS NULL OR arrival_from IS NULL OR arrival_to >= arrival_from",
                        name="arrival_window"),
        CheckConstraint("min_age IS NULL OR max_age IS NULL OR max_age >= min_age", name="age_range"),
    )
    policy_id: Mapped[int] = mapped_column(ForeignKey("subsidy_policies.id", ondelete="CASCADE"), primary_key=True)
    arrival_from: Mapped[Optional[dt.date]] = mapped_column(Date)
    arrival_to: Mapped[Optional[dt.date]] = mapped_column(Date)
    employer_kinds: Mapped[str] = mapped_column(String(200), default="")  # comma list of Employer.kind; '' = any
    intro_modes: Mapped[str] = mapped_column(String(40), default="")      # comma list of IntroMode; '' = any
    min_age: Mapped[Optional[int]] = mapped_column(Integer)
    max_age: Mapped[Optional[int]] = mapped_column(Integer)
    min_service_years: Mapped[Optional[int]] = mapped_column(Integer)
    materials: Mapped[str] = mapped_column(String(200), default="")        # comma list of attachment kinds
    materials_block: Mapped[bool] = mapped_column(Boolean, default=True)


class GrantDraft(TimestampMixin, CountyOwned, Base):
    """A grant the entitlement sweep proposes (免申即享): drafted by one person, approved (which makes the real grant
    through the ledger's grant service) or rejected by another. Nothing reaches the ledger while it is a draft."""

    __tablename__ = "grant_drafts"
    __table_args__ = (
        _in("status", E.DraftStatus),
        CheckConstraint("amount_fen > 0", name="amount_positive"),
        Index("ix_grant_drafts_status", "status", "policy_id"),
        Index("ix_grant_drafts_talent", "talent_id", "policy_id"),
        _unique_where("uq_grant_drafts_open_talent_policy", "talent_id", "policy_id", where="status = 'draft'"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    talent_id: Mapped[int] = mapped_column(ForeignKey("talents.id"))
    policy_id: Mapped[int] = mapped_column(ForeignKey("subsidy_policies.id"))
    amount_fen: Mapped[int] = mapped_column(Fen)
    start_date: Mapped[dt.date] = mapped_column(Date)
    matched: Mapped[str] = mapped_column(Text, default="")          # the rules that matched, as shown to the user
    missing_materials: Mapped[str] = mapped_column(String(200), default="")  # comma list of attachment kinds
    status: Mapped[str] = mapped_column(String(12), default=E.DraftStatus.DRAFT.value)
    drafted_by_id: Mapped[Optional[int]] = mapped_column(Integer)
    drafted_by: Mapped[str] = mapped_column(String(60), default="")
    decided_by: Mapped[str] = mapped_column(String(60), default="")
    decided_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    decision_note: Mapped[str] = mapped_column(String(200), default="")
    grant_id: Mapped[Optional[int]] = mapped_column(ForeignKey("subsidy_grants.id"))


class SubsidyGrant(TimestampMixin, CountyOwned, Base):
    """A policy granted to one talent. What was approved is copied here, so editing the policy changes nothing."""

    __tablename__ = "subsidy_grants"
    __table_args__ = (
        _in("status", E.GrantStatus),
        _in("clawback_rule", E.ClawbackRule),
        _in("instalment_mode", E.InstalmentMode),
        CheckConstraint("approved_total_fen > 0", name="total_positive"),
        CheckConstraint("instalment_count >= 1", name="instalment_count_positive"),
        Index("ix_subsidy_grants_talent", "talent_id"),
        Index("ix_subsidy_grants_policy", "policy_id", "status"),
        Index("ix_subsidy_grants_status", "status", "talent_id"),  # active grants: what falls due now
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    talent_id: Mapped[int] = mapped_column(ForeignKey("talents.id"))
    policy_id: Mapped[int] = mapped_column(ForeignKey("subsidy_policies.id"))
    policy_name: Mapped[str] = mapped_column(String(120))
    policy_kind: Mapped[str] = mapped_column(String(20))
    doc_number: Mapped[str] = mapped_column(String(80), default="")
    approved_total_fen: Mapped[int] = mapped_column(Fen)
    instalment_mode: Mapped[str] = mapped_column(String(12))
    instalment_count: Mapped[int] = mapped_column(Integer)
    clawback_rule: Mapped[str] = mapped_column(String(12))
    start_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default=E.GrantStatus.ACTIVE.value)
    status_reason: Mapped[str] = mapped_column(String(200), default="")
    granted_by: Mapped[str] = mapped_column(String(60), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Instalment(CountyOwned, Base):
    """One scheduled instalment of a grant. It becomes a `due` ledger entry only while the talent is active."""

    __tablename__ = "instalments"
    __table_args__ = (
        UniqueConstraint("grant_id", "seq"),
        CheckConstraint("amount_fen > 0", name="amount_positive"),
        CheckConstraint("seq >= 1", name="seq_positive"),
        Index("ix_instalments_due", "due_date", "posted"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    grant_id: Mapped[int] = mapped_column(ForeignKey("subsidy_grants.id"))
    seq: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[dt.date] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(Fen)
    posted: Mapped[bool] = mapped_column(Boolean, default=False)  # its `due` entry exists
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)  # will never fall due (departure/termination)


class LedgerEntry(CountyOwned, Base):
    """One movement of money. Append-only: the database refuses UPDATE and DELETE (triggers)."""

    __tablename__ = "ledger_entries"
    __table_args__ = (
        _in("kind", E.EntryKind),
        _in("method", E.PaymentMethod, nullable=True),
        CheckConstraint("amount_fen <> 0", name="amount_nonzero"),
        CheckConstraint(
            "(kind = 'due' AND amount_fen > 0) OR (kind = 'payment' AND amount_fen < 0) OR "
            "(kind = 'clawback' AND amount_fen < 0) OR (kind = 'refund' AND amount_fen > 0) OR "
            "kind IN ('reversal', 'waiver')",
            name="amount_sign_by_kind",
        ),
        CheckConstraint("(kind = 'reversal') = (reverses_id IS NOT NULL)", name="reversal_has_target"),
        Index("ix_ledger_entries_grant", "grant_id", "id"),
        Index("ix_ledger_entries_talent", "talent_id", "entry_date"),
        Index("ix_ledger_entries_year_kind", "fiscal_year", "kind"),
        Index("ix_ledger_entries_year_id", "fiscal_year", "id"),  # a year's newest entries first, without sorting
        Index("ix_ledger_entries_date", "entry_date"),
        Index("ix_ledger_entries_payment", "payment_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    grant_id: Mapped[int] = mapped_column(ForeignKey("subsidy_grants.id"))
    talent_id: Mapped[int] = mapped_column(ForeignKey("talents.id"))
    kind: Mapped[str] = mapped_column(String(12))
    amount_fen: Mapped[int] = mapped_column(Fen)
    entry_date: Mapped[dt.date] = mapped_column(Date)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    instalment_seq: Mapped[Optional[int]] = mapped_column(Integer)
    reverses_id: Mapped[Optional[int]] = mapped_column(ForeignKey("ledger_entries.id"), unique=True)
    payment_id: Mapped[Optional[int]] = mapped_column(ForeignKey("payments.id", use_alter=True))
    voucher_no: Mapped[str] = mapped_column(String(40), default="")
    method: Mapped[Optional[str]] = mapped_column(String(8))
    memo: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    created_by: Mapped[str] = mapped_column(String(60), default="")


class Payment(TimestampMixin, CountyOwned, Base):
    """A payment order moving through recorded → approved → paid. Marking it paid posts the ledger entry.

    Separation of duties is also held by the database: the approver is never the recorder (when both are users).
    """

    __tablename__ = "payments"
    __table_args__ = (
        _in("status", E.PaymentStatus),
        _in("method", E.PaymentMethod),
        CheckConstraint("amount_fen > 0", name="amount_positive"),
        CheckConstraint(
            "approved_by_id IS NULL OR recorded_by_id IS NULL OR approved_by_id <> recorded_by_id",
            name="approver_not_recorder",
        ),
        Index("ix_payments_status", "status", "pay_date"),
        Index("ix_payments_grant", "grant_id"),
        Index("ix_payments_talent", "talent_id"),
        Index("ix_payments_recorded_by", "recorded_by_id"),
        Index("ix_payments_approved_by", "approved_by_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    grant_id: Mapped[int] = mapped_column(ForeignKey("subsidy_grants.id"))
    talent_id: Mapped[int] = mapped_column(ForeignKey("talents.id"))
    instalment_seq: Mapped[Optional[int]] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Fen)
    status: Mapped[str] = mapped_column(String(12), default=E.PaymentStatus.RECORDED.value)
    method: Mapped[str] = mapped_column(String(8), default=E.PaymentMethod.BANK.value)
    voucher_no: Mapped[str] = mapped_column(String(40), default="")
    pay_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    recorded_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    recorded_by: Mapped[str] = mapped_column(String(60), default="")
    approved_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    approved_by: Mapped[str] = mapped_column(String(60), default="")
    approved_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    paid_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    entry_id: Mapped[Optional[int]] = mapped_column(ForeignKey("ledger_entries.id"), unique=True)
    memo: Mapped[str] = mapped_column(String(200), default="")


class Certificate(CountyOwned, Base):
    """补贴发放凭证 for one payment entry, with a serial that never repeats and a keyed digest for the QR code."""

    __tablename__ = "certificates"
    __table_args__ = (UniqueConstraint("serial", "county_id"),)  # serials count per county
    id: Mapped[int] = mapped_column(primary_key=True)
    serial: Mapped[str] = mapped_column(String(32))
    entry_id: Mapped[int] = mapped_column(ForeignKey("ledger_entries.id"), unique=True)
    digest: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    issued_by: Mapped[str] = mapped_column(String(60), default="")
    print_count: Mapped[int] = mapped_column(Integer, default=0)
    last_printed_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    # Ed25519 signature (base32) of the QR payload by the office key; NULL for certificates issued before signing
    signature: Mapped[Optional[str]] = mapped_column(String(128))
    key_id: Mapped[Optional[int]] = mapped_column(ForeignKey("office_keys.id"))


class SerialCounter(CountyOwned, Base):
    """Last serial number used per year and prefix, in each county; serials are never reused."""

    __tablename__ = "serial_counters"
    prefix: Mapped[str] = mapped_column(String(8), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id"), primary_key=True, default=county_default)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Budget(TimestampMixin, CountyOwned, Base):
    __tablename__ = "budgets"
    __table_args__ = (
        UniqueConstraint("fiscal_year", "policy_kind", "county_id"),
        _in("policy_kind", E.PolicyKind),
        CheckConstraint("amount_fen >= 0", name="amount_non_negative"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    policy_kind: Mapped[str] = mapped_column(String(20))
    amount_fen: Mapped[int] = mapped_column(Fen)
    notes: Mapped[str] = mapped_column(String(200), default="")


# ------------------------------------------------------------------ mentors

class Mentor(TimestampMixin, CountyOwned, Base):
    __tablename__ = "mentors"
    __table_args__ = (
        CheckConstraint("capacity >= 1", name="capacity_positive"),
        Index("ix_mentors_active", "active"),
        Index("ix_mentors_employer", "employer_id"),
        Index("ix_mentors_board", "name_pinyin", "id", "active"),  # the board's columns in order, a page at a time
        Index("ix_mentors_talent", "talent_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    talent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("talents.id"))  # a talent can be a mentor
    name: Mapped[str] = mapped_column(String(40))
    name_pinyin: Mapped[str] = mapped_column(String(200), default="")
    name_initials: Mapped[str] = mapped_column(String(40), default="")
    employer_id: Mapped[Optional[int]] = mapped_column(ForeignKey("employers.id"))
    title: Mapped[str] = mapped_column(String(60), default="")
    expertise: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    capacity: Mapped[int] = mapped_column(Integer, default=3)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class Pairing(TimestampMixin, CountyOwned, Base):
    """结对: mentor + talent in a role. Current while end_date IS NULL; ending keeps the row (history)."""

    __tablename__ = "pairings"
    __table_args__ = (
        CheckConstraint("cadence_days >= 1", name="cadence_positive"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_after_start"),
        Index("ix_pairings_mentor", "mentor_id", "end_date"),
        Index("ix_pairings_talent", "talent_id", "end_date"),
        Index("ix_pairings_role", "role_id"),
        _unique_where("uq_pairings_current_talent_role", "talent_id", "role_id", where="end_date IS NULL"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("mentors.id"))
    talent_id: Mapped[int] = mapped_column(ForeignKey("talents.id"))
    role_id: Mapped[int] = mapped_column(ForeignKey("mentor_roles.id"))
    start_date: Mapped[dt.date] = mapped_column(Date)
    planned_end_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    end_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(String(200), default="")
    goals: Mapped[str] = mapped_column(Text, default="")
    cadence_days: Mapped[int] = mapped_column(Integer, default=30)
    last_checkin_date: Mapped[Optional[dt.date]] = mapped_column(Date)  # kept by services for the board


class CheckIn(TimestampMixin, CountyOwned, Base):
    """帮带记录: one conversation within a pairing."""

    __tablename__ = "checkins"
    __table_args__ = (
        _in("mode", E.CheckInMode),
        Index("ix_checkins_pairing", "pairing_id", "date"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    pairing_id: Mapped[int] = mapped_column(ForeignKey("pairings.id"))
    date: Mapped[dt.date] = mapped_column(Date)
    mode: Mapped[str] = mapped_column(String(8))
    notes: Mapped[str] = mapped_column(Text, default="")
    issue_tags: Mapped[str] = mapped_column(String(60), default="")  # comma list of IssueTag values
    issues: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[bool] = mapped_column(Boolean, default=False)


# ------------------------------------------------------------------ growth and training

class GrowthEvent(TimestampMixin, CountyOwned, Base):
    __tablename__ = "growth_events"
    __table_args__ = (
        _in("kind", E.GrowthKind),
        _in("appraisal_grade", E.AppraisalGrade, nullable=True),
        CheckConstraint("(kind = 'appraisal') = (appraisal_grade IS NOT NULL)", name="grade_iff_appraisal"),
        Index("ix_growth_events_talent", "talent_id", "event_date"),
        Index("ix_growth_events_date", "event_date", "id"),  # newest events first, without sorting
        Index("ix_growth_events_kind", "kind", "event_date"),
        Index("ix_growth_events_appraisal", "kind", "appraisal_grade", "event_date", "talent_id"),  # weak appraisals (watch list)
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    talent_id: Mapped[int] = mapped_column(ForeignKey("talents.id"))
    kind: Mapped[str] = mapped_column(String(16))
    event_date: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(120), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    appraisal_grade: Mapped[Optional[str]] = mapped_column(String(12))
    appraisal_year: Mapped[Optional[int]] = mapped_column(Integer)


class TrainingProgram(TimestampMixin, CountyOwned, Base):
    """An item of the annual training plan (年度培训计划)."""

    __tablename__ = "training_programs"
    __table_args__ = (
        CheckConstraint("hours >= 0", name="hours_non_negative"),
        Index("ix_training_programs_year", "year"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(120))
    level: Mapped[str] = mapped_column(String(40), default="")     # 分层
    category: Mapped[str] = mapped_column(String(40), default="")  # 分类
    hours: Mapped[float] = mapped_column(Float, default=0.0)
    start_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    end_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    organizer: Mapped[str] = mapped_column(String(80), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class TrainingEnrolment(TimestampMixin, CountyOwned, Base):
    __tablename__ = "training_enrolments"
    __table_args__ = (
        UniqueConstraint("program_id", "talent_id"),
        _in("status", E.EnrolmentStatus),
        CheckConstraint("hours >= 0", name="hours_non_negative"),
        Index("ix_training_enrolments_talent", "talent_id"),
        Index("ix_training_enrolments_program", "program_id", "status", "hours"),  # plan counts, index-only
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("training_programs.id"))
    talent_id: Mapped[int] = mapped_column(ForeignKey("talents.id"))
    enrolled_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default=E.EnrolmentStatus.ENROLLED.value)
    completed_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    hours: Mapped[float] = mapped_column(Float, default=0.0)


class WatchSignal(Base):
    """Derived data: one watch-list signal of an active talent and the dates between which it holds with the data as
    they are now (`start_on` ≤ today < `end_on`; NULL is open). Kept current by every write that changes a signal's
    inputs, in the same transaction (services/watch_signals.py); the watch list reads it with today's date.
    `service_ending` also needs `v_date` ≤ today + the notice setting."""

    __tablename__ = "watch_signals"
    __table_args__ = (Index("ix_watch_signals_talent", "talent_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    talent_id: Mapped[int] = mapped_column(Integer)  # no foreign key: rows go with the talent in the same transaction
    code: Mapped[str] = mapped_column(String(24))
    start_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    end_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    n: Mapped[Optional[int]] = mapped_column(Integer)
    v_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    v_text: Mapped[Optional[str]] = mapped_column(String(120))


# ------------------------------------------------------------------ accounts and audit

class User(TimestampMixin, CountyScoped, Base):
    __tablename__ = "users"
    __table_args__ = (_in("role", E.Role),)
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(60), default="")
    role: Mapped[str] = mapped_column(String(12))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    last_login_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))  # who created the account (4 eyes)
    county_id: Mapped[Optional[int]] = mapped_column(ForeignKey("counties.id"))  # NULL: a city account


class AuditEntry(CountyScoped, Base):
    """操作日志: who did what, when, with before/after (JSON). Append-only, enforced by triggers."""

    __tablename__ = "audit_entries"
    __table_args__ = (
        _in("action", E.AuditAction),
        Index("ix_audit_entries_at", "at"),
        Index("ix_audit_entries_record", "table_name", "record_id"),
        Index("ix_audit_entries_actor", "actor_name", "at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    actor_id: Mapped[Optional[int]] = mapped_column(Integer)  # no FK: the trail outlives accounts
    actor_name: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(16))
    table_name: Mapped[str] = mapped_column(String(40), default="")
    record_id: Mapped[Optional[str]] = mapped_column(String(40))
    before: Mapped[Optional[str]] = mapped_column(Text)  # JSON
    after: Mapped[Optional[str]] = mapped_column(Text)   # JSON
    summary: Mapped[str] = mapped_column(String(400), default="")
    county_id: Mapped[Optional[int]] = mapped_column(ForeignKey("counties.id"))  # NULL: a city account's act


class ChainLink(Base):
    """One link of the hash chain over the ledger, payment orders, certificates, accounts, requests and the audit
    trail: `link_hash` = SHA-256(previous link_hash | kind | record_id | content_hash). Append-only."""

    __tablename__ = "chain_links"
    __table_args__ = (Index("ix_chain_links_record", "kind", "record_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    link_hash: Mapped[str] = mapped_column(String(64))


class OfficeKey(Base):
    """The office's public signing key(s). The private key never enters the database (see services/safety/keys)."""

    __tablename__ = "office_keys"
    id: Mapped[int] = mapped_column(primary_key=True)
    algorithm: Mapped[str] = mapped_column(String(16), default="ed25519")
    public_key: Mapped[str] = mapped_column(String(128), unique=True)  # raw key, hex
    fingerprint: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class ApprovalRequest(CountyOwned, Base):
    """A money-changing action asked for by one account and carried out when another approves it (four eyes)."""

    __tablename__ = "approval_requests"
    __table_args__ = (
        _in("status", E.RequestStatus),
        CheckConstraint("decided_by_id IS NULL OR decided_by_id <> requested_by_id", name="decider_not_requester"),
        Index("ix_approval_requests_status", "status", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[str] = mapped_column(String(40))
    params: Mapped[str] = mapped_column(Text)  # JSON keyword arguments of the action
    summary: Mapped[str] = mapped_column(String(400), default="")
    amount_fen: Mapped[Optional[int]] = mapped_column(Fen)
    status: Mapped[str] = mapped_column(String(12), default=E.RequestStatus.PENDING.value)
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    requested_by: Mapped[str] = mapped_column(String(60), default="")
    requested_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    decided_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    decided_by: Mapped[str] = mapped_column(String(60), default="")
    decided_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    decision_note: Mapped[str] = mapped_column(String(200), default="")
    result: Mapped[str] = mapped_column(String(200), default="")


# ------------------------------------------------------------------ the payment loop (issue 19)
# 在岗核验, the working-day calendar, bank accounts, bank file layouts, payment batches with their 公示 (public
# notice), objections and the bank's return. A batch item carries one payment order (`payments`): recorded when the
# batch is made, approved with the batch, marked paid — posting its ledger entry through the ledger's own path — when
# the bank's return file says so.


class Verification(CountyOwned, Base):
    """在岗核验: the employer confirmed (or denied) that a talent was in post for a period, recorded by a clerk.

    `period` is the year (yearly rule, e.g. "2026") or the instalment's own check ("G12-3": grant 12, instalment 3)
    for a policy that asks before each instalment."""

    __tablename__ = "verifications"
    __table_args__ = (
        _in("outcome", E.VerificationOutcome),
        Index("ix_verifications_talent", "talent_id", "period"),
        Index("ix_verifications_employer", "employer_id", "confirmed_on"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    talent_id: Mapped[int] = mapped_column(ForeignKey("talents.id"))
    employer_id: Mapped[Optional[int]] = mapped_column(ForeignKey("employers.id"))  # who confirmed (at the time)
    period: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str] = mapped_column(String(12))
    confirmed_on: Mapped[dt.date] = mapped_column(Date)
    confirmed_by: Mapped[str] = mapped_column(String(60), default="")  # the clerk who recorded it
    confirmed_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class CalendarDay(Base):
    """A day that is not what its weekday says: a public holiday on a weekday, or a weekend day worked (调休)."""

    __tablename__ = "calendar_days"
    __table_args__ = (_in("kind", E.DayKind),)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(40), default="")
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)


class BankAccount(TimestampMixin, CountyOwned, Base):
    """Where a talent's money goes: a bank card, a social-security card's bank account (一卡通/社保卡) or a
    passbook account. One current account per talent; a replaced one stays (active = False) for history."""

    __tablename__ = "bank_accounts"
    __table_args__ = (
        _in("kind", E.AccountKind),
        Index("ix_bank_accounts_talent", "talent_id", "active"),
        _unique_where("uq_bank_accounts_current_talent", "talent_id", where="active = 1", postgresql="active"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    talent_id: Mapped[int] = mapped_column(ForeignKey("talents.id"))
    kind: Mapped[str] = mapped_column(String(12), default=E.AccountKind.CARD.value)
    account_no: Mapped[str] = mapped_column(String(40))
    bank_name: Mapped[str] = mapped_column(String(80))
    holder_name: Mapped[str] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(String(200), default="")


class BankLayout(TimestampMixin, Base):
    """A bank file's layout as data: columns (field and heading, in order), header and footer rows, encoding,
    amount in yuan or fen, and how its return file is read. Built-ins are read-only; the office copies one."""

    __tablename__ = "bank_layouts"
    __table_args__ = (
        _in("file_format", E.BankFileFormat),
        _in("amount_unit", E.AmountUnit),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    file_format: Mapped[str] = mapped_column(String(8))
    encoding: Mapped[str] = mapped_column(String(16), default="utf-8")
    delimiter: Mapped[str] = mapped_column(String(4), default=",")
    amount_unit: Mapped[str] = mapped_column(String(4), default=E.AmountUnit.YUAN.value)
    columns: Mapped[str] = mapped_column(Text)        # JSON: [{"field": "account_no", "title": "账号"}, …]
    header_rows: Mapped[str] = mapped_column(Text, default="[]")  # JSON: rows of text with {placeholders}
    footer_rows: Mapped[str] = mapped_column(Text, default="[]")
    return_mapping: Mapped[str] = mapped_column(Text, default="{}")  # JSON, see services/payments/bankfiles.py
    notes: Mapped[str] = mapped_column(String(200), default="")


class PaymentBatch(TimestampMixin, CountyOwned, Base):
    """A payment batch: draft → publicized (公示) → approved (after the notice ended) → sent → reconciled."""

    __tablename__ = "payment_batches"
    __table_args__ = (
        _in("status", E.BatchStatus),
        CheckConstraint("notice_end IS NULL OR notice_start IS NULL OR notice_end >= notice_start",
                        name="notice_range"),
        CheckConstraint("approved_by_id IS NULL OR created_by_id IS NULL OR approved_by_id <> created_by_id",
                        name="approver_not_creator"),
        Index("ix_payment_batches_status", "status", "id"),
        UniqueConstraint("number", "county_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20))   # PB2026-0001, counted per county
    status: Mapped[str] = mapped_column(String(12), default=E.BatchStatus.DRAFT.value)
    due_by: Mapped[dt.date] = mapped_column(Date)
    policy_id: Mapped[Optional[int]] = mapped_column(ForeignKey("subsidy_policies.id"))
    employer_id: Mapped[Optional[int]] = mapped_column(ForeignKey("employers.id"))
    reissue_of_id: Mapped[Optional[int]] = mapped_column(ForeignKey("payment_batches.id"))
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    created_by: Mapped[str] = mapped_column(String(60), default="")
    notice_start: Mapped[Optional[dt.date]] = mapped_column(Date)
    notice_end: Mapped[Optional[dt.date]] = mapped_column(Date)
    notice_days: Mapped[Optional[int]] = mapped_column(Integer)
    objection_contact: Mapped[str] = mapped_column(String(200), default="")
    publicized_by: Mapped[str] = mapped_column(String(60), default="")
    approved_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    approved_by: Mapped[str] = mapped_column(String(60), default="")
    approved_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    layout_name: Mapped[str] = mapped_column(String(60), default="")
    sent_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    sent_by: Mapped[str] = mapped_column(String(60), default="")
    returns_imported: Mapped[int] = mapped_column(Integer, default=0)
    reconciled_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    memo: Mapped[str] = mapped_column(String(200), default="")


class PaymentBatchItem(CountyOwned, Base):
    """One person's line in a batch: the payment order, and the account the file carried (a snapshot)."""

    __tablename__ = "payment_batch_items"
    __table_args__ = (
        _in("status", E.BatchItemStatus),
        CheckConstraint("amount_fen > 0", name="amount_positive"),
        Index("ix_payment_batch_items_batch", "batch_id", "line_no"),
        Index("ix_payment_batch_items_instalment", "instalment_id"),
        Index("ix_payment_batch_items_talent", "talent_id"),
        Index("ix_payment_batch_items_payment", "payment_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("payment_batches.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    instalment_id: Mapped[int] = mapped_column(ForeignKey("instalments.id"))
    grant_id: Mapped[int] = mapped_column(ForeignKey("subsidy_grants.id"))
    talent_id: Mapped[int] = mapped_column(ForeignKey("talents.id"))
    payment_id: Mapped[Optional[int]] = mapped_column(ForeignKey("payments.id"))
    amount_fen: Mapped[int] = mapped_column(Fen)
    account_no: Mapped[str] = mapped_column(String(40), default="")
    bank_name: Mapped[str] = mapped_column(String(80), default="")
    holder_name: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[str] = mapped_column(String(12), default=E.BatchItemStatus.INCLUDED.value)
    fail_reason: Mapped[str] = mapped_column(String(200), default="")
    reissued_item_id: Mapped[Optional[int]] = mapped_column(ForeignKey("payment_batch_items.id"))
    entry_id: Mapped[Optional[int]] = mapped_column(ForeignKey("ledger_entries.id"))


class Objection(CountyOwned, Base):
    """异议: raised against one person's line during the notice; upheld takes the person out of the batch."""

    __tablename__ = "payment_objections"
    __table_args__ = (Index("ix_payment_objections_batch", "batch_id", "talent_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("payment_batches.id"))
    talent_id: Mapped[int] = mapped_column(ForeignKey("talents.id"))
    item_id: Mapped[Optional[int]] = mapped_column(ForeignKey("payment_batch_items.id"))
    note: Mapped[str] = mapped_column(String(400))
    upheld: Mapped[bool] = mapped_column(Boolean, default=False)
    received_on: Mapped[dt.date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


APPEND_ONLY_TABLES = ("ledger_entries", "audit_entries", "chain_links")
