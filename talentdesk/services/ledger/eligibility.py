"""The entitlement sweep (免申即享): policies state who qualifies as data; the sweep lists, per policy, the talents
who qualify and hold no grant of it, with the rules that matched and the materials (申报材料) still missing; one
action drafts grants, which another person approves (making the real grant through `grants.grant_policy`) or
rejects. Missing materials block approval where the policy says so.

A talent qualifies for a policy when: the policy is in use and in force on the sweep date; the talent is active;
tier and education are among the policy's (or it names none); the policy sets an amount for them; and each
condition of the policy's eligibility row holds — arrival in the window, employer kind, introduction mode, age at
arrival, service commitment signed. Talents who hold (or held) a grant of the policy, hold a policy it excludes,
or already have a draft waiting are not listed.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from talentdesk.store.db import ids_in
from talentdesk.domain import enums as E
from talentdesk.domain.errors import NotFound, RuleViolation, ValidationError
from talentdesk.domain.labels import label, join_list
from talentdesk.domain.models import (
    Attachment,
    Employer,
    GrantDraft,
    PolicyAmount,
    PolicyEligibility,
    SubsidyGrant,
    SubsidyPolicy,
    Talent,
)
from talentdesk.domain.values import format_yuan
from talentdesk.i18n import Labels, QT_TRANSLATE_NOOP, translate
from talentdesk.services.common.records import undecided
from talentdesk.services.base import STREAM, Change, Permission, actor_of, operation
from talentdesk.services.ledger import grants as grants_service
from talentdesk.services.ledger.policies import AmountRule, amount_for, excluded_policy_ids

MATERIAL_KINDS = ("diploma", "contract", "agreement", "other")


material_label = Labels("Eligibility", {
    "diploma": QT_TRANSLATE_NOOP("Eligibility", "diploma"),
    "contract": QT_TRANSLATE_NOOP("Eligibility", "employment contract"),
    "agreement": QT_TRANSLATE_NOOP("Eligibility", "service agreement"),
    "other": QT_TRANSLATE_NOOP("Eligibility", "other document"),
})


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (text or "").replace("，", ",").split(",") if p.strip())


# ------------------------------------------------------------------ the rules, as data

@dataclass(frozen=True)
class Rules:
    """A policy's eligibility beyond tier and education (all optional) and its materials checklist."""

    arrival_from: dt.date | None = None
    arrival_to: dt.date | None = None
    employer_kinds: tuple[str, ...] = ()
    intro_modes: tuple[str, ...] = ()
    min_age: int | None = None
    max_age: int | None = None
    min_service_years: int | None = None
    materials: tuple[str, ...] = ()
    materials_block: bool = True


def _rules_of(row: PolicyEligibility | None) -> Rules:
    if row is None:
        return Rules()
    return Rules(row.arrival_from, row.arrival_to, _split(row.employer_kinds), _split(row.intro_modes), row.min_age,
                 row.max_age, row.min_service_years, _split(row.materials), bool(row.materials_block))


@operation(Permission.LEDGER_READ)
def get_rules(session: Session, *, policy_id: int) -> Rules:
    if session.get(SubsidyPolicy, policy_id) is None:
        raise NotFound(translate("Policies", "Policy {id} does not exist.").format(id=policy_id))
    return _rules_of(session.get(PolicyEligibility, policy_id))


def _check_rules(rules: Rules) -> None:
    def bad(text: str, fld: str):
        raise ValidationError(text, field=fld)

    if rules.arrival_from and rules.arrival_to and rules.arrival_to < rules.arrival_from:
        bad(translate("Eligibility", "The arrival window cannot end before it starts."), "arrival_to")
    for v, fld in ((rules.min_age, "min_age"), (rules.max_age, "max_age")):
        if v is not None and not (isinstance(v, int) and 16 <= v <= 80):
            bad(translate("Eligibility", "An age limit must be a whole number between 16 and 80."), fld)
    if rules.min_age is not None and rules.max_age is not None and rules.max_age < rules.min_age:
        bad(translate("Eligibility", "The highest age is below the lowest."), "max_age")
    if rules.min_service_years is not None and not (isinstance(rules.min_service_years, int)
                                                    and 1 <= rules.min_service_years <= 50):
        bad(translate("Eligibility", "The service commitment must be between 1 and 50 years."), "min_service_years")
    for m in rules.intro_modes:
        if m not in E.values(E.IntroMode):
            bad(translate("Eligibility", "Unknown introduction mode: {mode}.").format(mode=m), "intro_modes")
    for m in rules.materials:
        if m not in MATERIAL_KINDS:
            bad(translate("Eligibility", "Unknown kind of material: {kind}.").format(kind=m), "materials")
    if any(len(k) > 40 for k in rules.employer_kinds):
        bad(translate("Eligibility", "An employer kind is at most 40 characters."), "employer_kinds")


