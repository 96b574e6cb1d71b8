"""Demo data: realistic, valid, deterministic for a seed, and only into an empty database."""
from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import func, select

from talentdesk.store import db
from talentdesk.domain.errors import RuleViolation
from talentdesk.domain.models import LedgerEntry, SubsidyGrant, Talent
from talentdesk.domain.values import parse_id_number
from talentdesk.services.base import Actor, Database
from talentdesk.services.common.demo import generate_demo

from tests.conftest import TODAY


def _fingerprint(path):
    with sqlite3.connect(path) as c:
        return [
            c.execute("SELECT group_concat(name || id_number || arrival_date, '|') FROM (SELECT * FROM talents ORDER BY id)").fetchone(),
            c.execute("SELECT count(*), sum(amount_fen) FROM ledger_entries").fetchone(),
            c.execute("SELECT count(*) FROM pairings").fetchone(),
            c.execute("SELECT count(*) FROM checkins").fetchone(),
        ]


def test_demo_is_deterministic_for_a_seed(tmp_path):
    paths = []
    for i in range(2):
        p = tmp_path / f"d{i}.db"
        d = Database.open(p)
        with d.session(Actor.local()) as s:
            generate_demo(s, talents=120, seed=42, as_of=TODAY)
        d.dispose()
        paths.append(p)
    assert _fingerprint(paths[0]) == _fingerprint(paths[1])
    other = tmp_path / "other.db"
    d = Database.open(other)
    with d.session(Actor.local()) as s:
        generate_demo(s, talents=120, seed=43, as_of=TODAY)
    d.dispose()
    assert _fingerprint(other) != _fingerprint(paths[0])


def test_demo_database_is_sound(demo_db):
    from talentdesk.store.integrity import full_check

    report = full_check(demo_db.path)  # SQLite, links, ledger rules, serials, guards
    assert report.ok, report.text()
    assert db.current_revision(demo_db.engine) == db.head_revision()


def test_demo_talents_have_valid_id_numbers_that_agree_with_birth_and_gender(demo_db):
    with demo_db.session(Actor.local(), readonly=True) as s:
        rows = s.execute(select(Talent.id_number, Talent.birth_date, Talent.gender)).all()
    assert len(rows) == 300
    for number, birth, gender in rows:
        idn = parse_id_number(number)
        assert idn.birth_date == birth and idn.gender == gender


def test_demo_ledger_has_history_the_office_recognises(demo_db):
    with demo_db.session(Actor.local(), readonly=True) as s:
        kinds = dict(s.execute(select(LedgerEntry.kind, func.count()).group_by(LedgerEntry.kind)).all())
        departed = s.scalar(select(func.count()).select_from(Talent).where(Talent.status == "departed"))
        years = s.scalar(select(func.count(func.distinct(LedgerEntry.fiscal_year))))
        grants = s.scalar(select(func.count()).select_from(SubsidyGrant))
    assert kinds["due"] > 0 and kinds["payment"] > 0
    assert kinds.get("clawback", 0) > 0, "a departure with a clawback"
    assert departed > 0 and years >= 3 and grants >= 300


def test_demo_refuses_a_database_that_already_holds_talents(demo_db):
    with pytest.raises(RuleViolation):
        with demo_db.session(Actor.local()) as s:
            generate_demo(s, talents=10, seed=1, as_of=TODAY)


def test_demo_is_audited_once(demo_db):
    with sqlite3.connect(demo_db.path) as c:
        assert c.execute("SELECT count(*) FROM audit_entries WHERE action = 'demo'").fetchone()[0] == 1


def test_every_grant_balance_is_the_sum_of_its_entries_and_never_owes_more_than_approved(demo_db):
    with sqlite3.connect(demo_db.path) as c:
        bad = c.execute(
            "SELECT g.id FROM subsidy_grants g JOIN ledger_entries e ON e.grant_id = g.id GROUP BY g.id "
            "HAVING sum(CASE WHEN e.kind = 'due' THEN e.amount_fen ELSE 0 END) > g.approved_total_fen"
        ).fetchall()
    assert bad == []


def test_a_cancelled_demo_keeps_nothing_and_leaves_a_usable_database(tmp_path):
    """Cancelling midway (batches already handed to the writing thread) rolls everything back cleanly: no talent,
    no ledger entry, and the same database takes a complete demo afterwards."""
    path = tmp_path / "cancel.db"
    d = Database.open(path)
    try:
        asked = []

        def abort():  # asked every 5,000 talents, three times while drawing them and again for their subsidies:
            asked.append(1)  # the fifth comes after about 100,000 ledger entries went to the writing thread
            return len(asked) >= 5

        with pytest.raises(RuleViolation):
            with d.session(Actor.local()) as s:
                generate_demo(s, talents=12_000, seed=3, as_of=TODAY, abort=abort)
        with sqlite3.connect(path) as c:
            assert c.execute("SELECT count(*) FROM talents").fetchone()[0] == 0
            assert c.execute("SELECT count(*) FROM ledger_entries").fetchone()[0] == 0
        with d.session(Actor.local()) as s:
            assert generate_demo(s, talents=50, seed=3, as_of=TODAY).talents == 50
        with sqlite3.connect(path) as c:
            assert c.execute("SELECT count(*) FROM talents").fetchone()[0] == 50
            assert c.execute("SELECT count(*) FROM sqlite_master WHERE name = 'talents_fts_ai'").fetchone()[0] == 1
    finally:
        d.dispose()
