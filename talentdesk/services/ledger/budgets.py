"""Budgets (年度预算) per fiscal year and policy kind, and the forecast of what current grants already owe.

committed = instalments scheduled to fall due in the year (not cancelled) — what the county has promised;
paid = net payments dated in the year (payments less their reversals); remaining (结余) = budgeted − paid, the money
left; still free to promise = budgeted − committed. Money paid with no budget, or more than the budget, is warned.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import ValidationError
from talentdesk.domain.labels import label
from talentdesk.domain.models import Budget, Instalment, LedgerEntry, SubsidyGrant, Talent
from talentdesk.domain.values import format_yuan
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Permission, operation, refuse_stale


@dataclass(frozen=True, slots=True)
class BudgetLine:
    fiscal_year: int
    policy_kind: str
    budgeted_fen: int
    committed_fen: int
    paid_fen: int
    remaining_fen: int          # 结余: budgeted − paid
    notes: str
    uncommitted_fen: int = 0    # budgeted − committed: what can still be promised
    version: int = 0            # the stored budget's version (0: none set), what its editor saves against


@dataclass(frozen=True)
class BudgetReport:
    fiscal_year: int
    lines: tuple[BudgetLine, ...]
    budgeted_fen: int
    committed_fen: int
    paid_fen: int
    remaining_fen: int
    warnings: tuple[str, ...] = ()


def _year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


@operation(Permission.LEDGER_READ)
def budget_report(session: Session, *, fiscal_year: int) -> BudgetReport:
    first, last = _year_range(fiscal_year)
    budgets = {k: (a, n, v) for k, a, n, v in session.execute(
        select(Budget.policy_kind, Budget.amount_fen, Budget.notes, Budget.version)
        .where(Budget.fiscal_year == fiscal_year))}
    committed = dict(session.execute(
        select(SubsidyGrant.policy_kind, func.sum(Instalment.amount_fen))
        .join(SubsidyGrant, SubsidyGrant.id == Instalment.grant_id)
        .where(Instalment.due_date >= first, Instalment.due_date <= last, Instalment.cancelled.is_(False))
        .group_by(SubsidyGrant.policy_kind)).all())
    target = LedgerEntry.__table__.alias("target")
    eff = func.coalesce(target.c.kind, LedgerEntry.kind)
    paid = dict(session.execute(
        select(SubsidyGrant.policy_kind, func.sum(LedgerEntry.amount_fen))
        .select_from(LedgerEntry)
        .outerjoin(target, target.c.id == LedgerEntry.reverses_id)
        .join(SubsidyGrant, SubsidyGrant.id == LedgerEntry.grant_id)
        .where(LedgerEntry.fiscal_year == fiscal_year, eff == "payment")
        .group_by(SubsidyGrant.policy_kind)).all())
    lines = []
    for kind in E.values(E.PolicyKind):
        b, notes, version = budgets.get(kind, (0, "", 0))
        c = committed.get(kind, 0) or 0
        p = -(paid.get(kind, 0) or 0)
        if not (b or c or p):
            continue
        lines.append(BudgetLine(fiscal_year, kind, b, c, p, b - p, notes, b - c, version or 0))
    warnings = []
    for x in lines:
        name = label(E.PolicyKind, x.policy_kind)
        if x.paid_fen > 0 and x.budgeted_fen == 0:
            warnings.append(translate("Budgets", "{kind}: {paid} paid in {year} with no budget set.").format(
                kind=name, paid=format_yuan(x.paid_fen), year=fiscal_year))
        elif x.paid_fen > x.budgeted_fen:
            warnings.append(translate("Budgets", "{kind}: {paid} paid, {over} more than the budget of {budget}.")
                            .format(kind=name, paid=format_yuan(x.paid_fen), over=format_yuan(x.paid_fen - x.budgeted_fen),
                                    budget=format_yuan(x.budgeted_fen)))
    return BudgetReport(fiscal_year, tuple(lines), sum(x.budgeted_fen for x in lines),
                        sum(x.committed_fen for x in lines), sum(x.paid_fen for x in lines),
                        sum(x.remaining_fen for x in lines), tuple(warnings))


@operation(Permission.BUDGET_MANAGE, writes=True, changes=(Change.LEDGER, Change.BUDGETS))
def set_budget(session: Session, *, fiscal_year: int, policy_kind: str, amount_fen: int, notes: str = "",
               expected_version: int | None = None) -> BudgetLine:
    """Set a year's budget for a kind of subsidy. `expected_version` is the version the clerk saw (0: none was
    set): a budget another clerk saved since is an EditConflict with both amounts."""
    if policy_kind not in E.values(E.PolicyKind):
        raise ValidationError(translate("Budgets", "Choose the kind of subsidy."), field="policy_kind")
    if not 2000 <= int(fiscal_year) <= 2100:
        raise ValidationError(translate("Budgets", "The fiscal year must be between 2000 and 2100."), field="fiscal_year")
    if not isinstance(amount_fen, int) or amount_fen < 0:
        raise ValidationError(translate("Budgets", "The budget cannot be negative."), field="amount")
    row = session.scalar(select(Budget).where(Budget.fiscal_year == fiscal_year, Budget.policy_kind == policy_kind))
    if row is not None:
        refuse_stale(session, row, expected_version, mine={"amount_fen": amount_fen},
                     stored={"amount_fen": row.amount_fen},
                     name=f"{fiscal_year} {label(E.PolicyKind, policy_kind)}")
    if row is None:
        row = Budget(fiscal_year=fiscal_year, policy_kind=policy_kind, amount_fen=amount_fen, notes=notes[:200])
        session.add(row)
    else:
        row.amount_fen = amount_fen
        row.notes = notes[:200]
    session.flush()
    rep = budget_report(session, fiscal_year=fiscal_year)
    for line in rep.lines:
        if line.policy_kind == policy_kind:
            return line
    return BudgetLine(fiscal_year, policy_kind, amount_fen, 0, 0, amount_fen, row.notes, amount_fen, row.version)


@dataclass(frozen=True)
class Forecast:
    """What grants in force already owe in each coming year, by policy kind (fen)."""

    as_of: dt.date
    years: tuple[int, ...]
    by_kind: dict[str, tuple[int, ...]]
    totals: tuple[int, ...]


@operation(Permission.LEDGER_READ)
def forecast(session: Session, *, as_of: dt.date, years: int = 3) -> Forecast:
    """Instalments not yet fallen due of active or suspended grants of talents still in the county, summed by the
    year they fall due, for the `years` fiscal years after `as_of`'s year — the figure the finance bureau asks for."""
    ys = tuple(range(as_of.year + 1, as_of.year + 1 + years))
    year_col = func.extract("year", Instalment.due_date)
    rows = session.execute(
        select(SubsidyGrant.policy_kind, year_col, func.sum(Instalment.amount_fen))
        .join(SubsidyGrant, SubsidyGrant.id == Instalment.grant_id)
        .join(Talent, Talent.id == SubsidyGrant.talent_id)
        .where(Instalment.cancelled.is_(False), Instalment.posted.is_(False),
               Instalment.due_date >= dt.date(ys[0], 1, 1), Instalment.due_date <= dt.date(ys[-1], 12, 31),
               SubsidyGrant.status.in_((E.GrantStatus.ACTIVE.value, E.GrantStatus.SUSPENDED.value)),
               Talent.status == E.TalentStatus.ACTIVE.value)
        .group_by(SubsidyGrant.policy_kind, year_col)).all()
    by_kind: dict[str, list[int]] = {}
    for kind, year, amount in rows:
        by_kind.setdefault(kind, [0] * len(ys))[ys.index(int(year))] += int(amount or 0)
    ordered = {k: tuple(by_kind[k]) for k in E.values(E.PolicyKind) if k in by_kind}
    totals = tuple(sum(v[i] for v in ordered.values()) for i in range(len(ys)))
    return Forecast(as_of, ys, ordered, totals)
