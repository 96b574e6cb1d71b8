"""Exit reasons (离开原因): the coded reasons a departure is recorded with — a list the office edits.

A reason keeps its `code` for good (reports, the command line and imports name it); its names can change, and a
reason no longer offered is retired rather than deleted, so departures recorded with it keep their meaning.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from talentdesk.domain.errors import Conflict, NotFound, ValidationError
from talentdesk.domain.models import ExitReason, Talent
from talentdesk.i18n import Bilingual, translate
from talentdesk.services.base import Change, Permission, operation
from talentdesk.domain.labels import join_list

_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


@dataclass(frozen=True, slots=True)
class ExitReasonRow(Bilingual):
    id: int
    code: str
    name: str
    name_en: str
    sort_order: int
    active: bool
    departures: int = 0


def _row(r: ExitReason, departures: int = 0) -> ExitReasonRow:
    return ExitReasonRow(r.id, r.code, r.name, r.name_en, r.sort_order, r.active, departures)


@operation(Permission.TALENT_READ)
def list_exit_reasons(session: Session, *, include_retired: bool = False) -> list[ExitReasonRow]:
    """The reasons in the office's order, each with how many departures were recorded with it."""
    used = dict(session.execute(select(Talent.exit_reason_id, func.count())
                                .where(Talent.exit_reason_id.is_not(None)).group_by(Talent.exit_reason_id)).all())
    stmt = select(ExitReason).order_by(ExitReason.sort_order, ExitReason.id)
    if not include_retired:
        stmt = stmt.where(ExitReason.active.is_(True))
    return [_row(r, used.get(r.id, 0)) for r in session.scalars(stmt)]


def find_exit_reason(session: Session, text: str | int | None) -> ExitReason | None:
    """The reason a user named by id, code, Chinese or English name (case-insensitive); None for empty input.
    An unknown name is a ValidationError that lists the reasons on offer."""
    if text is None or str(text).strip() == "":
        return None
    raw = str(text).strip()
    found = None
    if raw.isascii() and raw.isdigit():  # "²" and "５" are digits to str.isdigit, not to int()
        found = session.get(ExitReason, int(raw))
    if found is None:
        low = raw.lower()
        found = session.scalar(select(ExitReason).where(or_(
            ExitReason.code == low, ExitReason.name == raw, func.lower(ExitReason.name_en) == low)))
    if found is None:
        offered = join_list(f"{r.code} ({r.name})" for r in session.scalars(
            select(ExitReason).where(ExitReason.active.is_(True)).order_by(ExitReason.sort_order, ExitReason.id)))
        raise ValidationError(translate("ExitReasons", "Unknown reason for leaving: {value}. Choose one of: {offered}.")
                              .format(value=raw, offered=offered), field="exit_reason")
    return found


def _clean(text: str, limit: int, fld: str) -> str:
    text = " ".join(str(text or "").split())
    if len(text) > limit:
        raise ValidationError(translate("ExitReasons", "At most {n} characters.").format(n=limit), field=fld)
    return text


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS, Change.SETTINGS))
def save_exit_reason(session: Session, *, name: str, name_en: str = "", code: str = "",
                     reason_id: int | None = None) -> ExitReasonRow:
    """Add a reason (its code given, or made from the English name) or rename one (the code never changes)."""
    name = _clean(name, 40, "name")
    name_en = _clean(name_en, 60, "name_en")
    if not name:
        raise ValidationError(translate("ExitReasons", "Enter the reason's name."), field="name")
    clash = session.scalar(select(ExitReason.id).where(ExitReason.name == name, ExitReason.id != (reason_id or 0)))
    if clash:
        raise Conflict(translate("ExitReasons", "There is already a reason named {name}.").format(name=name),
                       field="name")
    if reason_id is None:
        code = (code or re.sub(r"[^a-z0-9]+", "_", name_en.lower()).strip("_")).strip().lower()
        if not _CODE.match(code or ""):
            raise ValidationError(translate(
                "ExitReasons", "The code must start with a letter and use only a–z, 0–9 and _ (at most 40)."),
                field="code")
        if session.scalar(select(ExitReason.id).where(ExitReason.code == code)):
            raise Conflict(translate("ExitReasons", "There is already a reason with the code {code}.").format(code=code),
                           field="code")
        reason = ExitReason(code=code, name=name, active=True,
                            sort_order=(session.scalar(select(func.max(ExitReason.sort_order))) or 0) + 1)
        session.add(reason)
    else:
        reason = session.get(ExitReason, reason_id)
        if reason is None:
            raise NotFound(translate("ExitReasons", "Reason {id} does not exist.").format(id=reason_id))
    reason.name = name
    reason.name_en = name_en
    session.flush()
    return _row(reason)


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS, Change.SETTINGS))
def set_exit_reason_active(session: Session, *, reason_id: int, active: bool) -> ExitReasonRow:
    """Retire a reason (no longer offered; departures recorded with it keep it) or offer it again."""
    reason = session.get(ExitReason, reason_id)
    if reason is None:
        raise NotFound(translate("ExitReasons", "Reason {id} does not exist.").format(id=reason_id))
    reason.active = bool(active)
    session.flush()
    return _row(reason)
