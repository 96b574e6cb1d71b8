"""The mentor board's data as plain rows: one column per mentor, the newcomers with nobody yet.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.domain.enums import TalentStatus
from talentdesk.domain.models import (
    Employer,
    Mentor,
    MentorRole,
    Pairing,
    Talent,
)
from talentdesk.domain.values import months_between
from talentdesk.i18n import current_language
from talentdesk.services.common import reference
from talentdesk.services.base import Permission, operation
from talentdesk.services.mentors.pairings import is_overdue
from talentdesk.services.mentors.pool import current_loads


@dataclass(frozen=True, slots=True)
class CardRole:
    pairing_id: int
    role_id: int
    role_name: str
    start_date: dt.date
    last_checkin_date: dt.date | None
    cadence_days: int
    overdue: bool


@dataclass(frozen=True, slots=True)
class OtherRole:
    role_name: str
    mentor_name: str


@dataclass(frozen=True, slots=True)
class BoardCard:
    """One newcomer under one mentor (all the roles this mentor holds for them), or under "no mentor yet"."""

    talent_id: int
    talent_name: str
    employer_name: str
    tier_code: str
    mentor_id: int | None                 # None: the "no mentor yet" column
    months_paired: int
    last_checkin_date: dt.date | None
    overdue: bool
    roles: tuple[CardRole, ...] = ()      # with this mentor
    other_roles: tuple[OtherRole, ...] = ()  # with other mentors
    arrival_date: dt.date | None = None
    tier_name: str = ""                   # the tier's name in the reader's language


@dataclass(frozen=True, slots=True)
class BoardColumn:
    mentor_id: int
    name: str
    employer_name: str
    title: str
    capacity: int
    load: int                              # distinct current mentees (whatever the filter)
    cards: tuple[BoardCard, ...]
    overdue: int = 0

    @property
    def full(self) -> bool:
        return self.load >= self.capacity


@dataclass(frozen=True, slots=True)
class BoardData:
    columns: tuple[BoardColumn, ...]
    unpaired: tuple[BoardCard, ...]
    unpaired_total: int
    overdue_total: int
    today: dt.date
    filtered: bool = False
    mentor_total: int | None = None  # mentor columns in all pages (None: not paged, every column is here)
    mentor_offset: int = 0           # index of the first column here among them


@operation(Permission.MENTOR_READ)
def board(session: Session, *, today: dt.date | None = None, employer_id: int | None = None,
          tier_code: str | None = None, role_id: int | None = None, search: str = "",
          unpaired_limit: int | None = None, mentor_limit: int | None = None, mentor_offset: int = 0,
          show_mentor_id: int | None = None) -> BoardData:
    """Everything the board shows, as plain rows, in three queries whatever the size.

    Filters (employer, tier, role, name/pinyin search) narrow the cards; with a filter on, mentors without a
    matching card are left out (except mentors of the filtered employer, who may take newcomers). With a role
    filter, "no mentor yet" lists active talents with no current mentor in that role.

    With `mentor_limit` the board is paged by mentor column: `mentor_limit` columns from `mentor_offset` (or the
    page holding `show_mentor_id`), and only their newcomers' pairings are read, so a city's board opens as fast
    as a county's. `mentor_total` then says how many columns there are in all.
    """
    today = today or dt.date.today()
    en = current_language() == "en"
    tier_names = reference.tier_names(session)
    needle = (search or "").strip().lower()
    filtered = bool(employer_id is not None or tier_code or role_id is not None or needle)
    page_ids: set[int] | None = None
    mentor_total = None
    if mentor_limit is None:
        load = current_loads()
        mentors = session.execute(
            select(Mentor.id, Mentor.name, Employer.name, Mentor.title, Mentor.capacity, func.coalesce(load.c.load, 0),
                   Mentor.employer_id)
            .outerjoin(Employer, Employer.id == Mentor.employer_id)
            .outerjoin(load, load.c.mentor_id == Mentor.id)
            .where(Mentor.active.is_(True) | (func.coalesce(load.c.load, 0) > 0))
            .order_by(Mentor.name_pinyin, Mentor.id)
        ).all()
    else:
        # the columns in board order as ids only (read from ix_mentors_board), then one page of them in full
        has_mentees = (select(Pairing.id).where(Pairing.mentor_id == Mentor.id, Pairing.end_date.is_(None))
                       .exists())
        order = session.execute(
            select(Mentor.id, Mentor.employer_id).where(Mentor.active.is_(True) | has_mentees)
            .order_by(Mentor.name_pinyin, Mentor.id)).all()
        if filtered:  # the mentors with at least one matching card, found by the database
            q = (select(Pairing.mentor_id).join(Talent, Talent.id == Pairing.talent_id)
                 .where(Pairing.end_date.is_(None)).distinct())
            if employer_id is not None:
                q = q.where(Talent.employer_id == employer_id)
            if tier_code:
                q = q.where(Talent.tier_code == tier_code)
            if role_id is not None:
                q = q.where(Pairing.role_id == role_id)
            if needle:
                q = q.where(_text_matches(needle))
            matching = set(session.scalars(q))
            order = [m for m in order if m[0] in matching
                     or (employer_id is not None and m[1] == employer_id and not needle)]
        mentor_total = len(order)
        if show_mentor_id is not None:
            at = next((i for i, m in enumerate(order) if m[0] == show_mentor_id), None)
            if at is not None:
                mentor_offset = at // mentor_limit * mentor_limit
        mentor_offset = max(0, min(mentor_offset, max(0, mentor_total - 1) // mentor_limit * mentor_limit))
        page = [m[0] for m in order[mentor_offset:mentor_offset + mentor_limit]]
        page_ids = set(page)
        loads = dict(session.execute(
            select(Pairing.mentor_id, func.count(func.distinct(Pairing.talent_id)))
            .where(Pairing.end_date.is_(None), Pairing.mentor_id.in_(page)).group_by(Pairing.mentor_id)).all())
        found = {r[0]: r for r in session.execute(
            select(Mentor.id, Mentor.name, Employer.name, Mentor.title, Mentor.capacity, Mentor.employer_id)
            .outerjoin(Employer, Employer.id == Mentor.employer_id).where(Mentor.id.in_(page)))}
        mentors = [(i, found[i][1], found[i][2], found[i][3], found[i][4], loads.get(i, 0), found[i][5]) for i in page]
    stmt = (
        select(Pairing.id, Pairing.mentor_id, Pairing.talent_id, Pairing.role_id, MentorRole.name, MentorRole.name_en,
               MentorRole.sort_order, Pairing.start_date, Pairing.last_checkin_date, Pairing.cadence_days,
               Talent.name, Employer.name, Talent.tier_code, Talent.employer_id, Talent.name_pinyin,
               Talent.name_initials, Talent.arrival_date)
        .join(Talent, Talent.id == Pairing.talent_id)
        .join(MentorRole, MentorRole.id == Pairing.role_id)
        .outerjoin(Employer, Employer.id == Talent.employer_id)
        .where(Pairing.end_date.is_(None))
        .order_by(Talent.name_pinyin, Talent.id, MentorRole.sort_order)
    )
    if page_ids is not None:  # the newcomers of this page's mentors (with all their current pairings)
        stmt = stmt.where(Pairing.talent_id.in_(
            select(Pairing.talent_id).where(Pairing.end_date.is_(None), Pairing.mentor_id.in_(sorted(page_ids)))))
    rows = session.execute(stmt).all()
    mentor_names = {m[0]: m[1] for m in mentors}
    if page_ids is not None:  # other mentors of these newcomers, for the "also with" line
        missing = {r[1] for r in rows} - set(mentor_names)
        if missing:
            mentor_names.update(session.execute(select(Mentor.id, Mentor.name).where(Mentor.id.in_(sorted(missing)))).all())

    def matches(name: str, py: str, ini: str, emp_id, tier: str) -> bool:
        if employer_id is not None and emp_id != employer_id:
            return False
        if tier_code and tier != tier_code:
            return False
        if needle and needle not in name.lower() and needle not in (py or "") and not (ini or "").startswith(needle):
            return False
        return True

    by_talent: dict[int, list] = {}
    for r in rows:
        by_talent.setdefault(r[2], []).append(r)
    # group (mentor, talent) -> card
    cards_by_mentor: dict[int, list[BoardCard]] = {}
    overdue_by_mentor: dict[int, int] = {}
    overdue_total = 0
    for tid, prs in by_talent.items():
        first = prs[0]
        if not matches(first[10], first[14], first[15], first[13], first[12]):
            continue
        if role_id is not None and not any(p[3] == role_id for p in prs):
            continue
        per_mentor: dict[int, list] = {}
        for p in prs:
            per_mentor.setdefault(p[1], []).append(p)
        for mid, mine in per_mentor.items():
            if role_id is not None and not any(p[3] == role_id for p in mine):
                continue
            if page_ids is not None and mid not in page_ids:
                continue
            roles = tuple(CardRole(p[0], p[3], p[5] if en and p[5] else p[4], p[7], p[8], p[9],
                                   is_overdue(p[8], p[7], p[9], today)) for p in mine)
            others = tuple(OtherRole(p[5] if en and p[5] else p[4], mentor_names.get(p[1], ""))
                           for p in prs if p[1] != mid)
            start = min(p[7] for p in mine)
            lasts = [p[8] for p in mine if p[8] is not None]
            overdue = any(r.overdue for r in roles)
            card = BoardCard(tid, first[10], first[11] or "", first[12], mid, months_between(start, today),
                             max(lasts) if lasts else None, overdue, roles, others, first[16],
                             tier_names.get(first[12], first[12]))
            cards_by_mentor.setdefault(mid, []).append(card)
            if overdue:
                overdue_by_mentor[mid] = overdue_by_mentor.get(mid, 0) + 1
                overdue_total += 1
    columns = []
    for m in mentors:
        cards = cards_by_mentor.get(m[0], [])
        if filtered and not cards and not (employer_id is not None and m[6] == employer_id and not needle):
            continue
        # overdue newcomers first: they need the office's attention
        cards.sort(key=lambda c: (not c.overdue, c.last_checkin_date or dt.date.min))
        columns.append(BoardColumn(m[0], m[1], m[2] or "", m[3] or "", m[4], m[5], tuple(cards),
                                   overdue_by_mentor.get(m[0], 0)))
    # "no mentor yet": active talents without a current pairing (in the filtered role, when there is one)
    paired = select(Pairing.talent_id).where(Pairing.end_date.is_(None))
    if role_id is not None:
        paired = paired.where(Pairing.role_id == role_id)
    ustmt = (
        select(Talent.id, Talent.name, Employer.name, Talent.tier_code, Talent.arrival_date)
        .outerjoin(Employer, Employer.id == Talent.employer_id)
        .where(Talent.status == TalentStatus.ACTIVE.value, Talent.id.not_in(paired))
    )
    if employer_id is not None:
        ustmt = ustmt.where(Talent.employer_id == employer_id)
    if tier_code:
        ustmt = ustmt.where(Talent.tier_code == tier_code)
    if needle:
        like = f"%{needle}%"
        ustmt = ustmt.where(func.lower(Talent.name).like(like) | Talent.name_pinyin.like(like)
                            | Talent.name_initials.like(f"{needle}%"))
    if employer_id is None and not tier_code and not needle:
        # active talents minus the active ones with a current pairing (in the role): two index-only counts,
        # not a walk over every active talent
        active = session.scalar(select(func.count()).select_from(Talent)
                                .where(Talent.status == TalentStatus.ACTIVE.value)) or 0
        is_active = (select(Talent.id).where(Talent.id == Pairing.talent_id,
                                             Talent.status == TalentStatus.ACTIVE.value).exists())
        with_mentor = session.scalar(  # driven by the current pairings (a join would walk every active talent)
            select(func.count(func.distinct(Pairing.talent_id)))
            .where(Pairing.end_date.is_(None), is_active,
                   *([Pairing.role_id == role_id] if role_id is not None else []))) or 0
        total = active - with_mentor
    else:
        total = session.scalar(select(func.count()).select_from(ustmt.subquery())) or 0
    ustmt = ustmt.order_by(Talent.arrival_date.desc(), Talent.name_pinyin)  # newest arrivals first
    if unpaired_limit is not None:
        ustmt = ustmt.limit(unpaired_limit)
    unpaired = tuple(BoardCard(r[0], r[1], r[2] or "", r[3], None, 0, None, False, (), (), r[4],
                               tier_names.get(r[3], r[3]))
                     for r in session.execute(ustmt))
    return BoardData(tuple(columns), unpaired, total, overdue_total, today, filtered, mentor_total, mentor_offset)


def _text_matches(needle: str):
    """The board's name search as SQL: the name contains it, the pinyin contains it, or the initials start with it."""
    esc = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return (func.lower(Talent.name).like(f"%{esc}%", escape="\\") | Talent.name_pinyin.like(f"%{esc}%", escape="\\")
            | Talent.name_initials.like(f"{esc}%", escape="\\"))
