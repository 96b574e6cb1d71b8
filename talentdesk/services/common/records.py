"""Records by number: which talent a record belongs to, so any list can open "the record" of an item (overview,
watch list), and the record an editor saves into."""
from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain.models import CareCase, Instalment, LedgerEntry, Pairing, Payment, SubsidyGrant
from talentdesk.domain.errors import NotFound, RuleViolation
from talentdesk.services.base import Permission, operation

M = TypeVar("M")

_TALENT_OF = {
    "care_cases": lambda rid: select(CareCase.talent_id).where(CareCase.id == rid),
    "ledger_entries": lambda rid: select(LedgerEntry.talent_id).where(LedgerEntry.id == rid),
    "payments": lambda rid: select(Payment.talent_id).where(Payment.id == rid),
    "subsidy_grants": lambda rid: select(SubsidyGrant.talent_id).where(SubsidyGrant.id == rid),
    "instalments": lambda rid: select(SubsidyGrant.talent_id).join(Instalment, Instalment.grant_id == SubsidyGrant.id)
    .where(Instalment.id == rid),
    "pairings": lambda rid: select(Pairing.talent_id).where(Pairing.id == rid),
}


@operation(Permission.TALENT_READ)
def talent_of(session: Session, *, table: str, record_id: int) -> int | None:
    """The talent id a record of `table` belongs to (None if the table is unknown or the record is gone)."""
    if table == "talents":
        return record_id
    query = _TALENT_OF.get(table)
    return session.scalar(query(record_id)) if query else None


def new_or_stored(session: Session, model: type[M], record_id: int | None, missing: str) -> M:
    """What an editor saves into: a new `model` record (added to the session) when `record_id` is None, else the
    stored one; NotFound(`missing`) when that is gone."""
    if record_id is None:
        record = model()
        session.add(record)
        return record
    record = session.get(model, record_id)
    if record is None:
        raise NotFound(missing)
    return record


def undecided(session: Session, model: type[M], record_id: int, waiting: str, *, missing: str, decided: str) -> M:
    """A request-like record still `waiting` for a decision (its status): NotFound(`missing`) when it does not exist,
    RuleViolation(`decided`) once it has been decided."""
    record = session.get(model, record_id)
    if record is None:
        raise NotFound(missing)
    if record.status != waiting:  # type: ignore[attr-defined]
        raise RuleViolation(decided)
    return record
