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


def login(database, *, username: str, password: str, now=None) -> Actor:
    """Log in the way the command line does (all three steps in one unit of work); raises on a refusal."""
    from talentdesk.domain.errors import AuthenticationError
    from talentdesk.services.safety.accounts import authenticate

    with database.session(Actor.system()) as s:
        result = authenticate(s, username=username, password=password, now=now)
    if not result.ok:
        raise AuthenticationError(result.message)
    return result.actor


def audit_count(database) -> int:
    with database.session(Actor.system(), readonly=True) as s:
        return s.scalar(select(func.count()).select_from(AuditEntry))
