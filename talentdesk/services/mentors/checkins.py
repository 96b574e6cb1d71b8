"""帮带记录: a mentor's check-ins; one that needs the office to follow up opens a care case on the talent,
linked by `source_checkin_id`.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.enums import CaseStatus
from talentdesk.domain.errors import ValidationError
from talentdesk.domain.labels import label, join_list
from talentdesk.domain.models import (
    CareCase,
    CheckIn,
    Pairing,
)
from talentdesk.i18n import current_language, translate
from talentdesk.services.base import Change, Permission, operation
from talentdesk.services.mentors.pairings import find_pairing


@dataclass(frozen=True, slots=True)
class CheckInRow:
    id: int
    pairing_id: int
    date: dt.date
    mode: str
    mode_label: str
    notes: str
    issue_tags: tuple[str, ...]
    issues: str
    follow_up: bool
    care_case_id: int | None = None
    care_case_open: bool = False


@dataclass(frozen=True, slots=True)
class CheckInResult:
    checkin_id: int
    pairing_id: int
    care_case_id: int | None


def _tags(issue_tags: Iterable[str] | str | None) -> list[str]:
    if issue_tags is None:
        return []
    raw = issue_tags.split(",") if isinstance(issue_tags, str) else list(issue_tags)
    out: list[str] = []
    allowed = E.values(E.IssueTag)
    for t in raw:
        t = str(t).strip()
        if not t:
            continue
        if t not in allowed:
            raise ValidationError(translate("Mentors", "Unknown issue tag: {tag}.").format(tag=t), field="issue_tags")
        if t not in out:
            out.append(t)
    return sorted(out, key=allowed.index)


_CARE_KIND_FOR_TAG = {"housing": E.CareKind.HOUSING.value}


@operation(Permission.MENTOR_WRITE, writes=True, changes=(Change.MENTORS, Change.TALENTS))
def record_checkin(session: Session, *, pairing_id: int, date: dt.date, mode: str, notes: str = "",
                   issue_tags: Sequence[str] | str = (), issues: str = "", follow_up: bool = False,
                   today: dt.date | None = None) -> CheckInResult:
    """Log one conversation (帮带记录). If the office must follow up, an open care case is created on the talent,
    linked to this check-in, and stays open until it is closed in the talent's care cases."""
    today = today or dt.date.today()
    p = find_pairing(session, pairing_id)
    if not isinstance(date, dt.date):
        raise ValidationError(translate("Mentors", "Enter the date of the check-in."), field="date")
    if date > today:
        raise ValidationError(translate("Mentors", "A check-in cannot be dated in the future."), field="date")
    if date < p.start_date:
        raise ValidationError(translate("Mentors", "The check-in is before the pairing started ({date}).").format(
            date=p.start_date.isoformat()), field="date")
    if p.end_date is not None and date > p.end_date:
        raise ValidationError(translate("Mentors", "The pairing ended on {date}; a later check-in cannot be recorded.").format(
            date=p.end_date.isoformat()), field="date")
    if mode not in E.values(E.CheckInMode):
        raise ValidationError(translate("Mentors", "Choose how the check-in took place."), field="mode")
    tags = _tags(issue_tags)
    notes = (notes or "").strip()
    issues = (issues or "").strip()
    if follow_up and not (issues or tags):
        raise ValidationError(translate("Mentors", "Describe the issue the office must follow up."), field="issues")
    c = CheckIn(pairing_id=p.id, date=date, mode=mode, notes=notes, issue_tags=",".join(tags), issues=issues,
                follow_up=bool(follow_up))
    session.add(c)
    if p.last_checkin_date is None or date > p.last_checkin_date:
        p.last_checkin_date = date
    session.flush()
    case_id = None
    if follow_up:
        kind = next((_CARE_KIND_FOR_TAG[t] for t in tags if t in _CARE_KIND_FOR_TAG), E.CareKind.OTHER.value)
        tag_names = join_list(label(E.IssueTag, t) for t in tags) if current_language() != "en" else \
            ", ".join(label(E.IssueTag, t) for t in tags)
        title = translate("Mentors", "Follow-up from a check-in: {tags}").format(tags=tag_names) if tags else \
            translate("Mentors", "Follow-up from a check-in")
        cc = CareCase(talent_id=p.talent_id, kind=kind, title=title[:120], opened_on=date,
                      status=CaseStatus.OPEN.value, notes=issues, source_checkin_id=c.id)
        session.add(cc)
        session.flush()
        case_id = cc.id
    return CheckInResult(c.id, p.id, case_id)


@operation(Permission.MENTOR_READ)
def list_checkins(session: Session, *, pairing_id: int | None = None, talent_id: int | None = None) -> list[CheckInRow]:
    stmt = (
        select(CheckIn.id, CheckIn.pairing_id, CheckIn.date, CheckIn.mode, CheckIn.notes, CheckIn.issue_tags,
               CheckIn.issues, CheckIn.follow_up, CareCase.id, CareCase.status)
        .outerjoin(CareCase, CareCase.source_checkin_id == CheckIn.id)
        .order_by(CheckIn.date.desc(), CheckIn.id.desc())
    )
    if pairing_id is not None:
        stmt = stmt.where(CheckIn.pairing_id == pairing_id)
    if talent_id is not None:
        stmt = stmt.join(Pairing, Pairing.id == CheckIn.pairing_id).where(Pairing.talent_id == talent_id)
    return [CheckInRow(r[0], r[1], r[2], r[3], label(E.CheckInMode, r[3]), r[4] or "",
                       tuple(t for t in (r[5] or "").split(",") if t), r[6] or "", bool(r[7]), r[8],
                       r[9] == CaseStatus.OPEN.value)
            for r in session.execute(stmt)]
