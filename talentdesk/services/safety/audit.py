"""The audit view: read and export the trail. The trail itself is written by the session hook in services/base.py
and cannot be changed through the program (the database refuses UPDATE and DELETE on audit_entries).

Exports neutralise text that a spreadsheet would run as a formula (CSV/Excel injection).
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from talentdesk.domain.enums import AuditAction
from talentdesk.domain.errors import InputFileError, ValidationError
from talentdesk.domain.models import AuditEntry
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Permission, file_at_commit, operation, record_event
from talentdesk.services.common.paging import Page
from talentdesk.services.common.reference import tier_names
from talentdesk.services.safety import audit_text

MAX_EXPORT_ROWS = 1_000_000
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters an .xlsx file cannot hold
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _shown(text_of: Callable[..., str], *fields: str) -> property:
    """A row's property: `text_of` the row's `fields`, as the reader sees it."""
    return property(lambda row: text_of(*(getattr(row, f) for f in fields)))


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: dt.datetime          # UTC, as stored
    actor_name: str
    action: str
    table_name: str
    record_id: str
    summary: str             # as stored
    before: str
    after: str

    # what the reader sees (audit_text): local time, labels and sentences in the user's language
    when = _shown(audit_text.local_time_text, "at")
    actor_text = _shown(audit_text.actor_label, "actor_name")
    action_text = _shown(audit_text.action_label, "action")
    table_text = _shown(audit_text.table_label, "table_name")
    summary_text = _shown(audit_text.summary_text, "action", "table_name", "summary", "before", "after")

    def detail_lines(self) -> list[str]:
        return audit_text.detail_lines(self.action, self.table_name, self.before, self.after)


@dataclass(frozen=True)
class AuditQuery:
    """Filters of the audit view; every one is optional. Dates are inclusive local calendar days (the trail stores
    UTC; the bounds are converted)."""

    username: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    table_name: str = ""
    record_id: str = ""
    action: str = ""
    text: str = ""


def _filtered(stmt, q: AuditQuery):
    if q.username:
        stmt = stmt.where(AuditEntry.actor_name == q.username)
    if q.date_from and q.date_to and q.date_from > q.date_to:
        raise ValidationError(translate("Audit", "The start date is after the end date."), field="date_from")
    start, end = audit_text.utc_bounds(q.date_from, q.date_to)
    if start is not None:
        stmt = stmt.where(AuditEntry.at >= start)
    if end is not None:
        stmt = stmt.where(AuditEntry.at <= end)
    if q.table_name:
        stmt = stmt.where(AuditEntry.table_name == q.table_name)
    if q.record_id:
        stmt = stmt.where(AuditEntry.record_id == str(q.record_id).strip())
    if q.action:
        stmt = stmt.where(AuditEntry.action == q.action)
    if q.text:
        like = "%" + q.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(or_(AuditEntry.summary.like(like, escape="\\"), AuditEntry.before.like(like, escape="\\"),
                              AuditEntry.after.like(like, escape="\\")))
    return stmt


def _to_row(e: AuditEntry) -> AuditRow:
    return AuditRow(e.id, e.at, e.actor_name, e.action, e.table_name or "", e.record_id or "", e.summary or "",
                    e.before or "", e.after or "")


@operation(Permission.AUDIT_READ)
def list_audit(session: Session, *, query: AuditQuery = AuditQuery(), offset: int = 0, limit: int = 500) -> Page:
    """Newest first."""
    audit_text.set_tier_names(tier_names(session))
    stmt = _filtered(select(AuditEntry), query).order_by(AuditEntry.id.desc()).offset(max(0, offset)).limit(
        max(1, min(limit, 10_000)))
    rows = [_to_row(e) for e in session.scalars(stmt)]
    total = session.scalar(_filtered(select(func.count()).select_from(AuditEntry), query)) or 0
    return Page(rows=rows, total=total, offset=offset)


@operation(Permission.AUDIT_READ)
def audit_filter_choices(session: Session) -> dict[str, list[str]]:
    """Names, tables and actions that occur in the trail (for the view's drop-downs)."""
    return {
        "users": list(session.scalars(select(AuditEntry.actor_name).distinct().order_by(AuditEntry.actor_name))),
        "tables": [t for t in session.scalars(select(AuditEntry.table_name).distinct().order_by(AuditEntry.table_name))
                   if t],
        "actions": [a.value for a in AuditAction],
    }


def safe_cell(value) -> object:
    """Text a spreadsheet would evaluate (=, +, -, @ …) is written with a leading apostrophe, so it stays text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _headers() -> list[str]:
    return [translate("Audit", "No."), translate("Audit", "Time"), translate("Audit", "User"),
            translate("Audit", "Action"), translate("Audit", "Record kind"), translate("Audit", "Record"),
            translate("Audit", "Summary"), translate("Audit", "Details")]


def _values(r: AuditRow) -> list:
    """One entry as the reader sees it in the view: local time, labels and values in the user's language."""
    return [r.id, r.when, r.actor_text, r.action_text, r.table_text, r.record_id, r.summary_text,
            "\n".join(r.detail_lines())]


@operation(Permission.AUDIT_READ, writes=True, changes=(Change.AUDIT,))
def export_audit(session: Session, *, query: AuditQuery = AuditQuery(), path: Path | str) -> int:
    """Write the filtered trail to .xlsx or .csv (UTF-8 with BOM for Excel); the export itself is audited."""
    audit_text.set_tier_names(tier_names(session))
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise InputFileError(translate("Audit", "Export to a file ending in .xlsx or .csv."))
    stmt = _filtered(select(AuditEntry), query).order_by(AuditEntry.id).limit(MAX_EXPORT_ROWS)
    count = 0
    with file_at_commit(session, path, failed=lambda exc: InputFileError(translate(
            "Audit", "The export could not be written to {path}: {error}").format(
            path=path, error=exc.strerror or exc))) as tmp:
        if suffix == ".csv":
            with open(tmp, "w", newline="", encoding="utf-8-sig") as fh:
                w = csv.writer(fh)
                w.writerow(_headers())
                for e in session.scalars(stmt).yield_per(2000):
                    w.writerow([safe_cell(v) for v in _values(_to_row(e))])
                    count += 1
        else:
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            ws = wb.create_sheet(translate("Audit", "Audit trail"))
            ws.append(_headers())
            for e in session.scalars(stmt).yield_per(2000):
                ws.append([_xlsx_text(safe_cell(v)) for v in _values(_to_row(e))])
                count += 1
            wb.save(tmp)
    record_event(session, AuditAction.EXPORT, table="audit_entries",
                 summary=f"audit export: {count} rows to {path.name}")  # the file is named right after it commits
    return count


def _xlsx_text(value):
    """Drop control characters an .xlsx file cannot hold (safe_cell has already defused formulas)."""
    if isinstance(value, str):
        return _ILLEGAL.sub("", value)
    return value
