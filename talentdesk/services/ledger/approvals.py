"""Four eyes on money: reversals, waivers, grants (new, suspended, resumed, ended) and changes to policy amounts are
requested by one account and carried out only when another account approves — as payment orders are.

- The guarded operation validates its input, then (in a database with accounts) files an `ApprovalRequest` holding
  its keyword arguments and returns a `PendingApproval` instead of acting.
- `approve_request` (permission ledger.approve) runs the same operation with those arguments in the approver's unit
  of work; the request, its decision and what it did are one transaction, in the audit trail and the hash chain.
- A request is never decided by its requester, nor by an account the requester created (directly or through
  accounts they created): an administrator cannot make a second account to approve their own request. The database
  holds the first half too (CHECK decided_by_id <> requested_by_id).
- Single-user mode (a database without accounts) has one person, so the rule cannot apply: the operation acts at
  once, as before. The help says so.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import NotFound, RuleViolation
from talentdesk.domain.models import ApprovalRequest, User
from talentdesk.i18n import Labels, QT_TRANSLATE_NOOP, translate
from talentdesk.services.common.records import undecided
from talentdesk.services.base import Change, Permission, actor_of, operation

# action → (module, operation): what approving a request runs
ACTIONS: dict[str, tuple[str, str]] = {
    "reverse_entry": ("talentdesk.services.ledger.journal", "reverse_entry"),
    "waive_obligation": ("talentdesk.services.ledger.payments", "waive_obligation"),
    "grant_policy": ("talentdesk.services.ledger.grants", "grant_policy"),
    "suspend_grant": ("talentdesk.services.ledger.grants", "suspend_grant"),
    "resume_grant": ("talentdesk.services.ledger.grants", "resume_grant"),
    "terminate_grant": ("talentdesk.services.ledger.grants", "terminate_grant"),
    "save_policy": ("talentdesk.services.ledger.policies", "save_policy"),
}


@dataclass(frozen=True, slots=True)
class PendingApproval:
    """What a guarded operation returns in a database with accounts: the request waiting for another account."""

    request_id: int
    action: str
    summary: str

    @property
    def message(self) -> str:
        return translate("Approvals", "Request {id} is waiting for approval by another account: {summary}").format(
            id=self.request_id, summary=self.summary)


@dataclass(frozen=True, slots=True)
class RequestRow:
    id: int
    action: str
    action_label: str
    summary: str
    amount_fen: int | None
    status: str
    requested_by: str
    requested_at: dt.datetime
    decided_by: str
    decided_at: dt.datetime | None
    decision_note: str
    result: str


action_label = Labels("Approvals", {
    "reverse_entry": QT_TRANSLATE_NOOP("Approvals", "Reversal"),
    "waive_obligation": QT_TRANSLATE_NOOP("Approvals", "Waiver"),
    "grant_policy": QT_TRANSLATE_NOOP("Approvals", "New grant"),
    "suspend_grant": QT_TRANSLATE_NOOP("Approvals", "Suspend grant"),
    "resume_grant": QT_TRANSLATE_NOOP("Approvals", "Resume grant"),
    "terminate_grant": QT_TRANSLATE_NOOP("Approvals", "Terminate grant"),
    "save_policy": QT_TRANSLATE_NOOP("Approvals", "Policy amounts"),
})


# ------------------------------------------------------------------ arguments that survive JSON

def _encode(value: Any) -> Any:
    if isinstance(value, dt.date):
        return {"__date__": value.isoformat()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"__dc__": f"{type(value).__module__}:{type(value).__qualname__}",
                "fields": {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, (list, tuple)):
        return {"__tuple__": [_encode(v) for v in value]}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "__date__" in value:
            return dt.date.fromisoformat(value["__date__"])
        if "__tuple__" in value:
            return tuple(_decode(v) for v in value["__tuple__"])
        if "__dc__" in value:
            module, name = value["__dc__"].split(":")
            if not module.startswith("talentdesk.services."):
                raise RuleViolation(translate("Approvals", "This request cannot be carried out."))
            cls = getattr(importlib.import_module(module), name)
            return cls(**{k: _decode(v) for k, v in value["fields"].items()})
    return value


# ------------------------------------------------------------------ filing a request

def accounts_mode(session: Session) -> bool:
    return (session.scalar(select(func.count()).select_from(User)) or 0) > 0


def four_eyes(session: Session, action: str, params: dict[str, Any], *, summary: str,
              amount_fen: int | None = None) -> PendingApproval | None:
    """None: act now (single-user mode, or this is the approval of a request). Otherwise the request filed."""
    if action not in ACTIONS:
        raise ValueError(action)
    actor = actor_of(session)
    if session.info.get("td_request") is not None or actor.user_id is None or not accounts_mode(session):
        return None  # approving a request; the program itself (no person); or single-user mode
    req = ApprovalRequest(action=action, params=json.dumps({k: _encode(v) for k, v in params.items()},
                                                           ensure_ascii=False, sort_keys=True),
                          summary=summary[:400], amount_fen=amount_fen, status=E.RequestStatus.PENDING.value,
                          requested_by_id=actor.user_id, requested_by=actor.username,
                          requested_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))
    session.add(req)
    session.flush()
    return PendingApproval(req.id, action, req.summary)


# ------------------------------------------------------------------ deciding

def creators_of(session: Session, user_id: int | None) -> set[int]:
    """Every account that created this one, directly or through accounts it created."""
    out: set[int] = set()
    while user_id is not None:
        u = session.get(User, user_id)
        if u is None or u.created_by_id is None or u.created_by_id in out:
            break
        out.add(u.created_by_id)
        user_id = u.created_by_id
    return out


def separation_refusal(session: Session, requester_id: int | None) -> str | None:
    """Why the session's actor may not decide what `requester_id` asked for (None: they may)."""
    actor = actor_of(session)
    if actor.user_id is None or requester_id is None:
        return None
    if actor.user_id == requester_id:
        return translate("Approvals", "You asked for this yourself, so another person must approve it.")
    if requester_id in creators_of(session, actor.user_id):
        return translate("Approvals", "Your account was created by the person who asked for this, so another person "
                                      "must approve it.")
    return None