@operation(Permission.POLICY_MANAGE, writes=True, changes=(Change.POLICIES, Change.LEDGER))
def save_rules(session: Session, *, policy_id: int, rules: Rules) -> Rules:
    """Set a policy's eligibility conditions and materials checklist (the sweep reruns on the change)."""
    if session.get(SubsidyPolicy, policy_id) is None:
        raise NotFound(translate("Policies", "Policy {id} does not exist.").format(id=policy_id))
    _check_rules(rules)
    row = session.get(PolicyEligibility, policy_id)
    if row is None:
        row = PolicyEligibility(policy_id=policy_id)
        session.add(row)
    row.arrival_from, row.arrival_to = rules.arrival_from, rules.arrival_to
    row.employer_kinds = ",".join(dict.fromkeys(rules.employer_kinds))
    row.intro_modes = ",".join(m for m in E.values(E.IntroMode) if m in rules.intro_modes)
    row.min_age, row.max_age, row.min_service_years = rules.min_age, rules.max_age, rules.min_service_years
    row.materials = ",".join(m for m in MATERIAL_KINDS if m in rules.materials)
    row.materials_block = bool(rules.materials_block)
    session.flush()
    return _rules_of(row)


# ------------------------------------------------------------------ the sweep

@dataclass(frozen=True, slots=True)
class Candidate:
    policy_id: int
    policy_name: str
    doc_number: str
    talent_id: int
    talent_name: str
    employer_name: str
    tier_code: str
    amount_fen: int
    start_date: dt.date
    matched: tuple[str, ...]          # each rule that matched, in words
    missing: tuple[str, ...]          # attachment kinds still missing
    blocks: bool                      # missing materials block approval

    @property
    def matched_text(self) -> str:
        return "；".join(self.matched)

    @property
    def missing_text(self) -> str:
        return join_list(material_label(m) for m in self.missing)


@dataclass(frozen=True)
class SweepResult:
    on: dt.date
    candidates: tuple[Candidate, ...]
    by_policy: dict[int, int]         # policy id → number of candidates
    policies: dict[int, str]          # policy id → name (every policy swept)


def _age(birth: dt.date | None, on: dt.date) -> int | None:
    if birth is None:
        return None
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _policies_in_force(session: Session, on: dt.date, policy_id: int | None) -> list[SubsidyPolicy]:
    stmt = select(SubsidyPolicy).where(SubsidyPolicy.active.is_(True), SubsidyPolicy.valid_from <= on,
                                       or_(SubsidyPolicy.valid_to.is_(None), SubsidyPolicy.valid_to >= on))
    if policy_id is not None:
        stmt = stmt.where(SubsidyPolicy.id == policy_id)
    return list(session.scalars(stmt.order_by(SubsidyPolicy.id)))


