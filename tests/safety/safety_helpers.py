"""Helpers shared by the safety tests."""
from __future__ import annotations

from sqlalchemy import func, select

from talentdesk.domain.models import AuditEntry
from talentdesk.services.base import Actor


def audit_rows(database, **where):
    with database.session(Actor.system(), readonly=True) as s:
        stmt = select(*AuditEntry.__table__.columns).order_by(AuditEntry.id)
        for k, v in where.items():
            stmt = stmt.where(getattr(AuditEntry, k) == v)
        return list(s.execute(stmt))


def audit_count(database) -> int:
    with database.session(Actor.system(), readonly=True) as s:
        return s.scalar(select(func.count()).select_from(AuditEntry))
