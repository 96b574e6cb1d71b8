"""Counts and totals are the same whichever joins a filter needs (the shortcut only drops work, never rows)."""
from __future__ import annotations

import sqlite3

from talentdesk.services.ledger import journal
from talentdesk.services.base import Actor


def _raw(path, sql, *args):
    with sqlite3.connect(path) as c:
        return c.execute(sql, args).fetchone()[0]


def test_counts_and_totals_match_plain_sql_with_and_without_joined_filters(demo_db):
    p = demo_db.path
    employer = _raw(p, "SELECT employer_id FROM talents GROUP BY employer_id ORDER BY count(*) DESC LIMIT 1")
    with demo_db.session(Actor.local(), readonly=True) as s:
        everything = journal.list_entries(s, limit=1)
        totals = journal.entry_totals(s)
        year = journal.list_entries(s, query=journal.EntryQuery(year=2024), limit=1)
        by_employer = journal.list_entries(s, query=journal.EntryQuery(employer_id=employer), limit=1)
        by_kind = journal.list_entries(s, query=journal.EntryQuery(policy_kind="settling", kind="payment"), limit=1)
    assert everything.total == _raw(p, "SELECT count(*) FROM ledger_entries")
    assert totals.balance_fen == _raw(p, "SELECT sum(amount_fen) FROM ledger_entries")
    assert year.total == _raw(p, "SELECT count(*) FROM ledger_entries WHERE fiscal_year = 2024")
    assert by_employer.total == _raw(p, "SELECT count(*) FROM ledger_entries e JOIN talents t ON t.id = e.talent_id "
                                        "WHERE t.employer_id = ?", employer) > 0
    assert by_kind.total == _raw(p, "SELECT count(*) FROM ledger_entries e JOIN subsidy_grants g ON g.id = e.grant_id "
                                    "WHERE g.policy_kind = 'settling' AND e.kind = 'payment'") > 0
