"""The audit trail in the reader's language: table and field names, stored codes, amounts, local times, and the
summaries the program wrote (in English, as stored facts) turned back into sentences.

The trail itself stays as written (English codes and JSON, UTC) — it is evidence and must not change. This module
only reads it, so entries written before a translation existed are shown translated too. Qt-free: the audit view,
its export and the CLI use it alike.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any

from talentdesk.domain import enums as E
from talentdesk.domain.labels import join_clauses, join_list, label, labelled
from talentdesk.domain.talent_fields import field_label as talent_field_label
from talentdesk.domain.values import format_yuan
from talentdesk.i18n import QT_TRANSLATE_NOOP, translate


def _t(text: str) -> str:
    return translate("AuditText", text)


# ------------------------------------------------------------------ times

def local_time(at: dt.datetime) -> dt.datetime:
    """The trail stores naive UTC; the reader sees the PC's local time."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.timezone.utc)
    return at.astimezone().replace(tzinfo=None)


def local_time_text(at: dt.datetime) -> str:
    return f"{local_time(at):%Y-%m-%d %H:%M:%S}"


def utc_bounds(day_from: dt.date | None, day_to: dt.date | None) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Local calendar days (what the reader picks) as naive UTC bounds (what the trail stores)."""
    def to_utc(moment: dt.datetime) -> dt.datetime:
        try:
            return moment.astimezone().astimezone(dt.timezone.utc).replace(tzinfo=None)
        except (OverflowError, ValueError, OSError):  # the first or last day the calendar has: no record lies beyond
            return moment

    start = to_utc(dt.datetime.combine(day_from, dt.time.min)) if day_from else None
    end = to_utc(dt.datetime.combine(day_to, dt.time.max)) if day_to else None
    return start, end


# ------------------------------------------------------------------ tables and fields

_TABLES = {
    "talents": QT_TRANSLATE_NOOP("AuditText", "Talent record"),
    "employers": QT_TRANSLATE_NOOP("AuditText", "Employer"),
    "tiers": QT_TRANSLATE_NOOP("AuditText", "Talent tier"),
    "users": QT_TRANSLATE_NOOP("AuditText", "Account"),
    "settings": QT_TRANSLATE_NOOP("AuditText", "Setting"),
    "county_settings": QT_TRANSLATE_NOOP("AuditText", "County's setting"),
    "budgets": QT_TRANSLATE_NOOP("AuditText", "Budget"),
    "subsidy_policies": QT_TRANSLATE_NOOP("AuditText", "Subsidy policy"),
    "policy_amounts": QT_TRANSLATE_NOOP("AuditText", "Policy amount"),
    "policy_eligibility": QT_TRANSLATE_NOOP("AuditText", "Policy conditions"),
    "policy_exclusions": QT_TRANSLATE_NOOP("AuditText", "Policy exclusion"),
    "subsidy_grants": QT_TRANSLATE_NOOP("AuditText", "Subsidy grant"),
    "grant_drafts": QT_TRANSLATE_NOOP("AuditText", "Drafted grant"),
    "instalments": QT_TRANSLATE_NOOP("AuditText", "Instalment"),
    "ledger_entries": QT_TRANSLATE_NOOP("AuditText", "Ledger entry"),
    "payments": QT_TRANSLATE_NOOP("AuditText", "Payment"),
    "certificates": QT_TRANSLATE_NOOP("AuditText", "Payment certificate"),
    "serial_counters": QT_TRANSLATE_NOOP("AuditText", "Serial number counter"),
    "approval_requests": QT_TRANSLATE_NOOP("AuditText", "Approval request"),
    "office_keys": QT_TRANSLATE_NOOP("AuditText", "Office key"),
    "mentors": QT_TRANSLATE_NOOP("AuditText", "Mentor"),
    "mentor_roles": QT_TRANSLATE_NOOP("AuditText", "Mentor role"),
    "pairings": QT_TRANSLATE_NOOP("AuditText", "Mentor pairing"),
    "checkins": QT_TRANSLATE_NOOP("AuditText", "Check-in"),
    "care_cases": QT_TRANSLATE_NOOP("AuditText", "Care case"),
    "attachments": QT_TRANSLATE_NOOP("AuditText", "Attachment"),
    "growth_events": QT_TRANSLATE_NOOP("AuditText", "Growth event"),
    "training_programs": QT_TRANSLATE_NOOP("AuditText", "Training programme"),
    "training_enrolments": QT_TRANSLATE_NOOP("AuditText", "Training enrolment"),
    "exit_reasons": QT_TRANSLATE_NOOP("AuditText", "Reason for leaving"),
    "audit_entries": QT_TRANSLATE_NOOP("AuditText", "Audit trail"),
}


def table_label(name: str) -> str:
    source = _TABLES.get(name or "")
    return _t(source) if source else (name or "")


# columns of tables other than talents (talents use the editor's own labels)
_FIELDS = {
    "id": QT_TRANSLATE_NOOP("AuditText", "No."),
    "name": QT_TRANSLATE_NOOP("AuditText", "Name"),
    "name_en": QT_TRANSLATE_NOOP("AuditText", "English name"),
    "name_pinyin": QT_TRANSLATE_NOOP("AuditText", "Pinyin"),
    "name_initials": QT_TRANSLATE_NOOP("AuditText", "Initials"),
    "code": QT_TRANSLATE_NOOP("AuditText", "Code"),
    "sort_order": QT_TRANSLATE_NOOP("AuditText", "Order"),
    "active": QT_TRANSLATE_NOOP("AuditText", "In use"),
    "notes": QT_TRANSLATE_NOOP("AuditText", "Notes"),
    "memo": QT_TRANSLATE_NOOP("AuditText", "Memo"),
    "created_at": QT_TRANSLATE_NOOP("AuditText", "Created"),
    "updated_at": QT_TRANSLATE_NOOP("AuditText", "Last changed"),
    "created_by": QT_TRANSLATE_NOOP("AuditText", "Created by"),
    "uscc": QT_TRANSLATE_NOOP("AuditText", "Unified social credit code"),
    "kind": QT_TRANSLATE_NOOP("AuditText", "Kind"),
    "address": QT_TRANSLATE_NOOP("AuditText", "Address"),
    "contact": QT_TRANSLATE_NOOP("AuditText", "Contact person"),
    "phone": QT_TRANSLATE_NOOP("AuditText", "Phone"),
    "key": QT_TRANSLATE_NOOP("AuditText", "Setting"),
    "value": QT_TRANSLATE_NOOP("AuditText", "Value"),
    "fiscal_year": QT_TRANSLATE_NOOP("AuditText", "Fiscal year"),
    "policy_kind": QT_TRANSLATE_NOOP("AuditText", "Policy kind"),
    "amount_fen": QT_TRANSLATE_NOOP("AuditText", "Amount"),
    "approved_total_fen": QT_TRANSLATE_NOOP("AuditText", "Approved total"),
    "doc_number": QT_TRANSLATE_NOOP("AuditText", "Document No."),
    "level": QT_TRANSLATE_NOOP("AuditText", "Level"),
    "valid_from": QT_TRANSLATE_NOOP("AuditText", "Valid from"),
    "valid_to": QT_TRANSLATE_NOOP("AuditText", "Valid to"),
    "eligible_tiers": QT_TRANSLATE_NOOP("AuditText", "Eligible tiers"),
    "eligible_educations": QT_TRANSLATE_NOOP("AuditText", "Eligible education"),
    "instalment_mode": QT_TRANSLATE_NOOP("AuditText", "Instalments"),
    "instalment_count": QT_TRANSLATE_NOOP("AuditText", "Number of instalments"),
    "clawback_rule": QT_TRANSLATE_NOOP("AuditText", "Clawback rule"),
    "year": QT_TRANSLATE_NOOP("AuditText", "Year"),
    "category": QT_TRANSLATE_NOOP("AuditText", "Category"),
    "hours": QT_TRANSLATE_NOOP("AuditText", "Hours"),
    "start_date": QT_TRANSLATE_NOOP("AuditText", "Start date"),
    "end_date": QT_TRANSLATE_NOOP("AuditText", "End date"),
    "organizer": QT_TRANSLATE_NOOP("AuditText", "Organiser"),
    "username": QT_TRANSLATE_NOOP("AuditText", "User name"),
    "display_name": QT_TRANSLATE_NOOP("AuditText", "Display name"),
    "role": QT_TRANSLATE_NOOP("AuditText", "Role"),
    "password_hash": QT_TRANSLATE_NOOP("AuditText", "Password"),
    "failed_attempts": QT_TRANSLATE_NOOP("AuditText", "Failed sign-ins"),
    "locked_until": QT_TRANSLATE_NOOP("AuditText", "Locked until"),
    "must_change_password": QT_TRANSLATE_NOOP("AuditText", "Must change password"),
    "last_login_at": QT_TRANSLATE_NOOP("AuditText", "Last sign-in"),
    "created_by_id": QT_TRANSLATE_NOOP("AuditText", "Created by (account)"),
    "action": QT_TRANSLATE_NOOP("AuditText", "Action"),
    "params": QT_TRANSLATE_NOOP("AuditText", "Details"),
    "summary": QT_TRANSLATE_NOOP("AuditText", "Summary"),
    "status": QT_TRANSLATE_NOOP("AuditText", "Status"),
    "requested_by_id": QT_TRANSLATE_NOOP("AuditText", "Requested by (account)"),
    "requested_by": QT_TRANSLATE_NOOP("AuditText", "Requested by"),
    "requested_at": QT_TRANSLATE_NOOP("AuditText", "Requested at"),
    "decided_by_id": QT_TRANSLATE_NOOP("AuditText", "Decided by (account)"),
    "decided_by": QT_TRANSLATE_NOOP("AuditText", "Decided by"),
    "decided_at": QT_TRANSLATE_NOOP("AuditText", "Decided at"),
    "decision_note": QT_TRANSLATE_NOOP("AuditText", "Decision note"),
    "result": QT_TRANSLATE_NOOP("AuditText", "Result"),
    "policy_id": QT_TRANSLATE_NOOP("AuditText", "Policy"),
    "tier_code": QT_TRANSLATE_NOOP("AuditText", "Talent tier"),
    "education": QT_TRANSLATE_NOOP("AuditText", "Education"),
    "arrival_from": QT_TRANSLATE_NOOP("AuditText", "Arrived from"),
    "arrival_to": QT_TRANSLATE_NOOP("AuditText", "Arrived until"),
    "employer_kinds": QT_TRANSLATE_NOOP("AuditText", "Employer kinds"),
    "intro_modes": QT_TRANSLATE_NOOP("AuditText", "Introduction modes"),
    "min_age": QT_TRANSLATE_NOOP("AuditText", "Minimum age"),
    "max_age": QT_TRANSLATE_NOOP("AuditText", "Maximum age"),
    "min_service_years": QT_TRANSLATE_NOOP("AuditText", "Minimum service years"),
    "materials": QT_TRANSLATE_NOOP("AuditText", "Materials"),
    "materials_block": QT_TRANSLATE_NOOP("AuditText", "Missing materials block"),
    "excluded_policy_id": QT_TRANSLATE_NOOP("AuditText", "Excluded policy"),
    "talent_id": QT_TRANSLATE_NOOP("AuditText", "Talent"),
    "filename": QT_TRANSLATE_NOOP("AuditText", "File name"),
    "sha256": QT_TRANSLATE_NOOP("AuditText", "Fingerprint"),
    "size": QT_TRANSLATE_NOOP("AuditText", "Size"),
    "added_at": QT_TRANSLATE_NOOP("AuditText", "Added"),
    "title": QT_TRANSLATE_NOOP("AuditText", "Title"),
    "room": QT_TRANSLATE_NOOP("AuditText", "Room"),
    "move_in_date": QT_TRANSLATE_NOOP("AuditText", "Moved in"),
    "move_out_date": QT_TRANSLATE_NOOP("AuditText", "Moved out"),
    "opened_on": QT_TRANSLATE_NOOP("AuditText", "Opened"),
    "closed_on": QT_TRANSLATE_NOOP("AuditText", "Closed"),
    "source_checkin_id": QT_TRANSLATE_NOOP("AuditText", "From check-in"),
    "event_date": QT_TRANSLATE_NOOP("AuditText", "Date"),
    "detail": QT_TRANSLATE_NOOP("AuditText", "Details"),
    "appraisal_grade": QT_TRANSLATE_NOOP("AuditText", "Appraisal grade"),
    "appraisal_year": QT_TRANSLATE_NOOP("AuditText", "Appraisal year"),
    "employer_id": QT_TRANSLATE_NOOP("AuditText", "Employer"),
    "expertise": QT_TRANSLATE_NOOP("AuditText", "Expertise"),
    "capacity": QT_TRANSLATE_NOOP("AuditText", "Capacity"),
    "policy_name": QT_TRANSLATE_NOOP("AuditText", "Policy"),
    "start": QT_TRANSLATE_NOOP("AuditText", "Start"),
    "status_reason": QT_TRANSLATE_NOOP("AuditText", "Reason for the status"),
    "granted_by": QT_TRANSLATE_NOOP("AuditText", "Granted by"),
    "program_id": QT_TRANSLATE_NOOP("AuditText", "Training programme"),
    "enrolled_on": QT_TRANSLATE_NOOP("AuditText", "Enrolled"),
    "completed_on": QT_TRANSLATE_NOOP("AuditText", "Completed"),
    "matched": QT_TRANSLATE_NOOP("AuditText", "Conditions met"),
    "missing_materials": QT_TRANSLATE_NOOP("AuditText", "Missing materials"),
    "drafted_by_id": QT_TRANSLATE_NOOP("AuditText", "Drafted by (account)"),
    "drafted_by": QT_TRANSLATE_NOOP("AuditText", "Drafted by"),
    "grant_id": QT_TRANSLATE_NOOP("AuditText", "Grant"),
    "seq": QT_TRANSLATE_NOOP("AuditText", "Instalment"),
    "due_date": QT_TRANSLATE_NOOP("AuditText", "Due date"),
    "posted": QT_TRANSLATE_NOOP("AuditText", "Posted"),
    "cancelled": QT_TRANSLATE_NOOP("AuditText", "Cancelled"),
    "entry_date": QT_TRANSLATE_NOOP("AuditText", "Date"),
    "instalment_seq": QT_TRANSLATE_NOOP("AuditText", "Instalment"),
    "reverses_id": QT_TRANSLATE_NOOP("AuditText", "Reverses entry"),
    "payment_id": QT_TRANSLATE_NOOP("AuditText", "Payment"),
    "voucher_no": QT_TRANSLATE_NOOP("AuditText", "Accounting voucher No."),
    "method": QT_TRANSLATE_NOOP("AuditText", "Paid by"),
    "mentor_id": QT_TRANSLATE_NOOP("AuditText", "Mentor"),
    "role_id": QT_TRANSLATE_NOOP("AuditText", "Mentor role"),
    "planned_end_date": QT_TRANSLATE_NOOP("AuditText", "Planned end"),
    "end_reason": QT_TRANSLATE_NOOP("AuditText", "Reason for ending"),
    "goals": QT_TRANSLATE_NOOP("AuditText", "Goals"),
    "cadence_days": QT_TRANSLATE_NOOP("AuditText", "Check-in every (days)"),
    "last_checkin_date": QT_TRANSLATE_NOOP("AuditText", "Last check-in"),
    "serial": QT_TRANSLATE_NOOP("AuditText", "Certificate No."),
    "entry_id": QT_TRANSLATE_NOOP("AuditText", "Ledger entry"),
    "digest": QT_TRANSLATE_NOOP("AuditText", "Digest"),
    "issued_at": QT_TRANSLATE_NOOP("AuditText", "Issued"),
    "issued_by": QT_TRANSLATE_NOOP("AuditText", "Issued by"),
    "print_count": QT_TRANSLATE_NOOP("AuditText", "Times printed"),
    "last_printed_at": QT_TRANSLATE_NOOP("AuditText", "Last printed"),
    "signature": QT_TRANSLATE_NOOP("AuditText", "Signature"),
    "key_id": QT_TRANSLATE_NOOP("AuditText", "Office key"),
    "pairing_id": QT_TRANSLATE_NOOP("AuditText", "Pairing"),
    "date": QT_TRANSLATE_NOOP("AuditText", "Date"),
    "mode": QT_TRANSLATE_NOOP("AuditText", "How"),
    "issue_tags": QT_TRANSLATE_NOOP("AuditText", "Issues raised"),
    "issues": QT_TRANSLATE_NOOP("AuditText", "Issues"),
    "follow_up": QT_TRANSLATE_NOOP("AuditText", "Follow-up"),
    "recorded_by_id": QT_TRANSLATE_NOOP("AuditText", "Recorded by (account)"),
    "recorded_by": QT_TRANSLATE_NOOP("AuditText", "Recorded by"),
    "approved_by_id": QT_TRANSLATE_NOOP("AuditText", "Approved by (account)"),
    "approved_by": QT_TRANSLATE_NOOP("AuditText", "Approved by"),
    "approved_at": QT_TRANSLATE_NOOP("AuditText", "Approved at"),
    "pay_date": QT_TRANSLATE_NOOP("AuditText", "Payment date"),
    "paid_at": QT_TRANSLATE_NOOP("AuditText", "Paid at"),
    "algorithm": QT_TRANSLATE_NOOP("AuditText", "Algorithm"),
    "public_key": QT_TRANSLATE_NOOP("AuditText", "Public key"),
    "fingerprint": QT_TRANSLATE_NOOP("AuditText", "Fingerprint"),
    "prefix": QT_TRANSLATE_NOOP("AuditText", "Prefix"),
    "last": QT_TRANSLATE_NOOP("AuditText", "Last number"),
    "exit_reason_id": QT_TRANSLATE_NOOP("AuditText", "Reason for leaving (coded)"),
    # a policy's editor (the conflict dialog names them)
    "amounts": QT_TRANSLATE_NOOP("AuditText", "Amounts"),
    "excludes": QT_TRANSLATE_NOOP("AuditText", "Cannot be held together with"),
    "service_years": QT_TRANSLATE_NOOP("AuditText", "Service commitment (years)"),
    # what bulk statements record
    "rows": QT_TRANSLATE_NOOP("AuditText", "Rows"),
    "sample": QT_TRANSLATE_NOOP("AuditText", "First rows"),
}


def field_label(table: str, column: str) -> str:
    if table == "talents":
        text = talent_field_label(column)
        if text != column:
            return text
    if table in ("settings", "county_settings") and column != "key":
        from talentdesk.services.common.settings import setting_label

        text = setting_label(column)
        if text != column:
            return text
    source = _FIELDS.get(column)
    return _t(source) if source else column


# stored codes: (table or "*", column) -> enum with labels
_CODED: dict[tuple[str, str], type] = {
    ("*", "gender"): E.Gender, ("*", "education"): E.Education, ("*", "degree"): E.Degree,
    ("*", "intro_mode"): E.IntroMode, ("*", "policy_kind"): E.PolicyKind, ("*", "level"): E.PolicyLevel,
    ("*", "instalment_mode"): E.InstalmentMode, ("*", "clawback_rule"): E.ClawbackRule,
    ("*", "method"): E.PaymentMethod, ("*", "mode"): E.CheckInMode, ("*", "appraisal_grade"): E.AppraisalGrade,
    ("*", "role"): E.Role, ("*", "action"): E.AuditAction,
    ("talents", "status"): E.TalentStatus, ("subsidy_grants", "status"): E.GrantStatus,
    ("payments", "status"): E.PaymentStatus, ("care_cases", "status"): E.CaseStatus,
    ("training_enrolments", "status"): E.EnrolmentStatus,
    ("subsidy_policies", "kind"): E.PolicyKind, ("ledger_entries", "kind"): E.EntryKind,
    ("care_cases", "kind"): E.CareKind, ("growth_events", "kind"): E.GrowthKind,
}
_REQUEST_STATUS = {"pending": QT_TRANSLATE_NOOP("AuditText", "Waiting for approval"),
                   "approved": QT_TRANSLATE_NOOP("AuditText", "Approved"),
                   "rejected": QT_TRANSLATE_NOOP("AuditText", "Rejected"),
                   "withdrawn": QT_TRANSLATE_NOOP("AuditText", "Withdrawn"),
                   "drafted": QT_TRANSLATE_NOOP("AuditText", "Drafted")}


_TIER_NAMES: dict[str, str] = {}


def set_tier_names(names: dict[str, str]) -> None:
    """The office's tiers (code -> name in the reader's language), read by the audit service before it renders."""
    global _TIER_NAMES
    _TIER_NAMES = dict(names)


def value_text(table: str, column: str, value: Any) -> str:
    """One stored value as the reader should see it."""
    if isinstance(value, str) and value in _TIER_NAMES and (column == "tier_code" or (table, column) == ("tiers", "code")):
        return _TIER_NAMES[value]
    if value is None or value == "":
        return translate("AuditText", "(empty)")
    if value == "***":
        return translate("AuditText", "(not recorded)")
    if isinstance(value, bool):
        return translate("AuditText", "yes") if value else translate("AuditText", "no")
    if column.endswith("_fen") and isinstance(value, int):
        return format_yuan(value)
    enum = _CODED.get((table, column)) or _CODED.get(("*", column))
    if enum is not None and isinstance(value, str):
        return label(enum, value)
    if column == "status" and isinstance(value, str) and value in _REQUEST_STATUS:
        return _t(_REQUEST_STATUS[value])
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        try:  # a stored timestamp (UTC) shown in local time
            return local_time_text(dt.datetime.fromisoformat(value[:19]))
        except ValueError:
            pass
    if isinstance(value, (list, tuple)):
        return join_list(value_text(table, column, v) for v in value) if value else translate("AuditText", "(empty)")
    if isinstance(value, dict):
        return join_clauses(labelled(field_label(table, str(k)), value_text(table, str(k), v)) for k, v in value.items())
    text = str(value)
    return text if len(text) <= 80 else text[:79] + "…"


def _load(text: str) -> dict | None:
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


# the fields that say which record it is, shown first in a summary
_KEY_FIELDS = ("name", "username", "title", "serial", "key", "code", "voucher_no", "policy_name", "amount_fen",
               "kind", "status", "date", "event_date", "entry_date", "pay_date", "talent_id", "policy_id", "grant_id")
_NOISE = {"id", "created_at", "updated_at", "name_pinyin", "name_initials", "password_hash"}


def _pairs(table: str, data: dict, *, limit: int | None) -> list[str]:
    keys = [k for k in _KEY_FIELDS if k in data and data[k] not in (None, "")]
    keys += [k for k in data if k not in keys and k not in _NOISE and data[k] not in (None, "", [], {})]
    if table in ("settings", "county_settings") and "key" in data:  # a setting: its own name, then its value
        from talentdesk.services.common.settings import setting_label

        return [labelled(setting_label(str(data["key"])), value_text(table, str(data["key"]), data.get("value")))]
    shown = keys if limit is None else keys[:limit]
    return [labelled(field_label(table, k), value_text(table, k, data[k])) for k in shown]


def changes(table: str, before: str, after: str) -> list[str]:
    """What an update changed, one line per field: 'label: old → new'."""
    old, new = _load(before) or {}, _load(after) or {}
    return [labelled(field_label(table, k), f"{value_text(table, k, old.get(k))} → {value_text(table, k, new.get(k))}")
            for k in new if k not in _NOISE]


# ------------------------------------------------------------------ the summaries the program writes

def _event_patterns() -> list[tuple[re.Pattern, Callable[[dict], str]]]:
    """Every summary written by record_event (and the bulk hook), read back into a translated sentence."""
    def fmt(source: str, **extra):
        return lambda g: _t(source).format(**{**g, **extra})

    def backup_reason(g: dict) -> str:
        reasons = {"manual": translate("AuditText", "Backup made by hand"), "daily": translate("AuditText", "Daily backup"),
                   "pre-import": translate("AuditText", "Backup before an import"), "pre-restore": translate("AuditText", "Backup before a restore"),
                   "pre-migration": translate("AuditText", "Backup before an upgrade")}
        text = reasons.get(g["reason"], translate("AuditText", "Backup ({reason})").format(reason=g["reason"]))
        return translate("AuditText", "{what}: {file}").format(what=text, file=g["file"])

    def bulk(g: dict) -> str:
        verbs = {"insert": translate("AuditText", "added"), "update": translate("AuditText", "changed"), "delete": translate("AuditText", "deleted")}
        return translate("AuditText", "Rows {verb} in one statement").format(verb=verbs.get(g["verb"], g["verb"]))

    P = re.compile
    return [
        (P(r"^exported (?P<n>\d+) talents to (?P<file>.+)$"), fmt(QT_TRANSLATE_NOOP("AuditText", "Exported {n} talents to {file}"))),
        (P(r"^imported (?P<n>\d+) talents from (?P<file>.+?); (?P<skipped>\d+) rows skipped; (?P<emp>\d+) new employers$"),
         fmt(QT_TRANSLATE_NOOP("AuditText", "Imported {n} talents from {file}; {skipped} rows skipped; {emp} new employers"))),
        (P(r"^imported (?P<n>\d+) care cases from (?P<file>.+)$"), fmt(QT_TRANSLATE_NOOP("AuditText", "Imported {n} care cases from {file}"))),
        (P(r"^imported (?P<n>\d+) pairings and (?P<m>\d+) mentors from (?P<file>.+)$"),
         fmt(QT_TRANSLATE_NOOP("AuditText", "Imported {n} mentor pairings and {m} mentors from {file}"))),
        (P(r"^imported (?P<n>\d+) policies from (?P<file>.+)$"), fmt(QT_TRANSLATE_NOOP("AuditText", "Imported {n} subsidy policies from {file}"))),
        (P(r"^imported (?P<n>\d+) payments \((?P<amount>[^)]*)\) and (?P<m>\d+) grants from (?P<file>.+?); "
           r"(?P<refused>\d+) rows refused$"),
         fmt(QT_TRANSLATE_NOOP("AuditText", "Imported {n} payments ({amount}) and {m} grants from {file}; {refused} rows refused"))),
        (P(r"^pairing agreement (?P<id>\d+) → (?P<file>.+)$"), fmt(QT_TRANSLATE_NOOP("AuditText", "Pairing agreement {id} written to {file}"))),
        (P(r"^survival curves \((?P<by>[^)]*)\) → (?P<file>.+)$"), fmt(QT_TRANSLATE_NOOP("AuditText", "Retention curves written to {file}"))),
        (P(r"^annual report pack (?P<year>\d+) → (?P<file>.+)$"), fmt(QT_TRANSLATE_NOOP("AuditText", "Annual report pack {year} written to {file}"))),
        (P(r"^retention figures → (?P<file>.+)$"), fmt(QT_TRANSLATE_NOOP("AuditText", "Retention figures written to {file}"))),
        (P(r"^yearly report (?P<year>\d+) → (?P<file>.+)$"), fmt(QT_TRANSLATE_NOOP("AuditText", "Yearly report {year} written to {file}"))),
        (P(r"^policy simulation \((?P<name>.*)\) → (?P<file>.+)$"),
         fmt(QT_TRANSLATE_NOOP("AuditText", "Policy simulation ({name}) written to {file}"))),
        (P(r"^reconciliation all years: (?P<n>\d+) lines to (?P<file>.+)$"),
         fmt(QT_TRANSLATE_NOOP("AuditText", "Reconciliation of all years: {n} lines written to {file}"))),
        (P(r"^reconciliation (?P<year>\d+): (?P<n>\d+) lines to (?P<file>.+)$"),
         fmt(QT_TRANSLATE_NOOP("AuditText", "Reconciliation {year}: {n} lines written to {file}"))),
        (P(r"^payment roster: (?P<n>\d+) lines to (?P<file>.+)$"), fmt(QT_TRANSLATE_NOOP("AuditText", "Payment roster: {n} lines written to {file}"))),
        (P(r"^payment history: (?P<n>\d+) rows to (?P<file>.+)$"), fmt(QT_TRANSLATE_NOOP("AuditText", "Payment history: {n} rows written to {file}"))),
        (P(r"^audit export: (?P<n>\d+) rows to (?P<file>.+)$"), fmt(QT_TRANSLATE_NOOP("AuditText", "Audit trail: {n} entries written to {file}"))),
        (P(r"^re-activated: (?P<note>.*)$"), fmt(QT_TRANSLATE_NOOP("AuditText", "Registered as active again: {note}"))),
        (P(r"^demo data: (?P<n>\d+) talents, seed (?P<seed>\d+), as of (?P<day>[\d-]+)$"),
         fmt(QT_TRANSLATE_NOOP("AuditText", "Demo data: {n} made-up talents, as of {day}"))),
        (P(r"^unknown user: (?P<name>.*)$"), fmt(QT_TRANSLATE_NOOP("AuditText", "Sign-in with an unknown user name: {name}"))),
        (P(r"^(?P<name>.+): account disabled$"), fmt(QT_TRANSLATE_NOOP("AuditText", "{name}: the account is disabled"))),
        (P(r"^(?P<name>.+): locked until (?P<until>[\d-]+ [\d:]+) UTC$"),
         lambda g: translate("AuditText", "{name}: locked until {until}").format(
             name=g["name"], until=local_time_text(dt.datetime.strptime(g["until"], "%Y-%m-%d %H:%M"))[:16])),
        (P(r"^(?P<name>.+): password changed during the login$"),
         fmt(QT_TRANSLATE_NOOP("AuditText", "{name}: the password was changed during the sign-in"))),
        (P(r"^(?P<name>.+): wrong password \((?P<n>\d+)\)$"), fmt(QT_TRANSLATE_NOOP("AuditText", "{name}: wrong password ({n} in a row)"))),
        (P(r"^restored from (?P<file>.+?); previous database saved as (?P<safety>.+)$"),
         fmt(QT_TRANSLATE_NOOP("AuditText", "Restored from {file}; the database before it was kept as {safety}"))),
        (P(r"^(?P<reason>manual|daily|pre-import|pre-restore|pre-migration): (?P<file>.+)$"), backup_reason),
        (P(r"^office key (?P<fp>\S+) exported \(password-protected\) to (?P<file>.+)$"),
         fmt(QT_TRANSLATE_NOOP("AuditText", "Office key {fp} exported, protected by a password, to {file}"))),
        (P(r"^office key (?P<fp>\S+) installed on this PC \((?P<how>.*)\)$"),
         fmt(QT_TRANSLATE_NOOP("AuditText", "Office key {fp} installed on this PC"))),
        (P(r"^public key (?P<fp>\S+) to (?P<file>.+)$"), fmt(QT_TRANSLATE_NOOP("AuditText", "Public key {fp} written to {file}"))),
        (P(r"^approve own payment refused \(separation of duties\): (?P<id>\d+)$"),
         fmt(QT_TRANSLATE_NOOP("AuditText", "Refused: payment {id} cannot be approved by the person who recorded it"))),
        (P(r"^bulk (?P<verb>insert|update|delete): ", re.S), bulk),
        (P(r"^(?P<op>[a-z_]+): (?P<perm>[a-z_.]+)$"), fmt(QT_TRANSLATE_NOOP("AuditText", "Refused: this role may not do it"))),
    ]


_PATTERNS: list | None = None
_PATTERN_LANG: str | None = None


def summary_text(action: str, table: str, summary: str, before: str, after: str) -> str:
    """The one-line summary of an entry in the reader's language."""
    global _PATTERNS, _PATTERN_LANG
    from talentdesk.i18n import current_language

    if _PATTERNS is None or _PATTERN_LANG != current_language():
        _PATTERNS, _PATTERN_LANG = _event_patterns(), current_language()
    if action in ("login", "logout") and summary and ":" not in summary:
        return summary  # the user name
    if summary:
        for pattern, render in _PATTERNS:
            m = pattern.match(summary)
            if m:
                text = render(m.groupdict())
                if action == "bulk":
                    data = _load(after) or {}
                    if "rows" in data:
                        text += translate("AuditText", ": {n} rows").format(n=data["rows"])
                return text
        return summary  # written in the user's language already (approvals) or by an older version
    if action == "update":
        return join_clauses(changes(table, before, after))
    if action == "insert":
        return join_clauses(_pairs(table, _load(after) or {}, limit=4))
    if action == "delete":
        return join_clauses(_pairs(table, _load(before) or {}, limit=4))
    return ""


def detail_lines(action: str, table: str, before: str, after: str) -> list[str]:
    """Every field of the entry, labelled, for the detail pane and the export."""
    old, new = _load(before), _load(after)
    if action == "update" and old is not None and new is not None:
        return changes(table, before, after)
    lines = []
    for data in (old, new):
        if data:
            lines += _pairs(table, data, limit=None)
    if not lines:
        lines = [x for x in (before, after) if x and _load(x) is None]
    return lines


def actor_label(name: str) -> str:
    """Who acted: the account name, or what the two built-in actors are."""
    if name == "local":
        return translate("AuditText", "Single user")
    if name == "system":
        return translate("AuditText", "TalentDesk (automatic)")
    return name


def action_label(action: str) -> str:
    return label(E.AuditAction, action)
