"""The same code runs on PostgreSQL through a database URL (for an office that grows into a shared database).

Runs when TALENTDESK_TEST_PG_URL names an empty PostgreSQL database the test may fill (CI sets one up).
"""
from __future__ import annotations

import datetime as dt
import os

import pytest
from sqlalchemy import text

PG_URL = os.environ.get("TALENTDESK_TEST_PG_URL")
pytestmark = pytest.mark.skipif(not PG_URL, reason="TALENTDESK_TEST_PG_URL is not set")


@pytest.fixture
def pg():
    from sqlalchemy import create_engine

    from talentdesk.services.base import Database

    raw = create_engine(PG_URL)
    with raw.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    raw.dispose()
    database = Database.open(PG_URL)
    yield database
    database.dispose()


def test_migrations_match_the_models_on_postgresql(pg):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from talentdesk.store import db
    from talentdesk.domain.models import Base

    def NOT_MODELS(name, type_, parent_names):  # noqa: N802
        # talents_fts: SQLite's number index; ix_trgm_*: PostgreSQL's trigram indexes (migration trgm_1); ix_chars_*:
        # its index of the names' characters (chars_1); ix_cover_*: talents by employer with their ids (cover_1)
        return not ((type_ == "table" and name and name.startswith("talents_fts"))
                    or (type_ == "index" and name and name.startswith(("ix_trgm_", "ix_chars_", "ix_cover_"))))

    assert db.current_revision(pg.engine) == db.head_revision()
    with pg.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True, "include_name": NOT_MODELS}), Base.metadata) == []


def test_demo_services_and_append_only_ledger_work_on_postgresql(pg):
    from sqlalchemy.exc import DBAPIError

    from talentdesk.services.ledger import journal

    from talentdesk.services.growth import overview

    from talentdesk.services.talents import registry
    from talentdesk.services.base import Actor
    from talentdesk.services.common.demo import generate_demo

    today = dt.date(2026, 11, 23)
    with pg.session(Actor.local()) as s:
        summary = generate_demo(s, talents=150, seed=5, as_of=today)
    with pg.session(Actor.local(), readonly=True) as s:
        page = registry.search_talents(s, query=registry.TalentQuery(text="z"))
        totals = journal.entry_totals(s)
        items = overview.attention_items(s, today=today)
        entries = s.execute(text("SELECT count(*) FROM ledger_entries")).scalar()
    assert summary.talents == 150 and page.total > 0 and entries == summary.ledger_entries
    assert totals.paid_fen > 0 and items
    with pytest.raises(DBAPIError, match="append-only"):
        with pg.engine.begin() as conn:
            conn.execute(text("UPDATE ledger_entries SET amount_fen = 1"))
