"""Bad input everywhere (services that exist now): random, enormous, SQL-looking and out-of-range values get a
clear message or a correct empty answer, never a crash, and the database is unchanged."""
from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.safety.safety_helpers import login
from talentdesk.domain.enums import Role
from talentdesk.domain.errors import TalentDeskError, ValidationError
from talentdesk.domain.values import MAX_FEN, parse_yuan
from talentdesk.services.safety import accounts
from talentdesk.services.safety import audit
from talentdesk.services.ledger import journal
from talentdesk.services.talents import registry
from talentdesk.services.base import Actor

from tests.conftest import make_actor

SQLISH = st.sampled_from([
    "'; DROP TABLE talents; --", "\" OR 1=1 --", "%", "_", "\\", "' UNION SELECT password_hash FROM users --",
    "=cmd|' /C calc'!A0", "+SUM(A1:A9)", "@import", "\x00", "张三'); DELETE FROM ledger_entries; --", "zs",
])
TEXT = st.one_of(SQLISH, st.text(max_size=60), st.text(min_size=2000, max_size=5000))
DATES = st.one_of(st.dates(), st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(1900, 2, 28)]))
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])
CASES = {"n": 0}


def _fingerprint(path) -> str:
    """Row counts and highest row ids of every table but the audit trail, and the full content of the accounts and
    settings (reads and refusals may add to the trail, nothing else may change)."""
    conn = sqlite3.connect(path)
    try:
        h = hashlib.sha256()
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name <> 'audit_entries' "
            "AND name NOT LIKE 'talents_fts%' ORDER BY name")]  # the full-text index mirrors talents
        for t in tables:
            h.update(repr(conn.execute(f'SELECT count(*), max(rowid) FROM "{t}"').fetchone()).encode())
        for t in ("users", "settings"):
            h.update(repr(conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall()).encode())
        return h.hexdigest()
    finally:
        conn.close()


@pytest.fixture
def fuzz_db(demo_db):
    return demo_db


@given(raw=st.one_of(
    TEXT, st.integers(min_value=-(10 ** 30), max_value=10 ** 30),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from(["-0.01", "1e400", "１２３.４５", "¥12,345.678", "NaN", "Infinity", "0", "9" * 40, "1,,2"])))
@settings(max_examples=500, deadline=None)
def test_amounts_are_fen_in_range_or_a_clear_message(raw):
    CASES["n"] += 1
    try:
        fen = parse_yuan(raw)
    except ValidationError as exc:
        assert exc.message and exc.field == "amount"
        return
    assert isinstance(fen, int) and 0 < fen <= MAX_FEN
    if isinstance(raw, int):
        assert fen == raw * 100
    if isinstance(raw, Decimal):
        assert abs(Decimal(fen) / 100 - raw) <= Decimal("0.005")


@given(text=TEXT, status=st.one_of(st.none(), st.text(max_size=12)), year=st.one_of(st.none(), st.integers(-10**6, 10**6)),
       months=st.one_of(st.none(), st.integers(-10**6, 10**6)), today=DATES,
       sort=st.one_of(st.text(max_size=12), st.sampled_from(list(registry.SORT_COLUMNS))), offset=st.integers(-5, 10**6))
@FUZZ
def test_talent_search_takes_any_input(fuzz_db, text, status, year, months, today, sort, offset):
    CASES["n"] += 1
    database = fuzz_db
    before = _fingerprint(database.path)
    q = registry.TalentQuery(text=text, status=status, arrival_year=year, service_ends_within_months=months,
                            today=today, sort=sort)
    try:
        with database.session(make_actor(Role.VIEWER), readonly=True) as s:
            page = registry.search_talents(s, query=q, offset=max(0, offset), limit=20)
        assert page.total >= len(page.rows)
        assert all("*" in r.id_number or not r.id_number for r in page.rows)
    except TalentDeskError as exc:
        assert exc.message
    assert _fingerprint(database.path) == before


@given(year=st.one_of(st.none(), st.integers(-10**9, 10**9)), kind=st.one_of(st.none(), TEXT),
       sort=st.text(max_size=10), policy=st.one_of(st.none(), st.integers(-10**9, 10**9)), as_of=DATES)
@FUZZ
def test_ledger_reads_take_any_input(fuzz_db, year, kind, sort, policy, as_of):
    CASES["n"] += 1
    database = fuzz_db
    before = _fingerprint(database.path)
    q = journal.EntryQuery(year=year, kind=kind, sort=sort, policy_id=policy)
    try:
        with database.session(make_actor(Role.VIEWER), readonly=True) as s:
            journal.list_entries(s, query=q, limit=10)
            totals = journal.entry_totals(s, query=q)
            journal.outstanding_dues(s, as_of=as_of, limit=10)
        assert isinstance(totals.balance_fen, int)
    except TalentDeskError as exc:
        assert exc.message
    assert _fingerprint(database.path) == before


@given(user=TEXT, date_from=st.one_of(st.none(), DATES), date_to=st.one_of(st.none(), DATES), record=TEXT,
       text=TEXT, table=TEXT)
@FUZZ
def test_audit_filters_take_any_input(fuzz_db, user, date_from, date_to, record, text, table):
    CASES["n"] += 1
    database = fuzz_db
    before = _fingerprint(database.path)
    q = audit.AuditQuery(username=user, date_from=date_from, date_to=date_to, record_id=record, text=text,
                         table_name=table)
    try:
        with database.session(make_actor(Role.ADMIN), readonly=True) as s:
            audit.list_audit(s, query=q, limit=10)
    except ValidationError as exc:
        assert exc.message and date_from and date_to and date_from > date_to
    assert _fingerprint(database.path) == before


@given(username=TEXT, password=st.one_of(TEXT, st.just("")), role=st.one_of(st.sampled_from(list(Role)), TEXT),
       display=st.one_of(st.just(""), TEXT))
@FUZZ
def test_account_creation_refuses_bad_input_and_changes_nothing(fuzz_db, username, password, role, display):
    CASES["n"] += 1
    database = fuzz_db
    before = _fingerprint(database.path)
    try:
        with database.session(Actor.local()) as s:
            accounts.create_user(s, username=username, password=password, role=str(role), display_name=display)
    except TalentDeskError as exc:
        assert exc.message
        assert _fingerprint(database.path) == before
        return
    with database.session(Actor.system(), readonly=True) as s:  # accepted: exactly what was typed, hashed
        u = accounts.find_user(s, username)
        assert u is not None and u.password_hash.startswith("$argon2id$") and password not in u.password_hash


@given(username=TEXT, password=TEXT)
@FUZZ
def test_login_with_anything_is_refused_with_a_message(fuzz_db, username, password):
    CASES["n"] += 1
    database = fuzz_db
    before = _fingerprint(database.path)
    with pytest.raises(TalentDeskError) as info:
        login(database, username=username, password=password)
    assert info.value.message
    assert _fingerprint(database.path) == before  # no account exists, so only the trail grows


def test_report_fuzz_case_count(record_property):
    record_property("fuzz_cases", CASES["n"])
    print(f"\nfuzz cases run in this module: {CASES['n']}")
