"""Enumerations stored as short strings (CHECK-constrained in the schema).

Display names live in the UI/reports through `labels.py`, so the database holds stable codes. They are declared as
data, a line each: the enum's name, then its members in order, each stored as its lower-case name (`StrEnum`'s own
rule: `ACTIVE` is "active") unless written `NAME=code`. Only EntryKind, whose members each need a sentence, is a
class.
"""
from __future__ import annotations

from enum import StrEnum

_DECLARED = """
Gender               MALE=M FEMALE=F
TalentStatus         ACTIVE DEPARTED
Education            DOCTORATE MASTER BACHELOR COLLEGE OTHER
Degree               DOCTOR MASTER BACHELOR NONE
IntroMode            FULL_TIME FLEXIBLE
PolicyKind           SETTLING LIVING HOUSE_PURCHASE RENT APARTMENT STARTUP OTHER
PolicyLevel          COUNTY CITY PROVINCE
InstalmentMode       LUMP_SUM MONTHLY YEARLY
ClawbackRule         NONE PRO_RATA FULL
GrantStatus          ACTIVE SUSPENDED TERMINATED COMPLETED
DraftStatus          DRAFT APPROVED REJECTED
PaymentStatus        RECORDED APPROVED PAID CANCELLED
PaymentMethod        BANK CASH
CheckInMode          FACE PHONE ONLINE
IssueTag             WORK HOUSING FAMILY OTHER
CareKind             HOUSING SPOUSE_JOB CHILD_SCHOOL HUKOU CANTEEN CLUB_EVENT OTHER
CaseStatus           OPEN CLOSED
GrowthKind           ARRIVAL TRAINING APPRAISAL AWARD TITLE POST_CHANGE IMPORTANT_POST PROMOTION DEPARTURE OTHER
AppraisalGrade       EXCELLENT COMPETENT BASIC INCOMPETENT
EnrolmentStatus      ENROLLED COMPLETED DROPPED
Role                 ADMIN CLERK APPROVER VIEWER
AuditAction          INSERT UPDATE DELETE BULK LOGIN LOGIN_FAILED LOGOUT DENIED EXPORT IMPORT BACKUP RESTORE DEMO
RequestStatus        PENDING APPROVED REJECTED WITHDRAWN
VerificationRule     NONE YEARLY EACH
VerificationOutcome  IN_POST GONE
DayKind              HOLIDAY WORKDAY
AccountKind          CARD SOCIAL_CARD=social ACCOUNT
BankFileFormat       XLSX CSV TXT
AmountUnit           YUAN FEN
BatchStatus          DRAFT PUBLICIZED APPROVED SENT RECONCILED CANCELLED
BatchItemStatus      INCLUDED WITHDRAWN SENT PAID FAILED
"""
# What some codes mean (labels.py has every display name):
# PolicyKind: 安家补贴, 生活补贴, 购房补贴, 租房补贴, 人才公寓, 创业扶持, other. CareKind: 人才公寓, spouse's job,
# children's school, 户籍, canteen, club event, other. AppraisalGrade: 优秀, 合格, 基本合格, 不合格.
# DraftStatus: a grant proposed by the entitlement sweep: waiting, made into a grant, or turned down.
# VerificationRule: 在岗核验 per policy: never, once a year, or before each instalment. VerificationOutcome: 在岗, 已离开.
# DayKind: a public holiday (or bridge day) on a weekday, not worked; a weekend day worked (调休上班).
# AccountKind: 银行卡 and 社保卡 / 一卡通 financial account (Luhn check), 存折 / other account number (digits only).
# BatchStatus PUBLICIZED: 公示中 (notice ended: shown when its end has passed). BatchItemStatus: INCLUDED in the
# batch, not sent yet; WITHDRAWN by an upheld objection (or a departure); SENT in the bank file, no result yet.


def _declare(table: str) -> dict[str, type[StrEnum]]:
    declared: dict[str, type[StrEnum]] = {}
    for line in table.strip().splitlines():
        name, *members = line.split()
        codes = dict(m.partition("=")[::2] for m in members)
        declared[name] = StrEnum(name, {m: code or m.lower() for m, code in codes.items()}, module=__name__)
    return declared


globals().update(_declare(_DECLARED))


class EntryKind(StrEnum):
    """Ledger entry kinds. Amounts are signed fen; the grant balance (what the county owes the talent,
    negative when the talent owes the county) is the plain sum of its entries."""

    DUE = "due"              # an instalment fell due: +amount
    PAYMENT = "payment"      # money paid out: -amount
    REVERSAL = "reversal"    # cancels one earlier entry: -(that entry's amount)
    CLAWBACK = "clawback"    # obligation to pay back after early departure: -amount
    REFUND = "refund"        # money paid back by the talent: +amount
    WAIVER = "waiver"        # an obligation (or outstanding due) forgiven, with a reason: +/-amount


def values(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(e.value for e in enum)