def _sweep_policy(session: Session, p: SubsidyPolicy, on: dt.date, limit: int | None) -> list[Candidate]:
    rules = _rules_of(session.get(PolicyEligibility, p.id))
    amounts = tuple(AmountRule(t, e, a) for t, e, a in session.execute(
        select(PolicyAmount.tier_code, PolicyAmount.education, PolicyAmount.amount_fen)
        .where(PolicyAmount.policy_id == p.id)))
    tiers, edus = _split(p.eligible_tiers), _split(p.eligible_educations)
    barred = [p.id, *excluded_policy_ids(session, p.id)]
    stmt = (select(Talent.id, Talent.name, Talent.tier_code, Talent.education, Talent.arrival_date,
                   Talent.birth_date, Talent.intro_mode, Talent.service_years, Employer.name, Employer.kind)
            .outerjoin(Employer, Employer.id == Talent.employer_id)
            .where(Talent.status == E.TalentStatus.ACTIVE.value, Talent.arrival_date <= on,
                   Talent.id.not_in(select(SubsidyGrant.talent_id).where(SubsidyGrant.policy_id.in_(barred))),
                   Talent.id.not_in(select(GrantDraft.talent_id).where(
                       GrantDraft.policy_id == p.id, GrantDraft.status == E.DraftStatus.DRAFT.value))))
    if tiers:
        stmt = stmt.where(Talent.tier_code.in_(tiers))
    if edus:
        stmt = stmt.where(Talent.education.in_(edus))
    if rules.arrival_from:
        stmt = stmt.where(Talent.arrival_date >= rules.arrival_from)
    if rules.arrival_to:
        stmt = stmt.where(Talent.arrival_date <= rules.arrival_to)
    if rules.intro_modes:
        stmt = stmt.where(Talent.intro_mode.in_(rules.intro_modes))
    if rules.min_service_years:
        stmt = stmt.where(Talent.service_years >= rules.min_service_years)
    if rules.employer_kinds:
        stmt = stmt.where(Employer.kind.in_(rules.employer_kinds))
    found: list[tuple] = []
    # streamed: with a limit (the overview's first 500) the read stops there instead of holding every active talent
    result = session.execute(stmt.order_by(Talent.id), execution_options=STREAM)
    for tid, name, tier, edu, arrival, birth, mode, years, emp, kind in result:
        amount = amount_for(amounts, tier, edu)
        if amount is None:
            continue
        age = _age(birth, arrival)
        if (rules.min_age is not None or rules.max_age is not None) and age is None:
            continue  # an age rule cannot be shown to hold without a birth date
        if rules.min_age is not None and age < rules.min_age:
            continue
        if rules.max_age is not None and age > rules.max_age:
            continue
        matched = [translate("Eligibility", "tier {tier}").format(tier=tier) if tiers else
                   translate("Eligibility", "any tier"),
                   translate("Eligibility", "education: {education}").format(education=label(E.Education, edu))]
        if rules.arrival_from or rules.arrival_to:
            matched.append(translate("Eligibility", "arrived {date} (window {first} – {last})").format(
                date=arrival.isoformat(), first=rules.arrival_from.isoformat() if rules.arrival_from else "…",
                last=rules.arrival_to.isoformat() if rules.arrival_to else "…"))
        if rules.employer_kinds:
            matched.append(translate("Eligibility", "employer kind: {kind}").format(kind=kind))
        if rules.intro_modes:
            matched.append(translate("Eligibility", "introduction: {mode}").format(mode=label(E.IntroMode, mode)))
        if rules.min_age is not None or rules.max_age is not None:
            matched.append(translate("Eligibility", "age {age} at arrival").format(age=age))
        if rules.min_service_years:
            matched.append(translate("Eligibility", "service commitment {years} years (≥ {need})").format(
                years=years, need=rules.min_service_years))
        found.append((tid, name, tier, arrival, emp or "", amount, tuple(matched)))
        if limit is not None and len(found) >= limit:
            break
    result.close()
    held: dict[int, set[str]] = {}
    if rules.materials and found:
        ids = [f[0] for f in found]
        for i in range(0, len(ids), 900):
            for tid, kind in session.execute(select(Attachment.talent_id, Attachment.kind)
                                             .where(Attachment.talent_id.in_(ids[i:i + 900]))):
                held.setdefault(tid, set()).add(kind)
    out = []
    for tid, name, tier, arrival, emp, amount, matched in found:
        missing = tuple(m for m in rules.materials if m not in held.get(tid, set()))
        out.append(Candidate(p.id, p.name, p.doc_number, tid, name, emp, tier, amount, max(arrival, p.valid_from),
                             matched, missing, bool(missing) and rules.materials_block))
    return out


@operation(Permission.LEDGER_READ)
def sweep(session: Session, *, on: dt.date, policy_id: int | None = None,
          limit_per_policy: int | None = None) -> SweepResult:
    """Every talent who qualifies for a policy in force on `on` and holds no grant of it (see the module)."""
    policies = _policies_in_force(session, on, policy_id)
    candidates: list[Candidate] = []
    counts: dict[int, int] = {}
    for p in policies:
        found = _sweep_policy(session, p, on, limit_per_policy)
        counts[p.id] = len(found)
        candidates += found
    return SweepResult(on, tuple(candidates), counts, {p.id: p.name for p in policies})


