"""Talent search on PostgreSQL: a one- or two-character name (伟, 志强, 王伟), which the trigram index cannot serve,
goes through the index of the names' characters (chars_1) and finds exactly what a plain "contains" finds."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from talentdesk.services.base import Actor, Database
from talentdesk.services.talents import registry

from tests.city.server import drop_database


@pytest.fixture(scope="module")
def server(pg_admin_url):
    import uuid

    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from talentdesk.services.common.demo import generate_demo

    admin = create_engine(make_url(pg_admin_url), isolation_level="AUTOCOMMIT")
    name = f"td_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    database = Database.open(make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False))
    with database.session(Actor.local()) as s:
        generate_demo(s, talents=400, seed=11, as_of=dt.date(2026, 11, 23))
    yield database
    database.dispose()
    with admin.connect() as conn:
        drop_database(conn, name)
    admin.dispose()


def _plain_total(database, needle: str) -> int:
    with database.engine.connect() as conn:
        return conn.execute(text(
            "SELECT count(*) FROM talents t WHERE strpos(t.name, :n) > 0 OR t.employer_id IN "
            "(SELECT id FROM employers WHERE strpos(name, :n) > 0)"), {"n": needle}).scalar()


def test_short_names_find_what_a_plain_contains_finds(server):
    with server.engine.connect() as conn:
        names = [r[0] for r in conn.execute(text("SELECT name FROM talents ORDER BY id LIMIT 40"))]
    needles = {n[1:] for n in names if len(n) == 3} | {n[-1] for n in names} | {n for n in names if len(n) == 2}
    needles |= {n[:2] for n in names}  # a surname and the first character of the given name
    assert any(len(n) == 1 for n in needles) and any(len(n) == 2 for n in needles)
    for needle in sorted(needles):
        with server.session(Actor.local(), readonly=True) as s:
            page = registry.search_talents(s, query=registry.TalentQuery(text=needle), limit=50)
        assert page.total == _plain_total(server, needle), needle
        assert all(needle in r.name or needle in r.employer_name for r in page.rows), needle


def test_a_short_name_search_is_served_by_the_characters_index(server):
    """The condition the search sends is the index's own expression (else PostgreSQL reads every name)."""
    from sqlalchemy import select

    from talentdesk.domain.models import Talent

    with server.session(Actor.local(), readonly=True) as s:
        condition = registry._name_contains(s, "志强")
        sql = select(Talent.id).where(condition).compile(s.get_bind(), compile_kwargs={"literal_binds": True})
        s.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(r[0] for r in s.execute(text("EXPLAIN " + str(sql))))
        indexdef = s.execute(text("SELECT pg_get_indexdef('ix_chars_talents_name'::regclass)")).scalar_one()
    expression = indexdef.split(" USING gin (", 1)[1][:-1]  # string_to_array((name)::text, NULL::text)
    # the planner may prefer another index on a tiny table (under row-level security, the county's), but the
    # condition must be the index's own expression for it to be usable at all
    assert "ix_chars_talents_name" in plan or f"{expression} @>" in plan, (expression, plan)


def test_a_text_most_employers_share_counts_what_a_plain_contains_counts(server, monkeypatch):
    """The dense path (most talents match through their employers): its total, counted as every employed talent
    less those at the other employers, equals the plain count, and the page is the first matches in id order."""
    monkeypatch.setattr(registry, "DENSE_EMPLOYER_MATCHES", 10)
    with server.engine.connect() as conn:
        names = [r[0] for r in conn.execute(text("SELECT name FROM employers ORDER BY id"))]
    from collections import Counter

    common = Counter(c for n in names for c in set(n)).most_common(1)[0][0]  # 县 of 县人民医院, 县第一中学 …
    assert sum(common in n for n in names) * 2 > len(names)  # most employers: the total is counted the other way
    for needle in (common, names[0][:2]):
        with server.session(Actor.local(), readonly=True) as s:
            page = registry.search_talents(s, query=registry.TalentQuery(text=needle), limit=30)
        assert page.total == _plain_total(server, needle), needle
        with server.engine.connect() as conn:
            first = [r[0] for r in conn.execute(text(
                "SELECT t.id FROM talents t WHERE strpos(t.name, :n) > 0 OR t.employer_id IN "
                "(SELECT id FROM employers WHERE strpos(name, :n) > 0) ORDER BY t.id LIMIT 30"), {"n": needle})]
        assert [r.id for r in page.rows] == first, needle
