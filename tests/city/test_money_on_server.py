"""A city's money does not fit in 32 bits: a budget of 3,000,000,000.01 yuan is stored and read back
exactly on PostgreSQL (found when the 100,000-talent benchmark's demo budget overflowed INTEGER)."""
from __future__ import annotations

from sqlalchemy import select

from talentdesk.domain.models import Budget
from talentdesk.services.base import Actor, Database


def test_a_city_budget_over_21_million_yuan_is_kept_exactly(pg_url):
    database = Database.open(pg_url)
    try:
        with database.session(Actor.local()) as s:
            s.add(Budget(fiscal_year=2026, policy_kind="settling", amount_fen=3_000_000_000_01, notes="市级"))
        with database.session(Actor.local(), readonly=True) as s:
            assert s.scalar(select(Budget.amount_fen).where(Budget.fiscal_year == 2026)) == 3_000_000_000_01
    finally:
        database.dispose()
