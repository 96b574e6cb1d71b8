"""登记离开 and 恢复在岗: a talent leaves the county (the ledger and the mentor board follow in the same
transaction), or is active again.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import RuleViolation, ValidationError
from talentdesk.domain.parsing import cell_text, parse_date_value
from talentdesk.i18n import translate
from talentdesk.services.base import (
    Change,
    Permission,
    operation,
    record_event,
)
from talentdesk.services.talents.records import TalentDetail, find_talent, talent_detail


@dataclass(frozen=True, slots=True)
class DepartureResult:
    talent_id: int
    clawback_fen: int
    grants: int
    pairings_ended: int


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS, Change.LEDGER, Change.MENTORS, Change.GROWTH))
def record_departure(session: Session, *, talent_id: int, on: dt.date, exit_reason: str | int | None = None,
                     reason: str = "", destination: str = "", waiver_reason: str = "",
                     today: dt.date | None = None) -> DepartureResult:
    """The talent leaves the county: status departed, with the coded reason (`exit_reason`: id, code or name from
    the office's list) and optional details in `reason`; the ledger stops future instalments and posts clawbacks
    (its own rule, in `ledger.apply_departure`); current mentor pairings end. One transaction."""
    from talentdesk.services.ledger import journal
    from talentdesk.services.mentors import pairings
    from talentdesk.services.talents.exit_reasons import find_exit_reason
    t = find_talent(session, talent_id)
    if t.status == E.TalentStatus.DEPARTED.value:
        raise RuleViolation(translate("TalentEdit", "{name} is already recorded as departed.").format(name=t.name))
    today = today or dt.date.today()
    on = parse_date_value(on, field="departure_date")
    reason = cell_text(reason)
    if on is None:
        raise ValidationError(translate("TalentEdit", "The departure date is required."), field="departure_date")
    if on < t.arrival_date:
        raise ValidationError(translate("TalentEdit", "The departure date is before the arrival date ({date}).").format(
            date=t.arrival_date.isoformat()), field="departure_date")
    if on > today:
        raise ValidationError(translate("TalentEdit", "The departure date cannot be in the future."), field="departure_date")
    coded = find_exit_reason(session, exit_reason)
    if coded is None:
        raise ValidationError(translate("TalentEdit", "Please choose the reason for leaving."), field="exit_reason")
    reason = reason or coded.name
    if len(reason) > 200 or len(cell_text(waiver_reason)) > 200 or len(cell_text(destination)) > 120:
        raise ValidationError(translate("TalentEdit", "At most {n} characters.").format(n=200), field="departure_reason")
    t.status = E.TalentStatus.DEPARTED.value
    t.departure_date = on
    t.departure_reason = reason
    t.exit_reason_id = coded.id
    t.departure_destination = cell_text(destination)
    t.clawback_waiver_reason = cell_text(waiver_reason)
    session.flush()
    lines = journal.apply_departure(session, talent_id=talent_id)
    ended = pairings.end_current_pairings(session, talent_id=talent_id, on=on, reason=reason)
    return DepartureResult(talent_id, sum(x.owed_fen for x in lines), len(lines), ended)


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS,))
def reactivate_talent(session: Session, *, talent_id: int, note: str) -> TalentDetail:
    """Undo a departure recorded in error or a return to the county. The departure details stay in the audit
    trail; ledger entries already posted stay (the ledger is append-only; the ledger tab corrects them)."""
    t = find_talent(session, talent_id)
    if t.status != E.TalentStatus.DEPARTED.value:
        raise RuleViolation(translate("TalentEdit", "{name} is active already.").format(name=t.name))
    note = cell_text(note)
    if not note:
        raise ValidationError(translate("TalentEdit", "Please say why the talent is active again."), field="note")
    before = {"departure_date": t.departure_date.isoformat() if t.departure_date else None,
              "departure_reason": t.departure_reason, "departure_destination": t.departure_destination}
    t.status = E.TalentStatus.ACTIVE.value
    t.departure_date = None
    t.departure_reason = ""
    t.exit_reason_id = None
    t.departure_destination = ""
    t.clawback_waiver_reason = ""
    session.flush()
    record_event(session, E.AuditAction.UPDATE, table="talents", record_id=str(t.id), before=before,
                 after={"status": "active"}, summary=f"re-activated: {note}"[:400])
    return talent_detail(session, t)
