"""Why people leave: survival curves on hand-made talents (every figure worked out on paper), the pillar splits,
leavers by coded reason, the exit-reason list, the commands and the page."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from talentdesk.cli import main
from talentdesk.domain.errors import Conflict, ValidationError
from talentdesk.domain.models import CareCase, ExitReason, Mentor, Pairing, Talent
from talentdesk.services.base import Actor
from talentdesk.services.growth import survival
from talentdesk.services.talents import exit_reasons
from tests.growth.helpers import base, talent

D = dt.date
AS_OF = D(2022, 1, 1)


def _reason(session, code: str) -> int:
    return session.scalar(select(ExitReason.id).where(ExitReason.code == code))


@pytest.fixture
def people(session):
    """Tier A: four arrived 2020-01-01 — one left after 6 months (family), one after 12 (pay), two still here
    (24 months of follow-up). Tier B: two arrived 2021-01-01, both still here (12 months).
    KM for A: S(6) = 3/4, S(12) = 3/4 · 2/3 = 1/2, median 12 months."""
    e1, e2 = base(session)
    a = [talent(session, arrival=D(2020, 1, 1), employer_id=e1, left=D(2020, 7, 1)),
         talent(session, arrival=D(2020, 1, 1), employer_id=e1, left=D(2021, 1, 1)),
         talent(session, arrival=D(2020, 1, 1), employer_id=e2),
         talent(session, arrival=D(2020, 1, 1), employer_id=e2)]
    b = [talent(session, arrival=D(2021, 1, 1), tier="B", employer_id=e2),
         talent(session, arrival=D(2021, 1, 1), tier="B", employer_id=e2)]
    session.get(Talent, a[0]).exit_reason_id = _reason(session, "family")
    session.get(Talent, a[1]).exit_reason_id = _reason(session, "pay")
    talent(session, arrival=D(2023, 1, 1))  # arrives after AS_OF: not counted
    session.flush()
    return a, b


def test_curve_by_tier_equals_the_hand_worked_one(session, people):
    r = survival.survival_report(session, as_of=AS_OF, by="tier")
    groups = {g.key: g for g in r.groups}
    assert set(groups) == {"A", "B"}
    a = groups["A"]
    assert [(p.t, round(p.survival, 4), p.at_risk) for p in a.points] == [(0, 1.0, 4), (6, 0.75, 4), (12, 0.5, 3),
                                                                          (24, 0.5, 2)]
    assert (a.n, a.left, a.median_months) == (4, 2, 12)
    assert a.at_risk == (4, 3, 2, 0, 0, 0)  # at 0, 12, 24, 36, 48, 60 months
    assert a.survival_at == (0.5, None, None)  # no follow-up beyond 24 months
    b = groups["B"]
    assert [(p.t, p.survival) for p in b.points] == [(0, 1.0), (12, 1.0)] and b.left == 0
    assert r.df == 1 and r.chi2 > 0 and 0 < r.p_value < 1
    for p in a.points:
        assert 0 <= p.lower <= p.survival <= p.upper <= 1


def test_cohort_and_employer_groups(session, people):
    cohorts = survival.survival_report(session, as_of=AS_OF, by="cohort")
    assert [(g.name, g.n, g.left) for g in cohorts.groups] == [("2020", 4, 2), ("2021", 2, 0)]
    employers = survival.survival_report(session, as_of=AS_OF, by="employer")
    assert sorted((g.n, g.left) for g in employers.groups) == [(2, 2), (4, 0)]


def test_pillars_split_with_and_without(session, people):
    a, b = people
    m = Mentor(name="王老师")
    session.add(m)
    session.flush()
    session.add(Pairing(mentor_id=m.id, talent_id=a[2], role_id=1, start_date=D(2020, 2, 1)))
    session.add(Pairing(mentor_id=m.id, talent_id=b[0], role_id=1, start_date=D(2022, 6, 1)))  # after AS_OF
    session.add(CareCase(talent_id=a[3], kind="housing", opened_on=D(2020, 1, 5), move_in_date=D(2020, 1, 10)))
    session.add(CareCase(talent_id=a[0], kind="spouse_job", opened_on=D(2020, 2, 1), status="closed",
                         closed_on=D(2020, 4, 1)))
    session.flush()
    mentor = {g.key: (g.n, g.left) for g in survival.survival_report(session, as_of=AS_OF, by="mentor").groups}
    assert mentor == {"with": (1, 0), "without": (5, 2)}
    flat = {g.key: (g.n, g.left) for g in survival.survival_report(session, as_of=AS_OF, by="apartment").groups}
    assert flat == {"with": (1, 0), "without": (5, 2)}
    spouse = {g.key: (g.n, g.left) for g in survival.survival_report(session, as_of=AS_OF, by="spouse").groups}
    assert spouse == {"with": (1, 1), "without": (5, 1)}
    paid = {g.key: g.n for g in survival.survival_report(session, as_of=AS_OF, by="subsidies").groups}
    assert paid == {"none": 6}  # nobody here has a subsidy instalment


def test_subsidies_paid_late_are_told_apart(demo_db, local):
    with demo_db.session(local, readonly=True) as s:
        r = survival.survival_report(s, as_of=D(2026, 11, 23), by="subsidies")
    keys = {g.key: g.n for g in r.groups}
    assert sum(keys.values()) == 300 and keys.get("on_time", 0) > 0 and keys.get("late", 0) > 0


def test_a_grouping_that_does_not_exist_is_refused(session, people):
    with pytest.raises(ValidationError) as err:
        survival.survival_report(session, as_of=AS_OF, by="hometown")
    assert "cohort" in err.value.message


def test_leavers_by_reason(session, people):
    r = survival.leavers_by_reason(session, first=D(2020, 1, 1), last=D(2021, 12, 31))
    assert r.total == 2
    assert sorted((x.code, x.left, x.within_commitment, x.median_months) for x in r.rows) == [
        ("family", 1, 1, 6.0), ("pay", 1, 1, 12.0)]
    only_2020 = survival.leavers_by_reason(session, first=D(2020, 1, 1), last=D(2020, 12, 31))
    assert [(x.code, x.share) for x in only_2020.rows] == [("family", 1.0)]
    with pytest.raises(ValidationError):
        survival.leavers_by_reason(session, first=D(2021, 1, 1), last=D(2020, 1, 1))


def test_exit_reason_list_is_the_offices_to_edit(session):
    seeded = exit_reasons.list_exit_reasons(session)
    assert {"family", "pay", "development", "exam_elsewhere"} <= {r.code for r in seeded}
    assert next(r for r in seeded if r.code == "family").name == "家庭原因"
    row = exit_reasons.save_exit_reason(session, name="子女教育", name_en="Children's schooling")
    assert row.code == "children_s_schooling" and row.active
    renamed = exit_reasons.save_exit_reason(session, reason_id=row.id, name="子女就学", name_en="Schooling")
    assert (renamed.code, renamed.name) == ("children_s_schooling", "子女就学")
    with pytest.raises(Conflict):
        exit_reasons.save_exit_reason(session, name="家庭原因", code="family2")
    with pytest.raises(ValidationError):
        exit_reasons.save_exit_reason(session, name="新原因", code="9bad code")
    exit_reasons.set_exit_reason_active(session, reason_id=row.id, active=False)
    assert row.id not in {r.id for r in exit_reasons.list_exit_reasons(session)}
    assert row.id in {r.id for r in exit_reasons.list_exit_reasons(session, include_retired=True)}
    assert exit_reasons.find_exit_reason(session, "Family reasons").code == "family"
    assert exit_reasons.find_exit_reason(session, "  ") is None


def test_survival_and_depart_commands(demo_db, capsys, tmp_path):
    db = str(demo_db.path)
    xlsx = tmp_path / "s.xlsx"
    assert main(["--db", db, "--lang", "en", "survival", "--by", "tier", "--as-of", "2026-11-23", "--json",
                 "--xlsx", str(xlsx)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["by"] == "tier" and sum(g["n"] for g in out["groups"]) == 300
    for g in out["groups"]:
        curve = g["curve"]
        assert curve[0] == {**curve[0], "t": 0, "survival": 1.0, "at_risk": g["n"]}
        assert all(set(p) >= {"t", "survival", "at_risk"} for p in curve)
        assert [p["survival"] for p in curve] == sorted((p["survival"] for p in curve), reverse=True)
    assert out["log_rank"]["df"] == len(out["groups"]) - 1
    assert [ws.title for ws in load_workbook(xlsx).worksheets] == ["Summary", "Curves", "Leavers by reason"]
    with demo_db.session(Actor.local(), readonly=True) as s:
        tid = s.scalar(select(Talent.id).where(Talent.status == "active").order_by(Talent.id))
    assert main(["--db", db, "--lang", "en", "depart", str(tid), "--reason", "跳槽"]) == 1
    assert "Unknown reason for leaving" in capsys.readouterr().err
    assert main(["--db", db, "--lang", "en", "depart", str(tid), "--reason", "pay", "--on", "2026-11-01",
                 "--details", "嫌工资低", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["talent_id"] == tid
    assert main(["--db", db, "--lang", "en", "leavers", "--from", "2026-11-01", "--to", "2026-11-30", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert any(r["code"] == "pay" and r["left"] >= 1 for r in rows)


def test_import_reads_the_coded_reason_and_refuses_an_unknown_one(session, tmp_path):
    from talentdesk.services.talents import importer

    base(session)
    path = tmp_path / "离开人员.csv"
    path.write_text("姓名,性别,身份证号,人才类别,到岗日期,用人单位,状态,离开日期,离开原因,离开原因类别\n"
                    "张三,男,110101199003076632,A,2020-03-01,县医院,离开,2023-05-01,父母年迈回老家,家庭原因\n"
                    "李四,女,110101198805120020,A,2020-03-01,县医院,离开,2023-06-01,被外县挖走,跳槽\n",
                    encoding="utf-8-sig")
    result = importer.import_talents(session, path=path, skip_invalid=True, backup_first=False)
    assert result.imported == 1
    assert [(r.row, r.message) for r in result.rejected] == [(3, "Unknown reason for leaving: 跳槽.")]
    t = session.scalar(select(Talent).where(Talent.name == "张三"))
    assert (t.departure_reason, session.get(ExitReason, t.exit_reason_id).code) == ("父母年迈回老家", "family")
