"""Subsidy policies (补贴政策) as data the office maintains: amounts by tier and education, eligibility,
instalments, clawback rule and exclusions. Editing a policy never touches grants already made: a grant copies
what was approved (name, kind, 文号, total, schedule, clawback rule) when it is made.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from talentdesk.domain import enums as E
from talentdesk.domain.errors import NotFound, ValidationError
from talentdesk.domain.models import PolicyAmount, PolicyExclusion, SubsidyGrant, SubsidyPolicy, Talent, Tier
from talentdesk.i18n import translate
from talentdesk.services.common.records import new_or_stored
from talentdesk.services.base import Change, Permission, operation, refuse_stale
from talentdesk.domain.labels import join_list


@dataclass(frozen=True, slots=True)
class AmountRule:
    """An amount for a tier and/or education; None matches any. The most specific rule wins."""

    tier_code: str | None
    education: str | None
    amount_fen: int


@dataclass(frozen=True)
class PolicyInput:
    name: str
    kind: str
    valid_from: dt.date
    doc_number: str = ""
    level: str = E.PolicyLevel.COUNTY.value
    valid_to: dt.date | None = None
    eligible_tiers: tuple[str, ...] = ()        # empty = every tier
    eligible_educations: tuple[str, ...] = ()   # empty = every education
    instalment_mode: str = E.InstalmentMode.LUMP_SUM.value
    instalment_count: int = 1
    clawback_rule: str = E.ClawbackRule.PRO_RATA.value
    amounts: tuple[AmountRule, ...] = ()
    excludes: tuple[int, ...] = ()              # ids of policies that cannot be held together with this one
    active: bool = True
    notes: str = ""
    service_years: int | None = None            # the commitment the policy asks (服务期); None: the talent's own


@dataclass(frozen=True)
class PolicyRow:
    id: int
    name: str
    kind: str
    doc_number: str
    level: str
    valid_from: dt.date
    valid_to: dt.date | None
    eligible_tiers: tuple[str, ...]
    eligible_educations: tuple[str, ...]
    instalment_mode: str
    instalment_count: int
    clawback_rule: str
    active: bool
    notes: str
    amounts: tuple[AmountRule, ...] = ()
    excludes: tuple[int, ...] = ()
    grant_count: int = 0
    service_years: int | None = None
    version: int = 1  # what an editor saves against (services/base.refuse_stale)

    def to_input(self) -> PolicyInput:
        return PolicyInput(
            name=self.name, kind=self.kind, valid_from=self.valid_from, doc_number=self.doc_number, level=self.level,
            valid_to=self.valid_to, eligible_tiers=self.eligible_tiers, eligible_educations=self.eligible_educations,
            instalment_mode=self.instalment_mode, instalment_count=self.instalment_count,
            clawback_rule=self.clawback_rule, amounts=self.amounts, excludes=self.excludes, active=self.active,
            notes=self.notes, service_years=self.service_years,
        )


def _split(text: str) -> tuple[str, ...]:
    return tuple(p for p in (text or "").split(",") if p)


def _excluded_ids(session: Session, policy_id: int) -> tuple[int, ...]:
    rows = session.execute(
        select(PolicyExclusion.policy_id, PolicyExclusion.excluded_policy_id).where(
            or_(PolicyExclusion.policy_id == policy_id, PolicyExclusion.excluded_policy_id == policy_id))
    ).all()
    return tuple(sorted(b if a == policy_id else a for a, b in rows))


def _amount_rules(session: Session, policy_id: int) -> tuple[AmountRule, ...]:
    rows = session.execute(
        select(PolicyAmount.tier_code, PolicyAmount.education, PolicyAmount.amount_fen)
        .where(PolicyAmount.policy_id == policy_id)
        .order_by(PolicyAmount.tier_code.is_(None), PolicyAmount.tier_code, PolicyAmount.education)
    ).all()
    return tuple(AmountRule(*r) for r in rows)


def _row(session: Session, p: SubsidyPolicy, grant_count: int = 0) -> PolicyRow:
    return PolicyRow(
        id=p.id, name=p.name, kind=p.kind, doc_number=p.doc_number, level=p.level, valid_from=p.valid_from,
        valid_to=p.valid_to, eligible_tiers=_split(p.eligible_tiers), eligible_educations=_split(p.eligible_educations),
        instalment_mode=p.instalment_mode, instalment_count=p.instalment_count, clawback_rule=p.clawback_rule,
        active=p.active, notes=p.notes, amounts=_amount_rules(session, p.id), excludes=_excluded_ids(session, p.id),
        grant_count=grant_count, service_years=p.service_years, version=p.version or 1,
    )


@operation(Permission.LEDGER_READ)
def list_policies(session: Session, *, include_inactive: bool = True) -> list[PolicyRow]:
    counts = dict(session.execute(select(SubsidyGrant.policy_id, func.count()).group_by(SubsidyGrant.policy_id)).all())
    stmt = select(SubsidyPolicy).order_by(SubsidyPolicy.id)
    if not include_inactive:
        stmt = stmt.where(SubsidyPolicy.active.is_(True))
    return [_row(session, p, counts.get(p.id, 0)) for p in session.scalars(stmt)]


@operation(Permission.LEDGER_READ)
def get_policy(session: Session, *, policy_id: int) -> PolicyRow:
    p = session.get(SubsidyPolicy, policy_id)
    if p is None:
        raise NotFound(translate("Policies", "Policy {id} does not exist.").format(id=policy_id))
    count = session.scalar(select(func.count()).select_from(SubsidyGrant).where(SubsidyGrant.policy_id == policy_id))
    return _row(session, p, count or 0)


def _validate(session: Session, data: PolicyInput, policy_id: int | None) -> None:
    def bad(text: str, fld: str):
        raise ValidationError(text, field=fld)

    if not data.name.strip():
        bad(translate("Policies", "The policy needs a name."), "name")
    if len(data.name.strip()) > 120:
        bad(translate("Policies", "The policy name is too long (at most 120 characters)."), "name")
    if data.kind not in E.values(E.PolicyKind):
        bad(translate("Policies", "Choose the kind of subsidy."), "kind")
    if data.level not in E.values(E.PolicyLevel):
        bad(translate("Policies", "Choose the level of the policy (county, city or province)."), "level")
    if data.instalment_mode not in E.values(E.InstalmentMode):
        bad(translate("Policies", "Choose how the subsidy is paid (lump sum, monthly or yearly)."), "instalment_mode")
    if data.clawback_rule not in E.values(E.ClawbackRule):
        bad(translate("Policies", "Choose the clawback rule."), "clawback_rule")
    if not 1 <= int(data.instalment_count) <= 120:
        bad(translate("Policies", "The number of instalments must be between 1 and 120."), "instalment_count")
    if data.valid_to is not None and data.valid_to < data.valid_from:
        bad(translate("Policies", "The policy cannot end before it starts."), "valid_to")
    if data.service_years is not None and (isinstance(data.service_years, bool) or not isinstance(
            data.service_years, int) or not 1 <= data.service_years <= 50):
        bad(translate("Policies", "The service commitment is a whole number of years from 1 to 50 (or none)."),
            "service_years")
    tiers = set(session.scalars(select(Tier.code)))
    for t in data.eligible_tiers:
        if t not in tiers:
            bad(translate("Policies", "Unknown talent tier: {tier}.").format(tier=t), "eligible_tiers")
    for e in data.eligible_educations:
        if e not in E.values(E.Education):
            bad(translate("Policies", "Unknown education: {education}.").format(education=e), "eligible_educations")
    if not data.amounts:
        bad(translate("Policies", "Give at least one amount (for all talents, or per tier or education)."), "amounts")
    seen = set()
    for a in data.amounts:
        if a.tier_code is not None and a.tier_code not in tiers:
            bad(translate("Policies", "Unknown talent tier: {tier}.").format(tier=a.tier_code), "amounts")
        if a.education is not None and a.education not in E.values(E.Education):
            bad(translate("Policies", "Unknown education: {education}.").format(education=a.education), "amounts")
        if not isinstance(a.amount_fen, int) or a.amount_fen <= 0:
            bad(translate("Policies", "Every amount must be greater than zero."), "amounts")
        key = (a.tier_code, a.education)
        if key in seen:
            bad(translate("Policies", "The same tier and education appear twice in the amounts."), "amounts")
        seen.add(key)
    for other in data.excludes:
        if other == policy_id:
            bad(translate("Policies", "A policy cannot exclude itself."), "excludes")
        if session.get(SubsidyPolicy, other) is None:
            bad(translate("Policies", "Policy {id} does not exist.").format(id=other), "excludes")


def validate_policy(session: Session, data: PolicyInput, policy_id: int | None = None) -> None:
    """The rules `save_policy` applies (ValidationError naming the field), for an import that checks every policy
    before it writes any."""
    _validate(session, data, policy_id)


@operation(Permission.POLICY_MANAGE, writes=True, changes=(Change.LEDGER, Change.POLICIES))
def save_policy(session: Session, *, data: PolicyInput, policy_id: int | None = None,
                expected_version: int | None = None) -> PolicyRow:
    """Create a policy or change one. Grants already made keep what was approved; only new grants see changes.
    Saving over a newer version than `expected_version` (another clerk's) is an EditConflict with both versions;
    every save of a policy makes a new version, its amounts and exclusions included."""
    if policy_id is not None and expected_version is not None:
        stored = session.get(SubsidyPolicy, policy_id)
        if stored is not None:
            names = dict(session.execute(select(SubsidyPolicy.id, SubsidyPolicy.name)).all())
            refuse_stale(session, stored, expected_version, mine=data, stored=_row(session, stored).to_input(),
                         name=stored.name, names={"excludes": names})
    _validate(session, data, policy_id)
    from talentdesk.services.ledger.approvals import four_eyes

    current = session.get(SubsidyPolicy, policy_id) if policy_id is not None else None
    money_changed = current is None or current.clawback_rule != data.clawback_rule or (
        sorted(_amount_rules(session, policy_id), key=repr) != sorted(
            (AmountRule(a.tier_code, a.education, a.amount_fen) for a in data.amounts), key=repr))
    if money_changed:
        pending = four_eyes(session, "save_policy", dict(data=data, policy_id=policy_id), summary=translate(
            "Approvals", "policy \"{name}\": amounts or clawback rule").format(name=data.name.strip()))
        if pending:
            return pending
    p = new_or_stored(session, SubsidyPolicy, policy_id,
                      translate("Policies", "Policy {id} does not exist.").format(id=policy_id))
    p.name = data.name.strip()
    p.kind = data.kind
    p.doc_number = data.doc_number.strip()
    p.level = data.level
    p.valid_from = data.valid_from
    p.valid_to = data.valid_to
    p.eligible_tiers = ",".join(sorted(set(data.eligible_tiers)))
    p.eligible_educations = ",".join(e for e in E.values(E.Education) if e in set(data.eligible_educations))
    p.instalment_mode = data.instalment_mode
    p.instalment_count = 1 if data.instalment_mode == E.InstalmentMode.LUMP_SUM.value else int(data.instalment_count)
    p.clawback_rule = data.clawback_rule
    p.active = bool(data.active)
    p.notes = data.notes
    p.service_years = data.service_years
    if policy_id is not None:
        flag_modified(p, "name")  # a new version even when only the amounts or exclusions change
    session.flush()
    # amounts: replace the rows that changed (ORM deletes and inserts, so the audit trail sees each one)
    wanted = {(a.tier_code, a.education): a.amount_fen for a in data.amounts}
    for row in session.scalars(select(PolicyAmount).where(PolicyAmount.policy_id == p.id)).all():
        key = (row.tier_code, row.education)
        if key not in wanted:
            session.delete(row)
        else:
            if row.amount_fen != wanted[key]:
                row.amount_fen = wanted[key]
            del wanted[key]
    session.flush()
    for (tier, edu), fen in wanted.items():
        session.add(PolicyAmount(policy_id=p.id, tier_code=tier, education=edu, amount_fen=fen))
    # exclusions, stored once per pair with the lower id first
    want_pairs = {tuple(sorted((p.id, o))) for o in data.excludes}
    existing = session.scalars(select(PolicyExclusion).where(
        or_(PolicyExclusion.policy_id == p.id, PolicyExclusion.excluded_policy_id == p.id))).all()
    for ex in existing:
        pair = (ex.policy_id, ex.excluded_policy_id)
        if pair in want_pairs:
            want_pairs.discard(pair)
        else:
            session.delete(ex)
    session.flush()
    for a, b in sorted(want_pairs):
        session.add(PolicyExclusion(policy_id=a, excluded_policy_id=b))
    session.flush()
    return get_policy(session, policy_id=p.id)


def amount_for(rules: tuple[AmountRule, ...] | list[AmountRule], tier_code: str, education: str) -> int | None:
    """The amount of the most specific matching rule (tier and education > tier > education > any)."""
    best, best_score = None, -1
    for r in rules:
        if r.tier_code is not None and r.tier_code != tier_code:
            continue
        if r.education is not None and r.education != education:
            continue
        score = (2 if r.tier_code is not None else 0) + (1 if r.education is not None else 0)
        if score > best_score:
            best, best_score = r.amount_fen, score
    return best


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    amount_fen: int | None
    reasons: tuple[str, ...] = field(default_factory=tuple)


def eligibility(session: Session, *, policy: SubsidyPolicy, talent: Talent, on: dt.date) -> Eligibility:
    """Whether `talent` may be granted `policy` on `on`, the amount, and every reason if not (translated)."""
    from talentdesk.domain.labels import label

    reasons: list[str] = []
    if not policy.active:
        reasons.append(translate("Policies", "The policy \"{name}\" is no longer in use.").format(name=policy.name))
    if on < policy.valid_from or (policy.valid_to is not None and on > policy.valid_to):
        reasons.append(translate("Policies", "The policy \"{name}\" is not in force on {date}.").format(
            name=policy.name, date=on.isoformat()))
    if talent.status != E.TalentStatus.ACTIVE.value:
        reasons.append(translate("Policies", "{talent} has left the county.").format(talent=talent.name))
    tiers = _split(policy.eligible_tiers)
    if tiers and talent.tier_code not in tiers:
        reasons.append(translate("Policies", "The policy is for tiers {tiers}; {talent} is tier {tier}.").format(
            tiers=join_list(tiers), talent=talent.name, tier=talent.tier_code))
    edus = _split(policy.eligible_educations)
    if edus and talent.education not in edus:
        reasons.append(translate("Policies", "The policy requires {required}; {talent}'s education is {education}.").format(
            required=join_list(label(E.Education, e) for e in edus), talent=talent.name,
            education=label(E.Education, talent.education)))
    amount = amount_for(_amount_rules(session, policy.id), talent.tier_code, talent.education)
    if amount is None:
        reasons.append(translate("Policies", "The policy sets no amount for tier {tier} with {education}.").format(
            tier=talent.tier_code, education=label(E.Education, talent.education)))
    return Eligibility(not reasons, amount, tuple(reasons))


def excluded_policy_ids(session: Session, policy_id: int) -> tuple[int, ...]:
    return _excluded_ids(session, policy_id)


@operation(Permission.POLICY_MANAGE, writes=True, changes=(Change.LEDGER, Change.POLICIES))
def delete_policy(session: Session, *, policy_id: int) -> None:
    """Remove a policy that was never granted (a policy with grants can only be retired: set it inactive)."""
    from talentdesk.domain.errors import RuleViolation

    p = session.get(SubsidyPolicy, policy_id)
    if p is None:
        raise NotFound(translate("Policies", "Policy {id} does not exist.").format(id=policy_id))
    if session.scalar(select(func.count()).select_from(SubsidyGrant).where(SubsidyGrant.policy_id == policy_id)):
        raise RuleViolation(translate("Policies", "This policy has grants, so it cannot be deleted; mark it as no "
                                                  "longer in use instead."))
    for row in session.scalars(select(PolicyAmount).where(PolicyAmount.policy_id == policy_id)).all():
        session.delete(row)
    for ex in session.scalars(select(PolicyExclusion).where(
            or_(PolicyExclusion.policy_id == policy_id, PolicyExclusion.excluded_policy_id == policy_id))).all():
        session.delete(ex)
    session.flush()
    session.delete(p)
    session.flush()


__all__ = ["AmountRule", "PolicyInput", "PolicyRow", "list_policies", "get_policy", "save_policy", "delete_policy",
           "amount_for", "eligibility", "Eligibility", "excluded_policy_ids"]
