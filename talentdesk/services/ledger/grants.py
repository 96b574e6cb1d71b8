"""Grants (补贴核定): a policy granted to one talent, its instalment schedule, and suspend / resume / terminate.

A grant copies what was approved from the policy (name, kind, 文号, total, instalments, clawback rule), so later
edits of the policy change nothing here. Instalments become `due` ledger entries only while the grant is active
and the talent is still in the county (`ledger.post_due_instalments`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from talentdesk.store.db import ids_in
from talentdesk.domain import enums as E
from talentdesk.domain.errors import NotFound, RuleViolation, ValidationError
from talentdesk.domain.ledger_rules import split_schedule
from talentdesk.domain.values import format_yuan
from talentdesk.domain.models import Instalment, LedgerEntry, SubsidyGrant, SubsidyPolicy, Talent
from talentdesk.i18n import translate
from talentdesk.services.ledger import journal
from talentdesk.services.base import Change, Permission, actor_of, operation
from talentdesk.services.ledger.policies import eligibility, excluded_policy_ids

HOLDING = (E.GrantStatus.ACTIVE.value, E.GrantStatus.SUSPENDED.value, E.GrantStatus.COMPLETED.value)


@dataclass(frozen=True, slots=True)
class InstalmentRow:
    id: int
    seq: int
    due_date: dt.date
    amount_fen: int
    posted: bool
    cancelled: bool


@dataclass(frozen=True)
class GrantRow:
    id: int
    talent_id: int
    talent_name: str
    policy_id: int
    policy_name: str
    policy_kind: str
    doc_number: str
    approved_total_fen: int
    instalment_mode: str
    instalment_count: int
    clawback_rule: str
    start_date: dt.date
    status: str
    status_reason: str
    balance_fen: int
    paid_fen: int
    schedule: tuple[InstalmentRow, ...] = ()


def _grant_rows(session: Session, grants: list[SubsidyGrant]) -> list[GrantRow]:
    """Rows for many grants with a fixed number of queries (balances, payments and schedules grouped)."""
    if not grants:
        return []
    ids = [g.id for g in grants]
    names = dict(session.execute(select(Talent.id, Talent.name).where(
        ids_in(Talent.id, {g.talent_id for g in grants}))).all())
    balances = dict(session.execute(select(LedgerEntry.grant_id, func.sum(LedgerEntry.amount_fen))
                                    .where(ids_in(LedgerEntry.grant_id, ids)).group_by(LedgerEntry.grant_id)).all())
    target = LedgerEntry.__table__.alias("target")
    paid = dict(session.execute(
        select(LedgerEntry.grant_id, func.sum(LedgerEntry.amount_fen))
        .select_from(LedgerEntry).outerjoin(target, target.c.id == LedgerEntry.reverses_id)
        .where(ids_in(LedgerEntry.grant_id, ids), func.coalesce(target.c.kind, LedgerEntry.kind) == "payment")
        .group_by(LedgerEntry.grant_id)).all())
    schedules: dict[int, list[InstalmentRow]] = {}
    for i in session.scalars(select(Instalment).where(ids_in(Instalment.grant_id, ids)).order_by(Instalment.grant_id,
                                                                                              Instalment.seq)):
        schedules.setdefault(i.grant_id, []).append(
            InstalmentRow(i.id, i.seq, i.due_date, i.amount_fen, i.posted, i.cancelled))
    return [GrantRow(
        id=g.id, talent_id=g.talent_id, talent_name=names.get(g.talent_id, ""), policy_id=g.policy_id,
        policy_name=g.policy_name, policy_kind=g.policy_kind, doc_number=g.doc_number,
        approved_total_fen=g.approved_total_fen, instalment_mode=g.instalment_mode,
        instalment_count=g.instalment_count, clawback_rule=g.clawback_rule, start_date=g.start_date, status=g.status,
        status_reason=g.status_reason, balance_fen=int(balances.get(g.id) or 0), paid_fen=-int(paid.get(g.id) or 0),
        schedule=tuple(schedules.get(g.id, ())),
    ) for g in grants]


def _grant_row(session: Session, g: SubsidyGrant) -> GrantRow:
    session.flush()
    return _grant_rows(session, [g])[0]


def _get(session: Session, grant_id: int) -> SubsidyGrant:
    g = session.get(SubsidyGrant, grant_id)
    if g is None:
        raise NotFound(translate("Grants", "Grant {id} does not exist.").format(id=grant_id))
    return g


@operation(Permission.LEDGER_READ)
def get_grant(session: Session, *, grant_id: int) -> GrantRow:
    return _grant_row(session, _get(session, grant_id))


@operation(Permission.LEDGER_READ)
def list_grants(session: Session, *, talent_id: int | None = None, policy_id: int | None = None,
                status: str | None = None, limit: int = 2000) -> list[GrantRow]:
    stmt = select(SubsidyGrant).order_by(SubsidyGrant.id)
    if talent_id is not None:
        stmt = stmt.where(SubsidyGrant.talent_id == talent_id)
    if policy_id is not None:
        stmt = stmt.where(SubsidyGrant.policy_id == policy_id)
    if status:
        stmt = stmt.where(SubsidyGrant.status == status)
    return _grant_rows(session, list(session.scalars(stmt.limit(limit))))


@dataclass(frozen=True)
class GrantCheck:
    """What granting would do: the amount and schedule, or every reason it is refused."""

    allowed: bool
    amount_fen: int | None
    reasons: tuple[str, ...]


def _check(session: Session, talent: Talent, policy: SubsidyPolicy, start: dt.date) -> GrantCheck:
    el = eligibility(session, policy=policy, talent=talent, on=start)
    reasons = list(el.reasons)
    held = session.execute(
        select(SubsidyGrant.policy_id, SubsidyGrant.policy_name)
        .where(SubsidyGrant.talent_id == talent.id, SubsidyGrant.status.in_(HOLDING))
    ).all()
    held_ids = {pid for pid, _ in held}
    if policy.id in held_ids:
        reasons.append(translate("Grants", "{talent} already holds \"{policy}\".").format(
            talent=talent.name, policy=policy.name))
    for other in excluded_policy_ids(session, policy.id):
        if other in held_ids:
            other_name = next(n for pid, n in held if pid == other)
            reasons.append(translate(
                "Grants", "No double benefit: \"{policy}\" excludes \"{other}\", which {talent} already holds.").format(
                policy=policy.name, other=other_name, talent=talent.name))
    return GrantCheck(not reasons, el.amount_fen, tuple(reasons))


@operation(Permission.LEDGER_READ)
def check_grant(session: Session, *, talent_id: int, policy_id: int, start_date: dt.date) -> GrantCheck:
    talent = session.get(Talent, talent_id)
    policy = session.get(SubsidyPolicy, policy_id)
    if talent is None:
        raise NotFound(translate("Grants", "Talent {id} does not exist.").format(id=talent_id))
    if policy is None:
        raise NotFound(translate("Policies", "Policy {id} does not exist.").format(id=policy_id))
    return _check(session, talent, policy, start_date)


@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.LEDGER,))
def grant_policy(session: Session, *, talent_id: int, policy_id: int, start_date: dt.date,
                 total_fen: int | None = None, notes: str = "", as_of: dt.date | None = None) -> GrantRow:
    """Grant a policy to a talent after checking eligibility and exclusions (RuleViolation lists every reason).

    The approved total (the policy's amount for the talent's tier and education unless `total_fen` is given) is
    split into the schedule; instalments already due by `as_of` (default today) are posted at once.
    """
    talent = session.get(Talent, talent_id)
    if talent is None:
        raise NotFound(translate("Grants", "Talent {id} does not exist.").format(id=talent_id))
    policy = session.get(SubsidyPolicy, policy_id)
    if policy is None:
        raise NotFound(translate("Policies", "Policy {id} does not exist.").format(id=policy_id))
    check = _check(session, talent, policy, start_date)
    if not check.allowed:
        raise RuleViolation(
            translate("Grants", "\"{policy}\" cannot be granted to {talent}.").format(policy=policy.name,
                                                                                    talent=talent.name),
            details=list(check.reasons))
    total = check.amount_fen if total_fen is None else total_fen
    if not isinstance(total, int) or total <= 0:
        raise ValidationError(translate("Grants", "The approved total must be greater than zero."), field="total")
    from talentdesk.services.ledger.approvals import four_eyes

    pending = four_eyes(session, "grant_policy", dict(talent_id=talent_id, policy_id=policy_id, start_date=start_date,
                                                      total_fen=total_fen, notes=notes, as_of=as_of),
                        summary=translate("Approvals", "grant \"{policy}\" ({amount}) to {talent}").format(
                            policy=policy.name, amount=format_yuan(total), talent=talent.name), amount_fen=total)
    if pending:
        return pending
    schedule = split_schedule(total, policy.instalment_mode, policy.instalment_count, start_date)
    grant = SubsidyGrant(
        talent_id=talent.id, policy_id=policy.id, policy_name=policy.name, policy_kind=policy.kind,
        doc_number=policy.doc_number, approved_total_fen=total, instalment_mode=policy.instalment_mode,
        instalment_count=len(schedule), clawback_rule=policy.clawback_rule, start_date=start_date,
        status=E.GrantStatus.ACTIVE.value, granted_by=actor_of(session).username, notes=notes,
    )
    session.add(grant)
    session.flush()
    for inst in schedule:
        session.add(Instalment(grant_id=grant.id, seq=inst.seq, due_date=inst.due_date, amount_fen=inst.amount_fen,
                               posted=False, cancelled=False))
    session.flush()
    journal.post_due_for_grant(session, grant_id=grant.id, as_of=as_of or dt.date.today())
    return _grant_row(session, grant)


def _four_eyes(session: Session, action: str, params: dict, g: SubsidyGrant, reason: str):
    from talentdesk.services.ledger.approvals import action_label, four_eyes

    return four_eyes(session, action, params, summary=translate(
        "Approvals", "{action}: grant {grant} (\"{policy}\") {reason}").format(
        action=action_label(action), grant=g.id, policy=g.policy_name, reason=reason).strip())


def _need_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(translate("Grants", "Give a reason; it is kept with the grant."), field="reason")
    if len(reason) > 200:
        raise ValidationError(translate("Grants", "The reason is too long (at most 200 characters)."), field="reason")
    return reason


@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.LEDGER,))
def suspend_grant(session: Session, *, grant_id: int, reason: str) -> GrantRow:
    """Stop instalments falling due until the grant is resumed (those whose date passes meanwhile wait)."""
    reason = _need_reason(reason)
    g = _get(session, grant_id)
    if g.status != E.GrantStatus.ACTIVE.value:
        raise RuleViolation(translate("Grants", "Only an active grant can be suspended."))
    pending = _four_eyes(session, "suspend_grant", dict(grant_id=grant_id, reason=reason), g, reason)
    if pending:
        return pending
    g.status = E.GrantStatus.SUSPENDED.value
    g.status_reason = reason
    session.flush()
    return _grant_row(session, g)


@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.LEDGER,))
def resume_grant(session: Session, *, grant_id: int, as_of: dt.date | None = None) -> GrantRow:
    """Resume a suspended grant; instalments that fell due meanwhile are posted now (if the talent is active)."""
    g = _get(session, grant_id)
    if g.status != E.GrantStatus.SUSPENDED.value:
        raise RuleViolation(translate("Grants", "Only a suspended grant can be resumed."))
    talent = session.get(Talent, g.talent_id)
    if talent.status != E.TalentStatus.ACTIVE.value:
        raise RuleViolation(translate("Grants", "{talent} has left the county; the grant cannot be resumed.").format(
            talent=talent.name))
    pending = _four_eyes(session, "resume_grant", dict(grant_id=grant_id, as_of=as_of), g, "")
    if pending:
        return pending
    g.status = E.GrantStatus.ACTIVE.value
    g.status_reason = ""
    session.flush()
    journal.post_due_for_grant(session, grant_id=g.id, as_of=as_of or dt.date.today())
    return _grant_row(session, g)


@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.LEDGER,))
def terminate_grant(session: Session, *, grant_id: int, reason: str) -> GrantRow:
    """End a grant for good: instalments not yet due are cancelled; what is already due stays in the ledger."""
    reason = _need_reason(reason)
    g = _get(session, grant_id)
    if g.status in (E.GrantStatus.TERMINATED.value, E.GrantStatus.COMPLETED.value):
        raise RuleViolation(translate("Grants", "This grant has already ended."))
    pending = _four_eyes(session, "terminate_grant", dict(grant_id=grant_id, reason=reason), g, reason)
    if pending:
        return pending
    session.execute(update(Instalment).where(Instalment.grant_id == g.id, Instalment.posted.is_(False))
                    .values(cancelled=True))
    g.status = E.GrantStatus.TERMINATED.value
    g.status_reason = reason
    session.flush()
    return _grant_row(session, g)
