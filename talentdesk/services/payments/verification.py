"""在岗核验: before paying, a policy may ask the employer to confirm the talent is still in post — once a year, or
before each instalment (`SubsidyPolicy.verification_rule`). An instalment that needs it is 待核验 until a clerk
records the employer's confirmation for its period; the employer signs and stamps a printed 在岗情况确认表 first.
A talent found gone is recorded as departed, which runs the ledger's departure and clawback flow."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import RuleViolation, StorageError, ValidationError
from talentdesk.domain.models import Employer, Instalment, SubsidyGrant, SubsidyPolicy, Talent, Verification
from talentdesk.domain.values import mask_id_number
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Permission, actor_of, file_at_commit, operation, record_event


@dataclass(frozen=True, slots=True)
class PendingRow:
    """An instalment waiting for 在岗核验 (待核验)."""

    instalment_id: int
    grant_id: int
    talent_id: int
    talent_name: str
    id_masked: str
    employer_id: int | None
    employer_name: str
    post: str
    policy_name: str
    seq: int
    count: int
    due_date: dt.date
    amount_fen: int
    rule: str
    period: str


@dataclass(frozen=True, slots=True)
class ConfirmResult:
    confirmed: int          # verifications recorded
    talents: int
    instalments: int        # instalments no longer 待核验


def period_of(rule: str, grant_id: int, seq: int, due_date: dt.date) -> str:
    """Yearly: the year ("2026"); before each instalment: the instalment itself ("G12-3")."""
    if rule == E.VerificationRule.EACH.value:
        return f"G{grant_id}-{seq}"
    return str(due_date.year)


def _scope(session: Session, *, due_by: dt.date, policy_id: int | None = None, employer_id: int | None = None,
           talent_ids: Iterable[int] | None = None, instalment_ids: Iterable[int] | None = None):
    """Unpaid, uncancelled instalments of active grants of active talents, due by `due_by`, whose policy asks for
    在岗核验, with everything a form or a list shows."""
    from talentdesk.services.watch_signals import standing_entry as _standing

    stmt = (
        select(Instalment.id, SubsidyGrant.id, Talent.id, Talent.name, Talent.id_number, Talent.employer_id,
               Employer.name, Talent.post, SubsidyGrant.policy_name, Instalment.seq, SubsidyGrant.instalment_count,
               Instalment.due_date, Instalment.amount_fen, SubsidyPolicy.verification_rule)
        .join(SubsidyGrant, SubsidyGrant.id == Instalment.grant_id)
        .join(SubsidyPolicy, SubsidyPolicy.id == SubsidyGrant.policy_id)
        .join(Talent, Talent.id == SubsidyGrant.talent_id)
        .outerjoin(Employer, Employer.id == Talent.employer_id)
        .where(Instalment.due_date <= due_by, Instalment.cancelled.is_(False),
               SubsidyGrant.status == E.GrantStatus.ACTIVE.value, Talent.status == E.TalentStatus.ACTIVE.value,
               SubsidyPolicy.verification_rule != E.VerificationRule.NONE.value,
               ~and_(Instalment.posted.is_(True), _standing("payment")))
        .order_by(Employer.name, Talent.name_pinyin, Instalment.due_date, Instalment.id)
    )
    if policy_id is not None:
        stmt = stmt.where(SubsidyGrant.policy_id == policy_id)
    if employer_id is not None:
        stmt = stmt.where(Talent.employer_id == employer_id)
    if talent_ids is not None:
        stmt = stmt.where(Talent.id.in_(list(talent_ids)))
    if instalment_ids is not None:
        stmt = stmt.where(Instalment.id.in_(list(instalment_ids)))
    return session.execute(stmt).all()


def _confirmed(session: Session, talent_ids: set[int]) -> set[tuple[int, str]]:
    if not talent_ids:
        return set()
    rows = session.execute(select(Verification.talent_id, Verification.period).where(
        Verification.talent_id.in_(talent_ids), Verification.outcome == E.VerificationOutcome.IN_POST.value))
    return {(t, p) for t, p in rows}


def pending(session: Session, **scope) -> list[PendingRow]:
    rows = _scope(session, **scope)
    done = _confirmed(session, {r[2] for r in rows})
    out = []
    for r in rows:
        period = period_of(r[13], r[1], r[9], r[11])
        if (r[2], period) in done:
            continue
        out.append(PendingRow(r[0], r[1], r[2], r[3], mask_id_number(r[4]), r[5], r[6] or "", r[7] or "", r[8],
                              r[9], r[10], r[11], r[12], r[13], period))
    return out


def needs_verification(session: Session, instalment_ids: Iterable[int], due_by: dt.date) -> set[int]:
    """Which of these instalments are 待核验."""
    ids = set(instalment_ids)
    if not ids:
        return set()
    if len(ids) <= 500:
        return {p.instalment_id for p in pending(session, due_by=due_by, instalment_ids=ids)}
    return {p.instalment_id for p in pending(session, due_by=due_by)} & ids  # no IN list of thousands


@operation(Permission.LEDGER_READ)
def list_pending(session: Session, *, due_by: dt.date, employer_id: int | None = None,
                 policy_id: int | None = None) -> list[PendingRow]:
    """Instalments due by `due_by` that wait for 在岗核验, by employer."""
    return pending(session, due_by=due_by, employer_id=employer_id, policy_id=policy_id)


@operation(Permission.LEDGER_READ)
def pending_instalment_ids(session: Session, *, due_by: dt.date) -> frozenset[int]:
    """The instalments due by `due_by` that are 待核验 (for the due and overdue lists)."""
    return frozenset(p.instalment_id for p in pending(session, due_by=due_by))


@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.PAYMENTS, Change.LEDGER))
def confirm_in_post(session: Session, *, due_by: dt.date, on: dt.date | None = None, employer_id: int | None = None,
                    talent_ids: tuple[int, ...] | None = None, year: int | None = None,
                    note: str = "") -> ConfirmResult:
    """Record that the employer confirmed these talents in post, for every period they wait for (instalments due by
    `due_by`; only those of `year` when given). Nothing waits: refused with the reason."""
    on = on or dt.date.today()
    if on > dt.date.today():
        raise ValidationError(translate("Verification", "The confirmation date cannot be in the future."), field="on")
    rows = pending(session, due_by=due_by, employer_id=employer_id, talent_ids=talent_ids)
    if year is not None:
        rows = [r for r in rows if r.due_date.year == year]
    if not rows:
        raise RuleViolation(translate("Verification", "Nobody in this choice is waiting for the in-post "
                                                      "confirmation (instalments due by {date}).").format(date=due_by.isoformat()))
    actor = actor_of(session)
    seen: set[tuple[int, str]] = set()
    for r in rows:
        if (r.talent_id, r.period) in seen:
            continue
        seen.add((r.talent_id, r.period))
        session.add(Verification(talent_id=r.talent_id, employer_id=r.employer_id, period=r.period,
                                 outcome=E.VerificationOutcome.IN_POST.value, confirmed_on=on,
                                 confirmed_by=actor.username, confirmed_by_id=actor.user_id, note=(note or "")[:200]))
    session.flush()
    return ConfirmResult(len(seen), len({t for t, _ in seen}), len(rows))


@dataclass(frozen=True, slots=True)
class GoneResult:
    talent_id: int
    clawback_fen: int
    grants: int
    periods: int


@operation(Permission.LEDGER_RECORD, writes=True,
           changes=(Change.PAYMENTS, Change.LEDGER, Change.TALENTS, Change.MENTORS, Change.GROWTH))
def record_gone(session: Session, *, talent_id: int, left_on: dt.date, exit_reason: str | int | None,
                note: str = "", on: dt.date | None = None) -> GoneResult:
    """The employer says the talent is no longer in post: the verification is recorded as 已离开 and the talent's
    departure is recorded in the same transaction — future instalments stop, unpaid orders are withdrawn and the
    clawback is posted by the ledger's own rule."""
    from talentdesk.services.talents import departure

    on = on or dt.date.today()
    talent = session.get(Talent, talent_id)
    if talent is None:
        raise ValidationError(translate("Verification", "Talent {id} does not exist.").format(id=talent_id),
                              field="talent")
    rows = pending(session, due_by=max(on, left_on), talent_ids=(talent_id,))
    periods = sorted({r.period for r in rows}) or [str(on.year)]
    actor = actor_of(session)
    for p in periods:
        session.add(Verification(talent_id=talent_id, employer_id=talent.employer_id, period=p,
                                 outcome=E.VerificationOutcome.GONE.value, confirmed_on=on,
                                 confirmed_by=actor.username, confirmed_by_id=actor.user_id,
                                 note=(note or "")[:200]))
    session.flush()
    result = departure.record_departure(session, talent_id=talent_id, on=left_on, exit_reason=exit_reason,
                                        reason=note, today=on)
    return GoneResult(talent_id, result.clawback_fen, result.grants, len(periods))


