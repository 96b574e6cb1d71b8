"""The policy simulator: an unchanged policy equals the ledger's forecast; changes reach only new grants; the
expected values follow the retention curve; bad changes are refused; the command and the exports."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from talentdesk.cli import main
from talentdesk.domain.errors import InputFileError, ValidationError
from talentdesk.domain.models import AuditEntry, Talent
from talentdesk.services.ledger import budgets, grants, simulation
from tests.conftest import TODAY
from tests.ledger.helpers import add_policy, add_talent


def test_unchanged_policies_add_up_to_the_ledgers_forecast(demo_db, local):
    with demo_db.session(local, readonly=True) as s:
        forecast = budgets.forecast(s, as_of=TODAY, years=5)
        policies = [p for p in simulation.select_policies(s)]
        by_kind: dict[str, list[int]] = {}
        for pid, kind in policies:
            sim = simulation.simulate(s, policy_id=pid, as_of=TODAY, years=5)
            assert sim.years == forecast.years
            assert sim.simulated.years == sim.current.years  # no change: the same figures
            line = [y.committed_fen for y in sim.current.years]
            by_kind[kind] = [a + b for a, b in zip(by_kind.get(kind, [0] * 5), line)]
    assert {k: tuple(v) for k, v in by_kind.items() if any(v)} == forecast.by_kind
    assert tuple(sum(v[i] for v in by_kind.values()) for i in range(5)) == forecast.totals


def test_a_change_reaches_new_grants_only_and_follows_retention(session):
    # one yearly policy: 30,000 yuan in 3 instalments; one holder, one talent who qualifies but holds nothing
    pid = add_policy(session, amount_fen=3_000_000, mode="yearly", count=3, rule="none")
    holder = add_talent(session, arrival=dt.date(2025, 3, 1))
    newcomer = add_talent(session, arrival=dt.date(2019, 3, 1))
    grants.grant_policy(session, talent_id=holder, policy_id=pid, start_date=dt.date(2025, 3, 1), as_of=TODAY)
    sim = simulation.simulate(session, policy_id=pid, as_of=TODAY, years=3, changes={"amount": "60000"})
    cur, new = sim.current.years, sim.simulated.years
    # the holder's grant: 2027-03-01 is its last unposted instalment (2025, 2026 already due)
    assert [y.committed_fen for y in cur] == [1_000_000, 0, 0] == [y.committed_fen for y in new]
    # nobody has left: retention is 1, so the newcomer's grant (granted from 2027-01-01) is paid in full
    assert sim.current.newly_qualifying == 1 and sim.simulated.newly_qualifying == 1
    assert [y.newly_qualifying_fen for y in cur] == [1_000_000, 1_000_000, 1_000_000]
    assert [y.newly_qualifying_fen for y in new] == [2_000_000, 2_000_000, 2_000_000]
    # arrivals: one in 2023–2025 (the holder) is a third of a talent a year, arriving on 1 March of each year
    # and paid a third of the amount in that year and the next two
    assert [y.arrivals_fen for y in cur] == [333_333, 666_667, 1_000_000]
    assert [y.arrivals_fen for y in new] == [666_667, 1_333_333, 2_000_000]
    assert sim.current.arrivals_qualifying == pytest.approx(1 / 3, abs=0.01)
    assert [y.total_fen for y in cur] == [y.committed_fen + y.newly_qualifying_fen + y.arrivals_fen
                                          for y in cur]  # rule "none": no clawback
    assert newcomer


def test_expected_arrivals_and_clawback(session):
    pid = add_policy(session, amount_fen=1_200_000, mode="lump_sum", count=1, rule="full")
    # 2023–2025: three arrivals, one of whom left after 6 months — the curve drops to 2/3 at 6 months
    for year in (2023, 2024, 2025):
        add_talent(session, arrival=dt.date(year, 6, 1))
    gone = session.scalars(select(Talent).where(Talent.arrival_date == dt.date(2023, 6, 1))).one()
    gone.status, gone.departure_date = "departed", dt.date(2023, 12, 1)
    session.flush()
    sim = simulation.simulate(session, policy_id=pid, as_of=TODAY, years=2)
    first = sim.current.years[0]
    # one arrival a year, granted 12,000 yuan on arrival (June): all paid in the arrival year
    assert first.arrivals_fen == 1_200_000
    # a full clawback is owed by whoever leaves within 5 years: P(leave in the first 6 months) = 1/3
    assert first.clawback_fen > 0
    assert sim.current.arrivals_qualifying == pytest.approx(1.0)


@pytest.mark.parametrize("changes,field", [
    ({"amount": "-5"}, "amount"), ({"amount": "abc"}, "amount"), ({"instalments": "0"}, "instalments"),
    ({"mode": "weekly"}, "mode"), ({"colour": "red"}, "colour"), ({"min_age": "40", "max_age": "30"}, "max_age"),
    ({"educations": "phd"}, "educations"),
])
def test_bad_changes_are_refused(session, changes, field):
    pid = add_policy(session)
    with pytest.raises(ValidationError) as err:
        simulation.simulate(session, policy_id=pid, as_of=TODAY, changes=changes)
    assert err.value.field == field


def test_simulate_command_and_exports(demo_db, capsys, tmp_path, local):
    db = str(demo_db.path)
    xlsx, pdf = tmp_path / "sim.xlsx", tmp_path / "sim.pdf"
    assert main(["--db", db, "--lang", "en", "simulate", "县委人才办〔2015〕3号", "--as-of", TODAY.isoformat(),
                 "--set", "amount_scale=150%", "--set", "instalments=5", "--xlsx", str(xlsx), "--pdf", str(pdf),
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [y["year"] for y in out["current"]["years"]] == [2027, 2028, 2029, 2030, 2031]
    assert set(out["simulated"]["years"][0]) >= {"year", "total_fen", "committed_fen", "budget_fen"}
    assert out["current"]["total_fen"] == sum(y["total_fen"] for y in out["current"]["years"])
    assert out["simulated"]["total_fen"] != out["current"]["total_fen"]
    assert load_workbook(xlsx).worksheets[0]["A1"].value.startswith("Policy simulation")
    assert pdf.read_bytes()[:5] == b"%PDF-" and b"FontFile2" in pdf.read_bytes()
    with demo_db.session(local, readonly=True) as s:
        exports = s.scalars(select(AuditEntry.summary).where(AuditEntry.action == "export")).all()
    assert sum("policy simulation" in e for e in exports) == 2
    assert main(["--db", db, "--lang", "en", "simulate", "1", "--set", "amount"]) == 1
    assert "FIELD=VALUE" in capsys.readouterr().err
    assert main(["--db", db, "--lang", "en", "simulate", "new", "--kind", "rent", "--set", "amount=6000",
                 "--set", "tiers=E", "--json"]) == 0
    new = json.loads(capsys.readouterr().out)
    assert new["current"]["total_fen"] == 0 and new["simulated"]["total_fen"] > 0


def test_export_refuses_other_file_kinds(session):
    pid = add_policy(session)
    with pytest.raises(InputFileError):
        simulation.export_simulation(session, path="x.docx", policy_id=pid, changes={}, as_of=TODAY)



def test_the_simulated_policy_counts_its_own_service_years_as_the_ledger_does(session):
    """A policy that sets its own 服务期 (moved in as `服务期2年`) is what a leaver's clawback is counted against in the
    ledger; the simulator starts from the same commitment, and a change to it is a change of that figure."""
    from talentdesk.domain.models import SubsidyPolicy

    pid = add_policy(session, amount_fen=3_600_000, mode="yearly", count=3, rule="full")
    assert simulation.simulate(session, policy_id=pid, as_of=TODAY, years=3).current.terms.service_years is None
    session.get(SubsidyPolicy, pid).service_years = 2
    session.flush()
    sim = simulation.simulate(session, policy_id=pid, as_of=TODAY, years=3, changes={"service_years": "3"})
    assert sim.current.terms.service_years == 2 and sim.simulated.terms.service_years == 3


@pytest.mark.parametrize("rule", ["full", "pro_rata"])
def test_a_grant_paid_in_full_still_counts_in_the_expected_clawback_as_the_ledger_claws_it_back(session, rule):
    """A lump sum paid in full leaves its grant completed, yet a departure within the service years owes money back
    in the ledger. The simulator's expected clawback of the grants held is, each year, the chance of leaving that
    year times what the ledger's own departure posts on that year's middle day."""
    from talentdesk.domain.models import SubsidyGrant
    from talentdesk.services.talents import departure
    from tests.ledger.helpers import add_people
    from tests.ledger.test_ledger_services import pay_all_due

    pid = add_policy(session, amount_fen=1_200_000, mode="lump_sum", count=1, rule=rule)
    # the county's curve: four arrivals of 2020, one left after 30 months and one after 42
    add_people(session, {"甲": (dt.date(2020, 1, 1), dt.date(2022, 7, 1)), "乙": (dt.date(2020, 1, 1), dt.date(2023, 7, 1)),
                         "丙": (dt.date(2020, 1, 1), None), "丁": (dt.date(2020, 1, 1), None)})
    holder = add_talent(session, name="王𠮷", arrival=dt.date(2025, 1, 1))
    g = grants.grant_policy(session, talent_id=holder, policy_id=pid, start_date=dt.date(2025, 1, 1), as_of=TODAY)
    pay_all_due(session, holder, dt.date(2025, 1, 20))
    assert session.get(SubsidyGrant, g.id).status == "completed"  # the premise: paid in full
    years = (2027, 2028, 2029)
    ret = simulation._Retention(session, TODAY)
    expected = simulation._existing_clawback(session, pid, TODAY, years, ret)
    m0 = simulation.months_between(dt.date(2025, 1, 1), TODAY)
    seen = 0
    for y in years:
        first, last = dt.date(y, 1, 1), dt.date(y, 12, 31)
        mid = first + (last - first) / 2
        p_leave = ret.stays(m0, simulation.months_between(dt.date(2025, 1, 1), first)) - \
            ret.stays(m0, simulation.months_between(dt.date(2025, 1, 1), last))
        with session.begin_nested() as trial:  # the ledger's own departure on that day, then undone
            owed = departure.record_departure(session, talent_id=holder, on=mid, exit_reason="family",
                                              today=mid).clawback_fen
            trial.rollback()
        assert owed > 0
        assert expected.get(y, 0.0) == pytest.approx(owed * p_leave, abs=1), (y, owed, p_leave)
        seen += p_leave > 0
    assert seen >= 2  # the curve gives the holder a real chance of leaving in at least two of the years
    # and the figures the leadership sees carry it
    sim = simulation.simulate(session, policy_id=pid, as_of=TODAY, years=3)
    assert sum(y.clawback_fen for y in sim.current.years) >= round(sum(expected.values()))
