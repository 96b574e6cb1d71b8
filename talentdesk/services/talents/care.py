"""关爱服务: care cases on a talent — apartment (room, move-in, move-out), spouse job, child school, 户籍, canteen,
clubs and events. Each is open until closed."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import NotFound, ValidationError
from talentdesk.domain.labels import label
from talentdesk.domain.models import CareCase, Talent
from talentdesk.domain.parsing import parse_date_value
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Permission, operation, refuse_stale


@dataclass(frozen=True, slots=True)
class CareRow:
    id: int
    talent_id: int
    kind: str
    title: str
    room: str
    move_in_date: dt.date | None
    move_out_date: dt.date | None
    opened_on: dt.date
    closed_on: dt.date | None
    status: str
    notes: str
    version: int = 1  # what an editor saves against (services/base.refuse_stale)


CARE_FIELDS = ("kind", "title", "room", "move_in_date", "move_out_date", "opened_on", "closed_on", "notes")
"""What the care-case editor changes."""


def _row(c: CareCase) -> CareRow:
    return CareRow(c.id, c.talent_id, c.kind, c.title, c.room, c.move_in_date, c.move_out_date, c.opened_on,
                   c.closed_on, c.status, c.notes, c.version or 1)


@operation(Permission.TALENT_READ)
def list_care_cases(session: Session, *, talent_id: int) -> list[CareRow]:
    rows = session.scalars(select(CareCase).where(CareCase.talent_id == talent_id)
                           .order_by(CareCase.status.desc(), CareCase.opened_on.desc(), CareCase.id.desc())).all()
    return [_row(c) for c in rows]


def clean_care_fields(values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Check a care case's fields (pure; the dialog shows each message beside its field)."""
    out: dict[str, Any] = {}
    errors: dict[str, str] = {}
    kind = str(values.get("kind") or "")
    if kind not in E.values(E.CareKind):
        errors["kind"] = translate("Care", "Choose the kind of care.")
    out["kind"] = kind
    for f, limit in (("title", 120), ("room", 40), ("notes", 4000)):
        out[f] = str(values.get(f) or "").strip()
        if len(out[f]) > limit:
            errors[f] = translate("Care", "At most {n} characters.").format(n=limit)
    for f in ("opened_on", "closed_on", "move_in_date", "move_out_date"):
        try:
            out[f] = parse_date_value(values.get(f), field=f)
        except ValidationError as exc:
            errors[f] = exc.message
            out[f] = None
    if out["opened_on"] is None and "opened_on" not in errors:
        errors["opened_on"] = translate("Care", "The opening date is required.")
    if out["closed_on"] and out["opened_on"] and out["closed_on"] < out["opened_on"]:
        errors["closed_on"] = translate("Care", "A case cannot close before it opened.")
    if out["move_out_date"] and out["move_in_date"] and out["move_out_date"] < out["move_in_date"]:
        errors["move_out_date"] = translate("Care", "The move-out date is before the move-in date.")
    if out["move_out_date"] and not out["move_in_date"] and "move_in_date" not in errors:
        errors["move_in_date"] = translate("Care", "A move-out needs the move-in date too.")
    if kind != E.CareKind.HOUSING.value and (out["room"] or out["move_in_date"] or out["move_out_date"]):
        errors["room"] = translate("Care", "Room and move-in/out dates belong to talent-apartment cases only.")
    out["status"] = E.CaseStatus.CLOSED.value if out["closed_on"] else E.CaseStatus.OPEN.value
    return out, errors


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS, Change.CARE))
def save_care_case(session: Session, *, talent_id: int, values: Mapping[str, Any],
                   case_id: int | None = None, expected_version: int | None = None) -> CareRow:
    """Open a new case (case_id None) or change one. Giving a closing date closes it; clearing it re-opens it.
    Saving over a newer version than `expected_version` (another clerk's) is an EditConflict with both versions."""
    if session.get(Talent, talent_id) is None:
        raise NotFound(translate("Care", "This talent no longer exists."))
    clean, errors = clean_care_fields(values)
    if errors:
        first = next(iter(errors))
        raise ValidationError(errors[first], field=first, details=list(errors.values()))
    if case_id is None:
        c = CareCase(talent_id=talent_id)
        session.add(c)
    else:
        c = session.get(CareCase, case_id)
        if c is None or c.talent_id != talent_id:
            raise NotFound(translate("Care", "This care case no longer exists."))
        refuse_stale(session, c, expected_version, mine=values, stored={f: getattr(c, f) for f in CARE_FIELDS},
                     name=c.title or label(E.CareKind, c.kind), fields=CARE_FIELDS, compare=clean)
    for k, v in clean.items():
        setattr(c, k, v)
    session.flush()
    return _row(c)


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS, Change.CARE))
def close_care_case(session: Session, *, case_id: int, on: dt.date, note: str = "") -> CareRow:
    c = session.get(CareCase, case_id)
    if c is None:
        raise NotFound(translate("Care", "This care case no longer exists."))
    if c.status == E.CaseStatus.CLOSED.value:
        raise ValidationError(translate("Care", "This case is closed already."))
    if on < c.opened_on:
        raise ValidationError(translate("Care", "A case cannot close before it opened."), field="closed_on")
    c.closed_on = on
    c.status = E.CaseStatus.CLOSED.value
    if note.strip():
        c.notes = (c.notes + "\n" if c.notes else "") + note.strip()
    session.flush()
    return _row(c)


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS, Change.CARE))
def delete_care_case(session: Session, *, case_id: int) -> None:
    """Remove a case entered by mistake (the audit trail keeps what it said)."""
    c = session.get(CareCase, case_id)
    if c is None:
        raise NotFound(translate("Care", "This care case no longer exists."))
    session.delete(c)
    session.flush()
