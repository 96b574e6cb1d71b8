"""The watch list (流失风险): every active talent scored from signals of the three pillars, each reason in words.

The score is the sum of the weights of the signals that hold. Weights are the `risk_weights` setting (defaults in
services/settings.py). The method is explained in resources/help/*/watch-list.md.

`watch_list` reads the precomputed signals (services/watch_signals.py, kept current by every write in its own
transaction); `watch_list_reference` computes the same from scratch — each signal one set-based query over all
talents — and `watch_drift` (behind `talentdesk check`) compares the two.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from talentdesk.domain.enums import (
    AppraisalGrade,
    CareKind,
    CaseStatus,
    EnrolmentStatus,
    GrantStatus,
    GrowthKind,
    TalentStatus,
)
from talentdesk.domain.labels import label, join_list
from talentdesk.domain.models import (
    CareCase,
    Employer,
    GrowthEvent,
    Instalment,
    Pairing,
    SubsidyGrant,
    Talent,
    Tier,
    TrainingEnrolment,
    TrainingProgram,
)
from talentdesk.domain.values import add_months
from talentdesk.i18n import current_language, Labels, QT_TRANSLATE_NOOP, translate
from talentdesk.domain.errors import RuleViolation
from talentdesk.services.base import STREAM, Change, Permission, operation
from talentdesk.services.common.settings import DEFAULTS, get_setting
from talentdesk.services.growth.attention import NOTICE_KEY, notice_days_from
from talentdesk.services import watch_signals as ws
from talentdesk.services.watch_signals import (
    CHECKIN_DAYS,
    HOUSING_FAMILY_CASES,
    MENTORING_YEARS,
    NO_EVENT_YEARS,
    OVERDUE_GRACE_DAYS,
    WEAK_GRADES,
    unpaid_instalment_condition,
)

MONEY, CARE, CAREER, COMMITMENT = "money", "care", "career", "commitment"

# signal code -> pillar, in the order reasons are listed
SIGNALS: dict[str, str] = {
    "instalment_overdue": MONEY,
    "subsidies_ended": MONEY,
    "no_mentor": CARE,
    "no_checkin": CARE,
    "open_case": CARE,
    "no_training": CAREER,
    "no_event": CAREER,
    "weak_appraisal": CAREER,
    "service_ending": COMMITMENT,
}



def weights(session: Session) -> dict[str, int]:
    """The defaults, overridden code by code by what the office stored."""
    out = dict(DEFAULTS["risk_weights"])
    stored = get_setting(session, "risk_weights") or {}
    for code, w in stored.items():
        if code in out:
            try:
                out[code] = max(0, int(w))
            except (TypeError, ValueError):
                continue
    return out


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    pillar: str
    weight: int
    text: str


@dataclass(frozen=True, slots=True)
class WatchRow:
    talent_id: int
    name: str
    employer_name: str
    tier_name: str
    score: int
    reasons: tuple[Reason, ...]

    @property
    def reason_text(self) -> str:
        return "；".join(r.text for r in self.reasons) if current_language() != "en" else "; ".join(
            r.text for r in self.reasons)


pillar_label = Labels("Risk", {
    MONEY: QT_TRANSLATE_NOOP("Risk", "Money"), CARE: QT_TRANSLATE_NOOP("Risk", "Care"),
    CAREER: QT_TRANSLATE_NOOP("Risk", "Career"), COMMITMENT: QT_TRANSLATE_NOOP("Risk", "Service commitment"),
}, strict=True)


def _reason_texts(today: dt.date):
    """A function (code, value) -> reason in words, with every template translated once per call."""
    t = {
        "instalment_overdue": translate("Risk", "{n} instalment(s) overdue since {date}"),
        "subsidies_ended": translate("Risk", "Subsidies ended, commitment still running"),
        "no_mentor": translate("Risk", "No mentor"),
        "no_checkin": translate("Risk", "No check-in since {date}"),
        "no_checkin_never": translate("Risk", "No check-in yet"),
        "open_case": translate("Risk", "Open case: {kinds}"),
        "no_training": translate("Risk", "No training in {year}").format(year=today.year),
        "no_event": translate("Risk", "Nothing on the timeline since {date}"),
        "weak_appraisal": translate("Risk", "Latest appraisal: {grade}"),
        "service_ending": translate("Risk", "Service commitment ends {date}"),
    }
    grades = {g: label(AppraisalGrade, g) for g in WEAK_GRADES}
    kinds = {k: label(CareKind, k) for k in HOUSING_FAMILY_CASES}

    def text(code: str, v) -> str:
        if code == "instalment_overdue":
            n, first = v
            return t[code].format(n=n, date=first.isoformat())
        if code in ("subsidies_ended", "no_mentor", "no_training"):
            return t[code]
        if code == "no_checkin":
            return t[code].format(date=v.isoformat()) if v else t["no_checkin_never"]
        if code == "open_case":
            return t[code].format(kinds=join_list(kinds.get(k, k) for k in sorted(set(v.split(",")))))
        if code == "weak_appraisal":
            return t[code].format(grade=grades.get(v, v))
        if code in ("no_event", "service_ending"):
            return t[code].format(date=v.isoformat())
        raise KeyError(code)

    return text


def threshold(session: Session) -> int:
    """The score from which a talent is listed (the `risk_threshold` setting)."""
    try:
        return max(1, int(get_setting(session, "risk_threshold")))
    except (TypeError, ValueError):
        return int(DEFAULTS["risk_threshold"])


def notice_days(session: Session) -> int:
    """How long before a service commitment ends it is a signal (the `commitment_notice_days` setting)."""
    return notice_days_from(get_setting(session, NOTICE_KEY))


def _signal_queries(today: dt.date, notice: int = 183):
    """code -> subquery (talent_id, value) holding for the talents where the signal is on."""
    q = {}
    q["instalment_overdue"] = (
        select(SubsidyGrant.talent_id.label("talent_id"),
               func.count().label("n"), func.min(Instalment.due_date).label("v"))
        .join(SubsidyGrant, SubsidyGrant.id == Instalment.grant_id)
        .where(Instalment.posted.is_(True), Instalment.cancelled.is_(False),
               Instalment.due_date < today - dt.timedelta(days=OVERDUE_GRACE_DAYS),
               SubsidyGrant.status == GrantStatus.ACTIVE.value, unpaid_instalment_condition())
        .group_by(SubsidyGrant.talent_id)
    )
    future = (select(SubsidyGrant.talent_id)
              .join(Instalment, Instalment.grant_id == SubsidyGrant.id)
              .where(Instalment.cancelled.is_(False), Instalment.due_date > today))
    q["subsidies_ended"] = (
        select(SubsidyGrant.talent_id.label("talent_id"), literal(1).label("v"))
        .join(Talent, Talent.id == SubsidyGrant.talent_id)
        .where(SubsidyGrant.talent_id.not_in(future), Talent.service_end_date > today)
        .group_by(SubsidyGrant.talent_id)
    )
    current = select(Pairing.talent_id).where(Pairing.end_date.is_(None))
    active = Talent.status == TalentStatus.ACTIVE.value
    q["no_mentor"] = (select(Talent.id.label("talent_id"), literal(1).label("v"))
                      .where(active, Talent.arrival_date > add_months(today, -12 * MENTORING_YEARS),
                             Talent.id.not_in(current)))
    last = func.max(func.coalesce(Pairing.last_checkin_date, Pairing.start_date))
    q["no_checkin"] = (
        select(Pairing.talent_id.label("talent_id"), func.max(Pairing.last_checkin_date).label("v"))
        .where(Pairing.end_date.is_(None))
        .group_by(Pairing.talent_id)
        .having(last < today - dt.timedelta(days=CHECKIN_DAYS))
    )
    q["open_case"] = (
        select(CareCase.talent_id.label("talent_id"), func.aggregate_strings(CareCase.kind, ",").label("v"))
        .where(CareCase.status == CaseStatus.OPEN.value, CareCase.kind.in_(HOUSING_FAMILY_CASES))
        .group_by(CareCase.talent_id)
    )
    trained = (select(TrainingEnrolment.talent_id)
               .join(TrainingProgram, TrainingProgram.id == TrainingEnrolment.program_id)
               .where(TrainingProgram.year == today.year,
                      TrainingEnrolment.status != EnrolmentStatus.DROPPED.value))
    q["no_training"] = (select(Talent.id.label("talent_id"), literal(1).label("v"))
                        .where(active, Talent.id.not_in(trained)))
    # nothing on the timeline for two years: per active talent, one index seek finds a recent event (most have
    # one); the last event is read only for those without (not a max() over every event of every talent)
    cutoff = add_months(today, -12 * NO_EVENT_YEARS)
    recent = (select(GrowthEvent.id).where(GrowthEvent.talent_id == Talent.id, GrowthEvent.event_date >= cutoff,
                                           GrowthEvent.event_date <= today).exists())
    last_event = (select(func.max(GrowthEvent.event_date))
                  .where(GrowthEvent.talent_id == Talent.id, GrowthEvent.event_date <= today).scalar_subquery())
    since = func.coalesce(last_event, Talent.arrival_date)
    q["no_event"] = (
        select(Talent.id.label("talent_id"), since.label("v"))
        .where(active, ~recent, since < cutoff)
    )
    # the latest appraisal is weak: only weak appraisals are read (ix_growth_events_appraisal), each kept when no
    # later appraisal of the same talent exists (one index seek)
    g, later = aliased(GrowthEvent), aliased(GrowthEvent)
    newer = (select(later.id).where(
        later.talent_id == g.talent_id, later.kind == GrowthKind.APPRAISAL.value, later.event_date <= today,
        or_(later.event_date > g.event_date, and_(later.event_date == g.event_date, later.id > g.id))).exists())
    q["weak_appraisal"] = (
        select(g.talent_id.label("talent_id"), g.appraisal_grade.label("v"))
        .where(g.kind == GrowthKind.APPRAISAL.value, g.appraisal_grade.in_(WEAK_GRADES), g.event_date <= today,
               ~newer)
    )
    q["service_ending"] = (
        select(Talent.id.label("talent_id"), Talent.service_end_date.label("v"))
        .where(active, Talent.service_end_date >= today,
               Talent.service_end_date <= today + dt.timedelta(days=notice))
    )
    return {k: v.subquery(k) for k, v in q.items()}


def _reference_values(session: Session, today: dt.date, notice: int, codes: Iterable[str], progress=None,
                      abort=None) -> Iterator[tuple[int, str, object]]:
    """(talent, signal, value) for every active talent and signal holding on `today`, computed from scratch: nine
    set-based queries over all talents (the reference the precomputed table is checked against)."""
    codes = set(codes)
    # the active talents (index-only)
    active = set(session.scalars(select(Talent.id).where(Talent.status == TalentStatus.ACTIVE.value),
                                 execution_options=STREAM))
    for i, (code, sq) in enumerate(_signal_queries(today, notice).items()):
        if abort is not None and abort():
            return
        if progress is not None:
            progress(i, len(SIGNALS), signal_label(code))
        if code not in codes:
            continue
        if code == "instalment_overdue":
            for tid, n, v in session.execute(select(sq.c.talent_id, sq.c.n, sq.c.v), execution_options=STREAM):
                if tid in active:
                    yield tid, code, (n, v)
        else:
            for tid, v in session.execute(select(sq.c.talent_id, sq.c.v), execution_options=STREAM):
                if tid in active:
                    yield tid, code, v


def _stored_value(code: str, n, v_date, v_text):
    if code == "instalment_overdue":
        return n, v_date
    if code in ("subsidies_ended", "no_mentor", "no_training"):
        return 1
    if code in ("open_case", "weak_appraisal"):
        return v_text
    return v_date


def _stored_values(session: Session, today: dt.date, notice: int, codes: Iterable[str],
                   ids: list[int] | None = None) -> Iterator[tuple[int, str, object]]:
    """(talent, signal, value) holding on `today`, read from the precomputed table."""
    c = ws.TABLE.c
    stmt = select(c.talent_id, c.code, c.n, c.v_date, c.v_text).where(ws.holds(today, notice), c.code.in_(list(codes)))
    if ids is not None:  # a few hundred talents' rows: fetched at once (streaming them row by row costs more)
        stmt = stmt.where(c.talent_id.in_(ids))
    for tid, code, n, v_date, v_text in session.execute(stmt, execution_options={} if ids is not None else STREAM):
        yield tid, code, _stored_value(code, n, v_date, v_text)


def _watch_rows(session: Session, today: dt.date, w: dict[str, int], scored: list[tuple[int, int]],
                values: dict[int, list[tuple[str, object]]]) -> list[WatchRow]:
    """The listed talents (score, id — in order) with their names and reasons in words."""
    en = current_language() == "en"
    reason_text = _reason_texts(today)
    codes = list(SIGNALS)
    names: dict[int, tuple[str, str, str]] = {}
    ids = [tid for _score, tid in scored]
    for k in range(0, len(ids), 500):
        for tid, name, emp, tier, tier_en in session.execute(
                select(Talent.id, Talent.name, Employer.name, Tier.name, Tier.name_en)
                .join(Tier, Tier.code == Talent.tier_code)
                .outerjoin(Employer, Employer.id == Talent.employer_id)
                .where(Talent.id.in_(ids[k:k + 500]))):
            names[tid] = (name, emp or "", tier_en if en and tier_en else tier)
    out = []
    order = {code: (-w[code], k) for k, code in enumerate(codes)}  # heaviest first, then in the signals' order
    made: dict[tuple[str, object], Reason] = {}  # a city's list repeats the same reasons thousands of times
    for score, tid in scored:
        reasons = []
        for code, v in values[tid]:
            reason = made.get((code, v))
            if reason is None:
                reason = made[(code, v)] = Reason(code, SIGNALS[code], w[code], reason_text(code, v))
            reasons.append(reason)
        reasons.sort(key=lambda x: order[x.code])
        out.append(WatchRow(tid, names[tid][0], names[tid][1], names[tid][2], score, tuple(reasons)))
    return out


@operation(Permission.TALENT_READ, long=True)
def watch_list(session: Session, *, today: dt.date, limit: int | None = None, min_score: int | None = None,
               progress=None, abort=None) -> list[WatchRow]:
    """Active talents with a score of at least `min_score` (default: the office's `risk_threshold` setting),
    highest first, each with the reasons in words.

    Read from the precomputed signals (services/watch_signals.py: kept current by every write, with the days on
    which time moves a signal stored): the scores are summed in one grouped query with today's date and the
    office's weights; only the listed talents' reasons and names are read."""
    ws.refresh_pending(session)  # this unit of work's own writes count
    w = weights(session)
    if min_score is None:
        min_score = threshold(session)
    notice = notice_days(session)
    codes = [code for code in SIGNALS if w.get(code)]
    if not codes:
        return []
    if progress is not None:
        progress(0, 2, translate("Risk", "Scoring"))
    c = ws.TABLE.c
    score = func.sum(case(*((c.code == code, w[code]) for code in codes), else_=0))
    stmt = (select(c.talent_id, score).where(ws.holds(today, notice), c.code.in_(codes))
            .group_by(c.talent_id).having(score >= min_score).order_by(score.desc(), c.talent_id))
    if limit:
        stmt = stmt.limit(limit)
    scored = [(s, tid) for tid, s in session.execute(stmt)]
    if abort is not None and abort():
        return []
    if progress is not None:
        progress(1, 2, translate("Risk", "Reasons"))
    values: dict[int, list[tuple[str, object]]] = defaultdict(list)
    ids = [tid for _score, tid in scored]
    for k in range(0, len(ids), 500):
        for tid, code, v in _stored_values(session, today, notice, codes, ids[k:k + 500]):
            values[tid].append((code, v))
    rank = {code: k for k, code in enumerate(SIGNALS)}
    for v in values.values():
        v.sort(key=lambda x: rank[x[0]])
    return _watch_rows(session, today, w, scored, values)


@operation(Permission.TALENT_READ, long=True)
def watch_list_reference(session: Session, *, today: dt.date, limit: int | None = None,
                         min_score: int | None = None, progress=None, abort=None) -> list[WatchRow]:
    """The watch list computed from scratch (nine set-based queries, one per signal, each over all talents at
    once, combined here by talent id — SQLite plans them far better one by one than as nine outer-joined
    subqueries). The reference for `watch_list`, which must list exactly the same."""
    w = weights(session)
    if min_score is None:
        min_score = threshold(session)
    scores: dict[int, int] = {}
    values: dict[int, list[tuple[str, object]]] = {}  # talent -> (signal, value): words come later
    for tid, code, v in _reference_values(session, today, notice_days(session),
                                          [code for code in SIGNALS if w.get(code)], progress, abort):
        scores[tid] = scores.get(tid, 0) + w[code]
        values.setdefault(tid, []).append((code, v))
    if abort is not None and abort():
        return []
    scored = sorted(((score, tid) for tid, score in scores.items() if score >= min_score), key=lambda x: (-x[0], x[1]))
    if limit:
        scored = scored[:limit]
    return _watch_rows(session, today, w, scored, values)


def _comparable(code: str, v) -> tuple:
    if code == "open_case":  # the kinds, each once, in order
        v = ",".join(sorted(set(str(v).split(","))))
    return code, v


@dataclass(frozen=True, slots=True)
class WatchDrift:
    """What `check` reports: talents whose precomputed signals differ from the data."""

    today: dt.date
    talents_today: int          # talents with a signal today, computed from scratch
    differing_today: tuple[int, ...]   # talents whose signals today differ (stored vs from scratch)
    differing_rows: tuple[int, ...]    # talents whose stored rows differ from rows recomputed now (any day)


@operation(Permission.TALENT_READ, long=True)
def watch_drift(session: Session, *, today: dt.date, progress=None, abort=None) -> WatchDrift:
    """Compare the precomputed signals with the data: today's signals against the from-scratch reference, and every
    stored row (all days) against the rows recomputed from the inputs now."""
    notice = notice_days(session)
    ref: dict[int, set] = defaultdict(set)
    for tid, code, v in _reference_values(session, today, notice, SIGNALS, progress, abort):
        ref[tid].add(_comparable(code, v))
    got: dict[int, set] = defaultdict(set)
    for tid, code, v in _stored_values(session, today, notice, SIGNALS):
        got[tid].add(_comparable(code, v))
    today_bad = tuple(sorted(t for t in ref.keys() | got.keys() if ref.get(t) != got.get(t)))
    conn = session.connection()
    stored: dict[int, list] = defaultdict(list)
    for r in ws.stored_rows(conn):
        stored[r[0]].append(tuple(r[1:]))
    fresh: dict[int, list] = defaultdict(list)
    for r in ws.all_rows(conn):
        fresh[r["talent_id"]].append((r["code"], r["start_on"], r["end_on"], r["n"], r["v_date"], r["v_text"]))
    key = lambda x: tuple((v is not None, v) for v in x)  # noqa: E731 - NULLs first, as the table sorts them
    rows_bad = tuple(sorted(t for t in stored.keys() | fresh.keys()
                            if sorted(stored.get(t, []), key=key) != sorted(fresh.get(t, []), key=key)))
    return WatchDrift(today, len(ref), today_bad, rows_bad)


@operation(Permission.SETTINGS_MANAGE, writes=True, changes=(Change.GROWTH,), long=True)
def rebuild_watch_signals(session: Session, *, progress=None, abort=None) -> int:
    """Recompute the precomputed signals of every talent from the data (after `check` reported a drift)."""
    def step(done: int, total: int) -> None:
        if abort is not None and abort():
            raise RuleViolation(translate("Risk", "Cancelled; the watch list was left as it was."))
        if progress is not None:
            progress(done, total, translate("Risk", "Recomputing the watch list"))

    return ws.rebuild(session.connection(), step)


signal_label = Labels("Risk", {
    "instalment_overdue": QT_TRANSLATE_NOOP("Risk", "Instalment overdue"),
    "subsidies_ended": QT_TRANSLATE_NOOP("Risk", "Subsidies ended"),
    "no_mentor": QT_TRANSLATE_NOOP("Risk", "Newcomer without a mentor"),
    "no_checkin": QT_TRANSLATE_NOOP("Risk", "No check-in for 90 days"),
    "open_case": QT_TRANSLATE_NOOP("Risk", "Open housing or family case"),
    "no_training": QT_TRANSLATE_NOOP("Risk", "No training this year"),
    "no_event": QT_TRANSLATE_NOOP("Risk", "No event for two years"),
    "weak_appraisal": QT_TRANSLATE_NOOP("Risk", "Appraisal basically competent or incompetent"),
    "service_ending": QT_TRANSLATE_NOOP("Risk", "Service commitment ending soon"),
}, strict=True)


__all__ = ["watch_list", "watch_list_reference", "watch_drift", "rebuild_watch_signals", "WatchDrift", "weights", "threshold", "notice_days", "WatchRow", "Reason", "SIGNALS", "signal_label", "pillar_label"]