@operation(Permission.POLICY_MANAGE, writes=True, changes=(Change.POLICIES, Change.PAYMENTS))
def set_rule(session: Session, *, policy_id: int, rule: str) -> str:
    """Whether the policy asks for 在岗核验: none, yearly or before each instalment."""
    if rule not in E.values(E.VerificationRule):
        raise ValidationError(translate("Verification", "The verification rule is none, yearly or each."),
                              field="verification_rule")
    policy = session.get(SubsidyPolicy, policy_id)
    if policy is None:
        raise ValidationError(translate("Verification", "Policy {id} does not exist.").format(id=policy_id),
                              field="policy")
    policy.verification_rule = rule
    session.flush()
    return rule


@operation(Permission.PERSONAL_EXPORT, writes=True, changes=(Change.AUDIT,))
def write_confirmation_forms(session: Session, *, due_by: dt.date, out_path: str | Path,
                             employer_id: int | None = None, on: dt.date | None = None,
                             accept_missing_glyphs: bool = False) -> int:
    """在岗情况确认表: one form per employer listing its talents waiting for 在岗核验, for the employer to tick, sign and
    stamp. Returns how many employers; the PDF is named as its audit entry commits."""
    from talentdesk.reports import payment_loop as report
    from talentdesk.services.common.settings import get_setting

    rows = pending(session, due_by=due_by, employer_id=employer_id)
    if not rows:
        raise RuleViolation(translate("Verification", "Nobody is waiting for the in-post confirmation (instalments due "
                                                      "by {date}).").format(
            date=due_by.isoformat()))
    forms: dict[str, list[report.FormLine]] = {}
    seen: set[tuple[int, str]] = set()
    for r in rows:
        if (r.talent_id, r.period) in seen:
            continue
        seen.add((r.talent_id, r.period))
        forms.setdefault(r.employer_name or translate("Verification", "(no employer)"), []).append(
            report.FormLine(r.talent_name, r.id_masked, r.post, r.policy_name, r.period, r.due_date))
    from talentdesk.services.common.printing import check_names

    check_names(session, [ln.talent_name for lines in forms.values() for ln in lines],
                document="in-post confirmation forms", accept=accept_missing_glyphs)
    out = Path(out_path)
    failed = translate("Verification", "The form could not be written to {path}: {error}")
    with file_at_commit(session, out, suffix=".pending",  # journaled; a folder or a database is refused
                        failed=lambda exc: StorageError(failed.format(path=out, error=exc.strerror or exc))) as tmp:
        report.write_confirmation_forms(forms, tmp, office=str(get_setting(session, "office_name") or ""),
                                        on=on or dt.date.today(),
                                        font_path=str(get_setting(session, "certificate_font") or "") or None)
    record_event(session, E.AuditAction.EXPORT, summary=f"in-post confirmation forms: {len(forms)} employers, {len(seen)} lines "
                                                        f"to {out.name}")
    return len(forms)
