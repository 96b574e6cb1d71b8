"""Promotion readiness (晋升储备): who meets the office's conditions for a post or title.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.domain.enums import AppraisalGrade, EnrolmentStatus, GrowthKind, TalentStatus
from talentdesk.domain.models import Employer, GrowthEvent, Talent, TrainingEnrolment
from talentdesk.services.common import reference
from talentdesk.services.base import STREAM, Permission, operation
from talentdesk.services.common.settings import get_setting


@dataclass(frozen=True, slots=True)
class ReadyRow:
    talent_id: int
    name: str
    employer_name: str
    tier_code: str
    post: str
    professional_title: str
    in_post_since: dt.date
    years_in_post: float
    training_hours: float
    recent_grades: tuple[str, ...]   # newest first
    excellent: int
    tier_name: str = ""              # in the reader's language


POST_KINDS = (GrowthKind.POST_CHANGE.value, GrowthKind.PROMOTION.value, GrowthKind.IMPORTANT_POST.value)


@dataclass(frozen=True, slots=True)
class Thresholds:
    min_years_in_post: float
    min_training_hours: float
    min_good_appraisals: int
    require_title: bool


@operation(Permission.GROWTH_READ)
def promotion_thresholds(session: Session) -> Thresholds:
    return Thresholds(float(get_setting(session, "promotion_min_years_in_post")),
                      float(get_setting(session, "promotion_min_training_hours")),
                      int(get_setting(session, "promotion_min_good_appraisals")),
                      bool(get_setting(session, "promotion_require_title")))


@operation(Permission.GROWTH_READ)
def promotion_candidates(session: Session, *, today: dt.date, limit: int = 2000) -> list[ReadyRow]:
    """Active talents who meet every threshold in settings: years in the present post (since the last post change,
    promotion or important-post assignment, else since arrival), completed training hours, the latest appraisals
    all at least 合格 with none 基本合格/不合格, and (if required) a professional title. Best first."""
    years_min = float(get_setting(session, "promotion_min_years_in_post"))
    hours_min = float(get_setting(session, "promotion_min_training_hours"))
    n_appraisals = int(get_setting(session, "promotion_min_good_appraisals"))
    need_title = bool(get_setting(session, "promotion_require_title"))
    # four set-based queries combined by talent id (SQLite plans them badly as joined subqueries)
    last_post = {tid: d for tid, d in session.execute(
        select(GrowthEvent.talent_id, func.max(GrowthEvent.event_date))
        .join(Talent, Talent.id == GrowthEvent.talent_id)
        .where(GrowthEvent.kind.in_(POST_KINDS), Talent.status == TalentStatus.ACTIVE.value)
        .group_by(GrowthEvent.talent_id), execution_options=STREAM)}
    hours = {tid: h for tid, h in session.execute(
        select(TrainingEnrolment.talent_id, func.sum(TrainingEnrolment.hours))
        .where(TrainingEnrolment.status == EnrolmentStatus.COMPLETED.value)
        .group_by(TrainingEnrolment.talent_id)
        .having(func.sum(TrainingEnrolment.hours) >= hours_min), execution_options=STREAM)}
    ranked = (select(GrowthEvent.talent_id, GrowthEvent.appraisal_grade,
                     func.row_number().over(partition_by=GrowthEvent.talent_id,
                                            order_by=(GrowthEvent.event_date.desc(), GrowthEvent.id.desc())).label("rn"))
              .where(GrowthEvent.kind == GrowthKind.APPRAISAL.value, GrowthEvent.event_date <= today).subquery())
    grades: dict[int, list[str]] = {}
    for tid, grade in session.execute(select(ranked.c.talent_id, ranked.c.appraisal_grade)
                                      .where(ranked.c.rn <= max(n_appraisals, 1))
                                      .order_by(ranked.c.talent_id, ranked.c.rn), execution_options=STREAM):
        grades.setdefault(tid, []).append(grade)
    stmt = (select(Talent.id, Talent.name, Employer.name, Talent.tier_code, Talent.post, Talent.professional_title,
                   Talent.arrival_date)
            .outerjoin(Employer, Employer.id == Talent.employer_id)
            .where(Talent.status == TalentStatus.ACTIVE.value))
    if need_title:
        stmt = stmt.where(Talent.professional_title != "")
    good = {AppraisalGrade.EXCELLENT.value, AppraisalGrade.COMPETENT.value}
    tier_names = reference.tier_names(session)
    out = []
    for tid, name, emp, tier, post, title, arrival in session.execute(stmt, execution_options=STREAM):
        hrs = hours.get(tid, 0.0)
        if hrs < hours_min:
            continue
        since_d = max(last_post.get(tid) or arrival, arrival)
        years = (today - since_d).days / 365.25
        if years < years_min:
            continue
        recent = grades.get(tid, [])
        if len(recent) < n_appraisals or any(g not in good for g in recent):
            continue
        out.append(ReadyRow(tid, name, emp or "", tier, post, title, since_d, round(years, 1), float(hrs),
                            tuple(recent), sum(1 for g in recent if g == AppraisalGrade.EXCELLENT.value),
                            tier_names.get(tier, tier)))
    out.sort(key=lambda r: (-r.excellent, -r.training_hours, -r.years_in_post, r.talent_id))
    return out[:limit]
