"""Enumerations stored as short strings (CHECK-constrained in the schema).

Display names live in the UI/reports through `labels.py`, so the database holds stable codes.
"""
from __future__ import annotations

from enum import StrEnum


class Gender(StrEnum):
    MALE = "M"
    FEMALE = "F"


class TalentStatus(StrEnum):
    ACTIVE = "active"
    DEPARTED = "departed"


class Education(StrEnum):
    DOCTORATE = "doctorate"
    MASTER = "master"
    BACHELOR = "bachelor"
    COLLEGE = "college"
    OTHER = "other"


class Degree(StrEnum):
    DOCTOR = "doctor"
    MASTER = "master"
    BACHELOR = "bachelor"
    NONE = "none"


class IntroMode(StrEnum):
    FULL_TIME = "full_time"
    FLEXIBLE = "flexible"


class PolicyKind(StrEnum):
    SETTLING = "settling"          # 安家补贴
    LIVING = "living"              # 生活补贴
    HOUSE_PURCHASE = "house_purchase"  # 购房补贴
    RENT = "rent"                  # 租房补贴
    APARTMENT = "apartment"        # 人才公寓
    STARTUP = "startup"            # 创业扶持
    OTHER = "other"


class PolicyLevel(StrEnum):
    COUNTY = "county"
    CITY = "city"
    PROVINCE = "province"


class InstalmentMode(StrEnum):
    LUMP_SUM = "lump_sum"
    MONTHLY = "monthly"
    YEARLY = "yearly"


class ClawbackRule(StrEnum):
    NONE = "none"
    PRO_RATA = "pro_rata"
    FULL = "full"


class GrantStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"
    COMPLETED = "completed"


class DraftStatus(StrEnum):
    """A grant proposed by the entitlement sweep: waiting, made into a grant, or turned down."""

    DRAFT = "draft"
    APPROVED = "approved"
    REJECTED = "rejected"


class EntryKind(StrEnum):
    """Ledger entry kinds. Amounts are signed fen; the grant balance (what the county owes the talent,
    negative when the talent owes the county) is the plain sum of its entries."""

    DUE = "due"              # an instalment fell due: +amount
    PAYMENT = "payment"      # money paid out: -amount
    REVERSAL = "reversal"    # cancels one earlier entry: -(that entry's amount)
    CLAWBACK = "clawback"    # obligation to pay back after early departure: -amount
    REFUND = "refund"        # money paid back by the talent: +amount
    WAIVER = "waiver"        # an obligation (or outstanding due) forgiven, with a reason: +/-amount


class PaymentStatus(StrEnum):
    RECORDED = "recorded"
    APPROVED = "approved"
    PAID = "paid"
    CANCELLED = "cancelled"


class PaymentMethod(StrEnum):
    BANK = "bank"
    CASH = "cash"


class CheckInMode(StrEnum):
    FACE = "face"
    PHONE = "phone"
    ONLINE = "online"


class IssueTag(StrEnum):
    WORK = "work"
    HOUSING = "housing"
    FAMILY = "family"
    OTHER = "other"


class CareKind(StrEnum):
    HOUSING = "housing"          # 人才公寓
    SPOUSE_JOB = "spouse_job"
    CHILD_SCHOOL = "child_school"
    HUKOU = "hukou"              # 户籍
    CANTEEN = "canteen"
    CLUB_EVENT = "club_event"
    OTHER = "other"


class CaseStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class GrowthKind(StrEnum):
    ARRIVAL = "arrival"
    TRAINING = "training"
    APPRAISAL = "appraisal"
    AWARD = "award"
    TITLE = "title"
    POST_CHANGE = "post_change"
    IMPORTANT_POST = "important_post"
    PROMOTION = "promotion"
    DEPARTURE = "departure"
    OTHER = "other"


class AppraisalGrade(StrEnum):
    EXCELLENT = "excellent"          # 优秀
    COMPETENT = "competent"          # 合格
    BASIC = "basic"                  # 基本合格
    INCOMPETENT = "incompetent"      # 不合格


class EnrolmentStatus(StrEnum):
    ENROLLED = "enrolled"
    COMPLETED = "completed"
    DROPPED = "dropped"


class Role(StrEnum):
    ADMIN = "admin"
    CLERK = "clerk"
    APPROVER = "approver"
    VIEWER = "viewer"


class AuditAction(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
    BULK = "bulk"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    DENIED = "denied"
    EXPORT = "export"
    IMPORT = "import"
    BACKUP = "backup"
    RESTORE = "restore"
    DEMO = "demo"


class RequestStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class VerificationRule(StrEnum):
    """在岗核验 per policy: never, once a year, or before each instalment."""

    NONE = "none"
    YEARLY = "yearly"
    EACH = "each"


class VerificationOutcome(StrEnum):
    IN_POST = "in_post"      # 在岗
    GONE = "gone"            # 已离开


class DayKind(StrEnum):
    HOLIDAY = "holiday"      # a public holiday (or bridge day) on a weekday: not worked
    WORKDAY = "workday"      # a weekend day worked (调休上班)


class AccountKind(StrEnum):
    CARD = "card"                # 银行卡 (Luhn check)
    SOCIAL_CARD = "social"       # 社保卡 / 一卡通 financial account (Luhn check)
    ACCOUNT = "account"          # 存折 / other account number (digits only)


class BankFileFormat(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"
    TXT = "txt"


class AmountUnit(StrEnum):
    YUAN = "yuan"
    FEN = "fen"


class BatchStatus(StrEnum):
    DRAFT = "draft"
    PUBLICIZED = "publicized"    # 公示中 (notice ended: shown when its end has passed)
    APPROVED = "approved"
    SENT = "sent"
    RECONCILED = "reconciled"
    CANCELLED = "cancelled"


class BatchItemStatus(StrEnum):
    INCLUDED = "included"        # in the batch, not sent yet
    WITHDRAWN = "withdrawn"      # an upheld objection (or a departure) took it out
    SENT = "sent"                # in the bank file, no result yet
    PAID = "paid"
    FAILED = "failed"


def values(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(e.value for e in enum)
