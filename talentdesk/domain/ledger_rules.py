"""Pure money rules of the ledger (no database): instalment schedules and clawback. All amounts integer fen."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from talentdesk.domain.enums import ClawbackRule, InstalmentMode
from talentdesk.domain.values import add_months, months_between


@dataclass(frozen=True, slots=True)
class ScheduledInstalment:
    seq: int
    due_date: dt.date
    amount_fen: int


def split_schedule(total_fen: int, mode: InstalmentMode | str, count: int, start: dt.date) -> list[ScheduledInstalment]:
    """Split an approved total into `count` instalments. Fen that do not divide evenly go to the first instalments,
    so the parts always add up to the total exactly."""
    mode = InstalmentMode(mode)
    if total_fen <= 0:
        raise ValueError("total must be positive")
    if mode is InstalmentMode.LUMP_SUM:
        count = 1
    if count < 1:
        raise ValueError("count must be at least 1")
    if count > total_fen:
        count = total_fen
    base, extra = divmod(total_fen, count)
    step = 12 if mode is InstalmentMode.YEARLY else 1
    return [
        ScheduledInstalment(seq=i + 1, due_date=add_months(start, i * step), amount_fen=base + (1 if i < extra else 0))
        for i in range(count)
    ]


def clawback_amount(
    *,
    rule: ClawbackRule | str,
    total_fen: int,
    paid_fen: int,
    arrival: dt.date,
    departure: dt.date,
    service_years: int,
    waived: bool = False,
) -> int:
    """What a talent who leaves early owes back for one grant.

    pro-rata: paid − total × months_served ÷ committed_months (never below 0, rounded to the fen, half up);
    full: everything paid; none, waived, or leaving after the commitment: 0.
    """
    rule = ClawbackRule(rule)
    committed = service_years * 12
    served = months_between(arrival, departure)
    if waived or rule is ClawbackRule.NONE or committed <= 0 or served >= committed or paid_fen <= 0:
        return 0
    if rule is ClawbackRule.FULL:
        return paid_fen
    earned_num = total_fen * served  # exact integer arithmetic, rounded half up at the end
    owed_num = paid_fen * committed - earned_num
    if owed_num <= 0:
        return 0
    return (2 * owed_num + committed) // (2 * committed)