def find_policy(session: Session, text: str | int) -> SubsidyPolicy:
    """A policy named by id, name or 文号 (exact, then unique partial match of the name)."""
    raw = str(text).strip()
    if raw.isascii() and raw.isdigit() and (p := session.get(SubsidyPolicy, int(raw))) is not None:
        return p
    exact = list(session.scalars(select(SubsidyPolicy).where(
        or_(SubsidyPolicy.name == raw, SubsidyPolicy.doc_number == raw))))
    if len(exact) == 1:
        return exact[0]
    like = exact or list(session.scalars(select(SubsidyPolicy).where(SubsidyPolicy.name.contains(raw))))
    if len(like) == 1:
        return like[0]
    if not like:
        raise NotFound(translate("Eligibility", "No policy is called {name}.").format(name=raw))
    raise ValidationError(translate("Eligibility", "{name} names several policies: {names}. Give its number.").format(
        name=raw, names=join_list(f"{p.id} {p.name}" for p in like[:8])), field="policy")


# ------------------------------------------------------------------ drafts and their approval

@dataclass(frozen=True, slots=True)
class DraftRow:
    id: int
    talent_id: int
    talent_name: str
    policy_id: int
    policy_name: str
    amount_fen: int
    start_date: dt.date
    matched: str
    missing: tuple[str, ...]
    blocks: bool
    status: str
    drafted_by: str
    decided_by: str
    grant_id: int | None

    @property
    def missing_text(self) -> str:
        return join_list(material_label(m) for m in self.missing)


def _draft_rows(session: Session, drafts: list[GrantDraft]) -> list[DraftRow]:
    if not drafts:
        return []
    names = dict(session.execute(select(Talent.id, Talent.name).where(
        ids_in(Talent.id, {d.talent_id for d in drafts}))).all())
    policies = {p.id: p for p in session.scalars(select(SubsidyPolicy).where(
        ids_in(SubsidyPolicy.id, {d.policy_id for d in drafts})))}
    blocking = {r.policy_id: r.materials_block for r in session.scalars(select(PolicyEligibility).where(
        PolicyEligibility.policy_id.in_(set(policies))))}
    out = []
    for d in drafts:
        missing = _missing_now(session, d)
        out.append(DraftRow(d.id, d.talent_id, names.get(d.talent_id, ""), d.policy_id, policies[d.policy_id].name,
                            d.amount_fen, d.start_date, d.matched, missing,
                            bool(missing) and blocking.get(d.policy_id, True), d.status, d.drafted_by, d.decided_by,
                            d.grant_id))
    return out


def _missing_now(session: Session, d: GrantDraft) -> tuple[str, ...]:
    """Materials still missing today (an attachment added since the draft counts)."""
    rules = _rules_of(session.get(PolicyEligibility, d.policy_id))
    held = set(session.scalars(select(Attachment.kind).where(Attachment.talent_id == d.talent_id)))
    return tuple(m for m in rules.materials if m not in held)


@operation(Permission.LEDGER_READ)
def list_drafts(session: Session, *, status: str | None = E.DraftStatus.DRAFT.value,
                limit: int = 2000) -> list[DraftRow]:
    stmt = select(GrantDraft).order_by(GrantDraft.id)
    if status:
        stmt = stmt.where(GrantDraft.status == status)
    return _draft_rows(session, list(session.scalars(stmt.limit(limit))))


@dataclass(frozen=True)
class DraftResult:
    drafted: int
    skipped: int
    drafts: tuple[DraftRow, ...]


@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.LEDGER,))
def draft_grants(session: Session, *, on: dt.date, policy_id: int | None = None,
                 talent_ids: tuple[int, ...] | None = None) -> DraftResult:
    """Draft a grant for every candidate of the sweep (of one policy, or of the given talents): one action."""
    result = sweep(session, on=on, policy_id=policy_id)
    actor = actor_of(session)
    made: list[GrantDraft] = []
    wanted = set(talent_ids) if talent_ids is not None else None
    for c in result.candidates:
        if wanted is not None and c.talent_id not in wanted:
            continue
        d = GrantDraft(talent_id=c.talent_id, policy_id=c.policy_id, amount_fen=c.amount_fen, start_date=c.start_date,
                       matched=c.matched_text[:4000], missing_materials=",".join(c.missing),
                       status=E.DraftStatus.DRAFT.value, drafted_by_id=actor.user_id, drafted_by=actor.username)
        session.add(d)
        made.append(d)
    session.flush()
    return DraftResult(len(made), (len(wanted) - len(made)) if wanted is not None else 0,
                       tuple(_draft_rows(session, made)))


