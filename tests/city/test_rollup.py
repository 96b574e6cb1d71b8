"""The city's roll-up on a real PostgreSQL server: figures per county equal sums computed independently from the rows
(as the owner, with plain SQL), the city total is their sum, and the people paid by two counties are flagged — a
person on file in two counties but paid in one (or whose second payment was reversed) is not."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import create_engine, text

from talentdesk.domain.models import CheckIn, LedgerEntry, Mentor, Pairing, SubsidyGrant, SubsidyPolicy, Talent
from talentdesk.services.city import rollup
from talentdesk.services.talents import records
from tests.city.counties_fixture import A, B
from tests.talents.helpers import make_id, talent_values

AS_OF = dt.date(2026, 11, 23)
TWICE = make_id(seq=101)         # paid in A and in B: flagged
ONCE = make_id(seq=103)          # on file in A and B, paid in A only: not flagged
REVERSED = make_id(seq=105)      # paid in A; B's payment reversed: not flagged


def _fill(city, who: str, username: str, people: list[tuple[str, str, list[tuple[str, int]], bool]], *,
          overdue_pairings: int, fresh_pairings: int, checkins: int) -> None:
    """people: (name, id_number, [(entry kind, fen)…], departed). A `reverse` entry reverses the latest payment."""
    database = city.open(who)
    actor = city.login(database, username)
    with database.session(actor) as s:
        policy = SubsidyPolicy(name="安家补贴", kind="settling", valid_from=dt.date(2020, 1, 1))
        s.add(policy)
        s.flush()
        talents = []
        for name, id_number, entries, departed in people:
            tid = records.create_talent(s, values=talent_values(name=name, id_number=id_number)).id
            t = s.get(Talent, tid)
            talents.append(t)
            if departed:
                t.status, t.departure_date = "departed", dt.date(2025, 6, 1)
            g = SubsidyGrant(talent_id=tid, policy_id=policy.id, policy_name=policy.name, policy_kind="settling",
                             approved_total_fen=sum(f for k, f in entries if k == "due") or 1, instalment_mode="lump_sum",
                             instalment_count=1, clawback_rule="pro_rata", start_date=dt.date(2024, 1, 1))
            s.add(g)
            s.flush()
            last_payment = None
            for kind, fen in entries:
                if kind == "reverse":
                    s.add(LedgerEntry(grant_id=g.id, talent_id=tid, kind="reversal", amount_fen=-last_payment.amount_fen,
                                      entry_date=dt.date(2024, 3, 1), fiscal_year=2024, reverses_id=last_payment.id))
                    continue
                e = LedgerEntry(grant_id=g.id, talent_id=tid, kind=kind, amount_fen=fen, entry_date=dt.date(2024, 2, 1),
                                fiscal_year=2024)
                s.add(e)
                s.flush()
                if kind == "payment":
                    last_payment = e
        mentor = Mentor(name="导师" + who, capacity=10)
        s.add(mentor)
        s.flush()
        for i in range(overdue_pairings + fresh_pairings):
            last = AS_OF - dt.timedelta(days=90 if i < overdue_pairings else 5)
            p = Pairing(mentor_id=mentor.id, talent_id=talents[i].id, role_id=1, start_date=dt.date(2025, 1, 1),
                        cadence_days=30, last_checkin_date=last)
            s.add(p)
            s.flush()
            if i == 0:
                for k in range(checkins):
                    s.add(CheckIn(pairing_id=p.id, date=AS_OF - dt.timedelta(days=10 + 30 * k), mode="face"))


def _independent(owner_url: str) -> dict[int, dict[str, int]]:
    """The same figures from the rows themselves, by plain SQL as the owner (who sees every county)."""
    engine = create_engine(owner_url)
    out: dict[int, dict[str, int]] = {}
    try:
        with engine.connect() as conn:
            def put(sql, *names, params=None):
                for row in conn.execute(text(sql), params or {}):
                    d = out.setdefault(row[0], {})
                    for n, v in zip(names, row[1:]):
                        d[n] = int(v or 0)
            put("SELECT county_id, count(*) FILTER (WHERE status = 'active'), count(*) FILTER (WHERE status = "
                "'departed') FROM talents GROUP BY county_id", "in_post", "left")
            put("SELECT county_id, sum(approved_total_fen) FROM subsidy_grants GROUP BY county_id", "granted_fen")
            # a reversal counts against the kind it reverses
            put("SELECT e.county_id, "
                "sum(e.amount_fen) FILTER (WHERE coalesce(t.kind, e.kind) = 'due'), "
                "-sum(e.amount_fen) FILTER (WHERE coalesce(t.kind, e.kind) = 'payment'), "
                "-sum(e.amount_fen) FILTER (WHERE coalesce(t.kind, e.kind) = 'clawback'), "
                "sum(e.amount_fen) FILTER (WHERE coalesce(t.kind, e.kind) = 'refund'), sum(e.amount_fen) "
                "FROM ledger_entries e LEFT JOIN ledger_entries t ON t.id = e.reverses_id GROUP BY e.county_id",
                "due_fen", "paid_fen", "clawback_fen", "refund_fen", "owed_fen")
            put("SELECT county_id, count(*), count(*) FILTER (WHERE coalesce(last_checkin_date, start_date) "
                "+ cadence_days < :d) FROM pairings WHERE end_date IS NULL GROUP BY county_id",
                "pairings_current", "checkins_overdue", params={"d": AS_OF})
            put("SELECT county_id, count(*) FROM checkins WHERE date > :lo AND date <= :d GROUP BY county_id",
                "checkins_done", params={"d": AS_OF, "lo": AS_OF - dt.timedelta(days=365)})
    finally:
        engine.dispose()
    return out


def test_the_city_rollup_equals_the_rows_and_flags_people_paid_by_two_counties(city):
    _fill(city, "a", "clerk_a", [
        ("王芳", TWICE, [("due", 3_000_000), ("payment", -3_000_000)], False),
        ("李强", ONCE, [("due", 1_000_000), ("payment", -600_000)], False),
        ("陈静", REVERSED, [("due", 500_000), ("payment", -500_000)], False),
        ("刘洋", make_id(seq=107), [("due", 2_000_000), ("payment", -2_000_000), ("clawback", -800_000),
                                     ("refund", 300_000)], True),
    ], overdue_pairings=2, fresh_pairings=1, checkins=4)
    _fill(city, "b", "clerk_b", [
        ("王芳", TWICE, [("due", 1_200_000), ("payment", -1_200_000)], False),
        ("李强", ONCE, [("due", 700_000)], False),
        ("陈静", REVERSED, [("due", 400_000), ("payment", -400_000), ("reverse", 0)], False),
        ("赵敏", make_id(seq=109), [("due", 900_000), ("payment", -450_000)], True),
        ("周杰", make_id(seq=111), [("due", 100)], True),
    ], overdue_pairings=1, fresh_pairings=3, checkins=2)

    database = city.open("city")
    actor = city.login(database, "city_admin")
    with database.session(actor) as s:
        result = rollup.city_rollup(s, as_of=AS_OF)
    expected = _independent(city.owner_url)
    by_id = {f.county_id: f for f in result.counties}
    assert set(by_id) == {1, city.ids[A], city.ids[B]}  # the home county too (empty)
    names = ("in_post", "left", "granted_fen", "due_fen", "paid_fen", "clawback_fen", "refund_fen", "owed_fen",
             "pairings_current", "checkins_overdue", "checkins_done")
    for code in (A, B):
        got = by_id[city.ids[code]]
        want = expected[city.ids[code]]
        assert {n: getattr(got, n) for n in names} == {n: want.get(n, 0) for n in names}, code
    for n in names:
        assert getattr(result.total, n) == sum(getattr(f, n) for f in result.counties)
    a, b = by_id[city.ids[A]], by_id[city.ids[B]]
    assert (a.in_post, a.left, b.in_post, b.left) == (3, 1, 3, 2)
    assert a.retention == pytest.approx(3 / 4) and result.total.retention == pytest.approx(6 / 9)
    assert (a.paid_fen, b.paid_fen) == (6_100_000, 1_650_000)
    assert (a.checkins_overdue, b.checkins_overdue, a.checkins_done, b.checkins_done) == (2, 1, 4, 2)

    # flagged: only the person paid in both counties; the one paid in one county, and the one whose second payment
    # was reversed, are not
    assert [p.id_number for p in result.cross_paid] == [TWICE]
    flagged = result.cross_paid[0]
    assert flagged.names == "王芳" and flagged.paid_fen == 4_200_000
    assert {(c.code, c.paid_fen) for c in flagged.counties} == {(A, 3_000_000), (B, 1_200_000)}

    # reading it is an audited export, recorded as the city's
    raw = create_engine(city.owner_url)
    try:
        with raw.connect() as conn:
            row = conn.execute(text("SELECT actor_name, county_id, summary FROM audit_entries WHERE action = 'export' "
                                    "ORDER BY id DESC LIMIT 1")).one()
    finally:
        raw.dispose()
    assert row[0] == "city_admin" and row[1] is None and "1 people paid by two or more counties" in row[2]


def test_a_county_account_gets_its_own_county_and_a_viewer_gets_masked_names(city):
    from talentdesk.services.safety import accounts
    from tests.city.counties_fixture import PASSWORD

    _fill(city, "a", "clerk_a", [("王芳", TWICE, [("due", 300), ("payment", -300)], False)],
          overdue_pairings=0, fresh_pairings=0, checkins=0)
    _fill(city, "b", "clerk_b", [("王芳", TWICE, [("due", 200), ("payment", -200)], False)],
          overdue_pairings=0, fresh_pairings=0, checkins=0)
    database = city.open("a")
    with database.session(city.login(database, "clerk_a")) as s:
        mine = rollup.city_rollup(s, as_of=AS_OF)
    assert [f.code for f in mine.counties] == [A] and mine.total.paid_fen == 300 and mine.cross_paid == ()

    database = city.open("city")
    with database.session(city.login(database, "city_admin")) as s:
        accounts.create_user(s, username="city_viewer", password=PASSWORD, role="viewer", city=True)
    with database.session(city.login(database, "city_viewer")) as s:
        seen = rollup.city_rollup(s, as_of=AS_OF)
    assert seen.masked and len(seen.cross_paid) == 1
    assert seen.cross_paid[0].id_number == TWICE[:4] + "*" * 10 + TWICE[-4:]
    assert seen.cross_paid[0].names == "王＊"