def _row(r: ApprovalRequest) -> RequestRow:
    return RequestRow(r.id, r.action, action_label(r.action), r.summary, r.amount_fen, r.status, r.requested_by,
                      r.requested_at, r.decided_by, r.decided_at, r.decision_note, r.result)


def _pending(session: Session, request_id: int) -> ApprovalRequest:
    return undecided(session, ApprovalRequest, request_id, E.RequestStatus.PENDING.value,
                     missing=translate("Approvals", "Request {id} does not exist.").format(id=request_id),
                     decided=translate("Approvals", "Request {id} has already been decided.").format(id=request_id))


@operation(Permission.LEDGER_READ)
def list_requests(session: Session, *, status: str | None = E.RequestStatus.PENDING.value,
                  limit: int = 500) -> list[RequestRow]:
    stmt = select(ApprovalRequest).order_by(ApprovalRequest.id.desc()).limit(limit)
    if status:
        stmt = stmt.where(ApprovalRequest.status == status)
    return [_row(r) for r in session.scalars(stmt)]


@operation(Permission.LEDGER_APPROVE, writes=True, changes=(Change.LEDGER, Change.PAYMENTS, Change.POLICIES))
def approve_request(session: Session, *, request_id: int, note: str = "") -> RequestRow:
    """Carry out a request as its approver. If the action is no longer possible (e.g. the entry was reversed
    meanwhile) the approval fails with that reason and nothing changes."""
    req = _pending(session, request_id)
    why = separation_refusal(session, req.requested_by_id)
    if why:
        raise RuleViolation(why)
    module, name = ACTIONS[req.action]
    fn = getattr(importlib.import_module(module), name)
    params = {k: _decode(v) for k, v in json.loads(req.params).items()}
    session.info["td_request"] = req.id
    try:
        result = fn.__wrapped__(session, **params)  # the requester's permission was checked when they asked
    finally:
        session.info.pop("td_request", None)
    actor = actor_of(session)
    req.status = E.RequestStatus.APPROVED.value
    req.decided_by_id = actor.user_id
    req.decided_by = actor.username
    req.decided_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    req.decision_note = (note or "").strip()[:200]
    rid = getattr(result, "id", None)
    req.result = f"{type(result).__name__} {rid}" if rid is not None else type(result).__name__
    session.flush()
    return _row(req)


@operation(Permission.LEDGER_APPROVE, writes=True, changes=(Change.LEDGER,))
def reject_request(session: Session, *, request_id: int, note: str) -> RequestRow:
    req = _pending(session, request_id)
    why = separation_refusal(session, req.requested_by_id)
    if why:
        raise RuleViolation(why)
    note = (note or "").strip()
    if not note:
        raise RuleViolation(translate("Approvals", "Say why the request is rejected."))
    actor = actor_of(session)
    req.status = E.RequestStatus.REJECTED.value
    req.decided_by_id = actor.user_id
    req.decided_by = actor.username
    req.decided_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    req.decision_note = note[:200]
    session.flush()
    return _row(req)


@operation(Permission.LEDGER_READ, writes=True, changes=(Change.LEDGER,))
def withdraw_request(session: Session, *, request_id: int) -> RequestRow:
    """The requester takes their own request back."""
    req = _pending(session, request_id)
    actor = actor_of(session)
    if actor.user_id != req.requested_by_id:
        raise RuleViolation(translate("Approvals", "Only the person who asked can withdraw a request."))
    req.status = E.RequestStatus.WITHDRAWN.value
    req.decided_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    session.flush()
    return _row(req)