def _open_draft(session: Session, draft_id: int) -> GrantDraft:
    return undecided(session, GrantDraft, draft_id, E.DraftStatus.DRAFT.value,
                     missing=translate("Eligibility", "Draft {id} does not exist.").format(id=draft_id),
                     decided=translate("Eligibility", "Draft {id} has already been decided.").format(id=draft_id))


@operation(Permission.LEDGER_APPROVE, writes=True, changes=(Change.LEDGER,))
def approve_draft(session: Session, *, draft_id: int, as_of: dt.date | None = None) -> DraftRow:
    """Make the drafted grant (the ledger's own grant creation checks eligibility and exclusions again). Refused
    while materials the policy requires are missing and it blocks on them, and for the person who drafted it."""
    import datetime as _dt

    d = _open_draft(session, draft_id)
    actor = actor_of(session)
    if actor.user_id is not None and d.drafted_by_id == actor.user_id:
        raise RuleViolation(translate("Eligibility", "A draft is approved by someone other than the person who "
                                                     "drafted it."))
    missing = _missing_now(session, d)
    rules = _rules_of(session.get(PolicyEligibility, d.policy_id))
    if missing and rules.materials_block:
        raise RuleViolation(translate("Eligibility", "Materials are missing: {missing}. Attach them to the talent's "
                                                     "file first; the policy requires them before approval.").format(
            missing=join_list(material_label(m) for m in missing)))
    # the approval permission was checked above; the grant service is the one way a grant is made
    grant = grants_service.grant_policy.__wrapped__(session, talent_id=d.talent_id, policy_id=d.policy_id,
                                                    start_date=d.start_date, total_fen=d.amount_fen,
                                                    notes=translate("Eligibility", "from the entitlement sweep"),
                                                    as_of=as_of)
    d.status = E.DraftStatus.APPROVED.value
    d.grant_id = getattr(grant, "id", None) if isinstance(grant, grants_service.GrantRow) else None
    d.decided_by = actor.username
    d.decided_at = _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)
    d.missing_materials = ",".join(missing)
    session.flush()
    return _draft_rows(session, [d])[0]


@operation(Permission.LEDGER_APPROVE, writes=True, changes=(Change.LEDGER,))
def reject_draft(session: Session, *, draft_id: int, note: str) -> DraftRow:
    note = " ".join((note or "").split())
    if not note:
        raise ValidationError(translate("Eligibility", "Say why the draft is turned down."), field="note")
    d = _open_draft(session, draft_id)
    import datetime as _dt

    d.status = E.DraftStatus.REJECTED.value
    d.decided_by = actor_of(session).username
    d.decided_at = _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)
    d.decision_note = note[:200]
    session.flush()
    return _draft_rows(session, [d])[0]


def overview_detail(c: Candidate) -> str:
    text = f"{c.policy_name} {format_yuan(c.amount_fen)}"
    if c.missing:
        text += " · " + translate("Eligibility", "missing: {materials}").format(materials=c.missing_text)
    return text


@operation(Permission.LEDGER_READ)
def sweep_count(session: Session, *, on: dt.date) -> tuple[int, int]:
    """(talents × policies the sweep finds, drafts waiting for approval) — the figures on the overview."""
    found = sum(sweep(session, on=on).by_policy.values())
    waiting = session.scalar(select(func.count()).select_from(GrantDraft).where(
        GrantDraft.status == E.DraftStatus.DRAFT.value)) or 0
    return found, waiting


__all__ = ["Rules", "get_rules", "save_rules", "Candidate", "SweepResult", "sweep", "find_policy", "DraftRow",
           "list_drafts", "draft_grants", "approve_draft", "reject_draft", "sweep_count", "MATERIAL_KINDS",
           "material_label", "format_yuan"]
